#include "train/trainingchart.h"

#include <QTest>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <vector>

using namespace neurolift;

namespace {

/// `epochs` epochs of made-up history: the loss falls from `start`, AUC and accuracy rise.
std::vector<RunEpoch> history(int epochs, double start)
{
    std::vector<RunEpoch> h;
    for (int e = 1; e <= epochs; ++e) {
        RunEpoch re;
        re.epoch = e;
        re.trainLoss = start / e;
        re.validationLoss = start / e + 0.05;
        re.metrics = {{"auc", 0.6 + 0.03 * e},
                      {"accuracy", 0.7 + 0.01 * e},
                      {"train_accuracy", 0.72 + 0.01 * e},
                      {"rmse", start / e + 0.1}};
        h.push_back(re);
    }
    return h;
}

/// The visible curves of `plot` by their legend name.
std::map<QString, const QCPGraph*> visibleGraphs(const QCustomPlot* plot)
{
    std::map<QString, const QCPGraph*> graphs;
    for (int i = 0; i < plot->graphCount(); ++i) {
        if (plot->graph(i)->visible()) {
            graphs[plot->graph(i)->name()] = plot->graph(i);
        }
    }
    return graphs;
}

/// `c` as a reader without red (protanopia) or green (deuteranopia) cones sees it: Machado, Oliveira
/// and Fernandes (2009) at full severity, applied to linear RGB.
QColor seenBy(const QColor& c, bool protanopia)
{
    static constexpr double kDeuteranopia[3][3] = {
        {0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}};
    static constexpr double kProtanopia[3][3] = {
        {0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}};
    const auto& m = protanopia ? kProtanopia : kDeuteranopia;
    auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    auto gamma = [](double v) {
        v = std::clamp(v, 0.0, 1.0);
        return v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
    };
    const double in[3] = {linear(c.redF()), linear(c.greenF()), linear(c.blueF())};
    double out[3];
    for (int i = 0; i < 3; ++i) {
        out[i] = gamma(m[i][0] * in[0] + m[i][1] * in[1] + m[i][2] * in[2]);
    }
    return QColor::fromRgbF(float(out[0]), float(out[1]), float(out[2]));
}

/// How far apart two colours are (0 to 441 in 8-bit RGB).
double colourDistance(const QColor& a, const QColor& b)
{
    return std::hypot(a.red() - b.red(), a.green() - b.green(), a.blue() - b.blue());
}

} // namespace

/// The Train page's charts on their own: axes, colours and legends (issue 18).
class TestTrainingChart : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void testQualityAxisStaysWithinZeroAndOne_issue18_data();
    void testQualityAxisStaysWithinZeroAndOne_issue18();
    void testEachQuantityHasItsOwnColour_issue18_data();
    void testEachQuantityHasItsOwnColour_issue18();

private:
    std::unique_ptr<TrainingChart> m_chart;
};

void TestTrainingChart::init()
{
    m_chart = std::make_unique<TrainingChart>();
    m_chart->resize(900, 430); // about its size on the page in a 1280x720 window
    m_chart->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_chart.get()));
}

void TestTrainingChart::cleanup()
{
    m_chart.reset();
}

void TestTrainingChart::testQualityAxisStaysWithinZeroAndOne_issue18_data()
{
    QTest::addColumn<int>("task");
    QTest::addColumn<double>("accuracy");
    QTest::newRow("yes/no, before training") << int(TaskKind::BinaryClassification) << -1.0;
    QTest::newRow("several classes, before training") << int(TaskKind::MultiClassification) << -1.0;
    QTest::newRow("yes/no, accuracy near 1") << int(TaskKind::BinaryClassification) << 0.998;
    QTest::newRow("several classes, accuracy 1") << int(TaskKind::MultiClassification) << 1.0;
}

/// AUC and accuracy lie between 0 and 1: their axis shows 0 to 1 before training (it showed 0 to 5)
/// and never goes past 1 or below 0 while following the curves.
void TestTrainingChart::testQualityAxisStaysWithinZeroAndOne_issue18()
{
    QFETCH(int, task);
    QFETCH(double, accuracy);
    TrainingChart* chart = m_chart.get();
    const auto kind = static_cast<TaskKind>(task);
    if (accuracy < 0.0) {
        // As a run starts: the charts are emptied (a new chart is empty too).
        chart->reset(kind, QStringLiteral("Run 1"));
    } else {
        std::vector<RunEpoch> history;
        for (int e = 1; e <= 6; ++e) {
            RunEpoch re;
            re.epoch = e;
            re.trainLoss = 0.5 / e;
            re.validationLoss = 0.5 / e;
            const double a = accuracy - 0.01 * (6 - e);
            re.metrics = {{"auc", a}, {"accuracy", a}, {"train_accuracy", accuracy}};
            history.push_back(re);
        }
        chart->showRun(kind, QStringLiteral("run"), history, 6);
        chart->fitToData();
    }
    const QCPRange range = chart->qualityPlot()->yAxis->range();
    QVERIFY2(range.lower >= 0.0 && range.upper <= 1.0,
             qPrintable(QStringLiteral("%1 to %2").arg(range.lower).arg(range.upper)));
    if (accuracy < 0.0) {
        QCOMPARE(range.lower, 0.0);
        QCOMPARE(range.upper, 1.0);
    } else {
        QVERIFY(range.contains(accuracy));
    }
}

void TestTrainingChart::testEachQuantityHasItsOwnColour_issue18_data()
{
    QTest::addColumn<int>("task");
    QTest::newRow("yes/no") << int(TaskKind::BinaryClassification);
    QTest::newRow("several classes") << int(TaskKind::MultiClassification);
    QTest::newRow("a number") << int(TaskKind::Regression);
}

/// Each quantity has its own colour, the same on both charts, in every task and for a compared run
/// (dashed); the per-batch loss is the training loss's colour, faint. Different quantities stay apart
/// for readers without red or green cones, and the legends sit outside the curves.
void TestTrainingChart::testEachQuantityHasItsOwnColour_issue18()
{
    QFETCH(int, task);
    TrainingChart* chart = m_chart.get();
    chart->showRun(TaskKind(task), QStringLiteral("first"), history(8, 1.0), 8);
    chart->addBatchLoss(0.5, 1.2);
    chart->setOverlay(QStringLiteral("second"), history(6, 0.8));

    // Colours of what a binary classifier shows, which the other tasks must keep for the same quantity.
    static std::map<QString, QRgb> seen;
    const QString mainRun = QStringLiteral(" (first)");
    const QString otherRun = QStringLiteral(" (second)");
    for (QCustomPlot* plot : {chart->lossPlot(), chart->qualityPlot()}) {
        const auto graphs = visibleGraphs(plot);
        std::map<QString, QColor> quantities;
        for (const auto& [name, graph] : graphs) {
            const QPen pen = graph->pen();
            if (name.endsWith(otherRun)) {
                const QString same = name.chopped(otherRun.size()) + mainRun;
                QVERIFY2(graphs.count(same), qPrintable(name));
                QCOMPARE(pen.color().rgb(), graphs.at(same)->pen().color().rgb());
                QCOMPARE(pen.style(), Qt::DashLine);
                continue;
            }
            QVERIFY2(name.endsWith(mainRun), qPrintable(name));
            QCOMPARE(pen.style(), Qt::SolidLine);
            const QString quantity = name.chopped(mainRun.size());
            if (quantity == QStringLiteral("Training, per batch")) {
                QVERIFY(graphs.count(QStringLiteral("Training") + mainRun));
                QCOMPARE(pen.color().rgb(),
                         graphs.at(QStringLiteral("Training") + mainRun)->pen().color().rgb());
                QVERIFY2(pen.color().alpha() < 128, "the per-batch line is faint");
                continue;
            }
            QCOMPARE(pen.color().alpha(), 255);
            if (const auto it = seen.find(quantity); it != seen.end()) {
                QVERIFY2(it->second == pen.color().rgb(),
                         qPrintable(quantity + QStringLiteral(" changed colour")));
            }
            seen[quantity] = pen.color().rgb();
            quantities[quantity] = pen.color();
        }
        QVERIFY(quantities.size() >=
                (plot == chart->lossPlot() || task != int(TaskKind::Regression) ? 2u : 1u));
        // Different quantities, different colours; also across the two charts.
        for (const auto& [a, colourA] : seen) {
            for (const auto& [b, colourB] : seen) {
                const bool sameSlot =
                    a.startsWith(QStringLiteral("Validation")) &&
                    b.startsWith(QStringLiteral("Validation")) &&
                    (a.endsWith(QStringLiteral("AUC")) || a.endsWith(QStringLiteral("RMSE"))) &&
                    (b.endsWith(QStringLiteral("AUC")) || b.endsWith(QStringLiteral("RMSE")));
                QVERIFY2(a == b || sameSlot || colourA != colourB,
                         qPrintable(a + QStringLiteral(" and ") + b));
            }
        }
        for (const auto& [a, colourA] : quantities) {
            for (const auto& [b, colourB] : quantities) {
                for (const bool protanopia : {false, true}) {
                    const double d = colourDistance(seenBy(colourA, protanopia), seenBy(colourB, protanopia));
                    QVERIFY2(a == b || d > 40.0,
                             qPrintable(QStringLiteral("%1 and %2: %3 apart").arg(a, b).arg(d)));
                }
            }
        }
    }
    for (QCustomPlot* plot : {chart->lossPlot(), chart->qualityPlot()}) {
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY2(!plot->legend->outerRect().intersects(plot->axisRect()->rect()),
                 qPrintable(plot->objectName()));
        QVERIFY(plot->rect().contains(plot->legend->outerRect()));
    }
}

QTEST_MAIN(TestTrainingChart)
#include "tst_trainingchart.moc"

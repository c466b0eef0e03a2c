#include "explain/explainpage.h"
#include "model/networkview.h"

#include "eventqueue.h"
#include "runfixtures.h"

#include "../core/columns.h"

#include "data/csvreader.h"
#include "explain/attribution.h"
#include "explain/reasons.h"
#include "training/pipeline.h"
#include "training/trainer.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTest>
#include <QToolTip>

#include <qcustomplot.h>

#include <cmath>
#include <memory>
#include <random>
#include <set>

using namespace neurolift;
using neurolift::test::categorical;
using neurolift::test::numbers;
using neurolift::test::trainRun;
using neurolift::test::twoOutcomeTable;

namespace {

/// The importance chart's column names, top bar first.
QStringList barOrder(QCustomPlot* plot)
{
    auto* bars = qobject_cast<QCPBars*>(plot->plottable(0));
    auto ticker = plot->yAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QStringList names;
    if (!bars || !ticker) {
        return names;
    }
    std::vector<double> keys;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) {
        keys.push_back(it->key);
    }
    std::sort(keys.rbegin(), keys.rend());
    for (const double k : keys) {
        names << ticker->ticks().value(k);
    }
    return names;
}

/// What a user would see cut on `root`: a one-line label narrower than its text, a wrapping label
/// shorter than its text, a chart's axis label longer than its axis, a chart's text item outside its room.
QStringList cutTexts(const QWidget* root)
{
    QStringList found;
    for (const QLabel* label : root->findChildren<QLabel*>()) {
        if (!label->isVisibleTo(root->window()) || label->text().isEmpty() || label->width() == 0 ||
            label->textFormat() == Qt::RichText) {
            continue;
        }
        const int room = label->contentsRect().width() - 2 * label->margin();
        const bool cut = label->wordWrap() ? label->heightForWidth(label->width()) > label->height() + 1
                                           : label->fontMetrics().horizontalAdvance(label->text()) > room + 1;
        if (cut) {
            found << QStringLiteral("label %1: \"%2\" (%3x%4)")
                         .arg(label->objectName(), label->text().left(60))
                         .arg(label->width())
                         .arg(label->height());
        }
    }
    for (QCustomPlot* plot : root->findChildren<QCustomPlot*>()) {
        if (!plot->isVisibleTo(root->window())) {
            continue;
        }
        for (QCPAxis* axis : plot->axisRect()->axes()) {
            const int length = axis->orientation() == Qt::Horizontal ? plot->axisRect()->width()
                                                                     : plot->axisRect()->height();
            if (axis->visible() &&
                QFontMetrics(axis->labelFont()).horizontalAdvance(axis->label()) > length) {
                found << QStringLiteral("%1 axis label \"%2\" on %3 px")
                             .arg(plot->objectName(), axis->label())
                             .arg(length);
            }
        }
        for (int i = 0; i < plot->itemCount(); ++i) {
            auto* text = qobject_cast<QCPItemText*>(plot->item(i));
            if (!text || text->text().isEmpty()) {
                continue;
            }
            const QRectF box =
                QRectF(text->topLeft->pixelPosition(), text->bottomRight->pixelPosition()).normalized();
            const QRectF room =
                text->clipToAxisRect() ? QRectF(plot->axisRect()->rect()) : QRectF(plot->rect());
            if (!room.adjusted(-1, -1, 1, 1).contains(box) ||
                box.width() < QFontMetrics(text->font()).horizontalAdvance(text->text())) {
                found << QStringLiteral("%1 text \"%2\" at %3..%4, room %5..%6")
                             .arg(plot->objectName(), text->text())
                             .arg(box.left())
                             .arg(box.right())
                             .arg(room.left())
                             .arg(room.right());
            }
        }
    }
    return found;
}

} // namespace

class TestExplainPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void testEmptyStateSaysWhatToDoFirst_data();
    void testEmptyStateSaysWhatToDoFirst();
    void testImportanceRanksTheTrueColumnsFirst_data();
    void testImportanceRanksTheTrueColumnsFirst();
    void testSelectingARunUpdatesThePage();
    void testClickingABarDrawsItsDependence_data();
    void testClickingABarDrawsItsDependence();
    void testPickingACustomerByIdExplainsTheScore_data();
    void testPickingACustomerByIdExplainsTheScore();
    void testAnUnknownIdIsSaidInWords();
    void testReasonsUseTheColumnWords_issue18();
    void testHeatMapHasTheLayerShapeAndASymmetricRange_data();
    void testHeatMapHasTheLayerShapeAndASymmetricRange();
    void testHoveringACellShowsItsWeight();
    void testNetworkDrawingKeepsTheStrongestEdges();
    void testAHiddenPageWaitsUntilShown();
    void testMultiClassExplainsThePredictedClass();
    void testEveryAucSaysWhichCustomersItIsOn_issue18();
    void testTheAverageCustomerIsToldApartFromTheMeanScore_issue18();
    void testEveryTabFitsTheWindow_issue18_data();
    void testEveryTabFitsTheWindow_issue18();
    void testScreenshotsOfOnlineShoppers();

private:
    /// Shows the page with both runs and waits until run `index` is ready.
    void showRuns(int index = 0);
    QLabel* label(const char* name) const { return m_page->findChild<QLabel*>(QString::fromLatin1(name)); }

    std::shared_ptr<const Table> m_table;
    std::vector<RunRecord> m_runs;
    std::unique_ptr<ExplainPage> m_page;
};

void TestExplainPage::initTestCase()
{
    m_table = std::make_shared<const Table>(twoOutcomeTable());
    m_runs.push_back(trainRun(*m_table, "Bought", "Clicked", 1));
    m_runs.push_back(trainRun(*m_table, "Clicked", "Bought", 2));
    // As a project keeps them: each run's figures on its held-out test rows.
    m_runs[0].metrics = {{"test_auc", 0.842}, {"test_rows", 225}};
    m_runs[1].metrics = {{"test_auc", 0.917}, {"test_rows", 225}};
}

void TestExplainPage::init()
{
    m_page = std::make_unique<ExplainPage>();
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestExplainPage::cleanup()
{
    m_page.reset();
}

void TestExplainPage::showRuns(int index)
{
    m_page->setTable(m_table);
    m_page->setRuns(m_runs);
    m_page->selectRun(index);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->importance() != nullptr && !m_page->isBusy(), 30000);
}

void TestExplainPage::testEmptyStateSaysWhatToDoFirst_data()
{
    QTest::addColumn<bool>("withRuns");
    QTest::addColumn<bool>("withTable");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nothing") << false << false << "Train a model on the Train page first";
    QTest::newRow("data, no run") << false << true << "Train a model on the Train page first";
    QTest::newRow("runs, data not read yet") << true << false << "Reading the customer data";
}

void TestExplainPage::testEmptyStateSaysWhatToDoFirst()
{
    QFETCH(bool, withRuns);
    QFETCH(bool, withTable);
    QFETCH(QString, expected);
    if (withTable) {
        m_page->setTable(m_table);
    }
    if (withRuns) {
        m_page->setRuns(m_runs);
    }
    auto* stack = m_page->findChild<QStackedWidget*>();
    QVERIFY(stack);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyState"));
    QVERIFY2(label("emptyState")->text().contains(expected), qPrintable(label("emptyState")->text()));
    QCOMPARE(m_page->findChild<QComboBox*>(QStringLiteral("runPicker"))->isVisible(), withRuns);
}

void TestExplainPage::testImportanceRanksTheTrueColumnsFirst_data()
{
    QTest::addColumn<int>("run");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("Bought: Visits and Spend")
        << 0 << QStringList{QStringLiteral("Visits"), QStringLiteral("Spend")};
    QTest::newRow("Clicked: Age and Tenure")
        << 1 << QStringList{QStringLiteral("Age"), QStringLiteral("Tenure")};
}

void TestExplainPage::testImportanceRanksTheTrueColumnsFirst()
{
    QFETCH(int, run);
    QFETCH(QStringList, expected);
    showRuns(run);
    const QStringList order = barOrder(m_page->importancePlot());
    QCOMPARE(order.size(), 5); // the five inputs; the id and the other outcome are not inputs
    const std::set<QString> topTwo{order[0], order[1]};
    QVERIFY2((topTwo == std::set<QString>{expected[0], expected[1]}), qPrintable(order.join(u',')));
    // The bars are sorted and the error bars carry the spread.
    const ImportanceResult* r = m_page->importance();
    QVERIFY(r->columns[0].mean >= r->columns[1].mean);
    QCOMPARE(r->measure, std::string("AUC"));
    auto* errors = m_page->importancePlot()->findChild<QCPErrorBars*>();
    QVERIFY(errors);
    QCOMPARE(errors->dataCount(), 5);
    QVERIFY(label("importanceCaption")->text().contains(QStringLiteral("validation customers")));
}

void TestExplainPage::testSelectingARunUpdatesThePage()
{
    showRuns(0);
    const QStringList first = barOrder(m_page->importancePlot());
    m_page->tabs()->setCurrentIndex(2);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->currentCustomer() >= 0 && !m_page->isBusy(), 60000);
    const double firstScore = m_page->customerScore();

    // Pick the other run with the keyboard, as a user would.
    auto* picker = m_page->findChild<QComboBox*>(QStringLiteral("runPicker"));
    QCOMPARE(picker->count(), 2);
    QCOMPARE(picker->currentIndex(), 0);
    picker->setFocus();
    QTest::keyClick(picker, Qt::Key_Down);
    QCOMPARE(m_page->currentRun(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->importance() != nullptr && !m_page->isBusy(), 30000);
    const QStringList second = barOrder(m_page->importancePlot());
    QVERIFY2(first.mid(0, 2) != second.mid(0, 2), qPrintable(first.join(u',') + u'/' + second.join(u',')));
    QVERIFY(m_page->customerScore() != firstScore);

    // Back again: the importance comes from the cache at once.
    QTest::keyClick(picker, Qt::Key_Up);
    QVERIFY(m_page->importance() != nullptr);
    QTRY_COMPARE_WITH_TIMEOUT(barOrder(m_page->importancePlot()), first, 60000);
}

void TestExplainPage::testClickingABarDrawsItsDependence_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<bool>("line");
    QTest::newRow("numeric: a line") << "Spend" << true;
    QTest::newRow("categorical: bars") << "Region" << false;
}

void TestExplainPage::testClickingABarDrawsItsDependence()
{
    QFETCH(QString, column);
    QFETCH(bool, line);
    showRuns(0);
    QCustomPlot* plot = m_page->importancePlot();
    const QStringList order = barOrder(plot);
    const int rank = static_cast<int>(order.indexOf(column));
    QVERIFY(rank >= 0);
    const double key = order.size() - rank;
    const ImportanceResult* r = m_page->importance();
    const double value = r->columns[static_cast<std::size_t>(rank)].mean;
    const QPoint at(static_cast<int>(plot->xAxis->coordToPixel(std::max(value, 0.0) / 2.0)),
                    static_cast<int>(plot->yAxis->coordToPixel(key)));
    QTest::mouseClick(plot, Qt::LeftButton, {}, at);

    QCustomPlot* pd = m_page->dependencePlot();
    QTRY_COMPARE_WITH_TIMEOUT(pd->xAxis->label(), column, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 60000);
    QCPAbstractPlottable* curve = nullptr;
    for (int i = 0; i < pd->plottableCount(); ++i) {
        if (pd->plottable(i)->objectName() == QStringLiteral("partialDependence")) {
            curve = pd->plottable(i);
        }
    }
    QVERIFY(curve);
    QCOMPARE(qobject_cast<QCPGraph*>(curve) != nullptr, line);
    QCOMPARE(qobject_cast<QCPBars*>(curve) != nullptr, !line);
    if (!line) {
        QCOMPARE(qobject_cast<QCPBars*>(curve)->dataCount(), 3); // north, south, east
    }
}

void TestExplainPage::testPickingACustomerByIdExplainsTheScore_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("row");
    QTest::newRow("C00007") << "C00007" << 6;
    QTest::newRow("C01234") << "C01234" << 1233;
}

void TestExplainPage::testPickingACustomerByIdExplainsTheScore()
{
    QFETCH(QString, id);
    QFETCH(int, row);
    showRuns(0);
    m_page->tabs()->setCurrentIndex(2);
    auto* edit = m_page->findChild<QLineEdit*>(QStringLiteral("customerEdit"));
    QVERIFY(edit->isVisible());
    edit->clear();
    QTest::keyClicks(edit, id);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->currentCustomer(), std::int64_t(row), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(label("score")->text().startsWith(id), 60000);

    // The score is the engine's.
    const RunRecord& run = m_runs[0];
    const Network network = run.model.network();
    const std::vector<std::int64_t> rows{row};
    const Matrix x = run.model.recipe.transform(*m_table, rows);
    Matrix out;
    Network::Workspace ws;
    network.predict(x, out, ws);
    QVERIFY2(std::abs(m_page->customerScore() - out(0, 0)) < 1e-5,
             qPrintable(QStringLiteral("%1 vs %2").arg(m_page->customerScore()).arg(out(0, 0))));

    // The waterfall's bars (read from the chart) add up to score - baseline.
    double sum = 0.0;
    int steps = 0;
    QCustomPlot* plot = m_page->waterfallPlot();
    for (int i = 0; i < plot->itemCount(); ++i) {
        if (auto* rect = qobject_cast<QCPItemRect*>(plot->item(i));
            rect && rect->objectName() == QStringLiteral("step")) {
            sum += rect->bottomRight->coords().x() - rect->topLeft->coords().x();
            ++steps;
        }
    }
    QCOMPARE(steps, 5);
    const double tolerance = AttributionOptions{}.tolerance;
    QVERIFY2(std::abs(sum - (m_page->customerScore() - m_page->baselineScore())) <= tolerance,
             qPrintable(
                 QStringLiteral("%1 vs %2").arg(sum).arg(m_page->customerScore() - m_page->baselineScore())));
    QVERIFY(label("waterfallCaption")->text().contains(QStringLiteral("add up")));

    // The reason codes, as the engine words them.
    Matrix train = run.model.recipe.transform(*m_table, splitFromAssignment(run.split).train);
    const AttributionResult a = attribute(network, x, meanBaseline(train));
    QVERIFY(std::abs(a.baselineScore - m_page->baselineScore()) < 1e-6);
    const RowReasons reasons =
        reasonCodes(a.values, FeatureGroups::fromRecipe(run.model.recipe), *m_table, rows).front();
    QVERIFY(!reasons.up.empty() || !reasons.down.empty());
    const QString shown = label("reasons")->text();
    for (const auto* list : {&reasons.up, &reasons.down}) {
        for (const Reason& r : *list) {
            QVERIFY2(shown.contains(QString::fromStdString(r.text).toHtmlEscaped()), qPrintable(shown));
        }
    }
}

void TestExplainPage::testAnUnknownIdIsSaidInWords()
{
    showRuns(0);
    m_page->tabs()->setCurrentIndex(2);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 60000);
    const std::int64_t before = m_page->currentCustomer();
    auto* edit = m_page->findChild<QLineEdit*>(QStringLiteral("customerEdit"));
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("nobody"));
    QTest::mouseClick(m_page->findChild<QPushButton*>(QStringLiteral("customerShow")), Qt::LeftButton);
    QVERIFY(label("customerProblem")->text().contains(QStringLiteral("No customer has the CustomerId")));
    QCOMPARE(m_page->currentCustomer(), before);
}

void TestExplainPage::testReasonsUseTheColumnWords_issue18()
{
    showRuns(0);
    m_page->tabs()->setCurrentIndex(2);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->currentCustomer() >= 0 && !m_page->isBusy(), 60000);
    QVERIFY(label("reasons")->text().contains(QStringLiteral(" = ")));
    // Every column described (as on the Data page): this customer's reasons read in the words.
    ColumnWords words;
    for (const std::string& c : FeatureGroups::fromRecipe(m_runs[0].model.recipe).columns) {
        words[c] = "What " + c + " means";
    }
    m_page->setColumnWords(words);
    QTRY_VERIFY_WITH_TIMEOUT(
        label("reasons")->text().contains(QStringLiteral(" means: ")) && !m_page->isBusy(), 60000);
    const QString shown = label("reasons")->text();
    QVERIFY2(!shown.contains(QStringLiteral(" = ")), qPrintable(shown));
    QVERIFY2(QRegularExpression(QStringLiteral(R"(What \w+ means: [^<]+ \([+-][0-9.e+-]+\))"))
                 .match(shown)
                 .hasMatch(),
             qPrintable(shown));
}

void TestExplainPage::testHeatMapHasTheLayerShapeAndASymmetricRange_data()
{
    QTest::addColumn<int>("layer");
    QTest::addColumn<int>("outputs");
    QTest::addColumn<int>("inputs"); // 0: the recipe's features
    QTest::newRow("first hidden layer") << 0 << 16 << 0;
    QTest::newRow("second hidden layer") << 1 << 8 << 16;
    QTest::newRow("output layer") << 2 << 1 << 8;
}

void TestExplainPage::testHeatMapHasTheLayerShapeAndASymmetricRange()
{
    QFETCH(int, layer);
    QFETCH(int, outputs);
    QFETCH(int, inputs);
    showRuns(0);
    const std::vector<std::string> features = m_runs[0].model.recipe.featureNames();
    if (inputs == 0) {
        inputs = static_cast<int>(features.size());
    }
    m_page->tabs()->setCurrentIndex(1);
    auto* picker = m_page->findChild<QComboBox*>(QStringLiteral("layerPicker"));
    QCOMPARE(picker->count(), 3);
    picker->setFocus();
    QTest::keyClick(picker, Qt::Key_Home);
    for (int i = 0; i < layer; ++i) {
        QTest::keyClick(picker, Qt::Key_Down);
    }
    QCOMPARE(picker->currentIndex(), layer);

    QCustomPlot* plot = m_page->heatMapPlot();
    auto* map = plot->findChild<QCPColorMap*>();
    QVERIFY(map);
    // A one-unit dimension is stored as two equal half-cells.
    QCOMPARE(map->data()->keySize(), std::max(inputs, 2));
    QCOMPARE(map->data()->valueSize(), std::max(outputs, 2));
    const Matrix& w = m_runs[0].model.weights[static_cast<std::size_t>(2 * layer)].second;
    QCOMPARE(static_cast<int>(w.rows()), outputs);
    QCOMPARE(static_cast<int>(w.cols()), inputs);
    const double largest = w.cwiseAbs().maxCoeff();
    QCOMPARE(map->dataRange().lower, -map->dataRange().upper);
    QVERIFY(std::abs(map->dataRange().upper - largest) < 1e-6);
    QCOMPARE(map->data()->cell(0, 0), static_cast<double>(w(0, 0)));

    auto names = plot->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QCOMPARE(names != nullptr, layer == 0);
    if (names) {
        QCOMPARE(names->ticks().size(), inputs);
        QCOMPARE(names->ticks().value(1), QString::fromStdString(features.front()));
    }
    // The histogram counts every weight.
    double counted = 0.0;
    for (int i = 0; i < m_page->histogramPlot()->plottableCount(); ++i) {
        auto* bars = qobject_cast<QCPBars*>(m_page->histogramPlot()->plottable(i));
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) {
            counted += it->value;
        }
    }
    QCOMPARE(counted, static_cast<double>(w.size()));
}

void TestExplainPage::testHoveringACellShowsItsWeight()
{
    showRuns(0);
    m_page->tabs()->setCurrentIndex(1);
    QCustomPlot* plot = m_page->heatMapPlot();
    QTRY_VERIFY_WITH_TIMEOUT(plot->isVisible(), 60000);
    const QPoint cell(static_cast<int>(plot->xAxis->coordToPixel(2)),
                      static_cast<int>(plot->yAxis->coordToPixel(3)));
    QTest::mouseMove(plot, cell);
    const Matrix& w = m_runs[0].model.weights[0].second;
    const QString name = QString::fromStdString(m_runs[0].model.recipe.featureNames()[1]);
    QTRY_VERIFY_WITH_TIMEOUT(QToolTip::isVisible(), 60000);
    QVERIFY2(QToolTip::text().contains(name), qPrintable(QToolTip::text()));
    QVERIFY2(QToolTip::text().contains(QLocale().toString(static_cast<double>(w(2, 1)), 'f', 3)),
             qPrintable(QToolTip::text()));
}

void TestExplainPage::testNetworkDrawingKeepsTheStrongestEdges()
{
    showRuns(0);
    const long long inputs = m_runs[0].model.recipe.featureCount();
    NetworkView* view = m_page->networkView();
    QCOMPARE(view->edgeCount(), inputs * 16 + 16 * 8 + 8);
    QCOMPARE(view->shownEdgeCount(), std::min(inputs * 16, 300LL) + 16 * 8 + 8);
    if (inputs * 16 > 300) {
        QVERIFY(label("networkCaption")->text().contains(QStringLiteral("strongest 300")));
    }
}

void TestExplainPage::testAHiddenPageWaitsUntilShown()
{
    // A run finishing while another page is shown must not take the cores from the next training.
    m_page->hide();
    m_page->setTable(m_table);
    m_page->setRuns(m_runs);
    // Nothing starts, now or from what those calls posted.
    QVERIFY(!m_page->isBusy());
    test::deliverPostedEvents();
    QVERIFY(!m_page->isBusy());
    QVERIFY(m_page->importance() == nullptr);
    m_page->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->importance() != nullptr && !m_page->isBusy(), 30000);
    QCOMPARE(m_page->currentRun(), 1); // the newest run
}

void TestExplainPage::testMultiClassExplainsThePredictedClass()
{
    // Region has three values: each customer is explained for the class the network gives them.
    RunRecord run = trainRun(*m_table, "Region", "Bought", 3, 5);
    m_page->setTable(m_table);
    m_page->setRuns({run});
    QTRY_VERIFY_WITH_TIMEOUT(m_page->importance() != nullptr && !m_page->isBusy(), 30000);
    QCOMPARE(m_page->importance()->measure, std::string("loss"));
    m_page->tabs()->setCurrentIndex(2);
    auto* edit = m_page->findChild<QLineEdit*>(QStringLiteral("customerEdit"));
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("C00042"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->currentCustomer(), std::int64_t(41), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 60000);

    const std::vector<std::int64_t> rows{41};
    Matrix p;
    Network::Workspace ws;
    run.model.network().predict(run.model.recipe.transform(*m_table, rows), p, ws);
    Index predicted = 0;
    const double best = p.col(0).maxCoeff(&predicted);
    QVERIFY(std::abs(m_page->customerScore() - best) < 1e-5);
    const QString cls = QString::fromStdString(run.model.target.classes[static_cast<std::size_t>(predicted)]);
    QVERIFY2(label("score")->text().contains(QStringLiteral("Region = ") + cls),
             qPrintable(label("score")->text()));
}

void TestExplainPage::testEveryAucSaysWhichCustomersItIsOn_issue18()
{
    // The importance caption's AUC is on the validation rows, the run picker's on the test rows: two
    // numbers that differ, so each must say which customers it is about.
    showRuns(0);
    auto* picker = m_page->findChild<QComboBox*>(QStringLiteral("runPicker"));
    QCOMPARE(picker->count(), 2);
    QCOMPARE(picker->itemText(0),
             QStringLiteral("Predict Bought (test AUC %1)").arg(QLocale().toString(0.842, 'f', 3)));
    QCOMPARE(picker->itemText(1),
             QStringLiteral("Predict Clicked (test AUC %1)").arg(QLocale().toString(0.917, 'f', 3)));

    const QString caption = label("importanceCaption")->text();
    QVERIFY2(caption.contains(QStringLiteral("AUC on %1 validation customers is %2")
                                  .arg(QLocale().toString(static_cast<qlonglong>(m_page->importance()->rows)),
                                       QLocale().toString(m_page->importance()->baseline, 'f', 3))),
             qPrintable(caption));
    QVERIFY2(caption.contains(QStringLiteral("test AUC %1 is measured on other customers")
                                  .arg(QLocale().toString(0.842, 'f', 3))),
             qPrintable(caption));
    // No sentence on the page names an AUC without saying whose it is.
    QStringList texts{m_page->findChild<QLabel*>(QStringLiteral("runSummary"))->text()};
    for (const QString& sentence : caption.split(QStringLiteral(". "))) {
        texts << sentence;
    }
    for (const QString& text : texts) {
        if (text.contains(QStringLiteral("AUC")) &&
            text.contains(QRegularExpression(QStringLiteral("\\d[.,]\\d")))) {
            QVERIFY2(text.contains(QStringLiteral("validation")) || text.contains(QStringLiteral("test AUC")),
                     qPrintable(text));
        }
    }
}

void TestExplainPage::testTheAverageCustomerIsToldApartFromTheMeanScore_issue18()
{
    showRuns(0);
    m_page->tabs()->setCurrentIndex(2);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->currentCustomer() >= 0 && !m_page->isBusy(), 60000);

    // The mean score of all customers, from the engine.
    const RunRecord& run = m_runs[0];
    Matrix p;
    Network::Workspace ws;
    run.model.network().predict(run.model.recipe.transform(*m_table), p, ws);
    const double mean = p.row(0).cast<double>().mean();
    QVERIFY2(std::abs(m_page->meanScore() - mean) < 1e-4,
             qPrintable(QStringLiteral("%1 vs %2").arg(m_page->meanScore()).arg(mean)));
    // It agrees with how many bought (the network is not linear: the average-valued customer need not).
    const Column* bought = m_table->column("Bought");
    double rate = 0.0;
    for (std::size_t r = 0; r < m_table->rowCount(); ++r) {
        rate += bought->values[r];
    }
    rate /= static_cast<double>(m_table->rowCount());
    QVERIFY2(std::abs(mean - rate) < 0.1, qPrintable(QStringLiteral("%1 vs %2").arg(mean).arg(rate)));

    const QString average = label("averageScore")->text();
    QCOMPARE(average, QStringLiteral("A customer with average values scores %1 % (the mean score of the %2 "
                                     "customers is %3 %).")
                          .arg(QLocale().toString(100.0 * m_page->baselineScore(), 'f', 1),
                               QLocale().toString(static_cast<qulonglong>(m_table->rowCount())),
                               QLocale().toString(100.0 * mean, 'f', 1)));
    QVERIFY2(!label("score")->text().contains(QStringLiteral("average")), qPrintable(label("score")->text()));
}

void TestExplainPage::testEveryTabFitsTheWindow_issue18_data()
{
    // The page's room in the main window (less its sidebar, menu and status bar) at common window sizes.
    QTest::addColumn<QSize>("size");
    QTest::newRow("window 1229x691 (1366x768 laptop)") << QSize(1019, 630);
    QTest::newRow("window 1280x720") << QSize(1070, 660);
    QTest::newRow("window 1920x1080") << QSize(1710, 1020);
}

void TestExplainPage::testEveryTabFitsTheWindow_issue18()
{
    QFETCH(QSize, size);
    m_page->resize(size);
    showRuns(0);
    for (int tab = 0; tab < m_page->tabs()->count(); ++tab) {
        m_page->tabs()->setCurrentIndex(tab);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 60000);
        test::deliverPostedEvents();
        for (QCustomPlot* plot : m_page->findChildren<QCustomPlot*>()) {
            if (plot->isVisible()) {
                plot->replot(QCustomPlot::rpImmediateRefresh);
            }
        }
        const QStringList problems = cutTexts(m_page.get());
        QVERIFY2(problems.isEmpty(), qPrintable(m_page->tabs()->tabText(tab) + u'\n' + problems.join(u'\n')));
    }

    // The waterfall's value labels are whole: each box holds its text and ends inside the chart.
    QCustomPlot* plot = m_page->waterfallPlot();
    const QRect area = plot->axisRect()->rect();
    int values = 0;
    QList<QRectF> markers;
    for (int i = 0; i < plot->itemCount(); ++i) {
        auto* text = qobject_cast<QCPItemText*>(plot->item(i));
        if (!text) {
            continue;
        }
        const QRectF box =
            QRectF(text->topLeft->pixelPosition(), text->bottomRight->pixelPosition()).normalized();
        const int needed = QFontMetrics(text->font()).horizontalAdvance(text->text());
        QVERIFY2(box.width() >= needed, qPrintable(text->text()));
        const QRectF room =
            text->objectName() == QStringLiteral("stepValue") ? QRectF(area) : QRectF(plot->rect());
        QVERIFY2(room.adjusted(-1, -1, 1, 1).contains(box),
                 qPrintable(QStringLiteral("\"%1\" at %2..%3, room %4..%5")
                                .arg(text->text())
                                .arg(box.left())
                                .arg(box.right())
                                .arg(room.left())
                                .arg(room.right())));
        if (text->objectName() == QStringLiteral("stepValue")) {
            ++values;
        } else {
            markers << box;
        }
    }
    QCOMPARE(values, 5);
    // The two markers' labels do not cover each other or the top bar.
    QCOMPARE(markers.size(), 2);
    QVERIFY(!markers[0].intersects(markers[1]));
    const double topBar = plot->yAxis->coordToPixel(m_page->waterfall().size() + 0.35);
    QVERIFY2(
        markers[0].bottom() <= topBar && markers[1].bottom() <= topBar,
        qPrintable(QStringLiteral("%1 %2 %3").arg(markers[0].bottom()).arg(markers[1].bottom()).arg(topBar)));
}

void TestExplainPage::testScreenshotsOfOnlineShoppers()
{
    const QByteArray out = qgetenv("NEUROLIFT_SCREENSHOTS");
    if (out.isEmpty()) {
        QSKIP("set NEUROLIFT_SCREENSHOTS to a folder to write docs/screenshots/explain-*.png");
    }
    const QString csv = QStringLiteral("%1/../shared/data/online-shoppers/online_shoppers_intention.csv")
                            .arg(QString::fromLocal8Bit(qgetenv("NEUROLIFT_SOURCE_DIR")));
    if (!QFile::exists(csv)) {
        QSKIP("the Online Shoppers data is not next to the source tree");
    }
    auto table = std::make_shared<const Table>(readCsv(csv.toStdString()).table);
    RunRecord run = trainRun(*table, "Revenue", {}, 1, 20);
    run.name = "Shoppers, small network";

    QElapsedTimer clock;
    clock.start();
    m_page->setTable(table);
    m_page->setRuns({run});
    QTRY_VERIFY_WITH_TIMEOUT(m_page->importance() != nullptr, 120000);
    qInfo("importance on %lld validation rows: %lld ms (with preparing the run)",
          static_cast<long long>(splitFromAssignment(run.split).validation.size()),
          static_cast<long long>(clock.elapsed()));
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 60000);
    {
        // The engine alone, for comparison: the importance the page computed, timed again.
        const std::vector<std::int64_t> rows = splitFromAssignment(run.split).validation;
        const Matrix x = run.model.recipe.transform(*table, rows);
        const TargetValues t = targetValues(*table, run.model.target);
        Matrix y(1, x.cols());
        for (Index j = 0; j < x.cols(); ++j) {
            y(0, j) = t.values[static_cast<std::size_t>(rows[static_cast<std::size_t>(j)])];
        }
        const TaskSpec task = run.model.target.taskSpec();
        QElapsedTimer engine;
        engine.start();
        const ImportanceResult r =
            permutationImportance(run.model.network(), task, TrainSpec::forTask(task).loss, x, y,
                                  FeatureGroups::fromRecipe(run.model.recipe));
        qInfo("permutationImportance alone: %lld ms for %zu columns x 5 repeats",
              static_cast<long long>(engine.elapsed()), r.columns.size());
        QCOMPARE(r.columns.front().column, m_page->importance()->columns.front().column);
    }

    const QString dir = QString::fromLocal8Bit(out);
    QDir().mkpath(dir);
    const auto save = [&](int tab, const char* file) {
        m_page->tabs()->setCurrentIndex(tab);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 60000);
        // The page's room in a 1280x720 and a 1920x1080 window, and the documentation's size.
        for (const auto& [size, suffix] :
             {std::pair{QSize(1070, 660), "-1280x720"}, std::pair{QSize(1710, 1020), "-1920x1080"},
              std::pair{QSize(1280, 800), ""}}) {
            m_page->resize(size);
            test::deliverPostedEvents(); // queued replots and layouts
            const QString path = QDir(dir).filePath(QString::fromLatin1(file) + QString::fromLatin1(suffix) +
                                                    QStringLiteral(".png"));
            QVERIFY(m_page->grab().save(path));
            qInfo("wrote %s", qPrintable(path));
            const QStringList problems = cutTexts(m_page.get());
            QVERIFY2(problems.isEmpty(), qPrintable(path + u'\n' + problems.join(u'\n')));
        }
    };
    save(0, "explain-importance");
    save(1, "explain-network");
    // A validation customer the network thinks likely to buy: the more telling picture.
    const std::vector<std::int64_t> validation = splitFromAssignment(run.split).validation;
    const Matrix x = run.model.recipe.transform(*table, validation);
    Matrix scores;
    Network::Workspace ws;
    run.model.network().predict(x, scores, ws);
    std::int64_t row = validation.front();
    for (Index j = 0; j < scores.cols(); ++j) {
        if (scores(0, j) > 0.6 && scores(0, j) < 0.85) {
            row = validation[static_cast<std::size_t>(j)];
            break;
        }
    }
    m_page->tabs()->setCurrentIndex(2);
    auto* edit = m_page->findChild<QLineEdit*>(QStringLiteral("customerEdit"));
    edit->clear();
    QTest::keyClicks(edit, QString::number(row + 1));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->currentCustomer(), row, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 60000);
    save(2, "explain-customer");
}

QTEST_MAIN(TestExplainPage)
#include "tst_explainpage.moc"

#include "batchgate.h"
#include "eventqueue.h"
#include "runfixtures.h"
#include "train/trainingchart.h"
#include "train/trainpage.h"
#include "trainingdata.h"

#include "data/csvreader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <qcustomplot.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <memory>

using namespace neurolift;

namespace {

/// The CLI's default network: 64 and 32 ReLU units.
Architecture defaultNetwork(const TaskSpec& task)
{
    Architecture a;
    a.name = "default";
    a.layers = {LayerSpec::dense(64, Activation::ReLU), LayerSpec::dense(32, Activation::ReLU),
                LayerSpec::dense(task.outputUnits(), task.outputActivation(), WeightInit::Xavier)};
    return a;
}

} // namespace

class TestTrainPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void testEmptyStateSaysWhatToDoFirst_data();
    void testEmptyStateSaysWhatToDoFirst();
    void testFormShowsTheDefaultsWithPlainTooltips();
    void testSetSettingsIsSilentAndEditingEmits_data();
    void testSetSettingsIsSilentAndEditingEmits();
    void testButtonsFollowTheState();
    void testTrainingKeepsTheWindowResponsive();
    void testStepOneEpochTrainsOneEpoch();
    void testSelectingAnotherRunOverlaysItsCurves();
    void testBatchLossIsOnePointPerBatch_issue18();
    void testChartExports_data();
    void testChartExports();
    void testOutcomeIsWrittenByThePage_data();
    void testOutcomeIsWrittenByThePage();
    void testScreenshotOfOnlineShoppers();

private:
    QPushButton* button(const char* name) const;
    void trainAndHold(int epoch, int batch, test::BatchGate& gate);
    QString labelText(const char* name) const;

    Table m_table;
    std::shared_ptr<const PreparedData> m_data;
    std::unique_ptr<TrainPage> m_page;
};

void TestTrainPage::initTestCase()
{
    m_table = test::customerTable(20000);
    m_data = test::preparedCustomers(m_table);
}

void TestTrainPage::init()
{
    m_page = std::make_unique<TrainPage>();
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestTrainPage::cleanup()
{
    m_page.reset();
}

QPushButton* TestTrainPage::button(const char* name) const
{
    auto* b = m_page->findChild<QPushButton*>(QString::fromLatin1(name));
    return b;
}

QString TestTrainPage::labelText(const char* name) const
{
    auto* l = m_page->findChild<QLabel*>(QString::fromLatin1(name));
    return l ? l->text() : QString();
}

void TestTrainPage::testEmptyStateSaysWhatToDoFirst_data()
{
    QTest::addColumn<bool>("withData");
    QTest::addColumn<bool>("withNetwork");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nothing") << false << false << "Data page";
    QTest::newRow("data, no network") << true << false << "Model page";
    QTest::newRow("network, no data") << false << true << "Data page";
    QTest::newRow("both") << true << true << "";
}

void TestTrainPage::testEmptyStateSaysWhatToDoFirst()
{
    QFETCH(bool, withData);
    QFETCH(bool, withNetwork);
    QFETCH(QString, expected);
    if (withData) {
        m_page->setPreparedData(m_data, m_table.rowCount());
    }
    if (withNetwork) {
        m_page->setArchitecture(test::smallNetwork(m_data->task()));
    }
    auto* stack = m_page->findChild<QStackedWidget*>();
    QVERIFY(stack);
    if (expected.isEmpty()) {
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("workspace"));
        QVERIFY(button("start")->isEnabled());
        QVERIFY(labelText("status").contains(QStringLiteral("Press Start")));
    } else {
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyState"));
        QVERIFY2(labelText("emptyState").contains(expected), qPrintable(labelText("emptyState")));
    }
}

void TestTrainPage::testFormShowsTheDefaultsWithPlainTooltips()
{
    const TrainingSettings defaults;
    QCOMPARE(m_page->settings(), defaults);
    auto* rate = m_page->findChild<QDoubleSpinBox*>(QStringLiteral("learningRate"));
    QVERIFY(rate);
    QCOMPARE(rate->value(), 0.001);
    QVERIFY(rate->toolTip().contains(QStringLiteral("How big a step")));
    QCOMPARE(m_page->findChild<QSpinBox*>(QStringLiteral("epochs"))->value(), defaults.epochs);
    QCOMPARE(m_page->findChild<QSpinBox*>(QStringLiteral("batchSize"))->value(), defaults.batchSize);
    QCOMPARE(m_page->findChild<QSpinBox*>(QStringLiteral("patience"))->value(), defaults.patience);
    QCOMPARE(m_page->findChild<QSpinBox*>(QStringLiteral("seed"))->value(), 42);
    QVERIFY(m_page->findChild<QCheckBox*>(QStringLiteral("earlyStopping"))->isChecked());
    for (const char* name : {"optimizer", "learningRate", "batchSize", "epochs", "earlyStopping", "patience",
                             "classWeighting", "seed", "start", "pause", "stop", "step"}) {
        auto* w = m_page->findChild<QWidget*>(QString::fromLatin1(name));
        QVERIFY2(w && !w->toolTip().isEmpty(), name);
    }
}

void TestTrainPage::testSetSettingsIsSilentAndEditingEmits_data()
{
    QTest::addColumn<QString>("widget");
    QTest::newRow("epochs") << "epochs";
    QTest::newRow("early stopping") << "earlyStopping";
    QTest::newRow("optimiser") << "optimizer";
}

void TestTrainPage::testSetSettingsIsSilentAndEditingEmits()
{
    QFETCH(QString, widget);
    QSignalSpy edited(m_page.get(), &TrainPage::settingsEdited);
    TrainingSettings s;
    s.epochs = 77;
    s.learningRate = 0.0123f;
    s.seed = 9;
    m_page->setSettings(s);
    QCOMPARE(edited.size(), 0);
    QCOMPARE(m_page->settings(), s);
    QCOMPARE(m_page->findChild<QSpinBox*>(QStringLiteral("epochs"))->value(), 77);

    QWidget* w = m_page->findChild<QWidget*>(widget);
    QVERIFY(w);
    TrainingSettings expected = s;
    if (auto* spin = qobject_cast<QSpinBox*>(w)) {
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("12"));
        QCOMPARE(edited.size(), 0); // not per keystroke
        QTest::keyClick(spin, Qt::Key_Enter);
        expected.epochs = 12;
    } else if (auto* check = qobject_cast<QCheckBox*>(w)) {
        QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(6, check->height() / 2));
        expected.earlyStopping = false;
    } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down);
        expected.optimizer = OptimizerKind::AdamW;
    }
    QCOMPARE(edited.size(), 1);
    QCOMPARE(edited.at(0).at(0).value<TrainingSettings>(), s);
    QCOMPARE(edited.at(0).at(1).value<TrainingSettings>(), expected);
    QCOMPARE(m_page->settings(), expected);
}

void TestTrainPage::testButtonsFollowTheState()
{
    QVERIFY(!button("start")->isEnabled());
    m_page->setPreparedData(m_data, m_table.rowCount());
    m_page->setArchitecture(test::smallNetwork(m_data->task()));
    QVERIFY(button("start")->isEnabled());
    QVERIFY(button("step")->isEnabled());
    QVERIFY(!button("pause")->isEnabled());
    QVERIFY(!button("stop")->isEnabled());
    // A network that does not fit the data cannot start, and the page says why.
    Architecture wrong;
    wrong.layers = {LayerSpec::dense(3, Activation::ReLU)};
    m_page->setArchitecture(wrong);
    QVERIFY(!button("start")->isEnabled());
    QVERIFY(labelText("status").contains(QStringLiteral("Model page")));
}

void TestTrainPage::testTrainingKeepsTheWindowResponsive()
{
    TrainingSettings s;
    s.epochs = 500;
    s.earlyStopping = false;
    s.threads = 1;
    m_page->setSettings(s);
    m_page->setPreparedData(m_data, m_table.rowCount());
    m_page->setArchitecture(defaultNetwork(m_data->task()));
    QSignalSpy finished(m_page.get(), &TrainPage::runFinished);
    QSignalSpy busy(m_page.get(), &TrainPage::busyChanged);
    QSignalSpy progress(m_page.get(), &TrainPage::progress);
    TrainingChart* chart = m_page->chart();

    // Training is held after the first batch of epoch 3: the worker is then provably busy mid-run,
    // and the window must keep answering meanwhile. The batch reports' throttle reads a clock that
    // moves 2 ms per batch, so how many batch points may be drawn is known.
    test::BatchGate gate([](const BatchReport& r) { return r.epoch == 3 && r.batch == 1; });
    TrainingWorker::setClockForTesting(gate.batchClock(std::chrono::milliseconds(2)));
    const auto realClock = qScopeGuard([] { TrainingWorker::setClockForTesting({}); });

    QTest::mouseClick(button("start"), Qt::LeftButton);
    QCOMPARE(m_page->state(), TrainingState::Running);
    QCOMPARE(busy.size(), 1);
    QVERIFY(!button("start")->isEnabled());
    QVERIFY(button("pause")->isEnabled());
    QVERIFY(gate.waitUntilHeld());

    // While the worker is held, the window takes in what it sent (the charts grow), fires its
    // timers and handles a click at once; the training ran on another thread.
    QTRY_COMPARE_WITH_TIMEOUT(chart->epochPointCount(), 2, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(chart->batchPointCount() > 10, 60000);
    bool timerFired = false;
    QTimer::singleShot(1, this, [&timerFired] { timerFired = true; });
    QTRY_VERIFY_WITH_TIMEOUT(timerFired, 60000);
    QVERIFY(!gate.trainedOnTestThread());
    QCOMPARE(m_page->state(), TrainingState::Running);
    QTest::mouseClick(button("pause"), Qt::LeftButton);
    QVERIFY2(labelText("status").startsWith(QStringLiteral("Pausing")), qPrintable(labelText("status")));
    QVERIFY(gate.isHeld());
    gate.release();

    // The pause lands after the batch under way.
    QTRY_COMPARE_WITH_TIMEOUT(m_page->state(), TrainingState::Paused, 60000);
    QCOMPARE(gate.lastBatch().epoch, 3);
    QCOMPARE(gate.lastBatch().batch, 1);
    QVERIFY(labelText("status").startsWith(QStringLiteral("Paused")));
    QCOMPARE(button("pause")->text(), QStringLiteral("Resume"));
    const QString counter = labelText("epochCounter");
    QVERIFY2(counter.contains(QStringLiteral(" of 500")), qPrintable(counter));
    const int epochsAtPause = chart->epochPointCount();
    QCOMPARE(epochsAtPause, 2);
    // Nothing trains while paused (the gate counts it) and nothing on the page changes.
    gate.expectIdle(true);
    test::deliverPostedEvents();
    QCOMPARE(labelText("epochCounter"), counter);
    QCOMPARE(chart->epochPointCount(), epochsAtPause);
    // The reports were throttled, yet every batch trained is a point of the per-batch line.
    QCOMPARE(static_cast<long long>(chart->batchPointCount()), gate.batches());
    gate.expectIdle(false);

    QTest::mouseClick(button("pause"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->state(), TrainingState::Running, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(chart->epochPointCount() > epochsAtPause, 60000);
    QTest::mouseClick(button("stop"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
    QVERIFY(!gate.trainedOnTestThread());
    QCOMPARE(gate.batchesWhileIdle(), 0LL);
    qInfo("replot: loss %.1f ms, quality %.1f ms (average)", chart->lossPlot()->replotTime(true),
          chart->qualityPlot()->replotTime(true));

    const auto run = finished.at(0).at(0).value<RunRecord>();
    QCOMPARE(run.status, std::string("cancelled"));
    QCOMPARE(run.name, std::string("Run 1"));
    QVERIFY(run.history.size() >= std::size_t(epochsAtPause + 1));
    QVERIFY(!run.model.weights.empty());
    QVERIFY(run.metrics.contains("test_auc"));
    QCOMPARE(run.split.size(), m_table.rowCount());
    QCOMPARE(run.settings.at("epochs").get<int>(), 500);
    QVERIFY(!progress.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_page->state(), TrainingState::Finished, 60000);
    QCOMPARE(busy.last().at(0).toBool(), false);
    QVERIFY(button("start")->isEnabled());
    QVERIFY(labelText("status").contains(QStringLiteral("AUC")));

    auto* list = m_page->findChild<QTreeWidget*>(QStringLiteral("runList"));
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Run 1"));
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("Stopped"));
    QVERIFY(!list->topLevelItem(0)->text(4).isEmpty());
}

void TestTrainPage::testStepOneEpochTrainsOneEpoch()
{
    TrainingSettings s;
    s.epochs = 30;
    s.threads = 1;
    m_page->setSettings(s);
    m_page->setPreparedData(m_data, m_table.rowCount());
    m_page->setArchitecture(test::smallNetwork(m_data->task()));
    QTest::mouseClick(button("step"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->state(), TrainingState::Paused, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(labelText("epochCounter"), QStringLiteral("Epoch 1 of 30"), 60000);
    QCOMPARE(m_page->chart()->epochPointCount(), 1);
    QVERIFY(button("step")->isEnabled());
    QTest::mouseClick(button("step"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->chart()->epochPointCount(), 2, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->state(), TrainingState::Paused, 20000);
    QCOMPARE(labelText("epochCounter"), QStringLiteral("Epoch 2 of 30"));
}

void TestTrainPage::testSelectingAnotherRunOverlaysItsCurves()
{
    m_page->setPreparedData(m_data, m_table.rowCount());
    m_page->setArchitecture(test::smallNetwork(m_data->task()));
    m_page->setRuns({test::fakeRun("first try", 10, 1.0), test::fakeRun("bigger net", 6, 0.8)});
    auto* list = m_page->findChild<QTreeWidget*>(QStringLiteral("runList"));
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(1)->text(0), QStringLiteral("bigger net"));
    QCOMPARE(list->topLevelItem(1)->text(2), QStringLiteral("6"));

    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->topLevelItem(0)).center());
    QCOMPARE(m_page->chart()->epochPointCount(), 10);
    QVERIFY(!m_page->chart()->hasOverlay());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      list->visualItemRect(list->topLevelItem(1)).center());
    QVERIFY(m_page->chart()->hasOverlay());
    QCustomPlot* loss = m_page->chart()->lossPlot();
    QStringList names;
    for (int i = 0; i < loss->legend->itemCount(); ++i) {
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(loss->legend->item(i))) {
            names << item->plottable()->name();
        }
    }
    QVERIFY2(names.join(QLatin1Char('|')).contains(QStringLiteral("first try")),
             qPrintable(names.join(QLatin1Char('|'))));
    QVERIFY2(names.join(QLatin1Char('|')).contains(QStringLiteral("bigger net")),
             qPrintable(names.join(QLatin1Char('|'))));
}

void TestTrainPage::trainAndHold(int epoch, int batch, test::BatchGate& gate)
{
    TrainingSettings s;
    s.epochs = 50;
    s.earlyStopping = false;
    s.threads = 1;
    m_page->setSettings(s);
    m_page->setPreparedData(m_data, m_table.rowCount());
    m_page->setArchitecture(test::smallNetwork(m_data->task()));
    QTest::mouseClick(button("start"), Qt::LeftButton);
    QVERIFY(gate.waitUntilHeld());
    QCOMPARE(gate.heldAt().epoch, epoch);
    QCOMPARE(gate.heldAt().batch, batch);
    QTest::mouseClick(button("pause"), Qt::LeftButton);
    gate.release();
    QTRY_COMPARE_WITH_TIMEOUT(m_page->state(), TrainingState::Paused, 60000);
    test::deliverPostedEvents();
}

/// The faint per-batch line has a point for every batch, at its place in its epoch (batch b of n in
/// epoch e at e - 1 + b / n), even though the worker reports only about 30 times a second; the
/// per-epoch line, each epoch's mean, runs through it.
void TestTrainPage::testBatchLossIsOnePointPerBatch_issue18()
{
    // Held after batch 5 of epoch 2. The reports' throttle reads a clock that moves 2 ms a batch, so
    // each report carries about 17 batches.
    test::BatchGate gate([](const BatchReport& r) { return r.epoch == 2 && r.batch == 5; });
    TrainingWorker::setClockForTesting(gate.batchClock(std::chrono::milliseconds(2)));
    const auto realClock = qScopeGuard([] { TrainingWorker::setClockForTesting({}); });
    trainAndHold(2, 5, gate);
    if (QTest::currentTestFailed()) {
        return;
    }
    const int perEpoch = gate.heldAt().batchesPerEpoch;
    QVERIFY2(perEpoch > 50, qPrintable(QString::number(perEpoch)));
    QCOMPARE(gate.batches(), static_cast<long long>(perEpoch + 5));

    const std::vector<QPointF> points = m_page->chart()->batchPoints();
    QCOMPARE(points.size(), static_cast<std::size_t>(perEpoch + 5));
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double expected = double(i + 1) / perEpoch;
        QVERIFY2(
            std::abs(points[i].x() - expected) < 1e-9,
            qPrintable(QStringLiteral("point %1 at %2, not %3").arg(i).arg(points[i].x()).arg(expected)));
    }
    const QCPGraph* epochs = nullptr;
    for (int i = 0; i < m_page->chart()->lossPlot()->graphCount(); ++i) {
        QCPGraph* g = m_page->chart()->lossPlot()->graph(i);
        if (g->visible() && g->name() == QStringLiteral("Training")) {
            epochs = g;
        }
    }
    QVERIFY(epochs);
    QCOMPARE(epochs->dataCount(), 1);
    const double epochLoss = epochs->data()->at(0)->value;
    QCOMPARE(epochs->data()->at(0)->key, 1.0);
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    for (int i = 0; i < perEpoch; ++i) {
        low = std::min(low, points[std::size_t(i)].y());
        high = std::max(high, points[std::size_t(i)].y());
    }
    QVERIFY2(low < high, "the batch losses of an epoch differ");
    QVERIFY2(
        low <= epochLoss && epochLoss <= high,
        qPrintable(QStringLiteral("epoch 1: %1, its batches %2 to %3").arg(epochLoss).arg(low).arg(high)));
}

void TestTrainPage::testChartExports_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << "png" << QByteArray("\x89PNG");
    QTest::newRow("pdf") << "pdf" << QByteArray("%PDF");
    QTest::newRow("svg") << "svg" << QByteArray("<?xml");
}

void TestTrainPage::testChartExports()
{
    QFETCH(QString, suffix);
    QFETCH(QByteArray, magic);
    m_page->chart()->showRun(TaskKind::BinaryClassification, QStringLiteral("run"),
                             test::fakeRun("run", 8, 1.0).history, 5);
    const QString path = QDir::temp().filePath(QStringLiteral("tst_trainpage_export.") + suffix);
    QFile::remove(path);
    QVERIFY(m_page->chart()->exportTo(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.size() > 1000);
    QCOMPARE(f.read(magic.size()), magic);
    f.close();
    QFile::remove(path);
}

void TestTrainPage::testOutcomeIsWrittenByThePage_data()
{
    QTest::addColumn<int>("epochs");
    QTest::addColumn<QString>("status");
    QTest::newRow("all epochs") << 3 << "completed";
    QTest::newRow("stopped early, best epoch kept") << 400 << "early_stopped";
}

/// The page writes what happened itself (so it can be translated); in English it says what the
/// engine says, word for word.
void TestTrainPage::testOutcomeIsWrittenByThePage()
{
    QFETCH(int, epochs);
    QFETCH(QString, status);
    const Table table = test::twoOutcomeTable();
    const RunRecord run = test::trainRun(table, "Bought", "Clicked", 1, epochs);
    QCOMPARE(QString::fromStdString(run.status), status);
    if (run.bestEpoch < static_cast<int>(run.history.size())) {
        QCOMPARE(TrainPage::outcomeText(run), QString::fromStdString(run.message));
    } else {
        // The last epoch was the best: nothing to say about which weights were kept.
        QCOMPARE(TrainPage::outcomeText(run), QStringLiteral("Trained for %1 epochs.").arg(epochs));
    }

    RunRecord cancelled = run;
    cancelled.status = "cancelled";
    QVERIFY(TrainPage::outcomeText(cancelled).startsWith(
        QStringLiteral("Training was stopped after epoch %1.").arg(run.history.size())));
    RunRecord diverged = run;
    diverged.status = "diverged";
    diverged.message = "The loss became NaN in epoch 2. Lower the learning rate (now 10).";
    QCOMPARE(TrainPage::outcomeText(diverged), QString::fromStdString(diverged.message));
}

void TestTrainPage::testScreenshotOfOnlineShoppers()
{
    const QByteArray out = qgetenv("NEUROLIFT_SCREENSHOTS");
    if (out.isEmpty()) {
        QSKIP("set NEUROLIFT_SCREENSHOTS to a folder to write docs/screenshots/train-page.png");
    }
    const QString csv = QStringLiteral("%1/../shared/data/online-shoppers/online_shoppers_intention.csv")
                            .arg(QString::fromLocal8Bit(qgetenv("NEUROLIFT_SOURCE_DIR")));
    if (!QFile::exists(csv)) {
        QSKIP("the Online Shoppers data is not next to the source tree");
    }
    const Table table = readCsv(csv.toStdString()).table;
    ColumnChoice choice;
    choice.target = "Revenue";
    auto data = std::make_shared<const PreparedData>(prepareData(table, choice, 42));
    m_page->setPreparedData(data, table.rowCount());
    m_page->setSourceName(QStringLiteral("online_shoppers_intention.csv"));

    // A first, simple run to compare with: logistic regression.
    Architecture logistic = makeTemplate(ArchitectureTemplate::LogisticRegression, data->task());
    m_page->setArchitecture(logistic);
    TrainingSettings s;
    s.epochs = 12;
    m_page->setSettings(s);
    QSignalSpy finished(m_page.get(), &TrainPage::runFinished);
    QTest::mouseClick(button("start"), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->state(), TrainingState::Finished, 60000);

    // The CLI's default network, paused around epoch 8 with the first run overlaid.
    m_page->setArchitecture(defaultNetwork(data->task()));
    s.epochs = 50;
    m_page->setSettings(s);
    auto* list = m_page->findChild<QTreeWidget*>(QStringLiteral("runList"));
    list->topLevelItem(0)->setSelected(true);
    QTest::mouseClick(button("start"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->chart()->epochPointCount() >= 8, 60000);
    QTest::mouseClick(button("pause"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->state(), TrainingState::Paused, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(test::noPendingSingleShots(m_page->chart()), 60000); // the last batched redraw
    test::deliverPostedEvents();
    QVERIFY(m_page->chart()->hasOverlay());

    const QString dir = QString::fromLocal8Bit(out);
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(QStringLiteral("train-page.png"));
    QVERIFY(m_page->grab().save(path));
    qInfo("wrote %s", qPrintable(path));
}

QTEST_MAIN(TestTrainPage)
#include "tst_trainpage.moc"

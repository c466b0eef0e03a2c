// The whole workbench, as a user goes through it: import a CSV through the
// dialog, pick the target, change the network and undo it, train while the
// window keeps answering, save, reopen and find the same state.

#include "batchgate.h"
#include "data/importdialog.h"
#include "eventqueue.h"
#include "model/architecturemodel.h"
#include "model/layercanvas.h"
#include "model/layerpalette.h"
#include "model/modelpage.h"
#include "segments/segmentspage.h"
#include "shell/document.h"
#include "shell/mainwindow.h"
#include "shell/settings.h"
#include "shell/workbench.h"
#include "train/trainingchart.h"
#include "train/trainpage.h"
#include "uidriver.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>
#include <memory>
#include <random>

using namespace neurolift;

namespace {

/// 3,000 customers: buying depends on visits and the channel, with noise.
QByteArray customers()
{
    std::mt19937 rng(11);
    std::uniform_int_distribution<int> visits(0, 14);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    const char* channels[] = {"email", "search", "social"};
    QByteArray csv = "customer_id,visits,channel,spend,bought\n";
    for (int i = 0; i < 3000; ++i) {
        const int v = visits(rng);
        const int c = static_cast<int>(u(rng) * 3) % 3;
        const double spend = std::round(u(rng) * 50000) / 100;
        const double p = 1 / (1 + std::exp(-(0.6 * v - 4 + (c == 0 ? 1.5 : 0))));
        csv += "C" + QByteArray::number(10000 + i) + ',' + QByteArray::number(v) + ',' + channels[c] + ',' +
               QByteArray::number(spend, 'f', 2) + ',' + (u(rng) < p ? "yes" : "no") + '\n';
    }
    return csv;
}

} // namespace

class TestWorkbench : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void fromCsvToTrainedRunAndBack();
    void screenshots();

private:
    template <typename T>
    T* find(const char* name) const
    {
        return m_window->findChild<T*>(QLatin1StringView(name));
    }
    QString path(const QString& name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestWorkbench::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NeuroLift"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_workbench"));
    QApplication::setQuitOnLastWindowClosed(false);
}

void TestWorkbench::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestWorkbench::cleanup()
{
    if (m_window && m_window->document()) {
        m_window->document()->undoStack()->setClean();
    }
    m_window.reset();
    QDir(Document::untitledFolder()).removeRecursively();
}

void TestWorkbench::fromCsvToTrainedRunAndBack()
{
    const QString csv = path(QStringLiteral("customers.csv"));
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(customers());
    }

    // Import through the dialog: wait for its preview, press Import.
    QSignalSpy shown(m_window->workbench(), &Workbench::tableShown);
    m_window->importCsv(csv);
    ImportDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = m_window->findChild<ImportDialog*>()) != nullptr && dialog->isVisible(), 60000);
    QPushButton* import = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QTRY_VERIFY_WITH_TIMEOUT(import->isEnabled(), 60000);
    QTest::mouseClick(import, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
    QCOMPARE(find<QLabel>("rowCountLabel")->text(), QStringLiteral("3,000 rows"));
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(m_window->currentStep(), Step::Data);

    // Pick what to predict; the data is prepared in the background and the
    // Model page learns how many inputs the network gets.
    QSignalSpy prepared(m_window->workbench(), &Workbench::preparationChanged);
    neurolift::test::clickComboItem(find<QComboBox>("targetCombo"), QStringLiteral("bought"));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->workbench()->prepared() != nullptr, 20000);
    const auto names = m_window->workbench()->prepared()->recipe.featureNames();
    const int inputs = static_cast<int>(names.size());
    std::string joined;
    for (const auto& n : names) {
        joined += n + "|";
    }
    // The id column is left out; a channel seen later falls into "other".
    QCOMPARE(QString::fromStdString(joined),
             QStringLiteral("visits|channel=search|channel=social|channel=email|channel=other|spend|"));
    m_window->showStep(Step::Model);
    auto* canvas = find<LayerCanvas>("layerCanvas");
    QVERIFY(canvas);
    QVERIFY2(canvas->inputText().contains(QStringLiteral("%1 inputs").arg(inputs)),
             qPrintable(canvas->inputText()));

    // Undo the target choice with the keyboard, then redo it.
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keySequence(m_window.get(), QKeySequence::Undo);
    QTRY_COMPARE_WITH_TIMEOUT(find<QComboBox>("targetCombo")->currentText(),
                              QStringLiteral("Choose a column\u2026"), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->workbench()->prepared() == nullptr, 60000);
    QTest::keySequence(m_window.get(), QKeySequence::Redo);
    QTRY_COMPARE_WITH_TIMEOUT(find<QComboBox>("targetCombo")->currentText(), QStringLiteral("bought"), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->workbench()->prepared() != nullptr, 20000);

    // Add a dropout layer from the palette, then undo it.
    ArchitectureModel* nets = m_window->document()->architectures();
    const int layers = nets->layerCount();
    auto* palette = find<LayerPalette>("layerPalette");
    QVERIFY(palette);
    const QRect dropoutRow = palette->visualItemRect(palette->item(palette->rowOf(LayerKind::Dropout)));
    // A real double-click: the press and release before it, then the double-click (item views need both).
    QTest::mouseClick(palette->viewport(), Qt::LeftButton, {}, dropoutRow.center());
    QTest::mouseDClick(palette->viewport(), Qt::LeftButton, {}, dropoutRow.center());
    QCOMPARE(nets->layerCount(), layers + 1);
    QTest::keySequence(m_window.get(), QKeySequence::Undo);
    QCOMPARE(nets->layerCount(), layers);

    // Train: the charts grow while the event loop keeps answering. Training is held after the first
    // batch of epoch 2, so the worker is provably busy while the window takes in epoch 1 and fires a timer.
    m_window->showStep(Step::Train);
    auto* train = find<TrainPage>("trainPage");
    QVERIFY(train);
    auto* start = train->findChild<QPushButton*>(QStringLiteral("start"));
    QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 60000);
    test::BatchGate gate([](const BatchReport& r) { return r.epoch == 2 && r.batch == 1; });
    QSignalSpy finished(train, &TrainPage::runFinished);
    QSignalSpy kept(m_window->workbench(), &Workbench::runKept);
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(gate.waitUntilHeld());
    QTRY_VERIFY_WITH_TIMEOUT(train->chart()->epochPointCount() > 0, 60000);
    bool timerFired = false;
    QTimer::singleShot(1, this, [&timerFired] { timerFired = true; });
    QTRY_VERIFY_WITH_TIMEOUT(timerFired, 60000);
    QVERIFY(gate.isHeld());
    QCOMPARE(train->state(), TrainingState::Running);
    gate.release();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QTRY_COMPARE_WITH_TIMEOUT(kept.count(), 1, 60000); // written to the project by a worker
    QVERIFY(!gate.trainedOnTestThread());
    auto* runList = train->findChild<QTreeWidget*>(QStringLiteral("runList"));
    QTRY_COMPARE_WITH_TIMEOUT(runList->topLevelItemCount(), 1, 60000);
    const auto run = finished.at(0).at(0).value<RunRecord>();
    QVERIFY(run.metrics.contains("test_auc"));
    QVERIFY2(run.metrics["test_auc"].get<double>() > 0.75, run.metrics.dump().c_str());

    // Segments: the run's scores, a saved definition (undoable) and an export in the history.
    m_window->showStep(Step::Segments);
    auto* segments = find<SegmentsPage>("segmentsPage");
    QTRY_VERIFY_WITH_TIMEOUT(segments->evaluation() != nullptr && !segments->isBusy(), 30000);
    QVERIFY(segments->evaluation()->auc > 0.75);
    QTimer::singleShot(0, this, [] {
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<QInputDialog*>(QApplication::activeModalWidget()), 60000);
        auto* edit = QApplication::activeModalWidget()->findChild<QLineEdit*>();
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("spring"));
        QTest::keyClick(edit, Qt::Key_Return);
    });
    segments->tabs()->setCurrentIndex(2);
    QTest::mouseClick(segments->findChild<QPushButton*>(QStringLiteral("saveSegments")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->document()->project().segments().size(), std::size_t{1}, 60000);
    QCOMPARE(m_window->document()->project().segments()[0].name, std::string("spring"));
    QCOMPARE(m_window->document()->undoStack()->undoText(),
             QStringLiteral("Save Segments \u201cspring\u201d"));
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keySequence(m_window.get(), QKeySequence::Undo);
    QCOMPARE(m_window->document()->project().segments().size(), std::size_t{0});
    QTest::keySequence(m_window.get(), QKeySequence::Redo);
    QCOMPARE(m_window->document()->project().segments().size(), std::size_t{1});
    ScoredExportOptions exportOptions;
    exportOptions.path = path(QStringLiteral("spring targets.csv")).toStdString();
    exportOptions.segments = segments->segmentDefinition();
    segments->startScoreExport(exportOptions);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->document()->project().exports().size(), std::size_t{1}, 30000);
    QCOMPARE(segments->exportTable()->rowCount(), 1);
    QCOMPARE(segments->exportTable()->item(0, 3)->text(), QStringLiteral("3,000"));

    // Save, start afresh, reopen: the same data, choice, network and run.
    const QString project = path(QStringLiteral("Spring campaign.nlproj"));
    QVERIFY(m_window->saveProjectAs(project));
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->newProject());
    QCOMPARE(m_window->currentStep(), Step::Segments); // the window stays where it was
    QVERIFY(m_window->openProject(project));
    QCOMPARE(m_window->currentStep(), Step::Segments); // and the project says so too
    QSignalSpy reshown(m_window->workbench(), &Workbench::tableShown);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->workbench()->prepared() != nullptr, 20000);
    QCOMPARE(find<QLabel>("rowCountLabel")->text(), QStringLiteral("3,000 rows"));
    QCOMPARE(find<QComboBox>("targetCombo")->currentText(), QStringLiteral("bought"));
    QCOMPARE(m_window->document()->architectures()->layerCount(), layers);
    train = find<TrainPage>("trainPage");
    QTRY_COMPARE_WITH_TIMEOUT(train->findChild<QTreeWidget*>(QStringLiteral("runList"))->topLevelItemCount(),
                              1, 60000);
    QCOMPARE(m_window->document()->project().run(1).model.weights.front().second,
             run.model.weights.front().second);
    QCOMPARE(m_window->document()->project().segments().size(), std::size_t{1});
    QCOMPARE(m_window->document()->project().exports().size(), std::size_t{1});
    QVERIFY(!m_window->isWindowModified());
}

void TestWorkbench::screenshots()
{
    // The README's pictures: the Online Shoppers data (../shared/data, CC BY 4.0), training midway.
    const QString folder = qEnvironmentVariable("NEUROLIFT_SCREENSHOTS");
    if (folder.isEmpty()) {
        QSKIP("set NEUROLIFT_SCREENSHOTS to a folder to write the screenshots");
    }
    const QString csv = qEnvironmentVariable("NEUROLIFT_SOURCE_DIR") +
                        QStringLiteral("/../shared/data/online-shoppers/online_shoppers_intention.csv");
    QSignalSpy shown(m_window->workbench(), &Workbench::tableShown);
    m_window->workbench()->importCsvWith(csv, {});
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 30000);
    neurolift::test::clickComboItem(find<QComboBox>("targetCombo"), QStringLiteral("Revenue"));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->workbench()->prepared() != nullptr, 30000);
    const auto grab = [&](const char* name) {
        // Let the charts' batched replots and queued layouts land.
        for (const TrainingChart* chart : m_window->findChildren<TrainingChart*>()) {
            QTRY_VERIFY_WITH_TIMEOUT(test::noPendingSingleShots(chart), 60000);
        }
        test::deliverPostedEvents();
        QVERIFY(m_window->grab().save(QDir(folder).filePath(QLatin1StringView(name))));
    };
    m_window->showStep(Step::Data);
    // Show the profile of the column that matters most for buying.
    auto* view = find<QTableView>("dataView");
    const int column = 8; // PageValues
    QCOMPARE(view->model()->headerData(column, Qt::Horizontal).toString(), QStringLiteral("PageValues"));
    view->scrollTo(view->model()->index(0, column));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(view->model()->index(0, column)).center());
    grab("workbench-data.png");
    m_window->showStep(Step::Model);
    grab("workbench-model.png");
    m_window->showStep(Step::Train);
    auto* train = find<TrainPage>("trainPage");
    QTRY_VERIFY_WITH_TIMEOUT(train->findChild<QPushButton*>(QStringLiteral("start"))->isEnabled(), 60000);
    QTest::mouseClick(train->findChild<QPushButton*>(QStringLiteral("start")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(train->chart()->epochPointCount() >= 8, 60000);
    QTest::mouseClick(train->findChild<QPushButton*>(QStringLiteral("pause")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(train->state(), TrainingState::Paused, 60000);
    grab("workbench-train.png");
    QTest::mouseClick(train->findChild<QPushButton*>(QStringLiteral("stop")), Qt::LeftButton);
}

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"

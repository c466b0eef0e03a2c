#include "common/exportdialog.h"
#include "segments/segmenteditor.h"
#include "segments/segmentspage.h"

#include "eventqueue.h"
#include "layoutcheck.h"
#include "runfixtures.h"

#include "scoring/thresholds.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <qcustomplot.h>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <numeric>

using namespace neurolift;
using neurolift::test::trainRun;
using neurolift::test::twoOutcomeTable;

namespace {

/// The number in a label such as "1,234 Bought = 1" (its first token, in the user's locale).
long long leadingCount(const QLabel* label)
{
    const QString first = label->text().section(u' ', 0, 0);
    bool ok = false;
    const long long n = QLocale().toLongLong(first, &ok);
    return ok ? n : -1;
}

/// The Segments page's share of a main window of `window`'s size (less the step list, menu, tool and status
/// bars).
QSize pageSizeIn(const QSize& window)
{
    return window - QSize(240, 110);
}

/// What the page should show for `share`, computed from the engine directly.
struct Expected {
    double threshold = 0;
    std::size_t contacted = 0;
    ConfusionMatrix confusion;
};

} // namespace

class TestSegmentsPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void testEmptyStateSaysWhatToDoFirst_data();
    void testEmptyStateSaysWhatToDoFirst();
    void testDamagedSplitIsSaid_data();
    void testDamagedSplitIsSaid();
    void testEvaluationMatchesTheEngine();
    void testSliderUpdatesTheConfusionMatrix_data();
    void testSliderUpdatesTheConfusionMatrix();
    void testHelpersMoveTheCut_data();
    void testHelpersMoveTheCut();
    void testSegmentsFollowTheEditor_data();
    void testSegmentsFollowTheEditor();
    void testSavingSegmentsAsksForAName();
    void testEveryTextFitsAtLaptopSizes_data();
    void testEveryTextFitsAtLaptopSizes();
    void testNumbersSayWhichCustomers();
    void testScoredExportFromTheDialog_data();
    void testScoredExportFromTheDialog();
    void testScoredExportWritesAFileAndARecord_data();
    void testScoredExportWritesAFileAndARecord();
    void testOtherExports_data();
    void testOtherExports();
    void testNumberModelShowsErrors();
    void testScreenshots();

private:
    void show(int run = 0);
    QLabel* label(const char* name) const { return m_page->findChild<QLabel*>(QLatin1String(name)); }
    Expected expectedAt(double share) const;

    std::shared_ptr<const Table> m_table;
    std::vector<RunRecord> m_runs;
    std::vector<float> m_all;    ///< Run 0's score of every customer.
    std::vector<float> m_test;   ///< ...of its test customers,
    std::vector<float> m_labels; ///< and their answers.
    std::unique_ptr<SegmentsPage> m_page;
};

void TestSegmentsPage::initTestCase()
{
    qRegisterMetaType<ExportRecord>();
    m_table = std::make_shared<const Table>(twoOutcomeTable());
    m_runs.push_back(trainRun(*m_table, "Bought", "Clicked", 1));
    m_runs.push_back(trainRun(*m_table, "Visits", "Clicked", 2, 10)); // a number model
    const RunRecord& run = m_runs[0];
    m_all = scoreTable(*m_table, run.model);
    const TargetValues t = targetValues(*m_table, run.model.target);
    for (const std::int64_t row : splitFromAssignment(run.split).test) {
        m_test.push_back(m_all[static_cast<std::size_t>(row)]);
        m_labels.push_back(t.values[static_cast<std::size_t>(row)] >= 0.5f ? 1.0f : 0.0f);
    }
    QVERIFY(m_test.size() > 100);
}

void TestSegmentsPage::init()
{
    m_page = std::make_unique<SegmentsPage>();
    m_page->resize(1280, 820);
}

void TestSegmentsPage::cleanup()
{
    m_page.reset();
}

void TestSegmentsPage::show(int run)
{
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->setTable(m_table);
    m_page->setRuns(m_runs);
    m_page->selectRun(run);
    QTRY_VERIFY_WITH_TIMEOUT((m_page->evaluation() || m_page->regression()) && !m_page->isBusy(), 30000);
}

Expected TestSegmentsPage::expectedAt(double share) const
{
    Expected e;
    e.threshold = topShareThreshold(m_all, share).threshold;
    e.contacted = static_cast<std::size_t>(std::count_if(
        m_all.begin(), m_all.end(), [&](float s) { return s >= static_cast<float>(e.threshold); }));
    e.confusion = confusionAt(m_test, m_labels, e.threshold);
    return e;
}

void TestSegmentsPage::testEmptyStateSaysWhatToDoFirst_data()
{
    QTest::addColumn<bool>("withRuns");
    QTest::addColumn<bool>("withTable");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nothing") << false << false << "Train a model on the Train page first";
    QTest::newRow("data, no run") << false << true << "Train a model on the Train page first";
    QTest::newRow("runs, data not read yet") << true << false << "Reading the customer data";
}

void TestSegmentsPage::testEmptyStateSaysWhatToDoFirst()
{
    QFETCH(bool, withRuns);
    QFETCH(bool, withTable);
    QFETCH(QString, expected);
    m_page->show();
    if (withTable) {
        m_page->setTable(m_table);
    }
    if (withRuns) {
        m_page->setRuns(m_runs);
    }
    auto* stack = m_page->findChild<QStackedWidget*>();
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyState"));
    QVERIFY2(label("emptyState")->text().contains(expected), qPrintable(label("emptyState")->text()));
    QVERIFY(!m_page->findChild<QPushButton*>(QStringLiteral("exportButton"))->isEnabled());
}

void TestSegmentsPage::testDamagedSplitIsSaid_data()
{
    QTest::addColumn<int>("extraRows");
    QTest::addColumn<int>("badPart");
    QTest::addColumn<QString>("expected");
    // Longer than the data: its rows would be read past the end of the table.
    QTest::newRow("more rows than the data")
        << 5 << 0 << "This run was trained on other data (1,505 rows; the project's data has 1,500)";
    QTest::newRow("a part that does not exist")
        << 0 << 7 << "the split stored with this run is damaged: row 1";
}

void TestSegmentsPage::testDamagedSplitIsSaid()
{
    QFETCH(int, extraRows);
    QFETCH(int, badPart);
    QFETCH(QString, expected);
    std::vector<RunRecord> runs = m_runs;
    runs.front().split.resize(runs.front().split.size() + static_cast<std::size_t>(extraRows), 3);
    if (badPart) {
        runs.front().split.front() = static_cast<std::uint8_t>(badPart);
    }
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->setTable(m_table);
    m_page->setRuns(runs);
    m_page->selectRun(0);
    // Said once the run's scores are ready (a job), in place of the figures.
    QTRY_VERIFY2_WITH_TIMEOUT(label("emptyState")->text().contains(expected),
                              qPrintable(label("emptyState")->text()), 30000);
    auto* stack = m_page->findChild<QStackedWidget*>();
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("emptyState"));
    QVERIFY(!m_page->evaluation());
}

void TestSegmentsPage::testEvaluationMatchesTheEngine()
{
    show();
    const BinaryEvaluation* e = m_page->evaluation();
    QVERIFY(e);
    const BinaryEvaluation direct = evaluateBinary(m_test, m_labels);
    QCOMPARE(e->rows, direct.rows);
    QCOMPARE(e->auc, direct.auc);
    QVERIFY2(e->auc > 0.9, qPrintable(QString::number(e->auc)));
    // The decile table shows the engine's deciles, as the user reads them.
    QTableWidget* deciles = m_page->decileTable();
    QCOMPARE(deciles->rowCount(), 10);
    long long customers = 0;
    for (int row = 0; row < 10; ++row) {
        customers += QLocale().toLongLong(deciles->item(row, 1)->text());
        QCOMPARE(QLocale().toLongLong(deciles->item(row, 2)->text()), direct.deciles[row].positives);
    }
    QCOMPARE(customers, direct.rows);
    QVERIFY(label("qualityCaption")
                ->text()
                .contains(QStringLiteral("AUC %1").arg(QLocale().toString(direct.auc, 'f', 3))));
    // The charts hold the curves.
    QCOMPARE(m_page->gainsPlot()->graph(0)->dataCount(), static_cast<int>(direct.gains.size()));
    auto* roc = m_page->findChild<QCustomPlot*>(QStringLiteral("rocPlot"));
    QCOMPARE(roc->graph(0)->dataCount(), static_cast<int>(direct.roc.size()));
}

void TestSegmentsPage::testSliderUpdatesTheConfusionMatrix_data()
{
    QTest::addColumn<int>("pageUps"); // the slider's page step is 5 %
    QTest::newRow("nobody") << 0;
    QTest::newRow("top 10 %") << 2;
    QTest::newRow("top 20 %") << 4;
    QTest::newRow("top 50 %") << 10;
    QTest::newRow("everybody") << 20;
}

void TestSegmentsPage::testSliderUpdatesTheConfusionMatrix()
{
    QFETCH(int, pageUps);
    show();
    QSlider* slider = m_page->contactSlider();
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Home);
    for (int i = 0; i < pageUps; ++i) {
        QTest::keyClick(slider, Qt::Key_PageUp);
    }
    const double share = pageUps * 5 / 100.0;
    QCOMPARE(m_page->contactShare(), share);
    const Expected expected = expectedAt(share);
    const ConfusionMatrix& c = expected.confusion;
    QCOMPARE(m_page->threshold(), expected.threshold);
    // The four cells of the matrix, as the user reads them.
    QCOMPARE(leadingCount(label("truePositives")), c.truePositives);
    QCOMPARE(leadingCount(label("falseNegatives")), c.falseNegatives);
    QCOMPARE(leadingCount(label("falsePositives")), c.falsePositives);
    QCOMPARE(leadingCount(label("trueNegatives")), c.trueNegatives);
    QCOMPARE(c.truePositives + c.falseNegatives + c.falsePositives + c.trueNegatives,
             static_cast<long long>(m_test.size()));
    const QString sentence = label("contactSentence")->text();
    QCOMPARE(sentence, m_page->contactSentence());
    if (pageUps == 0) {
        QCOMPARE(c.truePositives + c.falsePositives, 0LL);
        QVERIFY2(sentence.startsWith(QStringLiteral("Contacting nobody")), qPrintable(sentence));
        return;
    }
    const double testShare = double(c.truePositives + c.falsePositives) / double(m_test.size());
    const QString lift = QLocale().toString(c.recall / testShare, 'f', 1);
    const QString percent = QLocale().toString(100.0 * share, 'f', 0);
    QVERIFY2(sentence.startsWith(QStringLiteral("Contacting the top %1 % of all %2 customers in the file (%3 "
                                                "customers")
                                     .arg(percent, QLocale().toString(qulonglong(m_all.size())),
                                          QLocale().toString(qulonglong(expected.contacted)))),
             qPrintable(sentence));
    QVERIFY2(sentence.contains(QStringLiteral("reaches %1 % of those with Bought = 1")
                                   .arg(QLocale().toString(100.0 * c.recall, 'f', 0))),
             qPrintable(sentence));
    QVERIFY2(sentence.endsWith(QStringLiteral("%1× random, as measured on the test customers.").arg(lift)),
             qPrintable(sentence));
    if (pageUps == 20) {
        QCOMPARE(c.falseNegatives, 0LL);
        QCOMPARE(lift, QLocale().toString(1.0, 'f', 1));
    }
}

void TestSegmentsPage::testHelpersMoveTheCut_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<QString>("caption");
    QTest::newRow("best F1") << "bestF1"
                             << "The best balance is at score";
    QTest::newRow("top 100") << "chooseTopN"
                             << "The 100 customers with the highest scores.";
    QTest::newRow("profit") << "chooseProfit"
                            << "is expected to bring";
}

void TestSegmentsPage::testHelpersMoveTheCut()
{
    QFETCH(QString, button);
    QFETCH(QString, caption);
    show();
    m_page->findChild<QSpinBox*>(QStringLiteral("contactTopN"))->setValue(100);
    QTest::mouseClick(m_page->findChild<QPushButton*>(button), Qt::LeftButton);
    QVERIFY2(label("helperResult")->text().contains(caption), qPrintable(label("helperResult")->text()));
    double expected = 0.0;
    if (button == QLatin1String("bestF1")) {
        expected = bestF1Threshold(m_test, m_labels).threshold;
    } else if (button == QLatin1String("chooseTopN")) {
        expected = topNThreshold(m_all, 100).threshold;
    } else {
        ProfitOptions options;
        options.costPerContact = 1.0;
        options.valuePerConversion = 20.0;
        expected = profitCurve(m_all, options).best.threshold;
    }
    QCOMPARE(m_page->threshold(), expected);
    QCOMPARE(m_page->confusion().truePositives, confusionAt(m_test, m_labels, expected).truePositives);
    // The slider shows where the cut is.
    const auto contacted =
        std::count_if(m_all.begin(), m_all.end(), [&](float s) { return s >= static_cast<float>(expected); });
    QCOMPARE(m_page->contactSlider()->value(),
             static_cast<int>(std::lround(100.0 * contacted / m_all.size())));
}

void TestSegmentsPage::testSegmentsFollowTheEditor_data()
{
    QTest::addColumn<QString>("bands"); // "" for five equal groups
    QTest::addColumn<QStringList>("names");
    QTest::newRow("hot, warm, cold") << "hot:0.7,warm:0.4,cold" << QStringList{"hot", "warm", "cold"};
    QTest::newRow("two bands") << "buyers:0.5,others" << QStringList{"buyers", "others"};
    QTest::newRow("quintiles") << QString()
                               << QStringList{"quintile 1", "quintile 2", "quintile 3", "quintile 4",
                                              "quintile 5"};
}

void TestSegmentsPage::testSegmentsFollowTheEditor()
{
    QFETCH(QString, bands);
    QFETCH(QStringList, names);
    show();
    m_page->tabs()->setCurrentIndex(2);
    SegmentEditor* editor = m_page->segmentEditor();
    const SegmentDefinition definition = bands.isEmpty() ? SegmentDefinition::byQuantiles(5)
                                                         : SegmentDefinition::parseBands(bands.toStdString());
    editor->setDefinition(definition);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy() &&
                                 m_page->segmentSummary().size() == static_cast<std::size_t>(names.size()),
                             60000);
    QTableWidget* table = m_page->summaryTable();
    QCOMPARE(table->rowCount(), names.size());
    const auto direct = summariseSegments(definition, m_all, m_test, m_labels);
    long long customers = 0;
    for (int row = 0; row < table->rowCount(); ++row) {
        QCOMPARE(table->item(row, 0)->text(), names[row]);
        QCOMPARE(QLocale().toLongLong(table->item(row, 1)->text()),
                 static_cast<long long>(direct[row].customers));
        customers += QLocale().toLongLong(table->item(row, 1)->text());
    }
    QCOMPARE(customers, static_cast<long long>(m_table->rowCount()));

    // Editing a band's score in the table re-counts; a wrong one is explained and changes nothing.
    if (!bands.isEmpty()) {
        QTableWidget* bandTable = editor->bandTable();
        bandTable->item(0, 1)->setText(QStringLiteral("oops"));
        auto* problem = editor->findChild<QLabel*>(QStringLiteral("segmentProblem"));
        QVERIFY(problem->isVisibleTo(editor));
        QVERIFY2(problem->text().contains(QStringLiteral("should be a number from 0 to 1, not \"oops\"")),
                 qPrintable(problem->text()));
        QCOMPARE(table->rowCount(), names.size());
        bandTable->item(0, 1)->setText(QLocale().toString(0.9));
        QVERIFY(!problem->isVisibleTo(editor));
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 60000);
        QCOMPARE(m_page->segmentSummary().front().minScore >= 0.9f - 1e-6 ||
                     m_page->segmentSummary().front().customers == 0,
                 true);
    }
}

void TestSegmentsPage::testSavingSegmentsAsksForAName()
{
    show();
    m_page->tabs()->setCurrentIndex(2);
    QSignalSpy saved(m_page.get(), &SegmentsPage::segmentsSaved);
    QTimer::singleShot(0, this, [] {
        // Type the name into the dialog that asks for it, as a user would.
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<QInputDialog*>(QApplication::activeModalWidget()), 60000);
        auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
        auto* edit = dialog->findChild<QLineEdit*>();
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("spring campaign"));
        QTest::keyClick(edit, Qt::Key_Return);
    });
    QTest::mouseClick(m_page->findChild<QPushButton*>(QStringLiteral("saveSegments")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 60000);
    QCOMPARE(saved[0][0].toString(), QStringLiteral("spring campaign"));
    const auto definition = saved[0][1].value<nlohmann::json>();
    QCOMPARE(SegmentDefinition::fromJson(definition), m_page->segmentDefinition());
    QCOMPARE(definition["run"].get<std::int64_t>(), std::int64_t{1});

    // Given back by the owner, the saved definition can be picked again.
    m_page->setSavedSegments({{7, "spring campaign", SegmentDefinition::byQuantiles(4).toJson()}});
    auto* picker = m_page->findChild<QComboBox*>(QStringLiteral("savedSegments"));
    QCOMPARE(picker->currentText(), QStringLiteral("spring campaign"));
    picker->setFocus();
    QTest::keyClick(picker, Qt::Key_Up);
    QTest::keyClick(picker, Qt::Key_Down);
    QCOMPARE(m_page->segmentDefinition(), SegmentDefinition::byQuantiles(4));
}

void TestSegmentsPage::testEveryTextFitsAtLaptopSizes_data()
{
    QTest::addColumn<QSize>("window");
    QTest::addColumn<int>("tab");
    const std::pair<const char*, QSize> sizes[] = {{"1366x768 laptop", QSize(1229, 691)},
                                                   {"1280x720", QSize(1280, 720)},
                                                   {"1920x1080", QSize(1920, 1080)}};
    const char* const tabs[] = {"contact", "quality", "segments", "exports"};
    for (const auto& [name, size] : sizes) {
        for (int tab = 0; tab < 4; ++tab) {
            QTest::addRow("%s, %s", name, tabs[tab]) << size << tab;
        }
    }
}

void TestSegmentsPage::testEveryTextFitsAtLaptopSizes()
{
    QFETCH(QSize, window);
    QFETCH(int, tab);
    m_page->resize(pageSizeIn(window));
    show();
    ExportRecord written;
    written.exportedAt = "2025-03-01T09:30:00Z";
    written.path = "/home/user/scored-customers-run-1.csv";
    written.run = 1;
    written.rows = 1500;
    written.details = {{"kind", "scores"}, {"format", "csv"}};
    m_page->setExports({written});
    m_page->tabs()->setCurrentIndex(tab);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy() && !m_page->segmentSummary().empty(), 60000);
    test::deliverPostedEvents(); // queued layouts and replots
    const QString folder = qEnvironmentVariable("NEUROLIFT_SCREENSHOTS");
    if (!folder.isEmpty()) {
        m_page->grab().save(QDir(folder).filePath(
            QStringLiteral("segments-%1x%2-tab%3.png").arg(window.width()).arg(window.height()).arg(tab)));
    }
    // Labels (the matrix cells among them), buttons, table headers and cells, chart titles and legends.
    const QStringList problems = test::layoutProblems(m_page.get());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("\n"))));
}

void TestSegmentsPage::testNumbersSayWhichCustomers()
{
    show();
    m_page->setContactShare(0.2);
    const Expected expected = expectedAt(0.2);
    const ConfusionMatrix& c = expected.confusion;
    const QLocale locale;
    const QString all = locale.toString(qulonglong(m_all.size()));
    const QString test = locale.toString(qulonglong(m_test.size()));
    // The sentence counts all customers in the file; the matrix the held-out test customers,
    // and says how many of them the same cut contacts, beside the file's count.
    QVERIFY2(
        label("contactSentence")->text().contains(QStringLiteral("of all %1 customers in the file").arg(all)),
        qPrintable(label("contactSentence")->text()));
    QCOMPARE(label("matrixTitle")->text(), QStringLiteral("On the %1 test customers").arg(test));
    const QString population = label("matrixPopulation")->text();
    QVERIFY2(population.contains(QStringLiteral("checked on %1 customers held out from training").arg(test)),
             qPrintable(population));
    QVERIFY2(population.contains(QStringLiteral("contacts %1 of them")
                                     .arg(locale.toString(qulonglong(c.truePositives + c.falsePositives)))),
             qPrintable(population));
    QVERIFY2(population.contains(QStringLiteral("and %1 of all %2 customers in the file")
                                     .arg(locale.toString(qulonglong(expected.contacted)), all)),
             qPrintable(population));
    QCOMPARE(leadingCount(label("truePositives")) + leadingCount(label("falseNegatives")) +
                 leadingCount(label("falsePositives")) + leadingCount(label("trueNegatives")),
             static_cast<long long>(m_test.size()));
    // The decile table is of the test customers too, and says so.
    m_page->tabs()->setCurrentIndex(1);
    QStringList titles;
    for (const QLabel* l : m_page->tabs()->currentWidget()->findChildren<QLabel*>()) {
        titles << l->text();
    }
    QVERIFY2(titles.contains(QStringLiteral("The test customers in ten groups by score")),
             qPrintable(titles.join(u'|')));
}

void TestSegmentsPage::testScoredExportFromTheDialog_data()
{
    QTest::addColumn<bool>("keepFileOrder");
    QTest::newRow("best first, as the dialog opens") << false;
    QTest::newRow("in the file's order, when asked") << true;
}

void TestSegmentsPage::testScoredExportFromTheDialog()
{
    QFETCH(bool, keepFileOrder);
    show();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scored.csv"));
    QSignalSpy finished(m_page.get(), &SegmentsPage::exportFinished);
    QTimer::singleShot(0, this, [path, keepFileOrder] {
        // Fill in the dialog as a user would.
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<ExportDialog*>(QApplication::activeModalWidget()), 60000);
        auto* dialog = qobject_cast<ExportDialog*>(QApplication::activeModalWidget());
        dialog->pathEdit()->selectAll();
        QTest::keyClicks(dialog->pathEdit(), path);
        if (keepFileOrder) {
            dialog->orderPicker()->setFocus();
            QTest::keyClick(dialog->orderPicker(), Qt::Key_Down);
        }
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    });
    auto* menu = m_page->findChild<QMenu*>(QStringLiteral("exportMenu"));
    menu->actions().front()->trigger(); // Export › Scored Customers…
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY2(finished[0][0].toBool(), qPrintable(finished[0][2].toString()));

    // Read the file back: the customers in rank order (ties as in the file), or as in the file.
    QFile csv(path);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList header = QString::fromUtf8(csv.readLine()).trimmed().split(u',');
    QCOMPARE(header.mid(0, 4), (QStringList{"CustomerId", "score", "rank", "decile"}));
    const Column& ids = *m_table->column("CustomerId");
    QHash<QString, std::size_t> rowOf;
    for (std::size_t r = 0; r < m_table->rowCount(); ++r) {
        rowOf.insert(QString::fromStdString(ids.strings[r]), r);
    }
    std::vector<std::size_t> rows;
    while (!csv.atEnd()) {
        rows.push_back(rowOf.value(QString::fromUtf8(csv.readLine()).section(u',', 0, 0)));
    }
    std::vector<std::size_t> expected(m_table->rowCount());
    std::iota(expected.begin(), expected.end(), std::size_t{0});
    if (!keepFileOrder) {
        std::stable_sort(expected.begin(), expected.end(),
                         [this](std::size_t a, std::size_t b) { return m_all[a] > m_all[b]; });
    }
    QCOMPARE(rows, expected);
}

void TestSegmentsPage::testScoredExportWritesAFileAndARecord_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("segments");
    QTest::newRow("CSV with segments") << "scored.csv" << true;
    QTest::newRow("CSV") << "plain.csv" << false;
    QTest::newRow("Excel with segments") << "scored.xlsx" << true;
}

void TestSegmentsPage::testScoredExportWritesAFileAndARecord()
{
    QFETCH(QString, file);
    QFETCH(bool, segments);
    show();
    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    QSignalSpy exported(m_page.get(), &SegmentsPage::exported);
    QSignalSpy finished(m_page.get(), &SegmentsPage::exportFinished);
    QSignalSpy started(m_page.get(), &SegmentsPage::taskStarted);
    ScoredExportOptions options;
    options.path = path.toStdString();
    options.format = file.endsWith(QStringLiteral(".xlsx")) ? ExportFormat::Xlsx : ExportFormat::Csv;
    options.columns = {"CustomerId"};
    options.reasons = 1;
    if (segments) {
        options.segments = m_page->segmentDefinition();
    }
    m_page->startScoreExport(options);
    QCOMPARE(started.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY2(finished[0][0].toBool(), qPrintable(finished[0][2].toString()));
    QCOMPARE(exported.count(), 1);
    const auto record = exported[0][0].value<ExportRecord>();
    QCOMPARE(QString::fromStdString(record.path), QFileInfo(path).absoluteFilePath());
    QCOMPARE(record.rows, m_table->rowCount());
    QCOMPARE(record.run, std::optional<std::int64_t>(1));
    QVERIFY(QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(path + QStringLiteral(".part")));
    if (options.format == ExportFormat::Csv) {
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString header = QString::fromUtf8(csv.readLine()).trimmed();
        QVERIFY2(header.startsWith(QStringLiteral("CustomerId,score,rank,decile")), qPrintable(header));
        QCOMPARE(header.contains(QStringLiteral(",segment")), segments);
        QVERIFY2(header.contains(QStringLiteral("reason_up_1")), qPrintable(header));
        int lines = 0;
        while (!csv.readLine().isEmpty()) {
            ++lines;
        }
        QCOMPARE(lines, static_cast<int>(m_table->rowCount()));
    }
}

void TestSegmentsPage::testOtherExports_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("file");
    QTest::newRow("segment summary") << "segment_summary"
                                     << "summary.csv";
    QTest::newRow("charts PNG") << "charts"
                                << "charts.png";
    QTest::newRow("charts SVG") << "charts"
                                << "charts.svg";
    QTest::newRow("charts PDF") << "charts"
                                << "charts.pdf";
    QTest::newRow("SQL for SQLite") << "sql"
                                    << "model.sql";
}

void TestSegmentsPage::testOtherExports()
{
    QFETCH(QString, kind);
    QFETCH(QString, file);
    show();
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy() && !m_page->segmentSummary().empty(), 60000);
    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    QSignalSpy exported(m_page.get(), &SegmentsPage::exported);
    QString error;
    bool ok = false;
    if (kind == QLatin1String("segment_summary")) {
        ok = m_page->exportSegmentSummary(path, &error);
    } else if (kind == QLatin1String("charts")) {
        ok = m_page->exportCharts(path);
    } else {
        ok = m_page->exportSql(path, SqlDialect::Sqlite, QStringLiteral("customers"), &error);
    }
    QVERIFY2(ok, qPrintable(error));
    QVERIFY(QFileInfo(path).size() > 100);
    QCOMPARE(exported.count(), 1);
    const auto record = exported[0][0].value<ExportRecord>();
    QCOMPARE(QString::fromStdString(record.details["kind"].get<std::string>()), kind);
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray head = written.read(200);
    if (file.endsWith(QStringLiteral(".png"))) {
        QVERIFY(head.startsWith("\x89PNG"));
    } else if (file.endsWith(QStringLiteral(".pdf"))) {
        QVERIFY(head.startsWith("%PDF"));
    } else if (file.endsWith(QStringLiteral(".svg"))) {
        QVERIFY(head.contains("<svg") || head.contains("<?xml"));
    } else if (kind == QLatin1String("segment_summary")) {
        QVERIFY2(head.startsWith("segment,customers"), head.constData());
        QCOMPARE(written.readAll().count('\n') + head.count('\n'), 4); // header + hot, warm, cold
    } else {
        // The query runs in SQLite and gives the page's scores.
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(":memory:", &db), SQLITE_OK);
        const std::string create =
            "CREATE TABLE customers (CustomerId TEXT, Visits REAL, Spend REAL, Age REAL, "
            "Tenure REAL, Region TEXT)";
        QCOMPARE(sqlite3_exec(db, create.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_stmt* insert = nullptr;
        sqlite3_prepare_v2(db, "INSERT INTO customers VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &insert, nullptr);
        for (std::size_t r = 0; r < 50; ++r) {
            sqlite3_bind_text(insert, 1, m_table->column("CustomerId")->strings[r].c_str(), -1,
                              SQLITE_TRANSIENT);
            int k = 2;
            for (const char* name : {"Visits", "Spend", "Age", "Tenure"}) {
                sqlite3_bind_double(insert, k++, m_table->column(name)->values[r]);
            }
            const Column* region = m_table->column("Region");
            sqlite3_bind_text(insert, 6, region->levels[static_cast<std::size_t>(region->codes[r])].c_str(),
                              -1, SQLITE_TRANSIENT);
            QCOMPARE(sqlite3_step(insert), SQLITE_DONE);
            sqlite3_reset(insert);
        }
        sqlite3_finalize(insert);
        written.seek(0);
        const QByteArray sql = written.readAll();
        sqlite3_stmt* query = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, sql.constData(), -1, &query, nullptr), SQLITE_OK);
        int scoreColumn = -1;
        for (int c = 0; c < sqlite3_column_count(query); ++c) {
            if (std::string(sqlite3_column_name(query, c)) == "score") {
                scoreColumn = c;
            }
        }
        QVERIFY(scoreColumn >= 0);
        int rows = 0;
        while (sqlite3_step(query) == SQLITE_ROW) {
            // Rows come in table order; with a key column, its id names the row too.
            std::size_t row = static_cast<std::size_t>(rows);
            if (scoreColumn > 0 && sqlite3_column_type(query, 0) == SQLITE_TEXT) {
                const std::string id = reinterpret_cast<const char*>(sqlite3_column_text(query, 0));
                row = static_cast<std::size_t>(std::stoi(id.substr(1)) - 1);
            }
            const double score = sqlite3_column_double(query, scoreColumn);
            QVERIFY2(std::abs(score - m_all[row]) < 1e-5, qPrintable(QString::number(row)));
            ++rows;
        }
        QCOMPARE(rows, 50);
        sqlite3_finalize(query);
        sqlite3_close(db);
    }
}

void TestSegmentsPage::testNumberModelShowsErrors()
{
    show(1);
    QVERIFY(m_page->regression());
    QVERIFY(!m_page->evaluation());
    QCOMPARE(m_page->tabs()->currentIndex(), 1);
    QVERIFY(!m_page->tabs()->isTabEnabled(0));
    QVERIFY(!m_page->tabs()->isTabEnabled(2));
    const QString caption = label("regressionCaption")->text();
    QVERIFY2(caption.contains(QStringLiteral("typical error (RMSE) %1")
                                  .arg(QLocale().toString(m_page->regression()->metrics.rmse, 'f', 3))),
             qPrintable(caption));
    auto* residuals = m_page->findChild<QCustomPlot*>(QStringLiteral("residualPlot"));
    QCOMPARE(residuals->graph(0)->dataCount(), static_cast<int>(m_page->regression()->residuals.size()));
}

void TestSegmentsPage::testScreenshots()
{
    const QString folder = qEnvironmentVariable("NEUROLIFT_SCREENSHOTS");
    if (folder.isEmpty()) {
        QSKIP("set NEUROLIFT_SCREENSHOTS to a folder to write docs/screenshots/segments-*.png");
    }
    show();
    m_page->setContactShare(0.2);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 60000);
    const char* const names[] = {"segments-contact", "segments-quality", "segments-segments"};
    for (int tab = 0; tab < 3; ++tab) {
        m_page->tabs()->setCurrentIndex(tab);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 60000);
        test::deliverPostedEvents(); // queued replots and layouts
        QVERIFY(
            m_page->grab().save(QDir(folder).filePath(QLatin1String(names[tab]) + QStringLiteral(".png"))));
    }
}

QTEST_MAIN(TestSegmentsPage)
#include "tst_segmentspage.moc"

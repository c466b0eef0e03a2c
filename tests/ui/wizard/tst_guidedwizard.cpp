// The guided wizard driven as a marketer would: clicks on Next and Back, picks
// in the combo boxes, from the Car buyers demo to an exported CSV and a project
// open in the workbench.

#include "data/importdialog.h"
#include "shell/language.h"
#include "wizard/guidedwizard.h"

#include "common/pagekit.h"
#include "eventqueue.h"
#include "shell/document.h"
#include "shell/mainwindow.h"
#include "train/trainingchart.h"
#include "train/trainingsettings.h"
#include "uidriver.h"
#include "wizarddriver.h"

#include "data/demo.h"
#include "data/target.h"
#include "scoring/scoredexport.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QTableWidget>
#include <QTest>

#include <fstream>

using namespace neurolift;

class TestGuidedWizard : public test::WizardDriver {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void testDemoToExportedProject();
    void testOneOfManyAnswersCountsAsYes();
    void testReadSettingsComeFromTheImportDialog();
    void testLeakingColumnIsFlagged_data();
    void testLeakingColumnIsFlagged();
    void testLayerBuilderFinishesOntoModelPage();
    void testScreenshots();
    void testAutomaticChoiceOnSharedData_data();
    void testAutomaticChoiceOnSharedData();
};

void TestGuidedWizard::initTestCase()
{
    startTestCase(QStringLiteral("tst_guidedwizard"));
}

void TestGuidedWizard::init()
{
    openWindow();
}

void TestGuidedWizard::cleanup()
{
    closeWindow();
}

void TestGuidedWizard::testDemoToExportedProject()
{
    QVERIFY(openWizard());
    const DemoInfo& info = demoInfo(DemoKind::CarBuyers);
    const QString target = QString::fromUtf8(info.target.data(), static_cast<int>(info.target.size()));
    const QString yes = QString::fromUtf8(info.positive.data(), static_cast<int>(info.positive.size()));

    // 1. Welcome: the demo is the default.
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::WelcomePage));
    QVERIFY(find<QRadioButton>("demoChoice")->isChecked());
    next();

    // 3. What are we predicting (the file step is skipped for the demo).
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::TargetPage));
    auto* targetCombo = find<QComboBox>("targetCombo");
    QCOMPARE(targetCombo->currentText(), target);
    test::clickComboItem(find<QComboBox>("positiveCombo"), QStringLiteral("no"));
    QCOMPARE(text("sentence"), predictionSentence(target, QStringLiteral("no")));
    test::clickComboItem(find<QComboBox>("positiveCombo"), yes);
    QCOMPARE(text("sentence"), predictionSentence(target, yes));
    QVERIFY(text("sentence").contains(QStringLiteral("<b>yes</b>")));

    // Back to the start and forward again keeps the choice.
    back();
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::WelcomePage));
    next();
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::TargetPage));
    QCOMPARE(find<QComboBox>("positiveCombo")->currentText(), yes);
    next();

    // 4. Columns: the customer id is left out, nothing leaks in the demo.
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::ColumnsPage));
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 60000);
    QVERIFY(!find<QLabel>("leakWarning")->isVisible());
    auto* columns = find<QListWidget>("columnList");
    bool sawId = false;
    for (int i = 0; i < columns->count(); ++i) {
        const QListWidgetItem* item = columns->item(i);
        if (item->data(Qt::UserRole).toString() == QLatin1String(info.idColumn.data())) {
            sawId = true;
            QVERIFY(!item->flags().testFlag(Qt::ItemIsUserCheckable));
        } else {
            QCOMPARE(item->checkState(), Qt::Checked);
        }
    }
    QVERIFY(sawId);
    next();

    // 5. Model: automatic, the command line's default network, said in words.
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::ModelPage));
    QVERIFY(find<QRadioButton>("automaticChoice")->isChecked());
    QVERIFY(text("modelSentence").contains(QStringLiteral("64 and 32 neurons")));
    next();

    // 6. Training, with its progress in words.
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::TrainingPage));
    QTRY_VERIFY_WITH_TIMEOUT(text("progressText").contains(QStringLiteral("of at most 200")), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 60000);
    QVERIFY(m_wizard->state().run.has_value());
    const RunRecord run = *m_wizard->state().run;
    QCOMPARE(run.model.target.column, target.toStdString());
    // The faint training line has one point per batch trained, as on the Train page.
    {
        const std::size_t trainRows = splitFromAssignment(run.split).train.size();
        const auto batch = static_cast<std::size_t>(TrainingSettings{}.batchSize);
        const int perEpoch = static_cast<int>((trainRows + batch - 1) / batch);
        const auto* chart = m_wizard->findChild<TrainingChart*>();
        QVERIFY(chart);
        QTRY_COMPARE_WITH_TIMEOUT(chart->batchPointCount(), static_cast<int>(run.history.size()) * perEpoch,
                                  30000);
    }
    next();

    // 7. Results: the sentence's numbers are the core's evaluation of the run's test rows.
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::ResultsPage));
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 30000);
    const Table table = generateDemo(DemoKind::CarBuyers);
    const std::vector<float> all = scoreTable(table, run.model);
    const TargetValues answers = targetValues(table, run.model.target);
    std::vector<float> test, labels;
    for (const std::int64_t row : splitFromAssignment(run.split).test) {
        test.push_back(all[static_cast<std::size_t>(row)]);
        labels.push_back(answers.values[static_cast<std::size_t>(row)] >= 0.5f ? 1.0f : 0.0f);
    }
    const BinaryEvaluation expected = evaluateBinary(test, labels);
    QVERIFY(expected.deciles.front().lift > 1.5);
    QVERIFY2(
        text("resultsSentence")
            .contains(QStringLiteral("<b>%1\u00d7</b>").arg(localNumber(expected.deciles.front().lift, 1))),
        qPrintable(text("resultsSentence")));
    QVERIFY(text("resultsDetails").contains(localNumber(expected.auc, 2)));
    QVERIFY(text("resultsDetails").contains(localCount(static_cast<unsigned long long>(expected.rows))));
    next();

    // 8. Segments and the export.
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::SegmentsPage));
    auto* segments = m_wizard->findChild<QTableWidget*>(QStringLiteral("segmentTable"));
    QCOMPARE(segments->rowCount(), 3);
    QCOMPARE(segments->item(0, 0)->text(), QStringLiteral("hot"));
    // The file is named after the project until the user names another; the answer column and
    // the reasons go with it unless unticked.
    QCOMPARE(QFileInfo(find<QLineEdit>("exportPath")->text()).fileName(),
             QStringLiteral("Car buyers (example) - scored customers.csv"));
    auto* withTarget = find<QCheckBox>("exportTarget");
    QCOMPARE(withTarget->text(), QStringLiteral("Add the answer column \u201c%1\u201d, for example to leave "
                                                "out customers who already said yes")
                                     .arg(target));
    QVERIFY(withTarget->isChecked());
    QVERIFY(find<QCheckBox>("exportReasons")->isChecked());
    const QString csv = m_dir.filePath(QStringLiteral("scored.csv"));
    find<QLineEdit>("exportPath")->setText(csv);
    QTest::mouseClick(find<QPushButton>("exportButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(text("exportStatus").contains(localCount(table.rowCount())), 30000);
    QVERIFY2(text("exportStatus").contains(QStringLiteral("in the project \u201cCar buyers (example)\u201d")),
             qPrintable(text("exportStatus")));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), qsizetype(table.rowCount() + 1));
    const QList<QByteArray> header = lines.front().trimmed().split(',');
    QVERIFY(header.contains("segment"));
    QCOMPARE(header.front(), QByteArray(info.idColumn.data()));
    QVERIFY(header.contains(QByteArray(info.target.data(), qsizetype(info.target.size()))));
    QVERIFY(header.contains("reason_up_3"));
    QVERIFY(header.contains("reason_down_3"));
    // Best first, as the step says: rank 1 on the first row.
    QCOMPARE(lines[1].split(',').value(header.indexOf("rank")), QByteArray("1"));
    // Reasons read in words made from the column names ("Viewed pricing: yes (+0.12)"), not as
    // "viewed_pricing = 1".
    const QByteArray reason = lines[1].split(',').value(header.indexOf("reason_up_1"));
    QVERIFY2(reason.contains(": ") && !reason.contains(" = "), reason.constData());

    // Finish: the project opens on the Segments page with the target, the run and the export.
    QAbstractButton* finish = m_wizard->button(QWizard::FinishButton);
    QVERIFY(finish->isVisible() && finish->isEnabled());
    QTest::mouseClick(finish, Qt::LeftButton);
    // The data is written into the project on the thread pool; meanwhile the window waits, busy.
    QVERIFY(!m_window->menuBar()->isEnabled());
    QVERIFY(!m_window->document());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentStep(), Step::Segments, 60000);
    QVERIFY(m_window->menuBar()->isEnabled());
    Document* doc = m_window->document();
    QVERIFY(doc);
    QCOMPARE(doc->setting(kColumnWordsSetting).value("viewed_pricing", std::string()),
             std::string("Viewed pricing"));
    const ColumnChoice stored = ColumnChoice::fromJson(doc->setting("target"));
    QCOMPARE(stored.target, target.toStdString());
    QCOMPARE(stored.positive.value_or(""), yes.toStdString());
    const auto runs = doc->project().runs();
    QCOMPARE(runs.size(), std::size_t{1});
    QVERIFY(doc->project().run(runs.front().id).metrics == run.metrics);
    const auto exports = doc->project().exports();
    QCOMPARE(exports.size(), std::size_t{1});
    QCOMPARE(exports.front().run, std::optional<std::int64_t>(runs.front().id));
    QCOMPARE(QString::fromStdString(exports.front().path), QFileInfo(csv).absoluteFilePath());
    QCOMPARE(doc->project().segments().size(), std::size_t{1});
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<GuidedWizard*>(), 60000);
}

/// A column with more than two answers: the user picks the one looked for, all others are "no".
void TestGuidedWizard::testOneOfManyAnswersCountsAsYes()
{
    // The demo's outcome (its last column) told as one of three statuses.
    const Table demo = generateDemo(DemoKind::CarBuyers, {.rows = 1000, .noise = {}});
    const std::string csv = tableCsv(demo);
    std::string out;
    std::size_t row = 0, start = 0;
    for (std::size_t end = csv.find('\n'); end != std::string::npos;
         start = end + 1, end = csv.find('\n', start)) {
        std::string line = csv.substr(start, end - start);
        const std::size_t comma = line.rfind(',');
        const std::string last = line.substr(comma + 1);
        line.resize(comma + 1);
        line += row == 0        ? std::string("status")
                : last == "yes" ? "bought"
                : row % 3 == 0  ? "left"
                                : "browsing";
        out += line + '\n';
        ++row;
    }
    const QString path = m_dir.filePath(QStringLiteral("statuses.csv"));
    std::ofstream(path.toStdString()) << out;

    QVERIFY(openWizard());
    clickRadio("fileChoice");
    next();
    find<QLineEdit>("pathEdit")->setText(path);
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 20000);
    next();
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::TargetPage));
    auto* targets = find<QComboBox>("targetCombo");
    QVERIFY(targets->findText(QStringLiteral("status")) >= 0);
    test::clickComboItem(targets, QStringLiteral("status"));
    auto* answers = find<QComboBox>("positiveCombo");
    QCOMPARE(answers->count(), 3);
    test::clickComboItem(answers, QStringLiteral("bought"));
    const QString sentence = text("sentence");
    QVERIFY2(sentence.startsWith(predictionSentence(QStringLiteral("status"), QStringLiteral("bought"))),
             qPrintable(sentence));
    QVERIFY2(sentence.contains(
                 QStringLiteral("Every other answer (\u201cbrowsing\u201d, \u201cleft\u201d) counts as no.")),
             qPrintable(sentence));
    snap(QStringLiteral("3-target-many-answers"));
    next();
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::ColumnsPage));
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 20000);
    next();
    next();
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::TrainingPage));
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 60000);
    QVERIFY(m_wizard->state().run.has_value());
    const TargetSpec& learnt = m_wizard->state().run->model.target;
    QCOMPARE(learnt.column, std::string("status"));
    QCOMPARE(learnt.task, TaskKind::BinaryClassification);
    QCOMPARE(learnt.classes, (std::vector<std::string>{"(other)", "bought"}));
    m_wizard->reject();
}

/// The file step's "How It Is Read…" opens the workbench's import dialog; what is chosen there
/// (here: a column of region numbers read as categories) is how the wizard reads the file.
void TestGuidedWizard::testReadSettingsComeFromTheImportDialog()
{
    std::string csv = "customer,region_code,visits,bought\n";
    for (int i = 0; i < 200; ++i) {
        // Appended piece by piece: GCC 12 warns falsely on "C" + std::to_string() (bug 105329).
        csv.append("C").append(std::to_string(i)).append(",").append(std::to_string(10 * (1 + i % 4)));
        csv.append(",")
            .append(std::to_string(i % 7))
            .append(",")
            .append(i % 3 == 0 ? "yes" : "no")
            .append("\n");
    }
    const QString path = m_dir.filePath(QStringLiteral("regions.csv"));
    std::ofstream(path.toStdString()) << csv;

    QVERIFY(openWizard());
    clickRadio("fileChoice");
    next();
    auto* settings = find<QPushButton>("readSettingsButton");
    QVERIFY(!settings->isEnabled());
    find<QLineEdit>("pathEdit")->setText(path);
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 20000);
    QVERIFY(settings->isEnabled());

    QTest::mouseClick(settings, Qt::LeftButton);
    ImportDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_wizard->findChild<ImportDialog*>()) != nullptr, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->preview() != nullptr, 20000);
    auto* types = dialog->findChild<QTableWidget*>(QStringLiteral("columnTypes"));
    auto* regionType = qobject_cast<QComboBox*>(types->cellWidget(1, 1));
    QVERIFY(regionType);
    QCOMPARE(regionType->currentData().toInt(), int(ColumnType::Numeric));
    test::clickComboItem(regionType, QStringLiteral("Category"));
    QTRY_VERIFY_WITH_TIMEOUT(
        dialog->preview() && dialog->preview()->table.column(1).type == ColumnType::Categorical, 20000);
    auto* box = dialog->findChild<QDialogButtonBox*>();
    QAbstractButton* use = box->button(QDialogButtonBox::Ok);
    QCOMPARE(use->text(), QStringLiteral("Use These Settings"));
    QTRY_VERIFY_WITH_TIMEOUT(use->isEnabled(), 60000);
    QTest::mouseClick(use, Qt::LeftButton);

    // The file is read again the chosen way, and the wizard goes on with it.
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 20000);
    next();
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::TargetPage));
    QCOMPARE(m_wizard->state().table->column("region_code")->type, ColumnType::Categorical);
    QVERIFY(m_wizard->state().source.importOptions.contains("chosen"));
    m_wizard->reject();
}

void TestGuidedWizard::testLeakingColumnIsFlagged_data()
{
    QTest::addColumn<bool>("numeric");
    QTest::newRow("a number that copies the answer") << true;
    QTest::newRow("a category that copies the answer") << false;
}

void TestGuidedWizard::testLeakingColumnIsFlagged()
{
    QFETCH(bool, numeric);
    // The demo with a column filled in after the fact: it copies the answer (and a little noise).
    const Table demo = generateDemo(DemoKind::CarBuyers, {.rows = 1000, .noise = {}});
    std::string csv = tableCsv(demo);
    const Column& answer = *demo.column("bought_30d");
    std::string out;
    std::size_t row = 0, start = 0;
    for (std::size_t end = csv.find('\n'); end != std::string::npos;
         start = end + 1, end = csv.find('\n', start)) {
        out += csv.substr(start, end - start);
        if (row == 0) {
            out += ",follow_up_call\n";
        } else {
            const bool bought = answer.values[row - 1] >= 0.5;
            const bool noisy = (row % 199) == 0; // not quite perfect, still far above 0.98
            const bool value = bought != noisy;
            out += numeric ? (value ? ",12.5\n" : ",0.25\n") : (value ? ",booked\n" : ",none\n");
        }
        ++row;
    }
    const QString path = m_dir.filePath(QStringLiteral("leaky-%1.csv").arg(numeric));
    std::ofstream(path.toStdString()) << out;

    QVERIFY(openWizard());
    clickRadio("fileChoice");
    next();
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::FilePage));
    find<QLineEdit>("pathEdit")->setText(path);
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 20000);
    QVERIFY(text("fileStatus").contains(localCount(1000)));
    QVERIFY(find<QTableWidget>("preview")->rowCount() > 0);
    next();
    test::clickComboItem(find<QComboBox>("targetCombo"), QStringLiteral("bought_30d"));
    test::clickComboItem(find<QComboBox>("positiveCombo"), QStringLiteral("yes"));
    next();
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::ColumnsPage));
    QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>("leakWarning")->isVisible(), 20000);
    QVERIFY(text("leakWarning").contains(QStringLiteral("\u201cfollow_up_call\u201d")));
    QCOMPARE(m_wizard->state().leaks, std::vector<std::string>{"follow_up_call"});
    auto* columns = find<QListWidget>("columnList");
    for (int i = 0; i < columns->count(); ++i) {
        if (columns->item(i)->data(Qt::UserRole).toString() == QLatin1String("follow_up_call")) {
            QCOMPARE(columns->item(i)->checkState(), Qt::Unchecked);
        }
    }
    if (numeric) {
        snap(QStringLiteral("4-leak"));
    }
    // Back to the target keeps the file, and the way forward again.
    back();
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::TargetPage));
    back();
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::FilePage));
    QCOMPARE(find<QLineEdit>("pathEdit")->text(), path);
    m_wizard->reject();
}

void TestGuidedWizard::testLayerBuilderFinishesOntoModelPage()
{
    QVERIFY(openWizard());
    next();
    next();
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 60000);
    next();
    QCOMPARE(m_wizard->currentId(), int(GuidedWizard::ModelPage));
    clickRadio("builderChoice");
    QAbstractButton* finish = m_wizard->button(QWizard::FinishButton);
    QTRY_VERIFY_WITH_TIMEOUT(finish->isVisible() && finish->isEnabled(), 60000);
    QTest::mouseClick(finish, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentStep(), Step::Model, 60000);
    QVERIFY(m_window->document()->project().hasDataset());
    QCOMPARE(ColumnChoice::fromJson(m_window->document()->setting("target")).target,
             std::string("bought_30d"));
    QVERIFY(m_window->document()->project().runs().empty());
}

void TestGuidedWizard::testScreenshots()
{
    const QString folder = qEnvironmentVariable("NEUROLIFT_SCREENSHOTS");
    if (folder.isEmpty()) {
        QSKIP("set NEUROLIFT_SCREENSHOTS to a folder to write docs/screenshots/wizard-*.png");
    }
    // NEUROLIFT_SCREENSHOT_LANGUAGE=zh_CN writes the Chinese pictures (wizard-*-zh_CN.png).
    QVERIFY(installTranslators(qEnvironmentVariable("NEUROLIFT_SCREENSHOT_LANGUAGE", QStringLiteral("en"))));
    const auto english = qScopeGuard([] { installTranslators(QStringLiteral("en")); });
    QVERIFY(openWizard());
    snap(QStringLiteral("1-welcome"));
    // The file step, as it looks with a file read.
    clickRadio("fileChoice");
    next();
    const QString shoppers =
        QDir::cleanPath(QString::fromLocal8Bit(qgetenv("NEUROLIFT_SOURCE_DIR")) +
                        QStringLiteral("/../shared/data/online-shoppers/online_shoppers_intention.csv"));
    if (!QFileInfo::exists(shoppers)) {
        QSKIP("../shared/data/online-shoppers is not available");
    }
    find<QLineEdit>("pathEdit")->setText(shoppers);
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 20000);
    snap(QStringLiteral("2-file"));
    back();
    clickRadio("demoChoice");
    next();
    snap(QStringLiteral("3-target"));
    next();
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 60000);
    snap(QStringLiteral("4-columns"));
    next();
    snap(QStringLiteral("5-model"));
    next();
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 60000);
    snap(QStringLiteral("6-training"));
    next();
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 30000);
    snap(QStringLiteral("7-results"));
    next();
    find<QLineEdit>("exportPath")->setText(m_dir.filePath(QStringLiteral("shot.csv")));
    QTest::mouseClick(find<QPushButton>("exportButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(m_dir.filePath(QStringLiteral("shot.csv"))) &&
                                 !text("exportStatus").isEmpty(),
                             30000);
    snap(QStringLiteral("8-segments"));
    m_wizard->reject();
}

void TestGuidedWizard::testAutomaticChoiceOnSharedData_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("yes");
    QTest::addColumn<double>("logisticAuc");
    QTest::newRow("online shoppers") << QStringLiteral("online-shoppers/online_shoppers_intention.csv")
                                     << QStringLiteral("Revenue") << QStringLiteral("YES") << 0.9231;
    QTest::newRow("telco churn") << QStringLiteral("telco-churn/telco_customer_churn.csv")
                                 << QStringLiteral("Churn") << QStringLiteral("Yes") << 0.8411;
}

/// The wizard's automatic choice on real data does at least as well as a logistic regression
/// (`neurolift-cli train FILE --target T --positive Y --layers none`: the AUC in the rows).
void TestGuidedWizard::testAutomaticChoiceOnSharedData()
{
    QFETCH(QString, file);
    QFETCH(QString, target);
    QFETCH(QString, yes);
    QFETCH(double, logisticAuc);
    const QString path = QDir::cleanPath(QString::fromLocal8Bit(qgetenv("NEUROLIFT_SOURCE_DIR")) +
                                         QStringLiteral("/../shared/data/") + file);
    if (!QFileInfo::exists(path)) {
        QSKIP("../shared/data is not available");
    }
    QVERIFY(openWizard());
    clickRadio("fileChoice");
    next();
    find<QLineEdit>("pathEdit")->setText(path);
    next();
    test::clickComboItem(find<QComboBox>("targetCombo"), target);
    test::clickComboItem(find<QComboBox>("positiveCombo"), yes);
    QCOMPARE(find<QComboBox>("positiveCombo")->currentText(), yes);
    next();
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 30000);
    QCOMPARE(m_wizard->state().leaks, std::vector<std::string>{});
    next();
    next();
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->state().run.has_value(), 300000);
    const double auc = m_wizard->state().run->metrics.value("test_auc", 0.0);
    qInfo() << "test AUC" << auc;
    QVERIFY2(auc >= logisticAuc, qPrintable(QString::number(auc)));
    m_wizard->reject();
}

QTEST_MAIN(TestGuidedWizard)
#include "tst_guidedwizard.moc"

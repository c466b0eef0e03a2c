// Every page and tab of the workbench at the sizes users have, in every
// interface language, on the bundled demo project with its trained run:
// nothing cut off (labels, buttons, headers, cells, chart titles and axis
// labels, text items), no legend over the plotted data or outside its chart,
// and in another language no English phrase on screen (a string that missed
// tr(), or a core message that reached the screen untranslated).
// With NEUROLIFT_SCREENSHOTS set to a folder, each view is also written there
// as <page>[-<tab>]-<width>x<height>-<language>.png (docs/screenshots/).

#include "eventqueue.h"
#include "explain/explainpage.h"
#include "layoutcheck.h"
#include "segments/segmentspage.h"
#include "shell/document.h"
#include "shell/language.h"
#include "shell/mainwindow.h"
#include "shell/step.h"
#include "shell/workbench.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace neurolift;

class TestLayout : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void everyPageFits_data();
    void everyPageFits();

private:
    /// Waits until `page` has what it shows computed and drawn.
    void settle(QWidget* page);
    /// Problems on the current view of `page`, each prefixed with `view`; writes the screenshot.
    QStringList check(QWidget* page, const QString& view, const QString& suffix);

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NeuroLift"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_layout"));
    QApplication::setQuitOnLastWindowClosed(false);
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(NEUROLIFT_DEMO_PROJECT)), NEUROLIFT_DEMO_PROJECT);
}

void TestLayout::cleanup()
{
    if (m_window && m_window->document()) {
        m_window->document()->undoStack()->setClean();
    }
    m_window.reset();
    QDir(Document::untitledFolder()).removeRecursively();
    installTranslators(QStringLiteral("en"));
}

void TestLayout::everyPageFits_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("language");
    // 1280×720: the smallest window promised; about the default window on a 1366×768 laptop.
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
            const QString name =
                QStringLiteral("%1x%2 %3").arg(size.width()).arg(size.height()).arg(language);
            QTest::newRow(qPrintable(name)) << size << language;
        }
    }
}

void TestLayout::settle(QWidget* page)
{
    if (auto* explain = qobject_cast<ExplainPage*>(page)) {
        QTRY_VERIFY_WITH_TIMEOUT(explain->importance() != nullptr && !explain->isBusy(), 120000);
    } else if (auto* segments = qobject_cast<SegmentsPage*>(page)) {
        QTRY_VERIFY_WITH_TIMEOUT(segments->evaluation() != nullptr && !segments->isBusy(), 120000);
    }
    // Batched replots and queued layouts land before anything is measured.
    test::deliverPostedEvents();
    QTRY_VERIFY_WITH_TIMEOUT(test::noPendingSingleShots(m_window.get()), 60000);
    for (QCustomPlot* plot : page->findChildren<QCustomPlot*>()) {
        if (plot->isVisible()) {
            plot->replot(QCustomPlot::rpImmediateRefresh);
        }
    }
    test::deliverPostedEvents();
}

QStringList TestLayout::check(QWidget* page, const QString& view, const QString& suffix)
{
    settle(page);
    if (QTest::currentTestFailed()) {
        return {view + QStringLiteral(": did not settle")};
    }
    const QString folder = qEnvironmentVariable("NEUROLIFT_SCREENSHOTS");
    if (!folder.isEmpty()) {
        m_window->grab().save(
            QDir(folder).filePath(view + QLatin1Char('-') + suffix + QStringLiteral(".png")));
    }
    // The data table shows the user's own values; long ones are cut there as in a spreadsheet.
    QStringList problems = test::layoutProblems(m_window.get(), {QStringLiteral("dataView")});
    if (installedLanguage() != QLatin1String("en")) {
        // The user's column names and values, and the names of runs, may be English; nothing else may.
        QStringList own;
        for (const RunSummary& run : m_window->document()->project().runs()) {
            own << QString::fromStdString(run.name);
        }
        if (const auto table = m_window->document()->table()) {
            for (const Column& c : table->columns()) {
                own << QString::fromStdString(c.name);
                for (const std::string& level : c.levels) {
                    own << QString::fromStdString(level);
                }
            }
        }
        // Longest first, so that "days_since_last_visit" is taken out before "visit" could be.
        std::sort(own.begin(), own.end(),
                  [](const QString& a, const QString& b) { return a.size() > b.size(); });
        problems += test::englishPhrases(m_window.get(), {QStringLiteral("dataView")}, own);
    }
    for (QString& p : problems) {
        p.prepend(view + QStringLiteral(": "));
    }
    return problems;
}

void TestLayout::everyPageFits()
{
    QFETCH(QSize, size);
    QFETCH(QString, language);
    QVERIFY(installTranslators(language));

    // A copy: the window may write a recovery file beside the project.
    const QString project = m_dir.filePath(QStringLiteral("car-buyers-%1.nlproj").arg(language));
    QFile::remove(project);
    QVERIFY(QFile::copy(QStringLiteral(NEUROLIFT_DEMO_PROJECT), project));
    QFile::setPermissions(project, QFile::ReadOwner | QFile::WriteOwner);

    m_window = std::make_unique<MainWindow>();
    m_window->resize(size);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->size(), size);
    QVERIFY(m_window->openProject(project));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->workbench() && m_window->workbench()->prepared() != nullptr, 60000);

    const QString suffix = QStringLiteral("%1x%2-%3").arg(size.width()).arg(size.height()).arg(language);
    QStringList problems;
    const std::pair<Step, const char*> steps[] = {{Step::Data, "data"},
                                                  {Step::Model, "model"},
                                                  {Step::Train, "train"},
                                                  {Step::Explain, "explain"},
                                                  {Step::Segments, "segments"}};
    for (const auto& [step, name] : steps) {
        m_window->showStep(step);
        QWidget* page = m_window->findChild<QWidget*>(QLatin1StringView(name) + QStringLiteral("Page"));
        QVERIFY2(page && page->isVisible(), name);
        auto* tabs = page->findChild<QTabWidget*>(QStringLiteral("sections"));
        if (!tabs) {
            problems += check(page, QLatin1StringView(name), suffix);
            continue;
        }
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            const QString tab = tabs->widget(i)->objectName().remove(QStringLiteral("Tab"));
            problems += check(page, QStringLiteral("%1-%2").arg(QLatin1StringView(name), tab), suffix);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problems:\n").arg(problems.size()) +
                                            problems.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"

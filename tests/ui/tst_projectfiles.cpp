// The main window's project files: new, open, save, save as, recent projects,
// unsaved-changes prompts, crash recovery, drag and drop, undo and redo.

#include "document.h"
#include "documentcommands.h"
#include "uidriver.h"
#include "mainwindow.h"
#include "settings.h"
#include "taskindicator.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <filesystem>
#include <memory>

using namespace neurolift;
using neurolift::test::chooseTarget;

namespace {

std::string local(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

std::string targetOf(const Document& doc)
{
    const nlohmann::json t = doc.setting("target");
    return t.is_object() ? t.value("column", "") : "";
}

/// Answers the next modal message box named `name` by clicking the button
/// labelled `button` (mnemonics ignored); records the box's text.
class DialogAnswer : public QObject {
public:
    DialogAnswer(QString name, QString button)
        : m_name(std::move(name))
        , m_button(std::move(button))
    {
        connect(&m_poll, &QTimer::timeout, this, &DialogAnswer::poll);
        m_poll.start(10);
    }
    bool answered() const { return m_answered; }
    QString text() const { return m_text; }

private:
    void poll()
    {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || box->objectName() != m_name) {
            return;
        }
        m_text = box->text() + u'\n' + box->informativeText();
        for (QAbstractButton* b : box->buttons()) {
            if (b->text().remove(u'&') == m_button) {
                m_poll.stop();
                m_answered = true;
                b->click();
                return;
            }
        }
    }
    QString m_name;
    QString m_button;
    QString m_text;
    QTimer m_poll;
    bool m_answered = false;
};

} // namespace

class TestProjectFiles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void titleShowsNameAndModifiedMark();
    void undoAndRedoActionsFollowTheStack();
    void saveAsThenRecentMenuReopens();
    void closingWithChangesAsks_data();
    void closingWithChangesAsks();
    void openingCrashedWorkOffersRestore_data();
    void openingCrashedWorkOffersRestore();
    void openingABadFileSaysWhy_data();
    void openingABadFileSaysWhy();
    void droppingAProjectOpensIt();
    void reopeningShowsThePageItWasSavedOn();
    void taskIndicatorCancels();

private:
    QString path(const QString& name) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestProjectFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NeuroLift"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_projectfiles"));
    QApplication::setQuitOnLastWindowClosed(false);
}

void TestProjectFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    prefs::recentProjects.reset();
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->document());
}

void TestProjectFiles::cleanup()
{
    if (m_window && m_window->document()) {
        m_window->document()->undoStack()->setClean(); // nothing to ask about
    }
    m_window.reset();
    QDir(Document::untitledFolder()).removeRecursively();
}

void TestProjectFiles::titleShowsNameAndModifiedMark()
{
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Untitled[*] \u2014 NeuroLift"));
    chooseTarget(*m_window->document(), "bought");
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_window->saveProjectAs(path(QStringLiteral("Spring campaign.nlproj"))));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Spring campaign.nlproj[*] \u2014 NeuroLift"));
    QVERIFY(!m_window->isWindowModified());
}

void TestProjectFiles::undoAndRedoActionsFollowTheStack()
{
    auto* undo = m_window->findChild<QAction*>(QStringLiteral("actionUndo"));
    auto* redo = m_window->findChild<QAction*>(QStringLiteral("actionRedo"));
    QVERIFY(undo && redo);
    QVERIFY(undo->shortcuts().contains(QKeySequence(QStringLiteral("Ctrl+Z"))));
    QVERIFY(!undo->isEnabled());
    chooseTarget(*m_window->document(), "bought");
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), QStringLiteral("&Undo Choose Target"));

    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keySequence(m_window.get(), QKeySequence(QStringLiteral("Ctrl+Z")));
    QCOMPARE(targetOf(*m_window->document()), std::string());
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(redo->isEnabled());
    QCOMPARE(redo->text(), QStringLiteral("&Redo Choose Target"));
    redo->trigger();
    QCOMPARE(targetOf(*m_window->document()), std::string("bought"));
}

void TestProjectFiles::saveAsThenRecentMenuReopens()
{
    const QString file = path(QStringLiteral("q4 \"best\"; --.nlproj"));
    chooseTarget(*m_window->document(), "bought");
    QVERIFY(m_window->saveProjectAs(file));
    QVERIFY(m_window->newProject());
    QVERIFY(m_window->document()->isUntitled());
    QCOMPARE(prefs::recentProjects.get(), QStringList{file});

    auto* recent = m_window->findChild<QMenu*>(QStringLiteral("menuRecent"));
    QVERIFY(recent);
    emit recent->aboutToShow();
    QVERIFY(!recent->actions().isEmpty());
    QAction* first = recent->actions().front();
    QCOMPARE(first->text(), QStringLiteral("&1 q4 \"best\"; --.nlproj"));
    QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
    first->trigger();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_window->document()->filePath(), file);
    QCOMPARE(targetOf(*m_window->document()), std::string("bought"));
}

void TestProjectFiles::closingWithChangesAsks_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<bool>("closed");
    QTest::addColumn<std::string>("savedTarget");
    QTest::addRow("save") << "Save" << true << std::string("churned");
    QTest::addRow("discard") << "Discard" << true << std::string("bought");
    QTest::addRow("cancel") << "Cancel" << false << std::string("bought");
}

void TestProjectFiles::closingWithChangesAsks()
{
    QFETCH(QString, answer);
    QFETCH(bool, closed);
    QFETCH(std::string, savedTarget);
    const QString file = path(QStringLiteral("close.nlproj"));
    chooseTarget(*m_window->document(), "bought");
    QVERIFY(m_window->saveProjectAs(file));
    chooseTarget(*m_window->document(), "churned");

    DialogAnswer dialog(QStringLiteral("saveChangesPrompt"), answer);
    m_window->close();
    QVERIFY(dialog.answered());
    QVERIFY2(dialog.text().contains(QStringLiteral("Do you want to save the changes to \u201cclose.nlproj\u201d?")),
             qPrintable(dialog.text()));
    QCOMPARE(!m_window->isVisible(), closed);
    QCOMPARE(Project::open(local(file)).setting("target")->value("column", ""), savedTarget);
    QCOMPARE(QFile::exists(file + QStringLiteral(".recovery")), !closed);
}

void TestProjectFiles::openingCrashedWorkOffersRestore_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<std::string>("target");
    QTest::addColumn<bool>("opened");
    QTest::addRow("restore") << "Restore Changes" << std::string("recovered") << true;
    QTest::addRow("discard") << "Discard Changes" << std::string("saved") << true;
    QTest::addRow("cancel") << "Cancel" << std::string() << false;
}

void TestProjectFiles::openingCrashedWorkOffersRestore()
{
    QFETCH(QString, answer);
    QFETCH(std::string, target);
    QFETCH(bool, opened);
    // What a crash leaves: the project as saved, and a newer recovery copy with the unsaved change.
    const QString file = path(QStringLiteral("crashed.nlproj"));
    Project::create(local(file)).setSetting("target", {{"column", "saved"}});
    Project::open(local(file)).writeCopy(local(file + QStringLiteral(".recovery")));
    Project::open(local(file + QStringLiteral(".recovery"))).setSetting("target", {{"column", "recovered"}});
    // The project was saved a minute before the copy (set, not waited for: file times can be coarse).
    const auto copyTime = std::filesystem::last_write_time(local(file + QStringLiteral(".recovery")));
    std::filesystem::last_write_time(local(file), copyTime - std::chrono::minutes(1));

    DialogAnswer dialog(QStringLiteral("restorePrompt"), answer);
    QCOMPARE(m_window->openProject(file), opened);
    QVERIFY(dialog.answered());
    QVERIFY2(dialog.text().contains(QStringLiteral("stopped before the changes to \u201ccrashed.nlproj\u201d")),
             qPrintable(dialog.text()));
    if (opened) {
        QCOMPARE(targetOf(*m_window->document()), target);
        QCOMPARE(m_window->isWindowModified(), answer == QLatin1String("Restore Changes"));
    } else {
        QVERIFY(m_window->document()->isUntitled());
        QVERIFY(Document::recoverableWork(file).has_value()); // still there for later
    }
}

void TestProjectFiles::openingABadFileSaysWhy_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::addRow("text") << QByteArray("id,name\n1,x\n") << "this is not a NeuroLift project";
    QTest::addRow("empty") << QByteArray() << "the file is empty";
    QTest::addRow("missing") << QByteArray("<none>") << "the file does not exist";
}

void TestProjectFiles::openingABadFileSaysWhy()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString file = path(QStringLiteral("bad.nlproj"));
    if (content != "<none>") {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    Document* before = m_window->document();
    DialogAnswer dialog(QStringLiteral("errorMessage"), QStringLiteral("OK"));
    QVERIFY(!m_window->openProject(file));
    QVERIFY(dialog.answered());
    QVERIFY2(dialog.text().startsWith(QStringLiteral("\"bad.nlproj\": ") + message), qPrintable(dialog.text()));
    QCOMPARE(m_window->document(), before); // the open project stays
}

void TestProjectFiles::droppingAProjectOpensIt()
{
    const QString file = path(QStringLiteral("dropped.nlproj"));
    Project::create(local(file)).setSetting("target", {{"column", "dropped"}});
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(file)});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->document()->filePath(), file, 60000);
    QCOMPARE(targetOf(*m_window->document()), std::string("dropped"));

    // Other files are not taken.
    QMimeData other;
    other.setUrls({QUrl::fromLocalFile(path(QStringLiteral("picture.png")))});
    QDragEnterEvent refused(QPoint(50, 50), Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(m_window.get(), &refused);
    QVERIFY(!refused.isAccepted());
}

void TestProjectFiles::reopeningShowsThePageItWasSavedOn()
{
    const QString file = path(QStringLiteral("page.nlproj"));
    m_window->showStep(Step::Train);
    QVERIFY(m_window->saveProjectAs(file));
    m_window->showStep(Step::Data);
    QVERIFY(m_window->newProject());
    QVERIFY(m_window->openProject(file));
    QCOMPARE(m_window->currentStep(), Step::Train);
}

void TestProjectFiles::taskIndicatorCancels()
{
    TaskIndicator* tasks = m_window->tasks();
    QVERIFY(!tasks->isVisible());
    bool cancelled = false;
    tasks->start(QStringLiteral("Importing customers.csv"), [&] { cancelled = true; });
    tasks->setProgress(0.4);
    QVERIFY(tasks->isVisible());
    auto* bar = tasks->findChild<QProgressBar*>(QStringLiteral("taskProgress"));
    QVERIFY(bar);
    QCOMPARE(bar->value(), 400);
    QTest::mouseClick(tasks->findChild<QAbstractButton*>(QStringLiteral("taskCancel")), Qt::LeftButton);
    QVERIFY(cancelled);
    QCOMPARE(tasks->text(), QStringLiteral("Cancelling\u2026"));
    tasks->finish();
    QVERIFY(!tasks->isVisible());
}

QTEST_MAIN(TestProjectFiles)
#include "tst_projectfiles.moc"

// The main window's project files: new, open, save, save as, recent projects,
// unsaved-changes prompts, crash recovery, drag and drop, undo and redo.

#include "shell/document.h"
#include "shell/documentcommands.h"
#include "shell/errorbanner.h"
#include "shell/mainwindow.h"
#include "shell/settings.h"
#include "shell/taskindicator.h"
#include "train/trainpage.h"
#include "trainingdata.h"
#include "uidriver.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>

using namespace neurolift;
using neurolift::test::chooseTarget;

namespace {

std::string local(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

/// A file of tests/data/bad/projects (made by tests/data/bad/make-bad-files.py).
QString badProject(const QString& name)
{
    return QStringLiteral(NEUROLIFT_SOURCE_DIR_PATH "/tests/data/bad/projects/") + name;
}

QByteArray bytesOf(const QString& file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

/// Every file under `folder`, hidden ones too, relative to it.
QStringList filesUnder(const QString& folder)
{
    QStringList out;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        out << QDir(folder).relativeFilePath(it.next());
    }
    out.sort();
    return out;
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
    void openingABadProjectSaysWhyAndLeavesNothing_issue17_data();
    void openingABadProjectSaysWhyAndLeavesNothing_issue17();
    void screenshotOfABadProjectShowsWhyAndFails_issue17_data();
    void screenshotOfABadProjectShowsWhyAndFails_issue17();
    void readOnlyProjectSaysSoBeforeTraining_issue17_data();
    void readOnlyProjectSaysSoBeforeTraining_issue17();
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
    QVERIFY2(dialog.text().contains(
                 QStringLiteral("Do you want to save the changes to \u201cclose.nlproj\u201d?")),
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
    QVERIFY2(
        dialog.text().contains(QStringLiteral("stopped before the changes to \u201ccrashed.nlproj\u201d")),
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
    QVERIFY2(dialog.text().startsWith(QStringLiteral("\"bad.nlproj\": ") + message),
             qPrintable(dialog.text()));
    QCOMPARE(m_window->document(), before); // the open project stays
}

void TestProjectFiles::openingABadProjectSaysWhyAndLeavesNothing_issue17_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("unattended");
    QTest::addColumn<QString>("message");
    // The core's words, as the command-line program gives them (tests/app/tst_badinput.cpp).
    const QString intact = QStringLiteral("use an intact copy or the recovery copy");
    const QList<std::pair<const char*, QString>> files{
        {"not-sqlite.nlproj",
         "\"not-sqlite.nlproj\": this is not a NeuroLift project (open a .nlproj file, or "
         "import a CSV file instead)"},
        {"empty.nlproj", "\"empty.nlproj\": the file is empty; it may have been cut off while copying"},
        {"truncated.nlproj",
         "\"truncated.nlproj\": the file is cut off (51200 of 102400 bytes); use an intact copy"},
        {"header-only.nlproj",
         "\"header-only.nlproj\": the file is cut off (100 of 102400 bytes); use an intact copy"},
        {"other-app.nlproj",
         "\"other-app.nlproj\": this is a database of another program, not a NeuroLift project"},
        {"newer-format.nlproj",
         "\"newer-format.nlproj\": this project was saved by a newer NeuroLift (project "
         "format 99; this version reads up to 2); update NeuroLift to open it"},
        {"no-version.nlproj",
         "\"no-version.nlproj\": the project has no format version; it was not written completely"},
        {"corrupt-page.nlproj", "\"corrupt-page.nlproj\": the project is damaged (database disk image is "
                                "malformed) while opening it; " +
                                    intact},
    };
    for (const auto& [name, message] : files) {
        for (const bool unattended : {false, true}) {
            QTest::addRow("%s, %s", name, unattended ? "banner" : "message box")
                << QString::fromLatin1(name) << unattended << message;
        }
    }
}

void TestProjectFiles::openingABadProjectSaysWhyAndLeavesNothing_issue17()
{
    QFETCH(QString, name);
    QFETCH(bool, unattended);
    QFETCH(QString, message);
    const QByteArray bytes = bytesOf(badProject(name));
    QVERIFY(!bytes.startsWith("<unreadable>"));
    const QString file = path(name);
    QVERIFY(QFile::copy(badProject(name), file));
    const QString untitled = Document::untitledFolder();
    const QStringList untitledBefore = filesUnder(untitled);
    QCOMPARE(untitledBefore.filter(QStringLiteral(".nlproj")).size(),
             2); // the window's new project and its lock
    Document* before = m_window->document();
    m_window->setUnattended(unattended);
    QSignalSpy shown(m_window.get(), &MainWindow::errorShown);

    // Returning at all is the first check: a box nobody answers would hang here.
    std::optional<DialogAnswer> dialog;
    if (!unattended) {
        dialog.emplace(QStringLiteral("errorMessage"), QStringLiteral("OK"));
    }
    QVERIFY(!m_window->openProject(file));
    if (unattended) {
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY(m_window->errorBanner()->isVisible());
        QCOMPARE(m_window->errorBanner()->message(), message);
        QCOMPARE(m_window->errorBanner()->findChild<QLabel*>(QStringLiteral("errorBannerTitle"))->text(),
                 QStringLiteral("Cannot open the project"));
    } else {
        QVERIFY(dialog->answered());
        QCOMPARE(dialog->text(), message + u'\n');
        QVERIFY(!m_window->errorBanner()->isVisible());
    }
    QCOMPARE(shown.count(), 1);
    QCOMPARE(shown.at(0).at(1).toString(), message);

    // The workbench goes on with the project it had.
    QCOMPARE(m_window->document(), before);
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Untitled[*] \u2014 NeuroLift"));
    chooseTarget(*m_window->document(), "bought");
    QCOMPARE(targetOf(*m_window->document()), std::string("bought"));
    m_window->showStep(Step::Train);
    QCOMPARE(m_window->currentStep(), Step::Train);

    // Nothing written: not the file, not beside it, not among the new projects.
    QCOMPARE(bytesOf(file), bytes);
    QCOMPARE(filesUnder(m_dir->path()), QStringList{name});
    QCOMPARE(filesUnder(untitled), untitledBefore);
    m_window->document()->undoStack()->setClean();
    m_window.reset();
    QCOMPARE(filesUnder(untitled), QStringList());
}

void TestProjectFiles::screenshotOfABadProjectShowsWhyAndFails_issue17_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("error");
    QTest::addRow("not a project")
        << "not-sqlite.nlproj"
        << "neurolift: \"not-sqlite.nlproj\": this is not a NeuroLift project (open a "
           ".nlproj file, or import a CSV file instead)\n";
    QTest::addRow("newer format")
        << "newer-format.nlproj"
        << "neurolift: \"newer-format.nlproj\": this project was saved by a newer "
           "NeuroLift (project format 99; this version reads up to 2); update NeuroLift "
           "to open it\n";
    // Opens, but a part of it cannot be read: said, not lost in the status line.
    QTest::addRow("damaged runs table")
        << "missing-run-table.nlproj"
        << "neurolift: \"missing-run-table.nlproj\": the project is damaged (no such table: run) while "
           "reading the runs: it does not hold what a NeuroLift project holds; use an intact copy or the "
           "recovery copy\n";
    // Not an error but a question (restore the unsaved changes?): no one answers it, so it is
    // closed as Cancel, and the recovery copy stays for the user.
    QTest::addRow("unanswered question")
        << "<crashed>"
        << "neurolift: NeuroLift stopped before the changes to \u201ccrashed.nlproj"
           "\u201d were saved.";
}

void TestProjectFiles::screenshotOfABadProjectShowsWhyAndFails_issue17()
{
    QFETCH(QString, name);
    QFETCH(QString, error);
    QString file;
    if (name == QLatin1String("<crashed>")) {
        // What a crash leaves: the project as saved, and a newer recovery copy.
        file = path(QStringLiteral("crashed.nlproj"));
        Project::create(local(file)).setSetting("target", {{"column", "saved"}});
        Project::open(local(file)).writeCopy(local(file + QStringLiteral(".recovery")));
        const auto copyTime = std::filesystem::last_write_time(local(file + QStringLiteral(".recovery")));
        std::filesystem::last_write_time(local(file), copyTime - std::chrono::minutes(1));
    } else {
        file = path(name);
        QVERIFY(QFile::copy(badProject(name), file));
    }
    const QStringList filesBefore = filesUnder(m_dir->path());
    const QByteArray bytes = bytesOf(file);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    // Its own home, so nothing it leaves is missed and nothing of the user's is touched.
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    const QString picture = home.filePath(QStringLiteral("shot.png"));
    QProcess gui;
    gui.setProcessEnvironment(env);
    gui.start(QStringLiteral(NEUROLIFT_GUI_PATH), {QStringLiteral("--screenshot"), picture, file});
    // A deadline for a broken build only: a run that works ends in about a second.
    QVERIFY2(gui.waitForFinished(120000), "neurolift --screenshot did not end: a dialog is waiting");
    const QString stderrText = QString::fromUtf8(gui.readAllStandardError());
    QCOMPARE(gui.exitStatus(), QProcess::NormalExit);
    QCOMPARE(gui.exitCode(), 2);
    QVERIFY2(stderrText.contains(error), qPrintable(stderrText));
    const QImage shot(picture);
    QVERIFY(!shot.isNull());
    QCOMPARE(shot.size(), QSize(1280, 800));
    QCOMPARE(filesUnder(home.path()).filter(QStringLiteral(".nlproj")), QStringList());
    QCOMPARE(filesUnder(m_dir->path()), filesBefore);
    QCOMPARE(bytesOf(file), bytes);
}

void TestProjectFiles::readOnlyProjectSaysSoBeforeTraining_issue17_data()
{
    QTest::addColumn<bool>("folder");
    QTest::addColumn<QString>("reason");
    QTest::addRow("read-only file")
        << false
        << "\u201cshop.nlproj\u201d is read-only, so nothing can be kept in it. Save a "
           "copy with File \u203a Save As\u2026, or make the file writable.";
    // A read-only folder (Document::readOnlyReason() says so too) is not a row: root, as in CI, may
    // write to it, and elsewhere the new project's first automatic change already says it cannot be saved.
}

void TestProjectFiles::readOnlyProjectSaysSoBeforeTraining_issue17()
{
    QFETCH(bool, folder);
    QFETCH(QString, reason);
    const QString file = path(QStringLiteral("shop.nlproj"));
    {
        Project p = Project::create(local(file));
        DatasetSource source;
        source.fileName = "shop.csv";
        p.saveDataset(test::customerTable(300), source);
        p.setSetting("target", {{"column", "Bought"}});
    }
    constexpr auto readable = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
    constexpr auto listable = readable | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    const QString locked = folder ? m_dir->path() : file;
    QVERIFY(QFile::setPermissions(locked, folder ? listable : readable));
    // So that a failure does not leave what QTemporaryDir cannot remove.
    const auto restore = qScopeGuard([&] { QFile::setPermissions(locked, listable | QFile::WriteOwner); });
    if (folder && QFileInfo(m_dir->path()).isWritable()) {
        QSKIP("A read-only folder is writable to this user (root): only the file's own mode bits count for "
              "it.");
    }
    const QByteArray bytes = bytesOf(file);

    QVERIFY(m_window->openProject(file));
    // Said as soon as it is open.
    QCOMPARE(m_window->windowTitle(), QStringLiteral("shop.nlproj (read-only)[*] \u2014 NeuroLift"));
    m_window->showStep(Step::Train);
    auto* train = m_window->findChild<TrainPage*>(QStringLiteral("trainPage"));
    QVERIFY(train);
    auto* start = train->findChild<QPushButton*>(QStringLiteral("start"));
    QVERIFY(start);
    QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), 60000);
    QSignalSpy busy(train, &TrainPage::busyChanged);
    DialogAnswer dialog(QStringLiteral("errorMessage"), QStringLiteral("OK"));
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(dialog.answered());
    QCOMPARE(dialog.text(), reason + u'\n');
    // Before any training: nothing ran, and the page says why next to its buttons.
    QCOMPARE(busy.count(), 0);
    QVERIFY(!train->isBusy());
    QCOMPARE(train->findChild<QLabel*>(QStringLiteral("status"))->text(), reason);
    QCOMPARE(bytesOf(file), bytes);
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

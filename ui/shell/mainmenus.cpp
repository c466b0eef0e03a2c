#include "shell/mainmenus.h"

#include "shell/document.h"
#include "shell/language.h"
#include "shell/mainwindow.h"
#include "shell/recentprojectsmenu.h"
#include "shell/settings.h"
#include "shell/version.h"
#include "teaching/teachingwindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QUndoStack>

namespace neurolift {

namespace {

/// Adds an action with `text`, object name `name`, the platform's keys for `key` and a status tip.
template <typename Slot>
QAction* addAction(QMenu* menu, const QString& text, const char* name, QKeySequence::StandardKey key,
                   const QString& tip, QObject* context, Slot slot)
{
    QAction* a = menu->addAction(text, context, slot);
    a->setObjectName(QLatin1StringView(name));
    a->setShortcuts(key);
    a->setStatusTip(tip);
    return a;
}

} // namespace

MainMenus::MainMenus(MainWindow* window)
    : QObject(window)
    , m_window(window)
{
    createFileMenu();
    createEditMenu();

    QMenuBar* bar = m_window->menuBar();
    QMenu* tools = bar->addMenu(tr("&Tools"));
    QAction* teaching = tools->addAction(tr("&Teaching Mode"), this, [this] {
        auto* teachingWindow = new TeachingWindow(m_window);
        teachingWindow->setAttribute(Qt::WA_DeleteOnClose);
        teachingWindow->show();
    });
    teaching->setObjectName(QStringLiteral("actionTeachingMode"));
    teaching->setStatusTip(tr("Show how a small network learns toy data, for a class or a projector"));

    QMenu* settings = bar->addMenu(tr("&Settings"));
    settings->setObjectName(QStringLiteral("menuSettings"));
    createLanguageMenu(settings->addMenu(tr("&Language")));

    QMenu* help = bar->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About NeuroLift"), this, [this] {
        QMessageBox::about(m_window, tr("About NeuroLift"), aboutText());
    });
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    about->setStatusTip(tr("Show NeuroLift's version"));
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

QString MainMenus::aboutText()
{
    return tr("<h3>NeuroLift %1</h3>"
              "<p>Build, train and explain neural networks on your own customer data, "
              "and turn their scores into segments you can act on.</p>"
              "<p>Built with Qt %2.</p>")
        .arg(versionString(), QString::fromLatin1(qVersion()));
}

void MainMenus::createFileMenu()
{
    QMenu* file = m_window->menuBar()->addMenu(tr("&File"));
    addAction(file, tr("&New Project"), "actionNew", QKeySequence::New, tr("Start a new, empty project"),
              this, [this] { m_window->newProject(); });
    QAction* guided =
        file->addAction(tr("New &Guided Project\u2026"), this, [this] { m_window->newGuidedProject(); });
    guided->setObjectName(QStringLiteral("actionNewGuided"));
    guided->setStatusTip(tr("Step by step from a customer table to a list of the customers to contact"));
    addAction(file, tr("&Open Project…"), "actionOpen", QKeySequence::Open, tr("Open a saved project"), this,
              [this] { chooseProjectToOpen(); });
    auto* recent = new RecentProjectsMenu(tr("Open &Recent"), file);
    file->addMenu(recent);
    connect(recent, &RecentProjectsMenu::projectChosen, this,
            [this](const QString& path) { m_window->openProject(path); });
    QAction* import =
        file->addAction(tr("&Import Customer Data\u2026"), this, [this] { chooseFileToImport(); });
    import->setObjectName(QStringLiteral("actionImport"));
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    import->setStatusTip(tr("Bring a customer table (CSV) into the project"));
    file->addSeparator();
    addAction(file, tr("&Save"), "actionSave", QKeySequence::Save, tr("Save the project"), this,
              [this] { m_window->save(); });
    QAction* saveAs =
        addAction(file, tr("Save &As…"), "actionSaveAs", QKeySequence::SaveAs,
                  tr("Save the project under another name"), this, [this] { m_window->saveAs(); });
    if (saveAs->shortcuts().isEmpty()) {
        saveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    }
    addAction(file, tr("&Close Project"), "actionClose", QKeySequence::Close,
              tr("Close the project and start a new one"), this, [this] { m_window->newProject(); });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), m_window, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    // The platform's quit keys; Windows and minimal platforms define none, so fall back to Ctrl+Q.
    QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    if (quitKeys.isEmpty()) {
        quitKeys = {QKeySequence(Qt::CTRL | Qt::Key_Q)};
    }
    quit->setShortcuts(quitKeys);
    quit->setMenuRole(QAction::QuitRole);
    quit->setStatusTip(tr("Close NeuroLift"));
}

void MainMenus::createEditMenu()
{
    QMenu* edit = m_window->menuBar()->addMenu(tr("&Edit"));
    m_undo = addAction(edit, tr("&Undo"), "actionUndo", QKeySequence::Undo, tr("Undo the last change"), this,
                       [this] {
                           if (m_stack) {
                               m_stack->undo();
                           }
                       });
    m_redo = addAction(edit, tr("&Redo"), "actionRedo", QKeySequence::Redo, tr("Redo the change you undid"),
                       this, [this] {
                           if (m_stack) {
                               m_stack->redo();
                           }
                       });
    setUndoStack(nullptr);
}

void MainMenus::setUndoStack(QUndoStack* stack)
{
    if (m_stack) {
        disconnect(m_stack, nullptr, this, nullptr);
    }
    m_stack = stack;
    const auto undoText = [this](const QString& text) {
        m_undo->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text));
    };
    const auto redoText = [this](const QString& text) {
        m_redo->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(text));
    };
    m_undo->setEnabled(stack && stack->canUndo());
    m_redo->setEnabled(stack && stack->canRedo());
    undoText(stack ? stack->undoText() : QString());
    redoText(stack ? stack->redoText() : QString());
    if (stack) {
        connect(stack, &QUndoStack::canUndoChanged, this, [this](bool can) { m_undo->setEnabled(can); });
        connect(stack, &QUndoStack::canRedoChanged, this, [this](bool can) { m_redo->setEnabled(can); });
        connect(stack, &QUndoStack::undoTextChanged, this, undoText);
        connect(stack, &QUndoStack::redoTextChanged, this, redoText);
    }
}

void MainMenus::createLanguageMenu(QMenu* menu)
{
    menu->setObjectName(QStringLiteral("menuLanguage"));
    auto* group = new QActionGroup(menu);
    const QString chosen = prefs::language.get();
    const auto addChoice = [&](const QString& text, const QString& code) {
        QAction* a = menu->addAction(text);
        a->setObjectName(
            QStringLiteral("actionLanguage_%1").arg(code.isEmpty() ? QStringLiteral("system") : code));
        a->setData(code);
        a->setCheckable(true);
        a->setActionGroup(group);
        a->setChecked(code == chosen ||
                      (code.isEmpty() && chooseLanguage(chosen, QLocale::system()) != chosen));
        return a;
    };
    const QString systemLanguage = chooseLanguage(QString(), QLocale::system());
    addChoice(tr("Same as the System (%1)").arg(languageName(systemLanguage)), QString())
        ->setStatusTip(tr("Show NeuroLift in the language of the desktop"));
    menu->addSeparator();
    for (const InterfaceLanguage& l : interfaceLanguages()) {
        addChoice(l.nativeName, l.code);
    }
    connect(group, &QActionGroup::triggered, this,
            [this](QAction* action) { languageChosen(action->data().toString()); });
}

void MainMenus::languageChosen(const QString& code)
{
    prefs::language.set(code);
    const QString next = chooseLanguage(code, QLocale::system());
    if (next == installedLanguage()) {
        return;
    }
    // Every page builds its texts once; a restart shows them all in the new language.
    QMessageBox box(QMessageBox::Information, tr("Language"),
                    tr("NeuroLift will be shown in %1 the next time it starts.").arg(languageName(next)),
                    QMessageBox::NoButton, m_window);
    box.setObjectName(QStringLiteral("languageChangedBox"));
    QPushButton* restart = box.addButton(tr("Restart Now"), QMessageBox::AcceptRole);
    restart->setObjectName(QStringLiteral("restartNowButton"));
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() != restart) {
        return;
    }
    const QString project = m_window->document() ? m_window->document()->filePath() : QString();
    // close() asks about unsaved changes first; "Cancel" there keeps NeuroLift running.
    if (m_window->close()) {
        QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                project.isEmpty() ? QStringList() : QStringList{project});
        QCoreApplication::quit();
    }
}

void MainMenus::chooseProjectToOpen()
{
    QFileDialog dialog(m_window, tr("Open Project"), prefs::lastFolder.get(),
                       tr("NeuroLift projects (*.nlproj)"));
    dialog.setObjectName(QStringLiteral("openDialog"));
    dialog.setFileMode(QFileDialog::ExistingFile);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) {
        return;
    }
    const QString path = dialog.selectedFiles().front();
    prefs::lastFolder.set(QFileInfo(path).absolutePath());
    m_window->openProject(path);
}

void MainMenus::chooseFileToImport()
{
    QFileDialog dialog(m_window, tr("Import Customer Data"), prefs::lastFolder.get(),
                       tr("Customer tables (*.csv *.tsv *.txt);;All files (*)"));
    dialog.setObjectName(QStringLiteral("importFileDialog"));
    dialog.setFileMode(QFileDialog::ExistingFile);
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty()) {
        prefs::lastFolder.set(QFileInfo(dialog.selectedFiles().front()).absolutePath());
        m_window->importCsv(dialog.selectedFiles().front());
    }
}

} // namespace neurolift

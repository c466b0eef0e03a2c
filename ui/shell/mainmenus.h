#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QUndoStack;

namespace neurolift {

class MainWindow;

/// The main window's menu bar and its actions: File (projects, recent
/// projects, import), Edit (undo and redo of the open project), Tools,
/// Settings (language) and Help. The actions call the window; what a page
/// does has its own actions on the page.
class MainMenus : public QObject {
    Q_OBJECT

public:
    /// Fills `window`'s menu bar.
    explicit MainMenus(MainWindow* window);

    /// Undo and redo act on `stack` and show its next steps (null: both off).
    void setUndoStack(QUndoStack* stack);

    /// The text of the About box: name, version and what NeuroLift is for.
    static QString aboutText();

private:
    void createFileMenu();
    void createEditMenu();
    /// Settings › Language: follow the system or pick one; takes effect at the next start.
    void createLanguageMenu(QMenu* menu);
    /// Asks the user to restart after choosing the language `code` (empty: the system's).
    void languageChosen(const QString& code);
    void chooseProjectToOpen();
    void chooseFileToImport();

    MainWindow* m_window;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QPointer<QUndoStack> m_stack;
};

} // namespace neurolift

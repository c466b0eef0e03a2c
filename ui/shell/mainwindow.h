#pragma once

#include "shell/step.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QTimer;

namespace neurolift {

class Document;
class ErrorBanner;
class MainMenus;
class StepNavigation;
class StepPages;
class TaskIndicator;
class Workbench;

/// The application's main window: a navigation with the five workflow steps on
/// the left and the page of the current step on the right. It only hosts pages
/// and joins them to the open project; each page owns its widgets and actions,
/// the menus are MainMenus, and recovery questions are asked by RecoveryPrompt.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// The step whose page is shown.
    Step currentStep() const;
    /// Shows the page of `step` and selects it in the navigation.
    void showStep(Step step);

    /// The open project (there is always one, untitled at first), or null when
    /// not even an untitled one could be created.
    Document* document() const { return m_document.get(); }
    /// The status bar's indicator of background work.
    TaskIndicator* tasks() const { return m_tasks; }

    /// Opens the project at `path` after offering to save the current one and
    /// to restore unsaved work a crash left in it. False when the user
    /// cancelled or it failed (the reason was shown).
    bool openProject(const QString& path);
    /// Saves the project to `path` (Save As without the dialog). False on failure (shown).
    bool saveProjectAs(const QString& path);
    /// Starts a new, untitled project after offering to save the current one.
    bool newProject();
    /// Opens the guided wizard; finishing it opens the project it made.
    void newGuidedProject();
    /// Offers to save unsaved changes: true when the project may be closed.
    bool maybeSave();
    /// Saves the project, asking for a name while it has none. False when cancelled or it failed (shown).
    bool save();
    /// Asks for a name and saves the project under it. False when cancelled or it failed (shown).
    bool saveAs();
    /// Shows the import dialog for a customer table and imports it into the open project.
    void importCsv(const QString& path);
    /// The glue between the open project and its pages (null without a project).
    Workbench* workbench() const { return m_workbench; }
    /// Offers back untitled projects that a NeuroLift which stopped without
    /// saving left behind; call once the window is shown.
    void offerUnsavedWork();
    /// With no one at the screen (--screenshot), errors are shown in a banner across the
    /// window instead of a message box that would wait for OK.
    void setUnattended(bool unattended) { m_unattended = unattended; }
    /// The banner that shows errors while unattended.
    ErrorBanner* errorBanner() const { return m_banner; }

signals:
    /// Another project was opened (or a new one started).
    void documentChanged(neurolift::Document* document);
    /// An error was shown to the user: `message` is the core's own words.
    void errorShown(const QString& title, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void setDocument(std::unique_ptr<Document> document);
    /// Closes the open project (its pages first). Ask maybeSave() before.
    void closeDocument();
    /// Puts the open project's pages in the window and joins them to it with a Workbench.
    void showDocumentPages();
    void updateTitle();
    /// Shows `text` in the status bar for `milliseconds`, then "Ready" again.
    void showStatus(const QString& text, int milliseconds);
    /// The page shown, kept in the project with the next save and shown again when it is opened.
    void storeUiState();
    void restoreUiState();
    void showError(const QString& title, const QString& message);
    void createPages();
    /// Saves under `path` (empty: the project's own file) and remembers it among the recent projects.
    bool saveTo(const QString& path);

    MainMenus* m_menus = nullptr;
    StepNavigation* m_navigation = nullptr;
    StepPages* m_pages = nullptr;
    TaskIndicator* m_tasks = nullptr;
    QLabel* m_statusLabel = nullptr;
    QTimer* m_statusReset = nullptr;
    std::unique_ptr<Document> m_document;
    Workbench* m_workbench = nullptr; ///< Owned by the document.
    ErrorBanner* m_banner = nullptr;
    bool m_unattended = false;
};

} // namespace neurolift

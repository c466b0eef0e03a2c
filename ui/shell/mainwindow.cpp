#include "shell/mainwindow.h"

#include "common/pagekit.h"
#include "shell/document.h"
#include "shell/errorbanner.h"
#include "shell/mainmenus.h"
#include "shell/recentprojectsmenu.h"
#include "shell/recoveryprompt.h"
#include "shell/settings.h"
#include "shell/stepnavigation.h"
#include "shell/steppages.h"
#include "shell/taskindicator.h"
#include "shell/workbench.h"
#include "wizard/guidedwizard.h"

#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace neurolift {

namespace {

constexpr QSize kDefaultSize{1280, 800};
const QString kProjectSuffix = QStringLiteral("nlproj");

bool isProjectFile(const QString& path)
{
    return QFileInfo(path).suffix().compare(kProjectSuffix, Qt::CaseInsensitive) == 0;
}

/// Files the import reads: comma or tab separated text.
bool isDataFile(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("tsv") || suffix == QLatin1String("txt");
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("NeuroLift"));
    m_menus = new MainMenus(this);
    createPages();

    m_statusLabel = new QLabel(tr("Ready"), this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setContentsMargins(8, 0, 0, 0);
    statusBar()->addWidget(m_statusLabel, 1);
    m_statusReset = new QTimer(this);
    m_statusReset->setSingleShot(true);
    connect(m_statusReset, &QTimer::timeout, this, [this] { m_statusLabel->setText(tr("Ready")); });
    m_tasks = new TaskIndicator(this);
    statusBar()->addPermanentWidget(m_tasks);
    setAcceptDrops(true);

    try {
        setDocument(Document::createUntitled());
    } catch (const ProjectError& e) {
        // Shown once the window is up; the window still opens projects.
        const QString message = QString::fromUtf8(e.what());
        QTimer::singleShot(0, this,
                           [this, message] { showError(tr("Cannot start a new project"), message); });
    }

    if (!restoreGeometry(prefs::mainWindowGeometry.get())) {
        // First start: a comfortable size that still fits on small screens.
        QSize size = kDefaultSize;
        if (const QScreen* s = screen()) {
            size = size.boundedTo(s->availableSize() * 0.9);
        }
        resize(size);
    }
}

MainWindow::~MainWindow()
{
    closeDocument();
}

Step MainWindow::currentStep() const
{
    return m_pages->currentStep();
}

void MainWindow::showStep(Step step)
{
    m_navigation->setCurrentStep(step);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    prefs::mainWindowGeometry.set(saveGeometry());
    // Close the project now (not when the window is deleted), so a closed
    // window leaves no recovery copy or lock behind.
    closeDocument();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile() &&
        (isProjectFile(urls.front().toLocalFile()) || isDataFile(urls.front().toLocalFile()))) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile()) {
        event->acceptProposedAction();
        const QString path = urls.front().toLocalFile();
        // After the drop returns, so the dragging application is not kept waiting by our dialogs.
        QTimer::singleShot(0, this, [this, path] {
            if (isProjectFile(path)) {
                openProject(path);
            } else {
                importCsv(path);
            }
        });
    }
}

void MainWindow::showStatus(const QString& text, int milliseconds)
{
    // In the status label, not as a temporary message, which Qt draws over the label.
    m_statusLabel->setText(text);
    m_statusLabel->setToolTip(text);
    m_statusReset->start(milliseconds);
}

void MainWindow::closeDocument()
{
    // The pages first: they show the document's models and must not outlive them.
    m_pages->showPlaceholders();
    m_workbench = nullptr;
    m_document.reset();
}

void MainWindow::showDocumentPages()
{
    m_workbench = new Workbench(m_document.get(), m_pages->showDocumentPages(*m_document), m_tasks, this);
    connect(m_workbench, &Workbench::message, this, [this](const QString& text) { showStatus(text, 10000); });
    connect(m_workbench, &Workbench::importFinished, this, [this](bool ok, const QString& message) {
        if (!ok) {
            showError(tr("Cannot import the file"), message);
        }
    });
    connect(m_workbench, &Workbench::errorOccurred, this, &MainWindow::showError);
    connect(m_workbench, &Workbench::projectUnreadable, this,
            [this](const QString& message) { showError(tr("Cannot open the project"), message); });
    m_workbench->start();
}

void MainWindow::importCsv(const QString& path)
{
    if (m_workbench) {
        showStep(Step::Data);
        m_workbench->importCsv(path);
    }
}

void MainWindow::setDocument(std::unique_ptr<Document> document)
{
    m_document = std::move(document);
    if (m_document) {
        showDocumentPages();
        m_menus->setUndoStack(m_document->undoStack());
        connect(m_document.get(), &Document::modifiedChanged, this, &MainWindow::updateTitle);
        connect(m_document.get(), &Document::changed, this, [this](Document::Changes what) {
            if (what.testFlag(Document::Change::FileName)) {
                updateTitle();
            }
        });
        connect(m_document.get(), &Document::errorOccurred, this,
                [this](const QString& message) { showError(tr("Cannot save the change"), message); });
    } else {
        m_menus->setUndoStack(nullptr);
    }
    updateTitle();
    emit documentChanged(m_document.get());
}

void MainWindow::updateTitle()
{
    if (!m_document) {
        setWindowTitle(tr("NeuroLift"));
        setWindowModified(false);
        return;
    }
    // "[*]" is where Qt shows the modified mark ("*", or the platform's own).
    setWindowTitle((m_document->readOnlyReason().isEmpty() ? tr("%1[*] — NeuroLift")
                                                           : tr("%1 (read-only)[*] — NeuroLift"))
                       .arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::showError(const QString& title, const QString& message)
{
    emit errorShown(title, message);
    if (m_unattended) {
        m_banner->showError(title, message);
        return;
    }
    QMessageBox box(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("errorMessage"));
    box.exec();
}

bool MainWindow::maybeSave()
{
    if (!m_document || !m_document->isModified()) {
        return true;
    }
    QMessageBox box(QMessageBox::Warning, tr("Save changes?"),
                    tr("Do you want to save the changes to “%1”?").arg(m_document->displayName()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("saveChangesPrompt"));
    box.setInformativeText(tr("Your changes will be lost if you don't save them."));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

bool MainWindow::newProject()
{
    if (!maybeSave()) {
        return false;
    }
    closeDocument(); // let go of the old project's files first
    try {
        setDocument(Document::createUntitled());
    } catch (const ProjectError& e) {
        setDocument(nullptr);
        showError(tr("Cannot start a new project"), QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

void MainWindow::newGuidedProject()
{
    if (!maybeSave()) {
        return; // asked first: the wizard is modal, so nothing changes until it ends
    }
    auto* wizard = new GuidedWizard(this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QWizard::accepted, this, [this, wizard] {
        closeDocument(); // let go of the old project's files first
        // Shared by the job's completion, which hands it to the window.
        auto doc = std::make_shared<std::unique_ptr<Document>>();
        QString working;
        try {
            *doc = Document::createUntitled();
            working = (*doc)->beginWorkerEdit();
        } catch (const ProjectError& e) {
            setDocument(nullptr);
            showError(tr("Cannot create the project"), QString::fromUtf8(e.what()));
            return;
        }
        // The customer table can be large: it is written into the project on the thread pool,
        // and the window takes the project once it is there. Until then nothing else can start.
        const GuidedWizard::State state = wizard->state();
        menuBar()->setEnabled(false);
        centralWidget()->setEnabled(false);
        m_tasks->start(tr("Creating the project"));
        m_tasks->setProgress(-1);
        const std::string file = QFile::encodeName(working).toStdString();
        runJob<Document::Changes>(
            this,
            [file, state](const JobProgress&) {
                Project project = Project::open(file);
                return GuidedWizard::writeProject(project, state);
            },
            [this, doc, state](QFutureWatcher<void>*, std::optional<Document::Changes> changes,
                               const QString& error) {
                m_tasks->finish();
                menuBar()->setEnabled(true);
                centralWidget()->setEnabled(true);
                if (!changes) {
                    setDocument(nullptr);
                    showError(tr("Cannot create the project"), error);
                    return;
                }
                (*doc)->setTable(state.table);
                (*doc)->changedOutsideUndo(*changes);
                setDocument(std::move(*doc));
                showStep(state.openBuilder ? Step::Model : Step::Segments);
            });
    });
    wizard->open();
}

bool MainWindow::openProject(const QString& path)
{
    const QString file = QFileInfo(path).absoluteFilePath();
    if (m_document && m_document->filePath() == file) {
        return true; // already open here
    }
    if (!maybeSave()) {
        return false;
    }
    RecoveryPrompt::Answer answer = RecoveryPrompt::Answer::Discard;
    if (const auto when = Document::recoverableWork(file)) {
        answer = RecoveryPrompt::askAboutChanges(this, file, *when);
        if (answer == RecoveryPrompt::Answer::Cancel) {
            return false;
        }
    }
    std::unique_ptr<Document> opened;
    try {
        opened = Document::open(file, answer == RecoveryPrompt::Answer::Restore);
    } catch (const ProjectError& e) {
        showError(tr("Cannot open the project"), QString::fromUtf8(e.what()));
        return false;
    }
    closeDocument();
    setDocument(std::move(opened));
    restoreUiState();
    RecentProjectsMenu::remember(file);
    return true;
}

void MainWindow::storeUiState()
{
    const nlohmann::json state{{"page", StepPages::pageName(currentStep()).toStdString()}};
    if (m_document->setting("ui") != state) {
        // Not an edit to undo: it is written with the next save only.
        m_document->edit().setSetting("ui", state);
    }
}

void MainWindow::restoreUiState()
{
    const nlohmann::json state = m_document->setting("ui");
    if (!state.is_object() || !state.contains("page") || !state.at("page").is_string()) {
        return;
    }
    for (const Step step : kSteps) {
        if (StepPages::pageName(step).toStdString() == state.at("page").get<std::string>()) {
            showStep(step);
        }
    }
}

void MainWindow::offerUnsavedWork()
{
    const QString file = RecoveryPrompt::chooseUntitledToRestore(this);
    if (file.isEmpty() || !maybeSave()) {
        return;
    }
    try {
        auto recovered = Document::recoverUntitled(file);
        closeDocument();
        setDocument(std::move(recovered));
    } catch (const ProjectError& e) {
        showError(tr("Cannot restore the project"), QString::fromUtf8(e.what()));
    }
}

bool MainWindow::save()
{
    if (!m_document) {
        return false;
    }
    return m_document->isUntitled() ? saveAs() : saveTo(QString());
}

bool MainWindow::saveAs()
{
    if (!m_document) {
        return false;
    }
    const QString start =
        m_document->isUntitled()
            ? QDir(prefs::lastFolder.get().isEmpty() ? QDir::homePath() : prefs::lastFolder.get())
                  .filePath(m_document->suggestedFileName())
            : m_document->filePath();
    QFileDialog dialog(this, tr("Save Project As"), start, tr("NeuroLift projects (*.nlproj)"));
    dialog.setObjectName(QStringLiteral("saveAsDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(kProjectSuffix);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) {
        return false;
    }
    return saveProjectAs(dialog.selectedFiles().front());
}

bool MainWindow::saveProjectAs(const QString& path)
{
    if (!m_document || !saveTo(path)) {
        return false;
    }
    prefs::lastFolder.set(QFileInfo(path).absolutePath());
    return true;
}

bool MainWindow::saveTo(const QString& path)
{
    try {
        storeUiState();
        if (path.isEmpty()) {
            m_document->save();
        } else {
            m_document->saveAs(path);
        }
    } catch (const ProjectError& e) {
        showError(tr("Cannot save the project"), QString::fromUtf8(e.what()));
        return false;
    }
    RecentProjectsMenu::remember(m_document->filePath());
    showStatus(tr("Saved %1").arg(m_document->displayName()), 3000);
    return true;
}

void MainWindow::createPages()
{
    m_navigation = new StepNavigation(this);
    m_pages = new StepPages(this);
    connect(m_navigation, &StepNavigation::currentStepChanged, m_pages, &StepPages::showStep);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    m_banner = new ErrorBanner(central);
    auto* column = new QVBoxLayout;
    column->setSpacing(0);
    column->addWidget(m_banner);
    column->addWidget(m_pages, 1);
    layout->addLayout(column, 1);
    setCentralWidget(central);
}

} // namespace neurolift

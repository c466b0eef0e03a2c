#include "shell/mainwindow.h"

#include "common/pagekit.h"
#include "data/datapage.h"
#include "explain/explainpage.h"
#include "model/modelpage.h"
#include "segments/segmentspage.h"
#include "shell/appicon.h"
#include "shell/document.h"
#include "shell/errorbanner.h"
#include "shell/language.h"
#include "shell/settings.h"
#include "shell/taskindicator.h"
#include "shell/version.h"
#include "shell/workbench.h"
#include "teaching/teachingwindow.h"
#include "train/trainpage.h"
#include "wizard/guidedwizard.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <tuple>

namespace neurolift {

namespace {

constexpr QSize kDefaultSize{1280, 800};
constexpr int kMaxRecentProjects = 10;
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
constexpr int kSidebarWidth = 210;
constexpr int kNavigationRowHeight = 40;
constexpr int kBadgeSize = 22;
// Transparent room right of the badge: item views put the text only a few pixels from the icon.
constexpr int kBadgeGap = 6;

int stepIndex(Step step)
{
    return static_cast<int>(step);
}

QString pageObjectName(Step step)
{
    switch (step) {
    case Step::Data:
        return QStringLiteral("dataPage");
    case Step::Model:
        return QStringLiteral("modelPage");
    case Step::Train:
        return QStringLiteral("trainPage");
    case Step::Explain:
        return QStringLiteral("explainPage");
    case Step::Segments:
        return QStringLiteral("segmentsPage");
    }
    return {};
}

/// The step's number in a filled circle: highlight on the plain row, inverted on the selected one.
QIcon stepBadge(int number, const QPalette& palette)
{
    const QColor highlight = palette.color(QPalette::Highlight);
    const QColor onHighlight = palette.color(QPalette::HighlightedText);
    QIcon icon;
    for (const qreal ratio : {1.0, 2.0}) {
        for (const auto& [mode, fill, text] : {std::tuple{QIcon::Normal, highlight, onHighlight},
                                               std::tuple{QIcon::Selected, onHighlight, highlight}}) {
            QPixmap pixmap(QSize(kBadgeSize + kBadgeGap, kBadgeSize) * ratio);
            pixmap.setDevicePixelRatio(ratio);
            pixmap.fill(Qt::transparent);
            QPainter p(&pixmap);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(Qt::NoPen);
            p.setBrush(fill);
            p.drawEllipse(QRectF(0.5, 0.5, kBadgeSize - 1, kBadgeSize - 1));
            QFont font = p.font();
            font.setPixelSize(kBadgeSize * 6 / 10);
            font.setWeight(QFont::Bold);
            p.setFont(font);
            p.setPen(text);
            p.drawText(QRectF(0, 0, kBadgeSize, kBadgeSize), Qt::AlignCenter, QString::number(number));
            p.end();
            icon.addPixmap(pixmap, mode);
        }
    }
    return icon;
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("NeuroLift"));
    createMenus();
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
    return kSteps.at(static_cast<std::size_t>(m_pages->currentIndex()));
}

void MainWindow::showStep(Step step)
{
    m_navigation->setCurrentRow(stepIndex(step));
}

QString MainWindow::aboutText()
{
    return tr("<h3>NeuroLift %1</h3>"
              "<p>Build, train and explain neural networks on your own customer data, "
              "and turn their scores into segments you can act on.</p>"
              "<p>Built with Qt %2.</p>")
        .arg(versionString(), QString::fromLatin1(qVersion()));
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
    showPlaceholderPages();
    m_workbench = nullptr;
    m_document.reset();
}

void MainWindow::showPlaceholderPages()
{
    for (const Step step : {Step::Data, Step::Model, Step::Train, Step::Explain, Step::Segments}) {
        QWidget* old = m_pages->widget(stepIndex(step));
        if (qobject_cast<NoProjectPage*>(old)) {
            continue;
        }
        auto* placeholder = new NoProjectPage(noProjectContent(step), m_pages);
        placeholder->setObjectName(pageObjectName(step));
        replacePage(step, placeholder);
    }
}

void MainWindow::replacePage(Step step, QWidget* page)
{
    const int current = m_pages->currentIndex();
    QWidget* old = m_pages->widget(stepIndex(step));
    m_pages->insertWidget(stepIndex(step), page);
    m_pages->removeWidget(old);
    delete old;
    m_pages->setCurrentIndex(current);
}

void MainWindow::showDocumentPages()
{
    auto* dataPage = new DataPage(m_pages);
    auto* model = new ModelPage(m_document->architectures(), m_document->undoStack(), m_pages);
    auto* train = new TrainPage(m_pages);
    auto* explain = new ExplainPage(m_pages);
    auto* segments = new SegmentsPage(m_pages);
    dataPage->setObjectName(pageObjectName(Step::Data));
    model->setObjectName(pageObjectName(Step::Model));
    train->setObjectName(pageObjectName(Step::Train));
    explain->setObjectName(pageObjectName(Step::Explain));
    segments->setObjectName(pageObjectName(Step::Segments));
    replacePage(Step::Data, dataPage);
    replacePage(Step::Model, model);
    replacePage(Step::Train, train);
    replacePage(Step::Explain, explain);
    replacePage(Step::Segments, segments);
    m_workbench = new Workbench(m_document.get(), {dataPage, model, train, explain, segments}, m_tasks, this);
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
        QUndoStack* stack = m_document->undoStack();
        m_undo->setEnabled(stack->canUndo());
        m_redo->setEnabled(stack->canRedo());
        connect(stack, &QUndoStack::canUndoChanged, m_undo, &QAction::setEnabled);
        connect(stack, &QUndoStack::canRedoChanged, m_redo, &QAction::setEnabled);
        const auto undoText = [this](const QString& text) {
            m_undo->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text));
        };
        const auto redoText = [this](const QString& text) {
            m_redo->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(text));
        };
        undoText(stack->undoText());
        redoText(stack->redoText());
        connect(stack, &QUndoStack::undoTextChanged, this, undoText);
        connect(stack, &QUndoStack::redoTextChanged, this, redoText);
        connect(m_document.get(), &Document::modifiedChanged, this, &MainWindow::updateTitle);
        connect(m_document.get(), &Document::changed, this, [this](Document::Changes what) {
            if (what.testFlag(Document::Change::FileName)) {
                updateTitle();
            }
        });
        connect(m_document.get(), &Document::errorOccurred, this,
                [this](const QString& message) { showError(tr("Cannot save the change"), message); });
    } else {
        m_undo->setEnabled(false);
        m_redo->setEnabled(false);
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
    bool recover = false;
    if (const auto when = Document::recoverableWork(file)) {
        QMessageBox box(
            QMessageBox::Question, tr("Restore unsaved changes?"),
            tr("NeuroLift stopped before the changes to “%1” were saved.").arg(QFileInfo(file).fileName()),
            QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("restorePrompt"));
        box.setInformativeText(tr("The last change was made %1. Restore the changes, or open the project "
                                  "as it was last saved and discard them?")
                                   .arg(QLocale().toString(*when, QLocale::ShortFormat)));
        QPushButton* restore = box.addButton(tr("Restore Changes"), QMessageBox::AcceptRole);
        box.addButton(tr("Discard Changes"), QMessageBox::DestructiveRole);
        QPushButton* cancel = box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(restore);
        box.exec();
        if (box.clickedButton() == cancel) {
            return false;
        }
        recover = box.clickedButton() == restore;
    }
    std::unique_ptr<Document> opened;
    try {
        opened = Document::open(file, recover);
    } catch (const ProjectError& e) {
        showError(tr("Cannot open the project"), QString::fromUtf8(e.what()));
        return false;
    }
    closeDocument();
    setDocument(std::move(opened));
    restoreUiState();
    rememberRecent(file);
    return true;
}

void MainWindow::storeUiState()
{
    const nlohmann::json state{{"page", pageObjectName(currentStep()).toStdString()}};
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
        if (pageObjectName(step).toStdString() == state.at("page").get<std::string>()) {
            showStep(step);
        }
    }
}

void MainWindow::offerUnsavedWork()
{
    const QStringList orphans = Document::orphanedUntitled();
    for (const QString& file : orphans) {
        QMessageBox box(QMessageBox::Question, tr("Restore an unsaved project?"),
                        tr("NeuroLift stopped before a new project was saved."), QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("restoreUntitledPrompt"));
        box.setInformativeText(
            tr("Its last change was made %1. Restore it, or discard it for good?")
                .arg(QLocale().toString(QFileInfo(file).lastModified(), QLocale::ShortFormat)));
        QPushButton* restore = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
        box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        box.setDefaultButton(restore);
        box.exec();
        if (box.clickedButton() != restore) {
            QFile::remove(file);
            continue;
        }
        if (!maybeSave()) {
            return;
        }
        try {
            auto recovered = Document::recoverUntitled(file);
            closeDocument();
            setDocument(std::move(recovered));
        } catch (const ProjectError& e) {
            showError(tr("Cannot restore the project"), QString::fromUtf8(e.what()));
        }
        return; // one at a time: the others are offered at the next start
    }
}

bool MainWindow::save()
{
    if (!m_document) {
        return false;
    }
    if (m_document->isUntitled()) {
        return saveAs();
    }
    try {
        storeUiState();
        m_document->save();
    } catch (const ProjectError& e) {
        showError(tr("Cannot save the project"), QString::fromUtf8(e.what()));
        return false;
    }
    rememberRecent(m_document->filePath());
    showStatus(tr("Saved %1").arg(m_document->displayName()), 3000);
    return true;
}

bool MainWindow::saveAs()
{
    if (!m_document) {
        return false;
    }
    const QString start =
        m_document->isUntitled()
            ? QDir(prefs::lastFolder.get().isEmpty() ? QDir::homePath() : prefs::lastFolder.get())
                  .filePath(tr("Customers.nlproj"))
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
    if (!m_document) {
        return false;
    }
    try {
        storeUiState();
        m_document->saveAs(path);
    } catch (const ProjectError& e) {
        showError(tr("Cannot save the project"), QString::fromUtf8(e.what()));
        return false;
    }
    prefs::lastFolder.set(QFileInfo(path).absolutePath());
    rememberRecent(m_document->filePath());
    showStatus(tr("Saved %1").arg(m_document->displayName()), 3000);
    return true;
}

void MainWindow::open()
{
    QFileDialog dialog(this, tr("Open Project"), prefs::lastFolder.get(),
                       tr("NeuroLift projects (*.nlproj)"));
    dialog.setObjectName(QStringLiteral("openDialog"));
    dialog.setFileMode(QFileDialog::ExistingFile);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) {
        return;
    }
    const QString path = dialog.selectedFiles().front();
    prefs::lastFolder.set(QFileInfo(path).absolutePath());
    openProject(path);
}

void MainWindow::rememberRecent(const QString& path)
{
    QStringList recent = prefs::recentProjects.get();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentProjects) {
        recent.removeLast();
    }
    prefs::recentProjects.set(recent);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = prefs::recentProjects.get();
    int number = 0;
    for (const QString& path : recent) {
        if (!QFileInfo::exists(path)) {
            continue;
        }
        ++number;
        // "&1 name" gives the first nine entries a key; the folder is in the tooltip and status tip.
        const QString label = number < 10 ? tr("&%1 %2").arg(number).arg(QFileInfo(path).fileName())
                                          : QFileInfo(path).fileName();
        QAction* a = m_recentMenu->addAction(label, this, [this, path] { openProject(path); });
        a->setStatusTip(QDir::toNativeSeparators(path));
        a->setToolTip(QDir::toNativeSeparators(path));
    }
    if (number == 0) {
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear Menu"), this, [] { prefs::recentProjects.reset(); });
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    const auto add = [this](QMenu* menu, const QString& text, const char* name, QKeySequence::StandardKey key,
                            const QString& tip, auto slot) {
        QAction* a = menu->addAction(text, this, slot);
        a->setObjectName(QLatin1StringView(name));
        a->setShortcuts(key);
        a->setStatusTip(tip);
        return a;
    };
    add(file, tr("&New Project"), "actionNew", QKeySequence::New, tr("Start a new, empty project"),
        [this] { newProject(); });
    QAction* guided = file->addAction(tr("New &Guided Project\u2026"), this, [this] { newGuidedProject(); });
    guided->setObjectName(QStringLiteral("actionNewGuided"));
    guided->setStatusTip(tr("Step by step from a customer table to a list of the customers to contact"));
    add(file, tr("&Open Project…"), "actionOpen", QKeySequence::Open, tr("Open a saved project"),
        [this] { open(); });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QAction* import = file->addAction(tr("&Import Customer Data\u2026"), this, [this] {
        QFileDialog dialog(this, tr("Import Customer Data"), prefs::lastFolder.get(),
                           tr("Customer tables (*.csv *.tsv *.txt);;All files (*)"));
        dialog.setObjectName(QStringLiteral("importFileDialog"));
        dialog.setFileMode(QFileDialog::ExistingFile);
        if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty()) {
            prefs::lastFolder.set(QFileInfo(dialog.selectedFiles().front()).absolutePath());
            importCsv(dialog.selectedFiles().front());
        }
    });
    import->setObjectName(QStringLiteral("actionImport"));
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    import->setStatusTip(tr("Bring a customer table (CSV) into the project"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    add(file, tr("&Save"), "actionSave", QKeySequence::Save, tr("Save the project"), [this] { save(); });
    QAction* saveAsAction = add(file, tr("Save &As…"), "actionSaveAs", QKeySequence::SaveAs,
                                tr("Save the project under another name"), [this] { saveAs(); });
    if (saveAsAction->shortcuts().isEmpty()) {
        saveAsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    }
    add(file, tr("&Close Project"), "actionClose", QKeySequence::Close,
        tr("Close the project and start a new one"), [this] { newProject(); });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    // The platform's quit keys; Windows and minimal platforms define none, so fall back to Ctrl+Q.
    QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    if (quitKeys.isEmpty()) {
        quitKeys = {QKeySequence(Qt::CTRL | Qt::Key_Q)};
    }
    quit->setShortcuts(quitKeys);
    quit->setMenuRole(QAction::QuitRole);
    quit->setStatusTip(tr("Close NeuroLift"));

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    m_undo = add(edit, tr("&Undo"), "actionUndo", QKeySequence::Undo, tr("Undo the last change"), [this] {
        if (m_document) {
            m_document->undoStack()->undo();
        }
    });
    m_redo =
        add(edit, tr("&Redo"), "actionRedo", QKeySequence::Redo, tr("Redo the change you undid"), [this] {
            if (m_document) {
                m_document->undoStack()->redo();
            }
        });
    m_undo->setEnabled(false);
    m_redo->setEnabled(false);

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    QAction* teaching = tools->addAction(tr("&Teaching Mode"), this, [this] {
        auto* window = new TeachingWindow(this);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
    });
    teaching->setObjectName(QStringLiteral("actionTeachingMode"));
    teaching->setStatusTip(tr("Show how a small network learns toy data, for a class or a projector"));

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    settings->setObjectName(QStringLiteral("menuSettings"));
    createLanguageMenu(settings->addMenu(tr("&Language")));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About NeuroLift"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    about->setStatusTip(tr("Show NeuroLift's version"));
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createPages()
{
    const QPalette pal = palette();

    auto* sidebar = new QFrame(this);
    sidebar->setObjectName(QStringLiteral("sidebar"));
    sidebar->setFixedWidth(kSidebarWidth);
    sidebar->setStyleSheet(
        QStringLiteral("QFrame#sidebar { background: %1; border: none; border-right: 1px solid %2; }")
            .arg(pal.color(QPalette::Window).name(), pal.color(QPalette::Mid).lighter(125).name()));

    // The product's name above the steps, so the window says what it is at a glance.
    auto* logo = new QLabel(sidebar);
    logo->setPixmap(appIcon().pixmap(QSize(32, 32)));
    auto* name = new QLabel(tr("NeuroLift"), sidebar);
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.2);
    nameFont.setWeight(QFont::Bold);
    name->setFont(nameFont);
    auto* header = new QHBoxLayout;
    header->setContentsMargins(18, 16, 18, 14);
    header->setSpacing(10);
    header->addWidget(logo);
    header->addWidget(name, 1);

    m_navigation = new QListWidget(sidebar);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Steps"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setSelectionMode(QAbstractItemView::SingleSelection);
    m_navigation->setIconSize(QSize(kBadgeSize + kBadgeGap, kBadgeSize));
    m_navigation->setStyleSheet(
        QStringLiteral("QListWidget#navigation { background: transparent; outline: none; }"
                       "QListWidget#navigation::item { margin: 1px 10px; padding-left: 8px;"
                       " border-radius: 6px; color: palette(text); }"
                       "QListWidget#navigation::item:hover:!selected { background: %1; }"
                       "QListWidget#navigation::item:selected { background: palette(highlight);"
                       " color: palette(highlighted-text); }")
            .arg(pal.color(QPalette::Midlight).name()));

    auto* sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(0, 0, 0, 0);
    sidebarLayout->setSpacing(0);
    sidebarLayout->addLayout(header);
    sidebarLayout->addWidget(m_navigation, 1);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setBackgroundRole(QPalette::Base);
    m_pages->setAutoFillBackground(true);

    for (const Step step : kSteps) {
        auto* item = new QListWidgetItem(stepBadge(stepIndex(step) + 1, pal), stepTitle(step), m_navigation);
        item->setSizeHint(QSize(0, kNavigationRowHeight));
        auto* page = new NoProjectPage(noProjectContent(step), m_pages);
        page->setObjectName(pageObjectName(step));
        m_pages->addWidget(page);
    }
    // Rows and pages are added in the same order, so a row is its page's index.
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(sidebar);
    m_banner = new ErrorBanner(central);
    auto* column = new QVBoxLayout;
    column->setSpacing(0);
    column->addWidget(m_banner);
    column->addWidget(m_pages, 1);
    layout->addLayout(column, 1);
    setCentralWidget(central);
}

void MainWindow::createLanguageMenu(QMenu* menu)
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
    connect(group, &QActionGroup::triggered, this, [this](QAction* action) {
        const QString code = action->data().toString();
        prefs::language.set(code);
        const QString next = chooseLanguage(code, QLocale::system());
        if (next == installedLanguage()) {
            return;
        }
        // Every page builds its texts once; a restart shows them all in the new language.
        QMessageBox box(QMessageBox::Information, tr("Language"),
                        tr("NeuroLift will be shown in %1 the next time it starts.").arg(languageName(next)),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("languageChangedBox"));
        QPushButton* restart = box.addButton(tr("Restart Now"), QMessageBox::AcceptRole);
        restart->setObjectName(QStringLiteral("restartNowButton"));
        box.addButton(tr("Later"), QMessageBox::RejectRole);
        box.exec();
        if (box.clickedButton() != restart) {
            return;
        }
        const QString project = m_document ? m_document->filePath() : QString();
        // close() asks about unsaved changes first; "Cancel" there keeps NeuroLift running.
        if (close()) {
            QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                    project.isEmpty() ? QStringList() : QStringList{project});
            QCoreApplication::quit();
        }
    });
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About NeuroLift"), aboutText());
}

QString MainWindow::stepTitle(Step step)
{
    switch (step) {
    case Step::Data:
        return tr("Data");
    case Step::Model:
        return tr("Model");
    case Step::Train:
        return tr("Train");
    case Step::Explain:
        return tr("Explain");
    case Step::Segments:
        return tr("Segments");
    }
    return {};
}

NoProjectPage::Content MainWindow::noProjectContent(Step step)
{
    NoProjectPage::Content c;
    c.caption =
        tr("Step %1 of %2 \u00b7 %3").arg(stepIndex(step) + 1).arg(kSteps.size()).arg(stepTitle(step));
    switch (step) {
    case Step::Data:
        c.heading = tr("Bring in your customer data");
        c.summary = tr("Import your customer table from a CSV file, check that every column was read "
                       "correctly, and choose what you want to predict.");
        c.features = {
            tr("See a preview before importing; separators, encoding and headers are detected for you"),
            tr("Get a profile of each column: its type, how many values are missing, how values are spread"),
            tr("Pick the outcome to predict, the positive answer and the customer ID column"),
        };
        break;
    case Step::Model:
        c.heading = tr("Design the network");
        c.summary = tr("Start from a ready-made design (logistic regression, small, medium or deep) "
                       "or build your own by placing layers on a canvas.");
        c.features = {
            tr("Each layer shows its size and how many values it learns"),
            tr("Problems are pointed out on the layer where they are, in plain words"),
            tr("Undo and redo every change"),
        };
        break;
    case Step::Train:
        c.heading = tr("Train and watch it learn");
        c.summary = tr("Let the network learn from your data while live charts show how well it does "
                       "on customers it has not seen.");
        c.features = {
            tr("Start, pause, stop or go one step at a time; the window stays responsive"),
            tr("Stop automatically when the model stops improving"),
            tr("Keep every run and compare them side by side"),
        };
        break;
    case Step::Explain:
        c.heading = tr("Understand the scores");
        c.summary = tr("See which customer attributes drive the model and why a given customer "
                       "got the score they did.");
        c.features = {
            tr("Rank attributes by how much they matter"),
            tr("Pick a customer and read the main reasons behind their score"),
            tr("Look inside the network: its weights, drawn as a picture"),
        };
        break;
    case Step::Segments:
        c.heading = tr("Turn scores into segments");
        c.summary = tr("Rank your customers by score, name the bands you want to act on, "
                       "and export the list for your next campaign.");
        c.features = {
            tr("Lift and gains charts show how much better than random targeting the model does"),
            tr("Move a threshold and read what it means in plain words"),
            tr("Export scores, segments and top reasons to CSV"),
        };
        break;
    }
    return c;
}

} // namespace neurolift

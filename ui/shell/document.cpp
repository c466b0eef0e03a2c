#include "shell/document.h"

#include "model/architecturemodel.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <stdexcept>

namespace neurolift {

namespace {

std::string local(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

QString recoveryFileOf(const QString& path)
{
    return path + QStringLiteral(".recovery");
}

QString lockFileOf(const QString& path)
{
    return path + QStringLiteral(".lock");
}

/// Whether a live NeuroLift holds the lock of `file`.
bool lockedByLiveSession(const QString& file)
{
    QLockFile probe(lockFileOf(file));
    probe.setStaleLockTime(0);
    return !probe.tryLock(0) && probe.error() == QLockFile::LockFailedError;
}

/// Whether an untitled project holds anything a user would miss.
bool hasWork(const Project& p)
{
    return p.hasDataset() || !p.runs().empty() || !p.architectures().empty() ||
           p.setting("target").has_value();
}

} // namespace

Document::Document(QString path, QString workingFile, std::unique_ptr<QLockFile> lock, Project project,
                   bool editing)
    : m_path(std::move(path))
    , m_workingFile(std::move(workingFile))
    , m_lock(std::move(lock))
    , m_project(std::make_unique<Project>(std::move(project)))
    , m_editing(editing)
    , m_architectures(new ArchitectureModel(this))
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, &Document::emitModifiedIfChanged);
    loadContent();
    for (const auto signal : {&ArchitectureModel::layersChanged, &ArchitectureModel::architecturesChanged}) {
        connect(m_architectures, signal, this, &Document::writeArchitectures);
    }
    connect(m_architectures, &ArchitectureModel::currentChanged, this, &Document::writeArchitectures);
}

void Document::loadContent()
{
    m_loading = true;
    const auto kept = m_project->architectures();
    if (!kept.empty()) {
        std::vector<Architecture> list;
        for (const auto& [name, architecture] : kept) {
            list.push_back(architecture);
            list.back().name = name;
        }
        const nlohmann::json chosen = setting("architecture");
        int current = chosen.is_object() ? chosen.value("current", 0) : 0;
        if (current < 0 || current >= static_cast<int>(list.size())) {
            current = 0;
        }
        m_architectures->reset(std::move(list), current);
    }
    m_loading = false;
}

void Document::writeArchitectures()
{
    if (m_loading) {
        return;
    }
    std::vector<std::pair<std::string, Architecture>> list;
    for (int i = 0; i < m_architectures->architectureCount(); ++i) {
        const Architecture& a = m_architectures->architecture(i);
        list.emplace_back(a.name, a);
    }
    const nlohmann::json current{{"current", m_architectures->currentIndex()}};
    try {
        if (m_project->architectures() == list && setting("architecture") == current) {
            return; // e.g. the output layer re-fitted to a task it already had
        }
        Project& p = edit();
        p.setArchitectures(list);
        p.setSetting("architecture", current);
    } catch (const ProjectError& e) {
        emit errorOccurred(QString::fromUtf8(e.what()));
        return;
    }
    emit changed(Change::Architectures);
}

Document::~Document()
{
    m_project.reset();
    if (m_editing) {
        QFile::remove(m_workingFile);
    }
}

std::unique_ptr<QLockFile> Document::lockFor(const QString& file)
{
    auto lock = std::make_unique<QLockFile>(lockFileOf(file));
    // A lock is stale only when the process that took it is gone.
    lock->setStaleLockTime(0);
    if (lock->tryLock(0)) {
        return lock;
    }
    if (lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString application;
        lock->getLockInfo(&pid, &host, &application);
        throw ProjectError(ProjectError::Kind::Io, local(QFileInfo(file).fileName()),
                           "it is open in another NeuroLift window (process " + std::to_string(pid) +
                               "); switch to that window, or close it there first");
    }
    // A folder we may not write to: no lock, and the first change will say
    // that the project cannot be written there.
    return nullptr;
}

std::unique_ptr<Document> Document::createUntitled()
{
    const QString folder = untitledFolder();
    if (!QDir().mkpath(folder)) {
        throw ProjectError(
            ProjectError::Kind::Io, local(folder),
            "cannot create the folder for new projects; check your home folder may be written");
    }
    QString file;
    for (int attempt = 0; file.isEmpty() || QFileInfo::exists(file); ++attempt) {
        file = QDir(folder).filePath(
            QStringLiteral("Untitled %1-%2.nlproj")
                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")))
                .arg(attempt));
    }
    auto lock = lockFor(file);
    Project project = Project::create(local(file));
    return std::unique_ptr<Document>(new Document({}, file, std::move(lock), std::move(project), true));
}

std::unique_ptr<Document> Document::open(const QString& path, bool recover)
{
    const QString file = QFileInfo(path).absoluteFilePath();
    auto lock = lockFor(file);
    const QString recovery = recoveryFileOf(file);
    if (recover) {
        Project project = Project::open(local(recovery));
        auto doc = std::unique_ptr<Document>(
            new Document(file, recovery, std::move(lock), std::move(project), true));
        doc->m_changedOutsideUndo = true;
        doc->m_lastModified = true;
        return doc;
    }
    Project project = Project::open(local(file));
    // The user chose not to continue from it (or there was none).
    QFile::remove(recovery);
    return std::unique_ptr<Document>(
        new Document(file, recovery, std::move(lock), std::move(project), false));
}

std::optional<QDateTime> Document::recoverableWork(const QString& path)
{
    const QString file = QFileInfo(path).absoluteFilePath();
    const auto copy = Project::recoveryCopyFor(local(file));
    if (!copy || lockedByLiveSession(file)) {
        return std::nullopt;
    }
    return QFileInfo(recoveryFileOf(file)).lastModified();
}

QStringList Document::orphanedUntitled()
{
    QStringList out;
    const QDir folder(untitledFolder());
    const QStringList files =
        folder.entryList({QStringLiteral("*.nlproj")}, QDir::Files, QDir::Time | QDir::Reversed);
    for (const QString& name : files) {
        const QString file = folder.filePath(name);
        if (lockedByLiveSession(file)) {
            continue;
        }
        try {
            if (hasWork(Project::open(local(file)))) {
                out << file;
                continue;
            }
        } catch (const ProjectError&) {
            continue; // not ours to judge: leave it
        }
        QFile::remove(file);
    }
    return out;
}

std::unique_ptr<Document> Document::recoverUntitled(const QString& workingFile)
{
    auto lock = lockFor(workingFile);
    Project project = Project::open(local(workingFile));
    auto doc =
        std::unique_ptr<Document>(new Document({}, workingFile, std::move(lock), std::move(project), true));
    doc->m_changedOutsideUndo = true;
    doc->m_lastModified = true;
    return doc;
}

QString Document::untitledFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("untitled"));
}

QString Document::displayName() const
{
    if (!isUntitled()) {
        return QFileInfo(m_path).fileName();
    }
    const QString name = projectName();
    return name.isEmpty() ? tr("Untitled") : name;
}

QString Document::projectName() const
{
    // Someone else's project may hold anything under the key: only a short line of text is a name.
    const nlohmann::json name = setting(kNameSetting);
    if (!name.is_string()) {
        return {};
    }
    const QString text = QString::fromStdString(name.get<std::string>()).simplified();
    return text.size() > 120 ? text.left(120) : text;
}

QString Document::suggestedFileName() const
{
    QString name = projectName();
    for (QChar& c : name) {
        if (c.category() == QChar::Other_Control || QStringLiteral("/\\:*?\"<>|").contains(c)) {
            c = QLatin1Char('-');
        }
    }
    // A leading dot would hide the file; trailing dots and spaces trouble other systems.
    while (name.startsWith(QLatin1Char('.'))) {
        name.remove(0, 1);
    }
    name = name.trimmed();
    while (name.endsWith(QLatin1Char('.'))) {
        name.chop(1);
    }
    name = name.trimmed();
    return name.isEmpty() ? tr("Customers.nlproj") : name + QStringLiteral(".nlproj");
}

QString Document::readOnlyReason() const
{
    if (isUntitled()) {
        return {};
    }
    const QFileInfo file(m_path);
    // The mode bits as well as access(): root may write anything, yet a file the
    // user made read-only is not to be written over.
    constexpr QFile::Permissions kWrite = QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther;
    if (file.exists() && ((file.permissions() & kWrite) == 0 || !file.isWritable())) {
        return tr("\u201c%1\u201d is read-only, so nothing can be kept in it. Save a copy with File \u203a "
                  "Save "
                  "As\u2026, or make the file writable.")
            .arg(file.fileName());
    }
    if (!QFileInfo(file.absolutePath()).isWritable()) {
        return tr("\u201c%1\u201d is in a read-only folder, so nothing can be kept in it. Save a copy "
                  "elsewhere with File \u203a Save As\u2026, or move the project to a folder you may write "
                  "to.")
            .arg(file.fileName());
    }
    return {};
}

bool Document::isModified() const
{
    return m_changedOutsideUndo || !m_undo.isClean();
}

void Document::save()
{
    if (isUntitled()) {
        throw std::logic_error("Document::save: an untitled project needs saveAs");
    }
    if (m_editing) {
        m_project->writeCopy(local(m_path));
        switchTo(Project::open(local(m_path)));
        QFile::remove(m_workingFile);
        m_editing = false;
    }
    m_changedOutsideUndo = false;
    m_undo.setClean();
    emitModifiedIfChanged();
}

void Document::saveAs(const QString& path)
{
    const QString file = QFileInfo(path).absoluteFilePath();
    if (file == m_path) {
        save();
        return;
    }
    auto lock = lockFor(file);
    m_project->writeCopy(local(file));
    switchTo(Project::open(local(file)));
    if (m_editing) {
        QFile::remove(m_workingFile);
    }
    m_editing = false;
    m_path = file;
    m_workingFile = recoveryFileOf(file);
    m_lock = std::move(lock);
    m_changedOutsideUndo = false;
    m_undo.setClean();
    emit changed(Change::FileName);
    emitModifiedIfChanged();
}

QString Document::currentFile() const
{
    return m_editing ? m_workingFile : m_path;
}

void Document::setTable(std::shared_ptr<const Table> table)
{
    m_table = std::move(table);
}

Project& Document::edit()
{
    if (!m_editing) {
        m_project->writeCopy(local(m_workingFile));
        switchTo(Project::open(local(m_workingFile)));
        m_editing = true;
    }
    return *m_project;
}

QString Document::beginWorkerEdit()
{
    edit();
    return m_workingFile;
}

void Document::changedOutsideUndo(Changes what)
{
    m_changedOutsideUndo = true;
    emit changed(what);
    emitModifiedIfChanged();
}

nlohmann::json Document::setting(const std::string& key) const
{
    return m_project->setting(key).value_or(nlohmann::json());
}

void Document::writeSetting(const std::string& key, const nlohmann::json& value, Change what)
{
    try {
        edit().setSetting(key, value);
    } catch (const ProjectError& e) {
        emit errorOccurred(QString::fromUtf8(e.what()));
        return;
    }
    emit changed(what);
}

void Document::writeSegments(const std::string& name, const std::optional<nlohmann::json>& definition)
{
    try {
        if (definition) {
            edit().saveSegment(name, *definition);
        } else {
            edit().removeSegment(name);
        }
    } catch (const ProjectError& e) {
        emit errorOccurred(QString::fromUtf8(e.what()));
        return;
    }
    emit changed(Change::Segments);
}

void Document::emitModifiedIfChanged()
{
    const bool now = isModified();
    if (now != m_lastModified) {
        m_lastModified = now;
        emit modifiedChanged(now);
    }
}

void Document::switchTo(Project project)
{
    m_project = std::make_unique<Project>(std::move(project));
}

} // namespace neurolift

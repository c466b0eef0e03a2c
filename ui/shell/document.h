#pragma once

#include "project/project.h"

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUndoStack>

#include <memory>
#include <optional>

namespace neurolift {

class ArchitectureModel;

/// One open project in the workbench. It owns the undo stack and tells views
/// what changed with typed flags.
///
/// The user's file is only written by Save. The first change after opening or
/// saving copies the project to its recovery copy ("<file>.recovery") and every
/// change from then on goes into that copy, as it happens; Save writes the copy
/// over the user's file (complete or not at all) and removes it. So the
/// recovery copy always holds the unsaved work, and after a crash the next open
/// offers it back. An untitled project lives in a working file under
/// untitledFolder() until it is saved somewhere.
///
/// A lock file ("<file>.lock") keeps two NeuroLift windows from editing one
/// project and tells a crashed session's work from a running one's.
class Document : public QObject {
    Q_OBJECT

public:
    enum class Change {
        Data = 0x1,          ///< The dataset was replaced.
        Choice = 0x2,        ///< Target, id or features.
        Architectures = 0x4, ///< The kept networks.
        Runs = 0x8,          ///< A run was added.
        TrainingSettings = 0x10,
        FileName = 0x20, ///< Saved under another name.
        Other = 0x40,    ///< Any other setting.
        Segments = 0x80, ///< The saved segment definitions.
        Exports = 0x100, ///< The export history.
    };
    Q_DECLARE_FLAGS(Changes, Change)
    Q_FLAG(Changes)

    /// A new, untitled project. Throws ProjectError.
    static std::unique_ptr<Document> createUntitled();
    /// Opens the project at `path`; with `recover`, continues from the unsaved
    /// work in its recovery copy. Throws ProjectError (also when another
    /// NeuroLift window has it open).
    static std::unique_ptr<Document> open(const QString& path, bool recover = false);
    /// When `path` has unsaved work left by a NeuroLift that stopped without
    /// saving: the time of its last change.
    static std::optional<QDateTime> recoverableWork(const QString& path);
    /// Working files of untitled projects that a NeuroLift which stopped
    /// without saving left behind with work in them (empty ones are removed).
    static QStringList orphanedUntitled();
    /// Continues an orphaned untitled project (see orphanedUntitled()).
    static std::unique_ptr<Document> recoverUntitled(const QString& workingFile);
    /// Where untitled projects live until they are saved.
    static QString untitledFolder();

    /// Closes the project; unsaved work is discarded (ask the user first).
    ~Document() override;

    /// The user's file; empty while untitled.
    QString filePath() const { return m_path; }
    /// The file name; while untitled, the project's name (see projectName()) or "Untitled".
    QString displayName() const;
    /// The project setting with the name the user gave the project (the wizard asks for it).
    static constexpr const char* kNameSetting = "name";
    /// The name the user gave the project, one line; empty when none (or no readable one) was given.
    QString projectName() const;
    /// The file name to offer when an untitled project is saved: its name with what a file
    /// system or a shell takes amiss replaced ("Spring: churn/EU" -> "Spring- churn-EU.nlproj"),
    /// or "Customers.nlproj" when it has none.
    QString suggestedFileName() const;
    bool isUntitled() const { return m_path.isEmpty(); }
    /// Whether there is work that Save would keep.
    bool isModified() const;
    /// Why nothing can be kept in the project's file (it or its folder is read-only),
    /// with what to do instead; empty when it can, and for an untitled project.
    QString readOnlyReason() const;
    QUndoStack* undoStack() { return &m_undo; }
    /// The networks the user keeps; edits go through architecturecommands.h
    /// on undoStack() and are written to the project as they happen.
    ArchitectureModel* architectures() const { return m_architectures; }

    /// Writes the project to its file. Throws ProjectError; untitled projects need saveAs().
    void save();
    /// Writes the project to `path`, which becomes its file. Throws ProjectError.
    void saveAs(const QString& path);

    /// The project as it is now (the working copy once changed), for reading.
    const Project& project() const { return *m_project; }
    /// The file holding the project as it is now, for a worker thread that
    /// opens its own connection (SQLite connections are not shared across threads).
    QString currentFile() const;

    /// The imported table when it has been loaded (see setTable); null otherwise.
    std::shared_ptr<const Table> table() const { return m_table; }
    /// Keeps `table` as the project's dataset as loaded (it must be what the project holds).
    void setTable(std::shared_ptr<const Table> table);

    /// The project to write a change into: starts the working copy if needed.
    /// Undo commands call this; a change that is not undoable also calls
    /// changedOutsideUndo(). Throws ProjectError.
    Project& edit();
    /// Makes sure the working copy exists and returns its path, for a worker
    /// thread that writes (e.g. an import). Throws ProjectError.
    QString beginWorkerEdit();
    /// Records a change that is not on the undo stack (an import, a run) and tells the views.
    void changedOutsideUndo(Changes what);

    /// A setting's value (null when absent).
    nlohmann::json setting(const std::string& key) const;
    /// Writes a setting and tells the views; for undo commands, so a failure
    /// (disk full) is reported through errorOccurred rather than thrown.
    void writeSetting(const std::string& key, const nlohmann::json& value, Change what);
    /// Saves the segment definition `name` (removes it when `definition` is empty) and tells
    /// the views; reports failures through errorOccurred, as writeSetting.
    void writeSegments(const std::string& name, const std::optional<nlohmann::json>& definition);

signals:
    void changed(neurolift::Document::Changes what);
    void modifiedChanged(bool modified);
    /// A change could not be written; `message` names the file and what to do.
    void errorOccurred(const QString& message);

private:
    Document(QString path, QString workingFile, std::unique_ptr<QLockFile> lock, Project project,
             bool editing);
    static std::unique_ptr<QLockFile> lockFor(const QString& file);
    void emitModifiedIfChanged();
    /// Reads what the views show first from the project (the kept networks).
    void loadContent();
    void writeArchitectures();
    void switchTo(Project project);

    QString m_path;        ///< The user's file; empty while untitled.
    QString m_workingFile; ///< The recovery copy or the untitled working file.
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<Project> m_project;
    bool m_editing = false; ///< m_project is the working file.
    bool m_changedOutsideUndo = false;
    bool m_lastModified = false;
    QUndoStack m_undo;
    ArchitectureModel* m_architectures = nullptr;
    bool m_loading = false;
    std::shared_ptr<const Table> m_table;
};

} // namespace neurolift

Q_DECLARE_OPERATORS_FOR_FLAGS(neurolift::Document::Changes)

#pragma once

// A NeuroLift project: everything a user does, in one SQLite file
// (docs/project-format.md describes the schema).

#include "data/table.h"
#include "model/modelfile.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace neurolift {

/// `PRAGMA application_id` of every project file: "NLPJ".
inline constexpr std::int32_t kProjectApplicationId = 0x4E4C504A;
/// `PRAGMA user_version`: the schema this build writes.
inline constexpr int kProjectSchemaVersion = 2;

/// The current time as ISO 8601 UTC ("2026-11-25T10:00:00Z").
std::string utcNow();
/// "fnv1a64:<16 hex digits>" of a file's bytes, to tell later whether the file
/// a dataset came from has changed; empty when it cannot be read.
std::string fileContentHash(const std::string& path);

/// A project file that cannot be created, opened, read or saved. what() names
/// the file, the problem and what to do.
class ProjectError : public std::runtime_error {
public:
    enum class Kind {
        NotFound,    ///< No such file.
        NotAProject, ///< Not SQLite, or SQLite of another program.
        Newer,       ///< Written by a newer NeuroLift.
        Damaged,     ///< Truncated or corrupt.
        Io,          ///< Cannot read or write (permissions, disk full, locked).
    };
    ProjectError(Kind kind, const std::string& file, const std::string& message);
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

/// Where a project's data came from.
struct DatasetSource {
    std::string fileName;         ///< As the user chose it (no folder).
    std::uint64_t fileSize = 0;   ///< Bytes.
    std::string fileHash;         ///< Content hash, e.g. "fnv1a64:…"; empty if unknown.
    nlohmann::json importOptions; ///< How it was read (encoding, delimiter, types, ...).
    std::string importedAt;       ///< ISO 8601 UTC.
};

/// One epoch of a training run's history.
struct RunEpoch {
    int epoch = 0;
    double trainLoss = 0.0;
    std::optional<double> validationLoss;
    nlohmann::json metrics; ///< Accuracy, AUC, ... as computed.
    double learningRate = 0.0;
    double seconds = 0.0;

    bool operator==(const RunEpoch&) const = default;
};

/// A training run: its settings, what happened, its history and its models.
struct RunRecord {
    std::int64_t id = 0; ///< Assigned by the project.
    std::string name;
    nlohmann::json settings; ///< Epochs, batch, optimiser, ... as used.
    std::uint64_t seed = 0;
    std::string startedAt;  ///< ISO 8601 UTC.
    std::string finishedAt; ///< ISO 8601 UTC; empty while running.
    std::string status;     ///< "completed", "early_stopped", "cancelled", "diverged", ...
    std::string message;
    std::vector<std::string> warnings;
    nlohmann::json metrics; ///< Held-out test metrics.
    std::vector<RunEpoch> history;
    int bestEpoch = 0; ///< 1-based; 0 when unknown.
    /// Part of each dataset row: 0 none (no target value), 1 training,
    /// 2 validation, 3 test. Empty when unknown.
    std::vector<std::uint8_t> split;
    TrainedModel model; ///< With the weights it scores with (the best epoch's when early stopping kept them).
    /// The weights after the last epoch, when the model kept an earlier, better epoch's.
    std::optional<NamedTensors> lastEpochWeights;
};

/// The row a list of runs shows.
struct RunSummary {
    std::int64_t id = 0;
    std::string name;
    std::string status;
    std::string startedAt;
    std::string finishedAt;
    int epochs = 0;
    nlohmann::json metrics;
};

/// A named group of customers, defined by rules over scores and columns.
struct SegmentRecord {
    std::int64_t id = 0;
    std::string name;
    nlohmann::json definition;
};

/// A file written from the project: what, when, where, with which run.
struct ExportRecord {
    std::int64_t id = 0;
    std::string exportedAt; ///< ISO 8601 UTC; now when empty.
    std::string path;
    std::optional<std::int64_t> run;
    std::optional<std::int64_t> segment;
    std::size_t rows = 0;
    nlohmann::json details;
};

/// An open project file. Every change is one SQLite transaction: a crash or
/// a kill in the middle leaves the file as it was before the change.
/// Opening reads only the file's header tables; the dataset and the runs are
/// read when asked for.
class Project {
public:
    /// Creates a new, empty project at `path`; an existing file is replaced
    /// only once the new one is complete.
    static Project create(const std::string& path);
    /// Opens an existing project, migrating an older schema in one
    /// transaction. Throws ProjectError.
    static Project open(const std::string& path);

    ~Project();
    Project(Project&&) noexcept;
    Project& operator=(Project&&) noexcept;

    const std::string& path() const;
    /// Schema version the file had when opened (before any migration).
    int openedVersion() const;

    /// Replaces the dataset with `table`, read from `source`.
    void saveDataset(const Table& table, const DatasetSource& source);
    bool hasDataset() const;
    DatasetSource datasetSource() const;
    std::size_t datasetRows() const;
    /// The stored table, column for column as saved.
    Table loadDataset() const;

    /// Settings by key (target, id column, features, split, recipe, UI state):
    /// JSON values, replaced as a whole.
    void setSetting(const std::string& key, const nlohmann::json& value);
    std::optional<nlohmann::json> setting(const std::string& key) const;

    /// Adds a run; returns its id.
    std::int64_t addRun(const RunRecord& run);
    std::vector<RunSummary> runs() const;
    /// The run with `id`, with its history and models. Throws ProjectError if there is none.
    RunRecord run(std::int64_t id) const;

    /// Networks the user keeps, by name (saving under an existing name replaces it).
    void saveArchitecture(const std::string& name, const Architecture& architecture);
    /// Replaces every kept network with `architectures`, in that order (names must differ).
    void setArchitectures(const std::vector<std::pair<std::string, Architecture>>& architectures);
    /// The kept networks in the order first saved.
    std::vector<std::pair<std::string, Architecture>> architectures() const;

    /// Segment definitions: a new name adds one, an existing name replaces its definition.
    std::int64_t saveSegment(const std::string& name, const nlohmann::json& definition);
    std::vector<SegmentRecord> segments() const;
    /// Removes the segment definition called `name` (nothing when there is none); exports
    /// made with it keep their record, and its name in their details.
    void removeSegment(const std::string& name);

    /// The export history, oldest first.
    std::int64_t addExport(const ExportRecord& record);
    std::vector<ExportRecord> exports() const;

    /// Writes the whole project to `target`, complete or not at all (a
    /// temporary file renamed over it): Save As, and the workbench's save of
    /// its working copy. Throws ProjectError.
    void writeCopy(const std::string& target) const;
    /// Writes a recovery copy of the project next to it ("<file>.recovery"),
    /// complete or not at all (written to a temporary file, then renamed).
    /// The workbench calls this while the user works, from a worker thread.
    void writeRecoveryCopy() const;
    /// Removes the recovery copy (after the user saved or closed cleanly).
    void discardRecoveryCopy() const;
    /// The recovery copy of `path` if there is one newer than the project
    /// itself, i.e. work a crash kept from being saved; otherwise nothing.
    static std::optional<std::string> recoveryCopyFor(const std::string& path);

    /// Free-form notes, oldest first.
    void addNote(const std::string& text);
    std::vector<std::string> notes() const;

private:
    struct State;
    explicit Project(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace neurolift

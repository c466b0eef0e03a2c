// Creating and opening a project: the schema it is created with, the checks
// that tell a NeuroLift project from a damaged, foreign or newer file, and the
// migrations of older formats. The rest of Project lives beside it:
// projectdataset.cpp, projectruns.cpp, projectrecords.cpp, projectcopy.cpp.

#include "project/project.h"

#include "project/projectstate.h"
#include "project/sqlite.h"

#include <sqlite3.h>

#include <array>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <utility>

namespace neurolift {

namespace {

namespace fs = std::filesystem;

/// The current schema (version 2). Every statement is fixed text; data only
/// ever goes in through bound parameters.
constexpr const char* kSchema = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE dataset (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    file_name TEXT NOT NULL, file_size INTEGER NOT NULL, file_hash TEXT NOT NULL,
    import_options TEXT NOT NULL, imported_at TEXT NOT NULL, row_count INTEGER NOT NULL);
CREATE TABLE dataset_column (
    position INTEGER PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,
    levels TEXT NOT NULL, date_format TEXT NOT NULL);
CREATE TABLE dataset_chunk (
    id INTEGER PRIMARY KEY, position INTEGER NOT NULL, chunk INTEGER NOT NULL, row_count INTEGER NOT NULL,
    missing BLOB, data BLOB NOT NULL, UNIQUE (position, chunk));
CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE run (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, settings TEXT NOT NULL, seed INTEGER NOT NULL,
    started_at TEXT NOT NULL, finished_at TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL,
    warnings TEXT NOT NULL, metrics TEXT NOT NULL, model TEXT NOT NULL,
    best_epoch INTEGER NOT NULL DEFAULT 0, split BLOB);
CREATE TABLE run_epoch (
    run INTEGER NOT NULL REFERENCES run (id) ON DELETE CASCADE, epoch INTEGER NOT NULL,
    train_loss REAL NOT NULL, validation_loss REAL, metrics TEXT NOT NULL,
    learning_rate REAL NOT NULL, seconds REAL NOT NULL, PRIMARY KEY (run, epoch));
CREATE TABLE run_weights (
    run INTEGER NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('model', 'last_epoch')), position INTEGER NOT NULL, name TEXT NOT NULL,
    rows INTEGER NOT NULL, cols INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (run, kind, position));
CREATE TABLE architecture (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, spec TEXT NOT NULL, saved_at TEXT NOT NULL);
CREATE TABLE segment (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, definition TEXT NOT NULL);
CREATE TABLE export (
    id INTEGER PRIMARY KEY, exported_at TEXT NOT NULL, path TEXT NOT NULL, run INTEGER, segment INTEGER,
    row_count INTEGER NOT NULL, details TEXT NOT NULL);
CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL, created_at TEXT NOT NULL);
)sql";

/// Format 1 to 2: a run keeps its split (which rows trained, validated and
/// tested) and its best epoch, and its weights are "model" (what it scores
/// with) and "last_epoch" (after the last epoch, when early stopping kept an
/// earlier one). Format 1 called the model's weights "final"; its "best" kind
/// was never written by any NeuroLift, so only "final" rows are carried over.
/// The best epoch comes from the model summary format 1 wrote, where valid.
constexpr const char* kMigrateV1ToV2 = R"sql(
ALTER TABLE run ADD COLUMN best_epoch INTEGER NOT NULL DEFAULT 0;
ALTER TABLE run ADD COLUMN split BLOB;
UPDATE run SET best_epoch = CASE
    WHEN json_valid(model) AND json_type(model, '$.summary.best_epoch') = 'integer'
    THEN json_extract(model, '$.summary.best_epoch') ELSE 0 END;
CREATE TABLE run_weights_v2 (
    run INTEGER NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('model', 'last_epoch')), position INTEGER NOT NULL, name TEXT NOT NULL,
    rows INTEGER NOT NULL, cols INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (run, kind, position));
INSERT INTO run_weights_v2 (run, kind, position, name, rows, cols, data)
    SELECT run, 'model', position, name, rows, cols, data FROM run_weights WHERE kind = 'final';
DROP TABLE run_weights;
ALTER TABLE run_weights_v2 RENAME TO run_weights;
PRAGMA user_version = 2;
)sql";

} // namespace

std::string utcNow()
{
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

namespace {

using project::fileName;

/// Reads the 100-byte SQLite header: whether the file is SQLite at all, and
/// whether it is as long as the header says (a truncated copy is not).
void checkHeader(const std::string& path)
{
    const std::string name = fileName(path);
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        throw ProjectError(ProjectError::Kind::NotFound, name,
                           "the file does not exist; check the name and folder");
    }
    if (fs::is_directory(path, ec)) {
        throw ProjectError(ProjectError::Kind::NotAProject, name, "this is a folder, not a project file");
    }
    const auto size = fs::file_size(path, ec);
    std::ifstream in(path, std::ios::binary);
    if (ec || !in) {
        throw ProjectError(ProjectError::Kind::Io, name,
                           "the file cannot be read; check that you may open it");
    }
    if (size == 0) {
        throw ProjectError(ProjectError::Kind::Damaged, name,
                           "the file is empty; it may have been cut off while copying");
    }
    std::array<unsigned char, 100> h{};
    in.read(reinterpret_cast<char*>(h.data()), h.size());
    static constexpr char kMagic[] = "SQLite format 3";
    if (in.gcount() < 16 || std::memcmp(h.data(), kMagic, 16) != 0) {
        throw ProjectError(
            ProjectError::Kind::NotAProject, name,
            "this is not a NeuroLift project (open a .nlproj file, or import a CSV file instead)");
    }
    if (in.gcount() < 100) {
        throw ProjectError(ProjectError::Kind::Damaged, name, "the file is cut off; use an intact copy");
    }
    std::uint32_t pageSize = (std::uint32_t{h[16]} << 8) | h[17];
    if (pageSize == 1) {
        pageSize = 65536;
    }
    const std::uint32_t pages =
        (std::uint32_t{h[28]} << 24) | (std::uint32_t{h[29]} << 16) | (std::uint32_t{h[30]} << 8) | h[31];
    // The in-header size is valid when the change counters agree (SQLite 3.7+ writers).
    const bool sizeValid = std::memcmp(&h[24], &h[92], 4) == 0 && pages > 0;
    // A save that was killed may have written the new header but not yet every page it
    // counts: its journal is still there, and SQLite rolls the file back when it opens it.
    const bool hotJournal = fs::file_size(path + "-journal", ec) > 0 && !ec;
    if (sizeValid && !hotJournal && static_cast<std::uint64_t>(pages) * pageSize > size) {
        throw ProjectError(ProjectError::Kind::Damaged, name,
                           "the file is cut off (" + std::to_string(size) + " of " +
                               std::to_string(static_cast<std::uint64_t>(pages) * pageSize) +
                               " bytes); use an intact copy");
    }
}

int pragmaInt(sql::Database& db, const char* pragma)
{
    sql::Statement s(db, pragma);
    return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

} // namespace

ProjectError::ProjectError(Kind kind, const std::string& file, const std::string& message)
    : std::runtime_error("\"" + file + "\": " + message)
    , m_kind(kind)
{
}

Project::Project(std::unique_ptr<State> state)
    : m_state(std::move(state))
{
}

Project::~Project() = default;
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;

const std::string& Project::path() const
{
    return m_state->path;
}

int Project::openedVersion() const
{
    return m_state->openedVersion;
}

Project Project::create(const std::string& path)
{
    const std::string name = fileName(path);
    const std::string temp = path + ".creating";
    std::error_code ec;
    fs::remove(temp, ec);
    try {
        {
            sql::Database db(temp, sql::Database::Mode::Create);
            sql::Transaction t(db);
            db.exec(kSchema);
            db.exec(("PRAGMA application_id = " + std::to_string(kProjectApplicationId)).c_str());
            db.exec(("PRAGMA user_version = " + std::to_string(kProjectSchemaVersion)).c_str());
            sql::Statement meta(db, "INSERT INTO meta (key, value) VALUES (?1, ?2)");
            meta.bind(1, std::string_view("created_at")).bind(2, std::string_view(utcNow())).run();
            meta.bind(1, std::string_view("created_by"))
                .bind(2, std::string_view("NeuroLift " NEUROLIFT_VERSION))
                .run();
            t.commit();
        }
        fs::rename(temp, path);
    } catch (const sql::Error& e) {
        fs::remove(temp, ec);
        throw ProjectError(ProjectError::Kind::Io, name,
                           std::string("cannot create the project (") + e.what() +
                               "); check that the folder exists and you may write there");
    } catch (const fs::filesystem_error& e) {
        fs::remove(temp, ec);
        throw ProjectError(ProjectError::Kind::Io, name,
                           std::string("cannot create the project (") + e.what() + ")");
    }
    return open(path);
}

Project Project::open(const std::string& path)
{
    checkHeader(path);
    std::unique_ptr<State> state;
    try {
        state = std::make_unique<State>(
            State{path, fileName(path), sql::Database(path, sql::Database::Mode::ReadWrite), 0});
    } catch (const sql::Error& e) {
        throw ProjectError(ProjectError::Kind::Io, fileName(path),
                           std::string("the project cannot be opened (") + e.what() +
                               "); check that you may read and write it");
    }
    State& s = *state;
    s.guarded("opening it", [&] {
        s.db.exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL");
        const int application = pragmaInt(s.db, "PRAGMA application_id");
        if (application != kProjectApplicationId) {
            throw ProjectError(ProjectError::Kind::NotAProject, s.name,
                               "this is a database of another program, not a NeuroLift project");
        }
        s.openedVersion = pragmaInt(s.db, "PRAGMA user_version");
        if (s.openedVersion > kProjectSchemaVersion) {
            throw ProjectError(ProjectError::Kind::Newer, s.name,
                               "this project was saved by a newer NeuroLift (project format " +
                                   std::to_string(s.openedVersion) + "; this version reads up to " +
                                   std::to_string(kProjectSchemaVersion) + "); update NeuroLift to open it");
        }
        if (s.openedVersion < 1) {
            throw ProjectError(ProjectError::Kind::Damaged, s.name,
                               "the project has no format version; it was not written completely");
        }
        // Each migration is one transaction, tested with a checked-in file of
        // that format in tests/data/projects; a failure leaves the file as it was.
        if (s.openedVersion < kProjectSchemaVersion) {
            try {
                sql::Transaction t(s.db);
                if (s.openedVersion == 1) {
                    s.db.exec(kMigrateV1ToV2);
                }
                t.commit();
            } catch (const sql::Error& e) {
                if (e.code() != SQLITE_ERROR && e.code() != SQLITE_CONSTRAINT) {
                    throw; // disk, lock or corruption: reported as such
                }
                // The SQL of a migration only fails on a file that does not
                // have the tables its format promises.
                throw ProjectError(ProjectError::Kind::Damaged, s.name,
                                   "the project of format " + std::to_string(s.openedVersion) +
                                       " cannot be brought up to format " +
                                       std::to_string(kProjectSchemaVersion) + " (" + e.what() +
                                       "): it does not hold what a NeuroLift project of its format holds; "
                                       "the file was left as it was");
            }
        }
        return 0;
    });
    return Project(std::move(state));
}

} // namespace neurolift

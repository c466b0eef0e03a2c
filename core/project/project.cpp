#include "project/project.h"

#include "data/jsonerror.h"

#include "project/columncodec.h"
#include "project/sqlite.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <utility>

namespace neurolift {

namespace {

namespace fs = std::filesystem;

static_assert(std::endian::native == std::endian::little, "project BLOBs are little-endian, as written");

/// Rows per stored column chunk.
constexpr std::size_t kChunkRows = 65536;

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

// FNV-1a (64 bit): enough to tell whether the file has changed, and fast.
std::string fileContentHash(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return {};
    }
    std::vector<char> block(std::size_t{1} << 20);
    std::uint64_t h = 0xCBF29CE484222325ull;
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        for (std::size_t i = 0; i < n; ++i) {
            h = (h ^ static_cast<unsigned char>(block[i])) * 0x100000001B3ull;
        }
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "fnv1a64:%016llx", static_cast<unsigned long long>(h));
    return buf;
}

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

std::string fileName(const std::string& path)
{
    return fs::path(path).filename().string();
}

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

nlohmann::json parseJson(const std::string& text, const char* what)
{
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception&) {
        throw std::invalid_argument(std::string("the stored ") + what + " is not valid JSON");
    }
}

std::span<const std::byte> bytesOf(const Matrix& m)
{
    return std::as_bytes(std::span<const float>(m.data(), static_cast<std::size_t>(m.size())));
}

} // namespace

ProjectError::ProjectError(Kind kind, const std::string& file, const std::string& message)
    : std::runtime_error("\"" + file + "\": " + message)
    , m_kind(kind)
{
}

struct Project::State {
    std::string path;
    std::string name;
    sql::Database db;
    int openedVersion = kProjectSchemaVersion;

    /// Runs `f`, turning SQLite failures into ProjectErrors about this file.
    template <typename F>
    auto guarded(const char* doing, F&& f) -> decltype(f())
    {
        try {
            return f();
        } catch (const sql::Error& e) {
            if (e.corrupt()) {
                throw ProjectError(ProjectError::Kind::Damaged, name,
                                   std::string("the project is damaged (") + e.what() + ") while " + doing +
                                       "; use an intact copy or the recovery copy");
            }
            if (e.code() == SQLITE_ERROR) {
                // Every statement is fixed SQL tested against the current
                // format, so a plain SQL error means tables or columns a
                // project has are missing: the file was altered, not the disk.
                throw ProjectError(
                    ProjectError::Kind::Damaged, name,
                    std::string("the project is damaged (") + e.what() + ") while " + doing +
                        ": it does not hold what a NeuroLift project holds; use an intact copy "
                        "or the recovery copy");
            }
            throw ProjectError(ProjectError::Kind::Io, name,
                               std::string("could not finish ") + doing + " (" + e.what() +
                                   "); check the disk has space and the file is not open elsewhere");
        } catch (const std::invalid_argument& e) {
            throw ProjectError(ProjectError::Kind::Damaged, name,
                               std::string("the project is damaged while ") + doing + ": " + e.what());
        } catch (const nlohmann::json::exception& e) {
            // Valid JSON of the wrong shape (a key missing, a number where a list belongs).
            const std::string what = plainJsonError(e.what());
            throw ProjectError(ProjectError::Kind::Damaged, name,
                               std::string("the project is damaged while ") + doing +
                                   ": a stored value is not what it should be (" + what +
                                   "); use an intact copy or the recovery copy");
        }
    }
};

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
                                       " cannot be brought up to format " + std::to_string(kProjectSchemaVersion) +
                                       " (" + e.what() +
                                       "): it does not hold what a NeuroLift project of its format holds; "
                                       "the file was left as it was");
            }
        }
        return 0;
    });
    return Project(std::move(state));
}

void Project::saveDataset(const Table& table, const DatasetSource& source)
{
    State& s = *m_state;
    s.guarded("saving the data", [&] {
        sql::Transaction t(s.db);
        s.db.exec("DELETE FROM dataset_chunk; DELETE FROM dataset_column; DELETE FROM dataset;");
        sql::Statement info(s.db, "INSERT INTO dataset (id, file_name, file_size, file_hash, import_options, "
                                  "imported_at, row_count) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)");
        info.bind(1, std::string_view(source.fileName))
            .bind(2, static_cast<std::int64_t>(source.fileSize))
            .bind(3, std::string_view(source.fileHash))
            .bind(4, std::string_view(source.importOptions.is_null() ? "{}" : source.importOptions.dump()))
            .bind(5, std::string_view(source.importedAt.empty() ? utcNow() : source.importedAt))
            .bind(6, static_cast<std::int64_t>(table.rowCount()))
            .run();
        sql::Statement column(s.db, "INSERT INTO dataset_column (position, name, type, levels, date_format) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5)");
        sql::Statement chunk(s.db, "INSERT INTO dataset_chunk (position, chunk, row_count, missing, data) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5)");
        std::vector<std::byte> missing;
        std::vector<std::byte> data;
        for (std::size_t c = 0; c < table.columnCount(); ++c) {
            const Column& col = table.column(c);
            column.bind(1, static_cast<std::int64_t>(c))
                .bind(2, std::string_view(col.name))
                .bind(3, columnTypeId(col.type))
                .bind(4, std::string_view(nlohmann::json(col.levels).dump()))
                .bind(5, std::string_view(dateFormatToJson(col.dateFormat).dump()))
                .run();
            for (std::size_t begin = 0, k = 0; begin < table.rowCount(); begin += kChunkRows, ++k) {
                const std::size_t n = std::min(kChunkRows, table.rowCount() - begin);
                const bool anyMissing = project::encodeChunk(col, begin, n, missing, data);
                chunk.bind(1, static_cast<std::int64_t>(c))
                    .bind(2, static_cast<std::int64_t>(k))
                    .bind(3, static_cast<std::int64_t>(n));
                if (anyMissing) {
                    chunk.bindBlob(4, missing);
                } else {
                    chunk.bindNull(4);
                }
                chunk.bindBlob(5, data).run();
            }
        }
        t.commit();
        return 0;
    });
}

bool Project::hasDataset() const
{
    return m_state->guarded("reading the data", [&] {
        sql::Statement q(m_state->db, "SELECT COUNT(*) FROM dataset");
        return q.step() && q.integer(0) > 0;
    });
}

DatasetSource Project::datasetSource() const
{
    return m_state->guarded("reading the data", [&] {
        sql::Statement q(m_state->db,
                         "SELECT file_name, file_size, file_hash, import_options, imported_at FROM dataset");
        DatasetSource d;
        if (q.step()) {
            d.fileName = q.text(0);
            d.fileSize = static_cast<std::uint64_t>(q.integer(1));
            d.fileHash = q.text(2);
            d.importOptions = parseJson(q.text(3), "import options");
            d.importedAt = q.text(4);
        }
        return d;
    });
}

std::size_t Project::datasetRows() const
{
    return m_state->guarded("reading the data", [&] {
        sql::Statement q(m_state->db, "SELECT row_count FROM dataset");
        if (!q.step()) {
            return std::size_t{0};
        }
        // A damaged count must not size anything: negative would become huge (found by fuzz_project).
        const std::int64_t rows = q.integer(0);
        if (rows < 0) {
            throw std::invalid_argument("the data says it has " + std::to_string(rows) + " rows");
        }
        return static_cast<std::size_t>(rows);
    });
}

Table Project::loadDataset() const
{
    State& s = *m_state;
    return s.guarded("reading the data", [&] {
        const std::size_t rows = datasetRows();
        std::vector<Column> columns;
        sql::Statement cols(s.db, "SELECT position, name, type, levels, date_format FROM dataset_column "
                                  "ORDER BY position");
        sql::Statement chunks(s.db, "SELECT chunk, row_count, missing, data FROM dataset_chunk "
                                    "WHERE position = ?1 ORDER BY chunk");
        while (cols.step()) {
            Column c;
            c.name = cols.text(1);
            const auto type = columnTypeFromId(cols.text(2));
            if (!type) {
                throw std::invalid_argument("column \"" + c.name + "\" has an unknown type \"" +
                                            cols.text(2) + "\"");
            }
            c.type = *type;
            c.levels = parseJson(cols.text(3), "column levels").get<std::vector<std::string>>();
            c.dateFormat = dateFormatFromJson(parseJson(cols.text(4), "date format"));
            project::reserveColumn(c, rows);
            chunks.bind(1, cols.integer(0));
            std::size_t expected = 0;
            while (chunks.step()) {
                if (chunks.integer(0) != static_cast<std::int64_t>(expected / kChunkRows)) {
                    throw std::invalid_argument("column \"" + c.name + "\" misses a part");
                }
                const auto n = static_cast<std::size_t>(chunks.integer(1));
                project::decodeChunk(c, n, chunks.isNull(2) ? std::span<const std::byte>() : chunks.blob(2),
                                     chunks.blob(3));
                expected += n;
            }
            chunks.reset();
            if (expected != rows) {
                throw std::invalid_argument("column \"" + c.name + "\" has " + std::to_string(expected) +
                                            " rows instead of " + std::to_string(rows));
            }
            columns.push_back(std::move(c));
        }
        return Table(std::move(columns), rows);
    });
}

void Project::setSetting(const std::string& key, const nlohmann::json& value)
{
    m_state->guarded("saving a setting", [&] {
        sql::Statement q(m_state->db, "INSERT INTO setting (key, value) VALUES (?1, ?2) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        q.bind(1, std::string_view(key)).bind(2, std::string_view(value.dump())).run();
        return 0;
    });
}

std::optional<nlohmann::json> Project::setting(const std::string& key) const
{
    return m_state->guarded("reading a setting", [&]() -> std::optional<nlohmann::json> {
        sql::Statement q(m_state->db, "SELECT value FROM setting WHERE key = ?1");
        q.bind(1, std::string_view(key));
        if (!q.step()) {
            return std::nullopt;
        }
        return parseJson(q.text(0), "setting");
    });
}

std::int64_t Project::addRun(const RunRecord& run)
{
    State& s = *m_state;
    return s.guarded("saving the run", [&] {
        sql::Transaction t(s.db);
        sql::Statement q(s.db,
                         "INSERT INTO run (name, settings, seed, started_at, finished_at, status, message, "
                         "warnings, metrics, model, best_epoch, split) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
        const nlohmann::json model{{"target", run.model.target.toJson()},
                                   {"id_column", run.model.idColumn},
                                   {"recipe", run.model.recipe.toJson()},
                                   {"architecture", run.model.architecture.toJson()},
                                   {"summary", run.model.summary}};
        q.bind(1, std::string_view(run.name))
            .bind(2, std::string_view(run.settings.dump()))
            .bind(3, static_cast<std::int64_t>(run.seed))
            .bind(4, std::string_view(run.startedAt))
            .bind(5, std::string_view(run.finishedAt))
            .bind(6, std::string_view(run.status))
            .bind(7, std::string_view(run.message))
            .bind(8, std::string_view(nlohmann::json(run.warnings).dump()))
            .bind(9, std::string_view(run.metrics.dump()))
            .bind(10, std::string_view(model.dump()))
            .bind(11, static_cast<std::int64_t>(run.bestEpoch));
        if (run.split.empty()) {
            q.bindNull(12);
        } else {
            q.bindBlob(12, std::as_bytes(std::span(run.split)));
        }
        q.run();
        const std::int64_t id = s.db.lastInsertId();
        sql::Statement e(s.db, "INSERT INTO run_epoch (run, epoch, train_loss, validation_loss, metrics, "
                               "learning_rate, seconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        for (const RunEpoch& r : run.history) {
            e.bind(1, id).bind(2, static_cast<std::int64_t>(r.epoch)).bind(3, r.trainLoss);
            if (r.validationLoss) {
                e.bind(4, *r.validationLoss);
            } else {
                e.bindNull(4);
            }
            e.bind(5, std::string_view(r.metrics.dump())).bind(6, r.learningRate).bind(7, r.seconds).run();
        }
        sql::Statement w(s.db, "INSERT INTO run_weights (run, kind, position, name, rows, cols, data) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        const auto writeWeights = [&](const NamedTensors& tensors, std::string_view kind) {
            for (std::size_t i = 0; i < tensors.size(); ++i) {
                const auto& [name, m] = tensors[i];
                w.bind(1, id)
                    .bind(2, kind)
                    .bind(3, static_cast<std::int64_t>(i))
                    .bind(4, std::string_view(name))
                    .bind(5, static_cast<std::int64_t>(m.rows()))
                    .bind(6, static_cast<std::int64_t>(m.cols()))
                    .bindBlob(7, bytesOf(m))
                    .run();
            }
        };
        writeWeights(run.model.weights, "model");
        if (run.lastEpochWeights) {
            writeWeights(*run.lastEpochWeights, "last_epoch");
        }
        t.commit();
        return id;
    });
}

std::vector<RunSummary> Project::runs() const
{
    return m_state->guarded("reading the runs", [&] {
        sql::Statement q(
            m_state->db,
            "SELECT id, name, status, started_at, finished_at, metrics, "
            "(SELECT COUNT(*) FROM run_epoch WHERE run_epoch.run = run.id) FROM run ORDER BY id");
        std::vector<RunSummary> out;
        while (q.step()) {
            out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4),
                           static_cast<int>(q.integer(6)), parseJson(q.text(5), "run metrics")});
        }
        return out;
    });
}

RunRecord Project::run(std::int64_t id) const
{
    State& s = *m_state;
    return s.guarded("reading the run", [&] {
        sql::Statement q(s.db,
                         "SELECT name, settings, seed, started_at, finished_at, status, message, warnings, "
                         "metrics, model, best_epoch, split FROM run WHERE id = ?1");
        q.bind(1, id);
        if (!q.step()) {
            throw ProjectError(ProjectError::Kind::NotFound, s.name,
                               "there is no run " + std::to_string(id) + " in this project");
        }
        RunRecord r;
        r.id = id;
        r.name = q.text(0);
        r.settings = parseJson(q.text(1), "run settings");
        r.seed = static_cast<std::uint64_t>(q.integer(2));
        r.startedAt = q.text(3);
        r.finishedAt = q.text(4);
        r.status = q.text(5);
        r.message = q.text(6);
        r.warnings = parseJson(q.text(7), "run warnings").get<std::vector<std::string>>();
        r.metrics = parseJson(q.text(8), "run metrics");
        const nlohmann::json model = parseJson(q.text(9), "model");
        r.model.target = TargetSpec::fromJson(model.at("target"));
        r.model.idColumn = model.at("id_column").get<std::string>();
        r.model.recipe = Recipe::fromJson(model.at("recipe"));
        r.model.architecture = Architecture::fromJson(model.at("architecture"));
        r.model.summary = model.value("summary", nlohmann::json::object());
        r.bestEpoch = static_cast<int>(q.integer(10));
        if (!q.isNull(11)) {
            const auto split = q.blob(11);
            r.split.resize(split.size());
            if (!split.empty()) { // an empty BLOB may have no address: memcpy from null is UB
                std::memcpy(r.split.data(), split.data(), split.size());
            }
        }

        sql::Statement e(s.db, "SELECT epoch, train_loss, validation_loss, metrics, learning_rate, seconds "
                               "FROM run_epoch WHERE run = ?1 ORDER BY epoch");
        e.bind(1, id);
        while (e.step()) {
            RunEpoch ep;
            ep.epoch = static_cast<int>(e.integer(0));
            ep.trainLoss = e.real(1);
            if (!e.isNull(2)) {
                ep.validationLoss = e.real(2);
            }
            ep.metrics = parseJson(e.text(3), "epoch metrics");
            ep.learningRate = e.real(4);
            ep.seconds = e.real(5);
            r.history.push_back(std::move(ep));
        }
        sql::Statement w(s.db, "SELECT kind, name, rows, cols, data FROM run_weights WHERE run = ?1 "
                               "ORDER BY kind, position");
        w.bind(1, id);
        while (w.step()) {
            const auto rows = static_cast<Index>(w.integer(2));
            const auto cols = static_cast<Index>(w.integer(3));
            const auto bytes = w.blob(4);
            // Divided, not multiplied: a damaged file's rows * cols can overflow.
            const std::size_t values = bytes.size() / sizeof(float);
            if (rows < 0 || cols < 0 || bytes.size() % sizeof(float) != 0 ||
                (rows == 0 ? values != 0
                           : values % static_cast<std::size_t>(rows) != 0 ||
                                 values / static_cast<std::size_t>(rows) != static_cast<std::size_t>(cols))) {
                throw std::invalid_argument("the weights \"" + w.text(1) + "\" have the wrong size");
            }
            Matrix m(rows, cols);
            if (!bytes.empty()) {
                std::memcpy(m.data(), bytes.data(), bytes.size());
            }
            const bool lastEpoch = w.text(0) == "last_epoch";
            if (lastEpoch && !r.lastEpochWeights) {
                r.lastEpochWeights.emplace();
            }
            NamedTensors& into = lastEpoch ? *r.lastEpochWeights : r.model.weights;
            into.emplace_back(w.text(1), std::move(m));
        }
        r.model.check(); // weights that fit, finite numbers, a task the network fits
        return r;
    });
}

void Project::saveArchitecture(const std::string& name, const Architecture& architecture)
{
    m_state->guarded("saving the network", [&] {
        sql::Statement q(
            m_state->db,
            "INSERT INTO architecture (name, spec, saved_at) VALUES (?1, ?2, ?3) "
            "ON CONFLICT (name) DO UPDATE SET spec = excluded.spec, saved_at = excluded.saved_at");
        q.bind(1, std::string_view(name))
            .bind(2, std::string_view(architecture.toJson().dump()))
            .bind(3, std::string_view(utcNow()))
            .run();
        return 0;
    });
}

void Project::setArchitectures(const std::vector<std::pair<std::string, Architecture>>& architectures)
{
    m_state->guarded("saving the networks", [&] {
        sql::Transaction t(m_state->db);
        m_state->db.exec("DELETE FROM architecture");
        sql::Statement q(m_state->db, "INSERT INTO architecture (name, spec, saved_at) VALUES (?1, ?2, ?3)");
        const std::string now = utcNow();
        for (const auto& [name, architecture] : architectures) {
            q.bind(1, std::string_view(name))
                .bind(2, std::string_view(architecture.toJson().dump()))
                .bind(3, std::string_view(now))
                .run();
        }
        t.commit();
        return 0;
    });
}

std::vector<std::pair<std::string, Architecture>> Project::architectures() const
{
    return m_state->guarded("reading the networks", [&] {
        sql::Statement q(m_state->db, "SELECT name, spec FROM architecture ORDER BY id");
        std::vector<std::pair<std::string, Architecture>> out;
        while (q.step()) {
            out.emplace_back(q.text(0), Architecture::fromJson(parseJson(q.text(1), "network")));
        }
        return out;
    });
}

std::int64_t Project::saveSegment(const std::string& name, const nlohmann::json& definition)
{
    return m_state->guarded("saving the segment", [&] {
        sql::Statement q(m_state->db, "INSERT INTO segment (name, definition) VALUES (?1, ?2) "
                                      "ON CONFLICT (name) DO UPDATE SET definition = excluded.definition "
                                      "RETURNING id");
        q.bind(1, std::string_view(name)).bind(2, std::string_view(definition.dump()));
        const std::int64_t id = q.step() ? q.integer(0) : 0;
        q.reset();
        return id;
    });
}

std::vector<SegmentRecord> Project::segments() const
{
    return m_state->guarded("reading the segments", [&] {
        sql::Statement q(m_state->db, "SELECT id, name, definition FROM segment ORDER BY id");
        std::vector<SegmentRecord> out;
        while (q.step()) {
            out.push_back({q.integer(0), q.text(1), parseJson(q.text(2), "segment")});
        }
        return out;
    });
}

void Project::removeSegment(const std::string& name)
{
    m_state->guarded("removing the segment", [&] {
        sql::Statement q(m_state->db, "DELETE FROM segment WHERE name = ?1");
        q.bind(1, std::string_view(name));
        q.step();
        return 0;
    });
}

std::int64_t Project::addExport(const ExportRecord& e)
{
    return m_state->guarded("recording the export", [&] {
        sql::Statement q(m_state->db,
                         "INSERT INTO export (exported_at, path, run, segment, row_count, details) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        q.bind(1, std::string_view(e.exportedAt.empty() ? utcNow() : e.exportedAt))
            .bind(2, std::string_view(e.path));
        if (e.run) {
            q.bind(3, *e.run);
        } else {
            q.bindNull(3);
        }
        if (e.segment) {
            q.bind(4, *e.segment);
        } else {
            q.bindNull(4);
        }
        q.bind(5, static_cast<std::int64_t>(e.rows)).bind(6, std::string_view(e.details.dump())).run();
        return m_state->db.lastInsertId();
    });
}

std::vector<ExportRecord> Project::exports() const
{
    return m_state->guarded("reading the export history", [&] {
        sql::Statement q(
            m_state->db,
            "SELECT id, exported_at, path, run, segment, row_count, details FROM export ORDER BY id");
        std::vector<ExportRecord> out;
        while (q.step()) {
            ExportRecord e;
            e.id = q.integer(0);
            e.exportedAt = q.text(1);
            e.path = q.text(2);
            if (!q.isNull(3)) {
                e.run = q.integer(3);
            }
            if (!q.isNull(4)) {
                e.segment = q.integer(4);
            }
            e.rows = static_cast<std::size_t>(q.integer(5));
            e.details = parseJson(q.text(6), "export details");
            out.push_back(std::move(e));
        }
        return out;
    });
}

void Project::writeCopy(const std::string& target) const
{
    const std::string temp = target + ".part";
    std::error_code ec;
    fs::remove(temp, ec);
    try {
        m_state->db.backupTo(temp);
        fs::rename(temp, target);
    } catch (const sql::Error& e) {
        fs::remove(temp, ec);
        throw ProjectError(ProjectError::Kind::Io, fileName(target),
                           std::string("cannot write the project (") + e.what() +
                               "); check the disk has space and you may write to the folder");
    } catch (const fs::filesystem_error& e) {
        fs::remove(temp, ec);
        throw ProjectError(ProjectError::Kind::Io, fileName(target),
                           std::string("cannot write the project (") + e.code().message() +
                               "); check you may write to the folder");
    }
}

void Project::writeRecoveryCopy() const
{
    writeCopy(m_state->path + ".recovery");
}

void Project::discardRecoveryCopy() const
{
    std::error_code ec;
    fs::remove(m_state->path + ".recovery", ec);
}

std::optional<std::string> Project::recoveryCopyFor(const std::string& path)
{
    const std::string copy = path + ".recovery";
    std::error_code ec;
    if (!fs::exists(copy, ec)) {
        return std::nullopt;
    }
    const auto copyTime = fs::last_write_time(copy, ec);
    const auto projectTime = fs::last_write_time(path, ec);
    if (!ec && copyTime <= projectTime) {
        return std::nullopt;
    }
    return copy;
}

void Project::addNote(const std::string& text)
{
    m_state->guarded("saving the note", [&] {
        sql::Statement q(m_state->db, "INSERT INTO note (text, created_at) VALUES (?1, ?2)");
        q.bind(1, std::string_view(text)).bind(2, std::string_view(utcNow())).run();
        return 0;
    });
}

std::vector<std::string> Project::notes() const
{
    return m_state->guarded("reading the notes", [&] {
        sql::Statement q(m_state->db, "SELECT text FROM note ORDER BY id");
        std::vector<std::string> out;
        while (q.step()) {
            out.push_back(q.text(0));
        }
        return out;
    });
}

} // namespace neurolift

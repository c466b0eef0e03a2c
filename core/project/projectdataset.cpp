// The dataset of a project: where it came from, and its columns stored in
// chunks of rows (project/columncodec.h).

#include "project/project.h"

#include "project/columncodec.h"
#include "project/projectstate.h"
#include "project/sqlite.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <utility>

namespace neurolift {

namespace {

/// Rows per stored column chunk.
constexpr std::size_t kChunkRows = 65536;

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
            d.importOptions = project::parseJson(q.text(3), "import options");
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
            c.levels = project::parseJson(cols.text(3), "column levels").get<std::vector<std::string>>();
            c.dateFormat = dateFormatFromJson(project::parseJson(cols.text(4), "date format"));
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

} // namespace neurolift

#include "data/csvreader.h"

#include "data/columnbuilder.h"
#include "data/csvfields.h"
#include "data/csvinput.h"
#include "data/csvscan.h"
#include "data/csvsniff.h"
#include "data/rowlines.h"

#include <omp.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <exception>
#include <filesystem>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace neurolift {

namespace {

constexpr std::size_t kMaxRowWarnings = 100;
using namespace csv;

std::string locationText(const std::string& file, long long line, int column)
{
    std::string s = "\"" + file + "\"";
    if (line > 0) {
        s += ", line " + groupDigits(line);
    }
    if (column > 0) {
        s += ", column " + std::to_string(column);
    }
    return s + ": ";
}

/// What parsing one chunk of whole records produced.
struct ChunkResult {
    std::vector<ColumnBuilder> columns;
    std::size_t rows = 0;
    std::size_t consumed = 0; ///< Bytes of complete records.
    long long lines = 0;      ///< Lines those records span.
    bool complete = false;    ///< Stopped exactly at the chunk's end (or at the end of the file).
    std::vector<std::pair<long long, std::size_t>> ragged; ///< (relative line, field count) of skipped rows.
    std::size_t raggedCount = 0;
    RowLines rowLines; ///< Relative rows to relative lines, where they stop counting up together.
    std::optional<ScanFailure> failure;
    std::exception_ptr error; ///< Anything else (out of memory).
};

class Reader {
public:
    Reader(const std::string& path, const CsvOptions& options, const std::function<bool(double)>& progress)
        : m_path(path)
        , m_name(std::filesystem::path(path).filename().string())
        , m_options(options)
        , m_progress(progress)
        , m_missing(options.missingTokens)
        , m_in(path, m_name)
    {
    }

    /// Streaming: every column as raw text, handed to `sink` every `batchRows` rows.
    Reader(const std::string& path, const CsvOptions& options, const std::function<bool(double)>& progress,
           std::size_t batchRows, const std::function<void(const Table&, const CsvResult&)>& sink)
        : m_path(path)
        , m_name(std::filesystem::path(path).filename().string())
        , m_options(options)
        , m_progress(progress)
        , m_missing({})
        , m_in(path, m_name)
        , m_batchRows(std::max<std::size_t>(batchRows, 1))
        , m_sink(&sink)
    {
    }

    /// Reads the file, and fails when it changed meanwhile (that also
    /// explains an error its cut-off end caused).
    CsvResult run()
    {
        try {
            CsvResult result = read();
            m_in.checkUnchanged();
            collapseWarnings(result.warnings);
            return result;
        } catch (const CsvError&) {
            m_in.checkUnchanged();
            throw;
        }
    }

private:
    CsvResult read();
    [[noreturn]] void fail(long long line, int column, const std::string& message) const
    {
        throw CsvError(m_name, line, column, message);
    }
    [[noreturn]] void fail(const ScanFailure& f, long long baseLine) const
    {
        fail(baseLine + f.line, f.column, f.message);
    }

    void reportProgress();
    /// Reads until the buffer holds at least `want` unparsed bytes or the file ends.
    void fill(std::size_t want) { m_in.fill(want, m_line); }
    /// The next record for the sequential phase (header and first rows), of
    /// at most `maxBytes` bytes when not 0.
    bool nextRecord(RecordScanner& scanner, std::size_t maxBytes = 0);
    /// `lastEmpty`: the last field is empty on every sampled row.
    std::vector<std::string> sampleCells(std::size_t columnCount, bool& lastEmpty);
    /// Checks that the unnamed last column (a delimiter ending every line) is
    /// empty in `c` and removes it.
    void dropTrailingColumn(std::vector<Column>& columns) const;
    /// Parses whole records of [begin, end) into `r`, reusing its memory.
    void parseChunk(ChunkResult& r, std::size_t begin, std::size_t end, bool eof,
                    std::size_t columnCount) const;
    std::vector<std::size_t> chunkBounds(std::size_t parts) const;

    std::string m_path;
    std::string m_name;
    const CsvOptions& m_options;
    const std::function<bool(double)>& m_progress;
    MissingTokens m_missing;
    CsvInput m_in;
    char m_delimiter = ',';
    long long m_line = 1;       ///< Line where the next record starts.
    long long m_recordLine = 1; ///< Line where the current record started.
    std::vector<ColumnBuilder> m_columns;
    std::size_t m_batchRows = 0;
    const std::function<void(const Table&, const CsvResult&)>* m_sink =
        nullptr; ///< Set: streaming, raw text.
    const CsvResult* m_layout = nullptr;
    std::size_t m_rowsSent = 0;
    std::vector<std::string> m_names;
    RowLines m_rowLines;
    bool m_trailing = false; ///< The last column is the empty one of a delimiter ending every line.
    long long m_headerLine = 1;

    /// Hands the rows read so far to the sink as one all-text table.
    void flushBatch();
};

/// Drops the rows of `c` from `rows` on (its levels stay as read).
void truncateColumn(Column& c, std::size_t rows)
{
    auto cut = [rows](auto& v) {
        if (v.size() > rows) {
            v.resize(rows);
        }
    };
    cut(c.values);
    cut(c.missing);
    cut(c.codes);
    cut(c.strings);
}

void Reader::flushBatch()
{
    const std::size_t rows = m_columns.front().rows();
    if (rows == 0) {
        return;
    }
    std::vector<Column> columns;
    columns.reserve(m_columns.size());
    std::vector<CsvWarning> ignored; // constant or empty columns say nothing about one batch
    for (std::size_t k = 0; k < m_columns.size(); ++k) {
        columns.push_back(m_columns[k].finish(m_names[k], static_cast<int>(k) + 1, m_options, ignored));
        ColumnBuilder fresh;
        fresh.resetForChunk(m_columns[k]);
        m_columns[k] = std::move(fresh);
    }
    dropTrailingColumn(columns);
    (*m_sink)(Table(std::move(columns), rows), *m_layout);
    m_rowsSent += rows;
}

void Reader::reportProgress()
{
    if (m_progress && m_in.fileSize() > 0 && !m_progress(m_in.fraction())) {
        throw CsvCancelled();
    }
}

void Reader::dropTrailingColumn(std::vector<Column>& columns) const
{
    if (!m_trailing) {
        return;
    }
    const Column& c = columns.back();
    const std::size_t present = c.size() - c.missingCount();
    const bool empty = present == 0 || (c.type == ColumnType::Text &&
                                        std::all_of(c.strings.begin(), c.strings.end(),
                                                    [](const std::string& v) { return v.empty(); }));
    if (!empty) {
        const auto column = static_cast<int>(columns.size());
        fail(m_headerLine, column,
             "column " + std::to_string(column) + " has no name in the header row; give every column a name");
    }
    columns.pop_back();
}

bool Reader::nextRecord(RecordScanner& scanner, std::size_t maxBytes)
{
    for (;;) {
        const long long startLine = m_line;
        const std::size_t startPos = m_in.pos;
        RecordScanner::Status s;
        try {
            s = scanner.next(m_in.data(), m_in.pos, m_in.end, m_in.eof, m_line);
        } catch (const ScanFailure& f) {
            fail(f.line, f.column, f.message);
        }
        const bool tooLong =
            maxBytes > 0 &&
            (s == RecordScanner::Status::Record ? m_in.pos - startPos : m_in.end - m_in.pos) > maxBytes;
        if (tooLong) {
            fail(startLine, 0,
                 "the first line is longer than " + std::to_string(maxBytes >> 20) +
                     " MiB, too long for a header row; check that the file is a table with one row per "
                     "line, or, if the first line holds data, choose that the file has no header row");
        }
        if (s == RecordScanner::Status::Record) {
            m_recordLine = startLine;
            return true;
        }
        if (s == RecordScanner::Status::End) {
            return false;
        }
        fill(m_in.end - m_in.pos + kBlockBytes);
    }
}

/// Cells of the rows that follow, for detecting the number format (without consuming them).
std::vector<std::string> Reader::sampleCells(std::size_t columnCount, bool& lastEmpty)
{
    bool sampled = false;
    lastEmpty = true;
    RecordScanner scanner(m_delimiter, m_options.maxFieldBytes);
    std::vector<std::string> cells;
    std::size_t pos = m_in.pos;
    long long line = m_line;
    for (int records = 0; records < 2000; ++records) {
        RecordScanner::Status s;
        try {
            s = scanner.next(m_in.data(), pos, m_in.end, m_in.eof, line);
        } catch (const ScanFailure&) {
            break; // reported with its line when the rows are read
        }
        if (s != RecordScanner::Status::Record) {
            break;
        }
        if (scanner.fields().size() != columnCount) {
            continue;
        }
        sampled = true;
        lastEmpty = lastEmpty && trim(scanner.text(m_in.data(), scanner.fields().back())).empty();
        for (const FieldRef& f : scanner.fields()) {
            const std::string_view v = trim(scanner.text(m_in.data(), f));
            if (!v.empty() && v.size() < 40 && (isDigit(v.back()))) {
                cells.emplace_back(v);
            }
        }
    }
    lastEmpty = lastEmpty && sampled;
    return cells;
}

void Reader::parseChunk(ChunkResult& r, std::size_t begin, std::size_t end, bool eof,
                        std::size_t columnCount) const
{
    r.rows = 0;
    r.consumed = 0;
    r.lines = 0;
    r.complete = false;
    r.ragged.clear();
    r.raggedCount = 0;
    r.rowLines.clear();
    r.failure.reset();
    r.error = nullptr;
    try {
        if (r.columns.size() != columnCount) {
            r.columns.clear();
            for (const ColumnBuilder& c : m_columns) {
                r.columns.push_back(c.forChunk());
            }
        } else {
            for (std::size_t k = 0; k < columnCount; ++k) {
                r.columns[k].resetForChunk(m_columns[k]);
            }
        }
        RecordScanner scanner(m_delimiter, m_options.maxFieldBytes);
        const char* const b = m_in.data();
        std::size_t pos = begin;
        long long line = 0;
        long long offset = 0; // line - row, as last noted in r.rowLines
        std::vector<std::string_view> cells(columnCount);
        for (;;) {
            if (scanner.nextSimple(b, pos, end, cells)) {
                // The common record: no quotes to unescape, no line breaks inside, plain ASCII.
                if (line - static_cast<long long>(r.rows) != offset) {
                    offset = line - static_cast<long long>(r.rows);
                    r.rowLines.note(r.rows, line);
                }
                ++line;
                r.consumed = pos - begin;
                r.lines = line;
                for (std::size_t k = 0; k < columnCount; ++k) {
                    if (m_missing.contains(cells[k])) {
                        r.columns[k].addMissing();
                    } else {
                        r.columns[k].add(cells[k]);
                    }
                }
                ++r.rows;
                continue;
            }
            const long long startLine = line;
            const RecordScanner::Status s = scanner.next(b, pos, end, eof, line);
            if (s != RecordScanner::Status::Record) {
                r.complete = s == RecordScanner::Status::End || pos == end;
                break;
            }
            r.consumed = pos - begin;
            r.lines = line;
            const std::vector<FieldRef>& fields = scanner.fields();
            if (scanner.blankRecord()) {
                continue;
            }
            if (fields.size() != columnCount) {
                if (m_options.ragged == CsvOptions::RaggedRows::Stop) {
                    throw ScanFailure{
                        startLine, 0,
                        std::to_string(fields.size()) +
                            (fields.size() == 1 ? " field where " : " fields where ") + "%WIDTH%" +
                            std::to_string(columnCount) +
                            "; fix the row, or choose to skip rows with the wrong number of fields"};
                }
                if (r.ragged.size() < kMaxRowWarnings) {
                    r.ragged.emplace_back(startLine, fields.size());
                }
                ++r.raggedCount;
                continue;
            }
            for (std::size_t k = 0; k < columnCount; ++k) {
                const FieldRef& f = fields[k];
                const bool endsFile = eof && !f.inScratch && f.offset + f.length == end;
                const std::string_view v = checkedCell(scanner.text(b, f), f, static_cast<int>(k) + 1, endsFile);
                if (m_missing.contains(v)) {
                    r.columns[k].addMissing();
                } else {
                    r.columns[k].add(v);
                }
            }
            if (startLine - static_cast<long long>(r.rows) != offset) {
                offset = startLine - static_cast<long long>(r.rows);
                r.rowLines.note(r.rows, startLine);
            }
            ++r.rows;
        }
    } catch (const ScanFailure& f) {
        r.failure = f;
    } catch (...) {
        r.error = std::current_exception();
    }
}

/// Splits the unparsed bytes into up to `parts` ranges that end on line ends
/// outside quotes (as far as quote parity tells; the parse verifies it).
std::vector<std::size_t> Reader::chunkBounds(std::size_t parts) const
{
    std::vector<std::size_t> bounds{m_in.pos};
    const std::size_t size = m_in.end - m_in.pos;
    const std::size_t target = size / parts;
    const char* const b = m_in.data();
    std::size_t from = m_in.pos;
    std::size_t quotes = 0; // in [m_in.pos, from)
    for (std::size_t k = 1; k < parts; ++k) {
        std::size_t at = std::max(from, m_in.pos + k * target);
        quotes += static_cast<std::size_t>(std::count(b + from, b + at, '"'));
        from = at;
        for (;;) {
            const auto* nl = static_cast<const char*>(std::memchr(b + from, '\n', m_in.end - from));
            if (!nl) {
                from = m_in.end;
                break;
            }
            const auto next = static_cast<std::size_t>(nl - b) + 1;
            quotes += static_cast<std::size_t>(std::count(b + from, nl, '"'));
            from = next;
            if (quotes % 2 == 0) {
                break;
            }
        }
        if (from >= m_in.end) {
            break;
        }
        bounds.push_back(from);
    }
    bounds.push_back(m_in.end);
    return bounds;
}

CsvResult Reader::read()
{
    CsvResult result;
    const EncodingGuess guess = m_in.open(m_options.encoding);
    result.encoding = guess.encoding;
    result.bom = guess.bom;
    result.source = m_in.stamp();
    if (m_options.encoding && guess.encoding != *m_options.encoding && guess.encoding == TextEncoding::Utf8) {
        result.warnings.push_back(
            {0, 0,
             "the file starts with a UTF-8 byte order mark and its text is UTF-8, so it "
             "is read as UTF-8, not " +
                 std::string(encodingName(*m_options.encoding))});
    }
    if (m_in.pos == m_in.end && m_in.eof) {
        fail(0, 0, "the file is empty; choose a file with a header row and data rows");
    }
    {
        const std::size_t probe = std::min<std::size_t>(m_in.end, 8192);
        if (const auto* z = static_cast<const char*>(std::memchr(m_in.data(), 0, probe))) {
            const long long line = 1 + std::count(static_cast<const char*>(m_in.data()), z, '\n');
            fail(line, 0,
                 "the file contains NUL bytes, so it looks like a binary file (for example a spreadsheet), "
                 "not CSV; export it as \"CSV UTF-8\"");
        }
    }
    const std::string_view sample(m_in.data() + m_in.pos, std::min<std::size_t>(m_in.end - m_in.pos, 65536));
    m_delimiter = m_options.delimiter != 0
                      ? m_options.delimiter
                      : detectDelimiter(sample, m_in.eof && m_in.end - m_in.pos <= 65536);
    result.delimiter = m_delimiter;
    RecordScanner scanner(m_delimiter, m_options.maxFieldBytes);

    // First non-blank record: header or first data row.
    bool any = false;
    while ((any = nextRecord(scanner, m_options.header.value_or(true) ? kMaxHeaderBytes : 0)) &&
           scanner.blankRecord()) {
    }
    if (!any) {
        fail(0, 0, "the file is empty (only blank lines); choose a file with a header row and data rows");
    }
    const std::size_t columnCount = scanner.fields().size();
    const long long firstLine = m_recordLine;
    std::vector<std::string> firstRow;
    firstRow.reserve(columnCount);
    for (std::size_t k = 0; k < columnCount; ++k) {
        const FieldRef& f = scanner.fields()[k];
        try {
            const bool endsFile = m_in.eof && !f.inScratch && f.offset + f.length == m_in.end;
            firstRow.emplace_back(checkedCell(scanner.text(m_in.data(), f), f, static_cast<int>(k) + 1, endsFile));
        } catch (const ScanFailure& e) {
            fail(e.line, e.column, e.message);
        }
    }

    // Number format, from the rows that follow.
    bool lastEmpty = false;
    NumberFormat format = detectNumberFormat(sampleCells(columnCount, lastEmpty), m_delimiter);
    // A delimiter ending every line: an unnamed last column, empty below.
    const bool trailing =
        columnCount >= 2 && firstRow.back().empty() && lastEmpty && m_options.header.value_or(true);
    if (m_options.decimal != 0) {
        format.decimal = m_options.decimal;
        if (!m_options.thousands && format.group == format.decimal) {
            format.group = 0;
        }
    }
    if (m_options.thousands) {
        format.group = *m_options.thousands;
    }
    result.decimal = format.decimal;
    result.thousands = format.group;

    bool header = true;
    if (m_options.header) {
        header = *m_options.header;
    } else {
        for (std::size_t k = 0; k + (trailing ? 1 : 0) < columnCount; ++k) {
            const std::string& v = firstRow[k];
            double x = 0.0;
            bool plain = false;
            bool leadingZero = false;
            if (v.empty() || parseNumber(v, format, x, plain, leadingZero)) {
                header = false;
            }
        }
    }
    result.header = header;
    m_trailing = header && trailing;
    m_headerLine = firstLine;

    std::vector<std::string> names;
    m_columns.resize(columnCount);
    for (ColumnBuilder& c : m_columns) {
        c.setFormat(format);
    }
    if (header) {
        std::unordered_map<std::string, std::size_t> seen;
        for (std::size_t k = 0; k < columnCount; ++k) {
            const int column = static_cast<int>(k) + 1;
            if (m_trailing && k + 1 == columnCount) {
                firstRow[k] = "\u2205"; // a placeholder, never shown: the column is dropped
                result.warnings.push_back({firstLine, 0,
                                           "every line ends with a " + delimiterName(m_delimiter) +
                                               ", as if there were one more column, without a name and "
                                               "empty; that empty column is left out"});
            } else if (firstRow[k].empty()) {
                fail(firstLine, column,
                     "column " + std::to_string(column) +
                         " has no name in the header row; give every column a name");
            }
            const auto [it, inserted] = seen.emplace(firstRow[k], k);
            if (!inserted) {
                fail(firstLine, column,
                     "the column name \"" + firstRow[k] + "\" appears twice in the header row (columns " +
                         std::to_string(it->second + 1) + " and " + std::to_string(column) +
                         "); give each column its own name");
            }
        }
        names = std::move(firstRow);
    } else {
        for (std::size_t k = 0; k < columnCount; ++k) {
            names.push_back("column" + std::to_string(k + 1));
        }
    }
    result.columnNames = names;
    if (m_trailing) {
        result.columnNames.pop_back();
    }
    if (m_sink) {
        for (ColumnBuilder& c : m_columns) {
            c.setForcedType(ColumnType::Text);
        }
        m_names = names;
        m_layout = &result;
    }
    for (const auto& [name, type] : m_options.columnTypes) {
        if (m_sink) {
            break; // streaming reads raw text; the caller retypes
        }
        const std::vector<std::string>& known = result.columnNames;
        const auto it = std::find(known.begin(), known.end(), name);
        if (it == known.end()) {
            std::string list;
            for (std::size_t k = 0; k < known.size() && k < 12; ++k) {
                list += (k ? ", " : "") + known[k];
            }
            fail(0, 0,
                 "there is no column \"" + name + "\" to set the type of; the columns are " + list +
                     (known.size() > 12 ? ", \u2026" : ""));
        }
        ColumnBuilder& b = m_columns[static_cast<std::size_t>(it - known.begin())];
        b.setForcedType(type);
        if (const auto f = m_options.dateFormats.find(name); f != m_options.dateFormats.end()) {
            b.setDateFormat(f->second);
        }
    }
    if (!header) {
        m_rowLines.note(0, firstLine);
        for (std::size_t k = 0; k < columnCount; ++k) {
            if (m_missing.contains(firstRow[k])) {
                m_columns[k].addMissing();
            } else {
                m_columns[k].add(firstRow[k]);
            }
        }
    }

    // The data rows, in batches of chunks parsed side by side and appended in file order.
    const std::string widthName = header ? "the header has " : "the first row has ";
    const int threads = std::max(1, m_options.threads > 0 ? m_options.threads : omp_get_max_threads());
    // Batches of 4 MiB per thread, cut into twice as many chunks as threads
    // so that a thread that finishes early takes another chunk.
    // A preview reads one block at a time in one piece and stops once it has its rows.
    const bool preview = m_options.maxRows > 0 && !m_sink;
    const std::size_t batchBytes =
        preview ? kBlockBytes : kBlockBytes * static_cast<std::size_t>(threads) * 2;
    const std::size_t chunksPerBatch = threads > 1 && !preview ? static_cast<std::size_t>(threads) * 2 : 1;
    std::size_t skipped = 0;
    std::size_t want = batchBytes;
    bool sequential = false;
    bool reserved = false;
    std::vector<ChunkResult> results; // reused from batch to batch
    for (;;) {
        fill(want);
        const std::size_t parts =
            sequential || m_in.end - m_in.pos < std::size_t{1} << 18 ? 1 : chunksPerBatch;
        const std::vector<std::size_t> bounds = chunkBounds(parts);
        const std::size_t chunks = bounds.size() - 1;
        if (results.size() < chunks) {
            results.resize(chunks);
        }
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1) if (chunks > 1)
        for (std::size_t k = 0; k < chunks; ++k) {
            parseChunk(results[k], bounds[k], bounds[k + 1], m_in.eof && k + 1 == chunks, columnCount);
        }
        const std::size_t before = m_in.pos;
        sequential = false;
        // Warnings and errors in file order; chunks after one that did not end
        // where it was cut are dropped and read again.
        std::size_t accepted = 0;
        std::size_t rowBase = m_rowsSent + m_columns.front().rows();
        for (std::size_t k = 0; k < chunks; ++k) {
            ChunkResult& r = results[k];
            if (r.error) {
                std::rethrow_exception(r.error);
            }
            if (r.failure) {
                std::string& message = r.failure->message;
                if (const auto at = message.find("%WIDTH%"); at != std::string::npos) {
                    message.replace(at, 7, widthName);
                }
                fail(*r.failure, m_line);
            }
            for (const auto& [line, fields] : r.ragged) {
                if (++skipped <= kMaxRowWarnings) {
                    const long long at = m_line + line;
                    result.warnings.push_back({at, 0,
                                               "line " + groupDigits(at) + ": " + std::to_string(fields) +
                                                   (fields == 1 ? " field where " : " fields where ") +
                                                   widthName + std::to_string(columnCount) +
                                                   " \u2014 row skipped"});
                }
            }
            skipped += r.raggedCount - r.ragged.size();
            m_rowLines.note(rowBase, m_line);
            for (const auto& [row, offset] : r.rowLines.breaks()) {
                m_rowLines.note(rowBase + row, m_line + static_cast<long long>(row) + offset);
            }
            rowBase += r.rows;
            m_in.pos = bounds[k] + r.consumed;
            m_line += r.lines;
            ++accepted;
            if (!r.complete && k + 1 < chunks) {
                // The cut fell inside a quoted field: read on from here in one piece.
                sequential = true;
                break;
            }
        }
        // Append the chunks' rows, column by column side by side.
        std::exception_ptr appendError;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1) if (accepted > 1)
        for (std::size_t c = 0; c < columnCount; ++c) {
            try {
                for (std::size_t k = 0; k < accepted; ++k) {
                    m_columns[c].append(std::move(results[k].columns[c]));
                }
            } catch (...) {
#pragma omp critical
                appendError = std::current_exception();
            }
        }
        if (appendError) {
            std::rethrow_exception(appendError);
        }
        if (m_sink && m_columns.front().rows() >= m_batchRows) {
            flushBatch();
        }
        if (preview && m_columns.front().rows() >= m_options.maxRows) {
            break;
        }
        if (!m_sink && !reserved && m_in.fileSize() > 0 && m_in.bytesRead() > 0 && m_in.end > 0 &&
            !m_in.eof) {
            // Reserve the columns for the rows the whole file will likely have.
            const double parsedShare = static_cast<double>(m_in.pos) / static_cast<double>(m_in.end);
            const double rawParsed = static_cast<double>(m_in.bytesRead()) * parsedShare;
            if (rawParsed > 0) {
                const double estimate = static_cast<double>(m_columns.front().rows()) *
                                        static_cast<double>(m_in.fileSize()) / rawParsed;
                for (ColumnBuilder& c : m_columns) {
                    c.reserve(static_cast<std::size_t>(estimate * 1.02) + 64);
                }
            }
            reserved = true;
        }
        reportProgress();
        if (m_in.eof && m_in.pos == m_in.end) {
            break;
        }
        // No progress: one record is larger than the batch; read more of it.
        want = m_in.pos == before && !sequential ? (m_in.end - m_in.pos) * 2 + kBlockBytes : batchBytes;
    }
    if (m_sink) {
        flushBatch();
    }
    const std::size_t rows = m_sink ? m_rowsSent : m_columns.front().rows();
    if (skipped > kMaxRowWarnings) {
        result.warnings.push_back({0, 0,
                                   groupDigits(static_cast<long long>(skipped - kMaxRowWarnings)) +
                                       " more rows with the wrong number of fields were skipped"});
    }
    if (rows == 0) {
        fail(firstLine, 0,
             skipped > 0 ? "no data row has as many fields as the header; check the delimiter (detected: " +
                               delimiterName(m_delimiter) + ")"
                         : "the file has a header row but no data rows; choose a file that contains data");
    }

    if (m_sink) {
        result.table = Table({}, rows); // the rows went to the sink
        return result;
    }
    if (m_trailing) {
        if (m_columns.back().present() > 0) {
            fail(firstLine, static_cast<int>(columnCount),
                 "column " + std::to_string(columnCount) +
                     " has no name in the header row; give every column a name");
        }
        m_columns.pop_back();
    }
    // Type each column (independent of the others), side by side.
    const std::size_t typed = m_columns.size();
    std::vector<Column> columns(typed);
    std::vector<std::vector<CsvWarning>> columnWarnings(typed);
    std::exception_ptr finishError;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
    for (std::size_t k = 0; k < typed; ++k) {
        try {
            columns[k] = m_columns[k].finish(std::move(names[k]), static_cast<int>(k) + 1, m_options,
                                             columnWarnings[k], &m_rowLines);
            m_columns[k] = ColumnBuilder();
        } catch (...) {
#pragma omp critical
            finishError = std::current_exception();
        }
    }
    if (finishError) {
        std::rethrow_exception(finishError);
    }
    for (auto& w : columnWarnings) {
        result.warnings.insert(result.warnings.end(), w.begin(), w.end());
    }
    std::size_t kept = rows;
    if (preview && rows > m_options.maxRows) {
        kept = m_options.maxRows;
        for (Column& c : columns) {
            truncateColumn(c, kept);
        }
    }
    result.table = Table(std::move(columns), kept);
    if (m_progress && !m_progress(1.0)) {
        throw CsvCancelled();
    }
    return result;
}

} // namespace

CsvError::CsvError(std::string file, long long line, int column, const std::string& message)
    : std::runtime_error(locationText(file, line, column) + message)
    , m_file(std::move(file))
    , m_line(line)
    , m_column(column)
{
}

CsvResult readCsv(const std::string& path, const CsvOptions& options,
                  const std::function<bool(double fraction)>& progress)
{
    Reader reader(path, options, progress);
    return reader.run();
}

CsvResult streamCsv(const std::string& path, const CsvOptions& options, std::size_t batchRows,
                    const std::function<void(const Table& batch, const CsvResult& layout)>& sink,
                    const std::function<bool(double fraction)>& progress)
{
    Reader reader(path, options, progress, batchRows, sink);
    return reader.run();
}

} // namespace neurolift

#include "data/csvreader.h"

#include "data/columnbuilder.h"
#include "data/csvfields.h"
#include "data/csvinput.h"
#include "data/csvscan.h"

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

/// Chooses the candidate whose count per line is the same on the first lines,
/// preferring the largest count; falls back to the largest count on line 1.
char detectDelimiter(std::string_view sample, bool wholeFile)
{
    static constexpr char kCandidates[] = {',', ';', '\t', '|'};
    char best = ',';
    long long bestScore = 0;
    for (char d : kCandidates) {
        std::vector<int> counts;
        int current = 0;
        bool inQuotes = false;
        for (std::size_t k = 0; k < sample.size() && counts.size() < 30; ++k) {
            const char c = sample[k];
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes) {
                if (c == d) {
                    ++current;
                } else if (c == '\n') {
                    counts.push_back(current);
                    current = 0;
                }
            }
        }
        if (counts.empty() || (wholeFile && current > 0 && counts.size() < 30)) {
            counts.push_back(current);
        }
        const int first = counts.front();
        const bool consistent = std::all_of(counts.begin(), counts.end(), [&](int n) { return n == first; });
        const long long score = first == 0 ? 0 : (consistent ? 1000000LL : 0LL) + first;
        if (score > bestScore) {
            bestScore = score;
            best = d;
        }
    }
    return best;
}

std::string delimiterName(char d)
{
    switch (d) {
    case ',':
        return "comma";
    case ';':
        return "semicolon";
    case '\t':
        return "tab";
    case '|':
        return "pipe";
    default:
        return std::string("'") + d + "'";
    }
}

/// Fast test for the user's missing-value markers.
class MissingTokens {
public:
    explicit MissingTokens(const std::vector<std::string>& tokens)
        : m_tokens(tokens)
    {
        for (const std::string& t : m_tokens) {
            if (t.size() < 64) {
                m_lengths |= std::uint64_t{1} << t.size();
            }
            if (t.empty()) {
                m_empty = true;
            } else {
                m_first[static_cast<unsigned char>(t[0])] = true;
            }
        }
    }

    bool contains(std::string_view v) const
    {
        if (v.empty()) {
            return m_empty;
        }
        if (!m_first[static_cast<unsigned char>(v[0])]) {
            return false;
        }
        if (v.size() < 64 && !(m_lengths & (std::uint64_t{1} << v.size()))) {
            return false;
        }
        return std::find(m_tokens.begin(), m_tokens.end(), v) != m_tokens.end();
    }

private:
    std::vector<std::string> m_tokens;
    std::uint64_t m_lengths = 0;
    std::array<bool, 256> m_first{};
    bool m_empty = false;
};

/// What parsing one chunk of whole records produced.
struct ChunkResult {
    std::vector<ColumnBuilder> columns;
    std::size_t rows = 0;
    std::size_t consumed = 0; ///< Bytes of complete records.
    long long lines = 0;      ///< Lines those records span.
    bool complete = false;    ///< Stopped exactly at the chunk's end (or at the end of the file).
    std::vector<std::pair<long long, std::size_t>> ragged; ///< (relative line, field count) of skipped rows.
    std::size_t raggedCount = 0;
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

    CsvResult run();

private:
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
    /// The next record for the sequential phase (header and first rows).
    bool nextRecord(RecordScanner& scanner);
    std::vector<std::string> sampleCells(std::size_t columnCount);
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
    (*m_sink)(Table(std::move(columns), rows), *m_layout);
    m_rowsSent += rows;
}

void Reader::reportProgress()
{
    if (m_progress && m_in.fileSize() > 0 && !m_progress(m_in.fraction())) {
        throw CsvCancelled();
    }
}

bool Reader::nextRecord(RecordScanner& scanner)
{
    for (;;) {
        const long long startLine = m_line;
        RecordScanner::Status s;
        try {
            s = scanner.next(m_in.data(), m_in.pos, m_in.end, m_in.eof, m_line);
        } catch (const ScanFailure& f) {
            fail(f.line, f.column, f.message);
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
std::vector<std::string> Reader::sampleCells(std::size_t columnCount)
{
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
        for (const FieldRef& f : scanner.fields()) {
            const std::string_view v = trim(scanner.text(m_in.data(), f));
            if (!v.empty() && v.size() < 40 && (isDigit(v.back()))) {
                cells.emplace_back(v);
            }
        }
    }
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
        std::vector<std::string_view> cells(columnCount);
        for (;;) {
            if (scanner.nextSimple(b, pos, end, cells)) {
                // The common record: no quotes to unescape, no line breaks inside, plain ASCII.
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

CsvResult Reader::run()
{
    CsvResult result;
    const EncodingGuess guess = m_in.open(m_options.encoding);
    result.encoding = guess.encoding;
    result.bom = guess.bom;
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
    while ((any = nextRecord(scanner)) && scanner.blankRecord()) {
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
    NumberFormat format = detectNumberFormat(sampleCells(columnCount), m_delimiter);
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
        for (const std::string& v : firstRow) {
            double x = 0.0;
            bool plain = false;
            bool leadingZero = false;
            if (v.empty() || parseNumber(v, format, x, plain, leadingZero)) {
                header = false;
            }
        }
    }
    result.header = header;

    std::vector<std::string> names;
    m_columns.resize(columnCount);
    for (ColumnBuilder& c : m_columns) {
        c.setFormat(format);
    }
    if (header) {
        std::unordered_map<std::string, std::size_t> seen;
        for (std::size_t k = 0; k < columnCount; ++k) {
            const int column = static_cast<int>(k) + 1;
            if (firstRow[k].empty()) {
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
        const auto it = std::find(names.begin(), names.end(), name);
        if (it == names.end()) {
            std::string list;
            for (std::size_t k = 0; k < names.size() && k < 12; ++k) {
                list += (k ? ", " : "") + names[k];
            }
            fail(0, 0,
                 "there is no column \"" + name + "\" to set the type of; the columns are " + list +
                     (names.size() > 12 ? ", \u2026" : ""));
        }
        ColumnBuilder& b = m_columns[static_cast<std::size_t>(it - names.begin())];
        b.setForcedType(type);
        if (const auto f = m_options.dateFormats.find(name); f != m_options.dateFormats.end()) {
            b.setDateFormat(f->second);
        }
    }
    if (!header) {
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
    // Type each column (independent of the others), side by side.
    std::vector<Column> columns(columnCount);
    std::vector<std::vector<CsvWarning>> columnWarnings(columnCount);
    std::exception_ptr finishError;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
    for (std::size_t k = 0; k < columnCount; ++k) {
        try {
            columns[k] = m_columns[k].finish(std::move(names[k]), static_cast<int>(k) + 1, m_options,
                                             columnWarnings[k]);
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

RetypedColumn retypeColumn(const Column& raw, ColumnType type, const CsvOptions& options,
                           const CsvResult& layout)
{
    ColumnBuilder b;
    b.setFormat({layout.decimal, layout.thousands});
    b.setForcedType(type);
    if (type == ColumnType::Date) {
        if (const auto it = options.dateFormats.find(raw.name); it != options.dateFormats.end()) {
            b.setDateFormat(it->second);
        }
    }
    b.reserve(raw.size());
    const MissingTokens missing(options.missingTokens);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const std::string_view v = raw.isMissing(i) ? std::string_view() : std::string_view(raw.strings[i]);
        if (missing.contains(v)) {
            b.addMissing();
        } else {
            b.add(v);
        }
    }
    std::vector<CsvWarning> warnings;
    RetypedColumn r;
    r.column = b.finish(raw.name, 0, options, warnings);
    r.unreadable = b.unreadable();
    r.example = b.unreadableExample();
    return r;
}

} // namespace neurolift

#include "data/csvreader.h"

#include "data/columnbuilder.h"
#include "data/csvfields.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <limits>
#include <memory>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>

namespace neurolift {

namespace {

constexpr std::size_t kBlockBytes = std::size_t{4} << 20;
constexpr std::size_t kMaxRowWarnings = 100;
using namespace csv;

std::string groupDigits(long long n)
{
    const std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out = n < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out += ',';
        }
        out += digits[i];
    }
    return out;
}

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

bool validUtf8(std::string_view s)
{
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* const e = p + s.size();
    while (p < e) {
        const unsigned char c = *p;
        int extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++p;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (e - p <= extra) {
            return false;
        }
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
            return false;
        }
        p += extra + 1;
    }
    return true;
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

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

struct FieldRef {
    std::size_t offset = 0; ///< Into the buffer, or into the scratch text.
    std::size_t length = 0;
    bool inScratch = false; ///< Unescaped copy (the field had doubled quotes).
    bool quoted = false;
    bool clean = false; ///< Unquoted and known to hold no NUL and no byte >= 0x80.
    long long line = 0;
};

class Reader {
public:
    Reader(const std::string& path, const CsvOptions& options, const std::function<bool(double)>& progress)
        : m_path(path)
        , m_name(std::filesystem::path(path).filename().string())
        , m_options(options)
        , m_progress(progress)
    {
        for (const std::string& t : m_options.missingTokens) {
            if (t.size() < 64) {
                m_missingLengths |= std::uint64_t{1} << t.size();
            }
            if (t.empty()) {
                m_missingEmpty = true;
            } else {
                m_missingFirst[static_cast<unsigned char>(t[0])] = true;
            }
        }
    }

    CsvResult run();

private:
    enum class Status { Record, NeedMore, End };

    [[noreturn]] void fail(long long line, int column, const std::string& message) const
    {
        throw CsvError(m_name, line, column, message);
    }

    void open();
    bool fill();
    Status parseRecord();
    bool nextRecord();
    std::string_view text(const FieldRef& f) const
    {
        return f.inScratch ? std::string_view(m_scratch).substr(f.offset, f.length)
                           : std::string_view(m_buf.data() + f.offset, f.length);
    }
    std::string_view cell(std::size_t k) const;
    bool isMissingToken(std::string_view v) const;
    bool blankRecord() const
    {
        return m_fields.size() == 1 && m_fields[0].length == 0 && !m_fields[0].quoted;
    }

    std::string m_path;
    std::string m_name;
    const CsvOptions& m_options;
    const std::function<bool(double)>& m_progress;
    std::unique_ptr<std::FILE, FileCloser> m_file;
    std::uint64_t m_fileSize = 0;
    std::uint64_t m_bytesRead = 0;
    std::vector<char> m_buf;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    bool m_eof = false;
    char m_delimiter = ',';
    long long m_line = 1;       ///< Line where the next record starts.
    long long m_recordLine = 1; ///< Line where the current record started.
    std::vector<FieldRef> m_fields;
    std::string m_scratch;
    std::uint64_t m_missingLengths = 0;
    std::array<bool, 256> m_missingFirst{}; ///< First bytes of the missing tokens.
    bool m_missingEmpty = false;
    std::array<std::uint8_t, 256> m_byteKind{}; ///< 1: ends a field, 2: NUL or non-ASCII.
};

void Reader::open()
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status st = fs::status(m_path, ec);
    if (!fs::exists(st)) {
        fail(0, 0, "the file does not exist; check the name and folder");
    }
    if (fs::is_directory(st)) {
        fail(0, 0, "this is a folder, not a file; choose a CSV or TSV file");
    }
    m_file.reset(std::fopen(m_path.c_str(), "rb"));
    if (!m_file) {
        const std::string reason = std::error_code(errno, std::generic_category()).message();
        fail(0, 0, "the file cannot be opened (" + reason + "); check that you may read it");
    }
    m_fileSize = fs::file_size(m_path, ec);
    if (ec) {
        m_fileSize = 0;
    }
    m_buf.resize(kBlockBytes);
}

bool Reader::fill()
{
    if (m_eof) {
        return false;
    }
    if (m_pos > 0) {
        std::memmove(m_buf.data(), m_buf.data() + m_pos, m_end - m_pos);
        m_end -= m_pos;
        m_pos = 0;
    }
    if (m_buf.size() - m_end < kBlockBytes / 2) {
        m_buf.resize(std::max(m_buf.size() * 2, m_end + kBlockBytes));
    }
    const std::size_t n = std::fread(m_buf.data() + m_end, 1, m_buf.size() - m_end, m_file.get());
    if (std::ferror(m_file.get())) {
        fail(m_line, 0, "the file could not be read to the end (a disk or network error); try again");
    }
    m_end += n;
    m_bytesRead += n;
    if (n == 0 || std::feof(m_file.get())) {
        m_eof = true;
    }
    if (m_progress && m_fileSize > 0) {
        const double fraction =
            std::min(1.0, static_cast<double>(m_bytesRead) / static_cast<double>(m_fileSize));
        if (!m_progress(fraction)) {
            throw CsvCancelled();
        }
    }
    return true;
}

Reader::Status Reader::parseRecord()
{
    const char* const b = m_buf.data();
    const std::size_t end = m_end;
    const char d = m_delimiter;
    const std::size_t maxBytes = m_options.maxFieldBytes;
    std::size_t i = m_pos;
    long long line = m_line;
    if (i == end) {
        return m_eof ? Status::End : Status::NeedMore;
    }
    m_fields.clear();
    m_scratch.clear();
    const auto tooLong = [&](long long at, int column) {
        fail(at, column,
             "a field is longer than " + groupDigits(static_cast<long long>(maxBytes)) +
                 " bytes; the file may have a quote that is never closed, or this is not a table");
    };
    for (;;) {
        FieldRef f;
        f.line = line;
        const int column = static_cast<int>(m_fields.size()) + 1;
        if (b[i] == '"') {
            const long long openLine = line;
            const std::size_t start = ++i;
            std::size_t segment = start;
            bool escaped = false;
            const std::size_t scratchStart = m_scratch.size();
            for (;;) {
                const auto* q = static_cast<const char*>(std::memchr(b + i, '"', end - i));
                if (!q) {
                    if (end - start > maxBytes) {
                        tooLong(openLine, column);
                    }
                    if (m_eof) {
                        fail(openLine, column,
                             "a quoted field opened here is never closed; add the missing '\"' (a quote "
                             "inside a "
                             "quoted field is written as two quotes \"\")");
                    }
                    return Status::NeedMore;
                }
                const auto j = static_cast<std::size_t>(q - b);
                if (j + 1 == end && !m_eof) {
                    return Status::NeedMore;
                }
                if (j + 1 < end && b[j + 1] == '"') {
                    escaped = true;
                    m_scratch.append(b + segment, j + 1 - segment);
                    i = j + 2;
                    segment = i;
                    continue;
                }
                if (escaped) {
                    m_scratch.append(b + segment, j - segment);
                    f.offset = scratchStart;
                    f.length = m_scratch.size() - scratchStart;
                    f.inScratch = true;
                } else {
                    f.offset = start;
                    f.length = j - start;
                }
                line += std::count(b + start, b + j, '\n');
                i = j + 1;
                break;
            }
            f.quoted = true;
            if (f.length > maxBytes) {
                tooLong(openLine, column);
            }
            // Text after the closing quote (not RFC 4180) is kept, appended to the field.
            std::size_t k = i;
            while (k < end && b[k] != d && b[k] != '\n' && b[k] != '\r') {
                ++k;
            }
            if (k == end && !m_eof) {
                return Status::NeedMore;
            }
            if (!trim(std::string_view(b + i, k - i)).empty()) {
                if (!f.inScratch) {
                    const std::size_t off = m_scratch.size();
                    m_scratch.append(b + f.offset, f.length);
                    f.offset = off;
                    f.inScratch = true;
                }
                m_scratch.append(b + i, k - i);
                f.length = m_scratch.size() - f.offset;
            }
            i = k;
        } else {
            const std::size_t start = i;
            bool clean = true;
            while (i < end) {
                const std::uint8_t kind = m_byteKind[static_cast<unsigned char>(b[i])];
                if (kind != 0) {
                    if (kind == 1) {
                        break;
                    }
                    clean = false;
                }
                ++i;
            }
            f.clean = clean;
            if (i - start > maxBytes) {
                tooLong(line, column);
            }
            if (i == end && !m_eof) {
                return Status::NeedMore;
            }
            f.offset = start;
            f.length = i - start;
        }
        m_fields.push_back(f);
        if (i == end) {
            break;
        }
        const char c = b[i];
        if (c == d) {
            ++i;
            if (i == end && !m_eof) {
                return Status::NeedMore;
            }
            if (i == end) {
                m_fields.push_back(FieldRef{end, 0, false, false, true, line});
                break;
            }
            continue;
        }
        if (c == '\r') {
            if (i + 1 == end && !m_eof) {
                return Status::NeedMore;
            }
            ++i;
            if (i < end && b[i] == '\n') {
                ++i;
            }
        } else {
            ++i;
        }
        ++line;
        break;
    }
    m_pos = i;
    m_recordLine = m_line;
    m_line = line;
    return Status::Record;
}

bool Reader::nextRecord()
{
    for (;;) {
        const Status s = parseRecord();
        if (s == Status::Record) {
            return true;
        }
        if (s == Status::End) {
            return false;
        }
        fill();
    }
}

std::string_view Reader::cell(std::size_t k) const
{
    const FieldRef& f = m_fields[k];
    const std::string_view v = text(f);
    if (f.clean) {
        return trim(v);
    }
    if (std::memchr(v.data(), 0, v.size())) {
        fail(f.line, static_cast<int>(k) + 1,
             "the field contains a NUL byte, so the file is binary or damaged; choose a text CSV file");
    }
    unsigned char bits = 0;
    for (const char c : v) {
        bits |= static_cast<unsigned char>(c);
    }
    if ((bits & 0x80) && !validUtf8(v)) {
        fail(f.line, static_cast<int>(k) + 1,
             "the text is not UTF-8; choose the file's encoding (or save it as \"CSV UTF-8\")");
    }
    return f.quoted ? v : trim(v);
}

bool Reader::isMissingToken(std::string_view v) const
{
    if (v.empty()) {
        return m_missingEmpty;
    }
    if (!m_missingFirst[static_cast<unsigned char>(v[0])]) {
        return false;
    }
    if (v.size() < 64 && !(m_missingLengths & (std::uint64_t{1} << v.size()))) {
        return false;
    }
    return std::find(m_options.missingTokens.begin(), m_options.missingTokens.end(), v) !=
           m_options.missingTokens.end();
}

CsvResult Reader::run()
{
    CsvResult result;
    open();
    fill();

    // Encoding and binary checks on the first block.
    const auto* u = reinterpret_cast<const unsigned char*>(m_buf.data());
    result.encoding = "UTF-8";
    if (m_end >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        const std::string which = u[0] == 0xFF ? "UTF-16 LE" : "UTF-16 BE";
        fail(0, 0,
             "the file is encoded as " + which +
                 " (it starts with a UTF-16 byte order mark), which cannot be read yet; save it as "
                 "\"CSV UTF-8\" and import it again");
    }
    if (m_end >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        m_pos = 3;
        result.encoding = "UTF-8 with BOM";
    }
    if (m_pos == m_end) {
        fail(0, 0, "the file is empty; choose a file with a header row and data rows");
    }
    {
        const std::size_t probe = std::min<std::size_t>(m_end, 8192);
        if (const auto* z = static_cast<const char*>(std::memchr(m_buf.data(), 0, probe))) {
            const long long line = 1 + std::count(static_cast<const char*>(m_buf.data()), z, '\n');
            fail(line, 0,
                 "the file contains NUL bytes, so it looks like a binary file (for example a spreadsheet "
                 "or a UTF-16 text without byte order mark), not CSV; export it as \"CSV UTF-8\"");
        }
    }
    const std::string_view sample(m_buf.data() + m_pos, std::min<std::size_t>(m_end - m_pos, 65536));
    m_delimiter = m_options.delimiter != 0 ? m_options.delimiter
                                           : detectDelimiter(sample, m_eof && m_end - m_pos <= 65536);
    result.delimiter = m_delimiter;
    m_byteKind[0] = 2;
    for (int c = 0x80; c < 0x100; ++c) {
        m_byteKind[static_cast<std::size_t>(c)] = 2;
    }
    m_byteKind[static_cast<unsigned char>('\n')] = 1;
    m_byteKind[static_cast<unsigned char>('\r')] = 1;
    m_byteKind[static_cast<unsigned char>(m_delimiter)] = 1;

    // First non-blank record: header or first data row.
    bool any = false;
    while ((any = nextRecord()) && blankRecord()) {
    }
    if (!any) {
        fail(0, 0, "the file is empty (only blank lines); choose a file with a header row and data rows");
    }
    const std::size_t columnCount = m_fields.size();
    const long long firstLine = m_recordLine;
    std::vector<std::string> firstRow;
    firstRow.reserve(columnCount);
    for (std::size_t k = 0; k < columnCount; ++k) {
        firstRow.emplace_back(cell(k));
    }
    bool header = true;
    if (m_options.header) {
        header = *m_options.header;
    } else {
        for (const std::string& v : firstRow) {
            float x = 0.0f;
            bool plain = false;
            bool leadingZero = false;
            if (v.empty() || parseNumber(v, x, plain, leadingZero)) {
                header = false;
            }
        }
    }
    result.header = header;

    std::vector<std::string> names;
    std::vector<ColumnBuilder> builders(columnCount);
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
            const std::string_view v = firstRow[k];
            if (isMissingToken(v)) {
                builders[k].addMissing();
            } else {
                builders[k].add(v);
            }
        }
    }

    const std::string widthName = header ? "the header has " : "the first row has ";
    std::size_t rows = header ? 0 : 1;
    std::size_t skipped = 0;
    while (nextRecord()) {
        if (blankRecord()) {
            continue;
        }
        if (m_fields.size() != columnCount) {
            const std::string message =
                std::to_string(m_fields.size()) + " fields where " + widthName + std::to_string(columnCount);
            if (m_options.ragged == CsvOptions::RaggedRows::Stop) {
                fail(m_recordLine, 0,
                     message + "; fix the row, or choose to skip rows with the wrong number of fields");
            }
            if (++skipped <= kMaxRowWarnings) {
                result.warnings.push_back(
                    {m_recordLine, 0,
                     "line " + groupDigits(m_recordLine) + ": " + message + " \u2014 row skipped"});
            }
            continue;
        }
        for (std::size_t k = 0; k < columnCount; ++k) {
            const std::string_view v = cell(k);
            if (isMissingToken(v)) {
                builders[k].addMissing();
            } else {
                builders[k].add(v);
            }
        }
        ++rows;
    }
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

    std::vector<Column> columns;
    columns.reserve(columnCount);
    for (std::size_t k = 0; k < columnCount; ++k) {
        columns.push_back(builders[k].finish(std::move(names[k]), static_cast<int>(k) + 1, result.warnings));
        builders[k] = ColumnBuilder();
    }
    result.table = Table(std::move(columns), rows);
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

} // namespace neurolift

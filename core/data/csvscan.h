#pragma once

// Splits CSV bytes into records and fields (RFC 4180 quoting). Internal to
// core/data: the reader runs one scanner per chunk of the file.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace neurolift::csv {

/// One field of the current record: a view into the buffer, or into the
/// scanner's scratch text when quotes had to be unescaped.
struct FieldRef {
    std::size_t offset = 0;
    std::size_t length = 0;
    bool inScratch = false; ///< Unescaped copy (the field had doubled quotes).
    bool quoted = false;
    bool clean = false; ///< Unquoted and known to hold no NUL and no byte >= 0x80.
    long long line = 0; ///< Line where the field starts (relative to the scan's first line).
};

/// Where and why a scan stopped on bad input.
struct ScanFailure {
    long long line = 0; ///< Relative to the scan's first line.
    int column = 0;
    std::string message;
};

/// Reads records from a byte range. The range may end in the middle of a
/// record; `next` then reports NeedMore unless the range ends the file.
class RecordScanner {
public:
    enum class Status { Record, NeedMore, End };

    RecordScanner(char delimiter, std::size_t maxFieldBytes);

    /// Scans the record starting at `pos` in `b[0, end)`. On Record, the
    /// fields are in fields(), `pos` is past the record's line end and `line`
    /// is the line after it. Throws ScanFailure on an unterminated quote, an
    /// oversized field or more than kMaxCsvColumns fields.
    Status next(const char* b, std::size_t& pos, std::size_t end, bool eof, long long& line);

    /// The fast path for the common record: exactly `cells.size()` fields,
    /// each unquoted or quoted without doubled quotes or line breaks, all
    /// ASCII, ending in "\n" or "\r\n" inside [pos, end). On success the
    /// cells (unquoted ones trimmed) are in `cells` and `pos` is past the
    /// record; otherwise nothing changes and next() must read the record.
    bool nextSimple(const char* b, std::size_t& pos, std::size_t end,
                    std::vector<std::string_view>& cells) const;

    const std::vector<FieldRef>& fields() const { return m_fields; }
    std::string_view text(const char* b, const FieldRef& f) const
    {
        return f.inScratch ? std::string_view(m_scratch).substr(f.offset, f.length)
                           : std::string_view(b + f.offset, f.length);
    }
    /// A record with a single empty unquoted field (an empty line).
    bool blankRecord() const
    {
        return m_fields.size() == 1 && m_fields[0].length == 0 && !m_fields[0].quoted;
    }

private:
    [[noreturn]] void tooLong(long long line, int column) const;

    char m_delimiter;
    std::size_t m_maxFieldBytes;
    std::vector<FieldRef> m_fields;
    std::string m_scratch;
    std::array<std::uint8_t, 256> m_byteKind{}; ///< 1: ends a field, 2: NUL or non-ASCII.
};

/// Validates a cell: no NUL bytes and valid UTF-8. Returns the cell with
/// surrounding spaces trimmed (quoted cells are kept as written). Throws
/// ScanFailure naming `column`. `endsFile`: the field's last byte is the file's last
/// byte, so a character cut in two there means the file was cut off.
std::string_view checkedCell(std::string_view v, const FieldRef& f, int column, bool endsFile = false);

/// Whether `s` is valid UTF-8 (no overlong forms, no surrogates).
bool validUtf8(std::string_view s);

/// "1,204": a count with thousands separators, for messages.
std::string groupDigits(long long n);

} // namespace neurolift::csv

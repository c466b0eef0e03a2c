#pragma once

#include "data/datetime.h"
#include "data/encoding.h"
#include "data/filestamp.h"
#include "data/table.h"

#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace neurolift {

/// How to read a delimited text file; unset or zero fields are detected.
struct CsvOptions {
    char delimiter = 0;         ///< 0: detect among , ; tab |
    std::optional<bool> header; ///< Unset: detect (first row has no numbers and no blanks).
    /// Cells equal to one of these (after trimming spaces) are missing.
    std::vector<std::string> missingTokens = {"", "NA", "N/A", "null", "NULL", "?", "-"};
    /// What to do with a row whose field count differs from the header's.
    enum class RaggedRows { Skip, Stop } ragged = RaggedRows::Skip;
    std::size_t maxFieldBytes = std::size_t{16} << 20; ///< A longer field is an error.
    std::optional<TextEncoding> encoding;              ///< Unset: detect (see detectEncoding).
    char decimal = 0;                                  ///< 0: detect '.' or ','.
    std::optional<char> thousands; ///< Unset: detect; '\0' = none; else ',', '.', ' ' or '\''.
    /// Decides dates that read either way (03/04/2024); unset: day-first, with a warning.
    std::optional<DateOrder> dateOrder;
    /// Column types chosen by the user, by column name; the others are inferred.
    std::map<std::string, ColumnType, std::less<>> columnTypes;
    /// For date columns among `columnTypes`: the format to read them in (as
    /// found when the model was trained), instead of detecting it.
    std::map<std::string, DateFormat, std::less<>> dateFormats;
    int threads = 0; ///< Parsing threads; 0 = one per core. The table is the same for any count.
    /// Keep only the first this many data rows (0 = all), for a preview: reading
    /// stops after the first block (about 4 MiB) that holds them, and the types
    /// are inferred from all the rows of that block. readCsv only.
    std::size_t maxRows = 0;
};

/// What a warning is about: the reader shows at most kWarningsPerKind of
/// one kind and then a count of the others ("… and 990 more like this").
enum class CsvWarningKind {
    Other,
    EmptyColumn,
    ConstantColumn,
    UnreadableValues,
    AmbiguousDates,
    PostcodeColumn
};

/// How many kinds of warning there are (for tables indexed by kind).
inline constexpr std::size_t kCsvWarningKinds = static_cast<std::size_t>(CsvWarningKind::PostcodeColumn) + 1;

/// At most this many warnings of one kind (other than Other) are kept.
inline constexpr std::size_t kWarningsPerKind = 10;

/// Something the user should know about an import that still succeeded.
struct CsvWarning {
    long long line = 0; ///< 1-based physical line, 0 = whole file.
    int column = 0;     ///< 1-based, 0 = whole row.
    std::string message;
    CsvWarningKind kind = CsvWarningKind::Other;
    /// What the message says, for a window that says it in another language. By kind:
    /// EmptyColumn, ConstantColumn, PostcodeColumn: {column number, name};
    /// AmbiguousDates: {column number, name, example in quotes, "day-first" or "month-first"}.
    /// Empty for the other kinds, whose message is the only form.
    std::vector<std::string> args = {};
};

struct CsvResult {
    Table table;
    char delimiter = ',';
    bool header = true;
    TextEncoding encoding = TextEncoding::Utf8;
    bool bom = false; ///< The file starts with a byte order mark.
    char decimal = '.';
    char thousands = 0;                   ///< 0 = none.
    std::vector<std::string> columnNames; ///< In file order (also when streaming).
    std::vector<CsvWarning> warnings;
    FileStamp source; ///< The file as it was read (see checkSourceUnchanged).
};

/// Most fields on one line (columns of a table).
inline constexpr std::size_t kMaxCsvColumns = 10'000;
/// Longest header row, in bytes (after conversion to UTF-8).
inline constexpr std::size_t kMaxHeaderBytes = std::size_t{1} << 20;
/// Percentage of a column's present values that must be numbers (or dates)
/// for the column to be numeric (a date column) with the others read as
/// missing: one odd value in a hundred is a typo; more mean the column is text.
inline constexpr int kNumericPercent = 99;

/// A file that cannot be imported. what() is the full user-readable message,
/// including the location.
class CsvError : public std::runtime_error {
public:
    CsvError(std::string file, long long line, int column, const std::string& message);

    const std::string& file() const { return m_file; }
    long long line() const { return m_line; } ///< 1-based, 0 = whole file.
    int column() const { return m_column; }   ///< 1-based, 0 = whole row.

private:
    std::string m_file;
    long long m_line;
    int m_column;
};

/// Thrown by readCsv when the progress callback returned false.
class CsvCancelled : public std::exception {
public:
    const char* what() const noexcept override { return "import cancelled"; }
};

/// Reads a CSV/TSV file (RFC 4180, UTF-8) into a typed table. `progress` gets
/// the fraction of the file read, ending with 1.0; returning false cancels and
/// throws CsvCancelled. Throws CsvError on input that cannot be imported, and
/// when the file changed (size, modification time or inode) while it was read.
///
/// Limits: a line has at most kMaxCsvColumns fields, and a header row (unless
/// `header` is false) at most kMaxHeaderBytes; a longer one is an error. An
/// unnamed last column that is empty on every row (every line ends with the
/// delimiter) is dropped, with a warning. Warnings of one kind past
/// kWarningsPerKind are counted in one last warning of that kind.
///
/// Type inference, per column, on values with surrounding spaces trimmed:
/// - all values numbers: Boolean if only 0/1; Identifier if plain integers,
///   none missing and all distinct; otherwise Numeric;
/// - at least kNumericPercent % of the present values numbers (none with a leading
///   zero, and not an identifier column of distinct integers): as above, the
///   others read as missing, with one warning naming the first and its line;
/// - likewise dates: at least kNumericPercent % of the values valid dates of one
///   format (so one "2024-02-30" is missing, not the end of the date column);
/// - numbers with leading zeros ("00123") are kept as strings, and so are whole
///   numbers in a column named like a postcode (see namesAPostcode), with a warning;
/// - only yes/no, true/false, y/n or 1/0 (any case): Boolean (1 = yes);
/// - all distinct, none missing: Identifier;
/// - at most max(50, 5% of rows) distinct values: Categorical;
/// - otherwise Text.
/// Columns that are all missing or constant produce a warning.
/// Whether a column's name says it holds postcodes ("zip", "ZipCode", "postal_code",
/// "Postcode", "PLZ"): numbers that name a place, not amounts.
bool namesAPostcode(std::string_view name);

CsvResult readCsv(const std::string& path, const CsvOptions& options = {},
                  const std::function<bool(double fraction)>& progress = {});

/// Reads a file of any size in batches of about `batchRows` rows, handing
/// each batch to `sink` in file order. Every column of a batch is Text and
/// holds the cells exactly as written (quotes removed, spaces around unquoted
/// cells trimmed, missing markers not applied), so rows can be written back
/// unchanged; retypeColumn() reads a column as a chosen type. `layout`
/// describes the file (encoding, delimiter, number format, column names); the
/// returned result is the same, with the warnings (its table holds no columns). Errors, warnings,
/// progress and cancelling are as for readCsv.
CsvResult streamCsv(const std::string& path, const CsvOptions& options, std::size_t batchRows,
                    const std::function<void(const Table& batch, const CsvResult& layout)>& sink,
                    const std::function<bool(double fraction)>& progress = {});

/// Throws CsvError when the file at `path` is no longer the one `result` was
/// read from (for a caller that reads it again, e.g. to hash it).
void checkSourceUnchanged(const std::string& path, const CsvResult& result);

/// A raw text column read as a chosen type.
struct RetypedColumn {
    Column column;
    std::size_t unreadable = 0; ///< Values that do not fit the type, read as missing.
    std::string example;        ///< The first of them.
};

/// Reads `raw` (a Text column from streamCsv) as `type`, exactly as readCsv
/// reads a column whose type the user chose: with the file's number format
/// (`layout`), the missing markers and date formats of `options`.
RetypedColumn retypeColumn(const Column& raw, ColumnType type, const CsvOptions& options,
                           const CsvResult& layout);

} // namespace neurolift

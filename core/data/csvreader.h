#pragma once

#include "data/table.h"

#include <cstddef>
#include <exception>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
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
};

/// Something the user should know about an import that still succeeded.
struct CsvWarning {
    long long line = 0; ///< 1-based physical line, 0 = whole file.
    int column = 0;     ///< 1-based, 0 = whole row.
    std::string message;
};

struct CsvResult {
    Table table;
    char delimiter = ',';
    bool header = true;
    std::string encoding; ///< "UTF-8" or "UTF-8 with BOM".
    std::vector<CsvWarning> warnings;
};

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
/// throws CsvCancelled. Throws CsvError on input that cannot be imported.
///
/// Type inference, per column, on values with surrounding spaces trimmed:
/// - all values numbers: Boolean if only 0/1; Identifier if plain integers,
///   none missing and all distinct; otherwise Numeric;
/// - numbers with leading zeros ("00123") are kept as strings;
/// - only yes/no, true/false, y/n or 1/0 (any case): Boolean (1 = yes);
/// - all distinct, none missing: Identifier;
/// - at most max(50, 5% of rows) distinct values: Categorical;
/// - otherwise Text.
/// Columns that are all missing or constant produce a warning.
CsvResult readCsv(const std::string& path, const CsvOptions& options = {},
                  const std::function<bool(double fraction)>& progress = {});

} // namespace neurolift

#pragma once

// Builds one typed Column from a column's fields as the CSV reader meets them,
// then infers its type (see readCsv). Internal to core/data.

#include "data/csvfields.h"
#include "data/csvreader.h"
#include "data/rowlines.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace neurolift::csv {

// Integers above this do not survive a double exactly; such columns keep their text.
inline constexpr double kExactIntLimit = 9007199254740992.0;
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A value quoted for a message, cut after 40 bytes.
inline std::string quoteExample(const std::string& v)
{
    return "\"" + (v.size() > 40 ? v.substr(0, 40) + "\u2026" : v) + "\"";
}

/// Collects one column's values: as numbers while every value is one, then as
/// dictionary-encoded strings. The reader gives each chunk of the file its
/// own builder and appends the chunks' builders, in file order, to the
/// column's main builder; the result is the same as reading in one pass.
class ColumnBuilder {
public:
    ColumnBuilder() = default;
    /// A builder for the next chunk of this column: same number format and
    /// the same mode (numbers or strings).
    ColumnBuilder forChunk() const;
    /// Empties this chunk builder for the next batch, keeping its memory, with
    /// `main`'s format and mode.
    void resetForChunk(const ColumnBuilder& main);

    void setFormat(const NumberFormat& format) { m_format = format; }
    void setForcedType(ColumnType type);
    /// Dates are in this format (not detected).
    void setDateFormat(const DateFormat& format) { m_dateFormat = format; }
    /// After finish() with a forced type: values that did not fit, and the first of them.
    std::size_t unreadable() const { return m_unreadable; }
    const std::string& unreadableExample() const { return m_unreadableExample; }
    void reserve(std::size_t rows);

    void addMissing()
    {
        if (m_strings) {
            m_codes.push_back(-1);
        } else {
            m_values.push_back(kNaN);
            m_missing.push_back(1);
        }
        ++m_rows;
    }

    void add(std::string_view v)
    {
        ++m_present;
        if (!m_strings) {
            double x = 0.0;
            bool plain = false;
            bool leadingZero = false;
            if (m_format.decimal == '.' && m_format.group == 0 && quickDecimal(v, x, plain)) {
                m_values.push_back(x);
                m_missing.push_back(0);
                m_allPlainInt = m_allPlainInt && plain;
                ++m_rows;
                return;
            }
            if (parseNumber(v, m_format, x, plain, leadingZero) && !leadingZero &&
                !(plain && std::fabs(x) > kExactIntLimit)) {
                m_values.push_back(x);
                m_missing.push_back(0);
                m_allPlainInt = m_allPlainInt && plain;
                ++m_rows;
                return;
            }
            switchToStrings();
        }
        m_codes.push_back(intern(v));
        ++m_rows;
    }

    /// Appends the rows of `chunk` (built by forChunk()) after this builder's.
    void append(ColumnBuilder&& chunk);

    std::size_t rows() const { return m_rows; }
    /// Values added that were not missing.
    std::size_t present() const { return m_present; }

    /// The typed column; adds warnings for all-missing and constant columns
    /// and for values a forced type could not read. `lines`, when given,
    /// says on which line each row starts, for the warnings.
    Column finish(std::string name, int columnNumber, const CsvOptions& options,
                  std::vector<CsvWarning>& warnings, const RowLines* lines = nullptr);

private:
    std::int32_t intern(std::string_view v);
    void switchToStrings();
    void finishNumbers(Column& c, bool plainInts, bool identifierAllowed);
    void finishStrings(Column& c, const CsvOptions& options, std::vector<CsvWarning>& warnings,
                       const std::string& label, int columnNumber, const RowLines* lines, bool codes = false);
    // In columnrescue.cpp: a column of numbers (dates) but for a few odd
    // values (see kNumericPercent); false when it is not one.
    bool finishAsNumbers(Column& c, std::vector<CsvWarning>& warnings, const std::string& label,
                         int columnNumber, bool unique, const RowLines* lines);
    bool finishMostlyDates(Column& c, const CsvOptions& options, std::vector<CsvWarning>& warnings,
                           const std::string& label, int columnNumber, const RowLines* lines);
    /// The first row holding one of the levels flagged in `levels`, and how many rows do.
    std::pair<std::size_t, std::size_t> findLevels(const std::vector<std::uint8_t>& levels) const;
    void finishForced(Column& c, const CsvOptions& options, std::vector<CsvWarning>& warnings,
                      const std::string& label);
    void toStrings(Column& c, ColumnType type);
    /// Values and missing flags of `c` from one value per level (NaN: the
    /// level is not readable); returns how many present cells were not.
    std::size_t valuesFromLevels(Column& c, const std::vector<double>& levelValues) const;

    NumberFormat m_format;
    std::optional<ColumnType> m_forced;
    std::optional<DateFormat> m_dateFormat;
    std::size_t m_unreadable = 0;
    std::string m_unreadableExample;
    bool m_strings = false;
    bool m_allPlainInt = true;
    bool m_constant = false;
    std::size_t m_rows = 0;
    std::size_t m_present = 0;
    std::vector<double> m_values;
    std::vector<std::uint8_t> m_missing;
    std::vector<std::int32_t> m_codes;
    std::vector<std::string> m_levels;
    /// Open-addressing index of m_levels: codes, -1 = empty slot; size a power of two.
    std::vector<std::int32_t> m_slots;
    std::vector<std::uint64_t> m_levelHashes; ///< Hash of each level, to skip most string compares.
};

} // namespace neurolift::csv

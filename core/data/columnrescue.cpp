// Columns of numbers or dates with a few odd values among them ("1_000",
// "0x1A", "2024-02-30"): read as numbers (dates), the odd values as missing
// and named in one warning, rather than the whole column turning into
// categories or an identifier without a word (issue 17).
#include "data/columnbuilder.h"

#include "data/csvscan.h"
#include "data/datetime.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <tuple>

namespace neurolift::csv {

namespace {

/// "NaN", "inf", "-Infinity", "1e999": written as a number, but not one a model can use.
bool nonFiniteNumeral(std::string_view s)
{
    if (!s.empty() && s.front() == '+') {
        s.remove_prefix(1);
    }
    double v = 0.0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ptr != s.data() + s.size()) {
        return false;
    }
    return ec == std::errc::result_out_of_range || (ec == std::errc{} && !std::isfinite(v));
}

/// Whether `odd` of `present` values are few enough for the column to keep its type.
bool fewEnough(std::size_t odd, std::size_t present)
{
    return odd * 100 <= present * static_cast<std::size_t>(100 - kNumericPercent);
}

/// `label` + "3 values are not numbers (for example "1_000" on line 17) and are read as missing".
CsvWarning oddValuesWarning(const std::string& label, std::size_t count, const std::string& example,
                            long long line, int columnNumber, const char* one, const char* many)
{
    const bool single = count == 1;
    const std::string where = line > 0 ? " on line " + groupDigits(line) : std::string();
    return {line, columnNumber,
            label + groupDigits(static_cast<long long>(count)) +
                (single ? " value is not " : " values are not ") + (single ? one : many) + " (for example " +
                quoteExample(example) + where + ") and " + (single ? "is" : "are") + " read as missing",
            CsvWarningKind::UnreadableValues};
}

} // namespace

std::pair<std::size_t, std::size_t> ColumnBuilder::findLevels(const std::vector<std::uint8_t>& levels) const
{
    std::size_t first = std::numeric_limits<std::size_t>::max();
    std::size_t count = 0;
    for (std::size_t i = 0; i < m_codes.size(); ++i) {
        const std::int32_t code = m_codes[i];
        if (code >= 0 && levels[static_cast<std::size_t>(code)]) {
            first = std::min(first, i);
            ++count;
        }
    }
    return {first, count};
}

bool ColumnBuilder::finishAsNumbers(Column& c, std::vector<CsvWarning>& warnings, const std::string& label,
                                    int columnNumber, bool unique, const RowLines* lines)
{
    const std::size_t levelCount = m_levels.size();
    // Each odd level is at least one value: past this many the column is not numeric.
    const std::size_t maxOddLevels = m_present * static_cast<std::size_t>(100 - kNumericPercent) / 100;
    std::vector<double> levelValues(levelCount);
    std::vector<std::uint8_t> odd;
    bool plainInts = true;
    std::size_t finiteLevels = 0;
    std::size_t oddLevels = 0;
    std::size_t nonFiniteLevel = levelCount;
    for (std::size_t l = 0; l < levelCount; ++l) {
        bool plain = false;
        bool leadingZero = false;
        if (parseNumber(m_levels[l], m_format, levelValues[l], plain, leadingZero)) {
            if (leadingZero) {
                return false; // "00123": codes, kept as written
            }
            plainInts = plainInts && plain;
            ++finiteLevels;
        } else if (nonFiniteNumeral(m_levels[l])) {
            levelValues[l] = kNaN;
            nonFiniteLevel = std::min(nonFiniteLevel, l);
        } else {
            if (++oddLevels > maxOddLevels) {
                return false;
            }
            levelValues[l] = kNaN;
            odd.resize(levelCount);
            odd[l] = 1;
        }
    }
    // Distinct whole numbers (and distinct odd values, none missing) are an identifier.
    if (finiteLevels == 0 || (plainInts && unique)) {
        return false;
    }
    std::size_t oddCount = 0;
    std::size_t oddRow = 0;
    if (oddLevels > 0) {
        std::tie(oddRow, oddCount) = findLevels(odd);
        if (!fewEnough(oddCount, m_present)) {
            return false;
        }
    }
    const std::size_t bad = valuesFromLevels(c, levelValues);
    m_present -= bad;
    m_constant = finiteLevels == 1;
    if (bad > oddCount) {
        // Numbers written as NaN, Inf or beyond a double's range (1e999) are
        // read as missing, with a warning, rather than turning the column into text.
        const std::size_t n = bad - oddCount;
        warnings.push_back(
            {0, 0,
             label + groupDigits(static_cast<long long>(n)) + (n == 1 ? " value is" : " values are") +
                 " not a finite number (for example " + quoteExample(m_levels[nonFiniteLevel]) + ") and " +
                 (n == 1 ? "is" : "are") + " read as missing",
             CsvWarningKind::UnreadableValues});
    }
    if (oddCount > 0) {
        const auto example = static_cast<std::size_t>(m_codes[oddRow]);
        warnings.push_back(oddValuesWarning(label, oddCount, m_levels[example],
                                            lines ? lines->lineOf(oddRow) : 0, columnNumber, "a number",
                                            "numbers"));
    }
    finishNumbers(c, false, false);
    return true;
}

bool ColumnBuilder::finishMostlyDates(Column& c, const CsvOptions& options, std::vector<CsvWarning>& warnings,
                                      const std::string& label, int columnNumber, const RowLines* lines)
{
    const std::size_t levelCount = m_levels.size();
    const std::size_t maxOddLevels = m_present * static_cast<std::size_t>(100 - kNumericPercent) / 100;
    if (levelCount < 2 || maxOddLevels == 0) {
        return false;
    }
    // The format in which the most levels read (a time of day allowed), if
    // only a few do not; the detection on those levels then decides it.
    const DateOrder preferred = options.dateOrder.value_or(DateOrder::DayMonthYear);
    const std::array<DateOrder, 3> orders = {DateOrder::YearMonthDay, preferred,
                                             preferred == DateOrder::DayMonthYear ? DateOrder::MonthDayYear
                                                                                  : DateOrder::DayMonthYear};
    std::optional<DateFormat> best;
    std::size_t bestOdd = maxOddLevels + 1;
    for (const DateOrder order : orders) {
        for (const char separator : {'-', '/', '.'}) {
            const DateFormat candidate{order, separator, true};
            std::size_t failed = 0;
            for (std::size_t l = 0; l < levelCount && failed < bestOdd; ++l) {
                failed += parseDate(m_levels[l], candidate) ? 0 : 1;
            }
            if (failed < bestOdd) {
                best = candidate;
                bestOdd = failed;
            }
        }
    }
    if (!best || bestOdd == 0) {
        return false; // no format, or every value reads: detectDateFormat said no for another reason
    }
    std::vector<std::string> good;
    std::vector<std::uint8_t> odd(levelCount);
    for (std::size_t l = 0; l < levelCount; ++l) {
        if (parseDate(m_levels[l], *best)) {
            good.push_back(m_levels[l]);
        } else {
            odd[l] = 1;
        }
    }
    const std::optional<DateDetection> detected = detectDateFormat(good, preferred);
    const auto [oddRow, oddCount] = findLevels(odd);
    if (!detected || !fewEnough(oddCount, m_present)) {
        return false;
    }
    c.type = ColumnType::Date;
    c.dateFormat = detected->format;
    std::vector<double> days(levelCount);
    for (std::size_t l = 0; l < levelCount; ++l) {
        days[l] = odd[l] ? kNaN : parseDate(m_levels[l], detected->format).value_or(kNaN);
    }
    m_present -= valuesFromLevels(c, days);
    m_constant = good.size() == 1;
    const auto example = static_cast<std::size_t>(m_codes[oddRow]);
    warnings.push_back(oddValuesWarning(label, oddCount, m_levels[example], lines ? lines->lineOf(oddRow) : 0,
                                        columnNumber, "a valid date", "valid dates"));
    if (detected->ambiguous && !options.dateOrder) {
        warnings.push_back({0,
                            0,
                            label + "dates such as " + quoteExample(good.front()) +
                                " could be day-first or month-first; read as " +
                                (preferred == DateOrder::DayMonthYear ? "day-first" : "month-first") +
                                " (choose the date order if that is wrong)",
                            CsvWarningKind::AmbiguousDates,
                            {std::to_string(columnNumber), c.name, quoteExample(good.front()),
                             preferred == DateOrder::DayMonthYear ? "day-first" : "month-first"}});
    }
    return true;
}

} // namespace neurolift::csv

#pragma once

// Field-level helpers of the CSV reader: trimming, number parsing and
// formatting, yes/no words. Internal to core/data.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace neurolift::csv {

/// How numbers are written in a file: "1,234.5" is {'.', ','}, "1.234,5" is {',', '.'}.
struct NumberFormat {
    char decimal = '.';
    char group = 0; ///< Thousands separator; 0 = none.

    bool operator==(const NumberFormat&) const = default;
};

/// The field without surrounding spaces and tabs.
inline std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}
inline bool isDigit(char c)
{
    return static_cast<unsigned char>(c - '0') < 10;
}
/// Parses a whole field as a number, correctly rounded. `plainInt`: only an
/// optional '-' and digits (and group separators); `leadingZero`: a zero
/// followed by another digit ("00123"). Group separators must stand between
/// groups of three digits in the integer part ("1,234,567" but not "12,34").
bool parseNumber(std::string_view s, const NumberFormat& format, double& out, bool& plainInt,
                 bool& leadingZero);
/// The common case of parseNumber for a '.'-decimal file, inlined: an
/// optional '-', up to 15 digits with an optional '.' among them, nothing
/// else, and no leading zero before another digit. Exact: the digits as an
/// integer below 2^53 divided by a power of ten that is itself exact.
/// Returns false (without guessing) for anything else.
inline bool quickDecimal(std::string_view s, double& out, bool& plainInt)
{
    static constexpr double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const char* p = s.data();
    const char* const e = p + s.size();
    const bool negative = p != e && *p == '-';
    p += negative ? 1 : 0;
    if (p == e || (*p == '0' && e - p > 1 && isDigit(p[1]))) {
        return false;
    }
    std::uint64_t m = 0;
    int digits = 0;
    int fraction = -1; // digits after the '.', -1: no '.'
    for (; p != e; ++p) {
        const char c = *p;
        if (isDigit(c)) {
            m = m * 10 + static_cast<std::uint64_t>(c - '0');
            ++digits;
            fraction += fraction >= 0 ? 1 : 0;
        } else if (c == '.' && fraction < 0) {
            fraction = 0;
        } else {
            return false;
        }
    }
    if (digits == 0 || digits > 15) {
        return false;
    }
    const double v = fraction > 0 ? static_cast<double>(m) / kPow10[fraction] : static_cast<double>(m);
    out = negative ? -v : v;
    plainInt = fraction < 0;
    return true;
}

/// Shortest text that reads back as `v` (as an integer when `asInteger`).
std::string formatNumber(double v, bool asInteger);
std::string lower(std::string_view s);
/// 1 for a yes-word, 0 for a no-word, -1 otherwise; `family` says which pair
/// (yes/no, true/false, y/n, 1/0) the word belongs to.
int booleanWord(std::string_view s, int& family);

} // namespace neurolift::csv

namespace neurolift::csv {

/// The number format most consistent with `samples` (cells of the first rows):
/// "3,5" or "1.234,5" mean a decimal comma, "1,234,567" or "1,234.5" a
/// thousands comma, and so on. "1,234" alone reads as a decimal comma in a
/// semicolon-separated file (as Excel writes them in Europe), else as 1234.
NumberFormat detectNumberFormat(const std::vector<std::string>& samples, char delimiter);

} // namespace neurolift::csv

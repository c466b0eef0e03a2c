#include "data/csvfields.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <system_error>

namespace neurolift::csv {

namespace {

/// Parses digits with optional group separators between groups of three.
/// Returns the end of the integer part, or nullptr if the grouping is wrong.
const char* scanIntegerPart(const char* p, const char* e, char group, std::uint64_t& mantissa, int& digits,
                            int& dropped)
{
    if (group == 0) {
        // The common case: plain digits.
        for (; p != e && isDigit(*p); ++p) {
            if (digits < 19) {
                mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p - '0');
                digits += mantissa != 0 ? 1 : 0;
            } else {
                ++dropped;
            }
        }
        return p;
    }
    int run = 0;
    bool grouped = false;
    for (; p != e; ++p) {
        const char c = *p;
        if (isDigit(c)) {
            if (digits < 19) {
                mantissa = mantissa * 10 + static_cast<std::uint64_t>(c - '0');
                digits += mantissa != 0 ? 1 : 0;
            } else {
                ++dropped;
            }
            ++run;
        } else if (c == group && group != 0) {
            if (run == 0 || run > 3 || (grouped && run != 3)) {
                return nullptr;
            }
            grouped = true;
            run = 0;
        } else {
            break;
        }
    }
    if (grouped && run != 3) {
        return nullptr;
    }
    return p;
}

} // namespace

bool parseNumber(std::string_view s, const NumberFormat& format, double& out, bool& plainInt,
                 bool& leadingZero)
{
    if (s.empty()) {
        return false;
    }
    const char* p = s.data();
    const char* const e = p + s.size();
    const bool plus = *p == '+';
    if (plus) {
        ++p;
    }
    const char* q = p;
    const bool negative = q != e && *q == '-' && !plus;
    if (negative) {
        ++q;
    }
    if (q == e || !(isDigit(*q) || *q == format.decimal)) {
        return false; // rejects "inf", "nan" and the like
    }
    plainInt = !plus;
    leadingZero = e - q >= 2 && q[0] == '0' && isDigit(q[1]);

    // Mantissa digits (up to 19 significant ones) and a power of ten.
    std::uint64_t mantissa = 0;
    int digits = 0;
    int dropped = 0;
    const char* r = scanIntegerPart(q, e, format.group, mantissa, digits, dropped);
    if (r == nullptr) {
        return false;
    }
    const bool intDigits = r != q;
    int exp10 = dropped;
    bool fraction = false;
    bool anyDigit = intDigits;
    if (r != e && *r == format.decimal) {
        fraction = true;
        ++r;
        for (; r != e && isDigit(*r); ++r) {
            anyDigit = true;
            if (digits < 19) {
                mantissa = mantissa * 10 + static_cast<std::uint64_t>(*r - '0');
                digits += mantissa != 0 ? 1 : 0;
                --exp10;
            }
        }
    }
    if (!anyDigit) {
        return false;
    }
    if (r != e && (*r == 'e' || *r == 'E')) {
        ++r;
        const bool negExp = r != e && *r == '-';
        if (r != e && (*r == '-' || *r == '+')) {
            ++r;
        }
        int value = 0;
        int expDigits = 0;
        for (; r != e && isDigit(*r); ++r, ++expDigits) {
            value = std::min(value * 10 + (*r - '0'), 100000);
        }
        if (expDigits == 0) {
            return false;
        }
        exp10 += negExp ? -value : value;
        plainInt = false;
    }
    if (r != e) {
        return false;
    }
    plainInt = plainInt && !fraction;

    // Fast path (Clinger): a mantissa and a power of ten that are both exact
    // in double give a correctly rounded result from one multiply or divide.
    static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (dropped == 0 && mantissa <= (std::uint64_t{1} << 53) && exp10 >= -22 && exp10 <= 22) {
        const auto m = static_cast<double>(mantissa);
        const double v = exp10 >= 0 ? m * kPow10[exp10] : m / kPow10[-exp10];
        out = negative ? -v : v;
        return true;
    }

    // Slow path: from_chars (correctly rounded) on the text with the group
    // separators removed and a '.' decimal point.
    const char* from = p;
    const char* to = e;
    std::string normal;
    if (format.group != 0 || format.decimal != '.') {
        normal.reserve(s.size());
        for (const char* c = p; c != e; ++c) {
            if (*c == format.group) {
                continue;
            }
            normal += *c == format.decimal ? '.' : *c;
        }
        from = normal.data();
        to = from + normal.size();
    }
    const auto [ptr, ec] = std::from_chars(from, to, out);
    // Beyond double's range (1e400, 1e-400) is not a usable number either.
    return ptr == to && ec == std::errc{};
}

std::string formatNumber(double v, bool asInteger)
{
    char buf[64];
    const auto r = asInteger ? std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v))
                             : std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

/// 1 = true word, 0 = false word, -1 = not a boolean word; `family` says which pair.
int booleanWord(std::string_view s, int& family)
{
    static constexpr std::string_view kTrue[] = {"yes", "true", "y", "1"};
    static constexpr std::string_view kFalse[] = {"no", "false", "n", "0"};
    const std::string l = lower(s);
    for (int f = 0; f < 4; ++f) {
        if (l == kTrue[f] || l == kFalse[f]) {
            family = f;
            return l == kTrue[f] ? 1 : 0;
        }
    }
    return -1;
}

} // namespace neurolift::csv

namespace neurolift::csv {

namespace {

/// Shape of a number-like cell: digit runs and the single separator kind between them.
struct NumberShape {
    std::vector<int> runs;  ///< Lengths of the digit runs.
    std::vector<char> seps; ///< Separator after each run but the last.
};

bool shapeOf(std::string_view s, NumberShape& shape)
{
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        s.remove_prefix(1);
    }
    if (s.empty() || !isDigit(s.front()) || !isDigit(s.back())) {
        return false;
    }
    int run = 0;
    for (const char c : s) {
        if (isDigit(c)) {
            ++run;
        } else if (c == '.' || c == ',' || c == ' ' || c == '\'') {
            if (run == 0) {
                return false;
            }
            shape.runs.push_back(run);
            shape.seps.push_back(c);
            run = 0;
        } else {
            return false;
        }
    }
    shape.runs.push_back(run);
    return true;
}

/// Whether runs[0..n) with separator `sep` form thousands groups: 1-3 digits, then threes.
bool grouped(const NumberShape& s, std::size_t n, char sep)
{
    if (n < 2 || s.runs[0] > 3) {
        return false;
    }
    for (std::size_t i = 1; i < n; ++i) {
        if (s.runs[i] != 3 || s.seps[i - 1] != sep) {
            return false;
        }
    }
    return true;
}

} // namespace

NumberFormat detectNumberFormat(const std::vector<std::string>& samples, char delimiter)
{
    int dotDecimal = 0;     // "3.5", "1234.56": a dot that cannot be grouping
    int commaDecimal = 0;   // "3,5", "1234,56"
    int ambiguousDot = 0;   // "1.234"
    int ambiguousComma = 0; // "1,234"
    int groups[4] = {};     // by separator: ',', '.', ' ', '\''
    const auto groupIndex = [](char c) { return c == ',' ? 0 : c == '.' ? 1 : c == ' ' ? 2 : 3; };
    for (const std::string& v : samples) {
        NumberShape s;
        if (!shapeOf(v, s) || s.seps.empty()) {
            continue;
        }
        const std::size_t n = s.runs.size();
        if (n == 2) {
            const char sep = s.seps[0];
            if (sep != '.' && sep != ',') {
                if (grouped(s, 2, sep)) {
                    ++groups[groupIndex(sep)];
                }
                continue;
            }
            const bool couldGroup = s.runs[0] <= 3 && s.runs[1] == 3;
            if (couldGroup) {
                ++(sep == '.' ? ambiguousDot : ambiguousComma);
            } else {
                ++(sep == '.' ? dotDecimal : commaDecimal);
            }
            continue;
        }
        // Three or more runs: groups, perhaps followed by a decimal part.
        const char last = s.seps.back();
        const char first = s.seps.front();
        if (grouped(s, n, first)) {
            ++groups[groupIndex(first)];
            continue;
        }
        if (last != first && (last == '.' || last == ',') && grouped(s, n - 1, first)) {
            ++groups[groupIndex(first)];
            ++(last == '.' ? dotDecimal : commaDecimal);
        }
    }
    NumberFormat f;
    const bool commaIsDecimal =
        dotDecimal == 0 && groups[0] == 0 &&
        (commaDecimal > 0 || groups[1] > 0 || (ambiguousComma > 0 && delimiter == ';'));
    if (commaIsDecimal) {
        f.decimal = ',';
        if (groups[1] > 0 || ambiguousDot > 0) {
            f.group = '.';
        } else if (groups[2] > 0) {
            f.group = ' ';
        } else if (groups[3] > 0) {
            f.group = '\'';
        }
        return f;
    }
    if (commaDecimal == 0 && (groups[0] > 0 || ambiguousComma > 0)) {
        f.group = ',';
    } else if (groups[2] > 0) {
        f.group = ' ';
    } else if (groups[3] > 0) {
        f.group = '\'';
    }
    return f;
}

} // namespace neurolift::csv

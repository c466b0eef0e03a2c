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

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// Parses a whole field as a number. `plainInt`: only an optional '-' and
/// digits; `leadingZero`: a zero followed by another digit ("00123").
bool parseNumber(std::string_view s, float& out, bool& plainInt, bool& leadingZero)
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
    if (q != e && *q == '-' && !plus) {
        ++q;
    }
    if (q == e || !(isDigit(*q) || *q == '.')) {
        return false; // rejects "inf", "nan" and the like
    }
    plainInt = !plus;
    leadingZero = e - q >= 2 && q[0] == '0' && isDigit(q[1]);

    // Fast path (Clinger): a mantissa and a power of ten that are both exact
    // in float give a correctly rounded result from one multiply or divide.
    static constexpr float kPow10[] = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};
    std::uint64_t mantissa = 0;
    int digits = 0;
    int exp10 = 0;
    bool dot = false;
    const char* r = q;
    for (; r != e; ++r) {
        const char c = *r;
        if (isDigit(c)) {
            mantissa = mantissa * 10 + static_cast<std::uint64_t>(c - '0');
            ++digits;
            exp10 -= dot ? 1 : 0;
        } else if (c == '.' && !dot) {
            dot = true;
        } else {
            break;
        }
    }
    bool simple = digits > 0 && digits <= 18;
    if (simple && r != e && (*r == 'e' || *r == 'E')) {
        ++r;
        const bool negative = r != e && *r == '-';
        if (r != e && (*r == '-' || *r == '+')) {
            ++r;
        }
        int value = 0;
        int expDigits = 0;
        for (; r != e && isDigit(*r) && expDigits < 4; ++r, ++expDigits) {
            value = value * 10 + (*r - '0');
        }
        simple = expDigits > 0;
        exp10 += negative ? -value : value;
        plainInt = false;
    }
    plainInt = plainInt && !dot;
    if (simple && r == e && mantissa <= (std::uint64_t{1} << 24) && exp10 >= -10 && exp10 <= 10) {
        const auto m = static_cast<float>(mantissa);
        const float v = exp10 >= 0 ? m * kPow10[exp10] : m / kPow10[-exp10];
        out = q != p ? -v : v;
        return true;
    }

    const auto [ptr, ec] = std::from_chars(p, e, out);
    if (ec != std::errc{} || ptr != e) {
        return false;
    }
    return true;
}

std::string formatNumber(float v, bool asInteger)
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

#include "data/datetime.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace neurolift {

namespace {

constexpr double kSecondsPerDay = 86400.0;
/// Day numbers beyond this (about 2.7 million years) are not dates; keeps the
/// conversions to integers defined.
constexpr double kMaxDays = 1e9;

/// A value split into its parts before the order of day and month is known.
struct DateParts {
    int year = 0;
    unsigned first = 0;  ///< Month when `yearFirst`, else the first part.
    unsigned second = 0; ///< Day when `yearFirst`, else the second part.
    bool yearFirst = false;
    char separator = 0;
    bool hasTime = false;
    double seconds = 0.0; ///< Since midnight in UTC: may fall outside [0, 86400) after an offset.
};

/// Walks a value left to right; every read fails without moving past the end.
class Cursor {
public:
    explicit Cursor(std::string_view s)
        : m_p(s.data())
        , m_end(s.data() + s.size())
    {
    }

    bool atEnd() const { return m_p == m_end; }
    char peek() const { return m_p != m_end ? *m_p : '\0'; }
    bool skip(char c)
    {
        if (m_p != m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }
    /// Reads `minDigits` to `maxDigits` digits; with `whole`, a further digit
    /// right after them is an error (the field is longer than allowed).
    bool number(int minDigits, int maxDigits, unsigned& out, bool whole = true, int* count = nullptr)
    {
        const char* const start = m_p;
        unsigned v = 0;
        while (m_p != m_end && isDigit(*m_p) && m_p - start < maxDigits) {
            v = v * 10 + static_cast<unsigned>(*m_p - '0');
            ++m_p;
        }
        const auto n = static_cast<int>(m_p - start);
        if (n < minDigits || (whole && m_p != m_end && isDigit(*m_p))) {
            return false;
        }
        if (count) {
            *count = n;
        }
        out = v;
        return true;
    }

private:
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    const char* m_p;
    const char* m_end;
};

bool isDateSeparator(char c)
{
    return c == '-' || c == '/' || c == '.';
}

/// "yyyy-m-d" or "d-m-yyyy" with one separator; the year must not start with 0.
bool lexDate(Cursor& c, DateParts& parts)
{
    unsigned a = 0;
    int digits = 0;
    if (!c.number(1, 4, a, true, &digits) || digits == 3) {
        return false;
    }
    const char sep = c.peek();
    if (!isDateSeparator(sep) || !c.skip(sep)) {
        return false;
    }
    unsigned b = 0;
    if (!c.number(1, 2, b) || !c.skip(sep)) {
        return false;
    }
    if (digits == 4) {
        unsigned d = 0;
        if (a < 1000 || !c.number(1, 2, d)) {
            return false;
        }
        parts.yearFirst = true;
        parts.year = static_cast<int>(a);
        parts.first = b;
        parts.second = d;
    } else {
        unsigned y = 0;
        if (!c.number(4, 4, y) || y < 1000) {
            return false;
        }
        parts.yearFirst = false;
        parts.year = static_cast<int>(y);
        parts.first = a;
        parts.second = b;
    }
    parts.separator = sep;
    return true;
}

/// Nothing, or ' '/'T' + H:MM[:SS[.f…]] + optional 'Z' / ±HH:MM / ±HHMM, up to the end.
bool lexTime(Cursor& c, DateParts& parts)
{
    parts.hasTime = false;
    parts.seconds = 0.0;
    if (c.atEnd()) {
        return true;
    }
    if (!c.skip(' ') && !c.skip('T')) {
        return false;
    }
    unsigned h = 0;
    unsigned m = 0;
    unsigned s = 0;
    if (!c.number(1, 2, h) || !c.skip(':') || !c.number(2, 2, m, false)) {
        return false;
    }
    double fraction = 0.0;
    if (c.skip(':')) {
        if (!c.number(2, 2, s, false)) {
            return false;
        }
        if (c.skip('.')) {
            static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
            unsigned f = 0;
            int digits = 0;
            if (!c.number(1, 9, f, true, &digits)) {
                return false;
            }
            fraction = f / kPow10[digits];
        }
    }
    // 24:00 (ISO's "end of day") is rejected with every other hour above 23:
    // it would silently move the value to the next day.
    if (h > 23 || m > 59 || s > 59) {
        return false;
    }
    int offsetMinutes = 0; // east of UTC
    if (!c.skip('Z')) {
        const char sign = c.peek();
        if (sign == '+' || sign == '-') {
            c.skip(sign);
            unsigned oh = 0;
            unsigned om = 0;
            if (!c.number(2, 2, oh, false)) {
                return false;
            }
            c.skip(':');
            if (!c.number(2, 2, om, false) || oh > 23 || om > 59) {
                return false;
            }
            offsetMinutes = static_cast<int>(oh * 60 + om) * (sign == '-' ? -1 : 1);
        }
    }
    if (!c.atEnd()) {
        return false;
    }
    parts.hasTime = true;
    parts.seconds = static_cast<double>(h * 3600 + m * 60 + s) + fraction - offsetMinutes * 60.0;
    return true;
}

bool lex(std::string_view text, DateParts& parts)
{
    Cursor c(text);
    return lexDate(c, parts) && lexTime(c, parts);
}

double dayNumber(int year, unsigned month, unsigned day, double seconds)
{
    return static_cast<double>(daysFromCivil(year, month, day)) + seconds / kSecondsPerDay;
}

/// The whole day of a day number; 0 for NaN, clamped to ±kMaxDays.
std::int64_t wholeDay(double days)
{
    if (std::isnan(days)) {
        return 0;
    }
    const double clamped = days < -kMaxDays ? -kMaxDays : (days > kMaxDays ? kMaxDays : days);
    return static_cast<std::int64_t>(std::floor(clamped));
}

} // namespace

std::string_view dateOrderId(DateOrder o)
{
    switch (o) {
    case DateOrder::YearMonthDay:
        return "ymd";
    case DateOrder::DayMonthYear:
        return "dmy";
    case DateOrder::MonthDayYear:
        return "mdy";
    }
    return "ymd";
}

std::optional<DateOrder> dateOrderFromId(std::string_view id)
{
    for (DateOrder o : {DateOrder::YearMonthDay, DateOrder::DayMonthYear, DateOrder::MonthDayYear}) {
        if (dateOrderId(o) == id) {
            return o;
        }
    }
    return std::nullopt;
}

bool isLeapYear(int year)
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

unsigned daysInMonth(int year, unsigned month)
{
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) {
        return 0;
    }
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

bool isValidCivil(int year, unsigned month, unsigned day)
{
    return day >= 1 && day <= daysInMonth(year, month);
}

// http://howardhinnant.github.io/date_algorithms.html#days_from_civil
std::int64_t daysFromCivil(int year, unsigned month, unsigned day)
{
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);                              // [0, 399]
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1; // [0, 365]
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                         // [0, 146096]
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// http://howardhinnant.github.io/date_algorithms.html#civil_from_days
void civilFromDays(std::int64_t days, int& year, unsigned& month, unsigned& day)
{
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);                   // [0, 146096]
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; // [0, 399]
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    const unsigned mp = (5 * doy + 2) / 153;                      // [0, 11]
    day = doy - (153 * mp + 2) / 5 + 1;                           // [1, 31]
    month = mp < 10 ? mp + 3 : mp - 9;                            // [1, 12]
    year = static_cast<int>(y + (month <= 2 ? 1 : 0));
}

std::optional<double> parseDate(std::string_view text, const DateFormat& format)
{
    DateParts p;
    if (!lex(text, p) || p.separator != format.separator || (p.hasTime && !format.time) ||
        p.yearFirst != (format.order == DateOrder::YearMonthDay)) {
        return std::nullopt;
    }
    const bool monthFirst = format.order != DateOrder::DayMonthYear; // ymd and mdy
    const unsigned month = monthFirst ? p.first : p.second;
    const unsigned day = monthFirst ? p.second : p.first;
    if (!isValidCivil(p.year, month, day)) {
        return std::nullopt;
    }
    return dayNumber(p.year, month, day, p.seconds);
}

std::optional<DateDetection> detectDateFormat(std::span<const std::string> values, DateOrder ambiguousOrder)
{
    if (values.empty()) {
        return std::nullopt;
    }
    DateParts p;
    if (!lex(values.front(), p)) {
        return std::nullopt;
    }
    const bool yearFirst = p.yearFirst;
    const char separator = p.separator;
    bool time = false;
    // Without a year first, track which readings every value so far allows:
    // day-first fails on a second part above 12, month-first on a first part
    // above 12, and each also on days its month does not have.
    bool dayFirst = true;
    bool monthFirst = true;
    for (const std::string& v : values) {
        if (!lex(v, p) || p.yearFirst != yearFirst || p.separator != separator) {
            return std::nullopt;
        }
        time = time || p.hasTime;
        if (yearFirst) {
            if (!isValidCivil(p.year, p.first, p.second)) {
                return std::nullopt;
            }
            continue;
        }
        dayFirst = dayFirst && isValidCivil(p.year, p.second, p.first);
        monthFirst = monthFirst && isValidCivil(p.year, p.first, p.second);
        if (!dayFirst && !monthFirst) {
            return std::nullopt;
        }
    }
    DateDetection d;
    d.format.separator = separator;
    d.format.time = time;
    if (yearFirst) {
        d.format.order = DateOrder::YearMonthDay;
    } else if (dayFirst && monthFirst) {
        d.format.order = ambiguousOrder;
        d.ambiguous = true;
    } else {
        d.format.order = dayFirst ? DateOrder::DayMonthYear : DateOrder::MonthDayYear;
    }
    return d;
}

std::string formatDate(double days)
{
    if (!std::isfinite(days) || std::abs(days) > kMaxDays) {
        return {};
    }
    const double whole = std::floor(days);
    auto day = static_cast<std::int64_t>(whole);
    long long seconds = std::llround((days - whole) * kSecondsPerDay);
    if (seconds >= 86400) {
        ++day;
        seconds -= 86400;
    }
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    civilFromDays(day, y, m, d);
    char buf[64];
    if (seconds == 0) {
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    } else {
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02lld:%02lld:%02lld", y, m, d, seconds / 3600,
                      seconds / 60 % 60, seconds % 60);
    }
    return buf;
}

unsigned monthOf(double days)
{
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    civilFromDays(wholeDay(days), y, m, d);
    return m;
}

unsigned weekdayOf(double days)
{
    const std::int64_t z = wholeDay(days);
    return static_cast<unsigned>(((z % 7) + 7 + 3) % 7); // day 0 was a Thursday
}

} // namespace neurolift

namespace neurolift {

nlohmann::json dateFormatToJson(const DateFormat& f)
{
    return {{"order", dateOrderId(f.order)}, {"separator", std::string(1, f.separator)}, {"time", f.time}};
}

DateFormat dateFormatFromJson(const nlohmann::json& j)
{
    try {
        const auto order = dateOrderFromId(j.at("order").get<std::string>());
        const std::string separator = j.at("separator").get<std::string>();
        if (!order || separator.size() != 1) {
            throw std::invalid_argument("unknown date order or separator");
        }
        return {*order, separator[0], j.at("time").get<bool>()};
    } catch (const nlohmann::json::exception&) {
        throw std::invalid_argument("a date format is incomplete");
    }
}

} // namespace neurolift

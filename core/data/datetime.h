#pragma once

// Dates and date-times in customer tables (signup date, last purchase):
// recognising a column's format and storing each value as a day number,
// days since 1970-01-01 (UTC, proleptic Gregorian) with the time of day as
// the fractional part. There are no time zones: an offset on a value is
// applied once, turning its time into UTC.

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace neurolift {

/// Order of day, month and year in a numeric date.
enum class DateOrder { YearMonthDay, DayMonthYear, MonthDayYear };

/// Stable id of a date order: "ymd", "dmy" or "mdy".
std::string_view dateOrderId(DateOrder o);
/// The date order with id `id`; nullopt for an unknown id.
std::optional<DateOrder> dateOrderFromId(std::string_view id);

/// A recognised format of a column's dates.
struct DateFormat {
    DateOrder order = DateOrder::YearMonthDay;
    char separator = '-'; ///< Between the date's parts: '-', '/' or '.'.
    bool time = false;    ///< Some values carry a time of day; when false, none may.

    bool operator==(const DateFormat&) const = default;
};

/// {"order": "dmy", "separator": "/", "time": false}, as recipes and project files store it.
nlohmann::json dateFormatToJson(const DateFormat& f);
/// Reads dateFormatToJson's form; throws std::invalid_argument when `j` is not one.
DateFormat dateFormatFromJson(const nlohmann::json& j);

/// Whether `year` is a leap year of the proleptic Gregorian calendar.
bool isLeapYear(int year);
/// Number of days in `month` (1–12) of `year`; 0 for a month outside 1–12.
unsigned daysInMonth(int year, unsigned month);
/// Whether year-month-day names a real day (no February 30, no month 13).
bool isValidCivil(int year, unsigned month, unsigned day);

/// Days since 1970-01-01 for a civil date (Howard Hinnant's days_from_civil);
/// the date is not checked, see isValidCivil().
std::int64_t daysFromCivil(int year, unsigned month, unsigned day);
/// The civil date of day number `days` (Howard Hinnant's civil_from_days).
void civilFromDays(std::int64_t days, int& year, unsigned& month, unsigned& day);

/// Parses one value in `format` into a day number; nullopt if it is not a
/// valid date in that format.
///
/// Accepted: the date alone, or the date, one ' ' or 'T', and H:MM or
/// HH:MM[:SS[.f…]] (1–9 fraction digits), optionally followed by 'Z' or an
/// offset ±HH:MM / ±HHMM that is subtracted to give UTC. The date has a
/// 4-digit year 1000–9999 (2-digit years are ambiguous and rejected) and a
/// 1- or 2-digit day and month, with `format.separator` between all three.
/// Rejected: invalid days (Feb 30, 31 April), month 13, hour 24 or more
/// (also "24:00"), minute or second 60 or more, an offset without a time, a
/// time when `format.time` is false. Spaces are not trimmed.
std::optional<double> parseDate(std::string_view text, const DateFormat& format);

/// Outcome of detectDateFormat().
struct DateDetection {
    DateFormat format;
    bool ambiguous = false; ///< Day and month could be either way round; `ambiguousOrder` was used.
};

/// The one format in which every value of `values` (a column's distinct
/// non-missing values) parses, or nullopt when there is none.
///
/// Values starting with a 4-digit year are YearMonthDay. Otherwise a first
/// part above 12 on some value means DayMonthYear, a second part above 12
/// means MonthDayYear, both mean the column is no date column, and neither
/// gives `ambiguousOrder` with `ambiguous` set. All values must share one
/// separator and one layout; `time` is set when some value has a time of
/// day. Stops at the first value that cannot be a date, without allocating.
std::optional<DateDetection> detectDateFormat(std::span<const std::string> values,
                                              DateOrder ambiguousOrder = DateOrder::DayMonthYear);

/// "2024-03-05", or "2024-03-05 14:30:00" when the day number has a time of
/// day once rounded to the nearest second (a value at exactly midnight shows
/// the date alone). Empty for a non-finite or absurdly large day number.
std::string formatDate(double days);

/// Month 1–12 of a day number (its date part).
unsigned monthOf(double days);
/// Weekday 0–6 of a day number, 0 = Monday (1970-01-01, day 0, was a Thursday: 3).
unsigned weekdayOf(double days);

} // namespace neurolift

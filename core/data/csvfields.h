#pragma once

// Field-level helpers of the CSV reader: trimming, number parsing and
// formatting, yes/no words. Internal to core/data.

#include <string>
#include <string_view>

namespace neurolift::csv {

/// The field without surrounding spaces and tabs.
std::string_view trim(std::string_view s);
bool isDigit(char c);
/// Parses a whole field as a number. `plainInt`: only an optional '-' and
/// digits; `leadingZero`: a zero followed by another digit ("00123").
bool parseNumber(std::string_view s, float& out, bool& plainInt, bool& leadingZero);
/// Shortest text that reads back as `v` (as an integer when `asInteger`).
std::string formatNumber(float v, bool asInteger);
std::string lower(std::string_view s);
/// 1 for a yes-word, 0 for a no-word, -1 otherwise; `family` says which pair
/// (yes/no, true/false, y/n, 1/0) the word belongs to.
int booleanWord(std::string_view s, int& family);

} // namespace neurolift::csv

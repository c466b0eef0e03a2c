#pragma once

#include <string>
#include <string_view>

namespace neurolift {

/// Whether a cell is a plain number ("-5", "+3.25", "1e-3", "2,5"), which a
/// spreadsheet reads as a number and never runs as a formula.
bool plainNumber(std::string_view s);

/// A cell a spreadsheet would run as a formula (it starts with =, +, -, @, tab
/// or CR and is not a plain number) gets a leading apostrophe; others are unchanged.
/// So "=cmd|' /C calc'!A0", "+1a", "@SUM(1)", "-2+3" are neutralised; "-5", "+3.2" stay numbers.
std::string neutraliseFormula(std::string_view s);

/// A CSV cell: neutralised when it comes from the user (`fromUser`), quoted per
/// RFC 4180 when it holds the delimiter, a quote, CR or LF.
std::string csvCell(std::string_view text, bool fromUser, char delimiter = ',');

} // namespace neurolift

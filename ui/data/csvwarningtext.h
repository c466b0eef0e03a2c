#pragma once

#include "data/csvreader.h"

#include <QString>

namespace neurolift {

/// A reader's warning in the language the window speaks: the kinds that carry
/// their particulars (CsvWarning::args) are said through tr(); the rest, and a
/// warning whose particulars do not fit its kind, in the reader's own words.
QString csvWarningText(const CsvWarning& warning);

} // namespace neurolift

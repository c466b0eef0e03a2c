#pragma once

// How a table column is stored in a project file: in chunks of rows, each a
// little-endian BLOB plus an optional missing-value bitmap. Internal to
// core/project; the layout is described in docs/project-format.md.

#include "data/table.h"


#include <cstddef>
#include <span>
#include <vector>

namespace neurolift::project {

/// Encodes rows [begin, begin + n) of `c` into `data` and, when some are
/// missing, a bitmap into `missing` (bit i set = row begin + i missing).
/// Returns whether any row is missing.
bool encodeChunk(const Column& c, std::size_t begin, std::size_t n, std::vector<std::byte>& missing,
                 std::vector<std::byte>& data);
/// Reserves `c` (whose type and levels are set) for `rows` rows.
void reserveColumn(Column& c, std::size_t rows);
/// Appends `n` rows decoded from `data` and `missing` (empty: none missing)
/// to `c`. Throws std::invalid_argument when the bytes do not fit.
void decodeChunk(Column& c, std::size_t n, std::span<const std::byte> missing,
                 std::span<const std::byte> data);

} // namespace neurolift::project

#pragma once

// Columns built by hand for engine tests, as the CSV reader would type them.

#include "data/table.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace neurolift::test {

/// A numeric (or yes/no) column; NaN values are missing.
inline Column numbers(const std::string& name, const std::vector<float>& values,
                      ColumnType type = ColumnType::Numeric)
{
    Column c;
    c.name = name;
    c.type = type;
    c.values.assign(values.begin(), values.end());
    for (float v : values) {
        c.missing.push_back(std::isnan(v) ? 1 : 0);
    }
    return c;
}

/// A categorical column; levels in order of first appearance, "" is missing.
inline Column categorical(const std::string& name, const std::vector<std::string>& cells)
{
    Column c;
    c.name = name;
    c.type = ColumnType::Categorical;
    for (const auto& cell : cells) {
        if (cell.empty()) {
            c.codes.push_back(-1);
            continue;
        }
        auto it = std::find(c.levels.begin(), c.levels.end(), cell);
        if (it == c.levels.end()) {
            c.levels.push_back(cell);
            it = c.levels.end() - 1;
        }
        c.codes.push_back(static_cast<std::int32_t>(it - c.levels.begin()));
    }
    return c;
}

} // namespace neurolift::test

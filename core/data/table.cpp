#include "data/table.h"

#include <algorithm>
#include <utility>

namespace neurolift {

std::string_view columnTypeId(ColumnType t)
{
    switch (t) {
    case ColumnType::Numeric:
        return "numeric";
    case ColumnType::Categorical:
        return "categorical";
    case ColumnType::Boolean:
        return "boolean";
    case ColumnType::Identifier:
        return "identifier";
    case ColumnType::Text:
        return "text";
    }
    return "numeric";
}

std::size_t Column::size() const
{
    return type == ColumnType::Categorical ? codes.size() : missing.size();
}

bool Column::isMissing(std::size_t row) const
{
    return type == ColumnType::Categorical ? codes[row] < 0 : missing[row] != 0;
}

std::size_t Column::missingCount() const
{
    if (type == ColumnType::Categorical) {
        return static_cast<std::size_t>(std::count(codes.begin(), codes.end(), -1));
    }
    return static_cast<std::size_t>(std::count(missing.begin(), missing.end(), std::uint8_t{1}));
}

Table::Table(std::vector<Column> columns, std::size_t rows)
    : m_columns(std::move(columns))
    , m_rows(rows)
{
}

const Column* Table::column(std::string_view name) const
{
    for (const Column& c : m_columns) {
        if (c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

} // namespace neurolift

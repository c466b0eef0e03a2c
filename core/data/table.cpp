#include "data/table.h"

#include "data/datetime.h"

#include <algorithm>
#include <charconv>
#include <cmath>
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
    case ColumnType::Date:
        return "date";
    }
    return "numeric";
}

std::optional<ColumnType> columnTypeFromId(std::string_view id)
{
    for (ColumnType t : {ColumnType::Numeric, ColumnType::Categorical, ColumnType::Boolean,
                         ColumnType::Identifier, ColumnType::Text, ColumnType::Date}) {
        if (columnTypeId(t) == id) {
            return t;
        }
    }
    return std::nullopt;
}

std::size_t Column::size() const
{
    return type == ColumnType::Categorical ? codes.size() : missing.size();
}

bool Column::isMissing(std::size_t row) const
{
    return type == ColumnType::Categorical ? codes[row] < 0 : missing[row] != 0;
}

std::string Column::text(std::size_t row) const
{
    if (isMissing(row)) {
        return {};
    }
    switch (type) {
    case ColumnType::Categorical:
        return levels[static_cast<std::size_t>(codes[row])];
    case ColumnType::Identifier:
    case ColumnType::Text:
        return strings[row];
    case ColumnType::Boolean: {
        const std::size_t yes = values[row] >= 0.5 ? 1 : 0;
        return levels.size() == 2 ? levels[yes] : (yes ? "1" : "0");
    }
    case ColumnType::Date:
        return std::isnan(values[row]) ? std::string() : formatDate(values[row]);
    case ColumnType::Numeric: {
        if (std::isnan(values[row])) {
            return {};
        }
        char buf[32];
        const auto r = std::to_chars(buf, buf + sizeof buf, values[row]);
        return std::string(buf, r.ptr);
    }
    }
    return {};
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

#pragma once

#include "data/datetime.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace neurolift {

/// What a column holds, and so how it is stored and used (see Column).
enum class ColumnType { Numeric, Categorical, Boolean, Identifier, Text, Date };

/// Stable identifier of a column type ("numeric", "categorical", ...).
std::string_view columnTypeId(ColumnType t);
/// The column type with id `id` ("numeric", ...); nullopt for an unknown id.
std::optional<ColumnType> columnTypeFromId(std::string_view id);

/// One typed column. Which members are filled depends on `type`:
/// Numeric/Boolean/Date use `values` (+ `missing`), Categorical uses `codes`
/// and `levels`, Identifier/Text use `strings` (+ `missing`), exactly as in the file.
///
/// Numbers are kept in double precision, so amounts and large counts read
/// back exactly as the file wrote them (to the 15-17 digits a double holds);
/// the preparation recipe turns them into float32 model inputs.
struct Column {
    std::string name;
    ColumnType type = ColumnType::Numeric;
    /// Numeric; Boolean as 0/1; Date as days since 1970-01-01 (time of day as
    /// the fraction). NaN where missing.
    std::vector<double> values;
    std::vector<std::uint8_t> missing; ///< 1 = missing (Numeric, Boolean, Identifier, Text).
    std::vector<std::int32_t> codes;   ///< Categorical: index into `levels`, -1 = missing.
    /// Categorical: distinct values, in order of first appearance. Boolean read
    /// from words: {no, yes} as the file spells them (empty for 0/1 columns).
    std::vector<std::string> levels;
    std::vector<std::string> strings; ///< Identifier/Text: raw values ("" where missing).
    DateFormat dateFormat;            ///< Date: the format the file wrote the dates in.

    /// Number of rows stored in this column.
    std::size_t size() const;
    /// Whether row `row` has no value.
    bool isMissing(std::size_t row) const;
    /// Count of missing rows.
    std::size_t missingCount() const;
    /// The cell as text: the level or string as read, a number in the fewest
    /// digits that read back exactly, yes/no as the file spelled it ("1"/"0"
    /// otherwise), a date as "2024-03-05" (with " 14:30:00" if it has a time),
    /// and "" where missing.
    std::string text(std::size_t row) const;
};

/// Columns of equal length, in file order.
class Table {
public:
    Table() = default;
    Table(std::vector<Column> columns, std::size_t rows);

    std::size_t rowCount() const { return m_rows; }
    std::size_t columnCount() const { return m_columns.size(); }
    const std::vector<Column>& columns() const { return m_columns; }
    const Column& column(std::size_t index) const { return m_columns.at(index); }
    /// The column called `name`, or nullptr.
    const Column* column(std::string_view name) const;

private:
    std::vector<Column> m_columns;
    std::size_t m_rows = 0;
};

} // namespace neurolift

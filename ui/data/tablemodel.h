#pragma once

#include "data/table.h"

#include <QAbstractTableModel>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

class QTableView;

namespace neurolift {

/// Plain words for a column type: "Number", "Category", "Yes/No", "Date", "Identifier" or "Text".
QString columnTypeName(ColumnType type);
/// A number as tables show it: at most 10 significant digits, no trailing zeros, '.' as the decimal point.
QString formatNumber(double value);
/// Day number `days` written in `format`'s order and separator, with the time of day when it has one.
QString formatDateAs(double days, const DateFormat& format);
/// Cell `row` of `column` as a table shows it; empty when missing.
QString cellText(const Column& column, std::size_t row);
/// Sizes each column of `view` to its name and its first rows' cells, within sensible bounds.
void fitColumnWidths(QTableView* view, int sampleRows = 50);

/// Which rows of a table to show, and in what order.
struct RowQuery {
    int sortColumn = -1; ///< -1: file order.
    Qt::SortOrder order = Qt::AscendingOrder;
    QString filter;        ///< Kept rows contain this text (ignoring case); empty keeps all.
    int filterColumn = -1; ///< Column the filter looks in; -1: any column.

    bool operator==(const RowQuery&) const = default;
};

/// The rows of `table` that `query` keeps, in its order: sorted rows are
/// stable (ties keep file order) and missing values come last in either
/// direction. Returns early (with an incomplete list) once `cancel` is set.
std::vector<std::int64_t> queryRows(const Table& table, const RowQuery& query,
                                    const std::atomic<bool>* cancel = nullptr);

/// The rows of a core Table for a QTableView: cells formatted for reading,
/// missing cells as a grey dash, sortable by any column and filtered by text.
/// data() is O(1) per cell; sorting and filtering large tables runs on a
/// worker thread and the new order is shown when it is ready.
class TableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    /// Text shown in a missing cell.
    static QString missingText();

    explicit TableModel(QObject* parent = nullptr);
    ~TableModel() override;

    /// Shows `table` in file order, without sort or filter; null shows nothing.
    void setTable(std::shared_ptr<const Table> table);
    /// The table shown (may be null).
    std::shared_ptr<const Table> table() const { return m_table; }

    /// Rows shown (after the filter).
    int rowCount(const QModelIndex& parent = {}) const override;
    /// Columns of the table.
    int columnCount(const QModelIndex& parent = {}) const override;
    /// Display text, grey for missing cells, right-aligned numbers, tooltips.
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    /// Column names (tooltip: name and type); the vertical header shows the row's line in the table.
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Sorts by `column` (missing last, ties in file order); -1 restores file order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// Keeps rows containing `text` (ignoring case) in `column`, or in any column for -1.
    void setFilter(const QString& text, int column = -1);
    /// The current sort and filter.
    const RowQuery& query() const { return m_query; }
    /// Table row shown at `viewRow` (0-based), or -1 outside the rows shown.
    std::int64_t sourceRow(int viewRow) const;
    /// Total rows of the table, before filtering.
    std::int64_t tableRowCount() const;

    /// Whether a sort or filter is being computed in the background.
    bool isBusy() const { return m_busy; }
    /// Tables with at least `rows` rows are sorted and filtered in the background (default 100,000).
    void setBackgroundThreshold(std::size_t rows) { m_backgroundThreshold = rows; }

signals:
    /// A background sort or filter started (true) or its rows are shown (false).
    void busyChanged(bool busy);
    /// The rows shown changed after a sort or filter.
    void rowsChanged();

private:
    /// Recomputes the rows shown for m_query, in the background for large tables.
    void runQuery();
    /// Shows `rows` (null: every row in file order).
    void applyRows(std::vector<std::int64_t> rows, bool identity);
    void setBusy(bool busy);

    std::shared_ptr<const Table> m_table;
    RowQuery m_query;
    bool m_identity = true;           ///< Rows in file order, none filtered: m_rows unused.
    std::vector<std::int64_t> m_rows; ///< View row -> table row.
    std::uint64_t m_generation = 0;   ///< Bumped by each query; older results are dropped.
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::size_t m_backgroundThreshold = 100000;
    bool m_busy = false;
};

} // namespace neurolift

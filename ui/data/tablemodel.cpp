#include "data/tablemodel.h"

#include <QColor>
#include <QCoreApplication>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QTableView>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>
#include <string_view>
#include <utility>

namespace neurolift {

QString columnTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Numeric:
        return QCoreApplication::translate("neurolift::ColumnType", "Number");
    case ColumnType::Categorical:
        return QCoreApplication::translate("neurolift::ColumnType", "Category");
    case ColumnType::Boolean:
        return QCoreApplication::translate("neurolift::ColumnType", "Yes/No");
    case ColumnType::Date:
        return QCoreApplication::translate("neurolift::ColumnType", "Date");
    case ColumnType::Identifier:
        return QCoreApplication::translate("neurolift::ColumnType", "Identifier");
    case ColumnType::Text:
        return QCoreApplication::translate("neurolift::ColumnType", "Text");
    }
    return {};
}

namespace {

/// Writes `value` as formatNumber does into `buf` (at least 32 bytes); returns the end.
char* writeNumber(double value, char* buf)
{
    char* const end = buf + 32;
    if (value == 0.0) {
        *buf = '0'; // also -0
        return buf + 1;
    }
    // Whole numbers print in full up to 15 digits (counts, amounts, codes), others in 10 significant.
    if (std::abs(value) < 1e15 && std::trunc(value) == value) {
        return std::to_chars(buf, end, static_cast<long long>(value)).ptr;
    }
    return std::to_chars(buf, end, value, std::chars_format::general, 10).ptr;
}

/// The Boolean display text of true (`yes`) or false.
std::string_view booleanText(const Column& c, bool yes)
{
    if (c.levels.size() == 2) {
        return c.levels[yes ? 1 : 0];
    }
    return yes ? "1" : "0";
}

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Whether `hay` contains `needle` (already lower-case ASCII), ignoring ASCII case.
bool containsAsciiFolded(std::string_view hay, std::string_view needle)
{
    if (needle.size() > hay.size()) {
        return false;
    }
    const std::size_t last = hay.size() - needle.size();
    for (std::size_t i = 0; i <= last; ++i) {
        std::size_t k = 0;
        while (k < needle.size() && asciiLower(hay[i + k]) == needle[k]) {
            ++k;
        }
        if (k == needle.size()) {
            return true;
        }
    }
    return false;
}

/// Case-insensitive substring test, fast for ASCII needles.
class TextMatcher {
public:
    explicit TextMatcher(const QString& needle)
        : m_needle(needle)
        , m_ascii(std::all_of(needle.begin(), needle.end(), [](QChar c) { return c.unicode() < 128; }))
        , m_folded(needle.toLower().toStdString())
    {
    }

    bool matches(std::string_view hay) const
    {
        if (m_ascii) {
            return containsAsciiFolded(hay, m_folded);
        }
        return QString::fromUtf8(hay.data(), static_cast<qsizetype>(hay.size()))
            .contains(m_needle, Qt::CaseInsensitive);
    }
    /// Whether the needle only uses characters from `allowed` (lower case), so it could match such text.
    bool onlyUses(std::string_view allowed) const
    {
        return std::all_of(m_folded.begin(), m_folded.end(),
                           [&](char c) { return allowed.find(c) != std::string_view::npos; });
    }

private:
    QString m_needle;
    bool m_ascii;
    std::string m_folded;
};

/// Sets keep[row] for the rows [begin, end) of `c` whose displayed text contains the filter.
void markMatches(const Column& c, const TextMatcher& m, std::vector<std::uint8_t>& keep, std::size_t begin,
                 std::size_t end)
{
    switch (c.type) {
    case ColumnType::Categorical: {
        std::vector<std::uint8_t> level(c.levels.size());
        for (std::size_t i = 0; i < level.size(); ++i) {
            level[i] = m.matches(c.levels[i]);
        }
        for (std::size_t r = begin; r < end; ++r) {
            const std::int32_t code = c.codes[r];
            keep[r] |= code >= 0 && level[static_cast<std::size_t>(code)];
        }
        return;
    }
    case ColumnType::Boolean: {
        const bool no = m.matches(booleanText(c, false));
        const bool yes = m.matches(booleanText(c, true));
        for (std::size_t r = begin; r < end; ++r) {
            if (!c.missing[r]) {
                keep[r] |= c.values[r] >= 0.5 ? yes : no;
            }
        }
        return;
    }
    case ColumnType::Identifier:
    case ColumnType::Text:
        for (std::size_t r = begin; r < end; ++r) {
            if (!keep[r] && !c.missing[r] && m.matches(c.strings[r])) {
                keep[r] = 1;
            }
        }
        return;
    case ColumnType::Numeric: {
        if (!m.onlyUses("0123456789.-+e")) {
            return; // no number is written with other characters
        }
        char buf[32];
        for (std::size_t r = begin; r < end; ++r) {
            if (!keep[r] && !c.missing[r]) {
                keep[r] = m.matches(std::string_view(buf, writeNumber(c.values[r], buf)));
            }
        }
        return;
    }
    case ColumnType::Date: {
        if (!m.onlyUses("0123456789-/.: ")) {
            return;
        }
        for (std::size_t r = begin; r < end; ++r) {
            if (!keep[r] && !c.missing[r]) {
                keep[r] = m.matches(formatDateAs(c.values[r], c.dateFormat).toStdString());
            }
        }
        return;
    }
    }
}

/// Whether `s` is a non-empty run of ASCII digits.
bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Text order, with runs of digits compared as numbers ("9" before "10") so identifiers sort as people
/// expect.
bool textLess(std::string_view a, std::string_view b)
{
    if (allDigits(a) && allDigits(b)) {
        const auto strip = [](std::string_view s) {
            const auto nz = s.find_first_not_of('0');
            return nz == std::string_view::npos ? std::string_view("0") : s.substr(nz);
        };
        const std::string_view x = strip(a);
        const std::string_view y = strip(b);
        if (x.size() != y.size()) {
            return x.size() < y.size();
        }
        return x < y;
    }
    return a < b;
}

/// Sorts `rows` by `c`: missing last, ties in file order (rows arrive in file order).
void sortRows(const Column& c, Qt::SortOrder order, std::vector<std::int64_t>& rows)
{
    const bool descending = order == Qt::DescendingOrder;
    // Missing rows move to the end, keeping their file order.
    const auto firstMissing = std::stable_partition(
        rows.begin(), rows.end(), [&](std::int64_t r) { return !c.isMissing(static_cast<std::size_t>(r)); });
    switch (c.type) {
    case ColumnType::Numeric:
    case ColumnType::Boolean:
    case ColumnType::Date:
    case ColumnType::Categorical: {
        // Sort (key, row) pairs: the row breaks ties, which makes std::sort stable and cache-friendly.
        std::vector<double> rank;
        if (c.type == ColumnType::Categorical) {
            std::vector<std::size_t> byName(c.levels.size());
            std::iota(byName.begin(), byName.end(), std::size_t{0});
            std::sort(byName.begin(), byName.end(),
                      [&](std::size_t a, std::size_t b) { return textLess(c.levels[a], c.levels[b]); });
            rank.resize(c.levels.size());
            for (std::size_t i = 0; i < byName.size(); ++i) {
                rank[byName[i]] = static_cast<double>(i);
            }
        }
        std::vector<std::pair<double, std::int64_t>> keyed;
        keyed.reserve(static_cast<std::size_t>(firstMissing - rows.begin()));
        for (auto it = rows.begin(); it != firstMissing; ++it) {
            const auto r = static_cast<std::size_t>(*it);
            const double key =
                c.type == ColumnType::Categorical ? rank[static_cast<std::size_t>(c.codes[r])] : c.values[r];
            keyed.emplace_back(descending ? -key : key, *it);
        }
        std::sort(keyed.begin(), keyed.end());
        for (std::size_t i = 0; i < keyed.size(); ++i) {
            rows[i] = keyed[i].second;
        }
        return;
    }
    case ColumnType::Identifier:
    case ColumnType::Text:
        std::stable_sort(rows.begin(), firstMissing, [&](std::int64_t a, std::int64_t b) {
            const std::string& x = c.strings[static_cast<std::size_t>(a)];
            const std::string& y = c.strings[static_cast<std::size_t>(b)];
            return descending ? textLess(y, x) : textLess(x, y);
        });
        return;
    }
}

} // namespace

QString formatNumber(double value)
{
    if (std::isnan(value)) {
        return {};
    }
    if (std::isinf(value)) {
        return value > 0 ? QStringLiteral("\u221e") : QStringLiteral("\u2212\u221e");
    }
    char buf[32];
    return QString::fromLatin1(buf, writeNumber(value, buf) - buf);
}

QString formatDateAs(double days, const DateFormat& format)
{
    const std::string iso = formatDate(days); // "2024-03-05" or "2024-03-05 14:30:00"
    if (iso.size() < 10) {
        return {};
    }
    const QString s = QString::fromLatin1(iso);
    const QString year = s.left(4);
    const QString month = s.mid(5, 2);
    const QString day = s.mid(8, 2);
    const QChar sep = QLatin1Char(format.separator);
    QString date;
    switch (format.order) {
    case DateOrder::YearMonthDay:
        date = year + sep + month + sep + day;
        break;
    case DateOrder::DayMonthYear:
        date = day + sep + month + sep + year;
        break;
    case DateOrder::MonthDayYear:
        date = month + sep + day + sep + year;
        break;
    }
    return date + s.mid(10);
}

QString cellText(const Column& column, std::size_t row)
{
    if (column.isMissing(row)) {
        return {};
    }
    switch (column.type) {
    case ColumnType::Numeric:
        return formatNumber(column.values[row]);
    case ColumnType::Date:
        return formatDateAs(column.values[row], column.dateFormat);
    case ColumnType::Boolean: {
        const std::string_view t = booleanText(column, column.values[row] >= 0.5);
        return QString::fromUtf8(t.data(), static_cast<qsizetype>(t.size()));
    }
    case ColumnType::Categorical:
        return QString::fromStdString(column.levels[static_cast<std::size_t>(column.codes[row])]);
    case ColumnType::Identifier:
    case ColumnType::Text:
        return QString::fromStdString(column.strings[row]);
    }
    return {};
}

void fitColumnWidths(QTableView* view, int sampleRows)
{
    QAbstractItemModel* model = view->model();
    const QFontMetrics cells = view->fontMetrics();
    const QFontMetrics header(view->horizontalHeader()->font());
    const int rows = std::min(model->rowCount(), sampleRows);
    for (int c = 0; c < model->columnCount(); ++c) {
        // Room for the name and the sort arrow, and for the widest of the first values.
        int width = header.horizontalAdvance(model->headerData(c, Qt::Horizontal).toString()) + 34;
        for (int r = 0; r < rows; ++r) {
            width = std::max(width, cells.horizontalAdvance(model->index(r, c).data().toString()) + 16);
        }
        view->horizontalHeader()->resizeSection(c, std::clamp(width, 64, 280));
    }
}

std::vector<std::int64_t> queryRows(const Table& table, const RowQuery& query,
                                    const std::atomic<bool>* cancel)
{
    const std::size_t n = table.rowCount();
    std::vector<std::int64_t> rows;
    if (!query.filter.isEmpty()) {
        const TextMatcher matcher(query.filter);
        std::vector<std::uint8_t> keep(n, 0);
        // Blocks of rows side by side; within a block, column after column.
        constexpr std::size_t kBlock = 16384;
        const auto blocks = static_cast<std::int64_t>((n + kBlock - 1) / kBlock);
#pragma omp parallel for schedule(dynamic, 1)
        for (std::int64_t b = 0; b < blocks; ++b) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                continue;
            }
            const std::size_t begin = static_cast<std::size_t>(b) * kBlock;
            const std::size_t end = std::min(n, begin + kBlock);
            for (std::size_t k = 0; k < table.columnCount(); ++k) {
                if (query.filterColumn < 0 || static_cast<std::size_t>(query.filterColumn) == k) {
                    markMatches(table.column(k), matcher, keep, begin, end);
                }
            }
        }
        if (cancel && cancel->load()) {
            return {};
        }
        rows.reserve(static_cast<std::size_t>(std::count(keep.begin(), keep.end(), std::uint8_t{1})));
        for (std::size_t r = 0; r < n; ++r) {
            if (keep[r]) {
                rows.push_back(static_cast<std::int64_t>(r));
            }
        }
    } else {
        rows.resize(n);
        std::iota(rows.begin(), rows.end(), std::int64_t{0});
    }
    if (query.sortColumn >= 0 && static_cast<std::size_t>(query.sortColumn) < table.columnCount()) {
        sortRows(table.column(static_cast<std::size_t>(query.sortColumn)), query.order, rows);
    }
    return rows;
}

QString TableModel::missingText()
{
    return QStringLiteral("\u2014");
}

TableModel::TableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

TableModel::~TableModel()
{
    if (m_cancel) {
        m_cancel->store(true); // a running query owns its data; it ends on its own
    }
}

void TableModel::setTable(std::shared_ptr<const Table> table)
{
    beginResetModel();
    ++m_generation;
    if (m_cancel) {
        m_cancel->store(true);
    }
    m_table = std::move(table);
    m_query = RowQuery();
    m_identity = true;
    m_rows.clear();
    m_rows.shrink_to_fit();
    endResetModel();
    setBusy(false);
}

int TableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_table) {
        return 0;
    }
    return m_identity ? static_cast<int>(m_table->rowCount()) : static_cast<int>(m_rows.size());
}

int TableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_table ? 0 : static_cast<int>(m_table->columnCount());
}

std::int64_t TableModel::sourceRow(int viewRow) const
{
    if (!m_table || viewRow < 0 || viewRow >= rowCount()) {
        return -1;
    }
    return m_identity ? viewRow : m_rows[static_cast<std::size_t>(viewRow)];
}

std::int64_t TableModel::tableRowCount() const
{
    return m_table ? static_cast<std::int64_t>(m_table->rowCount()) : 0;
}

QVariant TableModel::data(const QModelIndex& index, int role) const
{
    if (!m_table || !index.isValid()) {
        return {};
    }
    const Column& c = m_table->column(static_cast<std::size_t>(index.column()));
    const auto row = static_cast<std::size_t>(sourceRow(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return c.isMissing(row) ? missingText() : cellText(c, row);
    case Qt::ForegroundRole:
        if (c.isMissing(row)) {
            return QColor(0x9a, 0xa0, 0xa6);
        }
        return {};
    case Qt::ToolTipRole:
        if (c.isMissing(row)) {
            return tr("Missing value");
        }
        return {};
    case Qt::TextAlignmentRole:
        if (c.type == ColumnType::Numeric && !c.isMissing(row)) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_table || section < 0) {
        return {};
    }
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole) {
            return QVariant::fromValue(sourceRow(section) + 1);
        }
        return {};
    }
    if (static_cast<std::size_t>(section) >= m_table->columnCount()) {
        return {};
    }
    const Column& c = m_table->column(static_cast<std::size_t>(section));
    if (role == Qt::DisplayRole) {
        return QString::fromStdString(c.name);
    }
    if (role == Qt::ToolTipRole) {
        return tr("%1 \u2014 %2").arg(QString::fromStdString(c.name), columnTypeName(c.type));
    }
    return {};
}

void TableModel::sort(int column, Qt::SortOrder order)
{
    RowQuery q = m_query;
    q.sortColumn = column;
    q.order = order;
    if (q == m_query) {
        return;
    }
    m_query = q;
    runQuery();
}

void TableModel::setFilter(const QString& text, int column)
{
    RowQuery q = m_query;
    q.filter = text;
    q.filterColumn = column;
    if (q == m_query) {
        return;
    }
    m_query = q;
    runQuery();
}

void TableModel::runQuery()
{
    if (!m_table) {
        return;
    }
    const std::uint64_t generation = ++m_generation;
    if (m_cancel) {
        m_cancel->store(true);
        m_cancel.reset();
    }
    if (m_query.filter.isEmpty() && m_query.sortColumn < 0) {
        applyRows({}, true);
        return;
    }
    if (m_table->rowCount() < m_backgroundThreshold) {
        applyRows(queryRows(*m_table, m_query), false);
        return;
    }
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    auto* watcher = new QFutureWatcher<std::vector<std::int64_t>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation) {
            m_cancel.reset();
            applyRows(watcher->result(), false);
        }
    });
    // The worker holds its own references: the table is immutable and shared.
    watcher->setFuture(QtConcurrent::run(
        [table = m_table, query = m_query, cancel] { return queryRows(*table, query, cancel.get()); }));
    setBusy(true);
}

void TableModel::applyRows(std::vector<std::int64_t> rows, bool identity)
{
    beginResetModel();
    m_identity = identity;
    m_rows = std::move(rows);
    endResetModel();
    setBusy(false);
    emit rowsChanged();
}

void TableModel::setBusy(bool busy)
{
    if (m_busy != busy) {
        m_busy = busy;
        emit busyChanged(busy);
    }
}

} // namespace neurolift

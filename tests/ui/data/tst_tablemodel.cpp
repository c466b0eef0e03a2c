#include "data/tablemodel.h"

#include <QColor>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <limits>
#include <memory>
#include <random>

using neurolift::Column;
using neurolift::ColumnType;
using neurolift::Table;
using neurolift::TableModel;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Column numeric(const char* name, std::vector<double> values)
{
    Column c;
    c.name = name;
    c.type = ColumnType::Numeric;
    for (double v : values) {
        c.missing.push_back(std::isnan(v) ? 1 : 0);
    }
    c.values = std::move(values);
    return c;
}

Column categorical(const char* name, std::vector<std::string> levels, std::vector<std::int32_t> codes)
{
    Column c;
    c.name = name;
    c.type = ColumnType::Categorical;
    c.levels = std::move(levels);
    c.codes = std::move(codes);
    return c;
}

Column strings(const char* name, ColumnType type, std::vector<std::string> values)
{
    Column c;
    c.name = name;
    c.type = type;
    for (const std::string& v : values) {
        c.missing.push_back(v.empty() ? 1 : 0);
    }
    c.strings = std::move(values);
    return c;
}

/// Six customers with one column of each type and some missing cells.
std::shared_ptr<const Table> customers()
{
    std::vector<Column> cols;
    cols.push_back(numeric("amount", {3.5, kNaN, 1.0, 3.5, 2.25, 1200000.0}));
    cols.push_back(categorical("segment", {"Silver", "Gold", "Bronze"}, {0, 1, -1, 2, 1, 0}));
    Column active = numeric("active", {1, 0, 1, kNaN, 0, 1});
    active.type = ColumnType::Boolean;
    active.levels = {"no", "YES"};
    cols.push_back(std::move(active));
    // 2024-03-05, 2023-12-31 14:30, missing, 2024-01-01, 2024-03-05, 2022-07-14
    Column signup = numeric("signup", {19787.0, 19722.0 + 14.5 / 24.0, kNaN, 19723.0, 19787.0, 19187.0});
    signup.type = ColumnType::Date;
    signup.dateFormat = {neurolift::DateOrder::DayMonthYear, '/', true};
    cols.push_back(std::move(signup));
    cols.push_back(strings("id", ColumnType::Identifier, {"10", "9", "100", "11", "2", "1"}));
    cols.push_back(
        strings("note", ColumnType::Text, {"Likes email", "", "called twice", "EMAIL bounced", "x", "y"}));
    return std::make_shared<const Table>(std::move(cols), 6);
}

std::vector<std::int64_t> shownRows(const TableModel& m)
{
    std::vector<std::int64_t> rows;
    for (int r = 0; r < m.rowCount(); ++r) {
        rows.push_back(m.sourceRow(r));
    }
    return rows;
}

} // namespace

Q_DECLARE_METATYPE(std::vector<std::int64_t>)

class TestTableModel : public QObject {
    Q_OBJECT

private slots:
    void init();

    void testCellsShowAsPeopleReadThem_data();
    void testCellsShowAsPeopleReadThem();
    void testMissingCellsAreAGreyDash();
    void testNumbersAreRightAligned();
    void testHeaderShowsNamesAndTypes();
    void testFormatNumber_data();
    void testFormatNumber();
    void testSortPutsMissingLastAndKeepsTies_data();
    void testSortPutsMissingLastAndKeepsTies();
    void testFilterIgnoresCase_data();
    void testFilterIgnoresCase();
    void testFilterThenSortAndBack();
    void testSetTableResetsSortAndFilter();
    void testAMillionRowsScrollSortAndFilter();

private:
    TableModel m_model;
};

void TestTableModel::init()
{
    m_model.setTable(customers());
}

void TestTableModel::testCellsShowAsPeopleReadThem_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");

    QTest::newRow("decimal number") << 0 << 0 << "3.5";
    QTest::newRow("whole number") << 2 << 0 << "1";
    QTest::newRow("two decimals") << 4 << 0 << "2.25";
    QTest::newRow("large whole number in full") << 5 << 0 << "1200000";
    QTest::newRow("category") << 1 << 1 << "Gold";
    QTest::newRow("yes as the file spelled it") << 0 << 2 << "YES";
    QTest::newRow("no") << 1 << 2 << "no";
    QTest::newRow("date in the column's format") << 0 << 3 << "05/03/2024";
    QTest::newRow("date with a time") << 1 << 3 << "31/12/2023 14:30:00";
    QTest::newRow("identifier as stored") << 0 << 4 << "10";
    QTest::newRow("text as stored") << 2 << 5 << "called twice";
}

void TestTableModel::testCellsShowAsPeopleReadThem()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, text);
    const QModelIndex index = m_model.index(row, column);
    QCOMPARE(m_model.data(index).toString(), text);
    QVERIFY(!m_model.data(index, Qt::ForegroundRole).isValid());
}

void TestTableModel::testMissingCellsAreAGreyDash()
{
    const std::vector<std::pair<int, int>> missing{{1, 0}, {2, 1}, {3, 2}, {2, 3}, {1, 5}};
    for (const auto& [row, column] : missing) {
        const QModelIndex index = m_model.index(row, column);
        QCOMPARE(m_model.data(index).toString(), QStringLiteral("\u2014"));
        const auto color = m_model.data(index, Qt::ForegroundRole).value<QColor>();
        QVERIFY2(color.isValid() && color.saturation() < 40 && color.value() > 120 && color.value() < 200,
                 qPrintable(color.name()));
        QCOMPARE(m_model.data(index, Qt::ToolTipRole).toString(), QStringLiteral("Missing value"));
    }
}

void TestTableModel::testNumbersAreRightAligned()
{
    const auto number = m_model.data(m_model.index(0, 0), Qt::TextAlignmentRole).value<Qt::Alignment>();
    const auto text = m_model.data(m_model.index(0, 5), Qt::TextAlignmentRole).value<Qt::Alignment>();
    QVERIFY(number & Qt::AlignRight);
    QVERIFY(text & Qt::AlignLeft);
}

void TestTableModel::testHeaderShowsNamesAndTypes()
{
    const QStringList names{QStringLiteral("amount"), QStringLiteral("segment"), QStringLiteral("active"),
                            QStringLiteral("signup"), QStringLiteral("id"),      QStringLiteral("note")};
    const QStringList types{QStringLiteral("Number"), QStringLiteral("Category"),   QStringLiteral("Yes/No"),
                            QStringLiteral("Date"),   QStringLiteral("Identifier"), QStringLiteral("Text")};
    QCOMPARE(m_model.columnCount(), 6);
    QCOMPARE(m_model.rowCount(), 6);
    for (int c = 0; c < 6; ++c) {
        QCOMPARE(m_model.headerData(c, Qt::Horizontal).toString(), names[c]);
        const QString tip = m_model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(names[c]) && tip.endsWith(types[c]), qPrintable(tip));
    }
    QCOMPARE(m_model.headerData(0, Qt::Vertical).toInt(), 1);
}

void TestTableModel::testFormatNumber_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << 0.0 << "0";
    QTest::newRow("negative zero") << -0.0 << "0";
    QTest::newRow("no trailing zeros") << 0.5 << "0.5";
    QTest::newRow("binary noise hidden") << 0.1 + 0.2 << "0.3";
    QTest::newRow("negative") << -12.75 << "-12.75";
    QTest::newRow("long integer") << 123456789012.0 << "123456789012";
    QTest::newRow("tiny") << 0.000012345 << "1.2345e-05";
    QTest::newRow("ten significant digits") << 3.14159265358979 << "3.141592654";
    QTest::newRow("missing") << kNaN << "";
}

void TestTableModel::testFormatNumber()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(neurolift::formatNumber(value), text);
}

void TestTableModel::testSortPutsMissingLastAndKeepsTies_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<std::vector<std::int64_t>>("rows");

    // amount: 3.5, -, 1, 3.5, 2.25, 1200000 (rows 0 and 3 tie)
    QTest::newRow("number ascending") << 0 << false << std::vector<std::int64_t>{2, 4, 0, 3, 5, 1};
    QTest::newRow("number descending") << 0 << true << std::vector<std::int64_t>{5, 0, 3, 4, 2, 1};
    // segment: Silver, Gold, -, Bronze, Gold, Silver: by name, not by first appearance
    QTest::newRow("category ascending") << 1 << false << std::vector<std::int64_t>{3, 1, 4, 0, 5, 2};
    QTest::newRow("category descending") << 1 << true << std::vector<std::int64_t>{0, 5, 1, 4, 3, 2};
    QTest::newRow("yes/no ascending") << 2 << false << std::vector<std::int64_t>{1, 4, 0, 2, 5, 3};
    QTest::newRow("date ascending") << 3 << false << std::vector<std::int64_t>{5, 1, 3, 0, 4, 2};
    // identifiers of digits sort as numbers: 1, 2, 9, 10, 11, 100
    QTest::newRow("identifier ascending") << 4 << false << std::vector<std::int64_t>{5, 4, 1, 0, 3, 2};
    QTest::newRow("identifier descending") << 4 << true << std::vector<std::int64_t>{2, 3, 0, 1, 4, 5};
    QTest::newRow("text descending") << 5 << true << std::vector<std::int64_t>{5, 4, 2, 0, 3, 1};
}

void TestTableModel::testSortPutsMissingLastAndKeepsTies()
{
    QFETCH(int, column);
    QFETCH(bool, descending);
    QFETCH(std::vector<std::int64_t>, rows);
    QSignalSpy changed(&m_model, &TableModel::rowsChanged);
    m_model.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(shownRows(m_model), rows);
    // What the user sees follows the new order.
    QCOMPARE(m_model.data(m_model.index(0, 4)).toString(),
             QString::fromStdString(m_model.table()->column(4).strings[static_cast<std::size_t>(rows[0])]));
    QCOMPARE(m_model.data(m_model.index(5, column)).toString().isEmpty(), false);
}

void TestTableModel::testFilterIgnoresCase_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("column");
    QTest::addColumn<std::vector<std::int64_t>>("rows");

    QTest::newRow("text, any case") << "email" << -1 << std::vector<std::int64_t>{0, 3};
    QTest::newRow("category level") << "gold" << -1 << std::vector<std::int64_t>{1, 4};
    QTest::newRow("number as shown") << "3.5" << -1 << std::vector<std::int64_t>{0, 3};
    QTest::newRow("date as shown") << "/03/2024" << -1 << std::vector<std::int64_t>{0, 4};
    QTest::newRow("yes/no word") << "yes" << -1 << std::vector<std::int64_t>{0, 2, 5};
    QTest::newRow("digits in any column") << "1" << -1 << std::vector<std::int64_t>{0, 1, 2, 3, 5};
    QTest::newRow("digits in the id column only") << "1" << 4 << std::vector<std::int64_t>{0, 2, 3, 5};
    QTest::newRow("missing cells never match the dash") << "\u2014" << -1 << std::vector<std::int64_t>{};
    QTest::newRow("nothing") << "zebra" << -1 << std::vector<std::int64_t>{};
}

void TestTableModel::testFilterIgnoresCase()
{
    QFETCH(QString, text);
    QFETCH(int, column);
    QFETCH(std::vector<std::int64_t>, rows);
    m_model.setFilter(text, column);
    QCOMPARE(shownRows(m_model), rows);
    QCOMPARE(m_model.rowCount(), int(rows.size()));
    QCOMPARE(m_model.tableRowCount(), 6);
}

void TestTableModel::testFilterThenSortAndBack()
{
    m_model.setFilter(QStringLiteral("e"), 5); // notes with an "e": rows 0, 2, 3
    m_model.sort(0, Qt::DescendingOrder);      // amounts 3.5, 1, 3.5
    QCOMPARE(shownRows(m_model), (std::vector<std::int64_t>{0, 3, 2}));
    m_model.setFilter(QString());
    QCOMPARE(shownRows(m_model), (std::vector<std::int64_t>{5, 0, 3, 4, 2, 1}));
    m_model.sort(-1);
    QCOMPARE(shownRows(m_model), (std::vector<std::int64_t>{0, 1, 2, 3, 4, 5}));
    QCOMPARE(m_model.sourceRow(6), -1);
}

void TestTableModel::testSetTableResetsSortAndFilter()
{
    m_model.setFilter(QStringLiteral("gold"));
    m_model.sort(0);
    m_model.setTable(customers());
    QCOMPARE(m_model.rowCount(), 6);
    QCOMPARE(m_model.query(), neurolift::RowQuery());
    m_model.setTable(nullptr);
    QCOMPARE(m_model.rowCount(), 0);
    QCOMPARE(m_model.columnCount(), 0);
}

void TestTableModel::testAMillionRowsScrollSortAndFilter()
{
    // 1,000,000 x 30: 20 numbers, 5 categories, 2 yes/no, a date, an id and a text column.
    const std::size_t n = 1000000;
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(0.0, 1000.0);
    std::vector<Column> cols;
    for (int k = 0; k < 20; ++k) {
        std::vector<double> v(n);
        for (double& x : v) {
            x = std::round(u(rng) * 100.0) / 100.0;
        }
        v[n / 2] = kNaN;
        cols.push_back(numeric("n", std::move(v)));
        cols.back().name = "num" + std::to_string(k);
    }
    for (int k = 0; k < 5; ++k) {
        std::vector<std::int32_t> codes(n);
        for (auto& c : codes) {
            c = static_cast<std::int32_t>(rng() % 12);
        }
        cols.push_back(categorical("c",
                                   {"north", "south", "east", "west", "a", "b", "c", "d", "e", "f", "g", "h"},
                                   std::move(codes)));
        cols.back().name = "cat" + std::to_string(k);
    }
    for (int k = 0; k < 2; ++k) {
        std::vector<double> v(n);
        for (double& x : v) {
            x = static_cast<double>(rng() % 2);
        }
        cols.push_back(numeric("b", std::move(v)));
        cols.back().type = ColumnType::Boolean;
        cols.back().name = "flag" + std::to_string(k);
    }
    std::vector<double> days(n);
    for (double& d : days) {
        d = 18000.0 + static_cast<double>(rng() % 2000);
    }
    cols.push_back(numeric("since", std::move(days)));
    cols.back().type = ColumnType::Date;
    std::vector<std::string> ids(n);
    std::vector<std::string> notes(n);
    for (std::size_t i = 0; i < n; ++i) {
        ids[i] = std::string("C").append(std::to_string(1000000 + i)); // not "C" + ...: GCC 12 bug 105329
        notes[i] = (i % 7 == 0) ? "prefers SMS" : "no note";
    }
    cols.push_back(strings("customer", ColumnType::Identifier, std::move(ids)));
    cols.push_back(strings("note", ColumnType::Text, std::move(notes)));
    auto table = std::make_shared<const Table>(std::move(cols), n);

    QElapsedTimer timer;
    timer.start();
    TableModel model;
    model.setTable(table);
    const qint64 setMs = timer.restart();
    QCOMPARE(model.rowCount(), 1000000);
    QCOMPARE(model.columnCount(), 30);
    QCOMPARE(model.data(model.index(999999, 28)).toString(), QStringLiteral("C1999999"));
    // Reading a screenful anywhere, as a view scrolling to the end does.
    for (int r = 999950; r < 1000000; ++r) {
        for (int c = 0; c < 30; ++c) {
            QVERIFY(!model.data(model.index(r, c)).toString().isEmpty());
        }
    }
    const qint64 screenMs = timer.restart();

    // Sorting and filtering a million rows run in the background and then show.
    QSignalSpy busy(&model, &TableModel::busyChanged);
    model.sort(0, Qt::DescendingOrder);
    QVERIFY(model.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isBusy(), 60000);
    const qint64 sortNumberMs = timer.restart();
    QCOMPARE(busy.count(), 2);
    QCOMPARE(model.rowCount(), 1000000);
    QCOMPARE(model.sourceRow(999999), std::int64_t(n / 2)); // the one missing value, last
    double previous = std::numeric_limits<double>::infinity();
    for (int r = 0; r < 1000; ++r) {
        const double v = table->column(0).values[static_cast<std::size_t>(model.sourceRow(r))];
        QVERIFY(v <= previous);
        previous = v;
    }

    model.setFilter(QStringLiteral("sms"));
    QTRY_VERIFY_WITH_TIMEOUT(!model.isBusy(), 60000);
    const qint64 filterTextMs = timer.restart();
    QCOMPARE(model.rowCount(), int((n + 6) / 7));

    model.setFilter(QStringLiteral("12.5"));
    QTRY_VERIFY_WITH_TIMEOUT(!model.isBusy(), 60000);
    const qint64 filterNumberMs = timer.restart();
    QVERIFY(model.rowCount() > 0);

    // The raw operations, as the worker runs them.
    neurolift::RowQuery q;
    q.sortColumn = 28;
    neurolift::queryRows(*table, q);
    const qint64 sortIdMs = timer.restart();
    q.sortColumn = 20;
    neurolift::queryRows(*table, q);
    const qint64 sortCategoryMs = timer.restart();
    q = {};
    q.filter = QStringLiteral("C19");
    QCOMPARE(neurolift::queryRows(*table, q).size(), std::size_t{100000});
    const qint64 filterIdMs = timer.restart();
    qInfo(
        "1M x 30: setTable %lld ms, 50 rows x 30 cells %lld ms; sort number %lld ms (shown), identifier %lld "
        "ms, category %lld ms; filter text 'sms' %lld ms (shown), '12.5' over all columns %lld ms (shown), "
        "'C19' %lld ms",
        setMs, screenMs, sortNumberMs, sortIdMs, sortCategoryMs, filterTextMs, filterNumberMs, filterIdMs);
}

QTEST_MAIN(TestTableModel)
#include "tst_tablemodel.moc"

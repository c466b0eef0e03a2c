// The CSV reader never hands back silent nonsense (issue 17): a few odd values
// do not change a column's type, a delimiter ending every line does not hide
// the header, oversized lines and tables are refused before they eat the
// memory, repeated warnings are counted, and a file that changes while it is
// read is an error.
#include "data/csvreader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <string>
#include <unistd.h>

using namespace neurolift;

Q_DECLARE_METATYPE(ColumnType)

class TestCsvGuards : public QObject {
    Q_OBJECT

private slots:
    void init();

    void testOddValuesReadAsMissing_issue17_data();
    void testOddValuesReadAsMissing_issue17();
    void testOddValueLineAcrossChunks_issue17_data();
    void testOddValueLineAcrossChunks_issue17();
    void testTrailingDelimiterDropped_issue17_data();
    void testTrailingDelimiterDropped_issue17();
    void testTrailingColumnWithAValueIsAnError_issue17();
    void testTrailingDelimiterWhenStreaming_issue17();
    void testUtf8BomWithLatin1Chosen_issue17_data();
    void testUtf8BomWithLatin1Chosen_issue17();
    void testLimits_issue17_data();
    void testLimits_issue17();
    void testRepeatedWarningsCollapsed_issue17();
    void testFileChangedWhileRead_issue17_data();
    void testFileChangedWhileRead_issue17();
    void testFileChangedAfterRead_issue17();
    void testSymlinkLoop_issue17();

private:
    std::string write(const QByteArray& content, const char* name = "data.csv");
    /// The message of the CsvError that reading `path` throws; "" when none.
    static std::string errorOf(const std::string& path, const CsvOptions& options = {},
                               const std::function<bool(double)>& progress = {});

    QTemporaryDir m_dir;
};

std::string TestCsvGuards::write(const QByteArray& content, const char* name)
{
    const QString path = m_dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
        qFatal("cannot write test file");
    }
    return path.toStdString();
}

std::string TestCsvGuards::errorOf(const std::string& path, const CsvOptions& options,
                                   const std::function<bool(double)>& progress)
{
    try {
        readCsv(path, options, progress);
    } catch (const CsvError& e) {
        return e.what();
    }
    return {};
}

void TestCsvGuards::init()
{
    QVERIFY(m_dir.isValid());
}

namespace {

/// "id,visits,signup,region" and `rows` rows; `odd` replaces column `column`
/// (2 = visits, 3 = signup) on the data rows given (0-based).
QByteArray oddFile(int rows, int column, const QByteArray& odd, const QList<int>& at)
{
    QByteArray s = "id,visits,signup,region\n";
    for (int i = 0; i < rows; ++i) {
        QByteArray visits = QByteArray::number(i % 13);
        QByteArray signup = "2023-" + QByteArray::number(1 + i % 12).rightJustified(2, '0') + "-" +
                            QByteArray::number(1 + i % 28).rightJustified(2, '0');
        if (at.contains(i)) {
            (column == 2 ? visits : signup) = odd;
        }
        s += "C" + QByteArray::number(i) + "," + visits + "," + signup + ",r" + QByteArray::number(i % 3) +
             "\n";
    }
    return s;
}

} // namespace

void TestCsvGuards::testOddValuesReadAsMissing_issue17_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("column");
    QTest::addColumn<ColumnType>("type");
    QTest::addColumn<int>("missing");
    QTest::addColumn<QString>("warning"); // "" = none about the column

    const QString visits = QStringLiteral("column 2 \"visits\": ");
    const QString signup = QStringLiteral("column 3 \"signup\": ");
    QTest::newRow("1_000 among 4,000 numbers")
        << oddFile(4000, 2, "1_000", {15}) << 2 << ColumnType::Numeric << 1
        << visits + "1 value is not a number (for example \"1_000\" on line 17) and is read as missing";
    QTest::newRow("0x1A among 4,000 numbers")
        << oddFile(4000, 2, "0x1A", {0, 3999}) << 2 << ColumnType::Numeric << 2
        << visits + "2 values are not numbers (for example \"0x1A\" on line 2) and are read as missing";
    QTest::newRow("40 of 4,000 (1 %) still numeric")
        << oddFile(4000, 2, "n.a.",
                   QList<int>{100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113,
                              114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,
                              128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139})
        << 2 << ColumnType::Numeric << 40
        << visits + "40 values are not numbers (for example \"n.a.\" on line 102) and are read as missing";
    QList<int> many;
    for (int i = 0; i < 41; ++i) {
        many << 10 * i;
    }
    QTest::newRow("41 of 4,000 is a text column")
        << oddFile(4000, 2, "n.a.", many) << 2 << ColumnType::Categorical << 0 << QString();
    QTest::newRow("1 of 50 is a text column")
        << oddFile(50, 2, "1_000", {7}) << 2 << ColumnType::Categorical << 0 << QString();
    QTest::newRow("a leading zero keeps the text")
        << oddFile(4000, 2, "007", {15}) << 2 << ColumnType::Categorical << 0 << QString();
    QTest::newRow("Feb 30 among 4,000 dates")
        << oddFile(4000, 3, "2024-02-30", {298}) << 3 << ColumnType::Date << 1
        << signup +
               "1 value is not a valid date (for example \"2024-02-30\" on line 300) and is read as missing";
    QTest::newRow("a word among 4,000 dates")
        << oddFile(4000, 3, "soon", {5, 6}) << 3 << ColumnType::Date << 2
        << signup + "2 values are not valid dates (for example \"soon\" on line 7) and are read as missing";
    QTest::newRow("1 of 50 dates is an identifier")
        << oddFile(50, 3, "2024-02-30", {7}) << 3 << ColumnType::Identifier << 0 << QString();
}

void TestCsvGuards::testOddValuesReadAsMissing_issue17()
{
    QFETCH(QByteArray, content);
    QFETCH(int, column);
    QFETCH(ColumnType, type);
    QFETCH(int, missing);
    QFETCH(QString, warning);

    const CsvResult r = readCsv(write(content));
    const Column& c = r.table.column(static_cast<std::size_t>(column - 1));
    QCOMPARE(columnTypeId(c.type), columnTypeId(type));
    QCOMPARE(c.missingCount(), static_cast<std::size_t>(missing));
    QStringList about;
    for (const CsvWarning& w : r.warnings) {
        if (w.column == column) {
            about << QString::fromStdString(w.message);
        }
    }
    QCOMPARE(about, warning.isEmpty() ? QStringList() : QStringList{warning});
}

void TestCsvGuards::testOddValueLineAcrossChunks_issue17_data()
{
    QTest::addColumn<int>("threads");
    QTest::newRow("one thread") << 1;
    QTest::newRow("four threads") << 4;
}

void TestCsvGuards::testOddValueLineAcrossChunks_issue17()
{
    QFETCH(int, threads);
    // 200,000 rows (several MiB, so several chunks), a blank line, a quoted
    // line break and a skipped row before the odd value, which is far down.
    QByteArray s = "id,note,amount\n";
    for (int i = 0; i < 200000; ++i) {
        if (i == 10) {
            s += "\n";
        }
        if (i == 20) {
            s += "x,too,many,fields\n";
        }
        const QByteArray note = i == 30 ? QByteArray("\"two\nlines\"") : "n" + QByteArray::number(i % 5);
        const QByteArray amount = i == 150000 ? QByteArray("12,5") : QByteArray::number(i % 97) + ".5";
        s += QByteArray::number(i) + "," + note + "," +
             (amount.contains(',') ? "\"" + amount + "\"" : amount) + "\n";
    }
    CsvOptions options;
    options.threads = threads;
    const CsvResult r = readCsv(write(s), options);
    QCOMPARE(columnTypeId(r.table.column(2).type), columnTypeId(ColumnType::Numeric));
    // Line = row + 2 (header, 1-based), + 1 blank line, + 1 skipped row, + 1 quoted line break.
    const std::string expected =
        "column 3 \"amount\": 1 value is not a number (for example \"12,5\" on line 150,005) "
        "and is read as missing";
    bool found = false;
    for (const CsvWarning& w : r.warnings) {
        found = found || (w.message == expected && w.line == 150005 && w.column == 3);
    }
    QVERIFY2(found, r.warnings.empty() ? "no warning" : r.warnings.back().message.c_str());
}

void TestCsvGuards::testTrailingDelimiterDropped_issue17_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("header"); // "", "yes" or "no"
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QString>("warning"); // "" = none

    const QString comma = QStringLiteral(
        "every line ends with a comma, as if there were one more column, without a name and empty; that "
        "empty column is left out");
    QTest::newRow("comma") << QByteArray("id,visits,bought,\nA,1,yes,\nB,2,no,\nC,3,no,\n") << QString()
                           << QStringList{"id", "visits", "bought"} << comma;
    QTest::newRow("CRLF, header yes") << QByteArray("id,visits,bought,\r\nA,1,yes,\r\nB,2,no,\r\nC,3,no,\r\n")
                                      << "yes" << QStringList{"id", "visits", "bought"} << comma;
    QTest::newRow("semicolon") << QByteArray("id;visits;bought;\nA;1;yes;\nB;2;no;\nC;3;no;\n") << QString()
                               << QStringList{"id", "visits", "bought"}
                               << QString(comma).replace("a comma", "a semicolon");
    QTest::newRow("numbers in the header: no header")
        << QByteArray("1,2,3,\n4,5,6,\n7,8,9,\n") << QString()
        << QStringList{"column1", "column2", "column3", "column4"} << QString();
    QTest::newRow("a value in the last column: no header")
        << QByteArray("id,visits,bought,\nA,1,yes,\nB,2,no,x\nC,3,no,\n") << QString()
        << QStringList{"column1", "column2", "column3", "column4"} << QString();
}

void TestCsvGuards::testTrailingDelimiterDropped_issue17()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, header);
    QFETCH(QStringList, names);
    QFETCH(QString, warning);

    CsvOptions options;
    if (!header.isEmpty()) {
        options.header = header == "yes";
    }
    const CsvResult r = readCsv(write(content), options);
    QStringList read;
    for (const Column& c : r.table.columns()) {
        read << QString::fromStdString(c.name);
    }
    QCOMPARE(read, names);
    QCOMPARE(r.columnNames.size(), static_cast<std::size_t>(names.size()));
    QStringList warnings;
    for (const CsvWarning& w : r.warnings) {
        if (w.message.find("every line ends") != std::string::npos) {
            warnings << QString::fromStdString(w.message);
        }
    }
    QCOMPARE(warnings, warning.isEmpty() ? QStringList() : QStringList{warning});
}

void TestCsvGuards::testTrailingColumnWithAValueIsAnError_issue17()
{
    // A value far below the rows the reader samples first.
    QByteArray s = "id,visits,";
    for (int i = 0; i < 3000; ++i) {
        s += "\n" + QByteArray::number(i) + "," + QByteArray::number(i % 9) + (i == 2500 ? ",oops" : ",");
    }
    QCOMPARE(
        QString::fromStdString(errorOf(write(s, "late.csv"))),
        QStringLiteral("\"late.csv\", line 1, column 3: column 3 has no name in the header row; give every "
                       "column a name"));
}

void TestCsvGuards::testTrailingDelimiterWhenStreaming_issue17()
{
    const std::string path = write("id,visits,bought,\nA,1,yes,\nB,2,no,\n");
    std::size_t columns = 0;
    const CsvResult layout = streamCsv(path, {}, 100, [&](const Table& batch, const CsvResult& l) {
        columns = batch.columnCount();
        QCOMPARE(l.columnNames.size(), std::size_t{3});
    });
    QCOMPARE(columns, std::size_t{3});
    QCOMPARE(layout.columnNames, (std::vector<std::string>{"id", "visits", "bought"}));
}

void TestCsvGuards::testUtf8BomWithLatin1Chosen_issue17_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<int>("warnings");

    QTest::newRow("UTF-8 text: read as UTF-8")
        << QByteArray("\xEF\xBB\xBFid,name\n1,M\xC3\xBCller\n2,Zo\xC3\xAB\n") << QStringLiteral("Müller")
        << "UTF-8" << 1;
    QTest::newRow("Latin-1 text: the BOM skipped")
        << QByteArray("\xEF\xBB\xBFid,name\n1,M\xFCller\n2,Zo\xEB\n") << QStringLiteral("Müller")
        << "ISO-8859-1" << 0;
}

void TestCsvGuards::testUtf8BomWithLatin1Chosen_issue17()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, name);
    QFETCH(QString, encoding);
    QFETCH(int, warnings);

    CsvOptions options;
    options.encoding = TextEncoding::Latin1;
    const CsvResult r = readCsv(write(content), options);
    QCOMPARE(r.table.column(0).name, std::string("id"));
    QCOMPARE(QString::fromStdString(r.table.column(1).strings[0]), name);
    QCOMPARE(QString::fromLatin1(encodingName(r.encoding).data()), encoding);
    QVERIFY(r.bom);
    QCOMPARE(r.warnings.size(), static_cast<std::size_t>(warnings));
    if (warnings > 0) {
        QCOMPARE(r.warnings[0].message,
                 std::string("the file starts with a UTF-8 byte order mark and its text "
                             "is UTF-8, so it is read as UTF-8, not ISO-8859-1"));
    }
}

void TestCsvGuards::testLimits_issue17_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("error"); // "" = reads

    const QString tooMany = QStringLiteral("the line has more than 10,000 fields, and NeuroLift reads at "
                                           "most 10,000 columns; check the delimiter "
                                           "(comma), or export the table with fewer columns");
    const auto line = [](int fields, const char* prefix) {
        QByteArray s;
        for (int i = 0; i < fields; ++i) {
            s += (i ? "," : "") + QByteArray(prefix) + QByteArray::number(i);
        }
        return s + "\n";
    };
    QTest::newRow("10,000 columns") << line(10000, "c") + line(10000, "") << QString() << QString();
    QTest::newRow("10,001 columns") << line(10001, "c") + line(10001, "") << QString()
                                    << "\"limits.csv\", line 1: " + tooMany;
    QTest::newRow("10,001 fields, no header") << line(10001, "") << "no"
                                              << "\"limits.csv\", line 1: " + tooMany;
    QTest::newRow("a data row of 10,001 fields")
        << QByteArray("a,b\n1,2\n") + line(10001, "") << QString() << "\"limits.csv\", line 3: " + tooMany;
    QTest::newRow("one line of 20 MB")
        << QByteArray(20'000'000, ',') << QString() << "\"limits.csv\", line 1: " + tooMany;
    const QString longHeader = QStringLiteral(
        "\"limits.csv\", line 1: the first line is longer than 1 MiB, too long for a header row; check that "
        "the file is a table with one row per line, or, if the first line holds data, choose that the file "
        "has no header row");
    QTest::newRow("header of 2 MB") << QByteArray(2'000'000, 'x') + "\n1\n" << QString() << longHeader;
    QTest::newRow("header of 5 MB, no line break") << QByteArray(5'000'000, 'x') << QString() << longHeader;
    QTest::newRow("header of 1 MiB") << QByteArray(1'048'575, 'x') + "\n1\n" << QString() << QString();
    QTest::newRow("a long first row without header") << QByteArray(2'000'000, 'x') + "\n1\n"
                                                     << "no" << QString();
}

void TestCsvGuards::testLimits_issue17()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, header);
    QFETCH(QString, error);

    CsvOptions options;
    if (!header.isEmpty()) {
        options.header = header == "yes";
    }
    QCOMPARE(QString::fromStdString(errorOf(write(content, "limits.csv"), options)), error);
}

void TestCsvGuards::testRepeatedWarningsCollapsed_issue17()
{
    QByteArray s;
    for (int i = 0; i < 5000; ++i) {
        s += (i ? ",c" : "c") + QByteArray::number(i);
    }
    s += "\n";
    for (int row = 0; row < 3; ++row) {
        s += QByteArray("1") + QByteArray(",1").repeated(4999) + "\n";
    }
    const CsvResult r = readCsv(write(s));
    QCOMPARE(r.table.columnCount(), std::size_t{5000});
    QCOMPARE(r.warnings.size(), std::size_t{11});
    QCOMPARE(r.warnings[9].message,
             std::string("column 10 \"c9\": has the same value in every row, so it carries no information"));
    QCOMPARE(r.warnings[10].message, std::string("\u2026 and 4,990 more like this"));
}

void TestCsvGuards::testFileChangedWhileRead_issue17_data()
{
    QTest::addColumn<QString>("change"); // what the progress callback does to the file
    QTest::addColumn<bool>("streaming");
    QTest::newRow("cut short") << "truncate" << false;
    QTest::newRow("cut short, streaming") << "truncate" << true;
    QTest::newRow("grown") << "append" << false;
    QTest::newRow("replaced, same size") << "replace" << false;
}

void TestCsvGuards::testFileChangedWhileRead_issue17()
{
    QFETCH(QString, change);
    QFETCH(bool, streaming);

    // About 20 MB, so that progress is reported (after each batch) before the end.
    QByteArray s = "id,x,y\n";
    for (int i = 0; i < 1'000'000; ++i) {
        s += QByteArray::number(i) + "," + QByteArray::number(i % 1000) + ".25,value" +
             QByteArray::number(i % 7) + "\n";
    }
    const std::string path = write(s, "changing.csv");
    const auto size = static_cast<std::uint64_t>(s.size());
    CsvOptions options;
    options.threads = 1;
    bool changed = false;
    const auto progress = [&](double) {
        if (!changed) {
            changed = true;
            if (change == "truncate") {
                std::filesystem::resize_file(path, 10'000'000);
            } else if (change == "append") {
                QFile f(QString::fromStdString(path));
                if (!f.open(QIODevice::Append) || f.write("1,2,3\n") != 6) {
                    qFatal("cannot append");
                }
            } else {
                QByteArray other = s;
                other[10] = 'Z';
                const std::string copy = write(other, "other.csv");
                std::filesystem::rename(copy, path);
            }
        }
        return true;
    };
    std::string error;
    try {
        if (streaming) {
            streamCsv(
                path, options, 65536, [](const Table&, const CsvResult&) {}, progress);
        } else {
            readCsv(path, options, progress);
        }
    } catch (const CsvError& e) {
        error = e.what();
    }
    QVERIFY(changed);
    const std::string was = "the file changed while it was being read (it was " +
                            std::to_string(size / 1000000) + "," +
                            std::to_string(size / 1000 % 1000 + 1000).substr(1) + "," +
                            std::to_string(size % 1000 + 1000).substr(1) + " bytes, ";
    const std::string advice = "; wait until it is completely written and try again";
    std::string expected;
    if (change == "truncate") {
        expected = was + "now 10,000,000)";
    } else if (change == "append") {
        const std::uint64_t now = size + 6;
        expected = was + "now " + std::to_string(now / 1000000) + "," +
                   std::to_string(now / 1000 % 1000 + 1000).substr(1) + "," +
                   std::to_string(now % 1000 + 1000).substr(1) + ")";
    } else {
        expected = "the file changed while it was being read (same size, but written again or replaced)";
    }
    QCOMPARE(QString::fromStdString(error), QString::fromStdString("\"changing.csv\": " + expected + advice));
}

void TestCsvGuards::testFileChangedAfterRead_issue17()
{
    const std::string path = write("a,b\n1,2\n3,4\n", "later.csv");
    const CsvResult r = readCsv(path);
    checkSourceUnchanged(path, r); // nothing changed: no error
    write("a,b\n1,2\n", "later.csv");
    bool thrown = false;
    try {
        checkSourceUnchanged(path, r);
    } catch (const CsvError& e) {
        thrown = true;
        QCOMPARE(std::string(e.what()),
                 std::string("\"later.csv\": the file changed while it was being read (it was "
                             "12 bytes, now 8); wait until it is completely written and try "
                             "again"));
    }
    QVERIFY(thrown);
}

void TestCsvGuards::testSymlinkLoop_issue17()
{
    const std::string a = m_dir.filePath("loop.csv").toStdString();
    const std::string b = m_dir.filePath("back.csv").toStdString();
    QCOMPARE(::symlink(b.c_str(), a.c_str()), 0);
    QCOMPARE(::symlink(a.c_str(), b.c_str()), 0);
    QCOMPARE(QString::fromStdString(errorOf(a)),
             QStringLiteral(
                 "\"loop.csv\": the name is a symbolic link that leads back to itself (a loop of links), "
                 "so there is no file to read; point the link at the CSV file, or choose the file itself"));
}

QTEST_APPLESS_MAIN(TestCsvGuards)
#include "tst_csvguards.moc"

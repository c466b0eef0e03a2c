#include "data/csvreader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <string>

// Reading files as marketers' tools write them: encodings, number formats,
// dates, the user's choices, and the messages for files that cannot be read.
// The inputs are golden files in tests/data/csv.

using namespace neurolift;

Q_DECLARE_METATYPE(ColumnType)

namespace {

/// A file of tests/data/csv (golden inputs checked into the repository).
std::string goldenPath(const QString& relative)
{
    return std::string(NEUROLIFT_TEST_DATA "/csv/") + relative.toStdString();
}

} // namespace

class TestCsvFormats : public QObject {
    Q_OBJECT

private slots:
    void goldenErrors_data();
    void goldenErrors();
    void encodings_data();
    void encodings();
    void chosenEncodingWins();
    void numberFormats_data();
    void numberFormats();
    void numberFormatOverride();
    void dates_data();
    void dates();
    void typeOverrides();
    void userMissingTokens();

private:
    std::string write(const QByteArray& content, const char* name = "data.csv");
    QTemporaryDir m_dir;
};

std::string TestCsvFormats::write(const QByteArray& content, const char* name)
{
    const QString path = m_dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
        qFatal("cannot write test file");
    }
    return path.toStdString();
}

void TestCsvFormats::goldenErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("encoding"); // empty: detect
    QTest::addColumn<QString>("expected"); // the whole message
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::addRow("empty")
        << "bad/empty.csv"
        << ""
        << "\"empty.csv\": the file is empty; choose a file with a header row and data rows" << 0 << 0;
    QTest::addRow("only a BOM")
        << "bad/only-bom.csv"
        << ""
        << "\"only-bom.csv\": the file is empty; choose a file with a header row and data rows" << 0 << 0;
    QTest::addRow("blank lines")
        << "bad/blank-lines.csv"
        << ""
        << "\"blank-lines.csv\": the file is empty (only blank lines); choose a file with a "
           "header row and data rows"
        << 0 << 0;
    QTest::addRow("header only")
        << "bad/header-only.csv"
        << ""
        << "\"header-only.csv\", line 1: the file has a header row but no data rows; choose "
           "a file that contains data"
        << 1 << 0;
    QTest::addRow("binary")
        << "bad/binary.csv"
        << ""
        << "\"binary.csv\", line 2: the file contains NUL bytes, so it looks like a binary file "
           "(for example a spreadsheet), not CSV; export it as \"CSV UTF-8\""
        << 2 << 0;
    QTest::addRow("zip")
        << "bad/zip-header.csv"
        << ""
        << "\"zip-header.csv\", line 1: the file contains NUL bytes, so it looks like a binary file "
           "(for example a spreadsheet), not CSV; export it as \"CSV UTF-8\""
        << 1 << 0;
    QTest::addRow("unterminated quote")
        << "bad/unterminated-quote.csv"
        << ""
        << "\"unterminated-quote.csv\", line 3, column 2: a quoted field opened here is never closed; add "
           "the "
           "missing '\"' (a quote inside a quoted field is written as two quotes \"\")"
        << 3 << 2;
    QTest::addRow("duplicate name")
        << "bad/duplicate-name.csv"
        << ""
        << "\"duplicate-name.csv\", line 1, column 3: the column name \"a\" appears twice "
           "in the header row (columns 1 and 3); give each column its own name"
        << 1 << 3;
    QTest::addRow("all rows ragged")
        << "bad/all-ragged.csv"
        << ""
        << "\"all-ragged.csv\", line 1: no data row has as many fields as the header; "
           "check the delimiter (detected: semicolon)"
        << 1 << 0;
    QTest::addRow("not UTF-8 when UTF-8 is chosen") << "bad/invalid-utf8.csv"
                                                    << "utf-8"
                                                    << "\"invalid-utf8.csv\", line 3, column 2: the text is "
                                                       "not UTF-8; choose the file's encoding (or save it "
                                                       "as \"CSV UTF-8\")"
                                                    << 3 << 2;
    QTest::addRow("not GBK when GBK is chosen") << "windows1252.csv"
                                                << "gbk"
                                                << "\"windows1252.csv\", line 2: the text is not valid GBK (";
}

void TestCsvFormats::goldenErrors()
{
    QFETCH(QString, file);
    QFETCH(QString, encoding);
    QFETCH(QString, expected);
    CsvOptions options;
    if (!encoding.isEmpty()) {
        options.encoding = encodingFromName(encoding.toStdString());
        QVERIFY(options.encoding);
    }
    try {
        readCsv(goldenPath(file), options);
        QFAIL("no CsvError thrown");
    } catch (const CsvError& e) {
        const QString message = QString::fromUtf8(e.what());
        if (QTest::currentDataTag() == QLatin1String("not GBK when GBK is chosen")) {
            QVERIFY2(message.startsWith(expected), qPrintable(message));
            QVERIFY2(message.endsWith("); choose the file's encoding"), qPrintable(message));
            return;
        }
        QFETCH(int, line);
        QFETCH(int, column);
        QCOMPARE(message, expected);
        QCOMPARE(e.line(), static_cast<long long>(line));
        QCOMPARE(e.column(), column);
    }
}

void TestCsvFormats::encodings_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<bool>("bom");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QStringList>("cells");

    const QStringList names = {"Zo\u00eb", "Ren\u00e9e", "\u0141ukasz"};
    QTest::addRow("UTF-8 with BOM") << "utf8-bom.csv"
                                    << "UTF-8" << true << "name" << names;
    QTest::addRow("UTF-16 LE with BOM") << "utf16le-bom.csv"
                                        << "UTF-16 LE" << true << "name" << names;
    QTest::addRow("UTF-16 BE with BOM") << "utf16be-bom.csv"
                                        << "UTF-16 BE" << true << "name" << names;
    QTest::addRow("UTF-16 LE without BOM")
        << "utf16le-nobom.csv"
        << "UTF-16 LE" << false << "city"
        << QStringList{"Z\u00fcrich", "Besan\u00e7on", "\u0141\u00f3d\u017a"};
    QTest::addRow("GBK (Excel on Chinese Windows)")
        << "gbk.csv"
        << "GBK" << false << "\u57ce\u5e02" << QStringList{"\u5317\u4eac", "\u4e0a\u6d77", "\u5e7f\u5dde"};
    QTest::addRow("Windows-1252") << "windows1252.csv"
                                  << "Windows-1252" << false << "name"
                                  << QStringList{"Zo\u00eb", "Ren\u00e9e", "Fran\u00e7ois"};
}

void TestCsvFormats::encodings()
{
    QFETCH(QString, file);
    QFETCH(QString, encoding);
    QFETCH(bool, bom);
    QFETCH(QString, column);
    QFETCH(QStringList, cells);
    const CsvResult r = readCsv(goldenPath(file));
    QCOMPARE(QString::fromUtf8(encodingName(r.encoding).data()), encoding);
    QCOMPARE(r.bom, bom);
    QCOMPARE(r.table.rowCount(), static_cast<std::size_t>(cells.size()));
    const Column* c = r.table.column(column.toStdString());
    QVERIFY2(c, qPrintable(column));
    for (qsizetype i = 0; i < cells.size(); ++i) {
        QCOMPARE(QString::fromStdString(c->text(static_cast<std::size_t>(i))), cells[i]);
    }
}

void TestCsvFormats::chosenEncodingWins()
{
    // The Windows-1252 file read as Latin-1 differs only where the two code pages do (not here).
    CsvOptions options;
    options.encoding = TextEncoding::Latin1;
    const CsvResult r = readCsv(goldenPath("windows1252.csv"), options);
    QCOMPARE(r.encoding, TextEncoding::Latin1);
    QCOMPARE(r.table.column("city")->text(0), std::string("Z\u00fcrich"));
    // GBK bytes read as Windows-1252 give other characters, not an error.
    options.encoding = TextEncoding::Windows1252;
    const CsvResult wrong = readCsv(goldenPath("gbk.csv"), options);
    QCOMPARE(wrong.table.columnCount(), std::size_t{4});
    QVERIFY(!wrong.table.column("\u57ce\u5e02"));
}

void TestCsvFormats::numberFormats_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("column");
    QTest::addColumn<char>("decimal");
    QTest::addColumn<char>("thousands");
    QTest::addColumn<QList<double>>("values");

    QTest::addRow("decimal comma, dot groups")
        << "decimal-comma.csv"
        << "spend" << ',' << '.' << QList<double>{1234.56, 987.5, -0.25, 12000.0};
    QTest::addRow("thousands commas in quotes")
        << "thousands-comma.csv"
        << "spend" << '.' << ',' << QList<double>{1234.56, 987.5, 1000000.0, 12000.0};
    QTest::addRow("Windows-1252 from a European Excel")
        << "windows1252.csv"
        << "amount" << ',' << '.' << QList<double>{1234.5, 17.25, 0.99};
}

void TestCsvFormats::numberFormats()
{
    QFETCH(QString, file);
    QFETCH(QString, column);
    QFETCH(char, decimal);
    QFETCH(char, thousands);
    QFETCH(QList<double>, values);
    const CsvResult r = readCsv(goldenPath(file));
    QCOMPARE(r.decimal, decimal);
    QCOMPARE(r.thousands, thousands);
    const Column* c = r.table.column(column.toStdString());
    QVERIFY(c);
    QCOMPARE(c->type, ColumnType::Numeric);
    QCOMPARE(c->values.size(), static_cast<std::size_t>(values.size()));
    for (qsizetype i = 0; i < values.size(); ++i) {
        QCOMPARE(c->values[static_cast<std::size_t>(i)], values[i]);
    }
    // Integers without separators in the same file still read as numbers.
    const Column* visits = r.table.column("visits");
    if (visits) {
        QCOMPARE(visits->type, ColumnType::Numeric);
    }
}

void TestCsvFormats::numberFormatOverride()
{
    // "1,234" in a comma... semicolon file reads as 1.234 by default; the user can say it is 1234.
    const std::string path = write("id;amount\nA;1,234\nB;2,500\nC;17\nD;17\n");
    const CsvResult detected = readCsv(path);
    QCOMPARE(detected.decimal, ',');
    QCOMPARE(detected.table.column("amount")->values[0], 1.234);
    CsvOptions options;
    options.decimal = '.';
    options.thousands = ',';
    const CsvResult chosen = readCsv(path, options);
    QCOMPARE(chosen.table.column("amount")->values[0], 1234.0);
    QCOMPARE(chosen.table.column("amount")->values[1], 2500.0);
    // Badly grouped numbers are not numbers: the column stays categorical.
    const CsvResult bad = readCsv(write("id,amount\nA,\"12,34,5\"\nB,\"1,000\"\nC,\"7\"\nD,7\n"));
    QCOMPARE(bad.table.column("amount")->type, ColumnType::Categorical);
}

void TestCsvFormats::dates_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("order"); // empty: default
    QTest::addColumn<int>("type");
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QString>("warning"); // expected warning text, or empty for none

    const int date = static_cast<int>(ColumnType::Date);
    QTest::addRow("ISO dates") << "dates-iso.csv"
                               << "signup"
                               << "" << date << QStringList{"2023-01-15", "2022-11-30", ""} << "";
    QTest::addRow("ISO date-times, T, space and Z")
        << "dates-iso.csv"
        << "last_order"
        << "" << date << QStringList{"2024-03-05 14:30:00", "2024-02-29 08:00:00", "2023-12-31 23:59:59"}
        << "";
    QTest::addRow("day first (15/01 proves it)")
        << "dates-dmy.csv"
        << "signup"
        << "" << date << QStringList{"2023-01-15", "2023-04-03", "2022-11-30"} << "";
    QTest::addRow("month first (01/15 proves it)")
        << "dates-mdy.csv"
        << "signup"
        << "" << date << QStringList{"2023-01-15", "2023-04-03", "2022-11-30"} << "";
    QTest::addRow("ambiguous: day first, with a warning")
        << "dates-ambiguous.csv"
        << "signup"
        << "" << date << QStringList{"2023-04-03", "2023-06-05", "2022-02-01"}
        << "column 2 \"signup\": dates such as \"03/04/2023\" could be day-first or month-first; read as "
           "day-first "
           "(choose the date order if that is wrong)";
    QTest::addRow("ambiguous: month first when chosen")
        << "dates-ambiguous.csv"
        << "signup"
        << "mdy" << date << QStringList{"2023-03-04", "2023-05-06", "2022-01-02"} << "";
    QTest::addRow("mixed separators are not one date format")
        << "dates-mixed-separators.csv"
        << "signup"
        << "" << static_cast<int>(ColumnType::Categorical)
        << QStringList{"15/01/2023", "03/04/2023", "30.11.2022"} << "";
}

void TestCsvFormats::dates()
{
    QFETCH(QString, file);
    QFETCH(QString, column);
    QFETCH(QString, order);
    QFETCH(int, type);
    QFETCH(QStringList, cells);
    QFETCH(QString, warning);
    CsvOptions options;
    if (!order.isEmpty()) {
        options.dateOrder = dateOrderFromId(order.toStdString());
    }
    const CsvResult r = readCsv(goldenPath(file), options);
    const Column* c = r.table.column(column.toStdString());
    QVERIFY(c);
    QCOMPARE(static_cast<int>(c->type), type);
    for (qsizetype i = 0; i < cells.size(); ++i) {
        QCOMPARE(QString::fromStdString(c->text(static_cast<std::size_t>(i))), cells[i]);
    }
    QStringList warnings;
    for (const CsvWarning& w : r.warnings) {
        warnings << QString::fromStdString(w.message);
    }
    if (warning.isEmpty()) {
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join('\n')));
    } else {
        QCOMPARE(warnings, QStringList{warning});
    }
}

void TestCsvFormats::typeOverrides()
{
    const std::string path = write("zip,score,member,joined,note\n"
                                   "01234,7,yes,2024-01-05,a\n"
                                   "98765,n/a,no,2024-02-30,b\n"
                                   "01234,9,maybe,2024-03-01,c\n"
                                   "98765,7,no,2024-01-05,d\n");
    const CsvResult inferred = readCsv(path);
    QCOMPARE(inferred.table.column("score")->type, ColumnType::Categorical);
    QCOMPARE(inferred.table.column("joined")->type, ColumnType::Categorical);

    CsvOptions options;
    options.columnTypes = {{"zip", ColumnType::Categorical},
                           {"score", ColumnType::Numeric},
                           {"member", ColumnType::Boolean},
                           {"joined", ColumnType::Date},
                           {"note", ColumnType::Text}};
    const CsvResult r = readCsv(path, options);
    const Table& t = r.table;
    QCOMPARE(t.column("zip")->type, ColumnType::Categorical);
    QCOMPARE(t.column("zip")->levels, (std::vector<std::string>{"01234", "98765"}));
    QCOMPARE(t.column("score")->type, ColumnType::Numeric);
    QCOMPARE(t.column("score")->text(0), std::string("7"));
    QVERIFY(t.column("score")->isMissing(1));
    QCOMPARE(t.column("member")->type, ColumnType::Boolean);
    QCOMPARE(t.column("member")->text(1), std::string("no"));
    QVERIFY(t.column("member")->isMissing(2));
    QCOMPARE(t.column("joined")->type, ColumnType::Date);
    QCOMPARE(t.column("joined")->text(2), std::string("2024-03-01"));
    QVERIFY(t.column("joined")->isMissing(1));
    QCOMPARE(t.column("note")->type, ColumnType::Text);
    std::vector<std::string> messages;
    for (const CsvWarning& w : r.warnings) {
        messages.push_back(w.message);
    }
    QCOMPARE(messages,
             (std::vector<std::string>{
                 "column 2 \"score\": 1 value is not numbers (for example \"n/a\") and is read as missing",
                 "column 3 \"member\": 1 value is not yes/no values (for example \"maybe\") and is read as "
                 "missing",
                 "column 4 \"joined\": 1 value is not dates (for example \"2024-02-30\") and is read as "
                 "missing"}));

    options.columnTypes = {{"postcode", ColumnType::Categorical}};
    try {
        readCsv(path, options);
        QFAIL("no CsvError for an unknown column");
    } catch (const CsvError& e) {
        QCOMPARE(std::string(e.what()),
                 std::string("\"data.csv\": there is no column \"postcode\" to set the type "
                             "of; the columns are zip, score, member, joined, note"));
    }
}

void TestCsvFormats::userMissingTokens()
{
    const std::string path = write("id,income\n1,50000\n2,unknown\n3,-999\n4,61000\n5,50000\n");
    QCOMPARE(readCsv(path).table.column("income")->type, ColumnType::Categorical);
    CsvOptions options;
    options.missingTokens.push_back("unknown");
    options.missingTokens.push_back("-999");
    const CsvResult r = readCsv(path, options);
    const Column* c = r.table.column("income");
    QCOMPARE(c->type, ColumnType::Numeric);
    QCOMPARE(c->missingCount(), std::size_t{2});
    QCOMPARE(c->values[3], 61000.0);
}

QTEST_APPLESS_MAIN(TestCsvFormats)
#include "tst_csvformats.moc"

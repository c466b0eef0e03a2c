#include "data/csvreader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

using namespace neurolift;

Q_DECLARE_METATYPE(ColumnType)

namespace {

/// The value of `row` in `c` as the user would see it ("" when missing).
std::string cellText(const Column& c, std::size_t row)
{
    if (c.isMissing(row)) {
        return {};
    }
    switch (c.type) {
    case ColumnType::Categorical:
        return c.levels[static_cast<std::size_t>(c.codes[row])];
    case ColumnType::Identifier:
    case ColumnType::Text:
        return c.strings[row];
    case ColumnType::Numeric:
    case ColumnType::Boolean:
        break;
    case ColumnType::Date:
        return c.text(row);
    }
    QString s = QString::number(static_cast<double>(c.values[row]));
    return s.toStdString();
}

/// Every cell of a table as text, column by column, for comparing whole tables.
std::vector<std::string> dump(const Table& t)
{
    std::vector<std::string> out;
    for (const Column& c : t.columns()) {
        out.push_back(c.name + ":" + std::string(columnTypeId(c.type)));
        for (std::size_t i = 0; i < t.rowCount(); ++i) {
            out.push_back(c.text(i));
        }
    }
    return out;
}

std::string sharedDataPath(const char* relative)
{
    const char* root = std::getenv("NEUROLIFT_SOURCE_DIR");
    return std::string(root ? root : ".") + "/../shared/data/" + relative;
}

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

private slots:
    void init();

    void quoting_data();
    void quoting();
    void utf8BomSkipped();
    void delimiterDetected_data();
    void delimiterDetected();
    void headerDetected();
    void missingTokens_data();
    void missingTokens();
    void typeInference_data();
    void typeInference();
    void integerIdentifiers_data();
    void integerIdentifiers();
    void numbersRoundCorrectly();
    void testImportKeepsLeadingZeros();
    void testPostcodeNumbersAreCodes_issue18_data();
    void testPostcodeNumbersAreCodes_issue18();
    void constantAndAllMissingColumnsWarn();
    void errorNamesLocation_data();
    void errorNamesLocation();
    void missingFileIsAnError();
    void raggedRowSkippedWithWarning();
    void raggedRowStops();
    void progressReachesOneAndCancels();
    void recordsAcrossBlockBoundaries();
    void telcoChurn();
    void onlineShoppers();

    void blankLinesInOneColumnFile();
    void maxRowsReadsAPrefix_data();
    void maxRowsReadsAPrefix();
    void parallelMatchesSerial_data();
    void parallelMatchesSerial();

private:
    std::string write(const QByteArray& content, const char* name = "data.csv");
    QTemporaryDir m_dir;
};

std::string TestCsvReader::write(const QByteArray& content, const char* name)
{
    const QString path = m_dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
        qFatal("cannot write test file");
    }
    return path.toStdString();
}

void TestCsvReader::init()
{
    QVERIFY(m_dir.isValid());
}

void TestCsvReader::quoting_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("expected");

    QTest::newRow("delimiter inside quotes") << QByteArray("a,b\n\"x,y\",1\nz,2\n") << 2 << 0 << "x,y";
    QTest::newRow("doubled quotes") << QByteArray("a,b\n\"he said \"\"hi\"\"\",1\nq,2\n") << 2 << 0
                                    << "he said \"hi\"";
    QTest::newRow("line break inside quotes")
        << QByteArray("a,b\n\"one\ntwo\",1\nq,2\n") << 2 << 0 << "one\ntwo";
    QTest::newRow("CRLF") << QByteArray("a,b\r\nx,1\r\ny,2\r\n") << 2 << 1 << "y";
    QTest::newRow("CRLF inside quotes") << QByteArray("a,b\r\n\"p\r\nq\",1\r\nr,2\r\n") << 2 << 0 << "p\r\nq";
    QTest::newRow("no final line break") << QByteArray("a,b\nx,1\ny,2") << 2 << 1 << "y";
    QTest::newRow("quoted spaces kept") << QByteArray("a,b\n\" x \",1\ny,2\n") << 2 << 0 << " x ";
    QTest::newRow("unquoted spaces trimmed") << QByteArray("a,b\n  x  ,1\ny,2\n") << 2 << 0 << "x";
    QTest::newRow("blank lines ignored") << QByteArray("a,b\n\nx,1\n\ny,2\n") << 2 << 1 << "y";
    QTest::newRow("quoted empty is missing") << QByteArray("a,b\n\"\",1\ny,2\n") << 2 << 0 << "";
}

void TestCsvReader::quoting()
{
    QFETCH(QByteArray, content);
    QFETCH(int, rows);
    QFETCH(int, row);
    QFETCH(QString, expected);

    const CsvResult r = readCsv(write(content));
    QCOMPARE(r.table.rowCount(), static_cast<std::size_t>(rows));
    QCOMPARE(r.table.columnCount(), std::size_t{2});
    const Column* a = r.table.column("a");
    QVERIFY(a);
    QCOMPARE(QString::fromStdString(cellText(*a, static_cast<std::size_t>(row))), expected);
}

void TestCsvReader::utf8BomSkipped()
{
    const CsvResult r = readCsv(write("\xEF\xBB\xBFid,name\n1,Zo\xC3\xAB\n2,Ren\xC3\xA9\n"));
    QCOMPARE(r.encoding, TextEncoding::Utf8);
    QVERIFY(r.bom);
    QVERIFY(r.table.column("id"));
    QCOMPARE(cellText(*r.table.column("name"), 0), std::string("Zo\xC3\xAB"));

    const CsvResult plain = readCsv(write("id,name\n1,x\n2,y\n"));
    QCOMPARE(plain.encoding, TextEncoding::Utf8);
    QVERIFY(!plain.bom);
}

void TestCsvReader::delimiterDetected_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<char>("delimiter");

    QTest::newRow("comma") << QByteArray("a,b,c\n1,2,x\n3,4,y\n") << ',';
    QTest::newRow("semicolon, decimal commas") << QByteArray("a;b;c\n1,5;2;x\n3;4,25;y\n") << ';';
    QTest::newRow("tab") << QByteArray("a\tb\tc\n1\t2\tx, y\n3\t4\ty\n") << '\t';
    QTest::newRow("pipe") << QByteArray("a|b|c\n1|2|x\n3|4|y\n") << '|';
    QTest::newRow("comma inside quotes ignored") << QByteArray("a;b;c\n\"1,2,3\";2;x\n3;4;y\n") << ';';
}

void TestCsvReader::delimiterDetected()
{
    QFETCH(QByteArray, content);
    QFETCH(char, delimiter);

    const CsvResult r = readCsv(write(content));
    QCOMPARE(r.delimiter, delimiter);
    QCOMPARE(r.table.columnCount(), std::size_t{3});
    QCOMPARE(r.table.rowCount(), std::size_t{2});
}

void TestCsvReader::headerDetected()
{
    const CsvResult none = readCsv(write("1,2\n3,4\n5,6\n"));
    QVERIFY(!none.header);
    QCOMPARE(none.table.rowCount(), std::size_t{3});
    QVERIFY(none.table.column("column1"));

    const CsvResult named = readCsv(write("x,y\n3,4\n5,6\n"));
    QVERIFY(named.header);
    QCOMPARE(named.table.rowCount(), std::size_t{2});

    CsvOptions forced;
    forced.header = false;
    const CsvResult asData = readCsv(write("x,y\n3,4\n5,6\n"), forced);
    QCOMPARE(asData.table.rowCount(), std::size_t{3});
}

void TestCsvReader::missingTokens_data()
{
    QTest::addColumn<QByteArray>("token");

    for (const char* t : {"", "NA", "N/A", "null", "NULL", "?", "-", " ", "\"\""}) {
        QTest::newRow(t[0] ? t : "empty") << QByteArray(t);
    }
}

void TestCsvReader::missingTokens()
{
    QFETCH(QByteArray, token);

    const CsvResult r = readCsv(write("k,v\nx,1.5\ny," + token + "\nz,3\nw,3\n"));
    const Column* v = r.table.column("v");
    QVERIFY(v);
    QCOMPARE(v->type, ColumnType::Numeric);
    QCOMPARE(v->missingCount(), std::size_t{1});
    QVERIFY(v->isMissing(1));
    QVERIFY(std::isnan(v->values[1]));
    QCOMPARE(v->values[2], 3.0f);
}

void TestCsvReader::typeInference_data()
{
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<ColumnType>("type");

    QTest::newRow("decimals") << QStringList{"1.5", "2.25", "-3e2", "1.5"} << ColumnType::Numeric;
    QTest::newRow("repeated integers") << QStringList{"1", "2", "2", "3"} << ColumnType::Numeric;
    QTest::newRow("unique integers without an id name are numbers")
        << QStringList{"101", "102", "107"} << ColumnType::Numeric;
    QTest::newRow("unique decimals stay numeric") << QStringList{"1.5", "2.5", "3.5"} << ColumnType::Numeric;
    QTest::newRow("0/1") << QStringList{"0", "1", "1", "0"} << ColumnType::Boolean;
    QTest::newRow("yes/no any case") << QStringList{"yes", "No", "YES"} << ColumnType::Boolean;
    QTest::newRow("true/false") << QStringList{"true", "False", "true"} << ColumnType::Boolean;
    QTest::newRow("y/n") << QStringList{"Y", "n", "y"} << ColumnType::Boolean;
    QTest::newRow("mixed boolean words") << QStringList{"yes", "true", "yes"} << ColumnType::Categorical;
    QTest::newRow("few levels") << QStringList{"red", "blue", "red", "green"} << ColumnType::Categorical;
    QTest::newRow("numbers and words") << QStringList{"1", "2", "x", "1"} << ColumnType::Categorical;
    QTest::newRow("unique strings") << QStringList{"ann", "bob", "cy"} << ColumnType::Identifier;
    QTest::newRow("leading zeros unique") << QStringList{"00123", "00456", "00789"} << ColumnType::Identifier;
    QTest::newRow("leading zeros repeated") << QStringList{"007", "007", "12"} << ColumnType::Categorical;
    QTest::newRow("large integers") << QStringList{"123456789012", "5", "5"} << ColumnType::Numeric;
    QStringList many;
    for (int i = 0; i < 60; ++i) {
        many << QStringList{QStringLiteral("word %1").arg(i)};
    }
    many << QStringList{"word 0"};
    QTest::newRow("many levels are text") << many << ColumnType::Text;
}

void TestCsvReader::integerIdentifiers_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("rows");
    QTest::addColumn<bool>("shuffled");
    QTest::addColumn<ColumnType>("type");
    QTest::addRow("customer_id") << "customer_id" << 5 << true << ColumnType::Identifier;
    QTest::addRow("CustomerID") << "CustomerID" << 5 << true << ColumnType::Identifier;
    QTest::addRow("Order No") << "Order No" << 5 << true << ColumnType::Identifier;
    QTest::addRow("customerid") << "customerid" << 5 << true << ColumnType::Identifier;
    QTest::addRow("row numbers in order") << "n" << 25 << false << ColumnType::Identifier;
    QTest::addRow("few rows in order") << "n" << 5 << false << ColumnType::Numeric;
    QTest::addRow("distinct amounts") << "spend" << 25 << true << ColumnType::Numeric;
    QTest::addRow("a word containing id") << "paid" << 25 << true << ColumnType::Numeric;
}

void TestCsvReader::integerIdentifiers()
{
    QFETCH(QString, name);
    QFETCH(int, rows);
    QFETCH(bool, shuffled);
    QFETCH(ColumnType, type);
    QByteArray content = name.toUtf8() + ",x\n";
    for (int i = 0; i < rows; ++i) {
        const int v = shuffled ? (i * 7) % rows : i;
        content += QByteArray::number(1000 + v) + "," + QByteArray::number(i % 2) + "\n";
    }
    const CsvResult r = readCsv(write(content));
    QCOMPARE(r.table.column(std::size_t{0}).type, type);
}

void TestCsvReader::typeInference()
{
    QFETCH(QStringList, values);
    QFETCH(ColumnType, type);

    const CsvResult r = readCsv(write(("v\n" + values.join('\n') + '\n').toUtf8()));
    QCOMPARE(r.table.rowCount(), static_cast<std::size_t>(values.size()));
    const Column& c = r.table.column(std::size_t{0});
    QCOMPARE(c.type, type);
    if (type == ColumnType::Categorical || type == ColumnType::Identifier || type == ColumnType::Text) {
        for (int i = 0; i < values.size(); ++i) {
            QCOMPARE(QString::fromStdString(cellText(c, static_cast<std::size_t>(i))), values[i]);
        }
    }
}

void TestCsvReader::numbersRoundCorrectly()
{
    // The reader's fast path must agree bit for bit with std::from_chars.
    std::vector<std::string> texts = {"0.1",
                                      "564.54",
                                      "5.35245e-05",
                                      "-4.30481E-4",
                                      "16777216",
                                      "1e10",
                                      "1.5e+3",
                                      "0.0000001234",
                                      "123456.789",
                                      "-0.0001",
                                      "3.4e38",
                                      "1e-30",
                                      "9007199254740993",
                                      ".5",
                                      "5.",
                                      "+2.75",
                                      "0.30000000000000004"};
    std::mt19937_64 rng(7);
    for (int i = 0; i < 20000; ++i) {
        const auto digits = std::to_string(rng() % 100000000);
        const auto point = static_cast<std::size_t>(rng() % (digits.size() + 1));
        std::string t = digits.substr(0, point) + "." + digits.substr(point);
        if (i % 3 == 0) {
            t += "e-" + std::to_string(rng() % 12);
        }
        texts.push_back(t);
    }
    QByteArray content = "v\n";
    for (const std::string& t : texts) {
        content += QByteArray::fromStdString(t) + "\n";
    }
    const CsvResult r = readCsv(write(content));
    const Column& c = r.table.column(std::size_t{0});
    QCOMPARE(c.type, ColumnType::Numeric);
    QCOMPARE(c.values.size(), texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string& t = texts[i];
        double expected = 0.0;
        const char* first = t.data() + (t[0] == '+' ? 1 : 0);
        std::from_chars(first, t.data() + t.size(), expected);
        QVERIFY2(std::bit_cast<std::uint64_t>(c.values[i]) == std::bit_cast<std::uint64_t>(expected),
                 t.c_str());
    }
}

void TestCsvReader::testImportKeepsLeadingZeros()
{
    const CsvResult r = readCsv(write("id,zip,amount\n00123,01001,5\n00124,01001,6\n00125,02110,6\n"));
    const Column* id = r.table.column("id");
    QVERIFY(id);
    QCOMPARE(id->type, ColumnType::Identifier);
    QCOMPARE(id->strings, (std::vector<std::string>{"00123", "00124", "00125"}));
    const Column* zip = r.table.column("zip");
    QVERIFY(zip);
    QCOMPARE(zip->type, ColumnType::Categorical);
    QCOMPARE(zip->levels, (std::vector<std::string>{"01001", "02110"}));
}

void TestCsvReader::testPostcodeNumbersAreCodes_issue18_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("postcode");
    QTest::newRow("zip") << QStringLiteral("zip") << true;
    QTest::newRow("ZipCode") << QStringLiteral("ZipCode") << true;
    QTest::newRow("postal_code") << QStringLiteral("postal_code") << true;
    QTest::newRow("Post Code") << QStringLiteral("Post Code") << true;
    QTest::newRow("PLZ") << QStringLiteral("PLZ") << true;
    QTest::newRow("Postcode") << QStringLiteral("Postcode") << true;
    // Words that merely contain the letters are amounts as before.
    QTest::newRow("zipper_sales") << QStringLiteral("zipper_sales") << false;
    QTest::newRow("postage") << QStringLiteral("postage") << false;
}

/// Whole numbers in a column named like a postcode are codes (a category here), with a
/// warning that says so; they are never read as an amount.
void TestCsvReader::testPostcodeNumbersAreCodes_issue18()
{
    QFETCH(QString, name);
    QFETCH(bool, postcode);
    QCOMPARE(namesAPostcode(name.toStdString()), postcode);
    QByteArray content = "id," + name.toUtf8() + ",amount\n";
    for (int i = 0; i < 60; ++i) {
        content += QByteArray::number(i + 1) + "," + QByteArray::number(90001 + i % 7) + "," +
                   QByteArray::number(i % 5) + ".5\n";
    }
    const CsvResult r = readCsv(write(content));
    const Column* column = r.table.column(name.toStdString());
    QVERIFY(column);
    QCOMPARE(column->type, postcode ? ColumnType::Categorical : ColumnType::Numeric);
    if (postcode) {
        QCOMPARE(column->levels.front(), std::string("90001"));
        QCOMPARE(r.warnings.size(), std::size_t{1});
        QCOMPARE(r.warnings[0].line, 0LL);
        QCOMPARE(r.warnings[0].column, 2);
        QVERIFY2(r.warnings[0].message.find("named like a postcode") != std::string::npos,
                 r.warnings[0].message.c_str());
    } else {
        QVERIFY(r.warnings.empty());
    }
}

void TestCsvReader::constantAndAllMissingColumnsWarn()
{
    const CsvResult r = readCsv(write("a,b,c\n1.5,x,\n2.5,x,NA\n3.5,x,\n"));
    QCOMPARE(r.warnings.size(), std::size_t{2});
    QCOMPARE(r.warnings[0].column, 2);
    QVERIFY(r.warnings[0].message.find("\"b\"") != std::string::npos);
    QVERIFY(r.warnings[0].message.find("same value") != std::string::npos);
    QCOMPARE(r.warnings[1].column, 3);
    QVERIFY(r.warnings[1].message.find("\"c\"") != std::string::npos);
    QVERIFY(r.warnings[1].message.find("missing") != std::string::npos);
}

void TestCsvReader::errorNamesLocation_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("header"); // -1 detect, 0 no, 1 yes
    QTest::addColumn<int>("maxFieldBytes");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("empty file") << QByteArray() << -1 << 0 << "the file is empty" << 0 << 0;
    QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF") << -1 << 0 << "the file is empty" << 0 << 0;
    QTest::newRow("header only") << QByteArray("a,b\n") << -1 << 0 << "header row but no data rows" << 1 << 0;
    QTest::newRow("binary") << QByteArray("a,b\n1,\0\x01\x02\x03", 11) << -1 << 0 << "binary file" << 2 << 0;
    QTest::newRow("unterminated quote")
        << QByteArray("a,b\n1,2\n3,\"abc\n4,5\n6,7\n") << -1 << 0 << "never closed" << 3 << 2;
    QTest::newRow("field too long") << QByteArray("a,b\n1,abcdefghijklmnop\n") << -1 << 10
                                    << "longer than 10 bytes" << 2 << 2;
    QTest::newRow("quoted field too long")
        << QByteArray("a,b\n1,2\n3,\"abcdefghijkl\nmnop\"\n") << -1 << 10 << "longer than 10 bytes" << 3 << 2;
    QTest::newRow("duplicate name") << QByteArray("a,b,a\n1,2,3\n") << -1 << 0 << "\"a\" appears twice" << 1
                                    << 3;
    QTest::newRow("empty name") << QByteArray("a,,c\n1,2,3\n") << 1 << 0 << "column 2 has no name" << 1 << 2;
}

void TestCsvReader::errorNamesLocation()
{
    QFETCH(QByteArray, content);
    QFETCH(int, header);
    QFETCH(int, maxFieldBytes);
    QFETCH(QString, expected);
    QFETCH(int, line);
    QFETCH(int, column);

    CsvOptions options;
    if (header >= 0) {
        options.header = header == 1;
    }
    if (maxFieldBytes > 0) {
        options.maxFieldBytes = static_cast<std::size_t>(maxFieldBytes);
    }
    const std::string path = write(content, "bad.csv");
    try {
        readCsv(path, options);
        QFAIL("no CsvError thrown");
    } catch (const CsvError& e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.startsWith("\"bad.csv\""), qPrintable(message));
        QCOMPARE(e.file(), std::string("bad.csv"));
        QCOMPARE(e.line(), static_cast<long long>(line));
        QCOMPARE(e.column(), column);
        if (line > 0) {
            QVERIFY2(message.contains(QStringLiteral("line %1").arg(line)), qPrintable(message));
        }
        if (column > 0) {
            QVERIFY2(message.contains(QStringLiteral("column %1").arg(column)), qPrintable(message));
        }
    }
}

void TestCsvReader::missingFileIsAnError()
{
    try {
        readCsv(m_dir.filePath("nothere.csv").toStdString());
        QFAIL("no CsvError thrown");
    } catch (const CsvError& e) {
        QVERIFY2(std::string(e.what()).find("does not exist") != std::string::npos, e.what());
        QCOMPARE(e.file(), std::string("nothere.csv"));
    }
}

void TestCsvReader::raggedRowSkippedWithWarning()
{
    const CsvResult r = readCsv(write("a,b\n\"multi\nline\",1\n3\n4,5\n6,7,8\n"));
    QCOMPARE(r.table.rowCount(), std::size_t{2});
    QCOMPARE(r.warnings.size(), std::size_t{2});
    QCOMPARE(r.warnings[0].line, 4LL);
    QCOMPARE(r.warnings[0].column, 0);
    QCOMPARE(r.warnings[0].message, std::string("line 4: 1 field where the header has 2 \u2014 row skipped"));
    QCOMPARE(r.warnings[1].line, 6LL);
    QCOMPARE(r.warnings[1].message,
             std::string("line 6: 3 fields where the header has 2 \u2014 row skipped"));
}

void TestCsvReader::raggedRowStops()
{
    CsvOptions options;
    options.ragged = CsvOptions::RaggedRows::Stop;
    try {
        readCsv(write("a,b\n1,2\n3\n4,5\n"), options);
        QFAIL("no CsvError thrown");
    } catch (const CsvError& e) {
        QCOMPARE(e.line(), 3LL);
        QVERIFY2(std::string(e.what()).find("line 3") != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find("1 field where the header has 2") != std::string::npos, e.what());
    }
}

void TestCsvReader::progressReachesOneAndCancels()
{
    QByteArray content = "id,x\n";
    for (int i = 0; i < 400000; ++i) {
        content += QByteArray::number(i) + ",value " + QByteArray::number(i % 7) + "\n";
    }
    const std::string path = write(content, "big.csv");

    std::vector<double> seen;
    const CsvResult r = readCsv(path, {}, [&](double f) {
        seen.push_back(f);
        return true;
    });
    QCOMPARE(r.table.rowCount(), std::size_t{400000});
    QVERIFY(seen.size() >= 2);
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    QCOMPARE(seen.back(), 1.0);

    int calls = 0;
    bool cancelled = false;
    try {
        readCsv(path, {}, [&](double) { return ++calls < 2; });
    } catch (const CsvCancelled&) {
        cancelled = true;
    }
    QVERIFY(cancelled);
    QCOMPARE(calls, 2);
}

void TestCsvReader::recordsAcrossBlockBoundaries()
{
    // Enough rows to span several read blocks, with quoted fields, doubled
    // quotes and line breaks that land on block boundaries somewhere.
    QByteArray content = "id,text,amount\r\n";
    const int rows = 150000;
    for (int i = 0; i < rows; ++i) {
        content += QByteArray::number(i) + ",\"note " + QByteArray::number(i % 97) + ", \"\"q\"\"\nend\"," +
                   QByteArray::number(i % 13) + ".25\r\n";
    }
    const CsvResult r = readCsv(write(content, "blocks.csv"));
    QCOMPARE(r.table.rowCount(), static_cast<std::size_t>(rows));
    QVERIFY(r.warnings.empty());
    const Column* text = r.table.column("text");
    QVERIFY(text);
    QCOMPARE(text->type, ColumnType::Categorical);
    for (std::size_t i : {std::size_t{0}, std::size_t{54321}, std::size_t{rows - 1}}) {
        QCOMPARE(cellText(*text, i), "note " + std::to_string(i % 97) + ", \"q\"\nend");
        QCOMPARE(r.table.column("amount")->values[i], static_cast<double>(i % 13) + 0.25);
        QCOMPARE(r.table.column("id")->strings[i], std::to_string(i));
    }
}

void TestCsvReader::telcoChurn()
{
    const std::string path = sharedDataPath("telco-churn/telco_customer_churn.csv");
    if (!std::filesystem::exists(path)) {
        QSKIP("telco_customer_churn.csv not available");
    }
    const CsvResult r = readCsv(path);
    QCOMPARE(r.table.rowCount(), std::size_t{7043});
    QCOMPARE(r.delimiter, ',');
    QVERIFY(r.header);

    const Column* churn = r.table.column("Churn");
    QVERIFY(churn);
    QCOMPARE(churn->type, ColumnType::Boolean);
    QCOMPARE(std::count(churn->values.begin(), churn->values.end(), 1.0f), 1869);
    // The yes/no words are kept, so the column can be written back as read.
    QCOMPARE(churn->levels, (std::vector<std::string>{"No", "Yes"}));
    QCOMPARE(churn->text(0), std::string(churn->values[0] >= 0.5f ? "Yes" : "No"));

    QCOMPARE(r.table.column("customerID")->type, ColumnType::Identifier);
    QCOMPARE(r.table.column("customerID")->strings[0], std::string("7590-VHVEG"));

    const Column* total = r.table.column("TotalCharges");
    QVERIFY(total);
    QCOMPARE(total->type, ColumnType::Numeric);
    QCOMPARE(total->missingCount(), std::size_t{11});
    QCOMPARE(r.table.column("Contract")->type, ColumnType::Categorical);
    QCOMPARE(r.table.column("Contract")->levels.size(), std::size_t{3});
    QCOMPARE(r.table.column("MonthlyCharges")->type, ColumnType::Numeric);
    // 1,652 different postcodes: too many for a category, so kept as text (not an input).
    QCOMPARE(r.table.column("ZipCode")->type, ColumnType::Text);
}

void TestCsvReader::onlineShoppers()
{
    const std::string path = sharedDataPath("online-shoppers/online_shoppers_intention.csv");
    if (!std::filesystem::exists(path)) {
        QSKIP("online_shoppers_intention.csv not available");
    }
    const CsvResult r = readCsv(path);
    QCOMPARE(r.table.rowCount(), std::size_t{12330});
    const Column* revenue = r.table.column("Revenue");
    QVERIFY(revenue);
    // NO/YES are boolean words; the positive class is YES.
    QCOMPARE(revenue->type, ColumnType::Boolean);
    QCOMPARE(std::count(revenue->values.begin(), revenue->values.end(), 1.0f), 1908);
    QCOMPARE(r.table.column("Month")->type, ColumnType::Categorical);
    QCOMPARE(r.table.column("PageValues")->type, ColumnType::Numeric);
}

void TestCsvReader::blankLinesInOneColumnFile()
{
    // A one-column file: empty lines are skipped, not read as missing values.
    const CsvResult r = readCsv(write("email\na@x.org\n\nb@x.org\n\n\nc@x.org\n\"\"\n"));
    QCOMPARE(r.table.rowCount(), std::size_t{4});
    QCOMPARE(r.table.column("email")->missingCount(), std::size_t{1}); // the quoted empty field
}

void TestCsvReader::maxRowsReadsAPrefix_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("maxRows");
    QTest::addColumn<int>("expected");
    QTest::addRow("fewer rows than asked") << 5 << 100 << 5;
    QTest::addRow("exactly as many") << 100 << 100 << 100;
    QTest::addRow("small file cut") << 1000 << 100 << 100;
    // More than one 4 MiB block: the read stops after the first.
    QTest::addRow("large file cut") << 200000 << 100 << 100;
}

void TestCsvReader::maxRowsReadsAPrefix()
{
    QFETCH(int, rows);
    QFETCH(int, maxRows);
    QFETCH(int, expected);
    QByteArray content("id;amount;segment;note\n");
    for (int i = 0; i < rows; ++i) {
        content += QByteArray::number(i + 1) + ";" + QByteArray::number(i % 97) + ",5;" +
                   (i % 3 ? "gold" : "silver") + ";some words to make the row longer " +
                   QByteArray::number(i * 7) + "\n";
    }
    CsvOptions options;
    options.maxRows = static_cast<std::size_t>(maxRows);
    double last = 0.0;
    const CsvResult r = readCsv(write(content), options, [&](double f) {
        last = f;
        return true;
    });
    QCOMPARE(r.table.rowCount(), std::size_t(expected));
    QCOMPARE(r.delimiter, ';');
    QCOMPARE(r.decimal, ',');
    for (const Column& c : r.table.columns()) {
        QCOMPARE(c.size(), std::size_t(expected));
    }
    QCOMPARE(r.table.column("amount")->type, ColumnType::Numeric);
    QCOMPARE(r.table.column("amount")->values[1], 1.5);
    QCOMPARE(r.table.column("segment")->type, ColumnType::Categorical);
    QCOMPARE(r.table.column("id")->strings[std::size_t(expected) - 1], std::to_string(expected));
    QCOMPARE(last, 1.0);
}

void TestCsvReader::parallelMatchesSerial_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<bool>("strayQuotes");
    QTest::addRow("2 threads") << 2 << false;
    QTest::addRow("3 threads") << 3 << false;
    QTest::addRow("7 threads") << 7 << false;
    QTest::addRow("2 threads, stray quotes") << 2 << true;
    QTest::addRow("5 threads, stray quotes") << 5 << true;
}

void TestCsvReader::parallelMatchesSerial()
{
    QFETCH(int, threads);
    QFETCH(bool, strayQuotes);
    // About 6 MB: quoted fields with line breaks and delimiters, ragged rows,
    // a column that turns from numbers to text late, categories that first
    // appear in later chunks.
    std::mt19937_64 rng(11);
    QByteArray content = "id,amount,city,note,late\n";
    long long line = 2;
    for (int i = 0; i < 60000; ++i) {
        content += QByteArray::number(i) + ",";
        content += i % 17 == 0 ? QByteArray()
                               : QByteArray::number(static_cast<double>(rng() % 100000) / 100.0, 'f', 2);
        content += ",City " + QByteArray::number(static_cast<int>(rng() % (i < 30000 ? 20 : 40))) + ",";
        if (i % 9 == 0) {
            content +=
                "\"multi\nline, \"\"quoted\"\" note " + QByteArray(static_cast<int>(rng() % 60), 'x') + "\"";
            ++line;
        } else if (strayQuotes && i % 101 == 0) {
            content += "27\" monitor";
        } else {
            content += "plain note " + QByteArray(static_cast<int>(rng() % 50), 'y');
        }
        content += ",";
        content += i == 55000 ? QByteArray("text") : QByteArray::number(i % 5);
        if (i % 997 == 0) {
            content += ",extra";
        }
        content += "\n";
        ++line;
    }
    const std::string path = write(content);
    CsvOptions one;
    one.threads = 1;
    CsvOptions many;
    many.threads = threads;
    const CsvResult a = readCsv(path, one);
    const CsvResult b = readCsv(path, many);
    QCOMPARE(a.table.rowCount(), std::size_t{60000 - 61});
    QCOMPARE(b.table.rowCount(), a.table.rowCount());
    QCOMPARE(dump(b.table), dump(a.table));
    QCOMPARE(b.warnings.size(), a.warnings.size());
    for (std::size_t i = 0; i < a.warnings.size(); ++i) {
        QCOMPARE(b.warnings[i].message, a.warnings[i].message);
        QCOMPARE(b.warnings[i].line, a.warnings[i].line);
    }
    // One "text" among 60,000 numbers is read as missing, the column stays numeric (issue 17).
    QCOMPARE(a.table.column("late")->type, ColumnType::Numeric);
    QCOMPARE(a.table.column("late")->missingCount(), std::size_t{1});
    QCOMPARE(a.table.column("city")->levels.size(), std::size_t{40});

    // The same text as UTF-16 (converted while reading).
    const QString text = QString::fromUtf8(content);
    QByteArray utf16("\xFF\xFE", 2);
    utf16.append(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
    const CsvResult c = readCsv(write(utf16, "utf16.csv"), many);
    QCOMPARE(c.encoding, TextEncoding::Utf16LE);
    QCOMPARE(dump(c.table), dump(a.table));
    QCOMPARE(c.warnings.size(), a.warnings.size());

    // With CRLF line ends (also inside the quoted notes), on one thread and on several.
    QByteArray crlf = content;
    crlf.replace("\n", "\r\n");
    const std::string crlfPath = write(crlf, "crlf.csv");
    const CsvResult d1 = readCsv(crlfPath, one);
    const CsvResult d = readCsv(crlfPath, many);
    QCOMPARE(d1.table.rowCount(), a.table.rowCount());
    QCOMPARE(dump(d.table), dump(d1.table));
    std::size_t row = 0;
    while (a.table.column("note")->text(row).find('\n') == std::string::npos) {
        ++row;
    }
    const std::string note = a.table.column("note")->text(row);
    QVERIFY(note.starts_with("multi\nline, \"quoted\" note "));
    QCOMPARE(d1.table.column("note")->text(row), "multi\r\n" + note.substr(6));
}

QTEST_APPLESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"

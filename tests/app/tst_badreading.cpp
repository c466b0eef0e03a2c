// Customer files the CSV reader used to misread without a word (issue 17),
// through the command line: odd values among numbers and dates, a delimiter
// ending every line, a UTF-8 BOM read as Latin-1, oversized lines and tables,
// floods of warnings, a symbolic link loop. Every input is made here, in a
// temporary folder, from the demo data.
#include "clirun.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <unistd.h>

using clirun::checkMessage;
using clirun::CliResult;
using clirun::run;

class TestBadReading : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void testReading_data();
    void testReading();
    void testOddValuesKeepColumnsNumeric_issue17();
    void testWarningsCollapsed_issue17();
    void testImportRefusedLeavesNoProject_data();
    void testImportRefusedLeavesNoProject();

private:
    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    void write(const char* name, const QByteArray& content) const;
    /// Runs `arguments` with @dir replaced by the temporary folder; `train` gets a model file and 2 epochs.
    CliResult runWith(const QStringList& arguments) const;

    QTemporaryDir m_dir;
};

void TestBadReading::write(const char* name, const QByteArray& content) const
{
    QFile f(path(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
        qFatal("cannot write %s", name);
    }
}

CliResult TestBadReading::runWith(const QStringList& arguments) const
{
    QStringList args;
    for (const QString& a : arguments) {
        args << QString(a).replace(QStringLiteral("@dir"), m_dir.path());
    }
    if (args.first() == QStringLiteral("train")) {
        args << "--model" << path("reading.model.json") << "--epochs"
             << "2";
    }
    return run(args);
}

void TestBadReading::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(NEUROLIFT_CLI_PATH)), NEUROLIFT_CLI_PATH);
    QVERIFY(m_dir.isValid());
    const CliResult demo = run({"demo", "car-buyers", "--out", path("cars.csv")});
    QCOMPARE(demo.exitCode, 0);
    QFile f(path("cars.csv"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = f.readAll().split('\n');
    while (!lines.isEmpty() && lines.last().isEmpty()) {
        lines.removeLast();
    }
    QVERIFY(lines.size() == 4001);

    // One "1_000" (line 17) and one "0x1A" (line 40) among 4,000 numbers.
    QList<QByteArray> odd = lines;
    QList<QByteArray> cells = odd[16].split(',');
    cells[1] = "1_000";
    odd[16] = cells.join(',');
    cells = odd[39].split(',');
    cells[2] = "0x1A";
    odd[39] = cells.join(',');
    write("odd.csv", odd.join('\n') + '\n');

    // A delimiter ending every line.
    write("trailing.csv", lines.join(",\n") + ",\n");

    // One impossible date among 4,000 valid ones.
    QByteArray dates = "customer_id,signup,visits\n";
    for (int i = 0; i < 4000; ++i) {
        const QByteArray day = i == 298 ? QByteArray("2024-02-30")
                                        : "2023-" + QByteArray::number(1 + i % 12).rightJustified(2, '0') +
                                              "-" + QByteArray::number(1 + i % 28).rightJustified(2, '0');
        dates += "C" + QByteArray::number(i) + "," + day + "," + QByteArray::number(i % 9) + "\n";
    }
    write("dates.csv", dates);

    // A UTF-8 file with a BOM, read as Latin-1.
    write("bom.csv", "\xEF\xBB\xBFid,name,visits\n1,M\xC3\xBCller,2\n2,Zo\xC3\xAB,3\n");

    // One line of 20 MB; 1,000,000 columns in 10 MB; a header of 2 MB.
    write("oneline.csv", QByteArray("1,").repeated(10'000'000));
    QByteArray wide;
    for (int i = 0; i < 1'000'000; ++i) {
        wide += (i ? ",c" : "c") + QByteArray::number(i);
    }
    write("wide.csv", wide + "\n" + QByteArray("1,").repeated(999'999) + "1\n");
    write("longheader.csv", QByteArray(2'000'000, 'x') + "\n1\n");

    // 5,000 constant columns: 5,000 warnings of one kind.
    QByteArray many;
    for (int i = 0; i < 5000; ++i) {
        many += (i ? ",c" : "c") + QByteArray::number(i);
    }
    many += "\n";
    for (int row = 0; row < 3; ++row) {
        many += "1" + QByteArray(",1").repeated(4999) + "\n";
    }
    write("many.csv", many);

    // A symbolic link that leads back to itself.
    QCOMPARE(
        ::symlink(path("loop-b.csv").toLocal8Bit().constData(), path("loop.csv").toLocal8Bit().constData()),
        0);
    QCOMPARE(
        ::symlink(path("loop.csv").toLocal8Bit().constData(), path("loop-b.csv").toLocal8Bit().constData()),
        0);
}

void TestBadReading::testReading_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const auto row = [](const char* name, QStringList args, int exitCode, const QString& message) {
        QTest::newRow(name) << args << exitCode << message;
    };
    const QString trailing = QStringLiteral("\"trailing.csv\": every line ends with a comma, as if there "
                                            "were one more column, without a name and "
                                            "empty; that empty column is left out");
    const QString tooMany = QStringLiteral(", line 1: the line has more than 10,000 fields, and NeuroLift "
                                           "reads at most 10,000 columns; check the "
                                           "delimiter (comma), or export the table with fewer columns");

    // Item 4: an odd value is missing, named with its line, not a new column type.
    row("1_000 among numbers", {"inspect", "@dir/odd.csv"}, 0,
        "\"odd.csv\": column 2 \"visits\": 1 value is not a number (for example \"1_000\" on line 17) and is "
        "read as missing");
    row("0x1A among numbers", {"inspect", "@dir/odd.csv"}, 0,
        "\"odd.csv\": column 3 \"days_since_last_visit\": 1 value is not a number (for example \"0x1A\" on "
        "line "
        "40) and is read as missing");
    row("1_000 among numbers, train", {"train", "@dir/odd.csv", "--target", "bought_30d"}, 0,
        "\"odd.csv\": column 2 \"visits\": 1 value is not a number (for example \"1_000\" on line 17) and is "
        "read as missing");
    row("an impossible date", {"inspect", "@dir/dates.csv"}, 0,
        "\"dates.csv\": column 2 \"signup\": 1 value is not a valid date (for example \"2024-02-30\" on line "
        "300) and is read as missing");
    row("an impossible date: still a date column", {"inspect", "@dir/dates.csv"}, 0,
        "stdout: signup                      date         0.0%      2023-01-01 to 2023-12-28");

    // Item 10: a delimiter ending every line; a UTF-8 BOM read as Latin-1.
    row("trailing delimiter, train", {"train", "@dir/trailing.csv", "--target", "bought_30d"}, 0, trailing);
    row("trailing delimiter, header yes",
        {"train", "@dir/trailing.csv", "--target", "bought_30d", "--header", "yes"}, 0, trailing);
    row("trailing delimiter, inspect", {"inspect", "@dir/trailing.csv"}, 0,
        "stdout: trailing.csv: 4000 rows, 12 columns, ,-separated, UTF-8, decimal point, with a header row");
    row("UTF-8 BOM, latin-1 chosen", {"inspect", "@dir/bom.csv", "--encoding", "latin-1"}, 0,
        "\"bom.csv\": the file starts with a UTF-8 byte order mark and its text is UTF-8, so it is read as "
        "UTF-8, not ISO-8859-1");
    row("UTF-8 BOM, latin-1 chosen: names", {"inspect", "@dir/bom.csv", "--encoding", "latin-1"}, 0,
        "stdout: id                          identifier   0.0%      e.g. 1");

    // Item 12: limits.
    row("one line of 20 MB", {"inspect", "@dir/oneline.csv"}, 2, "\"oneline.csv\"" + tooMany);
    row("one line of 20 MB, no header", {"inspect", "@dir/oneline.csv", "--header", "no"}, 2,
        "\"oneline.csv\"" + tooMany);
    row("1,000,000 columns", {"inspect", "@dir/wide.csv"}, 2, "\"wide.csv\"" + tooMany);
    row("1,000,000 columns, score",
        {"score", "--model", "@dir/reading.model.json", "@dir/wide.csv", "--out", "@dir/wide.scored.csv"}, 2,
        "\"wide.csv\"" + tooMany);
    row("header of 2 MB", {"inspect", "@dir/longheader.csv"}, 2,
        "\"longheader.csv\", line 1: the first line is longer than 1 MiB, too long for a header row; check "
        "that "
        "the file is a table with one row per line, or, if the first line holds data, choose that the file "
        "has "
        "no header row");
    row("symbolic link loop", {"inspect", "@dir/loop.csv"}, 2,
        "\"loop.csv\": the name is a symbolic link that leads back to itself (a loop of links), so there is "
        "no "
        "file to read; point the link at the CSV file, or choose the file itself");
}

void TestBadReading::testReading()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    if (arguments.first() == QStringLiteral("score") && !QFile::exists(path("reading.model.json"))) {
        QCOMPARE(runWith({"train", "@dir/cars.csv", "--target", "bought_30d"}).exitCode, 0);
    }
    checkMessage(runWith(arguments), exitCode, message);
}

void TestBadReading::testOddValuesKeepColumnsNumeric_issue17()
{
    const CliResult r = runWith({"train", "@dir/odd.csv", "--target", "bought_30d"});
    QCOMPARE(r.exitCode, 0);
    QFile f(path("reading.model.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray features = QJsonDocument::fromJson(f.readAll())["recipe"]["features"].toArray();
    QStringList kinds;
    for (const QJsonValue& feature : features) {
        const QString column = feature["column"].toString();
        if (column == "visits" || column == "days_since_last_visit") {
            kinds << column + "=" + feature["kind"].toString();
        }
    }
    QCOMPARE(kinds, (QStringList{"visits=numeric", "days_since_last_visit=numeric"}));
}

void TestBadReading::testWarningsCollapsed_issue17()
{
    const CliResult r = runWith({"inspect", "@dir/many.csv"});
    checkMessage(r, 0, QStringLiteral("\"many.csv\": \u2026 and 4,990 more like this"));
    const auto warnings = std::count_if(
        r.err.begin(), r.err.end(), [](const QString& line) { return line.startsWith("\"many.csv\": "); });
    QCOMPARE(warnings, 11);
    QCOMPARE(r.err.filter(QStringLiteral("same value in every row")).size(), 10);
}

void TestBadReading::testImportRefusedLeavesNoProject_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("1,000,000 columns")
        << "wide.csv"
        << "\"wide.csv\", line 1: the line has more than 10,000 fields, and NeuroLift reads at most 10,000 "
           "columns; check the delimiter (comma), or export the table with fewer columns";
    QTest::newRow("symbolic link loop")
        << "loop.csv"
        << "\"loop.csv\": the name is a symbolic link that leads back to itself (a loop of links), so there "
           "is no "
           "file to read; point the link at the CSV file, or choose the file itself";
}

void TestBadReading::testImportRefusedLeavesNoProject()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    const QString project = path("refused.nlproj");
    checkMessage(run({"import", m_dir.filePath(file), "--project", project}), 2, message);
    QVERIFY(!QFile::exists(project));
    QCOMPARE(QDir(m_dir.path()).entryList({"refused*"}), QStringList());
}

QTEST_APPLESS_MAIN(TestBadReading)
#include "tst_badreading.moc"

// Reading customer files from the command line: `inspect`, the import
// options, and the checked-in bad files of tests/data/csv/bad.

#include <QRegularExpression>
#include <QTest>

#include "clisuite.h"

class TestCliData : public CliSuite {
    Q_OBJECT

private slots:
    void initTestCase();

    void testInspectShowsColumnsAndTypes();
    void testImportFlags_data();
    void testImportFlags();
    void testBadImportFlags_data();
    void testBadImportFlags();
    void testGoldenBadFiles_data();
    void testGoldenBadFiles();
};

void TestCliData::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(NEUROLIFT_CLI_PATH)), NEUROLIFT_CLI_PATH);
    QVERIFY(m_dir.isValid());
}

void TestCliData::testInspectShowsColumnsAndTypes()
{
    const QString csv = writeFile(QStringLiteral("inspect.csv"),
                                  "id;spend;plan;bought\n0001;12,5;basic;yes\n0002;7;pro;no\n0003;;pro;no\n");
    const CliResult r = run({QStringLiteral("inspect"), csv});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("3 rows, 4 columns")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\bplan\\s+categorical"))), qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\bbought\\s+boolean"))), qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\bid\\s+identifier"))), qPrintable(r.out));
}

void TestCliData::testImportFlags_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QStringList>("expected"); // regular expressions the output must match

    const QString golden = QStringLiteral(NEUROLIFT_SOURCE_DIR "/tests/data/csv/");
    QTest::addRow("GBK detected") << golden + "gbk.csv" << QStringList{}
                                  << QStringList{"GBK", "\u57ce\u5e02\\s+identifier",
                                                 "\u6d88\u8d39\u91d1\u989d\\s+numeric"};
    QTest::addRow("decimal comma detected")
        << golden + "decimal-comma.csv" << QStringList{}
        << QStringList{"decimal comma, thousands separator '\\.'",
                       "spend\\s+numeric.*min -0.25, mean 3555.452, max 12000"};
    QTest::addRow("dates") << golden + "dates-iso.csv" << QStringList{}
                           << QStringList{"signup\\s+date\\s+33.3%\\s+2022-11-30 to 2023-01-15"};
    QTest::addRow("chosen type and missing marker")
        << golden + "decimal-comma.csv" << QStringList{"--type", "visits=categorical", "--missing", "987,5"}
        << QStringList{"visits\\s+categorical", "spend\\s+numeric\\s+25.0%"};
    QTest::addRow("month-first dates") << golden + "dates-ambiguous.csv" << QStringList{"--date-order", "mdy"}
                                       << QStringList{"signup\\s+date.*2022-01-02 to 2023-05-06"};
    QTest::addRow("encoding chosen") << golden + "windows1252.csv" << QStringList{"--encoding", "latin1"}
                                     << QStringList{"ISO-8859-1"};
}

void TestCliData::testImportFlags()
{
    QFETCH(QString, file);
    QFETCH(QStringList, flags);
    QFETCH(QStringList, expected);
    const CliResult r = run(QStringList{QStringLiteral("inspect"), file} + flags);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const QString& e : expected) {
        QVERIFY2(r.out.contains(QRegularExpression(e)), qPrintable(e + "\n" + r.out));
    }
}

void TestCliData::testBadImportFlags_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("message");
    QTest::addRow("encoding") << QStringList{"--encoding", "klingon"}
                              << "--encoding: unknown encoding \"klingon\" (choose from utf-8";
    QTest::addRow("delimiter") << QStringList{"--delimiter", "space"}
                               << "--delimiter: choose comma, semicolon";
    QTest::addRow("decimal") << QStringList{"--decimal", "x"} << "--decimal: \"x\" is not one of the choices";
    QTest::addRow("date order") << QStringList{"--date-order", "dym"} << "--date-order: choose dmy";
    QTest::addRow("type") << QStringList{"--type", "spend"} << "--type: \"spend\" should be COLUMN=TYPE";
    QTest::addRow("type name") << QStringList{"--type", "spend=money"} << "--type: \"spend=money\" should be";
    QTest::addRow("unknown column") << QStringList{"--type", "price=numeric"}
                                    << "there is no column \"price\" to set the type of";
}

void TestCliData::testBadImportFlags()
{
    QFETCH(QStringList, flags);
    QFETCH(QString, message);
    const QString csv = writeFile(QStringLiteral("flags.csv"), "id,spend\n1,2\n2,3\n3,3\n");
    const CliResult r = run(QStringList{QStringLiteral("inspect"), csv} + flags);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestCliData::testGoldenBadFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::addRow("one class")
        << "one-class.csv" << QStringList{"train", "--target", "bought"} << 1
        << "the target \"bought\" has only one value in the data; a model needs rows of both "
           "(all) outcomes";
    QTest::addRow("missing target values")
        << "missing-target.csv" << QStringList{"train", "--target", "bought"} << 0
        << "1 rows have no value of \"bought\" and are left out";
    QTest::addRow("header only") << "header-only.csv" << QStringList{"inspect"} << 2
                                 << "\"header-only.csv\", line 1: the file has a header row but no data rows";
    QTest::addRow("too few rows")
        << "too-few-rows.csv" << QStringList{"train", "--target", "bought"} << 1
        << "only 5 rows have a value of \"bought\", 2 of them the rarer outcome: too few to train a "
           "model and to test it on rows it has not seen; use a file with at least 20 customers "
           "with a value, at least 3 of each outcome";
    QTest::addRow("ragged rows")
        << "ragged.csv" << QStringList{"inspect"} << 0
        << "\"ragged.csv\": line 4: 1 field where the header has 2 \u2014 row skipped";
    QTest::addRow("unterminated quote")
        << "unterminated-quote.csv" << QStringList{"inspect"} << 2
        << "\"unterminated-quote.csv\", line 3, column 2: a quoted field opened here "
           "is never closed";
}

void TestCliData::testGoldenBadFiles()
{
    QFETCH(QString, file);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QStringList args = arguments;
    args.insert(1, QStringLiteral(NEUROLIFT_SOURCE_DIR "/tests/data/csv/bad/") + file);
    if (args[0] == "train") {
        args << "--model" << m_dir.filePath(QStringLiteral("golden.model.json")) << "--epochs"
             << "1";
    }
    const CliResult r = run(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCliData)
#include "tst_cli_data.moc"

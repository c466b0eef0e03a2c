// `demo`: the list, the same file for the same seed, projects ready to
// train, and mistakes.

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include "clisuite.h"

class TestCliDemo : public CliSuite {
    Q_OBJECT

private slots:
    void initTestCase();

    void testDemoList();
    void testDemoWritesTheSameCsvForTheSameSeed_data();
    void testDemoWritesTheSameCsvForTheSameSeed();
    void testDemoProjectIsReadyToTrain();
    void testDemoMistakes_data();
    void testDemoMistakes();
};

void TestCliDemo::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(NEUROLIFT_CLI_PATH)), NEUROLIFT_CLI_PATH);
    QVERIFY(m_dir.isValid());
}

void TestCliDemo::testDemoList()
{
    const CliResult r = run({"demo", "--list"});
    QCOMPARE(r.exitCode, 0);
    for (const char* name :
         {"car-buyers", "newsletter-churn", "customer-spend", "two-blobs", "xor", "circles", "spirals"}) {
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("^%1 +\\S").arg(QLatin1String(name)),
                                                   QRegularExpression::MultilineOption)),
                 qPrintable(r.out));
    }
}

void TestCliDemo::testDemoWritesTheSameCsvForTheSameSeed_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("header");
    QTest::addColumn<int>("rows");
    QTest::newRow("car-buyers")
        << "car-buyers" << QStringList{}
        << "customer_id,visits,days_since_last_visit,minutes_on_site,viewed_pricing,used_configurator,"
           "viewed_specifications,viewed_financing,channel,device,region,bought_30d"
        << 4000;
    QTest::newRow("customer-spend, 300 rows")
        << "customer-spend" << QStringList{"--rows", "300"}
        << "customer_id,age,loyalty_member,orders_12m,days_since_last_order,"
           "segment,region,newsletter,spend_next_90d"
        << 300;
    QTest::newRow("xor, noisier") << "xor" << QStringList{"--noise", "0.2"} << "x,y,class" << 400;
}

void TestCliDemo::testDemoWritesTheSameCsvForTheSameSeed()
{
    QFETCH(QString, name);
    QFETCH(QStringList, options);
    QFETCH(QString, header);
    QFETCH(int, rows);
    QByteArray bytes[3];
    for (int k = 0; k < 3; ++k) {
        const QString out = m_dir.filePath(QStringLiteral("demo-%1-%2.csv").arg(name).arg(k));
        const QString seed = k < 2 ? QStringLiteral("7") : QStringLiteral("8");
        const CliResult r = run(QStringList{"demo", name, "--out", out, "--seed", seed} + options);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("%1 rows").arg(rows)), qPrintable(r.err));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        bytes[k] = file.readAll();
    }
    QCOMPARE(bytes[0], bytes[1]);
    QVERIFY(bytes[0] != bytes[2]);
    const QList<QByteArray> lines = bytes[0].split('\n');
    QCOMPARE(QString::fromUtf8(lines.front()), header);
    QCOMPARE(lines.size(), rows + 2); // the header, the rows, and "" after the last line end
    // The file is an ordinary customer file for every other command.
    const CliResult inspect = run({"inspect", m_dir.filePath(QStringLiteral("demo-%1-0.csv").arg(name))});
    QCOMPARE(inspect.exitCode, 0);
    QVERIFY2(inspect.err.isEmpty() || !inspect.err.contains("line"), qPrintable(inspect.err));
}

void TestCliDemo::testDemoProjectIsReadyToTrain()
{
    // Without --train: the data and the choice of target, as `import --target` leaves them.
    const QString buyers = m_dir.filePath(QStringLiteral("demo-buyers.nlproj"));
    CliResult r = run({"demo", "car-buyers", "--project", buyers, "--rows", "500"});
    QCOMPARE(r.exitCode, 0);
    r = run({"info", "--project", buyers});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("data: 500 rows from car-buyers.csv"), qPrintable(r.out));
    QVERIFY2(r.out.contains("target: bought_30d"), qPrintable(r.out));
    QVERIFY2(r.out.contains("runs: 0"), qPrintable(r.out));
    // It holds what importing the demo's CSV would: the same size and content hash.
    QVERIFY(QDir(m_dir.path()).mkpath("demo-csv"));
    const QString csv = m_dir.filePath(QStringLiteral("demo-csv/car-buyers.csv"));
    QCOMPARE(run({"demo", "car-buyers", "--out", csv, "--rows", "500"}).exitCode, 0);
    const QString imported = m_dir.filePath(QStringLiteral("demo-imported.nlproj"));
    QCOMPARE(run({"import", csv, "--project", imported}).exitCode, 0);
    const QString importedInfo = run({"info", "--project", imported}).out;
    const QRegularExpression source(QStringLiteral("data: .*\\)"));
    QVERIFY(source.match(r.out).hasMatch());
    QCOMPARE(source.match(r.out).captured(), source.match(importedInfo).captured());

    // With --train: a run made by `train --project`, kept in the project.
    const QString blobs = m_dir.filePath(QStringLiteral("demo-blobs.nlproj"));
    r = run({"demo", "two-blobs", "--project", blobs, "--train"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("test (60 held-out rows)"), qPrintable(r.out));
    r = run({"runs", "--project", blobs});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QRegularExpression("\\n1 +demo run +")), qPrintable(r.out));
    r = run({"info", "--project", blobs});
    QVERIFY2(r.out.contains("target: class"), qPrintable(r.out));
}

void TestCliDemo::testDemoMistakes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown name") << QStringList{"demo", "car-sellers", "--out", "@dir/x.csv"}
                                  << "there is no demo called \"car-sellers\"; neurolift-cli demo --list";
    QTest::newRow("no name") << QStringList{"demo", "--out", "@dir/x.csv"} << "demo: name a demo";
    QTest::newRow("nowhere to write") << QStringList{"demo", "xor"} << "--out FILE.csv or --project";
    QTest::newRow("--train without a project") << QStringList{"demo", "xor", "--out", "@dir/x.csv", "--train"}
                                               << "--train: the run is kept in a project";
    QTest::newRow("too few rows") << QStringList{"demo", "xor", "--out", "@dir/x.csv", "--rows", "5"}
                                  << "at least 10 rows";
    QTest::newRow("negative noise") << QStringList{"demo", "xor", "--out", "@dir/x.csv", "--noise", "-1"}
                                    << "cannot be negative";
    QTest::newRow("project exists") << QStringList{"demo", "xor", "--project", "@dir/exists.nlproj"}
                                    << "already exists; choose a new file name";
}

void TestCliDemo::testDemoMistakes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString exists = m_dir.filePath(QStringLiteral("exists.nlproj"));
    if (!QFile::exists(exists)) {
        QCOMPARE(run({"demo", "xor", "--project", exists}).exitCode, 0);
    }
    QStringList args;
    for (const QString& a : arguments) {
        args << QString(a).replace("@dir", m_dir.path());
    }
    const CliResult r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.csv"))));
}

QTEST_GUILESS_MAIN(TestCliDemo)
#include "tst_cli_demo.moc"

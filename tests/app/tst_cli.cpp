// The command line in general: --version, `architecture template` and
// `architecture check`, and what it says about mistakes in its use.

#include <QTest>

#include "clisuite.h"

class TestCli : public CliSuite {
    Q_OBJECT

private slots:
    void initTestCase();

    void testVersion();
    void testTemplateThenCheckRoundTrip_data();
    void testTemplateThenCheckRoundTrip();
    void testCheckReportsProblemsOnStderr_data();
    void testCheckReportsProblemsOnStderr();
    void testMalformedFileIsNamed_data();
    void testMalformedFileIsNamed();
    void testMissingFileIsNamed();
    void testCommandLineMistakes_data();
    void testCommandLineMistakes();
};

void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(NEUROLIFT_CLI_PATH)), NEUROLIFT_CLI_PATH);
    QVERIFY(m_dir.isValid());
}

void TestCli::testVersion()
{
    const CliResult r = run({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    // The commit after the version is checked against git in tst_version.
    QVERIFY2(r.out.startsWith(QStringLiteral("neurolift-cli " NEUROLIFT_VERSION " (commit ")),
             qPrintable(r.out));
    QVERIFY2(r.out.endsWith(QStringLiteral(")\n")), qPrintable(r.out));
    QCOMPARE(r.err, QString());
}

void TestCli::testTemplateThenCheckRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("task");
    QTest::addColumn<int>("inputs");
    QTest::addColumn<int>("layers");
    QTest::addColumn<qlonglong>("parameters");

    // Parameters counted by hand: each dense layer has inputs x units weights and units biases.
    QTest::newRow("logistic, binary") << "logistic" << QStringList{"--task", "binary"} << 10 << 1 << 11LL;
    QTest::newRow("small, binary") << "small" << QStringList{"--task", "binary"} << 10 << 2 << 193LL;
    QTest::newRow("medium, 3 classes")
        << "medium" << QStringList{"--task", "multiclass", "--classes", "3"} << 8 << 3 << 2755LL;
    QTest::newRow("deep, regression") << "deep" << QStringList{"--task", "regression"} << 20 << 6 << 13057LL;
}

void TestCli::testTemplateThenCheckRoundTrip()
{
    QFETCH(QString, name);
    QFETCH(QStringList, task);
    QFETCH(int, inputs);
    QFETCH(int, layers);
    QFETCH(qlonglong, parameters);

    const CliResult made = run(QStringList{"architecture", "template", "--name", name} + task);
    QCOMPARE(made.exitCode, 0);
    QVERIFY2(made.out.contains(QStringLiteral("\"neurolift.architecture\"")), qPrintable(made.out));
    const QString file = writeFile(name + QStringLiteral(".json"), made.out.toUtf8());
    QVERIFY(!file.isEmpty());

    const CliResult checked =
        run(QStringList{"architecture", "check", file, "--inputs", QString::number(inputs)} + task);
    QVERIFY2(checked.exitCode == 0, qPrintable(checked.err));
    QCOMPARE(checked.err, QString());
    QVERIFY2(checked.out.contains(QStringLiteral("Total parameters: %1\n").arg(parameters)),
             qPrintable(checked.out));
    // A header, one row per layer; the table ends before the blank line of the total.
    const QString table = checked.out.section(QStringLiteral("\n\n"), 1, 1);
    QCOMPARE(table.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 1 + layers);
}

void TestCli::testCheckReportsProblemsOnStderr_data()
{
    QTest::addColumn<QStringList>("templateTask");
    QTest::addColumn<QStringList>("checkArguments");
    QTest::addColumn<QString>("problem");

    QTest::newRow("binary network for 3 classes")
        << QStringList{"--task", "binary"}
        << QStringList{"--inputs", "5", "--task", "multiclass", "--classes", "3"}
        << "the output layer has 1 unit but the target has 3 classes";
    QTest::newRow("wrong output activation")
        << QStringList{"--task", "binary"} << QStringList{"--inputs", "5", "--task", "regression"}
        << "the output layer's activation is Sigmoid; for this target it must be Linear";
    QTest::newRow("no input features")
        << QStringList{"--task", "binary"} << QStringList{"--inputs", "0", "--task", "binary"}
        << "the data has no input features";
}

void TestCli::testCheckReportsProblemsOnStderr()
{
    QFETCH(QStringList, templateTask);
    QFETCH(QStringList, checkArguments);
    QFETCH(QString, problem);

    const CliResult made = run(QStringList{"architecture", "template", "--name", "small"} + templateTask);
    QCOMPARE(made.exitCode, 0);
    const QString file = writeFile(QStringLiteral("problem.json"), made.out.toUtf8());

    const CliResult checked = run(QStringList{"architecture", "check", file} + checkArguments);
    QCOMPARE(checked.exitCode, 1);
    QVERIFY2(checked.err.contains(file + QStringLiteral(": error: ") + problem), qPrintable(checked.err));
    QCOMPARE(checked.out, QString());
}

void TestCli::testMalformedFileIsNamed_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("message");

    // Syntax errors point at line and column, as a compiler would.
    QTest::newRow("cut short") << QByteArray("{\"layers\": [\n  {\"kind\": \"dense\"")
                               << ":2:19: error: not valid JSON";
    QTest::newRow("not JSON") << QByteArray("layers: dense") << ":1:1: error: not valid JSON";
    QTest::newRow("missing colon") << QByteArray("{\"name\": \"x\",\n \"layers\" []}")
                                   << ":2:11: error: not valid JSON";
    QTest::newRow("empty") << QByteArray() << ": error: not valid JSON";
    // Valid JSON that is not an architecture names the field.
    QTest::newRow("layers not a list")
        << QByteArray(R"({"layers": 3})") << ": error: architecture JSON: layers";
    QTest::newRow("unknown layer kind")
        << QByteArray(R"({"layers": [{"kind": "conv"}]})")
        << ": error: architecture JSON: layers[0].kind: unknown layer kind \"conv\"";
}

void TestCli::testMalformedFileIsNamed()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, message);

    const QString file = writeFile(QStringLiteral("broken.json"), contents);
    const CliResult r = run({"architecture", "check", file, "--inputs", "4", "--task", "binary"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(file), qPrintable(r.err));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(r.out, QString());
}

void TestCli::testMissingFileIsNamed()
{
    const QString file = m_dir.filePath(QStringLiteral("absent.json"));
    const CliResult r = run({"architecture", "check", file, "--inputs", "4", "--task", "binary"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(file + QStringLiteral(": error: cannot open")), qPrintable(r.err));
}

void TestCli::testCommandLineMistakes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("no command") << QStringList{} << "subcommand";
    QTest::newRow("unknown template")
        << QStringList{"architecture", "template", "--name", "huge", "--task", "binary"} << "huge";
    QTest::newRow("template names are lower case")
        << QStringList{"architecture", "template", "--name", "Small", "--task", "binary"} << "Small";
    QTest::newRow("unknown task") << QStringList{"architecture", "template", "--name",
                                                 "small",        "--task",   "ranking"}
                                  << "ranking";
    QTest::newRow("multiclass without classes")
        << QStringList{"architecture", "template", "--name", "small", "--task", "multiclass"} << "--classes";
    QTest::newRow("one class") << QStringList{"architecture", "template",   "--name",     "small",
                                              "--task",       "multiclass", "--classes=1"}
                               << "--classes";
    QTest::newRow("classes for a regression")
        << QStringList{"architecture", "template", "--name", "deep", "--task", "regression", "--classes", "3"}
        << "--outputs";
    QTest::newRow("check without inputs")
        << QStringList{"architecture", "check", "a.json", "--task", "binary"} << "--inputs";
}

void TestCli::testCommandLineMistakes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);

    const CliResult r = run(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(r.out, QString());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

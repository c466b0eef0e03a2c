#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCli : public QObject {
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

    void testInspectShowsColumnsAndTypes();
    void testTrainAndScoreRealData_data();
    void testTrainAndScoreRealData();
    void testScoredCsvNeutralisesFormulas();
    void testTrainRejectsUnusableTargets_data();
    void testTrainRejectsUnusableTargets();
    void testScoreRejectsDamagedModel();

private:
    /// ../shared/data/<relative>, or empty when the shared data are not beside the repo.
    static QString sharedData(const QString& relative);
    /// Runs neurolift-cli with `arguments` and waits for it.
    static CliResult run(const QStringList& arguments);
    /// Writes `contents` to `name` in the temporary directory and returns its path.
    QString writeFile(const QString& name, const QByteArray& contents) const;

    QTemporaryDir m_dir;
};

CliResult TestCli::run(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(NEUROLIFT_CLI_PATH), arguments);
    CliResult result;
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit) {
        result.err = process.errorString();
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString TestCli::writeFile(const QString& name, const QByteArray& contents) const
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size()) {
        return {};
    }
    return path;
}

void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(NEUROLIFT_CLI_PATH)), NEUROLIFT_CLI_PATH);
    QVERIFY(m_dir.isValid());
}

void TestCli::testVersion()
{
    const CliResult r = run({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("neurolift-cli " NEUROLIFT_VERSION));
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

QString TestCli::sharedData(const QString& relative)
{
    const QString path = QStringLiteral(NEUROLIFT_SOURCE_DIR "/../shared/data/") + relative;
    return QFile::exists(path) ? path : QString();
}

void TestCli::testInspectShowsColumnsAndTypes()
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

void TestCli::testTrainAndScoreRealData_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("rows");
    QTest::addColumn<double>("minimumAuc");
    // Thresholds a little under what the defaults reach (0.842 and 0.936 with seed 42).
    QTest::newRow("telco churn") << QStringLiteral("telco-churn/telco_customer_churn.csv")
                                 << QStringLiteral("Churn") << 7043 << 0.82;
    QTest::newRow("online shoppers") << QStringLiteral("online-shoppers/online_shoppers_intention.csv")
                                     << QStringLiteral("Revenue") << 12330 << 0.92;
}

void TestCli::testTrainAndScoreRealData()
{
    QFETCH(QString, file);
    QFETCH(QString, target);
    QFETCH(int, rows);
    QFETCH(double, minimumAuc);
    const QString csv = sharedData(file);
    if (csv.isEmpty()) {
        QSKIP("../shared/data is not beside the repository");
    }
    const QString model = m_dir.filePath(target + QStringLiteral(".model.json"));
    const CliResult trained =
        run({QStringLiteral("train"), csv, QStringLiteral("--target"), target, QStringLiteral("--model"),
             model, QStringLiteral("--threads"), QStringLiteral("1")});
    QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
    const QRegularExpressionMatch auc =
        QRegularExpression(QStringLiteral("AUC ([0-9.]+)")).match(trained.out);
    QVERIFY2(auc.hasMatch(), qPrintable(trained.out));
    QVERIFY2(auc.captured(1).toDouble() >= minimumAuc, qPrintable(trained.out));

    const QString scored = m_dir.filePath(target + QStringLiteral("-scored.csv"));
    const CliResult s = run(
        {QStringLiteral("score"), QStringLiteral("--model"), model, csv, QStringLiteral("--out"), scored});
    QVERIFY2(s.exitCode == 0, qPrintable(s.err));
    QFile out(scored);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = out.readAll().split('\n');
    QCOMPARE(lines.size(), rows + 2); // header, rows, and the empty piece after the last newline
    QVERIFY2(lines[0].contains("score"), lines[0].constData());
    for (int i = 1; i <= rows; i += 997) {
        const QList<QByteArray> cells = lines[i].split(',');
        const int scoreColumn = lines[0].split(',').indexOf("score");
        const double p = cells[scoreColumn].toDouble();
        QVERIFY2(p >= 0.0 && p <= 1.0, lines[i].constData());
    }
}

void TestCli::testScoredCsvNeutralisesFormulas()
{
    QByteArray rows = "id,channel,amount,bought\n";
    for (int i = 0; i < 60; ++i) {
        rows += "c" + QByteArray::number(i) + "," + (i % 3 ? "web" : "=HYPERLINK(\"x\")") + "," +
                QByteArray::number(i % 7) + "," + (i % 2 ? "yes" : "no") + "\n";
    }
    rows += "@evil,+cmd,3,yes\n";
    const QString csv = writeFile(QStringLiteral("formulas.csv"), rows);
    const QString model = m_dir.filePath(QStringLiteral("formulas.model.json"));
    const CliResult trained =
        run({QStringLiteral("train"), csv, QStringLiteral("--target"), QStringLiteral("bought"),
             QStringLiteral("--model"), model, QStringLiteral("--epochs"), QStringLiteral("2")});
    QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
    const QString scored = m_dir.filePath(QStringLiteral("formulas-scored.csv"));
    const CliResult s = run(
        {QStringLiteral("score"), QStringLiteral("--model"), model, csv, QStringLiteral("--out"), scored});
    QVERIFY2(s.exitCode == 0, qPrintable(s.err));
    QFile out(scored);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QByteArray text = out.readAll();
    QVERIFY2(text.contains("\"'=HYPERLINK(\"\"x\"\")\""), text.left(300).constData());
    QVERIFY2(text.contains("'@evil"), text.right(200).constData());
    QVERIFY2(text.contains("'+cmd"), text.right(200).constData());
    QVERIFY(!text.contains("\n=") && !text.contains(",="));
}

void TestCli::testTrainRejectsUnusableTargets_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("message");
    QTest::newRow("no such column") << QByteArray("a,b\n1,2\n3,4\n5,6\n") << QStringLiteral("bought")
                                    << QStringLiteral("no column \"bought\"");
    QTest::newRow("one class") << QByteArray("a,bought\n1,yes\n3,yes\n5,yes\n4,yes\n")
                               << QStringLiteral("bought") << QStringLiteral("only one value");
    QTest::newRow("identifier target") << QByteArray("id,a\nx1,1\nx2,2\nx3,3\n") << QStringLiteral("id")
                                       << QStringLiteral("cannot be predicted");
    QTest::newRow("ignore unknown column")
        << QByteArray("a,b\n1,yes\n3,no\n5,yes\n4,no\n") << QStringLiteral("b")
        << QStringLiteral("--ignore: the data has no column \"zz\"");
}

void TestCli::testTrainRejectsUnusableTargets()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, target);
    QFETCH(QString, message);
    const QString file = writeFile(QStringLiteral("target.csv"), csv);
    const CliResult r =
        run({QStringLiteral("train"), file, QStringLiteral("--target"), target, QStringLiteral("--model"),
             m_dir.filePath(QStringLiteral("never.json")), QStringLiteral("--ignore"), QStringLiteral("zz")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("never.json"))));
}

void TestCli::testScoreRejectsDamagedModel()
{
    const QString model =
        writeFile(QStringLiteral("damaged.json"), "{\"format\": \"neurolift.model\", \"ver");
    const QString csv = writeFile(QStringLiteral("any.csv"), "a,b\n1,2\n");
    const CliResult r = run({QStringLiteral("score"), QStringLiteral("--model"), model, csv,
                             QStringLiteral("--out"), m_dir.filePath(QStringLiteral("out.csv"))});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(model) && r.err.contains(QStringLiteral("not a NeuroLift model file")),
             qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

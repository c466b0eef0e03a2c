#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "goldentext.h"

namespace {

/// Scores (probabilities) from builds for different CPUs agree within this.
constexpr golden::Tolerance kScoreTolerance{1e-6, 1e-6};

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
    void testImportFlags_data();
    void testImportFlags();
    void testBadImportFlags_data();
    void testBadImportFlags();
    void testScoreStreamsLargeFilesRowByRow();
    void testScoreReadsColumnsAsTrained();
    void testScoreNamesMissingColumns();
    void testGoldenBadFiles_data();
    void testGoldenBadFiles();
    void testProjectRoundTripScoresLikeTheModelFile();
    void testOlderProjectScoresAsItDid_data();
    void testOlderProjectScoresAsItDid();
    void testProjectMistakes_data();
    void testProjectMistakes();
    void testExplainRanksTheColumnsThatMatter();
    void testExplainDrawsTheSplitAgainForOlderRuns();
    void testScoreWithReasons_data();
    void testScoreWithReasons();
    void testEvaluateSegmentAndExport_issue7();
    void testSegmentMistakes_data();
    void testSegmentMistakes();
    void testDemoList();
    void testDemoWritesTheSameCsvForTheSameSeed_data();
    void testDemoWritesTheSameCsvForTheSameSeed();
    void testDemoProjectIsReadyToTrain();
    void testDemoMistakes_data();
    void testDemoMistakes();

private:
    /// ../shared/data/<relative>, or empty when the shared data are not beside the repo.
    static QString sharedData(const QString& relative);
    /// Runs neurolift-cli with `arguments` and waits for it.
    static CliResult run(const QStringList& arguments);
    /// A customer table where "bought" depends on "visits" and "discount" only.
    static QByteArray knownTruthCsv(int rows);
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

void TestCli::testImportFlags_data()
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

void TestCli::testImportFlags()
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

void TestCli::testBadImportFlags_data()
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

void TestCli::testBadImportFlags()
{
    QFETCH(QStringList, flags);
    QFETCH(QString, message);
    const QString csv = writeFile(QStringLiteral("flags.csv"), "id,spend\n1,2\n2,3\n3,3\n");
    const CliResult r = run(QStringList{QStringLiteral("inspect"), csv} + flags);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestCli::testScoreStreamsLargeFilesRowByRow()
{
    // Train on 400 rows, then score 150,000 rows (three batches) made of
    // the same rows under new ids: each row must score exactly as it does
    // alone, and every original cell must come back as written.
    QByteArray small = "id,spend,plan,joined,bought\n";
    for (int i = 0; i < 400; ++i) {
        small += "c" + QByteArray::number(i) + "," + QByteArray::number((i * 37) % 500) + ".50," +
                 (i % 3 == 0   ? "pro"
                  : i % 3 == 1 ? "basic"
                               : "\"team, large\"") +
                 ",2024-0" + QByteArray::number(1 + i % 9) + "-1" + QByteArray::number(i % 10) + "," +
                 ((i * 37) % 500 > 250 || i % 3 == 0 ? "yes" : "no") + "\n";
    }
    const QString train = writeFile(QStringLiteral("small.csv"), small);
    const QString model = m_dir.filePath(QStringLiteral("stream.model.json"));
    const CliResult trained = run({"train", train, "--target", "bought", "--model", model, "--epochs", "5"});
    QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
    const QString smallScored = m_dir.filePath(QStringLiteral("small-scored.csv"));
    QVERIFY(run({"score", "--model", model, train, "--out", smallScored}).exitCode == 0);
    QFile smallFile(smallScored);
    QVERIFY(smallFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> smallLines = smallFile.readAll().split('\n');

    const QList<QByteArray> rows = small.split('\n');
    QByteArray big = rows[0] + "\n";
    for (int i = 0; i < 150000; ++i) {
        const QByteArray& row = rows[1 + i % 400];
        big += "n" + QByteArray::number(i) + row.mid(row.indexOf(',')) + "\n";
    }
    const QString bigCsv = writeFile(QStringLiteral("big.csv"), big);
    const QString bigScored = m_dir.filePath(QStringLiteral("big-scored.csv"));
    const CliResult s = run({"score", "--model", model, bigCsv, "--out", bigScored});
    QVERIFY2(s.exitCode == 0, qPrintable(s.err));
    QVERIFY2(s.err.contains("Scored 150000 rows"), qPrintable(s.err));
    QVERIFY(!QFile::exists(bigScored + ".part"));
    QFile bigFile(bigScored);
    QVERIFY(bigFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = bigFile.readAll().split('\n');
    QCOMPARE(lines.size(), 150002);
    QCOMPARE(lines[0], QByteArray("id,score,id,spend,plan,joined,bought"));
    const QList<QByteArray> bigRows = big.split('\n');
    for (int i = 0; i < 150000; i += 7919) {
        const QByteArray& line = lines[1 + i];
        const QByteArray id = "n" + QByteArray::number(i);
        QVERIFY2(line.startsWith(id + ","), line.constData());
        // Same score as the same row scored alone in the small file.
        const QByteArray score = line.split(',')[1];
        QCOMPARE(score, smallLines[1 + i % 400].split(',')[1]);
        // The original row, byte for byte, after the id and the score.
        const int afterScore = line.indexOf(',', id.size() + 1) + 1;
        QCOMPARE(line.mid(afterScore), bigRows[1 + i]);
    }
}

void TestCli::testScoreReadsColumnsAsTrained()
{
    // A two-row file to score: unique whole numbers would read as an
    // identifier and dd/mm dates without a day over 12 would be ambiguous,
    // but scoring reads each column as the model knew it.
    QByteArray rows = "id,visits,signup,bought\n";
    for (int i = 0; i < 200; ++i) {
        rows += "c" + QByteArray::number(i) + "," + QByteArray::number(i % 20) + "," +
                QByteArray::number(1 + i % 28) + "/" + QByteArray::number(1 + i % 12) + "/2024," +
                (i % 20 > 9 ? "yes" : "no") + "\n";
    }
    const QString train = writeFile(QStringLiteral("typed.csv"), rows);
    const QString model = m_dir.filePath(QStringLiteral("typed.model.json"));
    QVERIFY(run({"train", train, "--target", "bought", "--model", model, "--epochs", "3"}).exitCode == 0);
    const QString two = writeFile(QStringLiteral("two.csv"), "id,visits,signup\nx1,3,01/02/2024\nx2,17,x\n");
    const QString out = m_dir.filePath(QStringLiteral("two-scored.csv"));
    const CliResult s = run({"score", "--model", model, two, "--out", out});
    QVERIFY2(s.exitCode == 0, qPrintable(s.err));
    QVERIFY2(s.err.contains(
                 "column \"signup\": 1 value does not read as date (e.g. \"x\") and was scored as missing"),
             qPrintable(s.err));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().split('\n').size(), 4);
}

void TestCli::testScoreNamesMissingColumns()
{
    QByteArray rows = "id,spend,plan,bought\n";
    for (int i = 0; i < 30; ++i) {
        rows += "c" + QByteArray::number(i) + "," + QByteArray::number(i % 7) + "," + (i % 2 ? "a" : "b") +
                "," + (i % 3 ? "yes" : "no") + "\n";
    }
    const QString train = writeFile(QStringLiteral("cols.csv"), rows);
    const QString model = m_dir.filePath(QStringLiteral("cols.model.json"));
    QVERIFY(run({"train", train, "--target", "bought", "--model", model, "--epochs", "2"}).exitCode == 0);
    const QString other = writeFile(QStringLiteral("other.csv"), "id,spend\nc1,1\nc2,2\n");
    const QString out = m_dir.filePath(QStringLiteral("other-scored.csv"));
    const CliResult s = run({"score", "--model", model, other, "--out", out});
    QCOMPARE(s.exitCode, 1);
    QVERIFY2(s.err.contains(
                 "the file lacks column(s) the model needs: \"plan\"; score a file with the same columns "
                 "as the training file"),
             qPrintable(s.err));
    QVERIFY(!QFile::exists(out));
    QVERIFY(!QFile::exists(out + ".part"));
}

void TestCli::testGoldenBadFiles_data()
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

void TestCli::testGoldenBadFiles()
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

void TestCli::testProjectRoundTripScoresLikeTheModelFile()
{
    QByteArray rows = "id,spend,plan,signup,bought\n";
    for (int i = 0; i < 300; ++i) {
        rows += "c" + QByteArray::number(i) + "," + QByteArray::number((i * 37) % 500) + ".25," +
                (i % 3 == 0 ? "pro" : "basic") + ",2024-0" + QByteArray::number(1 + i % 9) + "-1" +
                QByteArray::number(i % 10) + "," + ((i * 37) % 500 > 250 || i % 3 == 0 ? "yes" : "no") + "\n";
    }
    const QString csv = writeFile(QStringLiteral("proj.csv"), rows);
    const QString project = m_dir.filePath(QStringLiteral("proj.nlproj"));
    QFile::remove(project);

    const CliResult imported = run({"import", csv, "--project", project, "--target", "bought"});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QVERIFY2(imported.err.contains("Imported 300 rows and 5 columns"), qPrintable(imported.err));
    const CliResult info = run({"info", "--project", project});
    QVERIFY2(info.exitCode == 0, qPrintable(info.err));
    QVERIFY2(info.out.contains("data: 300 rows from proj.csv") && info.out.contains("target: bought") &&
                 info.out.contains("runs: 0"),
             qPrintable(info.out));

    // The target is remembered; the run lands in the project.
    const CliResult trained = run({"train", "--project", project, "--run-name", "first; DROP TABLE run; --",
                                   "--epochs", "8", "--threads", "1"});
    QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
    QVERIFY2(trained.err.contains("Run 1 (\"first; DROP TABLE run; --\") saved"), qPrintable(trained.err));
    const CliResult runs = run({"runs", "--project", project});
    QVERIFY2(runs.out.contains(QRegularExpression(
                 "\n1\\s+first; DROP TABLE run; --\\s+(completed|early_stopped)\\s+\\d+\\s+[01]\\.\\d{4}")),
             qPrintable(runs.out));

    // The same training from the CSV into a model file scores the same, byte for byte.
    const QString model = m_dir.filePath(QStringLiteral("proj.model.json"));
    QVERIFY(run({"train", csv, "--target", "bought", "--model", model, "--epochs", "8", "--threads", "1"})
                .exitCode == 0);
    const QString fromProject = m_dir.filePath(QStringLiteral("from-project.csv"));
    const QString fromModel = m_dir.filePath(QStringLiteral("from-model.csv"));
    const CliResult s1 = run({"score", "--project", project, csv, "--out", fromProject});
    QVERIFY2(s1.exitCode == 0, qPrintable(s1.err));
    QVERIFY2(s1.err.contains("Scoring with run 1"), qPrintable(s1.err));
    QVERIFY(run({"score", "--model", model, csv, "--out", fromModel}).exitCode == 0);
    QFile a(fromProject);
    QFile b(fromModel);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    const QByteArray scoredA = a.readAll();
    QCOMPARE(scoredA, b.readAll());
    QCOMPARE(scoredA.count('\n'), 301);
    // The scoring is in the project's export history.
    const CliResult after = run({"info", "--project", project});
    QVERIFY2(after.out.contains("exports: 1 (latest ") && after.out.contains(": 300 rows to ") &&
                 after.out.contains("from-project.csv"),
             qPrintable(after.out));
}

void TestCli::testOlderProjectScoresAsItDid_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("format");
    // Each folder holds a project of an older format, the CSV it was made
    // from, and what scoring that CSV with run 1 wrote at the time.
    QTest::addRow("format 1") << "format-1" << "format 1";
}

void TestCli::testOlderProjectScoresAsItDid()
{
    QFETCH(QString, folder);
    QFETCH(QString, format);
    const QString from = QStringLiteral(NEUROLIFT_SOURCE_DIR "/tests/data/projects/") + folder + u'/';
    const QString project = m_dir.filePath(folder + QStringLiteral(".nlproj"));
    QFile::remove(project);
    QVERIFY(QFile::copy(from + QStringLiteral("customers.nlproj"), project));
    QFile::setPermissions(project, QFile::ReadOwner | QFile::WriteOwner);

    const CliResult info = run({"info", "--project", project});
    QVERIFY2(info.exitCode == 0, qPrintable(info.err));
    QVERIFY2(info.out.contains("NeuroLift project, format 2"), qPrintable(info.out));
    const QString scored = m_dir.filePath(folder + QStringLiteral("-scored.csv"));
    const CliResult s = run({"score", "--project", project, "--run", "1", from + QStringLiteral("customers.csv"),
                             "--out", scored});
    QVERIFY2(s.exitCode == 0, qPrintable(s.err));
    QFile now(scored);
    QFile then(from + QStringLiteral("scored-run-1.csv"));
    QVERIFY(now.open(QIODevice::ReadOnly) && then.open(QIODevice::ReadOnly));
    // The golden was written by a build for another CPU: the same scores up to
    // the order of float additions (README, Testing: numbers across CPUs).
    const auto diff = golden::difference(now.readAll(), then.readAll(), kScoreTolerance);
    QVERIFY2(!diff, qPrintable(format + QStringLiteral(": ") + diff.value_or(QString())));
}

void TestCli::testProjectMistakes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::addRow("a CSV as project")
        << QStringList{"info", "--project", "@csv"} << 2 << "this is not a NeuroLift project";
    QTest::addRow("no such project") << QStringList{"runs", "--project", "@dir/none.nlproj"} << 2
                                     << "none.nlproj\": the file does not exist";
    QTest::addRow("import over a project") << QStringList{"import", "@csv", "--project", "@project"} << 2
                                           << "already exists; choose a new file name";
    QTest::addRow("FILE and --project")
        << QStringList{"train", "@csv", "--project", "@project", "--target", "bought"} << 2
        << "train: give a CSV FILE, or --project P.nlproj";
    QTest::addRow("no runs yet") << QStringList{"score", "--project", "@project",
                                                "@csv",  "--out",     "@dir/x.csv"}
                                 << 2 << "has no trained run yet";
    QTest::addRow("unknown run") << QStringList{"score", "--project", "@project", "--run",
                                                "7",     "@csv",      "--out",    "@dir/x.csv"}
                                 << 2 << "there is no run 7 in this project";
    QTest::addRow("bad target at import")
        << QStringList{"import", "@csv", "--project", "@dir/t.nlproj", "--target", "zz"} << 1
        << "no column \"zz\"";
}

void TestCli::testProjectMistakes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString csv =
        writeFile(QStringLiteral("mistakes.csv"), "id,spend,bought\nc1,1,yes\nc2,2,no\nc3,3,yes\n");
    const QString project = m_dir.filePath(QStringLiteral("mistakes.nlproj"));
    if (!QFile::exists(project)) {
        QVERIFY(run({"import", csv, "--project", project}).exitCode == 0);
    }
    QStringList args;
    for (const QString& a : arguments) {
        args << QString(a).replace("@csv", csv).replace("@project", project).replace("@dir", m_dir.path());
    }
    const CliResult r = run(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

QByteArray TestCli::knownTruthCsv(int rows)
{
    QByteArray csv = "id,visits,discount,age,tenure,channel,score_a,bought\n";
    std::uint32_t state = 12345;
    const auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return static_cast<int>((state >> 8) % 1000);
    };
    const char* channels[] = {"email", "web", "=HYPERLINK(\"x\")"};
    for (int i = 0; i < rows; ++i) {
        const int visits = next() % 20;
        const int discount = next() % 50;
        const int noise = next() % 100;
        const bool bought = visits * 5 - discount * 2 + noise / 4 > 20;
        csv += "c" + QByteArray::number(i) + "," + QByteArray::number(visits) + "," +
               (i % 17 == 0 ? QByteArray() : QByteArray::number(discount)) + "," +
               QByteArray::number(20 + next() % 60) + "," + QByteArray::number(next() % 120) + "," +
               channels[next() % 3] + "," + QByteArray::number(next() % 1000) + "," + (bought ? "yes" : "no") +
               "\n";
    }
    return csv;
}

void TestCli::testExplainRanksTheColumnsThatMatter()
{
    const QString csv = writeFile(QStringLiteral("truth.csv"), knownTruthCsv(1500));
    const QString project = m_dir.filePath(QStringLiteral("truth.nlproj"));
    QFile::remove(project);
    QVERIFY(run({"import", csv, "--project", project, "--target", "bought"}).exitCode == 0);
    const CliResult trained = run({"train", "--project", project, "--epochs", "40", "--threads", "1"});
    QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));

    const CliResult e = run({"explain", "--project", project, "--repeats", "3", "--seed", "7", "--top", "4"});
    QVERIFY2(e.exitCode == 0, qPrintable(e.err));
    QVERIFY2(e.out.contains("Permutation importance of run 1 on 225 validation rows (drop in AUC"),
             qPrintable(e.out));
    const QStringList lines = e.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 7, qPrintable(e.out)); // title, header, 4 columns, "more"
    QVERIFY(lines[1].startsWith(QStringLiteral("column")) && lines[1].contains(QStringLiteral("spread")));
    const QSet<QString> top{lines[2].section(u' ', 0, 0), lines[3].section(u' ', 0, 0)};
    QCOMPARE(top, (QSet<QString>{QStringLiteral("visits"), QStringLiteral("discount")}));
    QVERIFY2(lines[6].contains(QStringLiteral("2 more columns")), qPrintable(e.out));
    // Seeded: the same table again.
    QCOMPARE(run({"explain", "--project", project, "--repeats", "3", "--seed", "7", "--top", "4"}).out, e.out);
    QCOMPARE(run({"explain", "--project", project, "--run", "9"}).exitCode, 2);
}

void TestCli::testExplainDrawsTheSplitAgainForOlderRuns()
{
    const QString from = QStringLiteral(NEUROLIFT_SOURCE_DIR "/tests/data/projects/format-1/");
    const QString project = m_dir.filePath(QStringLiteral("older-explain.nlproj"));
    QFile::remove(project);
    QVERIFY(QFile::copy(from + QStringLiteral("customers.nlproj"), project));
    QFile::setPermissions(project, QFile::ReadOwner | QFile::WriteOwner);
    const CliResult e = run({"explain", "--project", project, "--run", "1"});
    QVERIFY2(e.exitCode == 0, qPrintable(e.err));
    QVERIFY2(e.err.contains(QStringLiteral("did not keep its split (an older project); drawing it again")),
             qPrintable(e.err));
    QVERIFY2(e.out.contains(QStringLiteral("Permutation importance of run 1")), qPrintable(e.out));
    // Reason codes for its runs, whose models predate the stored baseline, come from the project's data.
    const QString scored = m_dir.filePath(QStringLiteral("older-reasons.csv"));
    const CliResult s = run({"score", "--project", project, "--run", "1", from + QStringLiteral("customers.csv"),
                             "--out", scored, "--reasons", "1"});
    QVERIFY2(s.exitCode == 0, qPrintable(s.err));
    QFile out(scored);
    QVERIFY(out.open(QIODevice::ReadOnly));
    QVERIFY(out.readLine().contains(",reason_up_1,reason_down_1,"));
}

void TestCli::testScoreWithReasons_data()
{
    QTest::addColumn<int>("reasons");
    QTest::newRow("1 each way") << 1;
    QTest::newRow("3 each way") << 3;
}

void TestCli::testScoreWithReasons()
{
    QFETCH(int, reasons);
    const QString csv = writeFile(QStringLiteral("reasons.csv"), knownTruthCsv(800));
    const QString model = m_dir.filePath(QStringLiteral("reasons.model.json"));
    const CliResult trained = run({"train", csv, "--target", "bought", "--model", model, "--epochs", "30",
                                   "--threads", "1"});
    QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
    const QString plain = m_dir.filePath(QStringLiteral("reasons-plain.csv"));
    const QString with = m_dir.filePath(QStringLiteral("reasons-with.csv"));
    const QString again = m_dir.filePath(QStringLiteral("reasons-again.csv"));
    QVERIFY(run({"score", "--model", model, csv, "--out", plain}).exitCode == 0);
    const CliResult s =
        run({"score", "--model", model, csv, "--out", with, "--reasons", QString::number(reasons)});
    QVERIFY2(s.exitCode == 0, qPrintable(s.err));
    QVERIFY(run({"score", "--model", model, csv, "--out", again, "--reasons", QString::number(reasons)})
                .exitCode == 0);
    QFile a(plain);
    QFile b(with);
    QFile c(again);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly) && c.open(QIODevice::ReadOnly));
    const QByteArray withText = b.readAll();
    QCOMPARE(withText, c.readAll()); // the same reasons every time

    const QList<QByteArray> plainLines = a.readAll().split('\n');
    const QList<QByteArray> lines = withText.split('\n');
    QCOMPARE(lines.size(), plainLines.size());
    QByteArray expectedHeader = "id,score";
    for (int k = 1; k <= reasons; ++k) {
        expectedHeader += ",reason_up_" + QByteArray::number(k);
    }
    for (int k = 1; k <= reasons; ++k) {
        expectedHeader += ",reason_down_" + QByteArray::number(k);
    }
    QVERIFY2(lines[0].startsWith(expectedHeader + ",id,visits,"), lines[0].constData());
    // Reasons in words, with the cell as the file wrote it; the rest of the row as before.
    const QRegularExpression reason(QStringLiteral(
        R"re(^(\w+ = [^,"]+|\w+ is missing) \([+-][0-9.e+-]+\)$|^"channel = =HYPERLINK\(""x""\) \([+-][0-9.e+-]+\)"$|^$)re"));
    int visitsFirst = 0;
    int discountMissing = 0;
    for (int i = 1; i < lines.size() - 1; ++i) {
        const QByteArray& line = lines[i];
        QVERIFY(!line.contains(",=") && !line.startsWith('='));
        // Split off the 2 + 2k leading cells (reason texts hold no comma outside quotes here).
        int pos = 0;
        QList<QByteArray> cells;
        while (cells.size() < 2 + 2 * reasons) {
            int end = pos;
            bool quoted = false;
            while (end < line.size() && (quoted || line[end] != ',')) {
                quoted ^= line[end] == '"';
                ++end;
            }
            cells.push_back(line.mid(pos, end - pos));
            pos = end + 1;
        }
        const QByteArray rest = line.mid(pos);
        QVERIFY2(plainLines[i].endsWith("," + rest), line.constData());
        QVERIFY2(plainLines[i].startsWith(cells[0] + "," + cells[1] + ","), line.constData());
        for (int k = 2; k < cells.size(); ++k) {
            QVERIFY2(reason.match(QString::fromUtf8(cells[k])).hasMatch(), cells[k].constData());
        }
        visitsFirst += cells[2].startsWith("visits = ") || cells[2 + reasons].startsWith("visits = ") ||
                       cells[2].startsWith("discount") || cells[2 + reasons].startsWith("discount");
        discountMissing += line.contains("discount is missing");
    }
    QVERIFY2(visitsFirst > (lines.size() - 2) * 8 / 10, qPrintable(QString::number(visitsFirst)));
    QVERIFY(discountMissing > 0);
    QCOMPARE(run({"score", "--model", model, csv, "--out", with, "--reasons", "-1"}).exitCode, 2);
}

void TestCli::testEvaluateSegmentAndExport_issue7()
{
    const QString csv = writeFile(QStringLiteral("issue7.csv"), knownTruthCsv(1500));
    const QString project = m_dir.filePath(QStringLiteral("issue7.nlproj"));
    QFile::remove(project);
    QVERIFY(run({"import", csv, "--project", project, "--target", "bought"}).exitCode == 0);
    const CliResult trained = run({"train", "--project", project, "--epochs", "15", "--threads", "1"});
    QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));

    const CliResult ev = run({"evaluate", "--project", project, "--threshold", "0.4"});
    QVERIFY2(ev.exitCode == 0, qPrintable(ev.err));
    QVERIFY2(ev.out.contains(QRegularExpression("AUC 0\\.(8|9)\\d{3}")), qPrintable(ev.out));
    QVERIFY2(ev.out.contains("confusion matrix at threshold 0.4") && ev.out.contains("actually yes") &&
                 ev.out.contains("best F1"),
             qPrintable(ev.out));
    // Ten decile rows whose customers add up to the test split (15 % of the rows).
    const auto split = QRegularExpression("test split: (\\d+) rows").match(ev.out);
    QVERIFY(split.hasMatch());
    const QRegularExpression decile("\n\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+[01]\\.\\d{4}\\s+\\d+\\.\\d\\d");
    int groups = 0;
    int customers = 0;
    for (auto it = decile.globalMatch(ev.out); it.hasNext();) {
        const auto m = it.next();
        ++groups;
        customers += m.captured(2).toInt();
    }
    QCOMPARE(groups, 10);
    QCOMPARE(customers, split.captured(1).toInt());
    QVERIFY(customers > 200);

    const QString summary = m_dir.filePath(QStringLiteral("issue7-segments.csv"));
    const CliResult seg = run({"segment", "--project", project, "--bands", "hot:0.7,warm:0.4,cold", "--name",
                               "campaign", "--summary-csv", summary});
    QVERIFY2(seg.exitCode == 0, qPrintable(seg.err));
    QVERIFY2(seg.out.contains(QRegularExpression("\nhot\\s+\\d+")) && seg.out.contains("\ncold "),
             qPrintable(seg.out));
    QVERIFY(QFile::exists(summary));

    const QString scored = m_dir.filePath(QStringLiteral("issue7-scored.csv"));
    const CliResult sc =
        run({"score", "--project", project, csv, "--out", scored, "--segments", "--segment", "campaign"});
    QVERIFY2(sc.exitCode == 0, qPrintable(sc.err));
    QFile f(scored);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QVERIFY2(lines[0].startsWith("id,score,rank,decile,segment,"), lines[0].constData());
    QCOMPARE(lines.size(), 1502);
    QVERIFY(lines[1].split(',')[4] == "hot" || lines[1].split(',')[4] == "warm" ||
            lines[1].split(',')[4] == "cold");
    QCOMPARE(
        QDir(m_dir.path())
            .entryList({QStringLiteral("*.part*"), QStringLiteral(".*.part*")}, QDir::Files | QDir::Hidden),
        QStringList());

    const QString xlsx = m_dir.filePath(QStringLiteral("issue7.xlsx"));
    const CliResult ex = run({"export", "--project", project, "--out", xlsx, "--columns", "visits,channel",
                              "--segment", "campaign"});
    QVERIFY2(ex.exitCode == 0, qPrintable(ex.err));
    QVERIFY(QFileInfo(xlsx).size() > 1000);

    const CliResult sql =
        run({"export-sql", "--project", project, "--dialect", "postgres", "--table", "leads"});
    QVERIFY2(sql.exitCode == 0, qPrintable(sql.err));
    QVERIFY2(sql.out.contains("FROM \"leads\"") && sql.out.contains("AS score"),
             qPrintable(sql.out.left(400)));

    const CliResult info = run({"info", "--project", project});
    QVERIFY2(info.out.contains("exports: 4 "), qPrintable(info.out));
}

void TestCli::testSegmentMistakes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("no kind") << QStringList{"segment"} << "give one of --bands";
    QTest::addRow("two kinds") << QStringList{"segment", "--bands", "hot:0.7", "--quantiles", "10"}
                               << "give one of --bands";
    QTest::addRow("bands upside down")
        << QStringList{"segment", "--bands", "warm:0.4,hot:0.7"} << "from the highest lower score down";
    QTest::addRow("bad dialect") << QStringList{"export-sql", "--dialect", "oracle"}
                                 << "--dialect: sqlite or postgres";
}

void TestCli::testSegmentMistakes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString project = m_dir.filePath(QStringLiteral("issue7.nlproj"));
    const CliResult r = run(arguments + QStringList{"--project", project});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestCli::testDemoList()
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

void TestCli::testDemoWritesTheSameCsvForTheSameSeed_data()
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

void TestCli::testDemoWritesTheSameCsvForTheSameSeed()
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

void TestCli::testDemoProjectIsReadyToTrain()
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

void TestCli::testDemoMistakes_data()
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

void TestCli::testDemoMistakes()
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

// Projects from the command line: `import`, `info`, `runs`, training and
// scoring into and from a project, projects of older formats, and mistakes.

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include "clisuite.h"
#include "goldentext.h"

namespace {

/// Scores (probabilities) from builds for different CPUs agree within this.
constexpr golden::Tolerance kScoreTolerance{1e-6, 1e-6};

} // namespace

class TestCliProject : public CliSuite {
    Q_OBJECT

private slots:
    void initTestCase();

    void testProjectRoundTripScoresLikeTheModelFile();
    void testOlderProjectScoresAsItDid_data();
    void testOlderProjectScoresAsItDid();
    void testProjectMistakes_data();
    void testProjectMistakes();
};

void TestCliProject::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(NEUROLIFT_CLI_PATH)), NEUROLIFT_CLI_PATH);
    QVERIFY(m_dir.isValid());
}

void TestCliProject::testProjectRoundTripScoresLikeTheModelFile()
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

void TestCliProject::testOlderProjectScoresAsItDid_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("format");
    // Each folder holds a project of an older format, the CSV it was made
    // from, and what scoring that CSV with run 1 wrote at the time.
    QTest::addRow("format 1") << "format-1"
                              << "format 1";
}

void TestCliProject::testOlderProjectScoresAsItDid()
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
    const CliResult s = run({"score", "--project", project, "--run", "1",
                             from + QStringLiteral("customers.csv"), "--out", scored});
    QVERIFY2(s.exitCode == 0, qPrintable(s.err));
    QFile now(scored);
    QFile then(from + QStringLiteral("scored-run-1.csv"));
    QVERIFY(now.open(QIODevice::ReadOnly) && then.open(QIODevice::ReadOnly));
    // The golden was written by a build for another CPU: the same scores up to
    // the order of float additions (README, Testing: numbers across CPUs).
    const auto diff = golden::difference(now.readAll(), then.readAll(), kScoreTolerance);
    QVERIFY2(!diff, qPrintable(format + QStringLiteral(": ") + diff.value_or(QString())));
}

void TestCliProject::testProjectMistakes_data()
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

void TestCliProject::testProjectMistakes()
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

QTEST_GUILESS_MAIN(TestCliProject)
#include "tst_cli_project.moc"

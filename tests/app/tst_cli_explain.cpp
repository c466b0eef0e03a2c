// `explain` from the command line: which columns matter, for new runs and
// for runs of older projects.

#include <QFile>
#include <QSet>
#include <QTest>

#include "clisuite.h"

class TestCliExplain : public CliSuite {
    Q_OBJECT

private slots:
    void initTestCase();

    void testExplainRanksTheColumnsThatMatter();
    void testExplainDrawsTheSplitAgainForOlderRuns();
};

void TestCliExplain::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(NEUROLIFT_CLI_PATH)), NEUROLIFT_CLI_PATH);
    QVERIFY(m_dir.isValid());
}

void TestCliExplain::testExplainRanksTheColumnsThatMatter()
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
    QCOMPARE(run({"explain", "--project", project, "--repeats", "3", "--seed", "7", "--top", "4"}).out,
             e.out);
    QCOMPARE(run({"explain", "--project", project, "--run", "9"}).exitCode, 2);
}

void TestCliExplain::testExplainDrawsTheSplitAgainForOlderRuns()
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
    const CliResult s = run({"score", "--project", project, "--run", "1",
                             from + QStringLiteral("customers.csv"), "--out", scored, "--reasons", "1"});
    QVERIFY2(s.exitCode == 0, qPrintable(s.err));
    QFile out(scored);
    QVERIFY(out.open(QIODevice::ReadOnly));
    QVERIFY(out.readLine().contains(",reason_up_1,reason_down_1,"));
}

QTEST_GUILESS_MAIN(TestCliExplain)
#include "tst_cli_explain.moc"

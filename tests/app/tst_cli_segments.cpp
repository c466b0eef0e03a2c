// The campaign commands: `evaluate`, `segment`, scoring with segments,
// `export` and `export-sql` (issue 7), and their mistakes.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

#include "clisuite.h"

class TestCliSegments : public CliSuite {
    Q_OBJECT

private slots:
    void initTestCase();

    void testEvaluateSegmentAndExport_issue7();
    void testSegmentMistakes_data();
    void testSegmentMistakes();
};

void TestCliSegments::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(NEUROLIFT_CLI_PATH)), NEUROLIFT_CLI_PATH);
    QVERIFY(m_dir.isValid());
}

void TestCliSegments::testEvaluateSegmentAndExport_issue7()
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

void TestCliSegments::testSegmentMistakes_data()
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

void TestCliSegments::testSegmentMistakes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString project = m_dir.filePath(QStringLiteral("issue7.nlproj"));
    const CliResult r = run(arguments + QStringList{"--project", project});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCliSegments)
#include "tst_cli_segments.moc"

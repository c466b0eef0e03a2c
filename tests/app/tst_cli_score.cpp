// `train` into a model file and `score` with it: real data, large files,
// columns read as trained, reason codes, and the models and targets refused.

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include "clisuite.h"

class TestCliScore : public CliSuite {
    Q_OBJECT

private slots:
    void initTestCase();

    void testTrainAndScoreRealData_data();
    void testTrainAndScoreRealData();
    void testScoredCsvNeutralisesFormulas();
    void testTrainRejectsUnusableTargets_data();
    void testTrainRejectsUnusableTargets();
    void testScoreRejectsDamagedModel();
    void testScoreStreamsLargeFilesRowByRow();
    void testScoreReadsColumnsAsTrained();
    void testScoreNamesMissingColumns();
    void testScoreWithReasons_data();
    void testScoreWithReasons();
};

void TestCliScore::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(NEUROLIFT_CLI_PATH)), NEUROLIFT_CLI_PATH);
    QVERIFY(m_dir.isValid());
}

void TestCliScore::testTrainAndScoreRealData_data()
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

void TestCliScore::testTrainAndScoreRealData()
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

void TestCliScore::testScoredCsvNeutralisesFormulas()
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

void TestCliScore::testTrainRejectsUnusableTargets_data()
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

void TestCliScore::testTrainRejectsUnusableTargets()
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

void TestCliScore::testScoreRejectsDamagedModel()
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

void TestCliScore::testScoreStreamsLargeFilesRowByRow()
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

void TestCliScore::testScoreReadsColumnsAsTrained()
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

void TestCliScore::testScoreNamesMissingColumns()
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

void TestCliScore::testScoreWithReasons_data()
{
    QTest::addColumn<int>("reasons");
    QTest::newRow("1 each way") << 1;
    QTest::newRow("3 each way") << 3;
}

void TestCliScore::testScoreWithReasons()
{
    QFETCH(int, reasons);
    const QString csv = writeFile(QStringLiteral("reasons.csv"), knownTruthCsv(800));
    const QString model = m_dir.filePath(QStringLiteral("reasons.model.json"));
    const CliResult trained =
        run({"train", csv, "--target", "bought", "--model", model, "--epochs", "30", "--threads", "1"});
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

QTEST_GUILESS_MAIN(TestCliScore)
#include "tst_cli_score.moc"

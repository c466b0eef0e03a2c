// Exports, segments and training that once handed back silent nonsense
// (issue 17), through the command line: what the user is told, the exit code,
// and that a refused command writes nothing and changes no project.
#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using clirun::checkMessage;
using clirun::CliResult;
using clirun::fileHash;
using clirun::run;

namespace {

const QString kBad = QStringLiteral(NEUROLIFT_SOURCE_DIR "/tests/data/bad/");

/// Writes `text` (UTF-8) to `path`.
bool writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

} // namespace

class TestBadExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void testRefused_data();
    void testRefused();
    void testXlsxSaysWhatItChanged_issue17_data();
    void testXlsxSaysWhatItChanged_issue17();
    void testDamagedSplitIsNotRedrawn_issue17_data();
    void testDamagedSplitIsNotRedrawn_issue17();

private:
    /// Runs `arguments` with @dir replaced by the temporary folder; fails the test when it fails.
    void prepare(const QStringList& arguments);
    QStringList withDir(const QStringList& arguments) const;

    QTemporaryDir m_dir;
};

QStringList TestBadExport::withDir(const QStringList& arguments) const
{
    QStringList args;
    for (const QString& a : arguments) {
        args << QString(a).replace(QStringLiteral("@dir"), m_dir.path());
    }
    return args;
}

void TestBadExport::prepare(const QStringList& arguments)
{
    const CliResult r = run(withDir(arguments));
    QVERIFY2(r.exitCode == 0, qPrintable(arguments.join(' ') + '\n' + r.err.join('\n')));
}

void TestBadExport::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(NEUROLIFT_CLI_PATH)), NEUROLIFT_CLI_PATH);
    QVERIFY(m_dir.isValid());
    // A yes/no run and a run predicting money, few epochs, fixed seeds.
    prepare({"demo", "car-buyers", "--rows", "400", "--seed", "7", "--out", "@dir/cars.csv"});
    prepare({"import", "@dir/cars.csv", "--project", "@dir/yesno.nlproj", "--target", "bought_30d"});
    prepare({"train", "--project", "@dir/yesno.nlproj", "--epochs", "2", "--seed", "1", "--threads", "1"});
    prepare({"demo", "customer-spend", "--rows", "400", "--seed", "7", "--out", "@dir/spend.csv"});
    prepare({"import", "@dir/spend.csv", "--project", "@dir/money.nlproj", "--target", "spend_next_90d"});
    prepare({"train", "--project", "@dir/money.nlproj", "--epochs", "2", "--seed", "1", "--threads", "1"});

    // Too few rows to train: 2 and 3 once met two different minimums.
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("two.csv")), "visits,bought\n1,yes\n2,no\n"));
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("three.csv")), "visits,bought\n1,yes\n2,no\n3,no\n"));
    QByteArray few = "visits,bought\n";
    for (int i = 0; i < 40; ++i) {
        few += QByteArray::number(i % 7) + (i < 2 ? ",yes\n" : ",no\n");
    }
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("two-buyers.csv")), few));

    // Notes no worksheet can hold as they are: U+FFFE, a control character, 40,000 characters.
    QByteArray notes = "id,visits,note,bought\n";
    for (int i = 0; i < 60; ++i) {
        const QByteArray note = i == 2             ? QByteArray("a\xEF\xBF\xBE"
                                                                            "b")
                                : i == 4           ? QByteArray("c\x01"
                                                                          "d")
                                : i == 6 || i == 8 ? QByteArray(40000, 'x')
                                                   : QByteArray("fine");
        notes += "c" + QByteArray::number(i) + ',' + QByteArray::number(i % 7) + ',' + note + ',' +
                 (i % 2 ? "yes" : "no") + '\n';
    }
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("notes.csv")), notes));
    prepare({"import", "@dir/notes.csv", "--project", "@dir/notes.nlproj", "--target", "bought"});
    prepare({"train", "--project", "@dir/notes.nlproj", "--epochs", "2", "--seed", "1", "--threads", "1"});
}

void TestBadExport::testRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("output"); // must not exist afterwards
    const QString bands = QStringLiteral("hot:0.7,warm:0.4,cold");
    // Bands on money amounts once put 4,957 of 5,000 customers in "hot": export, score and
    // segment now refuse a numeric run alike.
    const QString notYesNo = QStringLiteral("segments need a yes/no model; run 1 predicts regression");
    QTest::addRow("segment --bands, numeric run")
        << QStringList{"segment", "--project",     "@dir/money.nlproj", "--bands",
                       bands,     "--summary-csv", "@dir/summary.csv"}
        << 1 << notYesNo << "summary.csv";
    QTest::addRow("export --bands, numeric run, CSV")
        << QStringList{"export",  "--project", "@dir/money.nlproj", "--out", "@dir/money.csv",
                       "--bands", bands}
        << 1 << notYesNo << "money.csv";
    QTest::addRow("export --bands, numeric run, Excel")
        << QStringList{"export",  "--project", "@dir/money.nlproj", "--out", "@dir/money.xlsx",
                       "--bands", bands}
        << 1 << notYesNo << "money.xlsx";
    QTest::addRow("score --bands, numeric run")
        << QStringList{"score", "@dir/spend.csv",  "--project", "@dir/money.nlproj",
                       "--out", "@dir/scored.csv", "--bands",   bands}
        << 1 << notYesNo << "scored.csv";

    // The first message names the whole minimum.
    const QString tooFew =
        QStringLiteral(": too few to train a model and to test it on rows it has not seen; use "
                       "a file with at least 20 customers with a value, at least 3 of each "
                       "outcome");
    QTest::addRow("train on 2 rows")
        << QStringList{"train", "@dir/two.csv", "--target", "bought", "--model", "@dir/two.model.json"} << 1
        << "only 2 rows have a value of \"bought\", 1 of them the rarer outcome" + tooFew << "two.model.json";
    QTest::addRow("train on 3 rows")
        << QStringList{"train", "@dir/three.csv", "--target", "bought", "--model", "@dir/three.model.json"}
        << 1 << "only 3 rows have a value of \"bought\", 1 of them the rarer outcome" + tooFew
        << "three.model.json";
    QTest::addRow("train on 2 buyers of 40")
        << QStringList{"train",   "@dir/two-buyers.csv",   "--target", "bought",
                       "--model", "@dir/buyers.model.json"}
        << 1 << "only 2 of the 40 rows with a value of \"bought\" have the rarer outcome" + tooFew
        << "buyers.model.json";
}

void TestBadExport::testRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QFETCH(QString, output);
    const QString project =
        withDir({arguments.value(arguments.indexOf(QStringLiteral("--project")) + 1)}).first();
    const QByteArray before =
        arguments.contains(QStringLiteral("--project")) ? fileHash(project) : QByteArray();
    const auto files = [this] { return QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden); };
    const QStringList filesBefore = files();
    checkMessage(run(withDir(arguments)), exitCode, message);
    QVERIFY2(!QFile::exists(m_dir.filePath(output)), qPrintable(output));
    QCOMPARE(files(), filesBefore); // no hidden part-written file either
    if (!before.isEmpty()) {
        QCOMPARE(fileHash(project), before);
    }
}

void TestBadExport::testXlsxSaysWhatItChanged_issue17_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("warnings");
    const QString where = QStringLiteral("export: sheet \"Scored customers\", column \"note\": ");
    QTest::addRow("U+FFFE, a control character and 40,000 characters")
        << QStringList{"export",    "--project", "@dir/notes.nlproj", "--out", "@dir/notes.xlsx",
                       "--columns", "note"}
        << QStringList{where +
                           "characters Excel cannot hold (control characters, U+FFFE, U+FFFF, bytes that are "
                           "not UTF-8) were replaced by U+FFFD in 2 cells, the first in row 4",
                       where + "2 cells were cut at Excel's limit of 32,767 characters, the first in row 8"};
    QTest::addRow("a CSV holds them as they are")
        << QStringList{"export",    "--project", "@dir/notes.nlproj", "--out", "@dir/notes.csv",
                       "--columns", "note"}
        << QStringList();
}

void TestBadExport::testXlsxSaysWhatItChanged_issue17()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, warnings);
    const CliResult r = run(withDir(arguments));
    const QString out = withDir({arguments[4]}).first();
    QVERIFY2(r.exitCode == 0, qPrintable(r.err.join('\n')));
    QVERIFY2(r.err.last().startsWith(QStringLiteral("Exported 60 customers to ") + out + " in "),
             qPrintable(r.err.join('\n')));
    QStringList said;
    for (const QString& line : r.err) {
        if (line.startsWith(QStringLiteral("export: "))) {
            said << line;
        }
    }
    QCOMPARE(said, warnings);
    QVERIFY(QFile::exists(out));
}

void TestBadExport::testDamagedSplitIsNotRedrawn_issue17_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("message");
    const QString advice = QStringLiteral(
        "; use an intact copy or the recovery copy (if the data were replaced after run 1, train a new run)");
    const QString wrongSize =
        QStringLiteral("\"run-split-wrong-size.nlproj\": the project is damaged while reading "
                       "the split of run 1: it has 5 rows and the data 400") +
        advice;
    const QString noSuchPart =
        QStringLiteral("\"run-split-no-such-part.nlproj\": the project is damaged while "
                       "reading the split of run 1: row 1 is in part 7, which does not "
                       "exist") +
        advice;
    for (const char* command : {"evaluate", "export", "segment", "explain"}) {
        QTest::addRow("wrong size, %s", command) << "run-split-wrong-size.nlproj" << command << wrongSize;
        QTest::addRow("no such part, %s", command)
            << "run-split-no-such-part.nlproj" << command << noSuchPart;
    }
}

void TestBadExport::testDamagedSplitIsNotRedrawn_issue17()
{
    QFETCH(QString, file);
    QFETCH(QString, command);
    QFETCH(QString, message);
    // On a copy: a failed command leaves the project byte for byte as it was.
    const QString copy = m_dir.filePath(file);
    QFile::remove(copy);
    QVERIFY(QFile::copy(kBad + QStringLiteral("projects/") + file, copy));
    const QByteArray before = fileHash(copy);
    QStringList args{command, "--project", copy};
    const QString out = m_dir.filePath(QStringLiteral("damaged.csv"));
    if (command == QStringLiteral("export")) {
        args << "--out" << out;
    } else if (command == QStringLiteral("segment")) {
        args << "--quantiles"
             << "10";
    }
    const CliResult r = run(args);
    checkMessage(r, 2, message);
    QVERIFY(!r.err.join('\n').contains(QStringLiteral("older project")));
    QCOMPARE(fileHash(copy), before);
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(TestBadExport)
#include "tst_badexport.moc"

// `describe`: a project's columns in the user's words, kept in the project and
// used by `score --reasons`; mistakes refused with what to do.

#include <QFile>
#include <QTest>

#include "clisuite.h"

class TestCliDescribe : public CliSuite {
    Q_OBJECT

private slots:
    void initTestCase();
    void testWordsReachTheReasons();
    void testMistakes_data();
    void testMistakes();

private:
    QString m_project;
    QString m_customers;
};

void TestCliDescribe::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(NEUROLIFT_CLI_PATH)), NEUROLIFT_CLI_PATH);
    QVERIFY(m_dir.isValid());
    m_project = m_dir.filePath(QStringLiteral("cars.nlproj"));
    m_customers = m_dir.filePath(QStringLiteral("cars.csv"));
    const CliResult demo =
        run({"demo", "car-buyers", "--rows", "600", "--project", m_project, "--train", "--threads", "1"});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    const CliResult csv = run({"demo", "car-buyers", "--rows", "600", "--out", m_customers});
    QVERIFY2(csv.exitCode == 0, qPrintable(csv.err));
}

void TestCliDescribe::testWordsReachTheReasons()
{
    // Before: every column is listed with a suggestion made from its name.
    const CliResult before = run({"describe", "--project", m_project});
    QVERIFY2(before.exitCode == 0, qPrintable(before.err));
    QVERIFY2(before.out.contains(QStringLiteral("(none; suggested: Viewed pricing)")),
             qPrintable(before.out));

    const CliResult set = run({"describe", "--project", m_project, "--column", "viewed_pricing", "--as",
                               "Viewed the pricing page"});
    QVERIFY2(set.exitCode == 0, qPrintable(set.err));
    QVERIFY2(set.out.contains(QStringLiteral("Viewed the pricing page")), qPrintable(set.out));

    // Scoring with the project's run: the described column reads in words, its 1/0 as yes/no;
    // the others as before.
    const QString out = m_dir.filePath(QStringLiteral("scored.csv"));
    const CliResult scored =
        run({"score", "--project", m_project, m_customers, "--reasons", "12", "--out", out});
    QVERIFY2(scored.exitCode == 0, qPrintable(scored.err));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("Viewed the pricing page: (yes|no) \\([+-]"))),
             qPrintable(text.left(600)));
    QVERIFY(!text.contains(QStringLiteral("viewed_pricing = ")));
    QVERIFY(text.contains(QStringLiteral("channel = ")));

    // --suggest fills the rest and keeps the user's words; --forget takes words back.
    const CliResult suggested = run({"describe", "--project", m_project, "--suggest"});
    QVERIFY2(suggested.exitCode == 0, qPrintable(suggested.err));
    QVERIFY(suggested.out.contains(QStringLiteral("Viewed the pricing page")));
    QVERIFY(suggested.out.contains(QStringLiteral("Days since last visit")));
    QVERIFY(!suggested.out.contains(QStringLiteral("(none;")));
    const CliResult forgot =
        run({"describe", "--project", m_project, "--column", "viewed_pricing", "--forget"});
    QVERIFY2(forgot.exitCode == 0, qPrintable(forgot.err));
    QVERIFY(forgot.out.contains(QStringLiteral("(none; suggested: Viewed pricing)")));
}

void TestCliDescribe::testMistakes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no such column")
        << QStringList{"--column", "nope", "--as", "x"}
        << "--column: the project has no column \"nope\"; its columns are customer_id,";
    QTest::newRow("words without column")
        << QStringList{"--as", "x"} << "--as and --forget need --column NAME";
    QTest::newRow("column without words")
        << QStringList{"--column", "visits"} << "--column: say what it is with --as WORDS, or --forget";
    QTest::newRow("two lines") << QStringList{"--column", "visits", "--as", "a\nb"}
                               << "must be one line of 1 to 120 characters";
    QTest::newRow("too long") << QStringList{"--column", "visits", "--as", QString(121, QLatin1Char('x'))}
                              << "must be one line of 1 to 120 characters";
    QTest::newRow("both") << QStringList{"--column", "visits", "--as", "Visits", "--forget"}
                          << "--as and --forget: give one of them";
}

void TestCliDescribe::testMistakes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QByteArray before = [&] {
        QFile f(m_project);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    const CliResult r = run(QStringList{"describe", "--project", m_project} + arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QFile f(m_project);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY2(f.readAll() == before, "a refused describe changed the project");
}

QTEST_MAIN(TestCliDescribe)
#include "tst_cli_describe.moc"

#include <QTest>

#include "goldentext.h"

// The comparison the golden-file tests rely on: it must accept what another
// CPU's build writes and nothing else.
class TestGoldenText : public QObject {
    Q_OBJECT

private slots:
    void testDifference_data();
    void testDifference();
};

void TestGoldenText::testDifference_data()
{
    QTest::addColumn<QByteArray>("actual");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("agree");
    QTest::addColumn<int>("line"); // the line named when they do not agree

    const QByteArray header = "customer_id,score,\"spend \"\"eur\"\"\",bought\n";
    QTest::newRow("identical") << header + "C00017,0.2545522,197.41,yes\n"
                               << header + "C00017,0.2545522,197.41,yes\n" << true << 0;
    QTest::newRow("last digit of a score, another CPU")
        << header + "C00017,0.2545523,197.41,yes\n" << header + "C00017,0.2545522,197.41,yes\n" << true << 0;
    QTest::newRow("exponent form") << QByteArray("x,1.5e-07\n") << QByteArray("x,1.6e-07\n") << true << 0;
    QTest::newRow("a score that moved") << header + "C00017,0.2545622,197.41,yes\n"
                                        << header + "C00017,0.2545522,197.41,yes\n" << false << 2;
    QTest::newRow("large number within relative tolerance")
        << QByteArray("revenue,1234567.9\n") << QByteArray("revenue,1234567.8\n") << true << 0;
    QTest::newRow("large number beyond it") << QByteArray("revenue,1234577.8\n")
                                            << QByteArray("revenue,1234567.8\n") << false << 1;
    QTest::newRow("digits in an id are text")
        << header + "C00018,0.2545522,197.41,yes\n" << header + "C00017,0.2545522,197.41,yes\n" << false << 2;
    QTest::newRow("text differs") << QByteArray("a,0.5,no\n") << QByteArray("a,0.5,yes\n") << false << 1;
    QTest::newRow("a field more") << QByteArray("a,0.5,0.5\n") << QByteArray("a,0.5\n") << false << 1;
    QTest::newRow("a line more") << QByteArray("a\nb\n") << QByteArray("a\n") << false << 0;
    QTest::newRow("nan is no number") << QByteArray("a,nan\n") << QByteArray("a,0.5\n") << false << 1;
    QTest::newRow("sign") << QByteArray("w,-0.25\n") << QByteArray("w,0.25\n") << false << 1;
}

void TestGoldenText::testDifference()
{
    QFETCH(QByteArray, actual);
    QFETCH(QByteArray, expected);
    QFETCH(bool, agree);
    QFETCH(int, line);
    double largest = -1;
    const auto diff = golden::difference(actual, expected, {1e-6, 1e-6}, &largest);
    QCOMPARE(!diff.has_value(), agree);
    QVERIFY(largest >= 0);
    if (diff && line > 0) {
        QVERIFY2(diff->startsWith(QStringLiteral("line %1:").arg(line)), qPrintable(*diff));
    }
}

QTEST_APPLESS_MAIN(TestGoldenText)
#include "tst_goldentext.moc"

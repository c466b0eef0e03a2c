// Columns in the user's words: the suggestion from a column's name, the
// project setting read as someone else's data, and reasons that use the words.

#include "columns.h"
#include "data/columnwords.h"
#include "explain/featuregroups.h"
#include "explain/reasons.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace neurolift;

class TestColumnWords : public QObject {
    Q_OBJECT

private slots:
    void testSuggestedWords_data();
    void testSuggestedWords();
    void testSettingIsCheckedAsData_data();
    void testSettingIsCheckedAsData();
    void testSettingRoundTrips();
    void testReasonsUseTheWords();
};

void TestColumnWords::testSuggestedWords_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("words");
    QTest::newRow("snake") << "viewed_pricing"
                           << "Viewed pricing";
    QTest::newRow("camel") << "NumWebVisitsMonth"
                           << "Num web visits month";
    QTest::newRow("lower camel") << "daysSinceLastPurchase"
                                 << "Days since last purchase";
    QTest::newRow("acronym") << "ID"
                             << "ID";
    QTest::newRow("acronym then word") << "HTMLPageViews"
                                       << "HTML page views";
    QTest::newRow("digits") << "visits30d"
                            << "Visits 30 d";
    QTest::newRow("dashes and dots") << "e-mail.opens"
                                     << "E mail opens";
    QTest::newRow("one word") << "income"
                              << "Income";
    QTest::newRow("already words") << "Page Values"
                                   << "Page values";
    QTest::newRow("only separators") << "__"
                                     << "__";
}

void TestColumnWords::testSuggestedWords()
{
    QFETCH(QString, column);
    QFETCH(QString, words);
    QCOMPARE(QString::fromStdString(suggestedWords(column.toStdString())), words);
}

void TestColumnWords::testSettingIsCheckedAsData_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("not an object") << R"(["a"])"
                                   << "not a list of column";
    QTest::newRow("a number") << R"({"income": 3})"
                              << "column \"income\" is not text";
    QTest::newRow("empty") << R"({"income": ""})"
                           << "column \"income\" must be one line";
    QTest::newRow("two lines") << R"({"income": "a\nb"})"
                               << "column \"income\" must be one line";
    QTest::newRow("too long") << QStringLiteral("{\"income\": \"%1\"}").arg(QString(121, QLatin1Char('x')))
                              << "1 to 120 characters";
}

void TestColumnWords::testSettingIsCheckedAsData()
{
    QFETCH(QString, json);
    QFETCH(QString, message);
    try {
        columnWordsFromJson(nlohmann::json::parse(json.toStdString()));
        QFAIL("accepted");
    } catch (const std::runtime_error& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
    }
}

void TestColumnWords::testSettingRoundTrips()
{
    const ColumnWords words{{"viewed_pricing", "Viewed the pricing page"}, {"income", "Yearly income (€)"}};
    QCOMPARE(columnWordsFromJson(columnWordsToJson(words)), words);
    QCOMPARE(wordsFor(words, "income"), std::string("Yearly income (€)"));
    QCOMPARE(wordsFor(words, "channel"), std::string("channel"));
}

void TestColumnWords::testReasonsUseTheWords()
{
    const Table table({test::numbers("viewed_pricing", {0.0f, 1.0f}, ColumnType::Boolean),
                       test::numbers("income", {NAN, 52000.0f}),
                       test::categorical("channel", {"email", "web"})},
                      2);
    const FeatureGroups g = FeatureGroups::fromSources({"viewed_pricing", "income", "channel"});
    Matrix attr(3, 2);
    attr << -0.09f, 0.20f, //
        0.02f, 0.05f,      //
        -0.01f, -0.03f;
    const std::vector<std::int64_t> rows{0, 1};
    const ColumnWords words{{"viewed_pricing", "Viewed the pricing page"}, {"income", "Yearly income"}};
    ReasonOptions o;
    o.top = 3;
    o.words = &words;
    const auto r = reasonCodes(attr, g, table, rows, o);
    QCOMPARE(r[0].down[0].text, std::string("Viewed the pricing page: no (-0.09)"));
    QCOMPARE(r[0].up[0].text, std::string("Yearly income: missing (+0.02)"));
    QCOMPARE(r[1].up[0].text, std::string("Viewed the pricing page: yes (+0.20)"));
    QCOMPARE(r[1].up[1].text, std::string("Yearly income: 52000 (+0.05)"));
    // A column without words reads as before, so exports of projects without words do not change.
    QCOMPARE(r[1].down[0].text, std::string("channel = web (-0.03)"));
    QCOMPARE(r[0].down[0].column, std::string("viewed_pricing"));
}

QTEST_APPLESS_MAIN(TestColumnWords)
#include "tst_columnwords.moc"

// Columns in the user's words: the suggestion from a column's name, the
// project setting read as someone else's data, and reasons that use the words.

#include "columns.h"
#include "data/columnwords.h"
#include "data/recipe.h"
#include "explain/attribution.h"
#include "explain/featuregroups.h"
#include "explain/reasons.h"
#include "model/modelfile.h"
#include "scoring/scoredexport.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

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
    void testScoredExportReasonsUseTheWords();
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

void TestColumnWords::testScoredExportReasonsUseTheWords()
{
    // 40 customers: a yes/no column the user described and a number they did not.
    std::vector<float> viewed, visits;
    Column id;
    id.name = "id";
    id.type = ColumnType::Identifier;
    for (int i = 0; i < 40; ++i) {
        viewed.push_back(i % 3 == 0 ? 1.0f : 0.0f);
        visits.push_back(static_cast<float>(i % 7));
        id.strings.push_back(std::string(1, 'C').append(std::to_string(i)));
        id.missing.push_back(0);
    }
    const Table table(
        {id, test::numbers("viewed_pricing", viewed, ColumnType::Boolean), test::numbers("visits", visits)},
        40);
    std::vector<std::int64_t> rows(40);
    std::iota(rows.begin(), rows.end(), std::int64_t{0});
    TrainedModel model;
    model.target.column = "bought";
    model.target.task = TaskKind::BinaryClassification;
    model.target.classes = {"no", "yes"};
    model.idColumn = "id";
    model.recipe = Recipe::fit(table, rows, {"viewed_pricing", "visits"});
    model.architecture.layers = {LayerSpec::dense(1, Activation::Sigmoid)};
    model.weights = Network(model.architecture, model.recipe.featureCount(), 5).weights();

    QTemporaryDir dir;
    ScoredExportOptions o;
    o.path = dir.filePath(QStringLiteral("scored.csv")).toStdString();
    o.reasons = 2;
    o.baseline = meanBaseline(model.recipe.transform(table, rows));
    o.words = {{"viewed_pricing", "Viewed the pricing page"}};
    QCOMPARE(exportScores(table, model, o).rows, std::size_t{40});

    QFile file(QString::fromStdString(o.path));
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 41);
    QVERIFY2(lines[0].contains(QStringLiteral("reason_up_1")), qPrintable(lines[0]));
    const QRegularExpression described(
        QStringLiteral(R"(^Viewed the pricing page: (yes|no) \([+-][0-9.e+-]+\)$)"));
    const QRegularExpression named(QStringLiteral(R"(^visits = \d \([+-][0-9.e+-]+\)$)"));
    int inWords = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines[i].split(QLatin1Char(','));
        QCOMPARE(cells.size(), 8); // id, score, rank, decile, 2 up, 2 down
        for (qsizetype k = 4; k < 8; ++k) {
            const QString& reason = cells[k];
            if (reason.isEmpty()) {
                continue;
            }
            QVERIFY2(described.match(reason).hasMatch() || named.match(reason).hasMatch(),
                     qPrintable(reason));
            inWords += reason.startsWith(QStringLiteral("Viewed the pricing page: ")) ? 1 : 0;
        }
        // The words follow the customer's own cell: yes for the ones who viewed it.
        const bool viewedIt = viewed[static_cast<std::size_t>(i - 1)] > 0.5f;
        for (qsizetype k = 4; k < 8; ++k) {
            if (cells[k].startsWith(QStringLiteral("Viewed the pricing page: "))) {
                QCOMPARE(cells[k].contains(QStringLiteral(": yes (")), viewedIt);
            }
        }
    }
    QVERIFY(inWords > 0);
}

QTEST_APPLESS_MAIN(TestColumnWords)
#include "tst_columnwords.moc"

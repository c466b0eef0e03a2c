#include "columns.h"
#include "training/pipeline.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <limits>
#include <optional>
#include <stdexcept>

using namespace neurolift;
using neurolift::test::categorical;
using neurolift::test::numbers;

namespace {

/// 200 customers: visits decide "bought"; a constant column, an id and free text.
Table customers()
{
    std::vector<float> visits;
    std::vector<float> constant;
    std::vector<std::string> channel;
    std::vector<std::string> bought;
    Column id;
    id.name = "customer";
    id.type = ColumnType::Identifier;
    Column note;
    note.name = "note";
    note.type = ColumnType::Text;
    for (int i = 0; i < 200; ++i) {
        visits.push_back(static_cast<float>(i % 17));
        constant.push_back(1.0f);
        channel.push_back(i % 3 == 0 ? "email" : "web");
        bought.push_back(i % 17 > 9 ? "yes" : (i == 5 ? "" : "no"));
        // Appended, not "C" + std::to_string(): GCC 12 warns falsely on that (bug 105329).
        id.strings.push_back(std::string("C").append(std::to_string(1000 + i)));
        id.missing.push_back(0);
        note.strings.push_back("said hello " + std::to_string(i));
        note.missing.push_back(0);
    }
    std::vector<Column> columns;
    columns.push_back(std::move(id));
    columns.push_back(numbers("visits", visits));
    columns.push_back(numbers("always one", constant));
    columns.push_back(categorical("channel", channel));
    columns.push_back(std::move(note));
    columns.push_back(categorical("bought", bought));
    return Table(std::move(columns), 200);
}

/// `rows` customers, `rarer` of whom bought ("yes"); "spend" is a number in every row.
Table smallTable(int rows, int rarer)
{
    std::vector<float> visits;
    std::vector<float> spend;
    std::vector<std::string> bought;
    for (int i = 0; i < rows; ++i) {
        visits.push_back(static_cast<float>(i % 5));
        spend.push_back(10.0f * static_cast<float>(i));
        bought.push_back(i < rarer ? "yes" : "no");
    }
    std::vector<Column> columns;
    columns.push_back(numbers("visits", visits));
    columns.push_back(numbers("spend", spend));
    columns.push_back(categorical("bought", bought));
    return Table(std::move(columns), static_cast<std::size_t>(rows));
}

} // namespace

class TestPipeline : public QObject {
    Q_OBJECT

private slots:
    void selectsUsableColumnsByDefault();
    void explicitChoices_data();
    void explicitChoices();
    void choiceJsonRoundTrip();
    void prepareSplitsAndFitsOnTrainingRowsOnly();
    void splitAssignmentRoundTrip_data();
    void splitAssignmentRoundTrip();
    void testFirstMessageNamesTheWholeMinimum_issue17_data();
    void testFirstMessageNamesTheWholeMinimum_issue17();
    void testDamagedStoredSplitIsAnError_issue17_data();
    void testDamagedStoredSplitIsAnError_issue17();
};

void TestPipeline::selectsUsableColumnsByDefault()
{
    ColumnChoice c;
    c.target = "bought";
    const FeatureSelection s = selectFeatures(customers(), c);
    QCOMPARE(s.idColumn, std::string("customer"));
    QCOMPARE(s.features, (std::vector<std::string>{"visits", "channel"}));
    QCOMPARE(s.notes, (std::vector<std::string>{"\"always one\" is not used: it has the same value in every row",
                                                 "\"note\" is not used: it holds text values"}));
}

void TestPipeline::explicitChoices_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("features"); // joined by "|", or the error
    QTest::addRow("features given") << R"({"column":"bought","features":["channel"]})" << "channel";
    QTest::addRow("no id, so the id column is not taken")
        << R"({"column":"bought","id":""})" << "visits|channel";
    QTest::addRow("ignored") << R"({"column":"bought","ignore":["channel"]})" << "visits";
    QTest::addRow("unknown feature") << R"({"column":"bought","features":["zip"]})"
                                     << "error: the data has no column \"zip\" to learn from";
    QTest::addRow("target as feature")
        << R"({"column":"bought","features":["bought"]})"
        << "error: \"bought\" is what the model predicts; it cannot also be an input";
    QTest::addRow("text as feature")
        << R"({"column":"bought","features":["note"]})"
        << "error: \"note\" holds text values, which a network cannot learn from; leave it out";
    QTest::addRow("unknown id") << R"({"column":"bought","id":"nr"})"
                                << "error: the data has no column \"nr\" to use as the id";
}

void TestPipeline::explicitChoices()
{
    QFETCH(QString, json);
    QFETCH(QString, features);
    const ColumnChoice c = ColumnChoice::fromJson(nlohmann::json::parse(json.toStdString()));
    try {
        const FeatureSelection s = selectFeatures(customers(), c);
        QStringList names;
        for (const auto& f : s.features) {
            names << QString::fromStdString(f);
        }
        QCOMPARE(names.join(u'|'), features);
    } catch (const std::invalid_argument& e) {
        QCOMPARE(QStringLiteral("error: ") + QString::fromUtf8(e.what()), features);
    }
}

void TestPipeline::choiceJsonRoundTrip()
{
    ColumnChoice c;
    c.target = "bought \"now\"";
    c.positive = "yes";
    c.idColumn = "";
    c.features = std::vector<std::string>{"a; --", "b"};
    c.ignore = {"x"};
    QCOMPARE(ColumnChoice::fromJson(nlohmann::json::parse(c.toJson().dump())), c);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ColumnChoice::fromJson(nlohmann::json::array()));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             ColumnChoice::fromJson(nlohmann::json{{"column", "a"}, {"features", 3}}));
}

void TestPipeline::prepareSplitsAndFitsOnTrainingRowsOnly()
{
    const Table t = customers();
    ColumnChoice c;
    c.target = "bought";
    const PreparedData d = prepareData(t, c, 7);
    QCOMPARE(d.missingTargets, 1LL);
    QCOMPARE(d.target.classes, (std::vector<std::string>{"no", "yes"}));
    QCOMPARE(static_cast<std::size_t>(d.train.rows() + d.validation.rows() + d.test.rows()), std::size_t{199});
    QCOMPARE(static_cast<std::size_t>(d.train.rows()), d.split.train.size());
    QCOMPARE(d.train.x.rows(), static_cast<Index>(d.recipe.featureCount()));
    // The row without a target is in no part.
    const auto parts = splitAssignment(d.split, t.rowCount());
    QCOMPARE(parts[5], std::uint8_t{0});
    // Same seed, same split; another seed, another one.
    QCOMPARE(prepareData(t, c, 7).split.test, d.split.test);
    QVERIFY(prepareData(t, c, 8).split.test != d.split.test);
    // Standardised on the training rows: their mean is 0 there, not on the test rows.
    QVERIFY(std::abs(d.train.x.row(0).mean()) < 1e-5f);

    ColumnChoice none = c;
    none.features = std::vector<std::string>{};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, prepareData(t, none, 7));
}

void TestPipeline::splitAssignmentRoundTrip_data()
{
    QTest::addColumn<int>("rows");
    QTest::addRow("few") << 10;
    QTest::addRow("many") << 100000;
}

void TestPipeline::splitAssignmentRoundTrip()
{
    QFETCH(int, rows);
    std::vector<std::int32_t> classes(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) {
        classes[static_cast<std::size_t>(i)] = i % 7 == 3 ? -1 : i % 2;
    }
    const Split s = stratifiedSplit(classes, {}, 3);
    const auto parts = splitAssignment(s, classes.size());
    const Split back = splitFromAssignment(parts);
    QCOMPARE(back.train, s.train);
    QCOMPARE(back.validation, s.validation);
    QCOMPARE(back.test, s.test);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, splitAssignment(s, classes.size() / 2));
}

void TestPipeline::testFirstMessageNamesTheWholeMinimum_issue17_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("rarer");
    QTest::addColumn<QString>("error"); // empty: the data are prepared
    const QString tooFew =
        QStringLiteral(": too few to train a model and to test it on rows it has not seen; use a "
                       "file with at least 20 customers with a value");
    const QString yesNo = tooFew + QStringLiteral(", at least 3 of each outcome");
    // Two rows once said "at least 3", three then "at least 20": the first message says it all.
    QTest::addRow("two rows") << "bought" << 2 << 1
                              << "only 2 rows have a value of \"bought\", 1 of them the rarer outcome" +
                                     yesNo;
    QTest::addRow("three rows") << "bought" << 3 << 1
                                << "only 3 rows have a value of \"bought\", 1 of them the rarer outcome" +
                                       yesNo;
    QTest::addRow("19 rows") << "bought" << 19 << 9
                             << "only 19 rows have a value of \"bought\", 9 of them the rarer outcome" +
                                    yesNo;
    QTest::addRow("40 rows, 2 bought")
        << "bought" << 40 << 2
        << "only 2 of the 40 rows with a value of \"bought\" have the rarer outcome" + yesNo;
    QTest::addRow("20 rows, 3 bought") << "bought" << 20 << 3 << QString();
    QTest::addRow("numeric, 19 rows")
        << "spend" << 19 << 0 << "only 19 rows have a value of \"spend\"" + tooFew;
    QTest::addRow("numeric, 20 rows") << "spend" << 20 << 0 << QString();
}

void TestPipeline::testFirstMessageNamesTheWholeMinimum_issue17()
{
    QFETCH(QString, target);
    QFETCH(int, rows);
    QFETCH(int, rarer);
    QFETCH(QString, error);
    ColumnChoice c;
    c.target = target.toStdString();
    c.features = std::vector<std::string>{"visits"};
    try {
        const PreparedData d = prepareData(smallTable(rows, rarer), c, 7);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (rarer > 0) { // both outcomes in every part
            for (const auto* part : {&d.train, &d.validation, &d.test}) {
                QVERIFY(part->y.maxCoeff() == 1.0f && part->y.minCoeff() == 0.0f);
            }
        }
    } catch (const std::invalid_argument& e) {
        QCOMPARE(QString::fromUtf8(e.what()), error);
    }
}

void TestPipeline::testDamagedStoredSplitIsAnError_issue17_data()
{
    QTest::addColumn<QByteArray>("parts");   // one byte a row
    QTest::addColumn<QByteArray>("targets"); // '.' no target value, else one
    QTest::addColumn<QString>("expected");   // "none", the test rows, or the error
    QTest::addRow("kept") << QByteArray("\1\1\2\3\0\3", 6) << QByteArray("yyyy.y") << "test rows 4 6";
    QTest::addRow("not kept (older project)") << QByteArray() << QByteArray("yyyy") << "none";
    QTest::addRow("wrong size") << QByteArray("\1\2\3", 3) << QByteArray("yyyy")
                                << "error: it has 3 rows and the data 4";
    QTest::addRow("no such part") << QByteArray("\1\2\7\3", 4) << QByteArray("yyyy")
                                  << "error: row 3 is in part 7, which does not exist";
    QTest::addRow("row without a target") << QByteArray("\1\2\3\3", 4) << QByteArray("yy.y")
                                          << "error: row 3 has no target value but is in a part";
    QTest::addRow("no test rows") << QByteArray("\1\2\1\0", 4) << QByteArray("yyyy")
                                  << "error: it has no test rows";
    QTest::addRow("nothing in any part")
        << QByteArray(4, '\0') << QByteArray("yyyy") << "error: it has no training rows";
}

void TestPipeline::testDamagedStoredSplitIsAnError_issue17()
{
    QFETCH(QByteArray, parts);
    QFETCH(QByteArray, targets);
    QFETCH(QString, expected);
    std::vector<std::uint8_t> p(parts.begin(), parts.end());
    std::vector<float> t;
    for (const char c : targets) {
        t.push_back(c == '.' ? std::numeric_limits<float>::quiet_NaN() : 1.0f);
    }
    try {
        const std::optional<Split> s = storedSplit(p, t);
        QString got = QStringLiteral("none");
        if (s) {
            got = QStringLiteral("test rows");
            for (const std::int64_t r : s->test) {
                got += ' ' + QString::number(r + 1);
            }
        }
        QCOMPARE(got, expected);
    } catch (const std::invalid_argument& e) {
        QCOMPARE(QStringLiteral("error: ") + QString::fromUtf8(e.what()), expected);
    }
}

QTEST_APPLESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"

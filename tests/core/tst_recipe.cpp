#include "columns.h"
#include "data/datetime.h"
#include "data/recipe.h"

#include <nlohmann/json.hpp>

#include <QTest>

#include <cmath>
#include <numeric>

using namespace neurolift;
using neurolift::test::categorical;
using neurolift::test::numbers;

namespace {

std::vector<std::int64_t> range(std::int64_t from, std::int64_t to)
{
    std::vector<std::int64_t> r(static_cast<std::size_t>(to - from));
    std::iota(r.begin(), r.end(), from);
    return r;
}

const float kNaN = std::numeric_limits<float>::quiet_NaN();

} // namespace

class TestRecipe : public QObject {
    Q_OBJECT

private slots:
    void numericIsFittedOnTrainingRowsOnly_data();
    void numericIsFittedOnTrainingRowsOnly();
    void missingValuesGetFillAndFlag();
    void skewedAmountsAreLogged();
    void categoricalKeepsFrequentLevelsAndFoldsRareOnes();
    void unseenLevelsBecomeOtherWithAWarning();
    void booleanStaysZeroOne();
    void columnsAreFoundByNameInAnyOrder();
    void rejectsColumnsThatCannotBeFeatures_data();
    void rejectsColumnsThatCannotBeFeatures();
    void jsonRoundTripGivesTheSameTransform();
    void dateColumnGivesRecencyAndMonth();
};

void TestRecipe::numericIsFittedOnTrainingRowsOnly_data()
{
    QTest::addColumn<int>("scaling");
    QTest::addColumn<float>("expectedFirst");
    QTest::addColumn<float>("expectedLast");
    // Training rows hold 1, 2, 3, 4 (mean 2.5, population sd sqrt(1.25)); the held-out row is 1000.
    QTest::newRow("standardise") << int(Scaling::Standardise) << float(-1.5 / std::sqrt(1.25))
                                 << float(997.5 / std::sqrt(1.25));
    QTest::newRow("min-max") << int(Scaling::MinMax) << 0.0f << float(999.0 / 3.0);
    QTest::newRow("none") << int(Scaling::None) << 1.0f << 1000.0f;
}

void TestRecipe::numericIsFittedOnTrainingRowsOnly()
{
    QFETCH(int, scaling);
    QFETCH(float, expectedFirst);
    QFETCH(float, expectedLast);
    const Table t({numbers("spend", {1, 2, 3, 4, 1000})}, 5);
    RecipeOptions o;
    o.scaling = static_cast<Scaling>(scaling);
    o.logSkewed = false;
    const Recipe r = Recipe::fit(t, range(0, 4), {"spend"}, o);
    const Matrix x = r.transform(t);
    QCOMPARE(x.rows(), 1);
    QCOMPARE_LT(std::abs(x(0, 0) - expectedFirst), 1e-5f);
    QCOMPARE_LT(std::abs(x(0, 4) - expectedLast), 1e-3f);
    QCOMPARE(r.featureNames(), std::vector<std::string>{"spend"});
}

void TestRecipe::missingValuesGetFillAndFlag()
{
    const Table t({numbers("income", {10, kNaN, 30, 50, kNaN})}, 5);
    RecipeOptions o;
    o.scaling = Scaling::None;
    o.logSkewed = false;
    const Recipe r = Recipe::fit(t, range(0, 5), {"income"}, o);
    QCOMPARE(r.featureNames(), (std::vector<std::string>{"income", "income (missing)"}));
    const Matrix x = r.transform(t);
    QCOMPARE(x(0, 1), 30.0f); // the median of 10, 30, 50
    QCOMPARE(x(1, 1), 1.0f);
    QCOMPARE(x(0, 2), 30.0f);
    QCOMPARE(x(1, 2), 0.0f);
    o.imputation = Imputation::Constant;
    o.imputationConstant = -1.0f;
    QCOMPARE(Recipe::fit(t, range(0, 5), {"income"}, o).transform(t)(0, 4), -1.0f);
    // No missing cells in the training rows: no flag column.
    QCOMPARE(Recipe::fit(t, std::vector<std::int64_t>{0, 2, 3}, {"income"}, o).featureCount(), 1);
}

void TestRecipe::skewedAmountsAreLogged()
{
    std::vector<float> amounts;
    for (int i = 0; i < 200; ++i) {
        amounts.push_back(i < 190 ? static_cast<float>(i % 10) : 5000.0f + static_cast<float>(i));
    }
    const Table t({numbers("revenue", amounts), numbers("even", std::vector<float>(200, 0.0f))}, 200);
    const Recipe r = Recipe::fit(t, range(0, 200), {"revenue"}, {});
    QVERIFY(r.numericSteps()[0].log);
    RecipeOptions off;
    off.logSkewed = false;
    QVERIFY(!Recipe::fit(t, range(0, 200), {"revenue"}, off).numericSteps()[0].log);
    // After the log and standardising, the training rows have mean 0 and sd 1.
    const Matrix x = r.transform(t);
    QCOMPARE_LT(std::abs(x.row(0).mean()), 1e-4f);
    QCOMPARE_LT(std::abs(std::sqrt(x.row(0).squaredNorm() / 200.0f) - 1.0f), 1e-4f);
}

void TestRecipe::categoricalKeepsFrequentLevelsAndFoldsRareOnes()
{
    std::vector<std::string> cells;
    for (int i = 0; i < 100; ++i) {
        cells.push_back(i < 60 ? "email" : i < 90 ? "web" : i < 99 ? "phone" : "fax");
    }
    cells.push_back("");
    const Table t({categorical("channel", cells)}, 101);
    RecipeOptions o;
    o.minLevelShare = 0.05; // fax (1 row) is rare
    const Recipe r = Recipe::fit(t, range(0, 101), {"channel"}, o);
    QCOMPARE(r.featureNames(), (std::vector<std::string>{"channel=email", "channel=web", "channel=phone",
                                                         "channel=other", "channel=(missing)"}));
    const Matrix x = r.transform(t);
    QCOMPARE(x(0, 0), 1.0f);
    QCOMPARE(x.col(0).sum(), 1.0f);
    QCOMPARE(x(3, 99), 1.0f);  // fax -> other
    QCOMPARE(x(4, 100), 1.0f); // missing
    // A rare level seen in training is no surprise when scoring: no warning.
    std::vector<RecipeWarning> warnings;
    r.transform(t, &warnings);
    QVERIFY(warnings.empty());
    o.maxLevels = 1;
    QCOMPARE(Recipe::fit(t, range(0, 101), {"channel"}, o).featureNames().front(), "channel=email");
    QCOMPARE(Recipe::fit(t, range(0, 101), {"channel"}, o).featureCount(), 3);
}

void TestRecipe::unseenLevelsBecomeOtherWithAWarning()
{
    const Table train({categorical("plan", {"basic", "basic", "pro", "pro"})}, 4);
    const Recipe r = Recipe::fit(train, range(0, 4), {"plan"}, {});
    const Table scoring({categorical("plan", {"pro", "enterprise", "enterprise", "basic"})}, 4);
    std::vector<RecipeWarning> warnings;
    const Matrix x = r.transform(scoring, &warnings);
    QCOMPARE(r.featureNames(), (std::vector<std::string>{"plan=basic", "plan=pro", "plan=other"}));
    QCOMPARE(x(2, 1), 1.0f);
    QCOMPARE(x(2, 2), 1.0f);
    QCOMPARE(x(1, 0), 1.0f);
    QCOMPARE(warnings.size(), std::size_t{1});
    QCOMPARE(warnings[0].column, "plan");
    QVERIFY2(warnings[0].message.find("2 rows") != std::string::npos &&
                 warnings[0].message.find("enterprise") != std::string::npos,
             warnings[0].message.c_str());
}

void TestRecipe::booleanStaysZeroOne()
{
    Column b = numbers("newsletter", {1, 0, 1, kNaN});
    b.type = ColumnType::Boolean;
    const Table t({b}, 4);
    const Recipe r = Recipe::fit(t, range(0, 4), {"newsletter"}, {});
    const Matrix x = r.transform(t);
    QCOMPARE(x(0, 0), 1.0f);
    QCOMPARE(x(0, 1), 0.0f);
    QCOMPARE_LT(std::abs(x(0, 3) - 2.0f / 3.0f), 1e-6f); // missing: the share of yes
    QCOMPARE(x(1, 3), 1.0f);
}

void TestRecipe::columnsAreFoundByNameInAnyOrder()
{
    const Table a({numbers("age", {20, 30, 40}), categorical("city", {"A", "B", "A"})}, 3);
    const Table b(
        {categorical("city", {"A", "B", "A"}), numbers("age", {20, 30, 40}), numbers("extra", {1, 2, 3})}, 3);
    const Recipe r = Recipe::fit(a, range(0, 3), {"city", "age"}, {});
    QCOMPARE(r.transform(a), r.transform(b));
    QCOMPARE(r.featureSources(), (std::vector<std::string>{"city", "city", "city", "age"}));
}

void TestRecipe::rejectsColumnsThatCannotBeFeatures_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("identifier") << "customer_id"
                                << "identifiers";
    QTest::newRow("unknown") << "nope"
                             << "no column \"nope\"";
    QTest::newRow("all missing") << "empty"
                                 << "no values in the training rows";
}

void TestRecipe::rejectsColumnsThatCannotBeFeatures()
{
    QFETCH(QString, column);
    QFETCH(QString, fragment);
    Column id;
    id.name = "customer_id";
    id.type = ColumnType::Identifier;
    id.strings = {"001", "002"};
    id.missing = {0, 0};
    const Table t({id, numbers("empty", {kNaN, kNaN})}, 2);
    try {
        Recipe::fit(t, range(0, 2), {column.toStdString()}, {});
        QFAIL("expected std::invalid_argument");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(fragment), e.what());
    }
    // A scoring file without a feature column is named too.
    const Table train({numbers("age", {1, 2, 3})}, 3);
    const Recipe r = Recipe::fit(train, range(0, 3), {"age"}, {});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, r.transform(t));
}

void TestRecipe::jsonRoundTripGivesTheSameTransform()
{
    const Table t({numbers("spend", {1, 2, kNaN, 400, 5}), categorical("city", {"A", "B", "", "A", "C"})}, 5);
    RecipeOptions o;
    o.imputation = Imputation::Mean;
    o.scaling = Scaling::MinMax;
    const Recipe r = Recipe::fit(t, range(0, 5), {"spend", "city"}, o);
    const Recipe back = Recipe::fromJson(nlohmann::json::parse(r.toJson().dump()));
    QVERIFY(back == r);
    QCOMPARE(back.transform(t), r.transform(t));
    QCOMPARE(back.featureNames(), r.featureNames());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Recipe::fromJson(nlohmann::json{{"format", "other"}}));
    auto newer = r.toJson();
    newer["version"] = 3;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Recipe::fromJson(newer));
}

void TestRecipe::dateColumnGivesRecencyAndMonth()
{
    // Signup dates; the latest training date (2024-06-30 14:00) is the reference day 2024-06-30.
    const double jun30 = static_cast<double>(daysFromCivil(2024, 6, 30));
    const double mar15 = static_cast<double>(daysFromCivil(2024, 3, 15));
    const double dec01 = static_cast<double>(daysFromCivil(2023, 12, 1));
    Column signup = numbers("signup", {static_cast<float>(mar15), static_cast<float>(dec01), kNaN, 0.0f},
                            ColumnType::Date);
    signup.values[0] = mar15;
    signup.values[1] = jun30 + 14.0 / 24.0;
    signup.values[3] = dec01;
    const Table t({signup}, 4);
    RecipeOptions o;
    o.scaling = Scaling::None;
    o.logSkewed = false;
    o.minLevelShare = 0.0;
    const Recipe r = Recipe::fit(t, range(0, 4), {"signup"}, o);
    QCOMPARE(r.featureNames(),
             (std::vector<std::string>{"signup (days before 2024-06-30)",
                                       "signup (days before 2024-06-30) (missing)", "signup month=Dec",
                                       "signup month=Jun", "signup month=Mar", "signup month=other",
                                       "signup month=(missing)"}));
    QCOMPARE(r.featureSources(), std::vector<std::string>(7, "signup"));
    const Matrix x = r.transform(t);
    QCOMPARE(x(0, 0), static_cast<float>(jun30 - mar15)); // 107 days
    QCOMPARE(x(0, 0), 107.0f);
    QCOMPARE(x(0, 1), static_cast<float>(-14.0 / 24.0));
    QCOMPARE(x(1, 2), 1.0f); // missing flag
    QCOMPARE(x(4, 0), 1.0f); // March
    QCOMPARE(x(3, 1), 1.0f); // June
    QCOMPARE(x(2, 3), 1.0f); // December
    QCOMPARE(x(6, 2), 1.0f); // month missing

    // Stored as recipe version 2, and read back to the same transform.
    const nlohmann::json j = r.toJson();
    QCOMPARE(j["version"].get<int>(), 2);
    const Recipe back = Recipe::fromJson(nlohmann::json::parse(j.dump()));
    QVERIFY(back == r);
    QCOMPARE(back.transform(t), x);

    // Scoring a file where the column is not a date names the problem.
    const Table other({numbers("signup", {1, 2})}, 2);
    try {
        r.transform(other);
        QFAIL("no error for a numeric column where a date column was trained");
    } catch (const std::invalid_argument& e) {
        QCOMPARE(
            std::string(e.what()),
            std::string(
                "the column \"signup\" was a date column when the model was trained but is numeric here"));
    }
}

QTEST_APPLESS_MAIN(TestRecipe)
#include "tst_recipe.moc"

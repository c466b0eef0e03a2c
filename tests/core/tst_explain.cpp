// Explanations on synthetic data whose truth is known: the target depends on
// columns x0 and x1 only; eight other columns (one categorical, one with
// missing values) are noise.

#include "columns.h"
#include "explain/attribution.h"
#include "explain/dependence.h"
#include "explain/featuregroups.h"
#include "explain/forwardsteps.h"
#include "explain/importance.h"
#include "explain/reasons.h"
#include "explain/weights.h"
#include "training/pipeline.h"
#include "training/trainer.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>
#include <set>

using namespace neurolift;

Q_DECLARE_METATYPE(neurolift::AttributionMethod)
Q_DECLARE_METATYPE(neurolift::Activation)

namespace {

/// `rows` customers: bought = 1.6 x0 - 1.3 x1 + noise > 0; x2..x7, channel and income do not matter.
Table syntheticTable(int rows, std::uint64_t seed)
{
    Rng rng(seed);
    std::vector<std::vector<float>> x(8, std::vector<float>(static_cast<std::size_t>(rows)));
    std::vector<std::string> channel;
    std::vector<float> income;
    std::vector<float> bought;
    const char* channels[] = {"email", "web", "store"};
    for (int r = 0; r < rows; ++r) {
        for (auto& col : x) {
            col[static_cast<std::size_t>(r)] = rng.normal();
        }
        channel.push_back(channels[rng.below(3)]);
        income.push_back(rng.uniform() < 0.1f ? NAN : 30000.0f + 10000.0f * rng.normal());
        const float z = 1.6f * x[0][static_cast<std::size_t>(r)] - 1.3f * x[1][static_cast<std::size_t>(r)] +
                        0.3f * rng.normal();
        bought.push_back(z > 0.0f ? 1.0f : 0.0f);
    }
    std::vector<Column> columns;
    for (int k = 0; k < 8; ++k) {
        // insert(), not "x" + string: GCC 12 reports a false -Wrestrict for that.
        columns.push_back(test::numbers(std::to_string(k).insert(0, 1, 'x'), x[static_cast<std::size_t>(k)]));
    }
    columns.push_back(test::categorical("channel", channel));
    columns.push_back(test::numbers("income", income));
    columns.push_back(test::numbers("bought", bought, ColumnType::Boolean));
    return Table(std::move(columns), static_cast<std::size_t>(rows));
}

struct Trained {
    Table table;
    PreparedData data;
    Network network;
};

Trained trainSynthetic()
{
    Table table = syntheticTable(8000, 11);
    ColumnChoice choice;
    choice.target = "bought";
    PreparedData data = prepareData(table, choice, 5);
    Architecture a;
    a.layers = {LayerSpec::dense(16, Activation::ReLU), LayerSpec::dense(1, Activation::Sigmoid)};
    Network net(a, data.recipe.featureCount(), 5);
    TrainSpec spec = TrainSpec::forTask(data.task());
    spec.epochs = 30;
    spec.threads = 1;
    spec.seed = 5;
    Trainer trainer(net, spec, data.train.view(), data.validation.view());
    trainer.run();
    return {std::move(table), std::move(data), std::move(net)};
}

const Trained& trained()
{
    static const Trained t = trainSynthetic();
    return t;
}

} // namespace

class TestExplain : public QObject {
    Q_OBJECT

private slots:
    void testGroupsFollowTheRecipe();
    void testWeightsCarryFeatureNames();
    void testImportanceRanksTheTrueColumnsFirst();
    void testImportanceIsSeededAndThreadFree();
    void testImportanceOnASampleOfLargeSets();
    void testAttributionMassOnTheTrueColumns_data();
    void testAttributionMassOnTheTrueColumns();
    void testCompletenessForEveryRow_data();
    void testCompletenessForEveryRow();
    void testReasonCodesReadAndAreStable();
    void testReasonTextShowsOriginalValues();
    void testPartialDependence();
    void testCancel();
    void testTimingsOn100kRows();
    void testForwardStepsEqualPredict_data();
    void testForwardStepsEqualPredict();
    void testForwardStepsRefuseWhatTheyCannotShow();
};

void TestExplain::testGroupsFollowTheRecipe()
{
    const Recipe& recipe = trained().data.recipe;
    const FeatureGroups g = FeatureGroups::fromRecipe(recipe);
    QCOMPARE(g.size(), std::size_t{10});
    const auto names = recipe.featureNames();
    const auto channel = std::find(g.columns.begin(), g.columns.end(), "channel") - g.columns.begin();
    QCOMPARE(g.features[static_cast<std::size_t>(channel)].size(), std::size_t{4}); // 3 levels and "other"
    for (const Index f : g.features[static_cast<std::size_t>(channel)]) {
        QVERIFY(names[static_cast<std::size_t>(f)].starts_with("channel="));
    }
    const auto income = std::find(g.columns.begin(), g.columns.end(), "income") - g.columns.begin();
    std::set<std::string> incomeNames;
    for (const Index f : g.features[static_cast<std::size_t>(income)]) {
        incomeNames.insert(names[static_cast<std::size_t>(f)]);
    }
    QCOMPARE(incomeNames, (std::set<std::string>{"income", "income (missing)"}));
    // Sums per column.
    const Matrix ones = Matrix::Ones(recipe.featureCount(), 2);
    QCOMPARE(g.sum(ones)(channel, 1), 4.0f);
}

void TestExplain::testWeightsCarryFeatureNames()
{
    const auto& t = trained();
    const auto layers = inspectWeights(t.network, t.data.recipe.featureNames());
    QCOMPARE(layers.size(), std::size_t{2});
    QCOMPARE(layers[0].inputNames, t.data.recipe.featureNames());
    QCOMPARE(layers[0].outputNames.front(), std::string("dense_1 unit 1"));
    QCOMPARE(layers[1].inputNames, layers[0].outputNames);
    QCOMPARE(layers[1].activation, Activation::Sigmoid);
    QCOMPARE(layers[0].tensors.size(), std::size_t{2});
    QCOMPARE(layers[0].tensors[0].first, std::string("dense_1.weight"));
    QCOMPARE(layers[0].tensors[0].second.cols(), Index(t.data.recipe.featureCount()));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, inspectWeights(t.network, {"too few"}));
}

void TestExplain::testImportanceRanksTheTrueColumnsFirst()
{
    const auto& t = trained();
    const auto& v = t.data.validation;
    const ImportanceResult r =
        permutationImportance(t.network, t.data.task(), TrainSpec::forTask(t.data.task()).loss, v.x, v.y,
                              FeatureGroups::fromRecipe(t.data.recipe));
    QCOMPARE(r.measure, std::string("AUC"));
    QVERIFY2(r.baseline > 0.95, qPrintable(QString::number(r.baseline)));
    QCOMPARE(r.columns.size(), std::size_t{10});
    const std::set<std::string> top{r.columns[0].column, r.columns[1].column};
    QCOMPARE(top, (std::set<std::string>{"x0", "x1"}));
    QVERIFY(r.columns[1].mean > 0.1);
    for (std::size_t i = 2; i < r.columns.size(); ++i) {
        QVERIFY2(std::abs(r.columns[i].mean) < 0.01, r.columns[i].column.c_str());
        QCOMPARE(r.columns[i].drops.size(), std::size_t{5});
    }
    QVERIFY(r.columns[0].spread >= 0.0);
}

void TestExplain::testImportanceIsSeededAndThreadFree()
{
    const auto& t = trained();
    const auto& v = t.data.validation;
    const auto groups = FeatureGroups::fromRecipe(t.data.recipe);
    const LossSpec loss = TrainSpec::forTask(t.data.task()).loss;
    ImportanceOptions one;
    one.threads = 1;
    one.repeats = 3;
    ImportanceOptions two = one;
    two.threads = 2;
    const auto a = permutationImportance(t.network, t.data.task(), loss, v.x, v.y, groups, one);
    const auto b = permutationImportance(t.network, t.data.task(), loss, v.x, v.y, groups, two);
    for (std::size_t i = 0; i < a.columns.size(); ++i) {
        QCOMPARE(a.columns[i].column, b.columns[i].column);
        QCOMPARE(a.columns[i].drops, b.columns[i].drops);
    }
    one.seed = 43;
    const auto c = permutationImportance(t.network, t.data.task(), loss, v.x, v.y, groups, one);
    QVERIFY(c.columns[0].drops != a.columns[0].drops || c.columns[1].drops != a.columns[1].drops);
}

void TestExplain::testImportanceOnASampleOfLargeSets()
{
    // Large held-out sets are measured on a seeded sample: the same columns
    // come first, the result says how many rows it used, and it repeats.
    const auto& t = trained();
    const auto& v = t.data.validation;
    const auto groups = FeatureGroups::fromRecipe(t.data.recipe);
    const LossSpec loss = TrainSpec::forTask(t.data.task()).loss;
    QVERIFY(v.rows() > 500);
    ImportanceOptions options;
    options.maxRows = 500;
    const auto a = permutationImportance(t.network, t.data.task(), loss, v.x, v.y, groups, options);
    QCOMPARE(a.rows, Index{500});
    QCOMPARE(a.warnings.back(), "measured on a sample of 500 of the " + std::to_string(v.rows()) + " rows");
    const std::set<std::string> top{a.columns[0].column, a.columns[1].column};
    QCOMPARE(top, (std::set<std::string>{"x0", "x1"}));
    const auto b = permutationImportance(t.network, t.data.task(), loss, v.x, v.y, groups, options);
    QCOMPARE(a.columns[0].drops, b.columns[0].drops);
    options.maxRows = 0;
    const auto all = permutationImportance(t.network, t.data.task(), loss, v.x, v.y, groups, options);
    QCOMPARE(all.rows, v.rows());
    QVERIFY(all.warnings.empty());
    QVERIFY(all.columns[0].drops != a.columns[0].drops);
}

void TestExplain::testAttributionMassOnTheTrueColumns_data()
{
    QTest::addColumn<AttributionMethod>("method");
    QTest::addColumn<double>("minShare");
    QTest::newRow("integrated gradients") << AttributionMethod::IntegratedGradients << 0.9;
    QTest::newRow("gradient x input") << AttributionMethod::GradientTimesInput << 0.85;
}

void TestExplain::testAttributionMassOnTheTrueColumns()
{
    QFETCH(AttributionMethod, method);
    QFETCH(double, minShare);
    const auto& t = trained();
    const auto groups = FeatureGroups::fromRecipe(t.data.recipe);
    AttributionOptions o;
    o.method = method;
    const AttributionResult r = attribute(t.network, t.data.validation.x, meanBaseline(t.data.train.x), o);
    QVERIFY(!r.cancelled);
    const Matrix perColumn = groups.sum(r.values).cwiseAbs();
    const double total = perColumn.cast<double>().sum();
    double truth = 0.0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (groups.columns[g] == "x0" || groups.columns[g] == "x1") {
            truth += perColumn.row(static_cast<Index>(g)).cast<double>().sum();
        }
    }
    const double share = truth / total;
    qInfo("share of |attribution| on x0 and x1: %.4f over %lld rows", share,
          static_cast<long long>(r.values.cols()));
    QVERIFY2(share >= minShare, qPrintable(QString::number(share)));
}

void TestExplain::testCompletenessForEveryRow_data()
{
    QTest::addColumn<Activation>("hidden");
    QTest::addColumn<bool>("withBatchNorm");
    QTest::addColumn<int>("steps");
    QTest::newRow("relu, 32 steps") << Activation::ReLU << false << 32;
    QTest::newRow("relu + batch norm + dropout, 32 steps") << Activation::ReLU << true << 32;
    QTest::newRow("tanh, 32 steps") << Activation::Tanh << false << 32;
    QTest::newRow("gelu, 8 steps") << Activation::GELU << true << 8;
    QTest::newRow("elu, 16 steps") << Activation::ELU << false << 16;
}

void TestExplain::testCompletenessForEveryRow()
{
    QFETCH(Activation, hidden);
    QFETCH(bool, withBatchNorm);
    QFETCH(int, steps);
    const auto& t = trained();
    Architecture a;
    a.layers.push_back(LayerSpec::dense(32, hidden));
    if (withBatchNorm) {
        a.layers.push_back(LayerSpec::batchNorm());
        a.layers.push_back(LayerSpec::dropout(0.2f));
    }
    a.layers.push_back(LayerSpec::dense(16, hidden));
    a.layers.push_back(LayerSpec::dense(1, Activation::Sigmoid));
    Network net(a, t.data.recipe.featureCount(), 9);
    TrainSpec spec = TrainSpec::forTask(t.data.task());
    spec.epochs = 5;
    spec.threads = 1;
    Trainer(net, spec, t.data.train.view()).run();

    AttributionOptions o;
    o.steps = steps;
    const AttributionResult r = attribute(net, t.data.validation.x, meanBaseline(t.data.train.x), o);
    QCOMPARE(r.completenessError.size(), t.data.validation.x.cols());
    qInfo("max completeness error %.2e over %lld rows (%lld refined past %d steps)", r.maxCompletenessError,
          static_cast<long long>(r.values.cols()), r.refinedRows, steps);
    QVERIFY2(r.maxCompletenessError <= o.tolerance, qPrintable(QString::number(r.maxCompletenessError)));
    QVERIFY(r.warnings.empty());
    // Recomputed by hand for every row: the sum of the attributions is the score difference.
    for (Index j = 0; j < r.values.cols(); ++j) {
        const double gap = r.values.col(j).cast<double>().sum() - (r.scores(j) - r.baselineScore);
        QVERIFY(std::abs(gap) <= o.tolerance + 1e-6);
    }
}

void TestExplain::testReasonCodesReadAndAreStable()
{
    const auto& t = trained();
    const auto groups = FeatureGroups::fromRecipe(t.data.recipe);
    const auto& rows = t.data.split.validation;
    const Vector baseline = meanBaseline(t.data.train.x);
    const auto run = [&](int threads) {
        AttributionOptions o;
        o.threads = threads;
        const auto r = attribute(t.network, t.data.validation.x, baseline, o);
        return reasonCodes(r.values, groups, t.table, rows, {3, 0.0});
    };
    const auto a = run(1);
    const auto b = run(2);
    QCOMPARE(a.size(), rows.size());
    int topIsTrue = 0;
    for (std::size_t j = 0; j < a.size(); ++j) {
        QVERIFY(a[j].up.size() <= 3 && a[j].down.size() <= 3);
        QCOMPARE(a[j].up.size(), b[j].up.size());
        for (std::size_t k = 0; k < a[j].up.size(); ++k) {
            QCOMPARE(a[j].up[k].text, b[j].up[k].text);
            QVERIFY(a[j].up[k].effect > 0.0);
            QVERIFY(k == 0 || a[j].up[k].effect <= a[j].up[k - 1].effect);
        }
        for (std::size_t k = 0; k < a[j].down.size(); ++k) {
            QCOMPARE(a[j].down[k].text, b[j].down[k].text);
            QVERIFY(a[j].down[k].effect < 0.0);
        }
        const auto strongest = [](const RowReasons& r) {
            if (r.up.empty()) {
                return r.down.empty() ? std::string() : r.down[0].column;
            }
            if (r.down.empty()) {
                return r.up[0].column;
            }
            return std::abs(r.up[0].effect) >= std::abs(r.down[0].effect) ? r.up[0].column : r.down[0].column;
        };
        const std::string s = strongest(a[j]);
        topIsTrue += s == "x0" || s == "x1";
    }
    qInfo("strongest reason is x0 or x1 for %d of %zu rows", topIsTrue, a.size());
    QVERIFY(topIsTrue >= static_cast<int>(0.95 * static_cast<double>(a.size())));
}

void TestExplain::testReasonTextShowsOriginalValues()
{
    QCOMPARE(reasonText("pricing_page_visits", "4", false, 0.18), std::string("pricing_page_visits = 4 (+0.18)"));
    QCOMPARE(reasonText("channel", "email", false, -0.05), std::string("channel = email (-0.05)"));
    QCOMPARE(reasonText("income", "", true, 0.02), std::string("income is missing (+0.02)"));

    // A hand-made attribution: the shown value is the table's, not the standardised one.
    const Table table(
        {test::numbers("visits", {4.0f, NAN}), test::categorical("channel", {"email", "web"})}, 2);
    FeatureGroups g = FeatureGroups::fromSources({"visits", "visits", "channel", "channel"});
    Matrix attr(4, 2);
    attr << 0.10f, 0.01f, //
        0.08f, 0.02f,     //
        -0.03f, 0.00f,    //
        -0.02f, -0.04f;
    const std::vector<std::int64_t> rows{0, 1};
    const auto r = reasonCodes(attr, g, table, rows, {2, 0.0});
    QCOMPARE(r[0].up.size(), std::size_t{1});
    QCOMPARE(r[0].up[0].text, std::string("visits = 4 (+0.18)"));
    QCOMPARE(r[0].down[0].text, std::string("channel = email (-0.05)"));
    QCOMPARE(r[1].up[0].text, std::string("visits is missing (+0.03)"));
    QCOMPARE(r[1].down[0].text, std::string("channel = web (-0.04)"));
}

void TestExplain::testPartialDependence()
{
    const auto& t = trained();
    DependenceOptions o;
    o.maxRows = 100;
    const auto numeric =
        partialDependence(t.network, t.data.recipe, t.table, t.data.split.validation, "x0", o);
    QCOMPARE(numeric.rows.size(), std::size_t{100});
    QVERIFY(numeric.labels.size() >= 15 && numeric.labels.size() <= 20);
    QCOMPARE(numeric.ice.rows(), Index(numeric.labels.size()));
    QCOMPARE(numeric.ice.cols(), Index(100));
    // x0 pushes the score up: the mean curve rises from one end to the other.
    QVERIFY(numeric.pd(numeric.pd.size() - 1) - numeric.pd(0) > 0.5);
    QVERIFY(std::is_sorted(numeric.values.begin(), numeric.values.end()));

    const auto levels =
        partialDependence(t.network, t.data.recipe, t.table, t.data.split.validation, "channel", o);
    QCOMPARE(std::set<std::string>(levels.labels.begin(), levels.labels.end()),
             (std::set<std::string>{"email", "web", "store"}));
    // An irrelevant column leaves the curve nearly flat.
    QVERIFY(levels.pd.maxCoeff() - levels.pd.minCoeff() < 0.05);
    QCOMPARE(levels.rows, numeric.rows); // the same seed draws the same customers
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, partialDependence(t.network, t.data.recipe, t.table,
                                                                      t.data.split.validation, "bought", o));
}

void TestExplain::testCancel()
{
    const auto& t = trained();
    const auto& v = t.data.validation;
    const auto stop = [](double) { return false; };
    const auto imp =
        permutationImportance(t.network, t.data.task(), TrainSpec::forTask(t.data.task()).loss, v.x, v.y,
                              FeatureGroups::fromRecipe(t.data.recipe), {}, stop);
    QVERIFY(imp.cancelled);
    const auto attr = attribute(t.network, v.x, meanBaseline(t.data.train.x), {}, stop);
    QVERIFY(attr.cancelled);
    const auto pd =
        partialDependence(t.network, t.data.recipe, t.table, t.data.split.validation, "x0", {}, stop);
    QVERIFY(pd.cancelled);
}

void TestExplain::testTimingsOn100kRows()
{
    if (qEnvironmentVariableIsEmpty("NEUROLIFT_EXPLAIN_TIMINGS")) {
        QSKIP("set NEUROLIFT_EXPLAIN_TIMINGS=1 to time the explanations on 100,000 x 30 rows");
    }
    const Index rows = 100000;
    const Index inputs = 30;
    Rng rng(1);
    Matrix x = Matrix(inputs, rows).unaryExpr([&](float) { return rng.normal(); });
    Matrix y(1, rows);
    for (Index j = 0; j < rows; ++j) {
        y(0, j) = x(0, j) - x(1, j) > 0.0f ? 1.0f : 0.0f;
    }
    Architecture a;
    a.layers = {LayerSpec::dense(64, Activation::ReLU), LayerSpec::dense(32, Activation::ReLU),
                LayerSpec::dense(1, Activation::Sigmoid)};
    Network net(a, static_cast<int>(inputs), 3);
    std::vector<std::string> sources;
    for (Index f = 0; f < inputs; ++f) {
        sources.push_back(std::string("c").append(std::to_string(f)));
    }
    const auto groups = FeatureGroups::fromSources(sources);
    TaskSpec task;
    QElapsedTimer timer;
    timer.start();
    const auto imp = permutationImportance(net, task, LossSpec{}, x, y, groups);
    qInfo("permutation importance, 5 repeats, 100k x 30 (sample of %lld rows): %.2f s",
          static_cast<long long>(imp.rows), timer.nsecsElapsed() / 1e9);
    ImportanceOptions every;
    every.maxRows = 0;
    timer.restart();
    const auto whole = permutationImportance(net, task, LossSpec{}, x, y, groups, every);
    qInfo("permutation importance, 5 repeats, 100k x 30, every row: %.2f s (%zu columns)",
          timer.nsecsElapsed() / 1e9, whole.columns.size());
    QVERIFY(!imp.cancelled);
    const Vector baseline = meanBaseline(x);
    timer.restart();
    const auto ig = attribute(net, x.leftCols(1000), baseline);
    qInfo("integrated gradients, 32 steps, 1,000 rows: %.3f s (max completeness error %.2e, %lld refined)",
          timer.nsecsElapsed() / 1e9, ig.maxCompletenessError, ig.refinedRows);
    timer.restart();
    AttributionOptions fast;
    fast.steps = 16;
    const auto all = attribute(net, x, baseline, fast);
    const std::vector<std::int64_t> tableRows(static_cast<std::size_t>(rows), 0);
    std::vector<Column> cols;
    for (const auto& s : sources) {
        cols.push_back(test::numbers(s, {1.0f}));
    }
    const auto reasons = reasonCodes(all.values, groups, Table(std::move(cols), 1), tableRows, {3, 0.0});
    qInfo("reason codes (integrated gradients, 16 steps) on 100k rows: %.2f s (max completeness error %.2e)",
          timer.nsecsElapsed() / 1e9, all.maxCompletenessError);
    timer.restart();
    AttributionOptions gxi;
    gxi.method = AttributionMethod::GradientTimesInput;
    const auto quick = attribute(net, x, baseline, gxi);
    qInfo("gradient x input on 100k rows: %.3f s", timer.nsecsElapsed() / 1e9);
    QCOMPARE(reasons.size(), std::size_t(rows));
}

void TestExplain::testForwardStepsEqualPredict_data()
{
    QTest::addColumn<int>("shape"); // see below
    QTest::newRow("4 pages, 1 x 3 tanh, sigmoid out") << 0;
    QTest::newRow("4 pages, 2 x 4 relu, dropout between") << 1;
    QTest::newRow("activation layer after a linear dense") << 2;
    QTest::newRow("softmax over 3 classes") << 3;
    QTest::newRow("no hidden layer (logistic)") << 4;
}

/// The step-by-step pass (teaching mode's "one visitor") must give the network's own prediction,
/// and each Dense step's sum must be its weights times its input plus its bias.
void TestExplain::testForwardStepsEqualPredict()
{
    QFETCH(int, shape);
    Architecture a;
    a.name = "steps";
    switch (shape) {
    case 0:
        a.layers = {LayerSpec::dense(3, Activation::Tanh, WeightInit::Xavier),
                    LayerSpec::dense(1, Activation::Sigmoid, WeightInit::Xavier)};
        break;
    case 1:
        a.layers = {LayerSpec::dense(4, Activation::ReLU), LayerSpec::dropout(0.5f),
                    LayerSpec::dense(4, Activation::ReLU), LayerSpec::dense(1, Activation::Sigmoid)};
        break;
    case 2:
        a.layers = {LayerSpec::dense(5, Activation::Linear), LayerSpec::activationLayer(Activation::Tanh),
                    LayerSpec::dense(1, Activation::Linear)};
        break;
    case 3:
        a.layers = {LayerSpec::dense(6, Activation::Tanh), LayerSpec::dense(3, Activation::Softmax)};
        break;
    default:
        a.layers = {LayerSpec::dense(1, Activation::Sigmoid)};
        break;
    }
    constexpr int kInputs = 4;
    const Network network(a, kInputs, 20261126);
    const std::vector<LayerWeights> layers =
        inspectWeights(network, {"viewed_pricing", "used_configurator", "viewed_specifications", "viewed_financing"});
    // Every combination of the four pages, as teaching mode offers them.
    Matrix inputs(kInputs, 16);
    for (Index c = 0; c < 16; ++c) {
        for (Index i = 0; i < kInputs; ++i) {
            inputs(i, c) = static_cast<float>((c >> i) & 1);
        }
    }
    Matrix predicted;
    Network::Workspace ws;
    network.predict(inputs, predicted, ws);
    for (Index c = 0; c < 16; ++c) {
        const std::vector<float> x(inputs.col(c).data(), inputs.col(c).data() + kInputs);
        const std::vector<LayerStep> steps = forwardSteps(layers, x);
        QCOMPARE(steps.size(), network.layerCount());
        QCOMPARE(steps.front().input, x);
        for (std::size_t s = 0; s < steps.size(); ++s) {
            const LayerStep& step = steps[s];
            if (s > 0) {
                QCOMPARE(step.input, steps[s - 1].output);
            }
            if (step.kind != LayerKind::Dense) {
                continue;
            }
            for (std::size_t u = 0; u < step.sum.size(); ++u) {
                double sum = step.bias[u];
                for (std::size_t i = 0; i < step.input.size(); ++i) {
                    sum += double(step.weights[u][i]) * step.input[i];
                }
                QVERIFY(std::abs(sum - step.sum[u]) < 1e-6);
            }
        }
        const std::vector<float>& out = steps.back().output;
        QCOMPARE(static_cast<Index>(out.size()), predicted.rows());
        for (Index o = 0; o < predicted.rows(); ++o) {
            QVERIFY2(std::abs(out[static_cast<std::size_t>(o)] - predicted(o, c)) < 1e-5,
                     qPrintable(QStringLiteral("combination %1, output %2: %3 vs %4")
                                    .arg(c)
                                    .arg(o)
                                    .arg(out[static_cast<std::size_t>(o)])
                                    .arg(predicted(o, c))));
        }
    }
}

void TestExplain::testForwardStepsRefuseWhatTheyCannotShow()
{
    Architecture a;
    a.name = "bn";
    a.layers = {LayerSpec::dense(3, Activation::ReLU), LayerSpec::batchNorm(), LayerSpec::dense(1, Activation::Sigmoid)};
    const Network bn(a, 2, 1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, forwardSteps(inspectWeights(bn, {"x", "y"}), {0.5f, 1.0f}));
    a.layers = {LayerSpec::dense(1, Activation::Sigmoid)};
    const Network plain(a, 2, 1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, forwardSteps(inspectWeights(plain, {"x", "y"}), {0.5f}));
}

QTEST_APPLESS_MAIN(TestExplain)
#include "tst_explain.moc"

// The demo data sets: seeded and byte-stable, shaped and typed as the CSV
// reader reads them back, with the base rates and geometry they promise, and
// a Car buyers rule that a network learns better than a logistic regression,
// with pricing and the configurator on top of its importance.
#include "data/csvreader.h"
#include "data/demo.h"
#include "explain/featuregroups.h"
#include "explain/importance.h"
#include "training/pipeline.h"
#include "training/trainer.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numbers>
#include <numeric>

using namespace neurolift;

Q_DECLARE_METATYPE(neurolift::DemoKind)

namespace {

std::vector<std::string> columnNames(const Table& t)
{
    std::vector<std::string> names;
    for (const Column& c : t.columns()) {
        names.push_back(c.name);
    }
    return names;
}

double share(const Column& c, double value)
{
    std::size_t n = 0;
    for (double v : c.values) {
        n += v == value;
    }
    return static_cast<double>(n) / static_cast<double>(c.values.size());
}

/// The label ("blue"/"orange") of each row of a toy set.
std::string label(const Table& t, std::size_t row)
{
    return t.column("class")->text(row);
}

/// Test AUC of a network with `hidden` layers trained as `neurolift-cli train` trains by default
/// (seed 42, Adam at 1e-3, batches of 64, up to 200 epochs, patience 15), on one thread.
struct CarBuyersRun {
    PreparedData data;
    Network network;
    double testAuc = 0.0;
};

CarBuyersRun trainCarBuyers(const std::vector<LayerSpec>& hidden)
{
    static const Table table = generateDemo(DemoKind::CarBuyers);
    ColumnChoice choice;
    choice.target = "bought_30d";
    choice.positive = "yes";
    PreparedData data = prepareData(table, choice, 42);
    Architecture a;
    a.layers = hidden;
    const TaskSpec task = data.task();
    a.layers.push_back(LayerSpec::dense(task.outputUnits(), task.outputActivation(), WeightInit::Xavier));
    Network net(a, data.recipe.featureCount(), 42);
    TrainSpec spec = TrainSpec::forTask(task);
    spec.optimizer.kind = OptimizerKind::Adam;
    spec.optimizer.learningRate = 1e-3f;
    spec.epochs = 200;
    spec.batchSize = 64;
    spec.seed = 42;
    spec.threads = 1;
    spec.earlyStopping.patience = 15;
    Trainer trainer(net, spec, data.train.view(), data.validation.view());
    trainer.run();
    const EvaluationMetrics m = evaluate(net, data.test.view(), task, spec.loss);
    return {std::move(data), std::move(net), m.auc.value_or(0.0)};
}

} // namespace

class TestDemo : public QObject {
    Q_OBJECT

private slots:
    void testCatalogue();
    void testSameSeedSameBytes_data();
    void testSameSeedSameBytes();
    void testShape_data();
    void testShape();
    void testCsvReadsBackAsGenerated_data();
    void testCsvReadsBackAsGenerated();
    void testBaseRates_data();
    void testBaseRates();
    void testSpendIsPositiveAndSkewed();
    void testToyGeometry_data();
    void testToyGeometry();
    void testRejectsTooFewRowsAndNegativeNoise();
    void testCarBuyersNetworkBeatsLogisticAndFindsTheRule();

private:
    QTemporaryDir m_dir;
};

void TestDemo::testCatalogue()
{
    QCOMPARE(demoCatalogue().size(), std::size_t{7});
    for (const DemoInfo& d : demoCatalogue()) {
        QCOMPARE(demoFromId(d.id), std::optional<DemoKind>(d.kind));
        QCOMPARE(demoInfo(d.kind).id, d.id);
        QVERIFY(!d.description.empty());
    }
    QVERIFY(!demoFromId("car buyers").has_value());
}

void TestDemo::testSameSeedSameBytes_data()
{
    QTest::addColumn<DemoKind>("kind");
    for (const DemoInfo& d : demoCatalogue()) {
        QTest::newRow(std::string(d.id).c_str()) << d.kind;
    }
}

void TestDemo::testSameSeedSameBytes()
{
    QFETCH(DemoKind, kind);
    DemoOptions o;
    o.seed = 7;
    const std::string a = tableCsv(generateDemo(kind, o));
    const std::string b = tableCsv(generateDemo(kind, o));
    QCOMPARE(a, b);
    o.seed = 8;
    QVERIFY(tableCsv(generateDemo(kind, o)) != a);
    o.seed = 7;
    o.rows = 123;
    QCOMPARE(generateDemo(kind, o).rowCount(), std::size_t{123});
}

void TestDemo::testShape_data()
{
    QTest::addColumn<DemoKind>("kind");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<QStringList>("types");
    QTest::newRow("car-buyers") << DemoKind::CarBuyers << 4000
                                << QStringList{"customer_id",
                                               "visits",
                                               "days_since_last_visit",
                                               "minutes_on_site",
                                               "viewed_pricing",
                                               "used_configurator",
                                               "viewed_specifications",
                                               "viewed_financing",
                                               "channel",
                                               "device",
                                               "region",
                                               "bought_30d"}
                                << QStringList{"identifier",  "numeric",     "numeric",     "numeric",
                                               "boolean",     "boolean",     "boolean",     "boolean",
                                               "categorical", "categorical", "categorical", "boolean"};
    QTest::newRow("newsletter-churn")
        << DemoKind::NewsletterChurn << 5000
        << QStringList{"subscriber_id",         "tenure_months", "frequency",     "open_rate", "clicks_30d",
                       "days_since_last_click", "has_purchased", "signup_source", "age_group", "churned"}
        << QStringList{"identifier", "numeric", "categorical", "numeric",     "numeric",
                       "numeric",    "boolean", "categorical", "categorical", "boolean"};
    QTest::newRow("customer-spend")
        << DemoKind::CustomerSpend << 5000
        << QStringList{"customer_id", "age",    "loyalty_member", "orders_12m",    "days_since_last_order",
                       "segment",     "region", "newsletter",     "spend_next_90d"}
        << QStringList{"identifier",  "numeric",     "boolean", "numeric", "numeric",
                       "categorical", "categorical", "boolean", "numeric"};
    for (DemoKind k : {DemoKind::TwoBlobs, DemoKind::Xor, DemoKind::Circles, DemoKind::Spirals}) {
        QTest::newRow(std::string(demoInfo(k).id).c_str())
            << k << static_cast<int>(demoInfo(k).defaultRows) << QStringList{"x", "y", "class"}
            << QStringList{"numeric", "numeric", "categorical"};
    }
}

void TestDemo::testShape()
{
    QFETCH(DemoKind, kind);
    QFETCH(int, rows);
    QFETCH(QStringList, columns);
    QFETCH(QStringList, types);
    const Table t = generateDemo(kind);
    QCOMPARE(t.rowCount(), static_cast<std::size_t>(rows));
    QCOMPARE(static_cast<int>(t.columnCount()), columns.size());
    for (std::size_t c = 0; c < t.columnCount(); ++c) {
        QCOMPARE(QString::fromStdString(t.column(c).name), columns[static_cast<qsizetype>(c)]);
        QCOMPARE(QString::fromUtf8(columnTypeId(t.column(c).type)), types[static_cast<qsizetype>(c)]);
        QCOMPARE(t.column(c).size(), t.rowCount());
        QCOMPARE(t.column(c).missingCount(), std::size_t{0});
    }
    const DemoInfo& info = demoInfo(kind);
    QVERIFY(t.column(info.target) != nullptr);
    QVERIFY(info.idColumn.empty() || t.column(info.idColumn)->type == ColumnType::Identifier);
}

void TestDemo::testCsvReadsBackAsGenerated_data()
{
    testSameSeedSameBytes_data();
}

void TestDemo::testCsvReadsBackAsGenerated()
{
    // The project gets the generated table, the CSV file gets its text: both must be one data set.
    QFETCH(DemoKind, kind);
    const Table t = generateDemo(kind);
    const std::string path = m_dir.filePath(QString::fromUtf8(demoInfo(kind).id) + ".csv").toStdString();
    std::ofstream(path, std::ios::binary) << tableCsv(t);
    const CsvResult read = readCsv(path);
    QVERIFY(read.warnings.empty());
    QCOMPARE(columnNames(read.table), columnNames(t));
    QCOMPARE(read.table.rowCount(), t.rowCount());
    for (std::size_t c = 0; c < t.columnCount(); ++c) {
        const Column& want = t.column(c);
        const Column& got = read.table.column(c);
        QCOMPARE(columnTypeId(got.type), columnTypeId(want.type));
        QCOMPARE(got.levels, want.levels);
        QCOMPARE(got.codes, want.codes);
        QCOMPARE(got.strings, want.strings);
        for (std::size_t r = 0; r < t.rowCount(); ++r) {
            if (got.type == ColumnType::Numeric || got.type == ColumnType::Boolean) {
                QCOMPARE(got.values[r], want.values[r]);
            }
        }
    }
}

void TestDemo::testBaseRates_data()
{
    QTest::addColumn<DemoKind>("kind");
    QTest::addColumn<int>("seed");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    for (int seed : {42, 1, 2026}) {
        QTest::addRow("car-buyers seed %d", seed) << DemoKind::CarBuyers << seed << 0.10 << 0.20;
        QTest::addRow("newsletter-churn seed %d", seed) << DemoKind::NewsletterChurn << seed << 0.15 << 0.30;
    }
}

void TestDemo::testBaseRates()
{
    QFETCH(DemoKind, kind);
    QFETCH(int, seed);
    QFETCH(double, low);
    QFETCH(double, high);
    DemoOptions o;
    o.seed = static_cast<std::uint64_t>(seed);
    const Table t = generateDemo(kind, o);
    const Column& target = *t.column(demoInfo(kind).target);
    QCOMPARE(target.levels, (std::vector<std::string>{"no", "yes"}));
    const double rate = share(target, 1.0);
    QVERIFY2(rate >= low && rate <= high, std::to_string(rate).c_str());
}

void TestDemo::testSpendIsPositiveAndSkewed()
{
    const Table t = generateDemo(DemoKind::CustomerSpend);
    std::vector<double> spend = t.column("spend_next_90d")->values;
    QVERIFY(std::all_of(spend.begin(), spend.end(), [](double v) { return v >= 1.0; }));
    const double mean = std::accumulate(spend.begin(), spend.end(), 0.0) / static_cast<double>(spend.size());
    std::nth_element(spend.begin(), spend.begin() + static_cast<std::ptrdiff_t>(spend.size() / 2),
                     spend.end());
    const double median = spend[spend.size() / 2];
    QVERIFY2(mean > 1.2 * median, (std::to_string(mean) + " vs median " + std::to_string(median)).c_str());
}

void TestDemo::testToyGeometry_data()
{
    QTest::addColumn<DemoKind>("kind");
    QTest::addColumn<double>("noise");
    QTest::addColumn<double>("minAgreement"); ///< Share of points whose label the geometry predicts.
    QTest::newRow("xor, no noise") << DemoKind::Xor << 0.0 << 1.0;
    QTest::newRow("xor, default noise") << DemoKind::Xor << 0.05 << 0.9;
    QTest::newRow("circles, no noise") << DemoKind::Circles << 0.0 << 1.0;
    QTest::newRow("circles, default noise") << DemoKind::Circles << 0.05 << 0.95;
    QTest::newRow("two blobs, tight") << DemoKind::TwoBlobs << 0.2 << 1.0;
    QTest::newRow("two blobs, default noise") << DemoKind::TwoBlobs << 1.0 << 0.88;
    QTest::newRow("spirals, no noise") << DemoKind::Spirals << 0.0 << 1.0;
}

void TestDemo::testToyGeometry()
{
    QFETCH(DemoKind, kind);
    QFETCH(double, noise);
    QFETCH(double, minAgreement);
    DemoOptions o;
    o.noise = noise;
    o.rows = 1000;
    const Table t = generateDemo(kind, o);
    const auto& x = t.column("x")->values;
    const auto& y = t.column("y")->values;
    std::size_t agree = 0;
    std::size_t orange = 0;
    for (std::size_t i = 0; i < t.rowCount(); ++i) {
        const bool isOrange = label(t, i) == "orange";
        orange += isOrange;
        const double r = std::hypot(x[i], y[i]);
        bool predicted = false;
        switch (kind) {
        case DemoKind::Xor:
            predicted = (x[i] > 0.0) != (y[i] > 0.0);
            break;
        case DemoKind::Circles:
            predicted = r > 0.6;
            break;
        case DemoKind::TwoBlobs:
            predicted = x[i] + y[i] > 0.0;
            break;
        case DemoKind::Spirals: {
            constexpr double pi = std::numbers::pi;
            // On arm k the angle is t + k*pi with t = 3*pi*r: so the angle minus
            // 3*pi*r is a multiple of 2*pi for blue and an odd multiple of pi for orange.
            const double phase = std::remainder(std::atan2(y[i], x[i]) - 3.0 * pi * r, 2.0 * pi);
            predicted = std::abs(phase) > pi / 2.0;
            break;
        }
        default:
            break;
        }
        agree += predicted == isOrange;
    }
    if (kind != DemoKind::Xor) { // XOR's labels follow the quadrants, the others are half and half
        QCOMPARE(orange, t.rowCount() / 2);
    }
    const double agreement = static_cast<double>(agree) / static_cast<double>(t.rowCount());
    QVERIFY2(agreement >= minAgreement - 1e-12, std::to_string(agreement).c_str());
}

void TestDemo::testRejectsTooFewRowsAndNegativeNoise()
{
    DemoOptions o;
    o.rows = 9;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateDemo(DemoKind::Xor, o));
    o.rows = 100;
    o.noise = -0.1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateDemo(DemoKind::CarBuyers, o));
}

void TestDemo::testCarBuyersNetworkBeatsLogisticAndFindsTheRule()
{
    const CarBuyersRun network = trainCarBuyers({LayerSpec::dense(64, Activation::ReLU, WeightInit::He),
                                                 LayerSpec::dense(32, Activation::ReLU, WeightInit::He)});
    const CarBuyersRun logistic = trainCarBuyers({});
    qInfo("Car buyers, held-out test AUC: network 64-32 %.4f, logistic regression %.4f", network.testAuc,
          logistic.testAuc);
    QVERIFY2(network.testAuc > 0.80, std::to_string(network.testAuc).c_str());
    QVERIFY2(network.testAuc > logistic.testAuc + 0.01,
             (std::to_string(network.testAuc) + " vs " + std::to_string(logistic.testAuc)).c_str());

    const PreparedData& d = network.data;
    const ImportanceResult importance =
        permutationImportance(network.network, d.task(), TrainSpec::forTask(d.task()).loss, d.validation.x,
                              d.validation.y, FeatureGroups::fromRecipe(d.recipe));
    QVERIFY(importance.columns.size() >= 2);
    std::vector<std::string> top{importance.columns[0].column, importance.columns[1].column};
    std::sort(top.begin(), top.end());
    QCOMPARE(top, (std::vector<std::string>{"used_configurator", "viewed_pricing"}));
}

QTEST_APPLESS_MAIN(TestDemo)
#include "tst_demo.moc"

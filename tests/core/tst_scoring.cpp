#include "columns.h"
#include "data/recipe.h"
#include "explain/attribution.h"
#include "explain/reasons.h"
#include "model/modelfile.h"
#include "nn/batchscorer.h"
#include "project/project.h"
#include "scoring/atomicfile.h"
#include "scoring/csvcells.h"
#include "scoring/evaluation.h"
#include "scoring/ranking.h"
#include "scoring/scoredexport.h"
#include "scoring/segments.h"
#include "scoring/sqlexport.h"
#include "scoring/thresholds.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <Eigen/Core>
#include <sqlite3.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <numeric>
#include <random>

#include <sys/wait.h>
#include <unistd.h>

using namespace neurolift;
using neurolift::test::categorical;
using neurolift::test::numbers;

Q_DECLARE_METATYPE(std::vector<float>)

namespace {

const float kNaN = std::numeric_limits<float>::quiet_NaN();

/// Customers with every kind of input the recipe prepares: a number with missing
/// cells (imputed, flagged), a skewed amount (log step), a yes/no column, and a
/// category with a rare level (folded into "other") and missing cells. Rows from
/// `unseenFrom` on have a level never seen in training ("mars").
Table customers(int rows, int unseenFrom)
{
    std::vector<float> income;
    std::vector<float> revenue;
    std::vector<float> member;
    std::vector<std::string> channel;
    Column id;
    id.name = "id";
    id.type = ColumnType::Identifier;
    std::mt19937 gen(7);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    for (int i = 0; i < rows; ++i) {
        income.push_back(i % 11 == 0 ? kNaN : 20.0f + 80.0f * u(gen));
        revenue.push_back(std::exp(12.0f * u(gen) * u(gen)) - 1.0f);
        member.push_back(i % 13 == 0 ? kNaN : (u(gen) < 0.4f ? 1.0f : 0.0f));
        const char* levels[] = {"email", "web", "shop"};
        channel.push_back(i == 3                          ? "rare"
                          : i % 17 == 0                   ? ""
                          : i >= unseenFrom && i % 5 == 0 ? "mars"
                                                          : levels[i % 3]);
        id.strings.push_back(std::string(1, 'C').append(std::to_string(i)));
        id.missing.push_back(0);
    }
    std::vector<Column> columns;
    columns.push_back(std::move(id));
    columns.push_back(numbers("income", income));
    columns.push_back(numbers("revenue", revenue));
    columns.push_back(numbers("member", member, ColumnType::Boolean));
    columns.push_back(categorical("channel", channel));
    return Table(std::move(columns), static_cast<std::size_t>(rows));
}

TrainedModel modelFor(const Table& table, std::span<const std::int64_t> trainRows, const Architecture& arch,
                      TaskKind task)
{
    TrainedModel m;
    m.target.column = "bought";
    m.target.task = task;
    if (task == TaskKind::BinaryClassification) {
        m.target.classes = {"no", "yes"};
    }
    m.idColumn = "id";
    m.recipe = Recipe::fit(table, trainRows, {"income", "revenue", "member", "channel"});
    m.architecture = arch;
    Network net(arch, m.recipe.featureCount(), 11);
    NamedTensors w = net.weights();
    for (auto& [name, t] : w) { // batch norm as after training, not the identity it starts as
        if (name.ends_with("running_mean")) {
            t = Matrix::Random(t.rows(), t.cols()) * 0.3f;
        } else if (name.ends_with("running_var")) {
            t = Matrix::Random(t.rows(), t.cols()).array().abs() + 0.5f;
        }
    }
    m.weights = w;
    return m;
}

std::vector<float> engineScores(const TrainedModel& m, const Table& table, std::span<const std::int64_t> rows)
{
    const Network net = m.network();
    const Matrix x = m.recipe.transform(table, rows);
    Matrix out(net.outputSize(), x.cols());
    BatchScorer(net, 1).score(x, out);
    return std::vector<float>(out.data(), out.data() + out.cols());
}

std::vector<std::int64_t> range(std::int64_t from, std::int64_t to)
{
    std::vector<std::int64_t> r(static_cast<std::size_t>(to - from));
    std::iota(r.begin(), r.end(), from);
    return r;
}

QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

} // namespace

class TestScoring : public QObject {
    Q_OBJECT

private slots:
    // First, while no thread pool exists to be broken by fork().
    void testKilledExportLeavesNoFile();
    void testRocAucWithTies_data();
    void testRocAucWithTies();
    void testQuantileTableByHand();
    void testDecilesOnManyTiedScores();
    void testGainsOfTiedScoresIsRandom();
    void testConfusionAndCurves();
    void testThresholds();
    void testProfitCurve();
    void testSegments_data();
    void testSegments();
    void testSegmentDefinitionRoundTrip();
    void testFormulaNeutralisation_data();
    void testFormulaNeutralisation();
    void testAtomicFileCommitOrNothing();
    void testSqlScoresEqualEngine_data();
    void testSqlScoresEqualEngine();
    void testXlsxReadsBackWithOpenpyxl();
    void testCsvExportFormat();
    void testExportRowOrder_data();
    void testExportRowOrder();
    void testExportSpeedMillionRows();
};

void TestScoring::testKilledExportLeavesNoFile()
{
    QTemporaryDir dir;
    const Table table = customers(400000, 1 << 30);
    Architecture arch;
    arch.layers = {LayerSpec::dense(16, Activation::ReLU), LayerSpec::dense(1, Activation::Sigmoid)};
    const TrainedModel model = modelFor(table, range(0, 1000), arch, TaskKind::BinaryClassification);
    const std::string out = dir.filePath(QStringLiteral("scored.csv")).toStdString();
    int pipeFd[2];
    QVERIFY(::pipe(pipeFd) == 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        Eigen::setNbThreads(1);
        ::close(pipeFd[0]);
        ScoredExportOptions o;
        o.path = out;
        o.columns = {"income", "channel"};
        o.blockRows = 4096;
        bool told = false;
        exportScores(table, model, o, [&](double f) {
            if (f > 0.5 && !told) {
                told = ::write(pipeFd[1], "x", 1) == 1;
            }
            while (told) {
                ::pause(); // stay mid-export until the parent kills us, however long that takes
            }
            return true;
        });
        ::_exit(0);
    }
    ::close(pipeFd[1]);
    char c = 0;
    QCOMPARE(::read(pipeFd[0], &c, 1), ssize_t{1});
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(pipeFd[0]);
    QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    QCOMPARE(filesIn(dir.path()), QStringList()); // no scored.csv, no temporary
}

void TestScoring::testRocAucWithTies_data()
{
    QTest::addColumn<std::vector<float>>("scores");
    QTest::addColumn<std::vector<float>>("labels");
    QTest::addColumn<double>("auc");
    QTest::addRow("no ties: 3 of 4 pairs")
        << std::vector<float>{0.9f, 0.7f, 0.5f, 0.3f} << std::vector<float>{1, 0, 1, 0} << 0.75;
    QTest::addRow("one tied pair counts half: 3.5 of 6")
        << std::vector<float>{0.9f, 0.8f, 0.8f, 0.3f, 0.1f} << std::vector<float>{1, 1, 0, 0, 1} << 3.5 / 6.0;
    QTest::addRow("all tied: 0.5") << std::vector<float>{0.4f, 0.4f, 0.4f, 0.4f}
                                   << std::vector<float>{1, 0, 1, 0} << 0.5;
    QTest::addRow("perfect") << std::vector<float>{0.9f, 0.8f, 0.2f} << std::vector<float>{1, 1, 0} << 1.0;
}

void TestScoring::testRocAucWithTies()
{
    QFETCH(std::vector<float>, scores);
    QFETCH(std::vector<float>, labels);
    QFETCH(double, auc);
    const BinaryEvaluation e = evaluateBinary(scores, labels);
    QVERIFY2(std::abs(e.auc - auc) < 1e-12, qPrintable(QString::number(e.auc)));
    // The curve's trapezoid area equals the Mann-Whitney AUC (ties give diagonal steps).
    double area = 0;
    for (std::size_t i = 1; i < e.roc.size(); ++i) {
        area += (e.roc[i].falsePositiveRate - e.roc[i - 1].falsePositiveRate) *
                (e.roc[i].truePositiveRate + e.roc[i - 1].truePositiveRate) / 2;
    }
    QVERIFY(std::abs(area - auc) < 1e-12);
    QCOMPARE(e.roc.back().truePositiveRate, 1.0);
    QCOMPARE(e.roc.back().falsePositiveRate, 1.0);
}

void TestScoring::testQuantileTableByHand()
{
    // Ten customers, 4 positives (base rate 0.4), in quintiles of two.
    const std::vector<float> scores{1.0f, 0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.4f, 0.3f, 0.2f, 0.1f};
    const std::vector<float> labels{1, 1, 1, 0, 1, 0, 0, 0, 0, 0};
    const auto t = quantileTable(scores, labels, 5);
    QCOMPARE(t.size(), std::size_t{5});
    const double lift[] = {2.5, 1.25, 1.25, 0, 0};
    const double gain[] = {0.5, 0.75, 1.0, 1.0, 1.0};
    const double cumLift[] = {2.5, 1.875, 4.0 / 6.0 / 0.4, 1.25, 1.0};
    for (int g = 0; g < 5; ++g) {
        QCOMPARE(t[g].customers, 2LL);
        QVERIFY2(std::abs(t[g].lift - lift[g]) < 1e-12, qPrintable(QString::number(t[g].lift)));
        QVERIFY(std::abs(t[g].cumulativeGain - gain[g]) < 1e-12);
        QVERIFY2(std::abs(t[g].cumulativeLift - cumLift[g]) < 1e-12,
                 qPrintable(QString::number(t[g].cumulativeLift)));
    }
    QCOMPARE(t[0].responseRate, 1.0);
    QCOMPARE(t[1].responseRate, 0.5);
}

void TestScoring::testDecilesOnManyTiedScores()
{
    // 12 of 20 customers share the top score: they all rank 1 and fill decile 1; the
    // rank of the next is 13, so deciles 2-6 stay empty. Any row order gives the same.
    std::vector<float> scores(12, 0.9f);
    for (int k = 8; k >= 1; --k) {
        scores.push_back(0.1f * static_cast<float>(k));
    }
    std::vector<float> labels(20, 0.0f);
    labels[0] = labels[5] = labels[13] = 1.0f;
    const auto t = quantileTable(scores, labels, 10);
    const long long expected[] = {12, 0, 0, 0, 0, 0, 2, 2, 2, 2};
    for (int g = 0; g < 10; ++g) {
        QCOMPARE(t[g].customers, expected[g]);
    }
    QCOMPARE(t[0].positives, 2LL);
    QCOMPARE(t[6].positives, 1LL);
    const ScoreRanking ranking(scores);
    QCOMPARE(ranking.rank(0.9f), std::size_t{1});
    QCOMPARE(ranking.rank(0.8f), std::size_t{13});
    QCOMPARE(ranking.group(0.8f, 10), 7);
    const std::vector<std::uint32_t> ranks = ranking.ranksOf(scores);
    for (std::size_t i = 0; i < scores.size(); ++i) {
        QCOMPARE(std::size_t{ranks[i]}, ranking.rank(scores[i]));
    }
    QCOMPARE(ranking.ranksOf(std::vector<float>{1.0f, 0.85f, 0.0f}), (std::vector<std::uint32_t>{1, 13, 21}));

    std::vector<std::size_t> order(20);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::shuffle(order.begin(), order.end(), std::mt19937(3));
    std::vector<float> s2;
    std::vector<float> l2;
    for (std::size_t i : order) {
        s2.push_back(scores[i]);
        l2.push_back(labels[i]);
    }
    const auto t2 = quantileTable(s2, l2, 10);
    for (int g = 0; g < 10; ++g) {
        QCOMPARE(t2[g].customers, t[g].customers);
        QCOMPARE(t2[g].positives, t[g].positives);
    }
}

void TestScoring::testGainsOfTiedScoresIsRandom()
{
    const std::vector<float> scores(10, 0.3f);
    const std::vector<float> labels{1, 0, 0, 1, 0, 0, 0, 0, 0, 0};
    EvaluationOptions o;
    o.gainsPoints = 10;
    const BinaryEvaluation e = evaluateBinary(scores, labels, o);
    for (const GainsPoint& g : e.gains) {
        QVERIFY(std::abs(g.model - g.contacted) < 1e-12);
        QCOMPARE(g.random, g.contacted);
        QVERIFY(std::abs(g.perfect - std::min(1.0, g.contacted * 5.0)) < 1e-12);
    }
    QVERIFY(std::abs(e.gains[5].lift - 1.0) < 1e-12);
}

void TestScoring::testConfusionAndCurves()
{
    const std::vector<float> scores{0.9f, 0.8f, 0.8f, 0.3f, 0.1f, 0.65f};
    const std::vector<float> labels{1, 1, 0, 0, 1, 1};
    const ConfusionMatrix c = confusionAt(scores, labels, 0.65);
    QCOMPARE(c.truePositives, 3LL);
    QCOMPARE(c.falsePositives, 1LL);
    QCOMPARE(c.falseNegatives, 1LL);
    QCOMPARE(c.trueNegatives, 1LL);
    QCOMPARE(c.precision, 0.75);
    QCOMPARE(c.recall, 0.75);
    QCOMPARE(c.f1, 0.75);
    const BinaryEvaluation e = evaluateBinary(scores, labels);
    QCOMPARE(e.pr.size(), std::size_t{5});            // one point per distinct score
    QCOMPARE(e.pr[1].precision, 2.0 / 3.0);           // 0.9 and the 0.8 pair
    const CalibrationBin& top = e.calibration.back(); // [0.9, 1]
    QCOMPARE(top.count, 1LL);
    QCOMPARE(top.observedRate, 1.0);
    const RegressionEvaluation r =
        evaluateRegression(std::vector<float>{1, 2, 3}, std::vector<float>{1, 3, 5});
    QCOMPARE(r.residuals, (std::vector<float>{0, 1, 2}));
    QCOMPARE(r.meanResidual, 1.0);
    QVERIFY(std::abs(r.metrics.mae - 1.0) < 1e-9);
}

void TestScoring::testThresholds()
{
    const std::vector<float> scores{0.9f, 0.8f, 0.8f, 0.3f, 0.1f};
    const std::vector<float> labels{1, 1, 0, 0, 1};
    const ThresholdChoice f1 = bestF1Threshold(scores, labels);
    // At 0.8: tp 2, selected 3 -> P 2/3, R 2/3 (F1 .667); at 0.1: P 3/5, R 1 (F1 .75).
    QCOMPARE(f1.threshold, static_cast<double>(0.1f));
    QCOMPARE(f1.selected, std::size_t{5});
    QVERIFY(std::abs(f1.f1 - 0.75) < 1e-12);
    const ThresholdChoice top2 = topNThreshold(scores, 2);
    QCOMPARE(top2.threshold, static_cast<double>(0.8f));
    QCOMPARE(top2.selected, std::size_t{3}); // ties are never split
    QCOMPARE(topNThreshold(scores, 0).selected, std::size_t{0});
    // Nobody, also when the threshold is rounded to float as confusionAt does.
    QCOMPARE(confusionAt(scores, labels, topNThreshold(scores, 0).threshold).truePositives, 0LL);
    QCOMPARE(confusionAt(scores, labels, topNThreshold(scores, 0).threshold).falsePositives, 0LL);
    QCOMPARE(topNThreshold(scores, 99).selected, std::size_t{5});
    const ThresholdChoice share = topShareThreshold(scores, 0.2, labels);
    QCOMPARE(share.selected, std::size_t{1});
    QCOMPARE(share.precision, 1.0);
}

void TestScoring::testProfitCurve()
{
    const std::vector<float> scores{0.9f, 0.5f, 0.1f};
    ProfitOptions o;
    o.costPerContact = 1.0;
    o.valuePerConversion = 2.0;
    const ProfitCurve c = profitCurve(scores, o);
    QCOMPARE(c.points.size(), std::size_t{4});
    QVERIFY(std::abs(c.points[1].profit - 0.8) < 1e-6);
    QVERIFY(std::abs(c.points[2].profit - 0.8) < 1e-6);
    QVERIFY(std::abs(c.points[3].profit - 0.0) < 1e-6);
    QCOMPARE(c.best.contacted, std::size_t{1}); // the first of equal profits: fewer contacts
    o.budget = 0.5;
    QCOMPARE(profitCurve(scores, o).best.contacted, std::size_t{0});
    o.budget.reset();
    o.observed = true;
    const ProfitCurve observed = profitCurve(scores, o, std::vector<float>{0, 1, 1});
    QCOMPARE(observed.best.contacted, std::size_t{3}); // 2 x 2 - 3 = 1
    QCOMPARE(observed.best.profit, 1.0);
}

void TestScoring::testSegments_data()
{
    QTest::addColumn<QString>("definition");
    QTest::addColumn<QString>("expected"); // name:customers, ...
    QTest::addRow("bands")
        << R"({"kind":"bands","bands":[{"name":"hot","lower":0.7},{"name":"warm","lower":0.4}],"rest":"cold"})"
        << "hot:3,warm:3,cold:4";
    QTest::addRow("quintiles") << R"({"kind":"quantiles","groups":5})"
                               << "quintile 1:2,quintile 2:2,quintile 3:2,quintile 4:2,quintile 5:2";
    QTest::addRow("top 2 with a tie at the edge") << R"({"kind":"top","n":2})"
                                                  << "top:2,rest:8";
    QTest::addRow("top 30%%") << R"({"kind":"top","share":0.3,"name":"call","rest":"skip"})"
                              << "call:3,skip:7";
}

void TestScoring::testSegments()
{
    QFETCH(QString, definition);
    QFETCH(QString, expected);
    const std::vector<float> scores{0.95f, 0.9f, 0.7f, 0.69f, 0.5f, 0.4f, 0.39f, 0.2f, 0.1f, 0.05f};
    const std::vector<float> testScores{0.95f, 0.5f, 0.2f, 0.1f};
    const std::vector<float> testLabels{1, 1, 0, 0};
    const SegmentDefinition d = SegmentDefinition::fromJson(nlohmann::json::parse(definition.toStdString()));
    const auto stats = summariseSegments(d, scores, testScores, testLabels);
    QStringList got;
    for (const SegmentStats& s : stats) {
        got << QString::fromStdString(s.name) + ":" + QString::number(s.customers);
    }
    QCOMPARE(got.join(','), expected);
    if (d.kind == SegmentKind::ScoreBands) {
        QVERIFY(std::abs(stats[0].meanScore - (0.95 + 0.9 + 0.7) / 3) < 1e-6);
        QCOMPARE(*stats[0].observedRate, 1.0);
        QCOMPARE(*stats[0].observedLift, 2.0); // test rate 0.5
        QCOMPARE(stats[2].testCustomers, std::size_t{2});
        QCOMPARE(*stats[2].observedRate, 0.0);
    }
}

void TestScoring::testSegmentDefinitionRoundTrip()
{
    const SegmentDefinition d = SegmentDefinition::parseBands("Hot:0.7,Warm:0.4,Cold");
    QCOMPARE(d.segmentNames(), (std::vector<std::string>{"Hot", "Warm", "Cold"}));
    QVERIFY(SegmentDefinition::fromJson(d.toJson()) == d);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SegmentDefinition::parseBands("warm:0.4,hot:0.7"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SegmentDefinition::parseBands("hot:x"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SegmentDefinition::parseBands("cold,hot:0.7"));
    QTemporaryDir dir;
    Project p = Project::create(dir.filePath(QStringLiteral("p.nlproj")).toStdString());
    p.saveSegment("bands", d.toJson());
    QVERIFY(SegmentDefinition::fromJson(p.segments().at(0).definition) == d);
}

void TestScoring::testFormulaNeutralisation_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("csv");
    QTest::addRow("command") << "=cmd|' /C calc'!A0"
                             << "'=cmd|' /C calc'!A0";
    QTest::addRow("at") << "@SUM(1)"
                        << "'@SUM(1)";
    QTest::addRow("minus expression") << "-2+3"
                                      << "'-2+3";
    QTest::addRow("plus text") << "+cmd"
                               << "'+cmd";
    QTest::addRow("tab") << "\tx"
                         << "'\tx";
    QTest::addRow("carriage return") << "\rx"
                                     << "\"'\rx\"";
    QTest::addRow("negative number stays") << "-5"
                                           << "-5";
    QTest::addRow("signed decimal stays") << "+3.2"
                                          << "+3.2";
    QTest::addRow("signed integer stays (a number, as score always did)") << "+1"
                                                                          << "+1";
    QTest::addRow("exponent stays") << "-1e-3"
                                    << "-1e-3";
    QTest::addRow("comma quoted") << "=a,b"
                                  << "\"'=a,b\"";
    QTest::addRow("plain") << "email"
                           << "email";
}

void TestScoring::testFormulaNeutralisation()
{
    QFETCH(QString, cell);
    QFETCH(QString, csv);
    QCOMPARE(QString::fromStdString(csvCell(cell.toStdString(), true)), csv);
    QCOMPARE(QString::fromStdString(csvCell(cell.toStdString(), false)).contains(u'\''),
             cell.contains(u'\'')); // our own numbers are never touched
}

void TestScoring::testAtomicFileCommitOrNothing()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("out.txt")).toStdString();
    {
        AtomicFile f(path);
        f.write("half");
    }
    QCOMPARE(filesIn(dir.path()), QStringList());
    {
        AtomicFile f(path);
        f.write("whole\n");
        f.commit();
    }
    QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("out.txt")});
    {
        AtomicFile f(path); // replacing: the old file stays until the commit
        f.write("new");
        QFile old(QString::fromStdString(path));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("whole\n"));
    }
    QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("out.txt")});
}

void TestScoring::testSqlScoresEqualEngine_data()
{
    QTest::addColumn<QString>("layers");
    QTest::addColumn<int>("task");
    QTest::addRow("deep: relu, tanh, batch norm, leaky, elu, dropout, sigmoid") << "deep" << 0;
    QTest::addRow("logistic regression") << "none" << 0;
    QTest::addRow("regression, relu") << "relu" << 2;
}

void TestScoring::testSqlScoresEqualEngine()
{
    QFETCH(QString, layers);
    QFETCH(int, task);
    const Table table = customers(400, 300);
    Architecture arch;
    if (layers == QLatin1String("deep")) {
        arch.layers = {LayerSpec::dense(8, Activation::ReLU),
                       LayerSpec::dense(6, Activation::Tanh),
                       LayerSpec::batchNorm(),
                       LayerSpec::dense(5, Activation::LeakyReLU),
                       LayerSpec::dense(4, Activation::ELU),
                       LayerSpec::dropout(0.2f),
                       LayerSpec::activationLayer(Activation::Sigmoid),
                       LayerSpec::dense(1, Activation::Sigmoid)};
    } else if (layers == QLatin1String("relu")) {
        arch.layers = {LayerSpec::dense(7, Activation::ReLU), LayerSpec::dense(1, Activation::Linear)};
    } else {
        arch.layers = {LayerSpec::dense(1, Activation::Sigmoid)};
    }
    const TrainedModel model = modelFor(table, range(0, 300), arch, static_cast<TaskKind>(task));
    QVERIFY(model.recipe.numericSteps()[1].log); // the amount goes through LN(1 + x)
    QVERIFY(model.recipe.numericSteps()[0].missingFlag);
    QVERIFY(model.recipe.categoricalSteps()[0].other);
    const auto testRows = range(300, 400);
    const std::vector<float> expected = engineScores(model, table, testRows);

    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(":memory:", &db), SQLITE_OK);
    const auto exec = [&](const std::string& sql) {
        char* error = nullptr;
        const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
        const std::string message = error ? error : "";
        sqlite3_free(error);
        return rc == SQLITE_OK ? std::string() : message;
    };
    QCOMPARE(exec("CREATE TABLE customers (id TEXT, income REAL, revenue REAL, member REAL, channel TEXT)"),
             std::string());
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO customers VALUES (?, ?, ?, ?, ?)", -1, &insert, nullptr);
    for (const std::int64_t row : testRows) {
        const auto r = static_cast<std::size_t>(row);
        sqlite3_bind_text(insert, 1, table.column("id")->strings[r].c_str(), -1, SQLITE_TRANSIENT);
        for (int k = 0; k < 3; ++k) {
            const Column& c = *table.column(k == 0 ? "income" : k == 1 ? "revenue" : "member");
            if (c.isMissing(r)) {
                sqlite3_bind_null(insert, k + 2);
            } else {
                sqlite3_bind_double(insert, k + 2, c.values[r]);
            }
        }
        const Column& ch = *table.column("channel");
        if (ch.codes[r] < 0) {
            sqlite3_bind_null(insert, 5);
        } else {
            sqlite3_bind_text(insert, 5, ch.levels[static_cast<std::size_t>(ch.codes[r])].c_str(), -1,
                              SQLITE_TRANSIENT);
        }
        QCOMPARE(sqlite3_step(insert), SQLITE_DONE);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);

    const std::string sql = modelSql(model, {SqlDialect::Sqlite, "customers", ""});
    sqlite3_stmt* query = nullptr;
    QVERIFY2(sqlite3_prepare_v2(db, sql.c_str(), -1, &query, nullptr) == SQLITE_OK, sqlite3_errmsg(db));
    double maxDiff = 0;
    std::size_t n = 0;
    while (sqlite3_step(query) == SQLITE_ROW) {
        const std::string id = reinterpret_cast<const char*>(sqlite3_column_text(query, 0));
        QCOMPARE(id, "C" + std::to_string(300 + n));
        QVERIFY(sqlite3_column_type(query, 1) != SQLITE_NULL);
        maxDiff = std::max(maxDiff, std::abs(sqlite3_column_double(query, 1) - expected[n]));
        ++n;
    }
    sqlite3_finalize(query);
    sqlite3_close(db);
    QCOMPARE(n, testRows.size());
    qInfo("SQL vs engine, %zu rows: max |difference| %.3g", n, maxDiff);
    QVERIFY2(maxDiff < 1e-5, qPrintable(QString::number(maxDiff)));
    // PostgreSQL: the same structure with its own functions (no server here to run it).
    const std::string pg = modelSql(model, {SqlDialect::Postgres, "customers", ""});
    QVERIFY(pg.find("DOUBLE PRECISION") != std::string::npos);
    QCOMPARE(pg.find("MAX("), std::string::npos);
}

void TestScoring::testXlsxReadsBackWithOpenpyxl()
{
    QTemporaryDir dir;
    const Table table = customers(500, 1 << 30);
    Architecture arch;
    arch.layers = {LayerSpec::dense(4, Activation::ReLU), LayerSpec::dense(1, Activation::Sigmoid)};
    const TrainedModel model = modelFor(table, range(0, 500), arch, TaskKind::BinaryClassification);
    ScoredExportOptions o;
    o.path = dir.filePath(QStringLiteral("scored.xlsx")).toStdString();
    o.format = ExportFormat::Xlsx;
    o.columns = {"income", "channel"};
    o.segments = SegmentDefinition::byQuantiles(5);
    const ExportResult exported = exportScores(table, model, o);
    QCOMPARE(exported.rows, std::size_t{500});
    QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("scored.xlsx")});

    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import json, sys, openpyxl\n"
                                 "wb = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
                                 "print(json.dumps({s.title: [list(r) for r in s.iter_rows(values_only=True)]"
                                 " for s in wb.worksheets}))\n"),
                  QString::fromStdString(o.path)});
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    const QJsonObject book = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    const QJsonArray rows = book.value(QStringLiteral("Scored customers")).toArray();
    QCOMPARE(rows.size(), 501);
    QCOMPARE(rows[0].toArray()[0].toString(), QStringLiteral("id"));
    QCOMPARE(rows[0].toArray()[5].toString(), QStringLiteral("income"));
    const std::vector<float> scores = scoreTable(table, model);
    const ScoreRanking ranking(scores);
    for (int i = 0; i < 500; ++i) {
        const QJsonArray row = rows[i + 1].toArray();
        const auto r = static_cast<std::size_t>(i);
        QCOMPARE(row[0].toString(), QString::fromStdString(table.column("id")->strings[r]));
        QVERIFY(std::abs(row[1].toDouble() - scores[r]) < 1e-6);
        QCOMPARE(row[2].toInt(), static_cast<int>(ranking.rank(scores[r])));
        QCOMPARE(row[3].toInt(), ranking.group(scores[r], 10));
        QCOMPARE(row[4].toString(), QStringLiteral("quintile %1").arg(ranking.group(scores[r], 5)));
        const Column& income = *table.column("income");
        if (income.isMissing(r)) {
            QVERIFY(row[5].isNull());
        } else {
            QVERIFY(std::abs(row[5].toDouble() - income.values[r]) < 1e-9);
        }
        QCOMPARE(row[6].toString(), QString::fromStdString(table.column("channel")->text(r)));
    }
    const QJsonArray summary = book.value(QStringLiteral("Segments")).toArray();
    QCOMPARE(summary.size(), 6);
    long long total = 0;
    for (int i = 1; i < 6; ++i) {
        total += summary[i].toArray()[1].toInteger();
    }
    QCOMPARE(total, 500LL);
}

void TestScoring::testCsvExportFormat()
{
    QTemporaryDir dir;
    const Table table = customers(50, 1 << 30);
    Architecture arch;
    arch.layers = {LayerSpec::dense(1, Activation::Sigmoid)};
    const TrainedModel model = modelFor(table, range(0, 50), arch, TaskKind::BinaryClassification);
    ScoredExportOptions o;
    o.path = dir.filePath(QStringLiteral("scored.csv")).toStdString();
    o.csv = {';', true};
    o.columns = {"channel"};
    o.segments = SegmentDefinition::parseBands("hot:0.7,warm:0.4,cold");
    exportScores(table, model, o);
    QFile f(QString::fromStdString(o.path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.startsWith("\xEF\xBB\xBFid;score;rank;decile;segment;channel\n"));
    QCOMPARE(text.count('\n'), 51);
    const ExportRecord record = exportRecordFor(o, ExportResult{false, 50, {}, {}}, 3);
    QVERIFY(record.details.at("delimiter") == ";");
    QVERIFY(record.details.at("segments").at("kind") == "bands");
    QCOMPARE(record.run, std::optional<std::int64_t>(3));
    // Cancelled midway: nothing is left, not even the file written before.
    QVERIFY(QFile::remove(QString::fromStdString(o.path)));
    o.blockRows = 10;
    const ExportResult cancelled = exportScores(table, model, o, [](double done) { return done < 0.5; });
    QVERIFY(cancelled.cancelled);
    QCOMPARE(filesIn(dir.path()), QStringList());
    const std::string summary = dir.filePath(QStringLiteral("summary.csv")).toStdString();
    writeSegmentSummaryCsv(summary, summariseSegments(*o.segments, scoreTable(table, model)));
    QFile s(QString::fromStdString(summary));
    QVERIFY(s.open(QIODevice::ReadOnly));
    QVERIFY(s.readAll().startsWith("segment,customers,share,mean_score"));
}

void TestScoring::testExportRowOrder_data()
{
    QTest::addColumn<bool>("byRank");
    QTest::addColumn<int>("reasons");
    QTest::newRow("best first") << true << 0;
    QTest::newRow("best first, with reasons") << true << 1;
    QTest::newRow("file order") << false << 0;
    QTest::newRow("file order, with reasons") << false << 1;
}

void TestScoring::testExportRowOrder()
{
    QFETCH(bool, byRank);
    QFETCH(int, reasons);
    QTemporaryDir dir;
    const Table table = customers(300, 1 << 30);
    Architecture arch;
    arch.layers = {LayerSpec::dense(4, Activation::ReLU), LayerSpec::dense(1, Activation::Sigmoid)};
    const TrainedModel model = modelFor(table, range(0, 300), arch, TaskKind::BinaryClassification);
    const std::vector<float> scores = scoreTable(table, model);
    ScoredExportOptions o;
    o.path = dir.filePath(QStringLiteral("scored.csv")).toStdString();
    o.order = byRank ? ExportOrder::ByRank : ExportOrder::FileOrder;
    o.columns = {"channel"};
    o.reasons = reasons;
    o.blockRows = 7; // reasons are computed per block: the blocks follow the order
    if (reasons > 0) {
        o.baseline = meanBaseline(model.recipe.transform(table, range(0, 300)));
    }
    QCOMPARE(exportScores(table, model, o).rows, std::size_t{300});
    QVERIFY(exportRecordFor(o, {}, 1).details.at("order") == (byRank ? "rank" : "file"));

    // Read back: which table row each line is (by its id), and its rank.
    QFile f(QString::fromStdString(o.path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readLine().startsWith("id,score,rank,decile,"));
    std::vector<std::size_t> rows;
    std::vector<int> ranks;
    QStringList reasonCells;
    while (!f.atEnd()) {
        const QStringList cells = QString::fromUtf8(f.readLine()).trimmed().split(u',');
        rows.push_back(cells[0].mid(1).toULongLong()); // "C17" is row 17
        ranks.push_back(cells[2].toInt());
        if (reasons > 0) {
            reasonCells << cells[4];
        }
    }
    QCOMPARE(rows.size(), std::size_t{300});
    std::vector<std::size_t> expected(300);
    std::iota(expected.begin(), expected.end(), std::size_t{0});
    if (byRank) {
        std::stable_sort(expected.begin(), expected.end(),
                         [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    }
    QCOMPARE(rows, expected);
    if (byRank) {
        QCOMPARE(ranks.front(), 1);
        QVERIFY(std::is_sorted(ranks.begin(), ranks.end()));
    } else {
        QVERIFY(!std::is_sorted(ranks.begin(), ranks.end()));
    }
    // Each row's reason is its own, whatever the order: as the per-row attribution gives it.
    if (reasons > 0) {
        for (const std::size_t line : {std::size_t{0}, std::size_t{150}, std::size_t{299}}) {
            const std::vector<std::int64_t> one{static_cast<std::int64_t>(rows[line])};
            const Matrix x = model.recipe.transform(table, one);
            const std::vector<RowReasons> why =
                reasonCodes(attribute(model.network(), x, o.baseline, {}).values,
                            FeatureGroups::fromRecipe(model.recipe), table, one, {1, 0.0});
            const QString want = why[0].up.empty() ? QString() : QString::fromStdString(why[0].up[0].text);
            QCOMPARE(reasonCells[static_cast<qsizetype>(line)], want);
        }
    }
}

void TestScoring::testExportSpeedMillionRows()
{
    if (qEnvironmentVariableIsEmpty("NEUROLIFT_BENCH_EXPORT")) {
        QSKIP("set NEUROLIFT_BENCH_EXPORT=1 to time a 1,000,000-row export");
    }
    QTemporaryDir dir;
    const Table table = customers(1000000, 1 << 30);
    Architecture arch;
    arch.layers = {LayerSpec::dense(64, Activation::ReLU), LayerSpec::dense(32, Activation::ReLU),
                   LayerSpec::dense(1, Activation::Sigmoid)};
    const TrainedModel model = modelFor(table, range(0, 10000), arch, TaskKind::BinaryClassification);
    const bool csvOnly = qEnvironmentVariable("NEUROLIFT_BENCH_EXPORT") == QLatin1String("csv");
    for (const ExportFormat format : {ExportFormat::Csv, ExportFormat::Xlsx}) {
        if (csvOnly && format == ExportFormat::Xlsx) {
            continue;
        }
        ScoredExportOptions o;
        o.format = format;
        o.path =
            dir.filePath(format == ExportFormat::Csv ? QStringLiteral("s.csv") : QStringLiteral("s.xlsx"))
                .toStdString();
        o.columns = {"income", "channel"};
        o.segments = SegmentDefinition::parseBands("hot:0.7,warm:0.4,cold");
        o.threads = 0;
        const auto start = std::chrono::steady_clock::now();
        const ExportResult r = exportScores(table, model, o);
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        qInfo("%s: %zu rows in %.2f s (%.0f rows/s), %lld bytes",
              format == ExportFormat::Csv ? "CSV" : "xlsx", r.rows, s, static_cast<double>(r.rows) / s,
              static_cast<long long>(QFileInfo(QString::fromStdString(o.path)).size()));
    }
}

QTEST_GUILESS_MAIN(TestScoring)
#include "tst_scoring.moc"

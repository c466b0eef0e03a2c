#include "training/metrics.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <random>
#include <set>
#include <stdexcept>
#include <vector>

using namespace neurolift;

// Absolute comparison: QCOMPARE's relative fuzziness is useless around 0, and the
// message shows both values with full precision.
#define COMPARE_NEAR(actual, expected, tolerance)                                                            \
    do {                                                                                                     \
        const double actualValue = (actual);                                                                 \
        const double expectedValue = (expected);                                                             \
        QVERIFY2(std::abs(actualValue - expectedValue) <= (tolerance),                                       \
                 qPrintable(QStringLiteral("%1 is %2, expected %3")                                          \
                                .arg(QStringLiteral(#actual))                                                \
                                .arg(actualValue, 0, 'g', 17)                                                \
                                .arg(expectedValue, 0, 'g', 17)));                                           \
    } while (false)

namespace {

/// Which metrics function an error-case row calls.
enum class Call { RocAuc, AveragePrecision, Binary, MultiClass, Regression };

std::span<const float> asSpan(const QList<float>& values)
{
    return {values.constData(), static_cast<std::size_t>(values.size())};
}

std::span<const float> asSpan(const std::vector<float>& values)
{
    return {values.data(), values.size()};
}

struct ScoredData {
    std::vector<float> scores;
    std::vector<float> labels;
};

/// Random scores that lean towards the positives; `levels` > 0 rounds them onto that
/// many evenly spaced values (one: all tied) so that many positives tie with negatives.
ScoredData randomScoredData(int rows, int levels, double positiveRate, unsigned seed)
{
    std::mt19937 generator(seed);
    std::bernoulli_distribution isPositive(positiveRate);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    ScoredData data;
    for (int i = 0; i < rows; ++i) {
        const bool positive = isPositive(generator);
        double score = std::min(1.0, uniform(generator) + (positive ? 0.3 : 0.0));
        if (levels == 1) {
            score = 0.5;
        } else if (levels > 1) {
            score = std::floor(score * (levels - 1) + 0.5) / (levels - 1);
        }
        data.scores.push_back(static_cast<float>(score));
        data.labels.push_back(positive ? 1.0f : 0.0f);
    }
    return data;
}

/// The definition of AUC, pair by pair: O(n^2), for reference only.
double pairCountAuc(const ScoredData& data)
{
    double wins = 0;
    double pairs = 0;
    for (std::size_t i = 0; i < data.scores.size(); ++i) {
        if (data.labels[i] < 0.5f) {
            continue;
        }
        for (std::size_t j = 0; j < data.scores.size(); ++j) {
            if (data.labels[j] >= 0.5f) {
                continue;
            }
            pairs += 1;
            if (data.scores[i] > data.scores[j]) {
                wins += 1;
            } else if (data.scores[i] == data.scores[j]) {
                wins += 0.5;
            }
        }
    }
    return pairs == 0 ? 0.5 : wins / pairs;
}

/// scikit-learn's average precision, one full scan per distinct threshold: O(n x thresholds).
double thresholdSweepAveragePrecision(const ScoredData& data)
{
    const std::set<float, std::greater<>> thresholds(data.scores.begin(), data.scores.end());
    double positives = 0;
    for (float label : data.labels) {
        positives += label >= 0.5f ? 1 : 0;
    }
    if (positives == 0) {
        return 0;
    }
    double sum = 0;
    double previousRecall = 0;
    for (float threshold : thresholds) {
        double truePositives = 0;
        double falsePositives = 0;
        for (std::size_t i = 0; i < data.scores.size(); ++i) {
            if (data.scores[i] >= threshold) {
                (data.labels[i] >= 0.5f ? truePositives : falsePositives) += 1;
            }
        }
        const double recall = truePositives / positives;
        sum += (recall - previousRecall) * truePositives / (truePositives + falsePositives);
        previousRecall = recall;
    }
    return sum;
}

} // namespace

Q_DECLARE_METATYPE(Call)

class TestMetrics : public QObject {
    Q_OBJECT

private slots:
    void rocAucHandCases_data();
    void rocAucHandCases();
    void rocAucMatchesPairCount_data();
    void rocAucMatchesPairCount();
    void averagePrecisionHandCases_data();
    void averagePrecisionHandCases();
    void averagePrecisionMatchesThresholdSweep_data();
    void averagePrecisionMatchesThresholdSweep();
    void binaryMetricsAtThreshold_data();
    void binaryMetricsAtThreshold();
    void binaryLogLossClipsProbabilities_data();
    void binaryLogLossClipsProbabilities();
    void binaryMetricsAgreeWithRankingFunctions();
    void multiClassMetrics_data();
    void multiClassMetrics();
    void regressionMetrics_data();
    void regressionMetrics();
    void millionRowsAreExact();
    void invalidInputThrows_data();
    void invalidInputThrows();
};

void TestMetrics::rocAucHandCases_data()
{
    QTest::addColumn<QList<float>>("scores");
    QTest::addColumn<QList<float>>("labels");
    QTest::addColumn<double>("expected");

    QTest::newRow("one swapped pair")
        << QList<float>{0.1f, 0.4f, 0.35f, 0.8f} << QList<float>{0, 0, 1, 1} << 0.75;
    QTest::newRow("all tied") << QList<float>{0.3f, 0.3f, 0.3f, 0.3f} << QList<float>{0, 1, 0, 1} << 0.5;
    QTest::newRow("perfect") << QList<float>{0.1f, 0.2f, 0.8f, 0.9f} << QList<float>{0, 0, 1, 1} << 1.0;
    QTest::newRow("inverted") << QList<float>{0.9f, 0.8f, 0.2f, 0.1f} << QList<float>{0, 0, 1, 1} << 0.0;
    // Pairs: 0.5 > 0.2, 0.5 = 0.5 (one half), 0.9 > both: 3.5 / 4.
    QTest::newRow("positive tied with negative")
        << QList<float>{0.2f, 0.5f, 0.5f, 0.9f} << QList<float>{0, 1, 0, 1} << 0.875;
    // Two positives tied with two negatives, a third negative above them all: of the
    // 2 x 3 pairs, 2 are lost and 2 x 2 tied (one half each): 2 / 6.
    QTest::newRow("tied group of two and two")
        << QList<float>{0.9f, 0.4f, 0.4f, 0.4f, 0.4f} << QList<float>{0, 1, 1, 0, 0} << 1.0 / 3.0;
    QTest::newRow("only positives") << QList<float>{0.1f, 0.9f} << QList<float>{1, 1} << 0.5;
    QTest::newRow("only negatives") << QList<float>{0.1f, 0.9f} << QList<float>{0, 0} << 0.5;
    QTest::newRow("labels split at 0.5")
        << QList<float>{0.1f, 0.9f, 0.5f} << QList<float>{0.4f, 0.5f, 0.49f} << 1.0;
    QTest::newRow("scores outside [0, 1]") << QList<float>{-3.0f, 7.0f, 2.0f} << QList<float>{0, 1, 0} << 1.0;
}

void TestMetrics::rocAucHandCases()
{
    QFETCH(QList<float>, scores);
    QFETCH(QList<float>, labels);
    QFETCH(double, expected);
    COMPARE_NEAR(rocAuc(asSpan(scores), asSpan(labels)), expected, 1e-12);
}

void TestMetrics::rocAucMatchesPairCount_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("levels");
    QTest::addColumn<double>("positiveRate");
    QTest::addColumn<unsigned>("seed");

    QTest::newRow("continuous, balanced") << 2000 << 0 << 0.5 << 1u;
    QTest::newRow("2 levels") << 2000 << 2 << 0.5 << 2u;
    QTest::newRow("3 levels") << 2000 << 3 << 0.4 << 3u;
    QTest::newRow("10 levels") << 2000 << 10 << 0.5 << 4u;
    QTest::newRow("100 levels") << 2000 << 100 << 0.3 << 5u;
    QTest::newRow("10 levels, 2% positives") << 2000 << 10 << 0.02 << 6u;
    QTest::newRow("1 level (all tied)") << 500 << 1 << 0.5 << 7u;
}

void TestMetrics::rocAucMatchesPairCount()
{
    QFETCH(int, rows);
    QFETCH(int, levels);
    QFETCH(double, positiveRate);
    QFETCH(unsigned, seed);

    const ScoredData data = randomScoredData(rows, levels, positiveRate, seed);
    COMPARE_NEAR(rocAuc(asSpan(data.scores), asSpan(data.labels)), pairCountAuc(data), 1e-12);
}

void TestMetrics::averagePrecisionHandCases_data()
{
    QTest::addColumn<QList<float>>("scores");
    QTest::addColumn<QList<float>>("labels");
    QTest::addColumn<double>("expected");

    // scikit-learn: average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).
    QTest::newRow("scikit-learn example")
        << QList<float>{0.1f, 0.4f, 0.35f, 0.8f} << QList<float>{0, 0, 1, 1} << 5.0 / 6.0;
    QTest::newRow("perfect") << QList<float>{0.1f, 0.2f, 0.8f, 0.9f} << QList<float>{0, 0, 1, 1} << 1.0;
    // 1/2 x 1/3 + 1/2 x 2/4.
    QTest::newRow("inverted") << QList<float>{0.1f, 0.2f, 0.3f, 0.4f} << QList<float>{1, 1, 0, 0}
                              << 5.0 / 12.0;
    // One threshold with precision 2/3; positives first would give 1, negative first 7/12.
    QTest::newRow("all tied, two of three positive")
        << QList<float>{0.5f, 0.5f, 0.5f} << QList<float>{1, 1, 0} << 2.0 / 3.0;
    // 1/3 x 1 + 1/3 x 1 + 1/3 x 3/5 at thresholds 0.875, 0.75 and 0.375.
    QTest::newRow("three positives") << QList<float>{0.875f, 0.625f, 0.375f, 0.125f, 0.75f, 0.5f}
                                     << QList<float>{1, 0, 1, 0, 1, 0} << 13.0 / 15.0;
    QTest::newRow("all positive") << QList<float>{0.2f, 0.7f, 0.7f} << QList<float>{1, 1, 1} << 1.0;
    QTest::newRow("no positives") << QList<float>{0.2f, 0.7f} << QList<float>{0, 0} << 0.0;
}

void TestMetrics::averagePrecisionHandCases()
{
    QFETCH(QList<float>, scores);
    QFETCH(QList<float>, labels);
    QFETCH(double, expected);
    COMPARE_NEAR(averagePrecision(asSpan(scores), asSpan(labels)), expected, 1e-12);
}

void TestMetrics::averagePrecisionMatchesThresholdSweep_data()
{
    rocAucMatchesPairCount_data();
}

void TestMetrics::averagePrecisionMatchesThresholdSweep()
{
    QFETCH(int, rows);
    QFETCH(int, levels);
    QFETCH(double, positiveRate);
    QFETCH(unsigned, seed);

    const ScoredData data = randomScoredData(rows, levels, positiveRate, seed);
    COMPARE_NEAR(averagePrecision(asSpan(data.scores), asSpan(data.labels)),
                 thresholdSweepAveragePrecision(data), 1e-12);
}

void TestMetrics::binaryMetricsAtThreshold_data()
{
    QTest::addColumn<double>("threshold");
    QTest::addColumn<double>("accuracy");
    QTest::addColumn<double>("precision");
    QTest::addColumn<double>("recall");
    QTest::addColumn<double>("f1");

    // Probabilities {0.875, 0.625, 0.375, 0.125, 0.75, 0.5}, labels {1, 0, 1, 0, 1, 0}:
    // all exact in float, so the boundary rows test '>=' rather than rounding.
    // TP 2 (0.875, 0.75), FP 2 (0.625, 0.5), FN 1 (0.375), TN 1.
    QTest::newRow("0.5, boundary included") << 0.5 << 3.0 / 6.0 << 2.0 / 4.0 << 2.0 / 3.0 << 4.0 / 7.0;
    // TP 2, FP 0, FN 1, TN 3.
    QTest::newRow("0.75, boundary included") << 0.75 << 5.0 / 6.0 << 1.0 << 2.0 / 3.0 << 4.0 / 5.0;
    // Nothing predicted positive: precision undefined, reported as 0.
    QTest::newRow("0.9, no predicted positives") << 0.9 << 3.0 / 6.0 << 0.0 << 0.0 << 0.0;
    // Everything predicted positive.
    QTest::newRow("0, all predicted positive") << 0.0 << 3.0 / 6.0 << 3.0 / 6.0 << 1.0 << 2.0 / 3.0;
}

void TestMetrics::binaryMetricsAtThreshold()
{
    QFETCH(double, threshold);
    QFETCH(double, accuracy);
    QFETCH(double, precision);
    QFETCH(double, recall);
    QFETCH(double, f1);

    const QList<float> probabilities{0.875f, 0.625f, 0.375f, 0.125f, 0.75f, 0.5f};
    const QList<float> labels{1, 0, 1, 0, 1, 0};
    const BinaryMetrics m = binaryMetrics(asSpan(probabilities), asSpan(labels), threshold);
    COMPARE_NEAR(m.accuracy, accuracy, 1e-12);
    COMPARE_NEAR(m.precision, precision, 1e-12);
    COMPARE_NEAR(m.recall, recall, 1e-12);
    COMPARE_NEAR(m.f1, f1, 1e-12);
    // The threshold-free metrics do not depend on the threshold.
    COMPARE_NEAR(m.rocAuc, 7.0 / 9.0, 1e-12);
    COMPARE_NEAR(m.prAuc, 13.0 / 15.0, 1e-12);
    // -(ln 0.875 + ln 0.375 + ln 0.75 + ln 0.375 + ln 0.875 + ln 0.5) / 6.
    COMPARE_NEAR(m.logLoss, 0.53492509071403738, 1e-12);
    // (0.125^2 + 0.625^2 + 0.625^2 + 0.125^2 + 0.25^2 + 0.5^2) / 6.
    COMPARE_NEAR(m.brier, 0.1875, 1e-12);
}

void TestMetrics::binaryLogLossClipsProbabilities_data()
{
    QTest::addColumn<QList<float>>("probabilities");
    QTest::addColumn<QList<float>>("labels");
    QTest::addColumn<double>("logLoss");

    // -ln(1e-7): certain and wrong costs a large but finite amount.
    QTest::newRow("certain and wrong") << QList<float>{0.0f, 1.0f} << QList<float>{1, 0} << 16.11809565095832;
    // -ln(1 - 1e-7): certain and right still costs a little.
    QTest::newRow("certain and right")
        << QList<float>{1.0f, 0.0f} << QList<float>{1, 0} << 1.0000000494736474e-07;
    QTest::newRow("one of each") << QList<float>{1.0f, 1.0f} << QList<float>{1, 0}
                                 << (16.11809565095832 + 1.0000000494736474e-07) / 2;
}

void TestMetrics::binaryLogLossClipsProbabilities()
{
    QFETCH(QList<float>, probabilities);
    QFETCH(QList<float>, labels);
    QFETCH(double, logLoss);
    COMPARE_NEAR(binaryMetrics(asSpan(probabilities), asSpan(labels)).logLoss, logLoss, 1e-9);
}

void TestMetrics::binaryMetricsAgreeWithRankingFunctions()
{
    const ScoredData data = randomScoredData(5000, 20, 0.3, 11);
    const BinaryMetrics m = binaryMetrics(asSpan(data.scores), asSpan(data.labels));
    QCOMPARE(m.rocAuc, rocAuc(asSpan(data.scores), asSpan(data.labels)));
    QCOMPARE(m.prAuc, averagePrecision(asSpan(data.scores), asSpan(data.labels)));
    // Guards against both being some constant.
    QVERIFY(m.rocAuc > 0.6 && m.rocAuc < 0.95);
    QVERIFY(m.prAuc > 0.35 && m.prAuc < 0.95);
}

void TestMetrics::multiClassMetrics_data()
{
    QTest::addColumn<QList<float>>("probabilities");
    QTest::addColumn<QList<float>>("labels");
    QTest::addColumn<int>("classes");
    QTest::addColumn<double>("accuracy");
    QTest::addColumn<double>("macroPrecision");
    QTest::addColumn<double>("macroRecall");
    QTest::addColumn<double>("macroF1");
    QTest::addColumn<double>("logLoss");
    QTest::addColumn<double>("brier");

    // Predictions 0, 2, 0 (a 0.4/0.4 tie goes to the lower index), 1, 0 for labels 0, 2, 1, 1, 2.
    // Class 0: P 1/3, R 1, F1 1/2; class 1: P 1, R 1/2, F1 2/3; class 2: P 1, R 1/2, F1 2/3.
    // Log loss -(ln 0.7 + ln 0.6 + ln 0.4 + ln 0.5 + ln 0.25) / 5; Brier (0.14 + 0.26 + 0.56 + 0.38 + 0.875)
    // / 5.
    const QList<float> labels{0, 2, 1, 1, 2};
    QTest::newRow("three classes, tie")
        << QList<float>{0.7f, 0.2f, 0.1f, 0.1f, 0.3f, 0.6f,  0.4f, 0.4f,
                        0.2f, 0.2f, 0.5f, 0.3f, 0.5f, 0.25f, 0.25f}
        << labels << 3 << 0.6 << 7.0 / 9.0 << 2.0 / 3.0 << 11.0 / 18.0 << 0.77264656825174283 << 0.443;
    // The same with a fourth class that is neither a label nor predicted: it must not
    // enter the macro averages, and its zero probabilities add nothing to Brier.
    QTest::newRow("absent class ignored")
        << QList<float>{0.7f, 0.2f, 0.1f, 0,    0.1f, 0.3f, 0.6f, 0,     0.4f,  0.4f,
                        0.2f, 0,    0.2f, 0.5f, 0.3f, 0,    0.5f, 0.25f, 0.25f, 0}
        << labels << 4 << 0.6 << 7.0 / 9.0 << 2.0 / 3.0 << 11.0 / 18.0 << 0.77264656825174283 << 0.443;
    // Class 1 is only predicted, class 0 only a label: both count, with 0 for their
    // undefined precision or recall (scikit-learn's zero_division=0), so each average is 1/3.
    QTest::newRow("class only predicted, class only labelled")
        << QList<float>{0.1f, 0.8f, 0.1f, 0.1f, 0.1f, 0.8f} << QList<float>{0, 2} << 3 << 0.5 << 1.0 / 3.0
        << 1.0 / 3.0 << 1.0 / 3.0 << 1.2628643221541276 << 0.76;
    // Probability 0 for the true class is clipped to 1e-7.
    QTest::newRow("certain and wrong") << QList<float>{1.0f, 0.0f} << QList<float>{1} << 2 << 0.0 << 0.0
                                       << 0.0 << 0.0 << 16.11809565095832 << 2.0;
    QTest::newRow("single class") << QList<float>{1.0f, 1.0f} << QList<float>{0, 0} << 1 << 1.0 << 1.0 << 1.0
                                  << 1.0 << 0.0 << 0.0;
}

void TestMetrics::multiClassMetrics()
{
    QFETCH(QList<float>, probabilities);
    QFETCH(QList<float>, labels);
    QFETCH(int, classes);
    QFETCH(double, accuracy);
    QFETCH(double, macroPrecision);
    QFETCH(double, macroRecall);
    QFETCH(double, macroF1);
    QFETCH(double, logLoss);
    QFETCH(double, brier);

    const MultiClassMetrics m = neurolift::multiClassMetrics(asSpan(probabilities), asSpan(labels), classes);
    COMPARE_NEAR(m.accuracy, accuracy, 1e-12);
    COMPARE_NEAR(m.macroPrecision, macroPrecision, 1e-12);
    COMPARE_NEAR(m.macroRecall, macroRecall, 1e-12);
    COMPARE_NEAR(m.macroF1, macroF1, 1e-12);
    // The inputs are floats, so these differ from the decimal values by float rounding.
    COMPARE_NEAR(m.logLoss, logLoss, 1e-6);
    COMPARE_NEAR(m.brier, brier, 1e-6);
}

void TestMetrics::regressionMetrics_data()
{
    QTest::addColumn<QList<float>>("predictions");
    QTest::addColumn<QList<float>>("targets");
    QTest::addColumn<double>("mse");
    QTest::addColumn<double>("rmse");
    QTest::addColumn<double>("mae");
    QTest::addColumn<double>("r2");

    // scikit-learn's r2_score example: 0.948...; swapping the arguments would give another value.
    QTest::newRow("scikit-learn example")
        << QList<float>{2.5f, 0.0f, 2.0f, 8.0f} << QList<float>{3.0f, -0.5f, 2.0f, 7.0f} << 0.375
        << 0.61237243569579447 << 0.5 << 0.94860813704496794;
    // SSres 8, SStot 2.
    QTest::newRow("worse than the mean") << QList<float>{3, 2, 1} << QList<float>{1, 2, 3} << 8.0 / 3.0
                                         << 1.6329931618554521 << 4.0 / 3.0 << -3.0;
    QTest::newRow("constant targets, exact")
        << QList<float>{2, 2, 2} << QList<float>{2, 2, 2} << 0.0 << 0.0 << 0.0 << 1.0;
    QTest::newRow("constant targets, not exact")
        << QList<float>{1, 3} << QList<float>{2, 2} << 1.0 << 1.0 << 1.0 << 0.0;
    // SSres 1, SStot 2 on values where float accumulation would lose the differences.
    QTest::newRow("far from zero") << QList<float>{1000001, 1000002, 1000004}
                                   << QList<float>{1000001, 1000002, 1000003} << 1.0 / 3.0
                                   << std::sqrt(1.0 / 3.0) << 1.0 / 3.0 << 0.5;
}

void TestMetrics::regressionMetrics()
{
    QFETCH(QList<float>, predictions);
    QFETCH(QList<float>, targets);
    QFETCH(double, mse);
    QFETCH(double, rmse);
    QFETCH(double, mae);
    QFETCH(double, r2);

    const RegressionMetrics m = neurolift::regressionMetrics(asSpan(predictions), asSpan(targets));
    COMPARE_NEAR(m.mse, mse, 1e-12);
    COMPARE_NEAR(m.rmse, rmse, 1e-12);
    COMPARE_NEAR(m.mae, mae, 1e-12);
    COMPARE_NEAR(m.r2, r2, 1e-12);
}

void TestMetrics::millionRowsAreExact()
{
    // Score = row index, label = index parity: each positive 2j+1 outranks the j+1
    // negatives 0, 2, ..., 2j, so AUC = (n/2)(n/2 + 1)/2 / (n/2)^2 = 1/2 + 1/n. P x N is
    // 2.5e11, beyond 32-bit counts; float sums would also miss the 1e-6.
    constexpr int rows = 1'000'000;
    std::vector<float> scores(rows);
    std::vector<float> labels(rows);
    std::vector<float> constant(rows, 0.1f);
    std::vector<float> zeros(rows, 0.0f);
    for (int i = 0; i < rows; ++i) {
        scores[static_cast<std::size_t>(i)] = static_cast<float>(i);
        labels[static_cast<std::size_t>(i)] = static_cast<float>(i % 2);
    }
    COMPARE_NEAR(rocAuc(asSpan(scores), asSpan(labels)), 0.5 + 1.0 / rows, 1e-12);

    // A million equal terms: summed in double the rounding stays near 1e-11 relative;
    // summed in float it would drift by orders of magnitude more than the 1e-9 allowed.
    const double p = 0.1f;
    const BinaryMetrics binary = binaryMetrics(asSpan(constant), asSpan(zeros));
    COMPARE_NEAR(binary.brier, p * p, 1e-9);
    COMPARE_NEAR(binary.logLoss, -std::log(1 - p), 1e-9);
    COMPARE_NEAR(binary.accuracy, 1.0, 0);
    const RegressionMetrics regression = neurolift::regressionMetrics(asSpan(constant), asSpan(zeros));
    COMPARE_NEAR(regression.mse, p * p, 1e-9);
    COMPARE_NEAR(regression.mae, p, 1e-9);
}

void TestMetrics::invalidInputThrows_data()
{
    QTest::addColumn<Call>("call");
    QTest::addColumn<QList<float>>("first");
    QTest::addColumn<QList<float>>("second");
    QTest::addColumn<int>("classes");
    QTest::addColumn<QString>("message");

    const QList<float> none;
    QTest::newRow("rocAuc, mismatched") << Call::RocAuc << QList<float>{0.1f, 0.2f} << QList<float>{0, 1, 0}
                                        << 0 << "rocAuc: 2 scores but 3 labels";
    QTest::newRow("rocAuc, empty") << Call::RocAuc << none << none << 0 << "rocAuc: there are no rows";
    QTest::newRow("rocAuc, NaN score") << Call::RocAuc << QList<float>{0.1f, std::nanf("")}
                                       << QList<float>{0, 1} << 0 << "rocAuc: the score at row 1 is NaN";
    QTest::newRow("averagePrecision, mismatched")
        << Call::AveragePrecision << QList<float>{0.1f} << QList<float>{0, 1} << 0
        << "averagePrecision: 1 scores but 2 labels";
    QTest::newRow("averagePrecision, empty")
        << Call::AveragePrecision << none << none << 0 << "averagePrecision: there are no rows";
    QTest::newRow("binary, mismatched")
        << Call::Binary << QList<float>{0.1f, 0.2f, 0.3f} << QList<float>{0, 1} << 0
        << "binaryMetrics: 3 probabilities but 2 labels";
    QTest::newRow("binary, empty") << Call::Binary << none << none << 0 << "binaryMetrics: there are no rows";
    QTest::newRow("multiclass, mismatched")
        << Call::MultiClass << QList<float>{0.2f, 0.3f, 0.5f, 0.1f, 0.9f} << QList<float>{0, 1} << 3
        << "multiClassMetrics: 5 probabilities for 2 labels and 3 classes";
    QTest::newRow("multiclass, empty")
        << Call::MultiClass << none << none << 3 << "multiClassMetrics: there are no rows";
    QTest::newRow("multiclass, no classes")
        << Call::MultiClass << none << none << 0 << "must be at least 1, not 0";
    QTest::newRow("multiclass, label too large")
        << Call::MultiClass << QList<float>{0.5f, 0.5f, 0.5f, 0.5f} << QList<float>{0, 2} << 2
        << "the label 2 at row 1 is not a class index from 0 to 1";
    QTest::newRow("multiclass, negative label")
        << Call::MultiClass << QList<float>{0.5f, 0.5f} << QList<float>{-1} << 2 << "the label -1 at row 0";
    QTest::newRow("multiclass, fractional label") << Call::MultiClass << QList<float>{0.5f, 0.5f}
                                                  << QList<float>{0.5f} << 2 << "the label 0.5 at row 0";
    QTest::newRow("multiclass, NaN label")
        << Call::MultiClass << QList<float>{0.5f, 0.5f} << QList<float>{std::nanf("")} << 2
        << "at row 0 is not a class index";
    QTest::newRow("regression, mismatched") << Call::Regression << QList<float>{1, 2} << QList<float>{1, 2, 3}
                                            << 0 << "regressionMetrics: 2 predictions but 3 targets";
    QTest::newRow("regression, empty")
        << Call::Regression << none << none << 0 << "regressionMetrics: there are no rows";
}

void TestMetrics::invalidInputThrows()
{
    QFETCH(Call, call);
    QFETCH(QList<float>, first);
    QFETCH(QList<float>, second);
    QFETCH(int, classes);
    QFETCH(QString, message);

    try {
        switch (call) {
        case Call::RocAuc:
            rocAuc(asSpan(first), asSpan(second));
            break;
        case Call::AveragePrecision:
            averagePrecision(asSpan(first), asSpan(second));
            break;
        case Call::Binary:
            binaryMetrics(asSpan(first), asSpan(second));
            break;
        case Call::MultiClass:
            neurolift::multiClassMetrics(asSpan(first), asSpan(second), classes);
            break;
        case Call::Regression:
            neurolift::regressionMetrics(asSpan(first), asSpan(second));
            break;
        }
    } catch (const std::invalid_argument& e) {
        const QString what = QString::fromUtf8(e.what());
        QVERIFY2(what.contains(message), qPrintable(QStringLiteral("message was: ") + what));
        return;
    }
    QFAIL("no std::invalid_argument thrown");
}

QTEST_APPLESS_MAIN(TestMetrics)

#include "tst_metrics.moc"

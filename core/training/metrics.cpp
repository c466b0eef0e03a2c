#include "training/metrics.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace neurolift {

namespace {

using ConstArrayMap = Eigen::Map<const Eigen::ArrayXf>;
using ConstRowMajorMap =
    Eigen::Map<const Eigen::Array<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>;

constexpr double kBinaryClip = 1e-7;
constexpr double kMultiClassClip = 1e-7;

ConstArrayMap asArray(std::span<const float> values)
{
    return ConstArrayMap(values.data(), static_cast<Eigen::Index>(values.size()));
}

// Default stream formatting prints 3 as "3" and 0.5 as "0.5", which reads better
// in a message than std::to_string's "3.000000".
std::string formatValue(float value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

[[noreturn]] void fail(const char* function, const std::string& what)
{
    throw std::invalid_argument(std::string(function) + ": " + what);
}

void requireOnePerRow(std::span<const float> values, std::span<const float> labels, const char* function,
                      const char* valuesName, const char* labelsName)
{
    if (values.size() != labels.size()) {
        fail(function, std::to_string(values.size()) + " " + valuesName + " but " +
                           std::to_string(labels.size()) + " " + labelsName +
                           "; there must be exactly one of each per row");
    }
    if (values.empty()) {
        fail(function, "there are no rows to evaluate");
    }
}

bool isPositive(float label)
{
    return label >= 0.5f;
}

/// One row reduced to what the ranking metrics need; 8 bytes so the sort stays cache-friendly.
struct ScoredRow {
    float score;
    bool positive;
};

/// Rows by descending score, so that each run of equal scores is one threshold of
/// the ROC and precision-recall curves. This is the only sort the ranking metrics do.
std::vector<ScoredRow> sortedByScore(std::span<const float> scores, std::span<const float> labels,
                                     const char* function)
{
    std::vector<ScoredRow> rows(scores.size());
    for (std::size_t i = 0; i < scores.size(); ++i) {
        // NaN breaks the strict weak ordering std::sort relies on (undefined behaviour).
        if (std::isnan(scores[i])) {
            fail(function, "the score at row " + std::to_string(i) + " is NaN");
        }
        rows[i] = {scores[i], isPositive(labels[i])};
    }
    std::sort(rows.begin(), rows.end(),
              [](const ScoredRow& a, const ScoredRow& b) { return a.score > b.score; });
    return rows;
}

struct RankingMetrics {
    double rocAuc = 0.5;
    double averagePrecision = 0;
};

/// ROC AUC and average precision from one sort and one pass over its tied groups.
RankingMetrics rankingMetrics(std::span<const float> scores, std::span<const float> labels,
                              const char* function)
{
    requireOnePerRow(scores, labels, function, "scores", "labels");
    const std::vector<ScoredRow> rows = sortedByScore(scores, labels, function);

    // Integer counts keep the Mann-Whitney sum exact: twiceU <= 2 * P * N, which fits
    // in 64 bits for any row count that fits in memory.
    std::int64_t positivesAbove = 0;
    std::int64_t negativesAbove = 0;
    std::int64_t twiceU = 0;
    double precisionSum = 0;
    for (std::size_t i = 0; i < rows.size();) {
        const float score = rows[i].score;
        std::int64_t groupPositives = 0;
        std::int64_t groupNegatives = 0;
        for (; i < rows.size() && rows[i].score == score; ++i) {
            ++(rows[i].positive ? groupPositives : groupNegatives);
        }
        // Each negative in the group loses to every positive above it and ties (one half)
        // with each positive in the group: the mid-rank form of the U statistic.
        twiceU += groupNegatives * (2 * positivesAbove + groupPositives);
        positivesAbove += groupPositives;
        negativesAbove += groupNegatives;
        // Average precision adds (recall step) x (precision at this threshold); the recall
        // step is groupPositives / P, so the division by P is done once at the end.
        if (groupPositives > 0) {
            precisionSum += static_cast<double>(groupPositives) * static_cast<double>(positivesAbove) /
                            static_cast<double>(positivesAbove + negativesAbove);
        }
    }

    const std::int64_t positives = positivesAbove;
    const std::int64_t negatives = negativesAbove;
    RankingMetrics result;
    if (positives > 0 && negatives > 0) {
        result.rocAuc = static_cast<double>(twiceU) /
                        (2.0 * static_cast<double>(positives) * static_cast<double>(negatives));
    }
    // No positives: recall is undefined; scikit-learn warns and returns 0, and so do we.
    if (positives > 0) {
        result.averagePrecision = precisionSum / static_cast<double>(positives);
    }
    return result;
}

} // namespace

double rocAuc(std::span<const float> scores, std::span<const float> labels)
{
    return rankingMetrics(scores, labels, "rocAuc").rocAuc;
}

double averagePrecision(std::span<const float> scores, std::span<const float> labels)
{
    return rankingMetrics(scores, labels, "averagePrecision").averagePrecision;
}

BinaryMetrics binaryMetrics(std::span<const float> probabilities, std::span<const float> labels,
                            double threshold)
{
    // Checked here too so that the message names probabilities, not scores.
    requireOnePerRow(probabilities, labels, "binaryMetrics", "probabilities", "labels");
    const RankingMetrics ranking = rankingMetrics(probabilities, labels, "binaryMetrics");

    const ConstArrayMap probabilityMap = asArray(probabilities);
    const ConstArrayMap labelMap = asArray(labels);
    const auto p = probabilityMap.cast<double>();
    const auto positive = labelMap >= 0.5f;
    const auto y = positive.cast<double>();
    const auto predicted = p >= threshold;

    const Eigen::Index rows = probabilityMap.size();
    const Eigen::Index truePositives = (predicted && positive).count();
    const Eigen::Index predictedPositives = predicted.count();
    const Eigen::Index actualPositives = positive.count();
    const Eigen::Index falsePositives = predictedPositives - truePositives;
    const Eigen::Index falseNegatives = actualPositives - truePositives;
    const Eigen::Index trueNegatives = rows - truePositives - falsePositives - falseNegatives;

    BinaryMetrics m;
    m.accuracy = static_cast<double>(truePositives + trueNegatives) / static_cast<double>(rows);
    if (predictedPositives > 0) {
        m.precision = static_cast<double>(truePositives) / static_cast<double>(predictedPositives);
    }
    if (actualPositives > 0) {
        m.recall = static_cast<double>(truePositives) / static_cast<double>(actualPositives);
    }
    // 2TP / (2TP + FP + FN) is the harmonic mean of precision and recall, and is
    // defined (as 0) when one of them is undefined but the other is not.
    const Eigen::Index f1Denominator = 2 * truePositives + falsePositives + falseNegatives;
    if (f1Denominator > 0) {
        m.f1 = static_cast<double>(2 * truePositives) / static_cast<double>(f1Denominator);
    }
    m.rocAuc = ranking.rocAuc;
    m.prAuc = ranking.averagePrecision;

    // Clipping keeps one confident mistake from making the mean infinite.
    const auto clipped = p.max(kBinaryClip).min(1.0 - kBinaryClip);
    m.logLoss = -positive.select(clipped.log(), (1.0 - clipped).log()).mean();
    m.brier = (p - y).square().mean();
    return m;
}

MultiClassMetrics multiClassMetrics(std::span<const float> probabilities, std::span<const float> labels,
                                    int classes)
{
    const char* const function = "multiClassMetrics";
    if (classes < 1) {
        fail(function, "the number of classes must be at least 1, not " + std::to_string(classes));
    }
    const auto k = static_cast<std::size_t>(classes);
    if (probabilities.size() != labels.size() * k) {
        fail(function, std::to_string(probabilities.size()) + " probabilities for " +
                           std::to_string(labels.size()) + " labels and " + std::to_string(classes) +
                           " classes; expected " + std::to_string(labels.size() * k) +
                           " (one per class per row)");
    }
    if (labels.empty()) {
        fail(function, "there are no rows to evaluate");
    }

    const auto n = static_cast<Eigen::Index>(labels.size());
    const ConstRowMajorMap p(probabilities.data(), n, classes);
    std::vector<std::int64_t> truePositives(k, 0);
    std::vector<std::int64_t> predictedCount(k, 0);
    std::vector<std::int64_t> actualCount(k, 0);
    double logLossSum = 0;
    double brierSum = 0;
    for (Eigen::Index row = 0; row < n; ++row) {
        const float label = labels[static_cast<std::size_t>(row)];
        // Written so that NaN fails too.
        if (!(label >= 0.0f && label < static_cast<float>(classes) && label == std::floor(label))) {
            fail(function, "the label " + formatValue(label) + " at row " + std::to_string(row) +
                               " is not a class index from 0 to " + std::to_string(classes - 1));
        }
        const auto actual = static_cast<Eigen::Index>(label);

        // Strict '>' keeps the lowest index on ties.
        Eigen::Index predicted = 0;
        for (Eigen::Index c = 1; c < classes; ++c) {
            if (p(row, c) > p(row, predicted)) {
                predicted = c;
            }
        }
        ++actualCount[static_cast<std::size_t>(actual)];
        ++predictedCount[static_cast<std::size_t>(predicted)];
        if (predicted == actual) {
            ++truePositives[static_cast<std::size_t>(actual)];
        }

        const double pActual = p(row, actual);
        logLossSum -= std::log(std::clamp(pActual, kMultiClassClip, 1.0));
        // Sum of p^2 over all classes, corrected for the one-hot 1 at the true class:
        // (p - 1)^2 - p^2 = 1 - 2p.
        brierSum += p.row(row).cast<double>().square().sum() + 1.0 - 2.0 * pActual;
    }

    MultiClassMetrics m;
    std::int64_t correct = 0;
    double precisionSum = 0;
    double recallSum = 0;
    double f1Sum = 0;
    int present = 0;
    for (std::size_t c = 0; c < k; ++c) {
        correct += truePositives[c];
        // Classes neither in the labels nor predicted would only dilute the average.
        if (actualCount[c] == 0 && predictedCount[c] == 0) {
            continue;
        }
        ++present;
        const auto tp = static_cast<double>(truePositives[c]);
        if (predictedCount[c] > 0) {
            precisionSum += tp / static_cast<double>(predictedCount[c]);
        }
        if (actualCount[c] > 0) {
            recallSum += tp / static_cast<double>(actualCount[c]);
        }
        f1Sum += 2.0 * tp / static_cast<double>(predictedCount[c] + actualCount[c]);
    }
    const auto rows = static_cast<double>(n);
    m.accuracy = static_cast<double>(correct) / rows;
    // present >= 1: every row has a label, so at least one class occurs.
    m.macroPrecision = precisionSum / static_cast<double>(present);
    m.macroRecall = recallSum / static_cast<double>(present);
    m.macroF1 = f1Sum / static_cast<double>(present);
    m.logLoss = logLossSum / rows;
    m.brier = brierSum / rows;
    return m;
}

RegressionMetrics regressionMetrics(std::span<const float> predictions, std::span<const float> targets)
{
    requireOnePerRow(predictions, targets, "regressionMetrics", "predictions", "targets");

    const ConstArrayMap predictionMap = asArray(predictions);
    const ConstArrayMap targetMap = asArray(targets);
    const auto prediction = predictionMap.cast<double>();
    const auto target = targetMap.cast<double>();
    const auto error = prediction - target;

    RegressionMetrics m;
    m.mse = error.square().mean();
    m.rmse = std::sqrt(m.mse);
    m.mae = error.abs().mean();

    const double residualSum = error.square().sum();
    if (targetMap.minCoeff() == targetMap.maxCoeff()) {
        // SStot is 0: as scikit-learn, 1 for a perfect fit and 0 otherwise, rather than
        // dividing by zero (or by rounding noise in the mean).
        m.r2 = residualSum == 0 ? 1.0 : 0.0;
    } else {
        // Two passes (mean, then deviations) rather than sum of squares minus squared
        // sum, which cancels badly for targets far from zero.
        const double meanTarget = target.mean();
        m.r2 = 1.0 - residualSum / (target - meanTarget).square().sum();
    }
    return m;
}

} // namespace neurolift

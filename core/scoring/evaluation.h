#pragma once

// Evaluation of a run on its test split: the statistician's views (ROC, PR,
// confusion, calibration) and the marketer's (deciles, lift, cumulative gains).

#include "training/metrics.h"

#include <cstdint>
#include <span>
#include <vector>

namespace neurolift {

/// One point of the ROC curve: customers with score >= threshold predicted positive.
struct RocPoint {
    double threshold = 0;
    double falsePositiveRate = 0;
    double truePositiveRate = 0;
};

/// One point of the precision-recall curve (score >= threshold predicted positive).
struct PrPoint {
    double threshold = 0;
    double recall = 0;
    double precision = 0;
};

/// Counts and rates at one threshold (score >= threshold is predicted positive; the threshold is
/// rounded to float like the scores, so a score shown as 0.7 counts at threshold 0.7).
struct ConfusionMatrix {
    double threshold = 0.5;
    long long truePositives = 0;
    long long falsePositives = 0;
    long long trueNegatives = 0;
    long long falseNegatives = 0;
    double precision = 0; ///< 0 when nobody is predicted positive.
    double recall = 0;    ///< 0 when there are no positives.
    double f1 = 0;
    double accuracy = 0;
};

/// One bin of the reliability curve: scores in [lower, upper) (the last bin includes 1).
struct CalibrationBin {
    double lower = 0;
    double upper = 0;
    long long count = 0;
    double meanScore = 0;    ///< 0 for an empty bin.
    double observedRate = 0; ///< Share of positives; 0 for an empty bin.
};

/// One row of the decile (or other quantile) table, group 1 holding the highest scores.
/// Groups follow ScoreRanking's rule: tied scores are never split across groups.
struct QuantileRow {
    int group = 0;
    long long customers = 0;
    long long positives = 0;
    double minScore = 0;
    double maxScore = 0;
    double responseRate = 0; ///< positives / customers (0 when empty).
    double lift = 0;         ///< responseRate / overall rate.
    long long cumulativeCustomers = 0;
    long long cumulativePositives = 0;
    double cumulativeGain = 0; ///< Share of all positives in groups 1..group.
    double cumulativeLift = 0; ///< Response rate of groups 1..group / overall rate.
};

/// One point of the cumulative-gains and lift charts, at a share of customers contacted
/// highest scores first. Inside a run of tied scores the model's curve is
/// interpolated linearly (the expected value over the orders of the tied customers).
struct GainsPoint {
    double contacted = 0; ///< Share of customers, 0..1.
    double model = 0;     ///< Share of positives reached by the model.
    double random = 0;    ///< By contacting at random: = contacted.
    double perfect = 0;   ///< By contacting the positives first.
    double lift = 0;      ///< Cumulative lift, model / contacted; at 0 % its limit (the top tie group's).
};

struct EvaluationOptions {
    double threshold = 0.5;   ///< For the confusion matrix.
    int groups = 10;          ///< Deciles; 5 for quintiles, 20 for ventiles.
    int calibrationBins = 10; ///< Equal-width bins over [0, 1].
    int gainsPoints = 100;    ///< The charts get gainsPoints + 1 points, 0 % to 100 %.
};

/// Everything the Segments page shows for a yes/no model on its test rows.
struct BinaryEvaluation {
    long long rows = 0;
    long long positives = 0;
    double baseRate = 0; ///< positives / rows.
    double auc = 0;      ///< Mann-Whitney: a tied positive/negative pair counts one half.
    double averagePrecision = 0;
    std::vector<RocPoint> roc; ///< From (0, 0) to (1, 1), one point per distinct score.
    std::vector<PrPoint> pr;   ///< One point per distinct score, highest first.
    ConfusionMatrix confusion;
    std::vector<CalibrationBin> calibration;
    std::vector<QuantileRow> deciles;
    std::vector<GainsPoint> gains;
};

/// Evaluates P(positive) `scores` against 0/1 `labels` (>= 0.5 is positive). Throws
/// std::invalid_argument on empty or mismatched spans, a NaN score, or options out of range.
BinaryEvaluation evaluateBinary(std::span<const float> scores, std::span<const float> labels,
                                const EvaluationOptions& options = {});

/// Counts at one threshold; cheap enough to call as a slider moves.
ConfusionMatrix confusionAt(std::span<const float> scores, std::span<const float> labels, double threshold);

/// The quantile table alone (`groups` groups). Throws as evaluateBinary.
std::vector<QuantileRow> quantileTable(std::span<const float> scores, std::span<const float> labels,
                                       int groups = 10);

/// A regression model on its test rows.
struct RegressionEvaluation {
    RegressionMetrics metrics; ///< RMSE, MAE, R².
    std::vector<float> predictions;
    std::vector<float> residuals; ///< target - prediction, row for row.
    double meanResidual = 0;      ///< Bias: > 0 means the model predicts too low on average.
};

/// Throws std::invalid_argument on empty or mismatched spans.
RegressionEvaluation evaluateRegression(std::span<const float> predictions, std::span<const float> targets);

} // namespace neurolift

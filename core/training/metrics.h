#pragma once

#include <cstdint>
#include <span>

namespace neurolift {

/// Quality of yes/no predictions. `probabilities` are P(positive) in [0, 1];
/// `labels` are 0 or 1. Precision, recall and F1 are those of the positive class
/// at the given threshold (0 when undefined, e.g. no predicted positives).
struct BinaryMetrics {
    double accuracy = 0;
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    double rocAuc = 0;  ///< Exact (Mann-Whitney with mid-ranks for ties); 0.5 when one class is absent.
    double prAuc = 0;   ///< Average precision as scikit-learn (tied scores: one step); 0 without positives.
    double logLoss = 0; ///< Mean negative log-likelihood, probabilities clipped to [1e-7, 1 - 1e-7].
    double brier = 0;   ///< Mean squared difference between probability and label.
};

/// Quality of predictions over K classes. `probabilities` holds K values per row,
/// row after row (row-major N x K, i.e. one column of a network's output per row);
/// `labels` are class indices 0..K-1. Precision, recall and F1 are macro averages
/// over the classes that occur in `labels` or in the predictions.
struct MultiClassMetrics {
    double accuracy = 0;
    double macroPrecision = 0;
    double macroRecall = 0;
    double macroF1 = 0;
    double logLoss = 0; ///< Probabilities clipped to [1e-7, 1].
    double brier = 0;   ///< Mean over rows of the sum over classes of (p - onehot)^2.
};

/// Quality of numeric predictions.
struct RegressionMetrics {
    double mse = 0;
    double rmse = 0;
    double mae = 0;
    double r2 = 0; ///< 1 - SSres/SStot (< 0 when worse than the mean); constant targets: 1 if exact, else 0.
};

/// Area under the ROC curve, exact: ties between a positive and a negative count one half.
/// Labels >= 0.5 are positive. Throws std::invalid_argument on empty or mismatched spans or a NaN score.
double rocAuc(std::span<const float> scores, std::span<const float> labels);
/// Average precision: sum over thresholds of (recall step) x precision, tied scores as one threshold;
/// 0 when there are no positives (scikit-learn warns and returns 0). Throws as rocAuc.
double averagePrecision(std::span<const float> scores, std::span<const float> labels);

/// All binary metrics; a row is predicted positive when its probability >= threshold. Throws as rocAuc.
BinaryMetrics binaryMetrics(std::span<const float> probabilities, std::span<const float> labels,
                            double threshold = 0.5);
/// All multi-class metrics; ties in a row predict the lowest class index. Throws std::invalid_argument
/// when probabilities.size() != labels.size() * classes, on no rows, or on a label that is not 0..classes-1.
MultiClassMetrics multiClassMetrics(std::span<const float> probabilities, std::span<const float> labels,
                                    int classes);
/// All regression metrics. Throws std::invalid_argument on empty or mismatched spans.
RegressionMetrics regressionMetrics(std::span<const float> predictions, std::span<const float> targets);

} // namespace neurolift

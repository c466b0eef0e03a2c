#pragma once

#include "explain/featuregroups.h"
#include "nn/network.h"

#include <string>
#include <vector>

namespace neurolift {

enum class AttributionMethod {
    /// Integrated gradients: the gradient averaged along the straight path from
    /// the baseline to the row (trapezoid rule), times (row - baseline). The
    /// attributions add up to score(row) - score(baseline) (completeness).
    IntegratedGradients,
    /// Gradient at the row times (row - baseline): one gradient, for teaching;
    /// exact only for a linear model, so it need not add up to the score difference.
    GradientTimesInput,
};

struct AttributionOptions {
    AttributionMethod method = AttributionMethod::IntegratedGradients;
    int steps = 32; ///< Integrated gradients: trapezoid intervals along the path (steps + 1 gradients).
    /// Integrated gradients: a row whose attributions miss score - baseline score by more than this is
    /// recomputed with four times the steps, up to `maxSteps`.
    double tolerance = 0.005;
    int maxSteps = 512;
    Index output = 0; ///< The output explained: the class for multi-class models, else 0.
    int threads = 0;  ///< 0: all cores.
};

/// Attributions explain the model's *output*: the probability for classifiers
/// (of the positive class, or of class `output`), the predicted value for regression.
struct AttributionResult {
    Matrix values;               ///< Inputs x rows: each input's part of score - baseline score.
    Vector scores;               ///< The explained output of each row.
    double baselineScore = 0.0;  ///< The explained output at the baseline.
    Vector completenessError;    ///< |sum of a row's attributions - (score - baseline score)|.
    double maxCompletenessError = 0.0;
    long long refinedRows = 0;   ///< Integrated gradients: rows recomputed with more steps.
    bool cancelled = false;
    std::vector<std::string> warnings;
};

/// The baseline of "an average customer": the mean of each prepared input over
/// the training rows `xTrain` (inputs x rows).
Vector meanBaseline(const ConstMatrixRef& xTrain);

/// Attributions of the rows `x` (inputs x rows) against `baseline` (one value per
/// input: meanBaseline(), or a chosen reference row). Deterministic; the same
/// for any thread count. Throws std::invalid_argument when shapes do not fit.
AttributionResult attribute(const Network& network, const ConstMatrixRef& x, const Vector& baseline,
                            const AttributionOptions& options = {}, const ExplainProgress& progress = {});

} // namespace neurolift

#pragma once

#include "nn/architecture.h"
#include "nn/tensor.h"

#include <optional>
#include <string_view>
#include <vector>

namespace neurolift {

enum class LossKind {
    BinaryCrossEntropy, ///< Sigmoid + BCE from one logit; targets 0/1.
    CrossEntropy,       ///< Softmax + CE from K logits; targets are class indices.
    MeanSquaredError,   ///< Mean over all outputs of (prediction - target)^2.
    Huber,              ///< 0.5 e^2 for |e| <= delta, else delta (|e| - delta/2); mean over all outputs.
};

std::string_view lossKindId(LossKind k);
std::optional<LossKind> lossKindFromId(std::string_view id);
/// The loss a task trains with by default.
LossKind defaultLoss(TaskKind task);
/// Whether `loss` fits `task` (e.g. cross-entropy does not fit a regression).
bool lossFitsTask(LossKind loss, TaskKind task);

struct LossSpec {
    LossKind kind = LossKind::BinaryCrossEntropy;
    float huberDelta = 1.0f;
    /// Optional weight per class (index = class; for BCE {negative, positive}).
    /// The loss is then the weighted mean sum(w_i l_i) / sum(w_i), as PyTorch's CrossEntropyLoss.
    std::vector<float> classWeights;

    bool operator==(const LossSpec&) const = default;
};

/// Class weights inversely proportional to class frequency ("balanced"):
/// w_k = n / (K * n_k), and 1 for a class that does not occur.
std::vector<float> balancedClassWeights(const std::vector<long long>& classCounts);

/// Mean loss of a batch, computed from the logits in a numerically stable way
/// (log-sum-exp). Targets: 1 x N of 0/1 (BCE), 1 x N of class indices (CE), or
/// outputs x N values (MSE, Huber). When `gradLogits` is given, it receives dLoss/dLogits.
/// Sums are accumulated in double so a large batch does not lose precision.
double computeLoss(const LossSpec& spec, const Matrix& logits, const ConstMatrixRef& targets,
                   Matrix* gradLogits = nullptr);

/// The denominator of computeLoss's mean for these targets: the sum of the rows'
/// class weights (the row count without weights), or the number of values for
/// regression. Lets the losses of a batch's parts be combined exactly:
/// L = sum(n_i L_i) / sum(n_i), and likewise for the gradients.
double lossNormalizer(const LossSpec& spec, const ConstMatrixRef& targets);

} // namespace neurolift

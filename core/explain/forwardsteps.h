#pragma once

// One input's way through a network, layer by layer, with every intermediate
// number: what a trainer shows when computing a visitor's score by hand
// ("0.8 × 1 + (−0.3) × 0 + 0.1 = 0.9, tanh(0.9) = 0.72, …").

#include "explain/weights.h"

#include <string>
#include <vector>

namespace neurolift {

/// What one layer did to one input.
struct LayerStep {
    std::string layer;                   ///< "dense_1"
    LayerKind kind = LayerKind::Dense;
    Activation activation = Activation::Linear;
    std::vector<float> input;            ///< What came in.
    std::vector<std::vector<float>> weights; ///< Dense: [unit][input].
    std::vector<float> bias;             ///< Dense: per unit.
    std::vector<float> sum;              ///< Dense: weights · input + bias per unit; otherwise the input.
    std::vector<float> output;           ///< activation(sum): what goes on.
};

/// `input` (one value per feature, as the network sees it) through the layers of
/// `layers` (inspectWeights()), in inference mode: Dropout passes its input on.
/// The last step's output is the network's prediction (the output link applied).
/// Throws std::invalid_argument when the input's size does not match the first
/// layer, or for a batch-norm layer, which this view does not spell out.
std::vector<LayerStep> forwardSteps(const std::vector<LayerWeights>& layers, const std::vector<float>& input);

} // namespace neurolift

#pragma once

#include "nn/network.h"

#include <string>
#include <vector>

namespace neurolift {

/// One layer's tensors with names for what flows in and out, for heat maps
/// and the drawn network: a Dense layer's weight is outputs x inputs, row i
/// belonging to outputNames[i] and column j to inputNames[j].
struct LayerWeights {
    std::string layer; ///< "dense_1"
    LayerKind kind = LayerKind::Dense;
    Activation activation = Activation::Linear; ///< Dense and Activation layers (the output layer's link).
    std::vector<std::string> inputNames;        ///< The first layer's are the recipe's feature names.
    std::vector<std::string> outputNames;       ///< "dense_1 unit 3"; size-keeping layers pass their inputs'.
    NamedTensors tensors;                       ///< The layer's parameters and states by full name.
};

/// Every layer of `network`, input to output, with `featureNames` (Recipe::featureNames())
/// carried through as the first layer's inputs. Throws std::invalid_argument when the count of
/// names differs from the network's inputs.
std::vector<LayerWeights> inspectWeights(const Network& network, const std::vector<std::string>& featureNames);

} // namespace neurolift

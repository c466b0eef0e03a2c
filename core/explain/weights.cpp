#include "explain/weights.h"

#include <stdexcept>

namespace neurolift {

std::vector<LayerWeights> inspectWeights(const Network& network, const std::vector<std::string>& featureNames)
{
    if (static_cast<int>(featureNames.size()) != network.inputSize()) {
        throw std::invalid_argument("weights: " + std::to_string(featureNames.size()) +
                                    " feature names for a network of " + std::to_string(network.inputSize()) +
                                    " inputs");
    }
    const NamedTensors all = network.weights();
    std::vector<LayerWeights> out;
    std::vector<std::string> names = featureNames;
    for (std::size_t i = 0; i < network.layerCount(); ++i) {
        const Layer& l = network.layer(i);
        LayerWeights w;
        w.layer = l.name();
        w.kind = l.kind();
        if (const auto* dense = dynamic_cast<const DenseLayer*>(&l)) {
            w.activation = i + 1 == network.layerCount() ? network.outputLink() : dense->activation();
        } else if (const auto* act = dynamic_cast<const ActivationLayer*>(&l)) {
            w.activation = act->activation();
        }
        w.inputNames = names;
        if (l.kind() == LayerKind::Dense) {
            names.clear();
            for (int u = 0; u < l.outputSize(); ++u) {
                names.push_back(l.name() + " unit " + std::to_string(u + 1));
            }
        }
        w.outputNames = names;
        const std::string prefix = l.name() + ".";
        for (const auto& [name, value] : all) {
            if (name.starts_with(prefix)) {
                w.tensors.emplace_back(name, value);
            }
        }
        out.push_back(std::move(w));
    }
    return out;
}

} // namespace neurolift

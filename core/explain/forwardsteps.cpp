#include "explain/forwardsteps.h"

#include "nn/activation.h"

#include <stdexcept>

namespace neurolift {

namespace {

/// The tensor of `layer` whose name ends in `suffix` (".weight", ".bias").
const Matrix& tensor(const LayerWeights& layer, const std::string& suffix)
{
    for (const auto& [name, value] : layer.tensors) {
        if (name.ends_with(suffix)) {
            return value;
        }
    }
    throw std::invalid_argument("forward steps: layer " + layer.layer + " has no " + suffix.substr(1));
}

std::vector<float> activate(Activation a, const std::vector<float>& sum)
{
    Matrix in(static_cast<Index>(sum.size()), 1);
    for (std::size_t i = 0; i < sum.size(); ++i) {
        in(static_cast<Index>(i), 0) = sum[i];
    }
    Matrix out;
    applyActivation(a, in, out);
    return {out.data(), out.data() + out.size()};
}

} // namespace

std::vector<LayerStep> forwardSteps(const std::vector<LayerWeights>& layers, const std::vector<float>& input)
{
    std::vector<LayerStep> steps;
    std::vector<float> current = input;
    for (const LayerWeights& layer : layers) {
        LayerStep step;
        step.layer = layer.layer;
        step.kind = layer.kind;
        step.activation = layer.activation;
        step.input = current;
        switch (layer.kind) {
        case LayerKind::Dense: {
            const Matrix& w = tensor(layer, ".weight");
            const Matrix& b = tensor(layer, ".bias");
            if (w.cols() != static_cast<Index>(current.size())) {
                throw std::invalid_argument("forward steps: layer " + layer.layer + " takes " +
                                            std::to_string(w.cols()) + " inputs, not " +
                                            std::to_string(current.size()));
            }
            step.weights.resize(static_cast<std::size_t>(w.rows()));
            for (Index u = 0; u < w.rows(); ++u) {
                auto& row = step.weights[static_cast<std::size_t>(u)];
                row.resize(current.size());
                // Summed in double, so the shown products add up to the shown sum.
                double sum = b(u, 0);
                for (Index i = 0; i < w.cols(); ++i) {
                    row[static_cast<std::size_t>(i)] = w(u, i);
                    sum += static_cast<double>(w(u, i)) * current[static_cast<std::size_t>(i)];
                }
                step.bias.push_back(b(u, 0));
                step.sum.push_back(static_cast<float>(sum));
            }
            step.output = activate(layer.activation, step.sum);
            break;
        }
        case LayerKind::Activation:
            step.sum = current;
            step.output = activate(layer.activation, current);
            break;
        case LayerKind::Dropout:
            step.sum = current;
            step.output = current;
            break;
        case LayerKind::BatchNorm:
            throw std::invalid_argument("forward steps: batch-norm layer " + layer.layer +
                                        " is not shown step by step");
        }
        current = step.output;
        steps.push_back(std::move(step));
    }
    return steps;
}

} // namespace neurolift

#pragma once

#include "nn/architecture.h"
#include "nn/layers.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace neurolift {

/// Named tensors of a model (parameters and states) in a stable order, for
/// snapshots, saving and inspection.
using NamedTensors = std::vector<std::pair<std::string, Matrix>>;

/// A feed-forward network built from an Architecture. The last layer's
/// activation is the output link (sigmoid, softmax or linear): forward() stops
/// before it and returns logits, which the losses take for numerical stability;
/// predict() applies it and returns probabilities or values.
class Network {
public:
    /// Per-batch buffers of a forward/backward pass. One per thread; the network itself holds none.
    struct Workspace {
        std::vector<Matrix> outputs;
        std::vector<LayerBuffers> buffers;
        Matrix gradA;
        Matrix gradB;
    };

    /// Builds `architecture` for `inputs` features with weights drawn from `seed`.
    /// Throws std::invalid_argument if the architecture has no layers or does not end in a Dense layer.
    Network(const Architecture& architecture, int inputs, std::uint64_t seed);
    Network(const Network& other);
    Network& operator=(const Network& other);
    Network(Network&&) noexcept = default;
    Network& operator=(Network&&) noexcept = default;
    ~Network();

    const Architecture& architecture() const { return m_architecture; }
    int inputSize() const { return m_inputs; }
    int outputSize() const;
    Activation outputLink() const { return m_link; }
    std::size_t layerCount() const { return m_layers.size(); }
    const Layer& layer(std::size_t i) const { return *m_layers[i]; }
    Layer& layer(std::size_t i) { return *m_layers[i]; }

    /// Trainable tensors of all layers, input to output.
    std::vector<Parameter*> parameters();
    /// Number of trainable values.
    long long parameterCount() const;

    /// Every parameter and state tensor by name ("dense_1.weight", "batch_norm_1.running_mean", ...).
    NamedTensors weights() const;
    /// Replaces weights by name. Throws std::invalid_argument naming the tensor on a missing name or wrong
    /// shape.
    void setWeights(const NamedTensors& weights);

    /// Forward pass over a batch (features x samples). Returns the logits
    /// (outputs x samples), which live in `workspace`.
    const Matrix& forward(const ConstMatrixRef& input, Workspace& workspace, Mode mode, Rng& rng);
    /// Backward pass after forward(): sets every parameter's gradient from
    /// dLoss/dLogits, which it overwrites. `input` must be the one given to forward().
    void backward(const ConstMatrixRef& input, Workspace& workspace, Matrix& gradLogits);
    /// Scores a batch: outputs with the link applied (probabilities for classifiers).
    /// Read-only, so several threads may predict at once, each with its own workspace.
    void predict(const ConstMatrixRef& input, Matrix& output, Workspace& workspace) const;
    /// Logits for a batch in scoring mode (no link).
    void predictLogits(const ConstMatrixRef& input, Matrix& output, Workspace& workspace) const;
    /// Gradient of output `output` (0-based; with the link applied when `throughLink`, else the logit)
    /// with respect to the inputs, per sample, in scoring mode: `gradient` is inputs x samples. The
    /// outputs themselves (as differentiated) go to `values` (1 x samples) when it is not null.
    /// Read-only, so several threads may call it at once, each with its own workspace.
    void inputGradient(const ConstMatrixRef& input, Index output, bool throughLink, Matrix& gradient,
                       Workspace& workspace, Matrix* values = nullptr) const;

private:
    Architecture m_architecture;
    int m_inputs = 0;
    Activation m_link = Activation::Linear;
    std::vector<std::unique_ptr<Layer>> m_layers;
};

} // namespace neurolift

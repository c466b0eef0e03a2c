#pragma once

#include "nn/architecture.h"
#include "nn/random.h"
#include "nn/tensor.h"

#include <memory>
#include <string>
#include <vector>

namespace neurolift {

/// Per-batch scratch of one layer (activations it must remember for the
/// backward pass). It lives in a Network::Workspace, never in the layer, so the
/// layer's parameters can be shared by several workspaces (e.g. scoring threads).
struct LayerBuffers {
    Matrix pre;    ///< Dense: pre-activation when the activation needs it; BatchNorm: normalised input.
    Matrix mask;   ///< Dropout: the scaled keep-mask.
    Vector invStd; ///< BatchNorm: 1 / sqrt(batch variance + eps).
};

/// A layer of a feed-forward network: a function from a batch (features x
/// samples) to a batch, with named parameters and a backward pass.
class Layer {
public:
    Layer(std::string name, int inputs, int outputs);
    virtual ~Layer() = default;
    Layer(const Layer&) = default;
    Layer& operator=(const Layer&) = delete;

    virtual LayerKind kind() const = 0;
    const std::string& name() const { return m_name; }
    int inputSize() const { return m_inputs; }
    int outputSize() const { return m_outputs; }

    /// Trainable tensors, in a stable order.
    virtual std::vector<Parameter*> parameters() { return {}; }
    /// Non-trainable state that belongs to the model (batch-norm running statistics).
    virtual std::vector<Parameter*> states() { return {}; }

    /// Computes `out` from `in`. In Train mode it records what backward() needs in
    /// `buffers` and may update state (batch-norm running statistics) and draw from `rng`.
    virtual void forward(const ConstMatrixRef& in, Matrix& out, LayerBuffers& buffers, Mode mode,
                         Rng& rng) = 0;
    /// Computes `out` from `in` for scoring; never changes the layer, so it may run on several threads.
    virtual void infer(const ConstMatrixRef& in, Matrix& out) const = 0;
    /// Given dLoss/dOut in `gradOut` (which it may overwrite), sets the parameters'
    /// gradients and, unless `gradIn` is null, dLoss/dIn. Needs the forward's `in` and `out`.
    virtual void backward(const ConstMatrixRef& in, const Matrix& out, Matrix& gradOut, Matrix* gradIn,
                          LayerBuffers& buffers) = 0;

    /// infer(), also keeping in `buffers` what inputBackward() needs. Never changes the layer.
    virtual void inferKeeping(const ConstMatrixRef& in, Matrix& out, LayerBuffers& buffers) const;
    /// dOut/dIn of the scoring function (dropout off, batch norm on running statistics): `gradIn` from
    /// `gradOut`, after inferKeeping(). Touches no parameter gradient, so several threads may run it.
    virtual void inputBackward(const ConstMatrixRef& in, const Matrix& out, const Matrix& gradOut,
                               Matrix& gradIn, const LayerBuffers& buffers) const = 0;

    virtual std::unique_ptr<Layer> clone() const = 0;

private:
    std::string m_name;
    int m_inputs;
    int m_outputs;
};

/// y = f(W x + b). Weights are "<name>.weight" (outputs x inputs) and "<name>.bias".
class DenseLayer final : public Layer {
public:
    DenseLayer(std::string name, int inputs, int units, Activation activation, WeightInit init, Rng& rng);

    LayerKind kind() const override { return LayerKind::Dense; }
    Activation activation() const { return m_activation; }
    const Parameter& weight() const { return m_weight; }
    const Parameter& bias() const { return m_bias; }

    std::vector<Parameter*> parameters() override { return {&m_weight, &m_bias}; }
    void forward(const ConstMatrixRef& in, Matrix& out, LayerBuffers& buffers, Mode mode, Rng& rng) override;
    void infer(const ConstMatrixRef& in, Matrix& out) const override;
    void backward(const ConstMatrixRef& in, const Matrix& out, Matrix& gradOut, Matrix* gradIn,
                  LayerBuffers& buffers) override;
    void inputBackward(const ConstMatrixRef& in, const Matrix& out, const Matrix& gradOut, Matrix& gradIn,
                       const LayerBuffers& buffers) const override;
    void inferKeeping(const ConstMatrixRef& in, Matrix& out, LayerBuffers& buffers) const override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<DenseLayer>(*this); }

private:
    /// out = f(W in + b); keeps the pre-activation in `buffers` when the backward pass needs it.
    void affineActivation(const ConstMatrixRef& in, Matrix& out, LayerBuffers* buffers) const;

    Activation m_activation;
    Parameter m_weight;
    Parameter m_bias;
};

/// y = f(x) element-wise (column-wise for softmax).
class ActivationLayer final : public Layer {
public:
    ActivationLayer(std::string name, int size, Activation activation);

    LayerKind kind() const override { return LayerKind::Activation; }
    Activation activation() const { return m_activation; }
    void forward(const ConstMatrixRef& in, Matrix& out, LayerBuffers& buffers, Mode mode, Rng& rng) override;
    void infer(const ConstMatrixRef& in, Matrix& out) const override;
    void backward(const ConstMatrixRef& in, const Matrix& out, Matrix& gradOut, Matrix* gradIn,
                  LayerBuffers& buffers) override;
    void inputBackward(const ConstMatrixRef& in, const Matrix& out, const Matrix& gradOut, Matrix& gradIn,
                       const LayerBuffers& buffers) const override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<ActivationLayer>(*this); }

private:
    Activation m_activation;
};

/// Inverted dropout: in training each value is zeroed with probability `rate`
/// and the survivors scaled by 1/(1-rate); in scoring it passes values through.
class DropoutLayer final : public Layer {
public:
    DropoutLayer(std::string name, int size, float rate);

    LayerKind kind() const override { return LayerKind::Dropout; }
    float rate() const { return m_rate; }
    void forward(const ConstMatrixRef& in, Matrix& out, LayerBuffers& buffers, Mode mode, Rng& rng) override;
    void infer(const ConstMatrixRef& in, Matrix& out) const override;
    void backward(const ConstMatrixRef& in, const Matrix& out, Matrix& gradOut, Matrix* gradIn,
                  LayerBuffers& buffers) override;
    void inputBackward(const ConstMatrixRef& in, const Matrix& out, const Matrix& gradOut, Matrix& gradIn,
                       const LayerBuffers& buffers) const override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<DropoutLayer>(*this); }

private:
    float m_rate;
};

/// Batch normalisation over the samples of a batch, per feature (PyTorch's
/// BatchNorm1d): batch statistics in training, running statistics in scoring.
/// Parameters "<name>.weight" (scale) and "<name>.bias" (shift); states
/// "<name>.running_mean" and "<name>.running_var" (unbiased, as PyTorch).
class BatchNormLayer final : public Layer {
public:
    BatchNormLayer(std::string name, int size, float momentum, float epsilon);

    LayerKind kind() const override { return LayerKind::BatchNorm; }
    std::vector<Parameter*> parameters() override { return {&m_scale, &m_shift}; }
    std::vector<Parameter*> states() override { return {&m_runningMean, &m_runningVar}; }
    void forward(const ConstMatrixRef& in, Matrix& out, LayerBuffers& buffers, Mode mode, Rng& rng) override;
    void infer(const ConstMatrixRef& in, Matrix& out) const override;
    void backward(const ConstMatrixRef& in, const Matrix& out, Matrix& gradOut, Matrix* gradIn,
                  LayerBuffers& buffers) override;
    void inputBackward(const ConstMatrixRef& in, const Matrix& out, const Matrix& gradOut, Matrix& gradIn,
                       const LayerBuffers& buffers) const override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<BatchNormLayer>(*this); }

private:
    float m_momentum;
    float m_epsilon;
    Parameter m_scale;
    Parameter m_shift;
    Parameter m_runningMean;
    Parameter m_runningVar;
};

/// Builds the layer described by `spec` for `inputs` features, drawing its initial weights from `rng`.
std::unique_ptr<Layer> makeLayer(const LayerSpec& spec, const std::string& name, int inputs, Rng& rng);

} // namespace neurolift

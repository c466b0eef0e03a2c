#include "nn/layers.h"

#include "nn/matmul.h"

#include <cmath>
#include <stdexcept>

namespace neurolift {

Layer::Layer(std::string name, int inputs, int outputs)
    : m_name(std::move(name))
    , m_inputs(inputs)
    , m_outputs(outputs)
{
}

void Layer::inferKeeping(const ConstMatrixRef& in, Matrix& out, LayerBuffers&) const
{
    infer(in, out);
}

// ---------------------------------------------------------------- Dense

DenseLayer::DenseLayer(std::string name, int inputs, int units, Activation activation, WeightInit init,
                       Rng& rng)
    : Layer(name, inputs, units)
    , m_activation(activation)
    , m_weight{name + ".weight", Matrix(units, inputs), Matrix::Zero(units, inputs)}
    , m_bias{name + ".bias", Matrix::Zero(units, 1), Matrix::Zero(units, 1)}
{
    const float fanIn = static_cast<float>(inputs);
    const float fanOut = static_cast<float>(units);
    switch (init) {
    case WeightInit::He: {
        const float sd = std::sqrt(2.0f / fanIn);
        m_weight.value = m_weight.value.unaryExpr([&](float) { return sd * rng.normal(); });
        break;
    }
    case WeightInit::Xavier: {
        const float a = std::sqrt(6.0f / (fanIn + fanOut));
        m_weight.value = m_weight.value.unaryExpr([&](float) { return rng.uniform(-a, a); });
        break;
    }
    case WeightInit::TorchLinear: {
        const float a = 1.0f / std::sqrt(fanIn);
        m_weight.value = m_weight.value.unaryExpr([&](float) { return rng.uniform(-a, a); });
        m_bias.value = m_bias.value.unaryExpr([&](float) { return rng.uniform(-a, a); });
        break;
    }
    }
}

void DenseLayer::affineActivation(const ConstMatrixRef& in, Matrix& out, LayerBuffers* buffers) const
{
    if (m_weight.value.rows() == 1) {
        // A single output (a yes/no score) is a matrix-vector product; the
        // general matrix product would pack and block for nothing.
        out.resize(1, in.cols());
        out.row(0).noalias() = m_weight.value.row(0) * in;
        out.array() += m_bias.value(0, 0);
    } else if (m_activation == Activation::ReLU) {
        denseForward(m_weight.value, m_bias.value, in, out, true); // ReLU applied in registers
        return;
    } else {
        denseForward(m_weight.value, m_bias.value, in, out, false);
    }
    if (buffers && activationNeedsInput(m_activation)) {
        buffers->pre = out;
    }
    applyActivationInPlace(m_activation, out);
}

void DenseLayer::forward(const ConstMatrixRef& in, Matrix& out, LayerBuffers& buffers, Mode, Rng&)
{
    affineActivation(in, out, &buffers);
}

void DenseLayer::infer(const ConstMatrixRef& in, Matrix& out) const
{
    affineActivation(in, out, nullptr);
}

void DenseLayer::backward(const ConstMatrixRef& in, const Matrix& out, Matrix& gradOut, Matrix* gradIn,
                          LayerBuffers& buffers)
{
    if (m_activation != Activation::Linear) {
        activationBackward(m_activation, buffers.pre, out, gradOut, gradOut);
    }
    m_bias.grad = gradOut.rowwise().sum();
    if (gradOut.rows() == 1) {
        // Single output: a matrix-vector product and an outer product.
        m_weight.grad.resize(1, in.rows());
        m_weight.grad.row(0).noalias() = gradOut.row(0) * in.transpose();
        if (gradIn) {
            gradIn->resize(inputSize(), gradOut.cols());
            gradIn->noalias() = m_weight.value.row(0).transpose() * gradOut.row(0);
        }
        return;
    }
    matmul(m_weight.grad, gradOut, Op::Plain, in, Op::Transposed);
    if (gradIn) {
        matmul(*gradIn, m_weight.value, Op::Transposed, gradOut, Op::Plain);
    }
}

void DenseLayer::inferKeeping(const ConstMatrixRef& in, Matrix& out, LayerBuffers& buffers) const
{
    affineActivation(in, out, &buffers);
}

void DenseLayer::inputBackward(const ConstMatrixRef&, const Matrix& out, const Matrix& gradOut, Matrix& gradIn,
                               const LayerBuffers& buffers) const
{
    if (m_activation == Activation::Linear) {
        gradIn.noalias() = m_weight.value.transpose() * gradOut;
        return;
    }
    Matrix g;
    activationBackward(m_activation, buffers.pre, out, gradOut, g);
    gradIn.noalias() = m_weight.value.transpose() * g;
}

// ---------------------------------------------------------------- Activation

ActivationLayer::ActivationLayer(std::string name, int size, Activation activation)
    : Layer(std::move(name), size, size)
    , m_activation(activation)
{
}

void ActivationLayer::forward(const ConstMatrixRef& in, Matrix& out, LayerBuffers&, Mode, Rng&)
{
    infer(in, out);
}

void ActivationLayer::infer(const ConstMatrixRef& in, Matrix& out) const
{
    out = in;
    applyActivationInPlace(m_activation, out);
}

void ActivationLayer::backward(const ConstMatrixRef& in, const Matrix& out, Matrix& gradOut, Matrix* gradIn,
                               LayerBuffers&)
{
    if (!gradIn) {
        return;
    }
    activationBackward(m_activation, in, out, gradOut, *gradIn);
}

void ActivationLayer::inputBackward(const ConstMatrixRef& in, const Matrix& out, const Matrix& gradOut,
                                    Matrix& gradIn, const LayerBuffers&) const
{
    activationBackward(m_activation, in, out, gradOut, gradIn);
}

// ---------------------------------------------------------------- Dropout

DropoutLayer::DropoutLayer(std::string name, int size, float rate)
    : Layer(std::move(name), size, size)
    , m_rate(rate)
{
}

void DropoutLayer::forward(const ConstMatrixRef& in, Matrix& out, LayerBuffers& buffers, Mode mode, Rng& rng)
{
    if (mode == Mode::Eval || m_rate <= 0.0f) {
        buffers.mask.resize(0, 0);
        out = in;
        return;
    }
    const float keepScale = 1.0f / (1.0f - m_rate);
    buffers.mask.resize(in.rows(), in.cols());
    float* m = buffers.mask.data();
    for (Index i = 0, n = buffers.mask.size(); i < n; ++i) {
        m[i] = rng.uniform() >= m_rate ? keepScale : 0.0f;
    }
    out = in.cwiseProduct(buffers.mask);
}

void DropoutLayer::infer(const ConstMatrixRef& in, Matrix& out) const
{
    out = in;
}

void DropoutLayer::backward(const ConstMatrixRef&, const Matrix&, Matrix& gradOut, Matrix* gradIn,
                            LayerBuffers& buffers)
{
    if (!gradIn) {
        return;
    }
    if (buffers.mask.size() == 0) {
        *gradIn = gradOut;
    } else {
        *gradIn = gradOut.cwiseProduct(buffers.mask);
    }
}

void DropoutLayer::inputBackward(const ConstMatrixRef&, const Matrix&, const Matrix& gradOut, Matrix& gradIn,
                                 const LayerBuffers&) const
{
    gradIn = gradOut; // scoring mode passes values through
}

// ---------------------------------------------------------------- BatchNorm

BatchNormLayer::BatchNormLayer(std::string name, int size, float momentum, float epsilon)
    : Layer(name, size, size)
    , m_momentum(momentum)
    , m_epsilon(epsilon)
    , m_scale{name + ".weight", Matrix::Ones(size, 1), Matrix::Zero(size, 1)}
    , m_shift{name + ".bias", Matrix::Zero(size, 1), Matrix::Zero(size, 1)}
    , m_runningMean{name + ".running_mean", Matrix::Zero(size, 1), Matrix()}
    , m_runningVar{name + ".running_var", Matrix::Ones(size, 1), Matrix()}
{
}

void BatchNormLayer::forward(const ConstMatrixRef& in, Matrix& out, LayerBuffers& buffers, Mode mode, Rng&)
{
    if (mode == Mode::Eval) {
        infer(in, out);
        return;
    }
    const Index n = in.cols();
    const Vector mean = in.rowwise().mean();
    Matrix& xhat = buffers.pre;
    xhat = in.colwise() - mean;
    const Vector var = xhat.array().square().rowwise().sum().matrix() / static_cast<float>(n);
    buffers.invStd = (var.array() + m_epsilon).rsqrt();
    xhat.array().colwise() *= buffers.invStd.array();
    out = (xhat.array().colwise() * m_scale.value.col(0).array()).colwise() + m_shift.value.col(0).array();

    // Running variance is unbiased, as in PyTorch; a batch of one leaves it as it was.
    const float unbias = n > 1 ? static_cast<float>(n) / static_cast<float>(n - 1) : 0.0f;
    m_runningMean.value = (1.0f - m_momentum) * m_runningMean.value + m_momentum * mean;
    if (n > 1) {
        m_runningVar.value = (1.0f - m_momentum) * m_runningVar.value + (m_momentum * unbias) * var;
    }
}

void BatchNormLayer::infer(const ConstMatrixRef& in, Matrix& out) const
{
    const Vector scale =
        m_scale.value.col(0).array() * (m_runningVar.value.col(0).array() + m_epsilon).rsqrt();
    const Vector shift = m_shift.value.col(0).array() - m_runningMean.value.col(0).array() * scale.array();
    out = (in.array().colwise() * scale.array()).colwise() + shift.array();
}

void BatchNormLayer::backward(const ConstMatrixRef&, const Matrix&, Matrix& gradOut, Matrix* gradIn,
                              LayerBuffers& buffers)
{
    const Matrix& xhat = buffers.pre;
    const float n = static_cast<float>(gradOut.cols());
    const Vector sumG = gradOut.rowwise().sum();
    const Vector sumGX = (gradOut.array() * xhat.array()).rowwise().sum();
    m_scale.grad = sumGX;
    m_shift.grad = sumG;
    if (!gradIn) {
        return;
    }
    // dx = gamma * invStd / n * (n * g - sum(g) - xhat * sum(g * xhat)), per feature.
    const Vector k = m_scale.value.col(0).array() * buffers.invStd.array() / n;
    gradIn->resize(gradOut.rows(), gradOut.cols());
    gradIn->array() =
        ((gradOut.array() * n).colwise() - sumG.array() - xhat.array().colwise() * sumGX.array()).colwise() *
        k.array();
}

void BatchNormLayer::inputBackward(const ConstMatrixRef&, const Matrix&, const Matrix& gradOut, Matrix& gradIn,
                                   const LayerBuffers&) const
{
    // Scoring uses the running statistics: a fixed per-feature scale.
    const Vector scale =
        m_scale.value.col(0).array() * (m_runningVar.value.col(0).array() + m_epsilon).rsqrt();
    gradIn = gradOut.array().colwise() * scale.array();
}

// ---------------------------------------------------------------- factory

std::unique_ptr<Layer> makeLayer(const LayerSpec& spec, const std::string& name, int inputs, Rng& rng)
{
    switch (spec.kind) {
    case LayerKind::Dense:
        return std::make_unique<DenseLayer>(name, inputs, spec.units, spec.activation, spec.init, rng);
    case LayerKind::Activation:
        return std::make_unique<ActivationLayer>(name, inputs, spec.activation);
    case LayerKind::Dropout:
        return std::make_unique<DropoutLayer>(name, inputs, spec.rate);
    case LayerKind::BatchNorm:
        return std::make_unique<BatchNormLayer>(name, inputs, spec.momentum, spec.epsilon);
    }
    throw std::invalid_argument("unknown layer kind");
}

} // namespace neurolift

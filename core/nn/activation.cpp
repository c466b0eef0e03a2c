#include "nn/activation.h"

#include "nn/enumnames.h"

#include <array>
#include <cmath>

namespace neurolift {

namespace {

constexpr std::array kActivations{
    EnumName<Activation>{Activation::Linear, "linear", "Linear"},
    EnumName<Activation>{Activation::ReLU, "relu", "ReLU"},
    EnumName<Activation>{Activation::LeakyReLU, "leaky_relu", "Leaky ReLU"},
    EnumName<Activation>{Activation::ELU, "elu", "ELU"},
    EnumName<Activation>{Activation::GELU, "gelu", "GELU"},
    EnumName<Activation>{Activation::Tanh, "tanh", "tanh"},
    EnumName<Activation>{Activation::Sigmoid, "sigmoid", "Sigmoid"},
    EnumName<Activation>{Activation::Softmax, "softmax", "Softmax"},
};

constexpr float kInvSqrt2 = 0.70710678118654752f;
constexpr float kInvSqrt2Pi = 0.39894228040143268f;

float sigmoid(float x)
{
    // Two branches keep exp() from overflowing for large |x|.
    if (x >= 0.0f) {
        return 1.0f / (1.0f + std::exp(-x));
    }
    const float e = std::exp(x);
    return e / (1.0f + e);
}

void softmaxColumns(Matrix& m)
{
    for (Index c = 0; c < m.cols(); ++c) {
        auto col = m.col(c);
        const float mx = col.maxCoeff();
        col = (col.array() - mx).exp();
        col /= col.sum();
    }
}

} // namespace

std::string_view activationId(Activation a)
{
    return enumEntry(kActivations, a).id;
}
std::string_view activationDisplayName(Activation a)
{
    return enumEntry(kActivations, a).display;
}

std::optional<Activation> activationFromId(std::string_view id)
{
    return enumFromId(kActivations, id);
}

bool activationNeedsInput(Activation a)
{
    return a == Activation::GELU;
}

void applyActivationInPlace(Activation a, Matrix& m)
{
    auto x = m.array();
    switch (a) {
    case Activation::Linear:
        break;
    case Activation::ReLU:
        x = x.cwiseMax(0.0f);
        break;
    case Activation::LeakyReLU:
        x = (x > 0.0f).select(x, x * kLeakySlope);
        break;
    case Activation::ELU:
        x = (x > 0.0f).select(x, kEluAlpha * (x.exp() - 1.0f));
        break;
    case Activation::GELU:
        x = x.unaryExpr([](float v) { return 0.5f * v * (1.0f + std::erf(v * kInvSqrt2)); });
        break;
    case Activation::Tanh:
        x = x.tanh();
        break;
    case Activation::Sigmoid:
        x = x.unaryExpr([](float v) { return sigmoid(v); });
        break;
    case Activation::Softmax:
        softmaxColumns(m);
        break;
    }
}

void applyActivation(Activation a, const Matrix& in, Matrix& out)
{
    if (&in != &out) {
        out = in;
    }
    applyActivationInPlace(a, out);
}

void activationBackward(Activation a, const ConstMatrixRef& in, const Matrix& out, const Matrix& gradOut,
                        Matrix& grad)
{
    grad.resize(gradOut.rows(), gradOut.cols());
    auto g = grad.array();
    const auto go = gradOut.array();
    const auto y = out.array();
    switch (a) {
    case Activation::Linear:
        if (&grad != &gradOut) {
            grad = gradOut;
        }
        break;
    case Activation::ReLU:
        g = (y > 0.0f).select(go, 0.0f);
        break;
    case Activation::LeakyReLU:
        // The output has the sign of the input, so it tells which branch was taken.
        g = (y > 0.0f).select(go, go * kLeakySlope);
        break;
    case Activation::ELU:
        g = (y > 0.0f).select(go, go * (y + kEluAlpha));
        break;
    case Activation::GELU:
        g = go * in.array().unaryExpr([](float v) {
            const float cdf = 0.5f * (1.0f + std::erf(v * kInvSqrt2));
            const float pdf = kInvSqrt2Pi * std::exp(-0.5f * v * v);
            return cdf + v * pdf;
        });
        break;
    case Activation::Tanh:
        g = go * (1.0f - y.square());
        break;
    case Activation::Sigmoid:
        g = go * y * (1.0f - y);
        break;
    case Activation::Softmax: {
        // Jacobian-vector product per column: y * (g - <g, y>).
        const RowVector dots = (gradOut.array() * out.array()).colwise().sum();
        g = y * (go.rowwise() - dots.array());
        break;
    }
    }
}

} // namespace neurolift

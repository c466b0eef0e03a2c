#pragma once

#include "nn/tensor.h"

#include <optional>
#include <string_view>

namespace neurolift {

enum class Activation { Linear, ReLU, LeakyReLU, ELU, GELU, Tanh, Sigmoid, Softmax };

/// Stable identifier used in JSON and project files ("relu", "leaky_relu", ...).
std::string_view activationId(Activation a);
std::optional<Activation> activationFromId(std::string_view id);
/// Name shown to users ("ReLU", "Leaky ReLU", ...).
std::string_view activationDisplayName(Activation a);

/// Slope of LeakyReLU for negative inputs, and alpha of ELU (PyTorch defaults).
inline constexpr float kLeakySlope = 0.01f;
inline constexpr float kEluAlpha = 1.0f;

/// Whether the backward pass needs the pre-activation values (otherwise the
/// output suffices and the pre-activation need not be kept).
bool activationNeedsInput(Activation a);

/// out = f(in), column-wise for softmax. `out` may alias `in` in place.
void applyActivation(Activation a, const Matrix& in, Matrix& out);
void applyActivationInPlace(Activation a, Matrix& inOut);

/// grad = dL/d(in) from dL/d(out), given the forward's input and output.
/// `in` is only read when activationNeedsInput(a). `grad` may alias `gradOut`.
void activationBackward(Activation a, const ConstMatrixRef& in, const Matrix& out, const Matrix& gradOut,
                        Matrix& grad);

} // namespace neurolift

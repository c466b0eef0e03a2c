#pragma once

#include "nn/tensor.h"

#include <optional>
#include <string_view>
#include <vector>

namespace neurolift {

enum class OptimizerKind { SGD, Adam, AdamW, RMSprop };

std::string_view optimizerKindId(OptimizerKind k);
std::optional<OptimizerKind> optimizerKindFromId(std::string_view id);

/// Settings of an optimiser. The update rules are PyTorch's (torch.optim), so
/// results can be compared with it; fields that do not apply to the kind are ignored.
struct OptimizerSpec {
    OptimizerKind kind = OptimizerKind::Adam;
    float learningRate = 1e-3f;
    float momentum = 0.9f;    ///< SGD and RMSprop (0 turns it off).
    bool nesterov = false;    ///< SGD.
    float beta1 = 0.9f;       ///< Adam, AdamW.
    float beta2 = 0.999f;     ///< Adam, AdamW.
    float epsilon = 1e-8f;    ///< Adam, AdamW, RMSprop.
    float rho = 0.99f;        ///< RMSprop's smoothing constant (PyTorch's alpha).
    float weightDecay = 0.0f; ///< L2 penalty added to the gradient; decoupled (p *= 1 - lr wd) for AdamW.
    float clipNorm =
        0.0f; ///< Rescale all gradients together when their global L2 norm exceeds this (0: off).

    bool operator==(const OptimizerSpec&) const = default;
};

/// Updates parameters from their gradients. Keeps per-parameter state
/// (momentum, moment estimates) aligned with the parameter list it was given.
class Optimizer {
public:
    Optimizer(const OptimizerSpec& spec, std::vector<Parameter*> parameters);

    const OptimizerSpec& spec() const { return m_spec; }
    long long steps() const { return m_steps; }

    /// One update with learning rate `learningRate`. Returns the global gradient
    /// norm before clipping (useful for spotting exploding gradients).
    float step(float learningRate);

    /// Optimiser state (moment estimates), so that a paused run resumes exactly.
    struct State {
        long long steps = 0;
        std::vector<Matrix> first;
        std::vector<Matrix> second;
    };
    const State& state() const { return m_state; }

private:
    OptimizerSpec m_spec;
    std::vector<Parameter*> m_parameters;
    State m_state;
    long long m_steps = 0;
};

/// Global L2 norm of the gradients of `parameters`.
float gradientNorm(const std::vector<Parameter*>& parameters);

} // namespace neurolift

#include "nn/optimizer.h"

#include "nn/enumnames.h"

#include <array>
#include <cmath>

namespace neurolift {

namespace {

constexpr std::array kOptimizers{
    EnumName<OptimizerKind>{OptimizerKind::SGD, "sgd", "SGD"},
    EnumName<OptimizerKind>{OptimizerKind::Adam, "adam", "Adam"},
    EnumName<OptimizerKind>{OptimizerKind::AdamW, "adamw", "AdamW"},
    EnumName<OptimizerKind>{OptimizerKind::RMSprop, "rmsprop", "RMSprop"},
};

/// Tensor size from which the update is shared out over the calling thread's OpenMP threads.
constexpr Index kParallelElements = 65536;

} // namespace

std::string_view optimizerKindId(OptimizerKind k)
{
    return enumEntry(kOptimizers, k).id;
}

std::optional<OptimizerKind> optimizerKindFromId(std::string_view id)
{
    return enumFromId(kOptimizers, id);
}

float gradientNorm(const std::vector<Parameter*>& parameters)
{
    double sq = 0.0;
    for (const Parameter* p : parameters) {
        sq += static_cast<double>(p->grad.squaredNorm());
    }
    return static_cast<float>(std::sqrt(sq));
}

Optimizer::Optimizer(const OptimizerSpec& spec, std::vector<Parameter*> parameters)
    : m_spec(spec)
    , m_parameters(std::move(parameters))
{
    for (const Parameter* p : m_parameters) {
        m_state.first.push_back(Matrix::Zero(p->value.rows(), p->value.cols()));
        m_state.second.push_back(Matrix::Zero(p->value.rows(), p->value.cols()));
    }
}

float Optimizer::step(float lr)
{
    ++m_steps;
    m_state.steps = m_steps;
    const float norm = gradientNorm(m_parameters);
    float gradScale = 1.0f;
    if (m_spec.clipNorm > 0.0f && norm > m_spec.clipNorm) {
        gradScale = m_spec.clipNorm / (norm + 1e-6f);
    }
    const float wd = m_spec.weightDecay;
    // Bias corrections in double, as PyTorch computes them in Python floats.
    const auto steps = static_cast<double>(m_steps);
    const auto bc1 = static_cast<float>(1.0 - std::pow(static_cast<double>(m_spec.beta1), steps));
    const auto bc2 = static_cast<float>(1.0 - std::pow(static_cast<double>(m_spec.beta2), steps));

    for (std::size_t i = 0; i < m_parameters.size(); ++i) {
        auto p = m_parameters[i]->value.array();
        auto m = m_state.first[i].array();
        auto v = m_state.second[i].array();
        // The effective gradient, with clipping and (except for AdamW) the L2 term.
        const auto g = m_parameters[i]->grad.array() * gradScale;
        switch (m_spec.kind) {
        case OptimizerKind::SGD: {
            const float mu = m_spec.momentum;
            if (mu == 0.0f) {
                p -= lr * (g + wd * p);
                break;
            }
            // PyTorch: the buffer starts as the first gradient, then buf = mu buf + g.
            if (m_steps == 1) {
                m = g + wd * p;
            } else {
                m = mu * m + (g + wd * p);
            }
            if (m_spec.nesterov) {
                p -= lr * ((g + wd * p) + mu * m);
            } else {
                p -= lr * m;
            }
            break;
        }
        case OptimizerKind::Adam:
        case OptimizerKind::AdamW: {
            // One pass over the parameter, its gradient and both moments (the
            // expression form took three), since large layers make Adam memory-bound.
            const float b1 = m_spec.beta1;
            const float b2 = m_spec.beta2;
            const float decay = m_spec.kind == OptimizerKind::AdamW ? 1.0f - lr * wd : 1.0f;
            const float l2 = m_spec.kind == OptimizerKind::AdamW ? 0.0f : wd;
            const float stepSize = lr / bc1;
            const float invSqrtBc2 = 1.0f / std::sqrt(bc2);
            const float eps = m_spec.epsilon;
            float* __restrict pd = m_parameters[i]->value.data();
            const float* __restrict gd = m_parameters[i]->grad.data();
            float* __restrict md = m_state.first[i].data();
            float* __restrict vd = m_state.second[i].data();
            const Index n = m_parameters[i]->value.size();
            // Element-wise, so splitting a large tensor over threads changes no result.
#pragma omp parallel for schedule(static) if (n >= kParallelElements)
            for (Index j = 0; j < n; ++j) {
                const float gj = gd[j] * gradScale + l2 * pd[j];
                const float mj = b1 * md[j] + (1.0f - b1) * gj;
                const float vj = b2 * vd[j] + (1.0f - b2) * gj * gj;
                md[j] = mj;
                vd[j] = vj;
                pd[j] = pd[j] * decay - stepSize * mj / (std::sqrt(vj) * invSqrtBc2 + eps);
            }
            break;
        }
        case OptimizerKind::RMSprop: {
            const float rho = m_spec.rho;
            v = rho * v + (1.0f - rho) * (g + wd * p).square();
            if (m_spec.momentum > 0.0f) {
                m = m_spec.momentum * m + (g + wd * p) / (v.sqrt() + m_spec.epsilon);
                p -= lr * m;
            } else {
                p -= lr * (g + wd * p) / (v.sqrt() + m_spec.epsilon);
            }
            break;
        }
        }
    }
    return norm;
}

} // namespace neurolift

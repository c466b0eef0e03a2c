#pragma once

// Central finite-difference checks for the engine's float32 gradients.
//
// The objective is L = sum(R .* f(x)) with fixed random weights R, summed in
// double, so every output contributes. With float32 arithmetic and a step of
// 1e-2 (inputs of order 1), truncation and rounding errors are each about
// 1e-4 relative; the checks therefore compare whole gradient vectors with
// ||analytic - numeric|| / max(||analytic||, ||numeric||, 1e-6) <= kGradTolerance.

#include "nn/tensor.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace neurolift::test {

inline constexpr float kGradStep = 1e-2f;
inline constexpr double kGradTolerance = 5e-3;
/// Step for functions with a kink (ReLU behind a Dense layer): rounding error grows
/// to about 1e-3 relative, still well inside the tolerance.
inline constexpr float kKinkStep = 1e-3f;

/// Relative error between two gradients of the same shape.
inline double relativeError(const Matrix& analytic, const Matrix& numeric)
{
    const double diff = (analytic - numeric).cast<double>().norm();
    const double scale = std::max({analytic.cast<double>().norm(), numeric.cast<double>().norm(), 1e-6});
    return diff / scale;
}

/// Numeric gradient of `objective` with respect to every entry of `x`.
inline Matrix numericGradient(Matrix& x, const std::function<double()>& objective, float step = kGradStep)
{
    Matrix g(x.rows(), x.cols());
    for (Index i = 0; i < x.size(); ++i) {
        const float saved = x.data()[i];
        x.data()[i] = saved + step;
        const double plus = objective();
        x.data()[i] = saved - step;
        const double minus = objective();
        x.data()[i] = saved;
        g.data()[i] = static_cast<float>((plus - minus) / (2.0 * static_cast<double>(step)));
    }
    return g;
}

/// sum(R .* y) in double.
inline double weightedSum(const Matrix& y, const Matrix& r)
{
    return (y.cast<double>().array() * r.cast<double>().array()).sum();
}

/// Moves values away from the kink of ReLU-like functions at 0, where a
/// finite difference straddling the kink is meaningless.
inline void keepAwayFromZero(Matrix& x, float margin = 0.05f)
{
    x = x.unaryExpr(
        [margin](float v) { return std::abs(v) < margin ? (v < 0 ? v - margin : v + margin) : v; });
}

} // namespace neurolift::test

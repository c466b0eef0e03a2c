#pragma once

#include "nn/tensor.h"

namespace neurolift {

/// Whether a product uses an operand as it is or transposed.
enum class Op { Plain, Transposed };

/// out = op(a) * op(b). Large products go to OpenBLAS when the build has it
/// (its kernels beat Eigen's on big, GEMM-bound layers); small ones stay in
/// Eigen on the calling thread, where a library call and a thread fork would
/// cost more than the arithmetic. `out` must not alias `a` or `b`. With
/// `accumulate`, out += op(a) * op(b) (out must already have the right shape).
void matmul(Matrix& out, const ConstMatrixRef& a, Op opA, const ConstMatrixRef& b, Op opB,
            bool accumulate = false);

/// out = w * x + bias (per row), then max(0, .) when `relu`: a dense layer's
/// forward pass. Small layers (the common case for tabular data) run in a
/// register-tiled kernel that streams the samples past weights held in L1 and
/// adds the bias and ReLU while the results are still in registers; large ones
/// use matmul().
void denseForward(const Matrix& w, const Matrix& bias, const ConstMatrixRef& x, Matrix& out, bool relu);

/// Name of the matrix-product backend in use ("eigen" or "eigen+openblas").
const char* matmulBackend();

} // namespace neurolift

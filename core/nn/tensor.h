#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <string>

namespace neurolift {

// The engine's numeric types. A batch is a column-major matrix with one
// column per sample (features x samples), so that a row-major N x F table in a
// file maps onto it without a copy, and every sample's values are contiguous.
using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor>;
using Vector = Eigen::Matrix<float, Eigen::Dynamic, 1>;
using RowVector = Eigen::Matrix<float, 1, Eigen::Dynamic>;
using Index = Eigen::Index;

using MatrixMap = Eigen::Map<Matrix>;
using ConstMatrixMap = Eigen::Map<const Matrix>;
/// Read-only view of any contiguous column-major float matrix (a Matrix, a Map of
/// file data, a block of whole columns) without copying it.
using ConstMatrixRef = Eigen::Ref<const Matrix>;

/// A trainable tensor with its name (e.g. "dense_1.weight") and its gradient.
struct Parameter {
    std::string name;
    Matrix value;
    Matrix grad;
};

/// Whether layers behave as in training (dropout active, batch statistics) or in scoring.
enum class Mode { Train, Eval };

} // namespace neurolift

#pragma once

#include "nn/tensor.h"

namespace neurolift {

/// Runs the calling thread's Eigen products on `threads` OpenMP threads (0: all
/// cores) for the guard's lifetime, then restores the previous count. Eigen
/// takes its thread count from the calling thread's OpenMP setting as long as
/// nobody calls Eigen::setNbThreads, which the engine therefore never does: so
/// one training thread's setting does not leak into another thread.
class ThreadCountScope {
public:
    explicit ThreadCountScope(int threads);
    ~ThreadCountScope();
    ThreadCountScope(const ThreadCountScope&) = delete;
    ThreadCountScope& operator=(const ThreadCountScope&) = delete;

private:
    int m_previous;
};

/// Whether an m x k by k x n product is large enough for a second thread (and a
/// BLAS call) to pay for the fork and join: about 50 us of work on one core.
bool isLargeProduct(Index m, Index n, Index k);

/// Keeps a matrix product of m x k by k x n on the calling thread when it is too
/// small for a second thread to pay for the fork and join (W1's layers are;
/// with two threads Eigen would otherwise split every one of them).
class SmallProductScope {
public:
    SmallProductScope(Index m, Index n, Index k);
    ~SmallProductScope();
    SmallProductScope(const SmallProductScope&) = delete;
    SmallProductScope& operator=(const SmallProductScope&) = delete;

private:
    int m_previous = 0;
    bool m_changed = false;
};

} // namespace neurolift

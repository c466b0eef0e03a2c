#pragma once

#include "nn/network.h"

#include <vector>

namespace neurolift {

/// Scores many rows with a trained network: the rows are cut into blocks small
/// enough that every layer's activations stay in the CPU cache, and the blocks
/// are shared out over threads, each with its own workspace.
class BatchScorer {
public:
    /// `threads` 0 means all cores. The network must outlive the scorer.
    explicit BatchScorer(const Network& network, int threads = 1, Index blockRows = 1024);

    /// output (outputs x rows) = network outputs with the link applied for input (features x rows).
    void score(const ConstMatrixRef& input, Eigen::Ref<Matrix> output);

    int threads() const { return m_threads; }

private:
    const Network& m_network;
    int m_threads;
    Index m_blockRows;
    std::vector<Network::Workspace> m_workspaces;
    std::vector<Matrix> m_blockOutputs;
};

} // namespace neurolift

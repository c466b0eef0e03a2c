#include "nn/batchscorer.h"

#include <omp.h>

#include <algorithm>
#include <stdexcept>

namespace neurolift {

BatchScorer::BatchScorer(const Network& network, int threads, Index blockRows)
    : m_network(network)
    , m_threads(threads > 0 ? threads : omp_get_num_procs())
    , m_blockRows(std::max<Index>(blockRows, 1))
    , m_workspaces(static_cast<std::size_t>(m_threads))
    , m_blockOutputs(static_cast<std::size_t>(m_threads))
{
}

void BatchScorer::score(const ConstMatrixRef& input, Eigen::Ref<Matrix> output)
{
    if (input.rows() != m_network.inputSize() || output.cols() != input.cols() ||
        output.rows() != m_network.outputSize()) {
        throw std::invalid_argument("scoring: the input has " + std::to_string(input.rows()) +
                                    " features, the network expects " +
                                    std::to_string(m_network.inputSize()));
    }
    const Index blocks = (input.cols() + m_blockRows - 1) / m_blockRows;
    const int threads = static_cast<int>(std::min<Index>(m_threads, blocks));
    // Blocks are independent; each thread writes only its own columns of the output.
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
    for (Index b = 0; b < blocks; ++b) {
        const auto t = static_cast<std::size_t>(omp_get_thread_num());
        const Index begin = b * m_blockRows;
        const Index n = std::min(m_blockRows, input.cols() - begin);
        m_network.predict(input.middleCols(begin, n), m_blockOutputs[t], m_workspaces[t]);
        output.middleCols(begin, n) = m_blockOutputs[t];
    }
}

} // namespace neurolift

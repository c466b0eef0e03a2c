#include "nn/threading.h"

#include <omp.h>

namespace neurolift {

bool isLargeProduct(Index m, Index n, Index k)
{
    constexpr double kLargeProductWork = 4.0 * 1024 * 1024; // multiply-adds
    return static_cast<double>(m) * static_cast<double>(n) * static_cast<double>(k) >= kLargeProductWork;
}

ThreadCountScope::ThreadCountScope(int threads)
    : m_previous(omp_get_max_threads())
{
    omp_set_num_threads(threads > 0 ? threads : omp_get_num_procs());
}

ThreadCountScope::~ThreadCountScope()
{
    omp_set_num_threads(m_previous);
}

SmallProductScope::SmallProductScope(Index m, Index n, Index k)
{
    if (!isLargeProduct(m, n, k)) {
        m_previous = omp_get_max_threads();
        if (m_previous > 1) {
            omp_set_num_threads(1);
            m_changed = true;
        }
    }
}

SmallProductScope::~SmallProductScope()
{
    if (m_changed) {
        omp_set_num_threads(m_previous);
    }
}

} // namespace neurolift

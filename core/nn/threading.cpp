#include "nn/threading.h"

#include <omp.h>

namespace neurolift {

namespace {

/// Multiply-adds below which a product stays on one thread: about 50 us of work on one core.
constexpr double kParallelProductWork = 4.0 * 1024 * 1024;

} // namespace

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
    const double work = static_cast<double>(m) * static_cast<double>(n) * static_cast<double>(k);
    if (work < kParallelProductWork) {
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

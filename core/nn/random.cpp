#include "nn/random.h"

#include <cmath>
#include <numeric>

namespace neurolift {

float Rng::normal()
{
    // 1 - u keeps the logarithm's argument in (0, 1].
    const double u1 = 1.0 - uniformDouble();
    const double u2 = uniformDouble();
    return static_cast<float>(std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2));
}

std::uint64_t Rng::below(std::uint64_t n)
{
    const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % n);
    std::uint64_t x = m_engine();
    while (x >= limit) {
        x = m_engine();
    }
    return x % n;
}

std::vector<std::int64_t> Rng::permutation(std::int64_t n)
{
    std::vector<std::int64_t> p(static_cast<std::size_t>(n));
    std::iota(p.begin(), p.end(), std::int64_t{0});
    shuffle(std::span<std::int64_t>(p));
    return p;
}

} // namespace neurolift

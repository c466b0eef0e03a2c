#pragma once

#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace neurolift {

/// Seeded random numbers whose sequence is the same on every platform: the
/// standard distributions are implementation-defined, so they are not used.
class Rng {
public:
    explicit Rng(std::uint64_t seed = 0)
        : m_engine(seed)
    {
    }

    std::uint64_t next() { return m_engine(); }
    /// Uniform in [0, 1) with 24 random bits (every float in the range is reachable).
    float uniform() { return static_cast<float>(m_engine() >> 40) * 0x1.0p-24f; }
    float uniform(float lo, float hi) { return lo + (hi - lo) * uniform(); }
    double uniformDouble() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    /// Standard normal (Box-Muller, one value per call).
    float normal();
    /// Uniform integer in [0, n), without modulo bias.
    std::uint64_t below(std::uint64_t n);
    /// Fisher-Yates shuffle.
    template <typename T>
    void shuffle(std::span<T> values)
    {
        for (std::size_t i = values.size(); i > 1; --i) {
            std::swap(values[i - 1], values[below(i)]);
        }
    }
    /// A fresh permutation of 0..n-1.
    std::vector<std::int64_t> permutation(std::int64_t n);

private:
    std::mt19937_64 m_engine;
};

} // namespace neurolift

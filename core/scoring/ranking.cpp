#include "scoring/ranking.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

namespace neurolift {

ScoreRanking::ScoreRanking(std::span<const float> scores)
    : m_sorted(scores.begin(), scores.end())
{
    if (std::any_of(m_sorted.begin(), m_sorted.end(), [](float s) { return std::isnan(s); })) {
        throw std::invalid_argument("cannot rank scores: a score is not a number");
    }
    std::sort(m_sorted.begin(), m_sorted.end(), std::greater<>());
}

std::size_t ScoreRanking::rank(float score) const
{
    // First position whose score is not strictly higher.
    const auto it = std::lower_bound(m_sorted.begin(), m_sorted.end(), score, std::greater<>());
    return static_cast<std::size_t>(it - m_sorted.begin()) + 1;
}

int ScoreRanking::group(float score, int groups) const
{
    if (m_sorted.empty() || groups < 1) {
        return 1;
    }
    const auto above = static_cast<long double>(rank(score) - 1);
    const auto g = static_cast<int>(above * groups / static_cast<long double>(m_sorted.size()));
    return std::min(g, groups - 1) + 1;
}

} // namespace neurolift

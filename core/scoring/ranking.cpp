#include "scoring/ranking.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
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
    return groupOfRank(rank(score), groups);
}

int ScoreRanking::groupOfRank(std::size_t rank, int groups) const
{
    if (m_sorted.empty() || groups < 1) {
        return 1;
    }
    const auto above = static_cast<long double>(rank - 1);
    const auto g = static_cast<int>(above * groups / static_cast<long double>(m_sorted.size()));
    return std::min(g, groups - 1) + 1;
}

std::vector<std::uint32_t> ScoreRanking::ranksOf(std::span<const float> scores) const
{
    if (m_sorted.size() >= 0xFFFFFFFFu || scores.size() >= 0xFFFFFFFFu) {
        throw std::invalid_argument("cannot rank more than 4,294,967,294 scores");
    }
    std::vector<std::uint32_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return scores[a] > scores[b]; });
    // Walk both lists highest first: the rank of a score is 1 + the reference scores above it.
    std::vector<std::uint32_t> ranks(scores.size());
    std::size_t above = 0;
    for (const std::uint32_t i : order) {
        while (above < m_sorted.size() && m_sorted[above] > scores[i]) {
            ++above;
        }
        ranks[i] = static_cast<std::uint32_t>(above + 1);
    }
    return ranks;
}

} // namespace neurolift

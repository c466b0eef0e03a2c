#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace neurolift {

/// Where scores stand among a set of scores, for ranks, deciles and quantile
/// segments. The rule for ties (documented once, used everywhere): a score's
/// rank is 1 + the number of scores strictly higher ("competition" ranking,
/// 1, 2, 2, 4), and its group among `groups` equal shares is
/// 1 + floor(groups x (rank - 1) / count). So customers with the same score
/// always share a rank and a decile, whatever their row order, and a group
/// may be larger than count / groups (or empty) when many scores tie.
/// Memory: one float per score (a sorted copy).
class ScoreRanking {
public:
    ScoreRanking() = default;
    /// Throws std::invalid_argument on a NaN score.
    explicit ScoreRanking(std::span<const float> scores);

    std::size_t count() const { return m_sorted.size(); }
    /// 1 + the number of scores strictly higher than `score` (any value, not only one of the set).
    std::size_t rank(float score) const;
    /// 1..groups by the rule above (1 holds the highest scores).
    int group(float score, int groups) const;
    /// 1..groups of a rank (as group() does for its score).
    int groupOfRank(std::size_t rank, int groups) const;
    /// The rank of every score of `scores` at once (the set this ranking was built from, or
    /// another): one sort instead of a binary search per row, several times faster on
    /// millions of rows. Memory: 8 bytes a row while it runs.
    std::vector<std::uint32_t> ranksOf(std::span<const float> scores) const;
    /// The scores, highest first.
    const std::vector<float>& descending() const { return m_sorted; }

private:
    std::vector<float> m_sorted; ///< Descending.
};

} // namespace neurolift

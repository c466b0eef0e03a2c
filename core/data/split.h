#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace neurolift {

/// Shares of the rows for each part of a split; the test share is what is left.
struct SplitFractions {
    double train = 0.7;
    double validation = 0.15;
};

/// Row indices (0-based, ascending within each part) of a train/validation/test split.
struct Split {
    std::vector<std::int64_t> train;
    std::vector<std::int64_t> validation;
    std::vector<std::int64_t> test;
};

/// Splits rows at random with `seed`, keeping each class's share the same in
/// every part (stratified) when `classes` is given: classes[i] is row i's class
/// (any integer; negative means "no class" and the row goes into no part).
/// Every class with at least 3 rows has at least one row in each part.
/// Throws std::invalid_argument when the fractions are not within (0, 1) with
/// train + validation < 1, or when there are fewer than 3 rows.
Split stratifiedSplit(std::span<const std::int32_t> classes, const SplitFractions& fractions,
                      std::uint64_t seed);

/// The same without classes (numeric targets): a seeded random split of `rows` rows.
Split randomSplit(std::int64_t rows, const SplitFractions& fractions, std::uint64_t seed);

} // namespace neurolift

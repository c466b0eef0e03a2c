#include "data/split.h"

#include "nn/random.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace neurolift {

namespace {

void checkFractions(const SplitFractions& f)
{
    if (!(f.train > 0.0 && f.validation > 0.0 && f.train + f.validation < 1.0)) {
        throw std::invalid_argument(
            "the split needs a training share and a validation share above 0 that leave "
            "room for a test share (e.g. 70% / 15% / 15%)");
    }
}

/// Deals a shuffled group of rows out to the three parts by the fractions,
/// giving each part at least one row when the group has three or more.
void deal(std::vector<std::int64_t>& rows, const SplitFractions& f, Rng& rng, Split& out)
{
    rng.shuffle(std::span<std::int64_t>(rows));
    const auto n = static_cast<std::int64_t>(rows.size());
    auto nTrain = static_cast<std::int64_t>(std::llround(static_cast<double>(n) * f.train));
    auto nValidation = static_cast<std::int64_t>(std::llround(static_cast<double>(n) * f.validation));
    if (n >= 3) {
        nValidation = std::clamp<std::int64_t>(nValidation, 1, n - 2);
        nTrain = std::clamp<std::int64_t>(nTrain, 1, n - nValidation - 1);
    } else {
        nTrain = n;
        nValidation = 0;
    }
    out.train.insert(out.train.end(), rows.begin(), rows.begin() + nTrain);
    out.validation.insert(out.validation.end(), rows.begin() + nTrain, rows.begin() + nTrain + nValidation);
    out.test.insert(out.test.end(), rows.begin() + nTrain + nValidation, rows.end());
}

void sortParts(Split& s)
{
    std::sort(s.train.begin(), s.train.end());
    std::sort(s.validation.begin(), s.validation.end());
    std::sort(s.test.begin(), s.test.end());
}

} // namespace

Split stratifiedSplit(std::span<const std::int32_t> classes, const SplitFractions& fractions,
                      std::uint64_t seed)
{
    checkFractions(fractions);
    // Groups in class order, so the result does not depend on hashing.
    std::map<std::int32_t, std::vector<std::int64_t>> groups;
    for (std::size_t i = 0; i < classes.size(); ++i) {
        if (classes[i] >= 0) {
            groups[classes[i]].push_back(static_cast<std::int64_t>(i));
        }
    }
    std::size_t labelled = 0;
    for (const auto& [cls, rows] : groups) {
        labelled += rows.size();
    }
    if (labelled < 3) {
        throw std::invalid_argument(
            "there are " + std::to_string(labelled) +
            " rows with a target value; training, validation and test need at least 3");
    }
    Rng rng(seed);
    Split split;
    for (auto& [cls, rows] : groups) {
        deal(rows, fractions, rng, split);
    }
    sortParts(split);
    return split;
}

Split randomSplit(std::int64_t rows, const SplitFractions& fractions, std::uint64_t seed)
{
    checkFractions(fractions);
    if (rows < 3) {
        throw std::invalid_argument("there are " + std::to_string(rows) +
                                    " rows; training, validation and test need at least 3");
    }
    std::vector<std::int64_t> all(static_cast<std::size_t>(rows));
    for (std::int64_t i = 0; i < rows; ++i) {
        all[static_cast<std::size_t>(i)] = i;
    }
    Rng rng(seed);
    Split split;
    deal(all, fractions, rng, split);
    sortParts(split);
    return split;
}

} // namespace neurolift

#pragma once

#include "data/recipe.h"
#include "nn/tensor.h"

#include <functional>
#include <string>
#include <vector>

namespace neurolift {

/// Progress of a long explanation in [0, 1]; returning false cancels it.
using ExplainProgress = std::function<bool(double)>;

/// The model inputs grouped by the table column they come from: every one-hot
/// column of "channel" and the "income (missing)" flag belong to their column,
/// so importances and reasons speak of the columns a marketer knows.
struct FeatureGroups {
    std::vector<std::string> columns;         ///< Source columns, in the order of their first input.
    std::vector<std::vector<Index>> features; ///< Each column's model inputs.

    /// Groups from each input's source column (Recipe::featureSources()).
    static FeatureGroups fromSources(const std::vector<std::string>& featureSources);
    static FeatureGroups fromRecipe(const Recipe& recipe) { return fromSources(recipe.featureSources()); }

    std::size_t size() const { return columns.size(); }
    /// Per-column sums of per-input values: (inputs x rows) to (columns x rows).
    Matrix sum(const Matrix& perFeature) const;
};

} // namespace neurolift

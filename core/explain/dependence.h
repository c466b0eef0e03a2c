#pragma once

#include "data/recipe.h"
#include "data/table.h"
#include "explain/featuregroups.h"
#include "nn/network.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace neurolift {

struct DependenceOptions {
    int gridPoints = 20;     ///< Numeric and date columns: quantiles of the column (fewer if values repeat).
    int maxLevels = 50;      ///< Categorical columns: the most frequent levels.
    Index maxRows = 200;     ///< Rows drawn for the curves (ICE: one curve each; PD: their mean).
    std::uint64_t seed = 42; ///< Which rows are drawn.
    Index output = 0;        ///< The output shown: the class for multi-class models, else 0.
};

/// How the model's output moves when one source column is set to each value of a grid,
/// everything else of each row kept (individual conditional expectation), and on average
/// (partial dependence). The output is the probability for classifiers, the value for regression.
struct DependenceResult {
    std::string column;
    ColumnType type = ColumnType::Numeric;
    std::vector<std::string> labels; ///< Grid points as a user reads them ("12.5", "email", "2024-03-01").
    std::vector<double> values;      ///< Numeric, yes/no and date grids: the value; NaN for levels.
    std::vector<std::int64_t> rows;  ///< The table rows drawn, ascending.
    Matrix ice;                      ///< Grid points x rows drawn.
    Vector pd;                       ///< Grid points: the mean of the ICE curves.
    bool cancelled = false;
    std::vector<std::string> warnings;
};

/// Partial dependence and ICE curves of `column` over a seeded sample of `rows` of
/// `table` (the table the model's recipe reads). Throws std::invalid_argument when
/// the column is not one of the model's inputs or no row is given.
DependenceResult partialDependence(const Network& network, const Recipe& recipe, const Table& table,
                                   std::span<const std::int64_t> rows, const std::string& column,
                                   const DependenceOptions& options = {}, const ExplainProgress& progress = {});

} // namespace neurolift

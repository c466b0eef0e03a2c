#pragma once

#include "explain/featuregroups.h"
#include "nn/loss.h"
#include "nn/network.h"

#include <cstdint>
#include <string>
#include <vector>

namespace neurolift {

struct ImportanceOptions {
    int repeats = 5;         ///< Shuffles per column; the spread is over these.
    std::uint64_t seed = 42; ///< Same seed, data and network: the same table, whatever the thread count.
    int threads = 0;         ///< 0: all cores.
    /// More held-out rows than this are measured on a seeded sample of this
    /// many (0: all rows), so that importance stays interactive on large data.
    Index maxRows = 20000;
};

/// How much the model leans on one source column.
struct ColumnImportance {
    std::string column;
    std::vector<Index> features; ///< Its model inputs, shuffled together.
    double mean = 0.0;           ///< Mean drop in quality when the column is shuffled (> 0: the model uses it).
    double spread = 0.0;         ///< Standard deviation of the drop over the repeats (n - 1).
    std::vector<double> drops;   ///< One per repeat.
};

struct ImportanceResult {
    /// "AUC" (binary: the drop is baseline AUC minus shuffled AUC) or "loss"
    /// (otherwise: the drop is shuffled loss minus baseline loss).
    std::string measure;
    double baseline = 0.0;                 ///< The measure on the unshuffled rows.
    Index rows = 0;                        ///< Rows measured: all, or the sample (see ImportanceOptions::maxRows).
    std::vector<ColumnImportance> columns; ///< Most important first (ties: input order).
    bool cancelled = false;
    std::vector<std::string> warnings;
};

/// Permutation importance on held-out rows `x` (inputs x rows) with targets `y`:
/// for each source column of `groups`, its inputs are shuffled jointly by row
/// (a customer's one-hot columns move together), the rows rescored, and the loss
/// of quality averaged over `options.repeats` seeded shuffles. Throws
/// std::invalid_argument when the shapes do not fit or there are fewer than 2 rows.
ImportanceResult permutationImportance(const Network& network, const TaskSpec& task, const LossSpec& loss,
                                       const ConstMatrixRef& x, const ConstMatrixRef& y,
                                       const FeatureGroups& groups, const ImportanceOptions& options = {},
                                       const ExplainProgress& progress = {});

} // namespace neurolift

#pragma once

#include "data/table.h"
#include "nn/architecture.h"
#include "nn/tensor.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace neurolift {

/// What the model predicts: a column, the kind of task, and for classifiers the
/// values that are its classes.
struct TargetSpec {
    std::string column;
    TaskKind task = TaskKind::BinaryClassification;
    /// Class values in class-index order. Binary: {negative, positive}; for a
    /// yes/no column "0" and "1". Empty for regression.
    std::vector<std::string> classes;

    TaskSpec taskSpec() const;
    nlohmann::json toJson() const;
    static TargetSpec fromJson(const nlohmann::json& j);
    bool operator==(const TargetSpec&) const = default;
};

/// Chooses the task for `column` of `table`: a yes/no column or a column with
/// two values is binary (the positive class is `positive` if given, else a
/// value that reads as yes, else the rarer one), more values are multi-class
/// (at most `maxClasses`), numbers are regression. Throws std::invalid_argument
/// with a message a marketer can act on (unknown column, a single value,
/// identifiers, `positive` not among the values).
TargetSpec chooseTarget(const Table& table, const std::string& column,
                        const std::optional<std::string>& positive = {}, int maxClasses = 20);

/// Target values per row: class indices for classifiers, values for regression.
/// `classes[i]` is row i's class index, or -1 where the target is missing.
struct TargetValues {
    std::vector<float> values;          ///< One per row; NaN where missing.
    std::vector<std::int32_t> classes;  ///< Classifiers only.
    std::vector<long long> classCounts; ///< Classifiers only.
    long long missing = 0;
};

/// Reads the target of every row of `table` as `spec` says. Throws
/// std::invalid_argument when the column is absent or, for a classifier, fewer
/// than two classes occur ("the target ... has only one value ...").
TargetValues targetValues(const Table& table, const TargetSpec& spec);

} // namespace neurolift

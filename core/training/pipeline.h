#pragma once

// From a table and the user's choices to the matrices a trainer needs, and
// from a trainer's reports to the records a project keeps. The CLI and the
// workbench both train through this, so a run means the same in either.

#include "data/recipe.h"
#include "data/split.h"
#include "data/table.h"
#include "data/target.h"
#include "project/project.h"
#include "training/trainer.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace neurolift {

/// What to learn from a table: the column to predict, its positive class, the
/// id column, and which columns feed the network.
struct ColumnChoice {
    std::string target;
    std::optional<std::string> positive; ///< Binary targets; detected when absent.
    /// The column naming each customer. Absent: the first identifier column
    /// other than the target; empty: none.
    std::optional<std::string> idColumn;
    /// The feature columns. Absent: every usable column except `ignore`.
    std::optional<std::vector<std::string>> features;
    std::vector<std::string> ignore;

    nlohmann::json toJson() const;
    /// Throws std::invalid_argument naming the field when `j` is not a data choice.
    static ColumnChoice fromJson(const nlohmann::json& j);
    bool operator==(const ColumnChoice&) const = default;
};

/// The id and feature columns a choice comes to, and the columns left out with why.
struct FeatureSelection {
    std::string idColumn; ///< Empty when there is none.
    std::vector<std::string> features;
    std::vector<std::string> notes; ///< "\"x\" is not used: ...", in words a user can read.
};

/// Whether every present cell of `c` holds the same value (such a column tells rows apart by nothing).
bool hasOneValue(const Column& c);

/// Resolves `choice` against `table`. Throws std::invalid_argument naming the
/// column when the choice names one the table does not have, or names the
/// target or the id as a feature.
FeatureSelection selectFeatures(const Table& table, const ColumnChoice& choice);

/// Prepared rows of one part of the split: features (featureCount x rows) and targets.
struct PreparedPart {
    Matrix x;
    Matrix y;
    DataView view() const { return DataView::of(x, y); }
    Index rows() const { return x.cols(); }
};

/// Everything a run trains and tests on.
struct PreparedData {
    TargetSpec target;
    long long missingTargets = 0; ///< Rows left out because their target is missing.
    FeatureSelection selection;
    Split split;
    Recipe recipe; ///< Fitted on the training rows only.
    PreparedPart train;
    PreparedPart validation;
    PreparedPart test;

    TaskSpec task() const { return target.taskSpec(); }
};

/// Chooses the target, splits the rows (stratified by class, seeded), fits the
/// recipe on the training rows and prepares every part. Throws
/// std::invalid_argument with a message a user can act on (unknown columns, one
/// class only, too few rows to train and test).
PreparedData prepareData(const Table& table, const ColumnChoice& choice, std::uint64_t seed,
                         const SplitFractions& fractions = {});

/// The part of each of `rows` table rows: 0 none, 1 training, 2 validation, 3 test.
std::vector<std::uint8_t> splitAssignment(const Split& split, std::size_t rows);
/// The split an assignment describes (the inverse of splitAssignment).
Split splitFromAssignment(std::span<const std::uint8_t> parts);
/// A run's stored split (RunRecord::split) read back against the target values of
/// the data (NaN where missing): std::nullopt when the run kept none (projects
/// before format 2, whose split is drawn again). Throws std::invalid_argument saying
/// what is wrong when it is damaged: not one entry a row, an entry that names no part,
/// a part left empty, or a row without a target value in a part.
std::optional<Split> storedSplit(std::span<const std::uint8_t> parts, std::span<const float> targets);
/// For a page that reads a run: storedSplit() against the target values of
/// `table`, or an empty Split when the run kept none. Throws
/// std::invalid_argument ("the split stored with this run is damaged: ...")
/// rather than reading rows the data does not have.
Split keptSplit(std::span<const std::uint8_t> parts, const Table& table, const TargetSpec& target);

/// An epoch as a project stores it.
RunEpoch runEpochFrom(const EpochReport& report);
/// Test metrics as a project stores them ("test_loss", "test_auc", ...).
nlohmann::json testMetricsJson(const EvaluationMetrics& metrics, std::size_t rows);

} // namespace neurolift

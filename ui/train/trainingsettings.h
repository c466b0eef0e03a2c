#pragma once

#include "nn/architecture.h"
#include "nn/optimizer.h"
#include "training/pipeline.h"
#include "training/trainer.h"

#include <nlohmann/json.hpp>

#include <QMetaType>

#include <cstdint>
#include <vector>

namespace neurolift {

/// How the loss treats rare classes.
enum class ClassWeighting {
    None,     ///< Every row counts the same.
    Balanced, ///< Rows of rare classes count more (w_k = n / (K n_k) on the training rows).
};

/// The settings of the Train page: what a user chooses for one run. The
/// defaults are the command line's (`neurolift-cli train`), so a run means the
/// same in the workbench and in a script.
struct TrainingSettings {
    OptimizerKind optimizer = OptimizerKind::Adam;
    float learningRate = 1e-3f;
    int batchSize = 64;
    int epochs = 200;
    bool earlyStopping = true;
    int patience = 15;
    ClassWeighting classWeighting = ClassWeighting::None;
    std::uint64_t seed = 42;
    int threads = 0; ///< 0: all cores.

    /// The settings as a run records them (the CLI's keys: "epochs", "batch", "learning_rate", ...).
    nlohmann::json toJson() const;
    /// Reads toJson()'s keys; absent keys keep their defaults. Throws std::invalid_argument naming the field.
    static TrainingSettings fromJson(const nlohmann::json& j);

    /// The trainer's spec for `task`; balanced class weights need the training rows' class counts.
    TrainSpec toTrainSpec(const TaskSpec& task, const std::vector<long long>& trainClassCounts = {}) const;

    bool operator==(const TrainingSettings&) const = default;
};

/// Rows per class among the targets of `part` (class indices); empty for regression.
std::vector<long long> classCounts(const PreparedPart& part, const TaskSpec& task);

} // namespace neurolift

// Sent in signals (TrainPage::settingsEdited) and kept in QVariants by the tests.
Q_DECLARE_METATYPE(neurolift::TrainingSettings)

#pragma once

#include "data/recipe.h"
#include "data/target.h"
#include "nn/architecture.h"
#include "nn/network.h"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace neurolift {

/// Everything needed to score new rows: the target, the id column, the fitted
/// recipe, the architecture and its trained weights, and a summary of training.
/// Until project files exist this is the CLI's model file (one JSON document).
struct TrainedModel {
    TargetSpec target;
    std::string idColumn; ///< Empty when the data had none.
    Recipe recipe;
    Architecture architecture;
    NamedTensors weights;
    nlohmann::json summary; ///< Settings, seed, metrics: informational.

    /// The network with the trained weights. Throws std::invalid_argument when they do not fit.
    Network network() const;
    /// Checks that the model can give sensible numbers before anything is scored:
    /// classes that fit the task, a network whose output fits the task and the
    /// inputs, weights that fit it and are all finite, and a preparation that
    /// never divides by zero. Throws std::invalid_argument saying what is wrong.
    void check() const;
};

/// A model file that cannot be read; what() says which file and what is wrong.
class ModelFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Writes `model` to `path` through a temporary file renamed over it, so a
/// crash never leaves half a model behind. Throws ModelFileError.
void saveModel(const std::string& path, const TrainedModel& model);
/// Reads a model written by saveModel. Throws ModelFileError naming the file and the problem.
TrainedModel loadModel(const std::string& path);

} // namespace neurolift

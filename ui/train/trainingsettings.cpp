#include "train/trainingsettings.h"

#include "nn/loss.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace neurolift {

namespace {

std::string_view classWeightingId(ClassWeighting w)
{
    return w == ClassWeighting::Balanced ? "balanced" : "none";
}

/// The value of `key` in `j` as T, or `fallback` when absent; names the field when it has the wrong type.
template <typename T>
T field(const nlohmann::json& j, const char* key, T fallback)
{
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        return fallback;
    }
    try {
        return it->get<T>();
    } catch (const nlohmann::json::exception&) {
        throw std::invalid_argument(std::string("training settings: \"") + key + "\" has the wrong type");
    }
}

} // namespace

nlohmann::json TrainingSettings::toJson() const
{
    return {{"optimizer", std::string(optimizerKindId(optimizer))},
            {"learning_rate", learningRate},
            {"batch", batchSize},
            {"epochs", epochs},
            {"early_stopping", earlyStopping},
            {"patience", patience},
            {"class_weights", std::string(classWeightingId(classWeighting))},
            {"seed", seed},
            {"threads", threads}};
}

TrainingSettings TrainingSettings::fromJson(const nlohmann::json& j)
{
    if (!j.is_object()) {
        throw std::invalid_argument("training settings: expected an object");
    }
    TrainingSettings s;
    const std::string optimizer =
        field<std::string>(j, "optimizer", std::string(optimizerKindId(s.optimizer)));
    const auto kind = optimizerKindFromId(optimizer);
    if (!kind) {
        throw std::invalid_argument(
            "training settings: \"optimizer\" is not one of sgd, adam, adamw, rmsprop");
    }
    s.optimizer = *kind;
    s.learningRate = field<float>(j, "learning_rate", s.learningRate);
    s.batchSize = field<int>(j, "batch", s.batchSize);
    s.epochs = field<int>(j, "epochs", s.epochs);
    s.earlyStopping = field<bool>(j, "early_stopping", s.earlyStopping);
    s.patience = field<int>(j, "patience", s.patience);
    const std::string weighting = field<std::string>(j, "class_weights", "none");
    if (weighting == "balanced") {
        s.classWeighting = ClassWeighting::Balanced;
    } else if (weighting == "none") {
        s.classWeighting = ClassWeighting::None;
    } else {
        throw std::invalid_argument("training settings: \"class_weights\" is not none or balanced");
    }
    s.seed = field<std::uint64_t>(j, "seed", s.seed);
    s.threads = field<int>(j, "threads", s.threads);
    if (!(s.learningRate > 0.0f) || !std::isfinite(s.learningRate)) {
        throw std::invalid_argument("training settings: \"learning_rate\" must be a positive number");
    }
    if (s.batchSize < 1 || s.epochs < 1 || s.patience < 1 || s.threads < 0) {
        throw std::invalid_argument("training settings: \"batch\", \"epochs\" and \"patience\" must be at "
                                    "least 1, \"threads\" at least 0");
    }
    return s;
}

TrainSpec TrainingSettings::toTrainSpec(const TaskSpec& task,
                                        const std::vector<long long>& trainClassCounts) const
{
    // The same steps as `neurolift-cli train`, so equal settings give equal runs.
    TrainSpec spec = TrainSpec::forTask(task);
    spec.optimizer.kind = optimizer;
    spec.optimizer.learningRate = learningRate;
    spec.epochs = epochs;
    spec.batchSize = batchSize;
    spec.seed = seed;
    spec.threads = threads;
    spec.earlyStopping.enabled = earlyStopping;
    spec.earlyStopping.patience = patience;
    if (classWeighting == ClassWeighting::Balanced && task.kind != TaskKind::Regression &&
        !trainClassCounts.empty()) {
        spec.loss.classWeights = balancedClassWeights(trainClassCounts);
    }
    return spec;
}

std::vector<long long> classCounts(const PreparedPart& part, const TaskSpec& task)
{
    if (task.kind == TaskKind::Regression || part.y.rows() < 1) {
        return {};
    }
    std::vector<long long> counts(static_cast<std::size_t>(std::max(task.classes, 2)), 0);
    for (Index i = 0; i < part.y.cols(); ++i) {
        const auto c = static_cast<long long>(part.y(0, i));
        if (c >= 0 && c < static_cast<long long>(counts.size())) {
            ++counts[static_cast<std::size_t>(c)];
        }
    }
    return counts;
}

} // namespace neurolift

#pragma once

#include "nn/activation.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace neurolift {

enum class LayerKind { Dense, Activation, Dropout, BatchNorm };

/// How a Dense layer's weights are drawn.
enum class WeightInit {
    He,          ///< N(0, 2/fan_in): for ReLU-family activations.
    Xavier,      ///< U(+-sqrt(6/(fan_in+fan_out))): for tanh/sigmoid.
    TorchLinear, ///< U(+-1/sqrt(fan_in)) for weights and biases, as PyTorch's nn.Linear.
};

/// What the network predicts; decides the output layer and the loss.
enum class TaskKind { BinaryClassification, MultiClassification, Regression };

std::string_view layerKindId(LayerKind k);
std::optional<LayerKind> layerKindFromId(std::string_view id);
std::string_view layerKindDisplayName(LayerKind k);
std::string_view weightInitId(WeightInit w);
std::optional<WeightInit> weightInitFromId(std::string_view id);
std::string_view taskKindId(TaskKind t);
std::optional<TaskKind> taskKindFromId(std::string_view id);

/// One layer as data. Fields that do not apply to the kind are ignored.
struct LayerSpec {
    LayerKind kind = LayerKind::Dense;
    std::string name;                         ///< Optional; generated ("dense_1") when empty.
    int units = 16;                           ///< Dense.
    Activation activation = Activation::ReLU; ///< Dense (applied after the affine map) and Activation.
    WeightInit init = WeightInit::He;         ///< Dense.
    float rate = 0.2f;                        ///< Dropout probability.
    float momentum = 0.1f;                    ///< BatchNorm running-statistics momentum (PyTorch convention).
    float epsilon = 1e-5f;                    ///< BatchNorm.

    static LayerSpec dense(int units, Activation a, WeightInit init = WeightInit::He);
    static LayerSpec activationLayer(Activation a);
    static LayerSpec dropout(float rate);
    static LayerSpec batchNorm();

    bool operator==(const LayerSpec&) const = default;
};

/// The target the network is trained for: the task and, for classification,
/// the number of classes (2 for binary); for regression the number of outputs.
struct TaskSpec {
    TaskKind kind = TaskKind::BinaryClassification;
    int classes = 2;
    int outputs = 1;

    /// Units the output layer must have.
    int outputUnits() const;
    /// Activation the output layer must have (sigmoid, softmax or linear).
    Activation outputActivation() const;
};

/// A problem found by validation, naming the layer (0-based, -1 for the whole network).
struct ArchitectureIssue {
    int layer = -1;
    std::string message;
};

/// An ordered list of layers from the input to the output. The last layer is
/// a Dense layer whose activation is the output link (sigmoid, softmax or linear).
struct Architecture {
    std::string name;
    std::vector<LayerSpec> layers;

    /// Problems that keep this network from training on `inputs` features for `task`,
    /// in words a user can act on. Empty when the architecture is valid.
    std::vector<ArchitectureIssue> validate(int inputs, const TaskSpec& task) const;

    /// Output width of each layer for `inputs` features (Dense changes it, others keep it).
    std::vector<int> outputSizes(int inputs) const;
    /// Number of trainable values (weights, biases, batch-norm scale and shift).
    long long parameterCount(int inputs) const;
    /// Layer names, with generated ones ("dense_1", "dropout_1") where the spec has none.
    std::vector<std::string> layerNames() const;

    nlohmann::json toJson() const;
    /// Throws std::invalid_argument naming the field when the JSON is not an architecture.
    static Architecture fromJson(const nlohmann::json& j);

    bool operator==(const Architecture&) const = default;
};

/// Ready-made architectures for `task` (logistic regression, small, medium, deep).
enum class ArchitectureTemplate { LogisticRegression, Small, Medium, Deep };
Architecture makeTemplate(ArchitectureTemplate t, const TaskSpec& task);

} // namespace neurolift

#include "nn/architecture.h"

#include "nn/enumnames.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <type_traits>

namespace neurolift {

namespace {

constexpr std::array kLayerKinds{
    EnumName<LayerKind>{LayerKind::Dense, "dense", "Dense"},
    EnumName<LayerKind>{LayerKind::Activation, "activation", "Activation"},
    EnumName<LayerKind>{LayerKind::Dropout, "dropout", "Dropout"},
    EnumName<LayerKind>{LayerKind::BatchNorm, "batch_norm", "Batch normalisation"},
};
constexpr std::array kInits{
    EnumName<WeightInit>{WeightInit::He, "he", "He"},
    EnumName<WeightInit>{WeightInit::Xavier, "xavier", "Xavier/Glorot"},
    EnumName<WeightInit>{WeightInit::TorchLinear, "torch_linear", "PyTorch Linear"},
};
constexpr std::array kTasks{
    EnumName<TaskKind>{TaskKind::BinaryClassification, "binary", "Yes/no"},
    EnumName<TaskKind>{TaskKind::MultiClassification, "multiclass", "Several classes"},
    EnumName<TaskKind>{TaskKind::Regression, "regression", "Number"},
};

std::string knownActivationIds()
{
    std::string s;
    for (int i = 0; i <= static_cast<int>(Activation::Softmax); ++i) {
        s += (s.empty() ? "" : ", ") + std::string(activationId(static_cast<Activation>(i)));
    }
    return s;
}

std::string layerLabel(int index, const std::string& name)
{
    return "layer " + std::to_string(index + 1) + " (" + name + ")";
}

std::string formatNumber(float v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", static_cast<double>(v));
    return buf;
}

[[noreturn]] void fail(const std::string& where, const std::string& what)
{
    throw std::invalid_argument("architecture JSON: " + where + ": " + what);
}

} // namespace

std::string_view layerKindId(LayerKind k)
{
    return enumEntry(kLayerKinds, k).id;
}
std::string_view layerKindDisplayName(LayerKind k)
{
    return enumEntry(kLayerKinds, k).display;
}
std::optional<LayerKind> layerKindFromId(std::string_view id)
{
    return enumFromId(kLayerKinds, id);
}
std::string_view weightInitId(WeightInit w)
{
    return enumEntry(kInits, w).id;
}
std::optional<WeightInit> weightInitFromId(std::string_view id)
{
    return enumFromId(kInits, id);
}
std::string_view taskKindId(TaskKind t)
{
    return enumEntry(kTasks, t).id;
}
std::optional<TaskKind> taskKindFromId(std::string_view id)
{
    return enumFromId(kTasks, id);
}

LayerSpec LayerSpec::dense(int units, Activation a, WeightInit init)
{
    LayerSpec s;
    s.kind = LayerKind::Dense;
    s.units = units;
    s.activation = a;
    s.init = init;
    return s;
}

LayerSpec LayerSpec::activationLayer(Activation a)
{
    LayerSpec s;
    s.kind = LayerKind::Activation;
    s.activation = a;
    return s;
}

LayerSpec LayerSpec::dropout(float rate)
{
    LayerSpec s;
    s.kind = LayerKind::Dropout;
    s.rate = rate;
    return s;
}

LayerSpec LayerSpec::batchNorm()
{
    LayerSpec s;
    s.kind = LayerKind::BatchNorm;
    return s;
}

int TaskSpec::outputUnits() const
{
    switch (kind) {
    case TaskKind::BinaryClassification:
        return 1;
    case TaskKind::MultiClassification:
        return classes;
    case TaskKind::Regression:
        return outputs;
    }
    return 1;
}

Activation TaskSpec::outputActivation() const
{
    switch (kind) {
    case TaskKind::BinaryClassification:
        return Activation::Sigmoid;
    case TaskKind::MultiClassification:
        return Activation::Softmax;
    case TaskKind::Regression:
        return Activation::Linear;
    }
    return Activation::Linear;
}

std::vector<std::string> Architecture::layerNames() const
{
    std::vector<std::string> names;
    std::map<LayerKind, int> counters;
    for (const auto& l : layers) {
        const int n = ++counters[l.kind];
        names.push_back(l.name.empty() ? std::string(layerKindId(l.kind)) + "_" + std::to_string(n) : l.name);
    }
    return names;
}

std::vector<int> Architecture::outputSizes(int inputs) const
{
    std::vector<int> sizes;
    int width = inputs;
    for (const auto& l : layers) {
        if (l.kind == LayerKind::Dense) {
            width = l.units;
        }
        sizes.push_back(width);
    }
    return sizes;
}

long long Architecture::parameterCount(int inputs) const
{
    long long count = 0;
    long long width = inputs;
    for (const auto& l : layers) {
        if (l.kind == LayerKind::Dense) {
            count += width * l.units + l.units;
            width = l.units;
        } else if (l.kind == LayerKind::BatchNorm) {
            count += 2 * width;
        }
    }
    return count;
}

std::vector<ArchitectureIssue> Architecture::validate(int inputs, const TaskSpec& task) const
{
    std::vector<ArchitectureIssue> issues;
    const auto names = layerNames();
    if (inputs < 1) {
        issues.push_back({-1, "the data has no input features: choose at least one feature column"});
    }
    if (task.kind != TaskKind::Regression && task.classes < 2) {
        issues.push_back({-1, "the target has " + std::to_string(task.classes) +
                                  (task.classes == 1 ? " class" : " classes") +
                                  "; a classifier needs at least 2 (check the target column)"});
    }
    if (task.kind == TaskKind::Regression && task.outputs < 1) {
        issues.push_back({-1, "a numeric target needs at least one value to predict"});
    }
    if (layers.empty()) {
        issues.push_back({-1, "the network has no layers: add at least an output layer"});
        return issues;
    }
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto& l = layers[i];
        const int idx = static_cast<int>(i);
        switch (l.kind) {
        case LayerKind::Dense:
            if (l.units < 1) {
                issues.push_back({idx, layerLabel(idx, names[i]) + " has " + std::to_string(l.units) +
                                           " units; a dense layer needs at least 1"});
            }
            break;
        case LayerKind::Dropout:
            if (!(l.rate >= 0.0f && l.rate < 1.0f)) {
                issues.push_back({idx, layerLabel(idx, names[i]) + " drops " + formatNumber(l.rate) +
                                           " of its inputs; the rate must be at least 0 and below 1"});
            }
            break;
        case LayerKind::BatchNorm:
            if (!(l.momentum > 0.0f && l.momentum <= 1.0f) || !(l.epsilon > 0.0f)) {
                issues.push_back(
                    {idx, layerLabel(idx, names[i]) + ": momentum must be in (0, 1] and epsilon above 0"});
            }
            break;
        case LayerKind::Activation:
            break;
        }
        if (i + 1 < layers.size() && l.activation == Activation::Softmax &&
            (l.kind == LayerKind::Dense || l.kind == LayerKind::Activation)) {
            issues.push_back(
                {idx, layerLabel(idx, names[i]) + " uses softmax, which belongs on the output layer only"});
        }
    }
    const int last = static_cast<int>(layers.size()) - 1;
    const auto& out = layers.back();
    if (out.kind != LayerKind::Dense) {
        issues.push_back({last, "the last layer is " + std::string(layerKindDisplayName(out.kind)) +
                                    "; the output layer must be a Dense layer"});
        return issues;
    }
    const int want = task.outputUnits();
    if (out.units != want) {
        std::string target;
        switch (task.kind) {
        case TaskKind::BinaryClassification:
            target = "a yes/no target needs 1";
            break;
        case TaskKind::MultiClassification:
            target = "the target has " + std::to_string(task.classes) + " classes";
            break;
        case TaskKind::Regression:
            target =
                "the target has " + std::to_string(task.outputs) + " value" + (task.outputs == 1 ? "" : "s");
            break;
        }
        issues.push_back({last, "the output layer has " + std::to_string(out.units) + " unit" +
                                    (out.units == 1 ? "" : "s") + " but " + target});
    }
    const Activation link = task.outputActivation();
    if (out.activation != link) {
        issues.push_back(
            {last, "the output layer's activation is " + std::string(activationDisplayName(out.activation)) +
                       "; for this target it must be " + std::string(activationDisplayName(link))});
    }
    return issues;
}

nlohmann::json Architecture::toJson() const
{
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& l : layers) {
        nlohmann::json j;
        j["kind"] = layerKindId(l.kind);
        if (!l.name.empty()) {
            j["name"] = l.name;
        }
        switch (l.kind) {
        case LayerKind::Dense:
            j["units"] = l.units;
            j["activation"] = activationId(l.activation);
            j["init"] = weightInitId(l.init);
            break;
        case LayerKind::Activation:
            j["activation"] = activationId(l.activation);
            break;
        case LayerKind::Dropout:
            j["rate"] = l.rate;
            break;
        case LayerKind::BatchNorm:
            j["momentum"] = l.momentum;
            j["epsilon"] = l.epsilon;
            break;
        }
        arr.push_back(std::move(j));
    }
    return {{"format", "neurolift.architecture"}, {"version", 1}, {"name", name}, {"layers", std::move(arr)}};
}

Architecture Architecture::fromJson(const nlohmann::json& j)
{
    if (!j.is_object()) {
        fail("top level", "expected an object");
    }
    if (j.contains("format") && j["format"] != "neurolift.architecture") {
        fail("format", "this is not a NeuroLift architecture (format " + j["format"].dump() + ")");
    }
    if (j.contains("version")) {
        if (!j["version"].is_number() ||
            j["version"].get<double>() != std::floor(j["version"].get<double>()) ||
            j["version"].get<double>() < 1) {
            fail("version", "expected a whole number from 1 up");
        }
        if (j["version"].get<double>() > 1) {
            fail("version",
                 "this architecture was written by a newer NeuroLift; update NeuroLift to read it");
        }
    }
    Architecture a;
    if (j.contains("name")) {
        if (!j["name"].is_string()) {
            fail("name", "expected text");
        }
        a.name = j["name"].get<std::string>();
    }
    if (!j.contains("layers") || !j["layers"].is_array()) {
        fail("layers", "expected a list of layers");
    }
    int index = 0;
    for (const auto& lj : j["layers"]) {
        ++index;
        const std::string where = "layers[" + std::to_string(index - 1) + "]";
        if (!lj.is_object() || !lj.contains("kind") || !lj["kind"].is_string()) {
            fail(where, "expected an object with a \"kind\"");
        }
        const auto kind = layerKindFromId(lj["kind"].get<std::string>());
        if (!kind) {
            fail(where + ".kind", "unknown layer kind \"" + lj["kind"].get<std::string>() +
                                      "\" (known: " + enumIds(kLayerKinds) + ")");
        }
        LayerSpec l;
        l.kind = *kind;
        auto number = [&](const char* key, auto& field) {
            if (lj.contains(key)) {
                if (!lj[key].is_number()) {
                    fail(where + "." + key, "expected a number");
                }
                if constexpr (std::is_integral_v<std::decay_t<decltype(field)>>) {
                    if (!lj[key].is_number_integer()) {
                        fail(where + "." + key, "expected a whole number, not " + lj[key].dump());
                    }
                }
                field = lj[key].get<std::decay_t<decltype(field)>>();
            }
        };
        auto activation = [&]() {
            if (lj.contains("activation")) {
                if (!lj["activation"].is_string()) {
                    fail(where + ".activation", "expected text");
                }
                const auto act = activationFromId(lj["activation"].get<std::string>());
                if (!act) {
                    fail(where + ".activation", "unknown activation \"" +
                                                    lj["activation"].get<std::string>() +
                                                    "\" (known: " + knownActivationIds() + ")");
                }
                l.activation = *act;
            }
        };
        if (lj.contains("name")) {
            if (!lj["name"].is_string()) {
                fail(where + ".name", "expected text");
            }
            l.name = lj["name"].get<std::string>();
        }
        switch (l.kind) {
        case LayerKind::Dense:
            number("units", l.units);
            activation();
            if (lj.contains("init")) {
                const auto init =
                    lj["init"].is_string() ? weightInitFromId(lj["init"].get<std::string>()) : std::nullopt;
                if (!init) {
                    fail(where + ".init", "unknown weight initialisation (known: " + enumIds(kInits) + ")");
                }
                l.init = *init;
            }
            break;
        case LayerKind::Activation:
            activation();
            break;
        case LayerKind::Dropout:
            number("rate", l.rate);
            break;
        case LayerKind::BatchNorm:
            number("momentum", l.momentum);
            number("epsilon", l.epsilon);
            break;
        }
        a.layers.push_back(l);
    }
    return a;
}

Architecture makeTemplate(ArchitectureTemplate t, const TaskSpec& task)
{
    const LayerSpec output =
        LayerSpec::dense(task.outputUnits(), task.outputActivation(), WeightInit::Xavier);
    Architecture a;
    switch (t) {
    case ArchitectureTemplate::LogisticRegression:
        a.name = "Logistic regression";
        break;
    case ArchitectureTemplate::Small:
        a.name = "Small";
        a.layers = {LayerSpec::dense(16, Activation::ReLU)};
        break;
    case ArchitectureTemplate::Medium:
        a.name = "Medium";
        a.layers = {LayerSpec::dense(64, Activation::ReLU), LayerSpec::dense(32, Activation::ReLU)};
        break;
    case ArchitectureTemplate::Deep:
        a.name = "Deep";
        a.layers = {LayerSpec::dense(128, Activation::ReLU), LayerSpec::dropout(0.2f),
                    LayerSpec::dense(64, Activation::ReLU), LayerSpec::dropout(0.2f),
                    LayerSpec::dense(32, Activation::ReLU)};
        break;
    }
    a.layers.push_back(output);
    return a;
}

} // namespace neurolift

#include "model/modelfile.h"

#include "data/jsonerror.h"
#include "files/outputpath.h"
#include "scoring/atomicfile.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

namespace neurolift {

namespace {

constexpr const char* kFormat = "neurolift.model";
constexpr int kVersion = 1;

nlohmann::json tensorToJson(const std::string& name, const Matrix& m)
{
    // Column-major values; floats print with enough digits to read back exactly.
    return {{"name", name},
            {"rows", m.rows()},
            {"cols", m.cols()},
            {"data", std::vector<float>(m.data(), m.data() + m.size())}};
}

} // namespace

Network TrainedModel::network() const
{
    Network net(architecture, recipe.featureCount(), 0);
    net.setWeights(weights);
    return net;
}

void TrainedModel::check() const
{
    const std::size_t classes = target.classes.size();
    const bool classesFit = target.task == TaskKind::BinaryClassification  ? classes == 2
                            : target.task == TaskKind::MultiClassification ? classes >= 3
                                                                           : classes == 0;
    if (!classesFit) {
        throw std::invalid_argument("the target \"" + target.column + "\" lists " + std::to_string(classes) +
                                    " classes, which does not fit a " + std::string(taskKindId(target.task)) +
                                    " model");
    }
    const int inputs = static_cast<int>(recipe.featureCount());
    if (const auto issues = architecture.validate(inputs, target.taskSpec()); !issues.empty()) {
        throw std::invalid_argument("the network does not fit the task (" + issues.front().message + ")");
    }
    for (const auto& [name, tensor] : weights) {
        if (!tensor.allFinite()) {
            throw std::invalid_argument("the weights \"" + name +
                                        "\" hold values that are not finite numbers (NaN or infinity); the "
                                        "training diverged or the model was changed: train it again");
        }
    }
    for (const Recipe::NumericStep& step : recipe.numericSteps()) {
        if (!std::isfinite(step.scale) || step.scale == 0.0f || !std::isfinite(step.offset) ||
            !std::isfinite(step.fill) || (step.daysBefore && !std::isfinite(*step.daysBefore))) {
            throw std::invalid_argument("the preparation of column \"" + step.column +
                                        "\" has a scale of zero or a value that is not a finite number; "
                                        "train the model again");
        }
    }
    network(); // the weights fit the architecture
}

void saveModel(const std::string& path, const TrainedModel& model)
{
    nlohmann::json tensors = nlohmann::json::array();
    for (const auto& [name, value] : model.weights) {
        tensors.push_back(tensorToJson(name, value));
    }
    const nlohmann::json j{{"format", kFormat},
                           {"version", kVersion},
                           {"target", model.target.toJson()},
                           {"id_column", model.idColumn},
                           {"recipe", model.recipe.toJson()},
                           {"architecture", model.architecture.toJson()},
                           {"weights", tensors},
                           {"summary", model.summary}};
    // Complete or not at all, and never a leftover ".part" beside it (AtomicFile).
    std::optional<AtomicFile> out;
    try {
        out.emplace(path);
    } catch (const OutputRefused& e) {
        throw ModelFileError(e.what());
    } catch (const std::runtime_error&) {
        throw ModelFileError(path + ": cannot write here (check the folder exists and is writable)");
    }
    try {
        out->write(j.dump());
        out->write("\n");
        out->commit();
    } catch (const std::runtime_error& e) {
        throw ModelFileError(e.what());
    }
}

TrainedModel loadModel(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw ModelFileError(path + ": cannot open the model file (" + std::strerror(errno) + ")");
    }
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        throw ModelFileError(path + ": not a NeuroLift model file (it is not valid JSON: byte " +
                             std::to_string(e.byte) + ")");
    } catch (const nlohmann::json::exception&) {
        // The parser throws out_of_range, not parse_error, for a number
        // beyond a double (found by fuzz_modelfile).
        throw ModelFileError(path +
                             ": not a NeuroLift model file (it is not valid JSON: a number is too large)");
    }
    // Checked by hand: value() throws when "format" is there but not a string (found by fuzz_modelfile).
    const auto format = j.is_object() ? j.find("format") : j.end();
    if (format == j.end() || !format->is_string() || format->get<std::string>() != kFormat) {
        throw ModelFileError(path + ": not a NeuroLift model file");
    }
    if (!j.contains("version") || !j["version"].is_number_integer() || j["version"].get<int>() > kVersion) {
        throw ModelFileError(path + ": written by a newer NeuroLift; update NeuroLift to use it");
    }
    try {
        TrainedModel m;
        m.target = TargetSpec::fromJson(j.at("target"));
        m.idColumn = j.at("id_column").get<std::string>();
        m.recipe = Recipe::fromJson(j.at("recipe"));
        m.architecture = Architecture::fromJson(j.at("architecture"));
        for (const auto& t : j.at("weights")) {
            const auto rows = t.at("rows").get<Index>();
            const auto cols = t.at("cols").get<Index>();
            const auto data = t.at("data").get<std::vector<float>>();
            // Divided, not multiplied: a damaged file's rows * cols can overflow.
            const auto values = static_cast<Index>(data.size());
            if (rows < 0 || cols < 0 ||
                (rows == 0 ? values != 0 : values % rows != 0 || values / rows != cols)) {
                throw std::invalid_argument("tensor \"" + t.at("name").get<std::string>() +
                                            "\" has the wrong size");
            }
            m.weights.emplace_back(t.at("name").get<std::string>(), ConstMatrixMap(data.data(), rows, cols));
        }
        m.summary = j.value("summary", nlohmann::json::object());
        m.check(); // a model that cannot give sensible numbers is refused here, not run
        return m;
    } catch (const nlohmann::json::exception& e) {
        const std::string what = plainJsonError(e.what());
        throw ModelFileError(path +
                             ": damaged model file: a part of it is missing or not what it should be (" +
                             what + "); train the model again or use an intact copy");
    } catch (const std::exception& e) {
        throw ModelFileError(path + ": damaged model file: " + e.what());
    }
}

} // namespace neurolift

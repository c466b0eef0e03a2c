#include "architecturecommands.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

namespace neurolift::cli {

namespace {

constexpr std::array kTaskKinds{TaskKind::BinaryClassification, TaskKind::MultiClassification,
                                TaskKind::Regression};

const std::map<std::string, ArchitectureTemplate> kTemplateNames{
    {"logistic", ArchitectureTemplate::LogisticRegression},
    {"small", ArchitectureTemplate::Small},
    {"medium", ArchitectureTemplate::Medium},
    {"deep", ArchitectureTemplate::Deep},
};

std::vector<std::string> taskIds()
{
    std::vector<std::string> ids;
    for (const TaskKind k : kTaskKinds) {
        ids.emplace_back(taskKindId(k));
    }
    return ids;
}

void addTaskOptions(CLI::App& command, TaskOptions& task)
{
    // The ids are the core's (taskKindId), so the command line and the JSON files use the same words.
    command
        .add_option_function<std::string>(
            "--task", [&task](const std::string& id) { task.kind = taskKindFromId(id).value(); },
            "What the network predicts: binary (yes/no), multiclass or regression")
        ->required()
        ->check(CLI::IsMember(taskIds()));
    command.add_option("--classes", task.classes, "Number of classes of a multiclass target")
        ->check(CLI::Range(2, 1'000'000));
    command.add_option("--outputs", task.outputs, "Number of values a regression target has")
        ->check(CLI::Range(1, 1'000'000))
        ->capture_default_str();
}

/// The TaskSpec the options describe, or a message saying what is wrong with them.
std::optional<TaskSpec> taskSpec(const TaskOptions& options, std::string& problem)
{
    TaskSpec spec;
    spec.kind = options.kind;
    switch (options.kind) {
    case TaskKind::BinaryClassification:
        if (options.classes && *options.classes != 2) {
            problem = "a binary target has 2 classes; use --task multiclass for more";
            return std::nullopt;
        }
        spec.classes = 2;
        break;
    case TaskKind::MultiClassification:
        if (!options.classes) {
            problem = "--task multiclass needs --classes (the number of classes of the target)";
            return std::nullopt;
        }
        spec.classes = *options.classes;
        break;
    case TaskKind::Regression:
        if (options.classes) {
            problem = "--classes applies to classification; a regression target takes --outputs";
            return std::nullopt;
        }
        spec.outputs = options.outputs;
        break;
    }
    return spec;
}

/// What a layer does, in a few words: "16, ReLU" for a dense layer, "rate 0.2" for dropout.
std::string layerDetails(const LayerSpec& layer)
{
    std::ostringstream s;
    switch (layer.kind) {
    case LayerKind::Dense:
        s << layer.units << ", " << activationDisplayName(layer.activation);
        break;
    case LayerKind::Activation:
        s << activationDisplayName(layer.activation);
        break;
    case LayerKind::Dropout:
        s << "rate " << layer.rate;
        break;
    case LayerKind::BatchNorm:
        s << "momentum " << layer.momentum;
        break;
    }
    return s.str();
}

/// Trainable values of each layer: the growth of the network's count as layers are added,
/// so the formula stays in the core.
std::vector<long long> layerParameterCounts(const Architecture& architecture, int inputs)
{
    std::vector<long long> counts;
    Architecture prefix;
    long long before = 0;
    for (const auto& layer : architecture.layers) {
        prefix.layers.push_back(layer);
        const long long after = prefix.parameterCount(inputs);
        counts.push_back(after - before);
        before = after;
    }
    return counts;
}

/// A plain-text table; columns flagged numeric are right-aligned.
void printTable(std::ostream& out, const std::vector<std::string>& header, const std::vector<bool>& numeric,
                const std::vector<std::vector<std::string>>& rows)
{
    std::vector<std::size_t> widths(header.size());
    for (std::size_t c = 0; c < header.size(); ++c) {
        widths[c] = header[c].size();
        for (const auto& row : rows) {
            widths[c] = std::max(widths[c], row[c].size());
        }
    }
    auto printRow = [&](const std::vector<std::string>& cells) {
        std::string line;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::string pad(widths[c] - cells[c].size(), ' ');
            line += c == 0 ? "" : "  ";
            line += numeric[c] ? pad + cells[c] : cells[c] + pad;
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out << line << '\n';
    };
    printRow(header);
    for (const auto& row : rows) {
        printRow(row);
    }
}

/// Line and column, from 1, of the character at `offset` in `text`.
std::pair<int, int> lineAndColumn(std::string_view text, std::size_t offset)
{
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < std::min(offset, text.size()); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

/// "file:line:column: error: not valid JSON: what is wrong", from nlohmann's parse error.
std::string describeParseError(const std::string& file, std::string_view text,
                               const nlohmann::json::parse_error& e)
{
    // e.byte counts the bytes read, so the offending character is the one before.
    const auto [line, column] = lineAndColumn(text, e.byte > 0 ? e.byte - 1 : 0);
    // nlohmann's text is "[json.exception.parse_error.101] parse error at line 1, column 2: what is wrong".
    std::string what = e.what();
    for (const std::string_view marker : {"] ", ": "}) {
        if (const auto at = what.find(marker); at != std::string::npos) {
            what.erase(0, at + marker.size());
        }
    }
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) +
           ": error: not valid JSON: " + what;
}

} // namespace

int runTemplate(const TemplateOptions& options, std::ostream& out, std::ostream& err)
{
    std::string problem;
    const auto task = taskSpec(options.task, problem);
    if (!task) {
        err << "neurolift-cli: " << problem << '\n';
        return kExitBadInput;
    }
    out << makeTemplate(options.name, *task).toJson().dump(2) << '\n';
    return kExitOk;
}

int runCheck(const CheckOptions& options, std::ostream& out, std::ostream& err)
{
    std::string problem;
    const auto task = taskSpec(options.task, problem);
    if (!task) {
        err << "neurolift-cli: " << problem << '\n';
        return kExitBadInput;
    }

    std::ifstream in(options.file, std::ios::binary);
    if (!in) {
        err << options.file << ": error: cannot open the file (" << std::strerror(errno) << ")\n";
        return kExitBadInput;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();

    Architecture architecture;
    try {
        architecture = Architecture::fromJson(nlohmann::json::parse(text));
    } catch (const nlohmann::json::parse_error& e) {
        err << describeParseError(options.file, text, e) << '\n';
        return kExitBadInput;
    } catch (const std::exception& e) {
        err << options.file << ": error: " << e.what() << '\n';
        return kExitBadInput;
    }

    const auto issues = architecture.validate(options.inputs, *task);
    if (!issues.empty()) {
        for (const auto& issue : issues) {
            err << options.file << ": error: " << issue.message << '\n';
        }
        return kExitProblems;
    }

    const auto names = architecture.layerNames();
    const auto sizes = architecture.outputSizes(options.inputs);
    const auto parameters = layerParameterCounts(architecture, options.inputs);
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < architecture.layers.size(); ++i) {
        const auto& layer = architecture.layers[i];
        rows.push_back({std::to_string(i + 1), names[i], std::string(layerKindDisplayName(layer.kind)),
                        layerDetails(layer), std::to_string(sizes[i]), std::to_string(parameters[i])});
    }
    if (!architecture.name.empty()) {
        out << architecture.name << ": ";
    }
    out << options.inputs << " inputs, " << taskKindId(task->kind) << " target\n\n";
    printTable(out, {"#", "Layer", "Kind", "Units / activation", "Output", "Parameters"},
               {true, false, false, false, true, true}, rows);
    out << "\nTotal parameters: " << architecture.parameterCount(options.inputs) << '\n';
    return kExitOk;
}

void addArchitectureCommands(CLI::App& app, int& exitCode)
{
    CLI::App* architecture =
        app.add_subcommand("architecture", "Create and check network architectures (JSON files)");
    architecture->require_subcommand(1);

    auto templateOptions = std::make_shared<TemplateOptions>();
    CLI::App* templ = architecture->add_subcommand(
        "template", "Print a ready-made architecture as JSON: logistic regression, small, medium or deep");
    templ
        ->add_option_function<std::string>(
            "--name",
            [templateOptions](const std::string& name) { templateOptions->name = kTemplateNames.at(name); },
            "Which template: logistic (regression), small, medium or deep")
        ->required()
        ->check(CLI::IsMember(kTemplateNames));
    addTaskOptions(*templ, templateOptions->task);
    templ->callback(
        [templateOptions, &exitCode] { exitCode = runTemplate(*templateOptions, std::cout, std::cerr); });

    auto checkOptions = std::make_shared<CheckOptions>();
    CLI::App* check = architecture->add_subcommand(
        "check", "Check that an architecture file can train on the given inputs and target, "
                 "and print its layers and parameter counts");
    check->add_option("file", checkOptions->file, "Architecture JSON file")->required();
    check->add_option("--inputs", checkOptions->inputs, "Number of input features")->required();
    addTaskOptions(*check, checkOptions->task);
    check->callback([checkOptions, &exitCode] { exitCode = runCheck(*checkOptions, std::cout, std::cerr); });
}

} // namespace neurolift::cli

#pragma once

#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
} // namespace CLI

namespace neurolift::cli {

/// How to read the input file; unset fields are detected.
struct ImportFlags {
    std::string encoding;
    std::string delimiter;
    std::string decimal;
    std::string thousands;
    std::string dateOrder;
    std::string header;               ///< "yes" or "no"
    std::string ragged = "skip";      ///< "skip" or "stop"
    std::vector<std::string> types;   ///< COLUMN=TYPE
    std::vector<std::string> missing; ///< Extra missing-value markers.
};

struct TrainOptions {
    ImportFlags import;
    std::string file;
    std::string target;
    std::optional<std::string> positive;
    std::optional<std::string> id;
    std::vector<std::string> ignore;        ///< Columns not to use as features.
    std::string layers = "64:relu,32:relu"; ///< "none" trains a logistic/linear model.
    int epochs = 200;
    int batch = 64;
    float learningRate = 1e-3f;
    std::string optimizer = "adam";
    int seed = 42;
    int threads = 0;
    int patience = 15;
    std::string model;
};

struct ScoreOptions {
    ImportFlags import;
    std::string model;
    std::string file;
    std::string out;
};

/// Adds `inspect`, `train` and `score` to `app`; the command that runs stores its ExitCode in `exitCode`.
void addDataCommands(CLI::App& app, int& exitCode);

} // namespace neurolift::cli

#pragma once

#include "clicommon.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
} // namespace CLI

namespace neurolift::cli {

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
    std::string project; ///< Train on the project's data and add the run to it (instead of FILE / --model).
    std::string runName;
    bool force = false; ///< --model may replace an existing file of another kind.
};

struct ScoreOptions {
    ImportFlags import;
    std::string project;  ///< Score with a run of this project (instead of --model).
    std::int64_t run = 0; ///< 0: the latest run.
    std::string model;
    std::string file;
    std::string out;
    int reasons = 0; ///< Reason codes per direction (0: none, the file as before).
    bool segments = false; ///< Adds rank, decile and segment (two passes over FILE).
    std::string bands;     ///< "hot:0.7,warm:0.4,cold"
    std::string segment;   ///< A project's saved segments by name.
    bool bom = false;
    std::string outDelimiter = ",";
    bool force = false; ///< --out may replace an existing file of another kind.
};

/// Trains as `neurolift-cli train` does, on FILE or on --project's data (adding
/// the run to the project). Returns an ExitCode; throws what guarded() reports.
int runTrain(const TrainOptions& options);

/// Scores FILE as `neurolift-cli score` does (scorecommand.cpp). Returns an ExitCode.
int runScore(const ScoreOptions& options);

/// Adds `inspect`, `train` and `score` to `app`; the command that runs stores its ExitCode in `exitCode`.
void addDataCommands(CLI::App& app, int& exitCode);

} // namespace neurolift::cli

#pragma once

#include "clicommon.h"
#include "data/split.h"
#include "nn/tensor.h"
#include "project/project.h"

#include <cstdint>
#include <string>

namespace CLI {
class App;
} // namespace CLI

namespace neurolift::cli {

struct ExplainOptions {
    std::string project;
    std::int64_t run = 0; ///< 0: the latest run.
    int top = 15;         ///< Columns shown.
    int repeats = 5;
    int seed = 42;
    int threads = 0;
};

/// A run with its project's data and the rows it trained and validated on.
struct RunRows {
    std::int64_t id = 0;
    RunRecord run;
    Table table;
    Split split;
};

/// The run `id` of `path` (0: the latest), its data, and its split: as stored,
/// or, for runs of older projects that did not keep it, drawn again with the
/// run's seed (and said so on stderr). Throws UsageError, or ProjectError when the
/// stored split is damaged (never redrawn: the run may have learned from those rows).
RunRows loadRun(const std::string& path, std::int64_t id);

/// The baseline attributions are measured against: the mean of each prepared
/// input over the training rows. Model files written since reason codes exist
/// carry it ("baseline" in the summary); otherwise it is recomputed from the
/// project's data and the run's split. Throws UsageError when neither is there.
Vector trainingBaseline(const TrainedModel& model, const std::string& project, std::int64_t run);

/// Adds `explain`; the command that runs stores its exit code in `exitCode`.
void addExplainCommands(CLI::App& app, int& exitCode);

} // namespace neurolift::cli

#include "explaincommands.h"

#include "data/split.h"
#include "data/target.h"
#include "explain/attribution.h"
#include "explain/importance.h"
#include "project/project.h"
#include "training/pipeline.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>
#include <set>

namespace neurolift::cli {

RunRows loadRun(const std::string& path, std::int64_t id)
{
    const Project project = Project::open(path);
    if (!project.hasDataset()) {
        throw UsageError(path + " holds no data yet; run: neurolift-cli import FILE --project " + path);
    }
    RunRows r;
    if (id > 0) {
        r.id = id;
    } else {
        const auto runs = project.runs();
        if (runs.empty()) {
            throw UsageError(path + " has no trained run yet; run: neurolift-cli train --project " + path);
        }
        r.id = runs.back().id;
    }
    r.run = project.run(r.id);
    r.table = project.loadDataset();
    const TrainedModel& model = r.run.model;
    const TargetValues targets = targetValues(r.table, model.target);
    try {
        if (std::optional<Split> kept = storedSplit(r.run.split, targets.values)) {
            r.split = std::move(*kept);
            return r;
        }
    } catch (const std::invalid_argument& e) {
        // Redrawing would test the run on rows it may have learned from.
        const std::string run = "run " + std::to_string(r.id);
        throw ProjectError(ProjectError::Kind::Damaged, std::filesystem::path(path).filename().string(),
                           "the project is damaged while reading the split of " + run + ": " + e.what() +
                               "; use an intact copy or the recovery copy (if the data were replaced after " +
                               run + ", train a new run)");
    }
    std::cerr << "Run " << r.id << " did not keep its split (an older project); drawing it again with the run's "
              << "seed " << r.run.seed << '\n';
    ColumnChoice choice;
    choice.target = model.target.column;
    if (model.target.task == TaskKind::BinaryClassification && model.target.classes.size() == 2) {
        choice.positive = model.target.classes[1];
    }
    choice.idColumn = model.idColumn;
    std::vector<std::string> features;
    std::set<std::string> seen;
    for (const auto& s : model.recipe.featureSources()) {
        if (seen.insert(s).second) {
            features.push_back(s);
        }
    }
    choice.features = features;
    r.split = prepareData(r.table, choice, r.run.seed).split;
    return r;
}

namespace {

int runExplain(const ExplainOptions& o)
{
    if (o.project.empty()) {
        throw UsageError("explain: give --project P.nlproj [--run N]");
    }
    if (o.repeats < 1 || o.top < 1) {
        throw UsageError("--repeats and --top must be at least 1");
    }
    RunRows r = loadRun(o.project, o.run);
    const TrainedModel& model = r.run.model;
    const auto& rows = r.split.validation;
    if (rows.size() < 2) {
        throw std::invalid_argument("run " + std::to_string(r.id) + " has fewer than 2 validation rows to explain");
    }
    std::vector<RecipeWarning> warnings;
    const Matrix x = model.recipe.transform(r.table, rows, &warnings);
    const TargetValues t = targetValues(r.table, model.target);
    Matrix y(1, static_cast<Index>(rows.size()));
    for (std::size_t j = 0; j < rows.size(); ++j) {
        y(0, static_cast<Index>(j)) = t.values[static_cast<std::size_t>(rows[j])];
    }
    const Network net = model.network();
    const TaskSpec task = model.target.taskSpec();
    LossSpec loss;
    loss.kind = defaultLoss(task.kind);
    ImportanceOptions options;
    options.repeats = o.repeats;
    options.seed = static_cast<std::uint64_t>(o.seed);
    options.threads = o.threads;
    ProgressLine progress("Shuffling each column of " + std::to_string(rows.size()) + " validation rows");
    const ImportanceResult result =
        permutationImportance(net, task, loss, x, y, FeatureGroups::fromRecipe(model.recipe), options,
                              [&](double f) { return progress(f); });
    for (const auto& w : result.warnings) {
        std::cerr << w << '\n';
    }
    const bool auc = result.measure == "AUC";
    std::cout << "Permutation importance of run " << r.id << " on " << rows.size() << " validation rows ("
              << (auc ? "drop in AUC" : "increase in loss") << " when a column is shuffled, " << o.repeats
              << " repeats, seed " << o.seed << "; " << result.measure << " unshuffled " << std::fixed
              << std::setprecision(4) << result.baseline << ")\n";
    std::cout << std::left << std::setw(32) << "column" << std::right << std::setw(12) << "mean drop"
              << std::setw(12) << "spread" << '\n';
    const std::size_t shown = std::min(result.columns.size(), static_cast<std::size_t>(o.top));
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& c = result.columns[i];
        std::cout << std::left << std::setw(32) << c.column << std::right << std::setw(12) << c.mean
                  << std::setw(12) << c.spread << '\n';
    }
    if (shown < result.columns.size()) {
        std::cout << "(" << result.columns.size() - shown << " more columns; --top N shows more)\n";
    }
    return kExitOk;
}

} // namespace

Vector trainingBaseline(const TrainedModel& model, const std::string& project, std::int64_t run)
{
    if (model.summary.contains("baseline")) {
        const auto values = model.summary.at("baseline").get<std::vector<float>>();
        if (static_cast<int>(values.size()) == model.recipe.featureCount()) {
            return Eigen::Map<const Vector>(values.data(), static_cast<Index>(values.size()));
        }
    }
    if (project.empty()) {
        throw UsageError("--reasons: this model file was written before reason codes and lacks the training "
                         "means they are measured from; train it again, or score with --project");
    }
    RunRows r = loadRun(project, run);
    return meanBaseline(r.run.model.recipe.transform(r.table, r.split.train));
}

void addExplainCommands(CLI::App& app, int& exitCode)
{
    static ExplainOptions explain;
    auto* e = app.add_subcommand(
        "explain", "Show which columns a run's model relies on (permutation importance on its validation rows).");
    e->add_option("--project", explain.project, "Project file")->required();
    e->add_option("--run", explain.run, "Run number in the project (default: the latest)");
    e->add_option("--top", explain.top, "Columns to show")
        ->check(numberWithin(1, 100'000))
        ->capture_default_str();
    e->add_option("--repeats", explain.repeats, "Shuffles per column")
        ->check(numberWithin(1, 100))
        ->capture_default_str();
    e->add_option("--seed", explain.seed, "Seed of the shuffles")
        ->check(numberWithin(0, kMaxSeed))
        ->capture_default_str();
    e->add_option("--threads", explain.threads, "Threads (0: all cores)")
        ->check(numberWithin(0, kMaxThreads))
        ->capture_default_str();
    e->callback([&exitCode] { exitCode = guarded([] { return runExplain(explain); }); });
}

} // namespace neurolift::cli

#include "datacommands.h"

#include "explaincommands.h"

#include "project/project.h"

#include "architecturecommands.h"
#include "data/csvreader.h"
#include "data/recipe.h"
#include "data/split.h"
#include "data/target.h"
#include "explain/attribution.h"
#include "explain/reasons.h"
#include "model/modelfile.h"
#include "nn/batchscorer.h"
#include "scoring/atomicfile.h"
#include "scoring/csvcells.h"
#include "scoring/ranking.h"
#include "scoring/segments.h"
#include "training/metrics.h"
#include "training/pipeline.h"
#include "training/trainer.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <numeric>
#include <set>
#include <sstream>

namespace neurolift::cli {

namespace {

/// "64:relu,32:relu" (or "none") into hidden layers, then the task's output layer.
Architecture parseLayers(const std::string& text, const TaskSpec& task)
{
    Architecture a;
    a.name = text == "none" ? "Logistic regression" : text;
    if (text != "none" && !text.empty()) {
        std::stringstream ss(text);
        std::string item;
        while (std::getline(ss, item, ',')) {
            const auto colon = item.find(':');
            int units = 0;
            try {
                units = std::stoi(item.substr(0, colon));
            } catch (const std::exception&) {
                throw std::invalid_argument("--layers: \"" + item +
                                            "\" is not UNITS[:ACTIVATION], e.g. 64:relu");
            }
            Activation act = Activation::ReLU;
            if (colon != std::string::npos) {
                const auto parsed = activationFromId(item.substr(colon + 1));
                if (!parsed) {
                    throw std::invalid_argument("--layers: unknown activation \"" + item.substr(colon + 1) +
                                                "\"");
                }
                act = *parsed;
            }
            a.layers.push_back(LayerSpec::dense(units, act,
                                                act == Activation::ReLU || act == Activation::LeakyReLU
                                                    ? WeightInit::He
                                                    : WeightInit::Xavier));
        }
    }
    a.layers.push_back(LayerSpec::dense(task.outputUnits(), task.outputActivation(), WeightInit::Xavier));
    return a;
}

void printMetrics(const std::string& label, const EvaluationMetrics& m)
{
    std::cout << label << ": loss " << std::setprecision(4) << m.loss;
    if (m.auc) {
        std::cout << ", AUC " << *m.auc;
    }
    if (m.accuracy) {
        std::cout << ", accuracy " << *m.accuracy;
    }
    if (m.rmse) {
        std::cout << ", RMSE " << *m.rmse;
    }
    if (m.r2) {
        std::cout << ", R2 " << *m.r2;
    }
    std::cout << '\n';
}

int runInspect(const std::string& file, const ImportFlags& flags)
{
    const CsvResult data = readData(file, flags);
    const Table& t = data.table;
    std::cout << file << ": " << t.rowCount() << " rows, " << t.columnCount() << " columns, "
              << (data.delimiter == '\t' ? std::string("tab") : std::string(1, data.delimiter))
              << "-separated, " << encodingName(data.encoding) << (data.bom ? " with BOM" : "")
              << ", decimal " << (data.decimal == ',' ? "comma" : "point")
              << (data.thousands == 0 ? std::string()
                                      : std::string(", thousands separator '") + data.thousands + "'")
              << ", " << (data.header ? "with" : "without") << " a header row\n\n";
    std::cout << std::left << std::setw(28) << "column" << std::setw(13) << "type" << std::setw(10)
              << "missing"
              << "summary\n";
    for (const Column& c : t.columns()) {
        const double missingShare =
            t.rowCount() ? 100.0 * static_cast<double>(c.missingCount()) / static_cast<double>(t.rowCount())
                         : 0.0;
        std::ostringstream summary;
        if (c.type == ColumnType::Numeric || c.type == ColumnType::Date) {
            double sum = 0;
            long long n = 0;
            double lo = INFINITY;
            double hi = -INFINITY;
            for (std::size_t i = 0; i < c.values.size(); ++i) {
                if (!c.isMissing(i) && !std::isnan(c.values[i])) {
                    sum += c.values[i];
                    ++n;
                    lo = std::min(lo, c.values[i]);
                    hi = std::max(hi, c.values[i]);
                }
            }
            if (n > 0 && c.type == ColumnType::Date) {
                summary << formatDate(lo) << " to " << formatDate(hi);
            } else if (n > 0) {
                summary << "min " << formatValue(lo) << ", mean " << formatValue(sum / static_cast<double>(n))
                        << ", max " << formatValue(hi);
            }
        } else if (c.type == ColumnType::Categorical) {
            summary << c.levels.size() << " values: ";
            for (std::size_t i = 0; i < std::min<std::size_t>(c.levels.size(), 5); ++i) {
                summary << (i ? ", " : "") << c.levels[i];
            }
            if (c.levels.size() > 5) {
                summary << ", ...";
            }
        } else if (c.type == ColumnType::Boolean) {
            long long yes = 0;
            for (std::size_t i = 0; i < c.values.size(); ++i) {
                yes += !c.isMissing(i) && c.values[i] >= 0.5;
            }
            summary << yes << " yes";
        } else if (!c.strings.empty()) {
            summary << "e.g. " << c.strings.front();
        }
        std::ostringstream pct;
        pct << std::fixed << std::setprecision(1) << missingShare << "%";
        std::cout << std::left << std::setw(28) << c.name << std::setw(13) << columnTypeId(c.type)
                  << std::setw(10) << pct.str() << summary.str() << '\n';
    }
    return kExitOk;
}

} // namespace

int runTrain(const TrainOptions& input)
{
    TrainOptions o = input;
    if (o.project.empty() == o.file.empty()) {
        throw UsageError("train: give a CSV FILE, or --project P.nlproj to train on a project's data");
    }
    if (o.project.empty() && o.model.empty()) {
        throw UsageError("--model: say where to write the model (or train in a project with --project)");
    }
    if (!o.model.empty()) {
        // Before any work: an hour of training must not end in "cannot write there".
        checkOutputPath("--model", o.model, OutputKind::Model, {o.file, o.project}, o.force);
    }
    std::optional<Project> project;
    Table table;
    std::string source = o.file;
    if (!o.project.empty()) {
        project = Project::open(o.project);
        if (const std::string readOnly = whyReadOnly(o.project); !readOnly.empty()) {
            // Said now, not after the training: its run could not be saved.
            throw UsageError("--project: " + readOnly);
        }
        if (!project->hasDataset()) {
            throw UsageError(o.project + " holds no data yet; run: neurolift-cli import FILE --project " +
                             o.project);
        }
        source = project->datasetSource().fileName;
        std::cerr << "Reading the data of " << o.project << '\n';
        table = project->loadDataset();
        if (const auto saved = project->setting("target"); saved && o.target.empty()) {
            o.target = saved->value("column", "");
            if (!o.positive && saved->contains("positive")) {
                o.positive = saved->at("positive").get<std::string>();
            }
        }
    } else {
        table = std::move(readData(o.file, o.import).table);
    }
    if (o.target.empty()) {
        throw UsageError("--target: say which column to predict, e.g. --target Churn");
    }
    const std::string startedAt = utcNow();
    // What is wrong with the target is said before what is wrong with the options.
    targetValues(table, chooseTarget(table, o.target, o.positive));
    for (const std::string& name : o.ignore) {
        if (!table.column(name)) {
            throw std::invalid_argument("--ignore: the data has no column \"" + name + "\"");
        }
    }
    ColumnChoice choice;
    choice.target = o.target;
    choice.positive = o.positive;
    choice.idColumn = o.id;
    choice.ignore = o.ignore;
    const std::uint64_t seed = static_cast<std::uint64_t>(o.seed);
    const PreparedData data = prepareData(table, choice, seed);
    if (data.missingTargets > 0) {
        std::cerr << data.missingTargets << " rows have no value of \"" << o.target << "\" and are left out\n";
    }
    for (const std::string& note : data.selection.notes) {
        std::cerr << note << '\n';
    }
    const TargetSpec& target = data.target;
    const Recipe& recipe = data.recipe;
    const Split& split = data.split;
    const std::string& idColumn = data.selection.idColumn;
    const std::vector<std::string>& features = data.selection.features;
    const TaskSpec task = target.taskSpec();
    const Architecture arch = parseLayers(o.layers, task);
    const auto issues = arch.validate(recipe.featureCount(), task);
    if (!issues.empty()) {
        for (const auto& issue : issues) {
            std::cerr << "--layers: " << issue.message << '\n';
        }
        return kExitProblems;
    }
    TrainSpec spec = TrainSpec::forTask(task);
    const auto optimizer = optimizerKindFromId(o.optimizer);
    if (!optimizer) {
        std::cerr << "--optimizer: unknown optimiser \"" << o.optimizer << "\" (sgd, adam, adamw, rmsprop)\n";
        return kExitBadInput;
    }
    spec.optimizer.kind = *optimizer;
    spec.optimizer.learningRate = o.learningRate;
    spec.epochs = o.epochs;
    spec.batchSize = o.batch;
    spec.seed = seed;
    spec.threads = o.threads;
    spec.earlyStopping.patience = o.patience;

    std::cerr << "Training on " << split.train.size() << " rows (" << split.validation.size()
              << " to validate, " << split.test.size() << " held out for the test), " << recipe.featureCount()
              << " inputs from " << features.size() << " columns, network "
              << (o.layers == "none" ? "none (logistic)" : o.layers) << "\n";
    Network net(arch, recipe.featureCount(), seed);
    Trainer trainer(net, spec, data.train.view(), data.validation.view());
    TrainObserver observer;
    RunRecord run;
    observer.onEpoch = [&](const EpochReport& r) {
        run.history.push_back(runEpochFrom(r));
        std::cerr << "epoch " << r.epoch << ": train loss " << std::setprecision(4) << r.trainLoss;
        if (r.validation) {
            std::cerr << ", validation loss " << r.validation->loss;
            if (r.validation->auc) {
                std::cerr << ", AUC " << *r.validation->auc;
            }
        }
        std::cerr << '\n';
        return TrainControl::Continue;
    };
    const TrainResult result = trainer.run(observer);
    std::cerr << result.message << '\n';
    if (result.status == TrainStatus::Diverged) {
        return kExitProblems;
    }

    const EvaluationMetrics testMetrics = evaluate(net, data.test.view(), task, spec.loss);
    printMetrics("test (" + std::to_string(split.test.size()) + " held-out rows)", testMetrics);

    TrainedModel model;
    model.target = target;
    model.idColumn = idColumn;
    model.recipe = recipe;
    model.architecture = arch;
    model.weights = net.weights();
    model.summary = {{"source", source},
                     {"rows", table.rowCount()},
                     {"seed", o.seed},
                     {"epochs_run", result.history.size()},
                     {"best_epoch", result.bestEpoch},
                     {"status", trainStatusId(result.status)},
                     {"test_loss", testMetrics.loss}};
    if (testMetrics.auc) {
        model.summary["test_auc"] = *testMetrics.auc;
    }
    // The training means: the baseline reason codes are measured from.
    const Vector baseline = meanBaseline(data.train.x);
    model.summary["baseline"] = std::vector<float>(baseline.data(), baseline.data() + baseline.size());
    RemoveOnFailure created; // the model file, when saving the run then fails
    if (!o.model.empty()) {
        created.addIfNew(o.model);
        saveModel(o.model, model);
        std::cerr << "Model written to " << o.model << '\n';
    }
    if (project) {
        run.name = o.runName.empty() ? "run " + std::to_string(project->runs().size() + 1) : o.runName;
        run.settings = {{"layers", o.layers},       {"epochs", o.epochs},
                        {"batch", o.batch},         {"learning_rate", o.learningRate},
                        {"optimizer", o.optimizer}, {"patience", o.patience},
                        {"threads", o.threads},     {"target", o.target},
                        {"ignore", o.ignore}};
        run.seed = seed;
        run.startedAt = startedAt;
        run.finishedAt = utcNow();
        run.status = std::string(trainStatusId(result.status));
        run.message = result.message;
        run.warnings = result.warnings;
        run.metrics = testMetricsJson(testMetrics, split.test.size());
        run.bestEpoch = result.bestEpoch;
        run.split = splitAssignment(split, table.rowCount());
        run.model = model;
        run.lastEpochWeights = result.lastEpochWeights;
        nlohmann::json chosen{{"column", o.target}};
        if (o.positive) {
            chosen["positive"] = *o.positive;
        }
        project->setSetting("target", chosen);
        const std::int64_t id = project->addRun(run);
        std::cerr << "Run " << id << " (\"" << run.name << "\") saved in " << o.project << '\n';
    }
    created.dismiss();
    return kExitOk;
}

void addDataCommands(CLI::App& app, int& exitCode)
{
    auto* inspect =
        app.add_subcommand("inspect", "Show how a CSV/TSV file is read: columns, types, missing values.");
    static std::string inspectFile;
    static ImportFlags inspectImport;
    inspect->add_option("FILE", inspectFile, "Customer table (CSV or TSV)")->required();
    addImportOptions(*inspect, inspectImport);
    inspect->callback(
        [&exitCode] { exitCode = guarded([] { return runInspect(inspectFile, inspectImport); }); });

    static TrainOptions train;
    auto* t = app.add_subcommand("train", "Train a model on a customer table and write it to a model file.");
    t->add_option("FILE", train.file, "Customer table (CSV or TSV); or use --project");
    t->add_option("--project", train.project, "Train on this project's data and save the run in it");
    t->add_option("--run-name", train.runName, "Name of the run in the project");
    t->add_option("--target", train.target, "Column to predict, e.g. Churn (in a project: remembered)");
    t->add_option("--positive", train.positive, "Value of the target that counts as yes (default: detected)");
    t->add_option("--id", train.id, "Customer id column (default: the first identifier column)");
    t->add_option("--ignore", train.ignore, "Column not to use as a feature (repeat for several)");
    t->add_option("--layers", train.layers, "Hidden layers as UNITS:ACTIVATION,..., or none")
        ->capture_default_str();
    t->add_option("--epochs", train.epochs, "Most passes over the training rows")
        ->check(numberWithin(1, kMaxEpochs))
        ->capture_default_str();
    t->add_option("--batch", train.batch, "Rows per step")
        ->check(numberWithin(1, 1'000'000))
        ->capture_default_str();
    t->add_option("--lr", train.learningRate, "Learning rate")
        ->check(numberWithin(0, 10, true))
        ->capture_default_str();
    t->add_option("--optimizer", train.optimizer, "sgd, adam, adamw or rmsprop")->capture_default_str();
    t->add_option("--seed", train.seed, "Seed: the same seed gives the same model")
        ->check(numberWithin(0, kMaxSeed))
        ->capture_default_str();
    t->add_option("--threads", train.threads, "Threads (0: all cores)")
        ->check(numberWithin(0, kMaxThreads))
        ->capture_default_str();
    t->add_option("--patience", train.patience, "Stop after this many epochs without improvement")
        ->check(numberWithin(0, kMaxEpochs))
        ->capture_default_str();
    t->add_option("--model", train.model, "Model file to write (optional with --project)");
    t->add_flag("--force", train.force,
                "Replace an existing file of another kind (never an input, a project or a device)");
    addImportOptions(*t, train.import);
    t->callback([&exitCode] { exitCode = guarded([] { return runTrain(train); }); });

    static ScoreOptions score;
    auto* s = app.add_subcommand("score", "Score a customer table with a trained model and write a CSV.");
    s->add_option("--model", score.model, "Model file from `train`; or use --project");
    s->add_option("--project", score.project, "Score with a run of this project");
    s->add_option("--run", score.run, "Run number in the project (default: the latest)");
    s->add_option("FILE", score.file, "Customer table (CSV or TSV) with the model's columns")->required();
    s->add_option("--out", score.out, "Scored CSV to write")->required();
    s->add_flag("--force", score.force,
                "Replace an existing file of another kind (never an input, a project or a device)");
    s->add_option("--reasons", score.reasons,
                  "Add the K columns that pushed each score most up (reason_up_1..K) and down "
                  "(reason_down_1..K)")
        ->check(numberWithin(0, kMaxReasons));
    s->add_flag(
        "--segments", score.segments,
        "Add rank (1 = highest score; ties share), decile (ties never split) and segment columns; the "
        "segments are --bands, or --segment NAME of the project, or its latest saved ones");
    s->add_option("--bands", score.bands,
                  "Segments by score, e.g. hot:0.7,warm:0.4,cold (implies --segments)");
    s->add_option("--segment", score.segment, "Saved segments of the project to use (implies --segments)");
    s->add_flag("--bom", score.bom, "Start the file with a UTF-8 byte-order mark (for Excel on Windows)");
    s->add_option("--out-delimiter", score.outDelimiter,
                  "Delimiter of the scored file: one character, or tab")
        ->check(writableDelimiter())
        ->capture_default_str();
    addImportOptions(*s, score.import);
    s->callback([&exitCode] { exitCode = guarded([] { return runScore(score); }); });
}

} // namespace neurolift::cli

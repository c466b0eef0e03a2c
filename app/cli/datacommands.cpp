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

std::string formatValue(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.7g", v);
    return buf;
}

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
    std::optional<Project> project;
    Table table;
    std::string source = o.file;
    if (!o.project.empty()) {
        project = Project::open(o.project);
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
    if (!o.model.empty()) {
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
    return kExitOk;
}

namespace {

/// The header of the scored file: id, the model's outputs, then every column of the input.
std::vector<std::string> scoredHeader(const TrainedModel& model, bool withId,
                                      const std::vector<std::string>& columns, int reasons)
{
    std::vector<std::string> header;
    if (withId) {
        header.push_back(model.idColumn);
    }
    const TaskKind task = model.target.task;
    if (task == TaskKind::BinaryClassification) {
        header.push_back("score");
    } else if (task == TaskKind::MultiClassification) {
        header.push_back("predicted");
        for (const auto& c : model.target.classes) {
            header.push_back("p_" + c);
        }
    } else {
        header.push_back("predicted");
    }
    for (int k = 1; k <= reasons; ++k) {
        header.push_back("reason_up_" + std::to_string(k));
    }
    for (int k = 1; k <= reasons; ++k) {
        header.push_back("reason_down_" + std::to_string(k));
    }
    header.insert(header.end(), columns.begin(), columns.end());
    return header;
}

/// The model to score with: a run of --project (the latest by default), or --model.
/// `runId` is set to the run's number when it comes from a project.
TrainedModel scoringModel(const ScoreOptions& o, std::int64_t& runId)
{
    if (o.project.empty() == o.model.empty()) {
        throw UsageError("score: give --model M (a model file) or --project P.nlproj [--run N]");
    }
    if (o.project.empty()) {
        return loadModel(o.model);
    }
    const Project project = Project::open(o.project);
    if (o.run > 0) {
        std::cerr << "Scoring with run " << o.run << " of " << o.project << '\n';
        runId = o.run;
        return project.run(o.run).model;
    }
    const auto runs = project.runs();
    if (runs.empty()) {
        throw UsageError(o.project + " has no trained run yet; run: neurolift-cli train --project " +
                         o.project);
    }
    const std::int64_t id = runs.back().id;
    runId = id;
    std::cerr << "Scoring with run " << id << " of " << o.project << '\n';
    return project.run(id).model;
}

/// Reason codes of a batch: integrated gradients of each row's score (for
/// multi-class models, the probability of its predicted class) against the
/// training means, per source column, showing each cell as the file wrote it.
std::vector<RowReasons> batchReasons(const Network& net, const TrainedModel& model, const Matrix& x,
                                     const Matrix& scores, const Vector& baseline, const FeatureGroups& groups,
                                     const Table& raw, const Table& typed, int top)
{
    // The cells as written, missing where the typed column is.
    std::vector<Column> shown;
    for (const std::string& name : groups.columns) {
        const Column& t = *typed.column(name);
        Column c;
        c.name = name;
        c.type = ColumnType::Text;
        c.strings = raw.column(name)->strings;
        c.missing.resize(c.strings.size());
        for (std::size_t r = 0; r < c.strings.size(); ++r) {
            c.missing[r] = t.isMissing(r) || (!t.values.empty() && std::isnan(t.values[r])) ? 1 : 0;
        }
        shown.push_back(std::move(c));
    }
    const Table cells(std::move(shown), raw.rowCount());
    std::vector<std::int64_t> rows(static_cast<std::size_t>(x.cols()));
    std::iota(rows.begin(), rows.end(), std::int64_t{0});
    if (model.target.task != TaskKind::MultiClassification) {
        const AttributionResult a = attribute(net, x, baseline);
        return reasonCodes(a.values, groups, cells, rows, {top, 0.0});
    }
    std::vector<RowReasons> out(rows.size());
    for (Index k = 0; k < scores.rows(); ++k) {
        std::vector<std::int64_t> ofClass;
        for (Index j = 0; j < scores.cols(); ++j) {
            Index best = 0;
            scores.col(j).maxCoeff(&best);
            if (best == k) {
                ofClass.push_back(j);
            }
        }
        if (ofClass.empty()) {
            continue;
        }
        Matrix xs(x.rows(), static_cast<Index>(ofClass.size()));
        for (std::size_t i = 0; i < ofClass.size(); ++i) {
            xs.col(static_cast<Index>(i)) = x.col(ofClass[i]);
        }
        AttributionOptions options;
        options.output = k;
        const AttributionResult a = attribute(net, xs, baseline, options);
        auto part = reasonCodes(a.values, groups, cells, ofClass, {top, 0.0});
        for (std::size_t i = 0; i < ofClass.size(); ++i) {
            out[static_cast<std::size_t>(ofClass[i])] = std::move(part[i]);
        }
    }
    return out;
}

/// The segments `score --segments` adds: --bands, else --segment NAME of the project,
/// else the project's latest saved definition; none (rank and decile only) otherwise.
std::optional<SegmentDefinition> scoringSegments(const ScoreOptions& o)
{
    if (!o.bands.empty()) {
        return SegmentDefinition::parseBands(o.bands);
    }
    if (o.project.empty()) {
        if (!o.segment.empty()) {
            throw UsageError("--segment: saved segments live in a project; use --project, or --bands");
        }
        return std::nullopt;
    }
    const auto saved = Project::open(o.project).segments();
    for (auto it = saved.rbegin(); it != saved.rend(); ++it) {
        if (o.segment.empty() || it->name == o.segment) {
            return SegmentDefinition::fromJson(it->definition);
        }
    }
    if (!o.segment.empty()) {
        throw UsageError("--segment: " + o.project + " has no segments called \"" + o.segment +
                         "\"; save them with: neurolift-cli segment --project " + o.project + " --name " +
                         o.segment + " --bands ...");
    }
    return std::nullopt;
}

int runScore(const ScoreOptions& o)
{
    std::int64_t runId = 0;
    const TrainedModel model = scoringModel(o, runId);
    CsvOptions options = csvOptions(o.import);
    // Read each input column as the type it had in training (a small file
    // may otherwise look different, e.g. unique numbers as identifiers).
    const auto inputTypes = model.recipe.inputTypes();
    options.dateFormats = model.recipe.dateFormats();
    const Network net = model.network();
    BatchScorer scorer(net, 0);
    if (o.reasons < 0) {
        throw UsageError("--reasons: give the number of reasons per direction, e.g. --reasons 3");
    }
    if (o.outDelimiter.size() != 1 && o.outDelimiter != "tab") {
        throw UsageError("--out-delimiter: give one character, or tab");
    }
    const char delimiter = o.outDelimiter == "tab" ? '\t' : o.outDelimiter[0];
    const bool ranked = o.segments || !o.bands.empty() || !o.segment.empty();
    if (ranked && model.target.task == TaskKind::MultiClassification) {
        throw UsageError("--segments: ranks, deciles and segments need a yes/no or numeric model");
    }
    const std::optional<SegmentDefinition> segments = ranked ? scoringSegments(o) : std::nullopt;
    Vector baseline;
    FeatureGroups groups;
    if (o.reasons > 0) {
        baseline = trainingBaseline(model, o.project, runId);
        groups = FeatureGroups::fromRecipe(model.recipe);
    }

    struct Unreadable {
        std::size_t count = 0;
        std::string example;
    };
    std::map<std::string, Unreadable> unreadable;
    std::map<std::string, RecipeWarning> unseen;
    std::size_t rows = 0;
    std::optional<std::size_t> idIndex;
    bool started = false;
    // Ranks and segments need every score first: pass 1 keeps the scores (4 bytes a row,
    // plus 4 for the ranking's sorted copy and 4 for the ranks), pass 2 writes with them.
    std::vector<float> kept;
    std::optional<ScoreRanking> ranking;
    std::vector<std::uint32_t> ranks;
    std::optional<Segmenter> segmenter;
    std::optional<AtomicFile> out;

    // The model's inputs of a batch, typed as in training, and their scores.
    const auto scoreBatch = [&](const Table& batch, const CsvResult& layout, bool count, Table& typedOut,
                                Matrix& x) {
        std::vector<Column> inputs;
        for (const auto& [name, type] : inputTypes) {
            RetypedColumn r = retypeColumn(*batch.column(name), type, options, layout);
            if (count && r.unreadable > 0) {
                Unreadable& u = unreadable[name];
                u.count += r.unreadable;
                if (u.example.empty()) {
                    u.example = r.example;
                }
            }
            inputs.push_back(std::move(r.column));
        }
        typedOut = Table(std::move(inputs), batch.rowCount());
        std::vector<RecipeWarning> warnings;
        x = model.recipe.transform(typedOut, &warnings);
        if (count) {
            for (const RecipeWarning& w : warnings) {
                auto [it, inserted] = unseen.emplace(w.column, w);
                if (!inserted) {
                    it->second.count += w.count;
                }
            }
        }
        Matrix scores(net.outputSize(), x.cols());
        scorer.score(x, scores);
        return scores;
    };
    const auto checkColumns = [&](const Table& batch) {
        std::string absent;
        for (const auto& [name, type] : inputTypes) {
            if (!batch.column(name)) {
                absent += (absent.empty() ? "\"" : ", \"") + name + "\"";
            }
        }
        if (!absent.empty()) {
            throw std::invalid_argument("the file lacks column(s) the model needs: " + absent +
                                        "; score a file with the same columns as the training file");
        }
    };
    const auto keep = [&](const Table& batch, const CsvResult& layout) {
        if (kept.empty()) {
            checkColumns(batch);
        }
        Table typed;
        Matrix x;
        const Matrix scores = scoreBatch(batch, layout, false, typed, x);
        kept.insert(kept.end(), scores.data(), scores.data() + scores.cols());
    };
    const auto sink = [&](const Table& batch, const CsvResult& layout) {
        if (!started) {
            started = true;
            checkColumns(batch);
            for (std::size_t k = 0; k < layout.columnNames.size(); ++k) {
                if (layout.columnNames[k] == model.idColumn) {
                    idIndex = k;
                }
            }
            auto header = scoredHeader(model, idIndex.has_value(), layout.columnNames, o.reasons);
            if (ranking) {
                auto at = header.begin() + (idIndex ? 2 : 1);
                at = header.insert(at, {"rank", "decile"}) + 2;
                if (segmenter) {
                    header.insert(at, "segment");
                }
            }
            std::string line = o.bom ? "\xEF\xBB\xBF" : "";
            for (std::size_t i = 0; i < header.size(); ++i) {
                line += (i ? std::string(1, delimiter) : std::string()) + csvCell(header[i], true, delimiter);
            }
            out->write(line + '\n');
        }
        Table typed;
        Matrix x;
        const Matrix scores = scoreBatch(batch, layout, true, typed, x);
        const std::vector<RowReasons> reasons =
            o.reasons > 0 ? batchReasons(net, model, x, scores, baseline, groups, batch, typed, o.reasons)
                          : std::vector<RowReasons>();

        const TaskKind task = model.target.task;
        std::string line;
        for (std::size_t r = 0; r < batch.rowCount(); ++r) {
            const auto col = static_cast<Index>(r);
            line.clear();
            bool first = true;
            const auto cell = [&](const std::string& text, bool fromUser) {
                if (!first) {
                    line += delimiter;
                }
                line += csvCell(text, fromUser, delimiter);
                first = false;
            };
            if (idIndex) {
                cell(batch.column(*idIndex).strings[r], true);
            }
            if (task == TaskKind::MultiClassification) {
                Index best = 0;
                scores.col(col).maxCoeff(&best);
                cell(model.target.classes[static_cast<std::size_t>(best)], true);
                for (Index k = 0; k < scores.rows(); ++k) {
                    cell(formatValue(scores(k, col)), false);
                }
            } else {
                cell(formatValue(scores(0, col)), false);
            }
            if (ranking) {
                // The pass-1 score of this row: the same computation, so ranks match the file.
                const float s = kept[rows + r];
                const std::uint32_t rank = ranks[rows + r];
                cell(std::to_string(rank), false);
                cell(std::to_string(ranking->groupOfRank(rank, 10)), false);
                if (segmenter) {
                    cell(segmenter->names()[segmenter->segmentOf(s)], true);
                }
            }
            if (o.reasons > 0) {
                const RowReasons& why = reasons[r];
                for (std::size_t k = 0; k < static_cast<std::size_t>(o.reasons); ++k) {
                    cell(k < why.up.size() ? why.up[k].text : std::string(), true);
                }
                for (std::size_t k = 0; k < static_cast<std::size_t>(o.reasons); ++k) {
                    cell(k < why.down.size() ? why.down[k].text : std::string(), true);
                }
            }
            for (const Column& c : batch.columns()) {
                cell(c.strings[r], true); // the cell as the file wrote it
            }
            line += '\n';
            out->write(line);
        }
        rows += batch.rowCount();
    };
    CsvResult layout;
    if (ranked) {
        ProgressLine first("Reading the scores of " + o.file);
        streamCsv(o.file, options, 65536, keep, [&](double f) { return first(f); });
        ranking.emplace(kept);
        ranks = ranking->ranksOf(kept);
        if (segments) {
            segmenter.emplace(*segments, kept);
        }
    }
    try {
        out.emplace(o.out);
    } catch (const std::runtime_error& e) {
        std::cerr << e.what() << '\n';
        return kExitBadInput;
    }
    ProgressLine progress("Scoring " + o.file);
    layout = streamCsv(o.file, options, 65536, sink, [&](double f) { return progress(f); });
    if (ranked && rows != kept.size()) {
        throw std::runtime_error(o.file + " changed while it was being scored; score it again");
    }
    printCsvWarnings(o.file, layout.warnings);
    for (const auto& [name, u] : unreadable) {
        std::cerr << o.file << ": column \"" << name << "\": " << u.count
                  << (u.count == 1 ? " value does" : " values do") << " not read as "
                  << columnTypeId(inputTypes.at(name)) << " (e.g. \"" << u.example << "\") and "
                  << (u.count == 1 ? "was" : "were") << " scored as missing\n";
    }
    for (const auto& [name, w] : unseen) {
        std::cerr << o.file << ": " << Recipe::unseenMessage(name, w.count, w.example) << '\n';
    }
    try {
        out->commit(); // until here the file has no name: a failure or a kill leaves nothing behind
    } catch (const std::runtime_error& e) {
        std::cerr << e.what() << '\n';
        return kExitBadInput;
    }
    std::cerr << "Scored " << rows << " rows into " << o.out << '\n';
    if (!o.project.empty()) {
        ExportRecord e;
        e.path = std::filesystem::absolute(o.out).string();
        e.run = runId;
        e.rows = rows;
        e.details = {{"kind", "scores"}, {"input", std::filesystem::path(o.file).filename().string()}};
        if (ranked) {
            e.details["ranked"] = true;
        }
        if (segments) {
            e.details["segments"] = segments->toJson();
        }
        Project::open(o.project).addExport(e);
    }
    return kExitOk;
}

} // namespace

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
    t->add_option("--epochs", train.epochs, "Most passes over the training rows")->capture_default_str();
    t->add_option("--batch", train.batch, "Rows per step")->capture_default_str();
    t->add_option("--lr", train.learningRate, "Learning rate")->capture_default_str();
    t->add_option("--optimizer", train.optimizer, "sgd, adam, adamw or rmsprop")->capture_default_str();
    t->add_option("--seed", train.seed, "Seed: the same seed gives the same model")->capture_default_str();
    t->add_option("--threads", train.threads, "Threads (0: all cores)")->capture_default_str();
    t->add_option("--patience", train.patience, "Stop after this many epochs without improvement")
        ->capture_default_str();
    t->add_option("--model", train.model, "Model file to write (optional with --project)");
    addImportOptions(*t, train.import);
    t->callback([&exitCode] { exitCode = guarded([] { return runTrain(train); }); });

    static ScoreOptions score;
    auto* s = app.add_subcommand("score", "Score a customer table with a trained model and write a CSV.");
    s->add_option("--model", score.model, "Model file from `train`; or use --project");
    s->add_option("--project", score.project, "Score with a run of this project");
    s->add_option("--run", score.run, "Run number in the project (default: the latest)");
    s->add_option("FILE", score.file, "Customer table (CSV or TSV) with the model's columns")->required();
    s->add_option("--out", score.out, "Scored CSV to write")->required();
    s->add_option("--reasons", score.reasons,
                  "Add the K columns that pushed each score most up (reason_up_1..K) and down "
                  "(reason_down_1..K)");
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
        ->capture_default_str();
    addImportOptions(*s, score.import);
    s->callback([&exitCode] { exitCode = guarded([] { return runScore(score); }); });
}

} // namespace neurolift::cli

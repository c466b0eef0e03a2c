// `neurolift-cli score`: a customer file scored by a model file or a project's run,
// streamed in batches, with ranks, segments and reason codes when asked for.
#include "datacommands.h"

#include "architecturecommands.h"
#include "data/csvreader.h"
#include "data/recipe.h"
#include "data/split.h"
#include "data/target.h"
#include "explain/attribution.h"
#include "explain/reasons.h"
#include "explaincommands.h"
#include "model/modelfile.h"
#include "nn/batchscorer.h"
#include "project/project.h"
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
                                     const Matrix& scores, const Vector& baseline,
                                     const FeatureGroups& groups, const Table& raw, const Table& typed,
                                     int top, const ColumnWords& words)
{
    // The cells as written, missing where the typed column is.
    std::vector<Column> shown;
    for (const std::string& name : groups.columns) {
        const Column& t = *typed.column(name);
        if (readsAsYesNo(t) && words.contains(name)) {
            shown.push_back(t); // a described 0/1 column reads yes/no
            continue;
        }
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
        return reasonCodes(a.values, groups, cells, rows, {top, 0.0, &words});
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
        auto part = reasonCodes(a.values, groups, cells, ofClass, {top, 0.0, &words});
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

} // namespace

int runScore(const ScoreOptions& o)
{
    checkOutputPath("--out", o.out, OutputKind::Text, {o.file, o.model, o.project}, o.force);
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
    // Bands need a yes/no model, as in `segment`; a numeric one's plain --segments gets rank and decile.
    const bool yesNo = model.target.task == TaskKind::BinaryClassification;
    const auto segments =
        ranked && (yesNo || !o.bands.empty() || !o.segment.empty()) ? scoringSegments(o) : std::nullopt;
    if (segments) {
        requireYesNoScores(model.target.task,
                           runId > 0 ? "run " + std::to_string(runId) : "\"" + o.model + "\"");
    }
    Vector baseline;
    FeatureGroups groups;
    ColumnWords words;
    if (o.reasons > 0) {
        baseline = trainingBaseline(model, o.project, runId);
        groups = FeatureGroups::fromRecipe(model.recipe);
        // The project's words for its columns ("Viewed the pricing page: no"), as the workbench shows
        // reasons.
        if (!o.project.empty()) {
            if (const auto setting = Project::open(o.project).setting(kColumnWordsSetting)) {
                try {
                    words = columnWordsFromJson(*setting);
                } catch (const std::runtime_error& e) {
                    throw std::runtime_error(o.project + ": " + e.what() +
                                             "; describe the columns again on the Data page");
                }
            }
        }
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
            o.reasons > 0
                ? batchReasons(net, model, x, scores, baseline, groups, batch, typed, o.reasons, words)
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
        recordExport(o.project, e);
    }
    return kExitOk;
}

} // namespace neurolift::cli

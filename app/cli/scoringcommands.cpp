#include "scoringcommands.h"

#include "clicommon.h"
#include "explaincommands.h"

#include "data/target.h"
#include "project/project.h"
#include "scoring/atomicfile.h"
#include "scoring/evaluation.h"
#include "scoring/scoredexport.h"
#include "scoring/segments.h"
#include "scoring/sqlexport.h"
#include "scoring/thresholds.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace neurolift::cli {

namespace {

struct EvaluateOptions {
    std::string project;
    std::int64_t run = 0;
    double threshold = 0.5;
    int groups = 10;
};

struct SegmentOptions {
    std::string project;
    std::int64_t run = 0;
    std::string name = "segments";
    std::string bands;
    int quantiles = 0;
    std::size_t top = 0;
    double topShare = 0;
    std::string summaryCsv;
    bool force = false;
};

struct ExportOptions {
    std::string project;
    std::int64_t run = 0;
    std::string out;
    std::string format; ///< "csv" or "xlsx"; from the file name when empty.
    std::vector<std::string> columns;
    std::string bands;
    std::string segment;
    int reasons = 0;
    bool bom = false;
    std::string delimiter = ",";
    bool force = false;
};

struct SqlOptions {
    std::string project;
    std::int64_t run = 0;
    std::string dialect = "sqlite";
    std::string table = "customers";
    std::string out;
    bool force = false;
};

std::string fixed(double v, int digits)
{
    std::ostringstream s;
    s << std::fixed << std::setprecision(digits) << v;
    return s.str();
}

/// The run's scores and labels on its test rows, and its scores on every row with a target or not.
struct RunScores {
    RunRows r;
    std::vector<float> all;
    std::vector<float> testScores;
    std::vector<float> testLabels;
};

RunScores runScores(const std::string& project, std::int64_t run)
{
    if (project.empty()) {
        throw UsageError("give --project P.nlproj [--run N]");
    }
    RunScores s;
    s.r = loadRun(project, run);
    const TrainedModel& model = s.r.run.model;
    s.all = scoreTable(s.r.table, model, 0);
    const TargetValues t = targetValues(s.r.table, model.target);
    for (const std::int64_t row : s.r.split.test) {
        s.testScores.push_back(s.all[static_cast<std::size_t>(row)]);
        const float y = t.values[static_cast<std::size_t>(row)];
        s.testLabels.push_back(model.target.task == TaskKind::BinaryClassification ? (y >= 0.5f ? 1.0f : 0.0f)
                                                                                   : y);
    }
    if (s.testScores.empty()) {
        throw std::invalid_argument("run " + std::to_string(s.r.id) + " has no test rows to evaluate on");
    }
    return s;
}

int runEvaluate(const EvaluateOptions& o)
{
    const RunScores s = runScores(o.project, o.run);
    const TrainedModel& model = s.r.run.model;
    std::cout << "run " << s.r.id << " (\"" << s.r.run.name << "\"), test split: " << s.testScores.size()
              << " rows\n";
    if (model.target.task == TaskKind::Regression) {
        const RegressionEvaluation e = evaluateRegression(s.testScores, s.testLabels);
        std::cout << "RMSE " << e.metrics.rmse << ", MAE " << e.metrics.mae << ", R2 "
                  << fixed(e.metrics.r2, 4) << ", mean residual (target - predicted) " << e.meanResidual
                  << '\n';
        return kExitOk;
    }
    EvaluationOptions options;
    options.threshold = o.threshold;
    options.groups = o.groups;
    const BinaryEvaluation e = evaluateBinary(s.testScores, s.testLabels, options);
    const std::string yes = model.target.classes.size() == 2 ? model.target.classes[1] : "yes";
    std::cout << "positives (" << model.target.column << " = " << yes << "): " << e.positives << " ("
              << fixed(100.0 * e.baseRate, 1) << "%)\n";
    std::cout << "AUC " << fixed(e.auc, 4) << ", average precision " << fixed(e.averagePrecision, 4)
              << "\n\n";
    const ConfusionMatrix& c = e.confusion;
    std::cout << "confusion matrix at threshold " << o.threshold << " (score >= threshold predicts " << yes
              << "):\n";
    std::cout << std::left << std::setw(20) << "" << std::setw(16) << "predicted yes"
              << "predicted no\n"
              << std::setw(20) << "actually yes" << std::setw(16) << c.truePositives << c.falseNegatives
              << '\n'
              << std::setw(20) << "actually no" << std::setw(16) << c.falsePositives << c.trueNegatives
              << '\n';
    std::cout << "precision " << fixed(c.precision, 4) << ", recall " << fixed(c.recall, 4) << ", F1 "
              << fixed(c.f1, 4) << ", accuracy " << fixed(c.accuracy, 4) << '\n';
    const ThresholdChoice best = bestF1Threshold(s.testScores, s.testLabels);
    std::cout << "best F1 " << fixed(best.f1, 4) << " at threshold " << best.threshold << " ("
              << best.selected << " contacted)\n\n";
    std::cout << (o.groups == 10 ? "deciles" : "groups")
              << " (1 = highest scores; tied scores share a group):\n";
    std::cout << std::right << std::setw(6) << "group" << std::setw(11) << "customers" << std::setw(11)
              << "positives" << std::setw(10) << "rate" << std::setw(8) << "lift" << std::setw(12)
              << "cum. gain" << std::setw(11) << "cum. lift" << std::setw(12) << "min score" << '\n';
    for (const QuantileRow& r : e.deciles) {
        std::cout << std::setw(6) << r.group << std::setw(11) << r.customers << std::setw(11) << r.positives
                  << std::setw(10) << fixed(r.responseRate, 4) << std::setw(8) << fixed(r.lift, 2)
                  << std::setw(12) << fixed(r.cumulativeGain, 4) << std::setw(11)
                  << fixed(r.cumulativeLift, 2) << std::setw(12)
                  << (r.customers ? fixed(r.minScore, 4) : std::string("-")) << '\n';
    }
    return kExitOk;
}

SegmentDefinition segmentDefinition(const SegmentOptions& o)
{
    const int given = (o.bands.empty() ? 0 : 1) + (o.quantiles > 0 ? 1 : 0) + (o.top > 0 ? 1 : 0) +
                      (o.topShare > 0 ? 1 : 0);
    if (given != 1) {
        throw UsageError("segment: give one of --bands hot:0.7,warm:0.4,cold, --quantiles 10, --top N or "
                         "--top-share 0.1");
    }
    if (!o.bands.empty()) {
        return SegmentDefinition::parseBands(o.bands);
    }
    if (o.quantiles > 0) {
        return SegmentDefinition::byQuantiles(o.quantiles);
    }
    return o.top > 0 ? SegmentDefinition::byTopN(o.top) : SegmentDefinition::byTopShare(o.topShare);
}

int runSegment(const SegmentOptions& o)
{
    if (const std::string readOnly = whyReadOnly(o.project); !readOnly.empty()) {
        throw UsageError("--project: " + readOnly); // segments are saved in it
    }
    if (!o.summaryCsv.empty()) {
        checkOutputPath("--summary-csv", o.summaryCsv, OutputKind::Text, {o.project}, o.force);
    }
    const SegmentDefinition definition = segmentDefinition(o);
    const RunScores s = runScores(o.project, o.run);
    requireYesNoScores(s.r.run.model.target.task, "run " + std::to_string(s.r.id));
    const auto summary = summariseSegments(definition, s.all, s.testScores, s.testLabels);
    // The summary file first: when it cannot be written, the project is left as it was.
    RemoveOnFailure created;
    if (!o.summaryCsv.empty()) {
        created.addIfNew(o.summaryCsv);
        writeSegmentSummaryCsv(o.summaryCsv, summary);
    }
    Project project = Project::open(o.project);
    nlohmann::json stored = definition.toJson();
    stored["run"] = s.r.id;
    const std::int64_t id = project.saveSegment(o.name, stored);
    std::cerr << "Segments \"" << o.name << "\" saved in " << o.project << '\n';
    std::cout << "segments \"" << o.name << "\" over " << s.all.size() << " customers (run " << s.r.id
              << "); observed rates on the " << s.testScores.size() << " test rows\n";
    std::cout << std::left << std::setw(16) << "segment" << std::right << std::setw(11) << "customers"
              << std::setw(8) << "share" << std::setw(12) << "mean score" << std::setw(10) << "exp. lift"
              << std::setw(12) << "test rows" << std::setw(15) << "observed rate" << std::setw(15)
              << "observed lift" << '\n';
    for (const SegmentStats& st : summary) {
        std::cout << std::left << std::setw(16) << st.name << std::right << std::setw(11) << st.customers
                  << std::setw(8) << fixed(100.0 * st.share, 1) + "%" << std::setw(12)
                  << fixed(st.meanScore, 4) << std::setw(10) << fixed(st.expectedLift, 2) << std::setw(12)
                  << st.testCustomers << std::setw(15)
                  << (st.observedRate ? fixed(*st.observedRate, 4) : std::string("-")) << std::setw(15)
                  << (st.observedLift ? fixed(*st.observedLift, 2) : std::string("-")) << '\n';
    }
    if (!o.summaryCsv.empty()) {
        ExportRecord e;
        e.path = std::filesystem::absolute(o.summaryCsv).string();
        e.run = s.r.id;
        e.segment = id;
        e.rows = summary.size();
        e.details = {{"kind", "segment_summary"}, {"format", "csv"}, {"segments", o.name}};
        project.addExport(e);
        std::cerr << "Segment summary written to " << o.summaryCsv << '\n';
    }
    created.dismiss();
    return kExitOk;
}

int runExport(const ExportOptions& o)
{
    if (o.project.empty() || o.out.empty()) {
        throw UsageError("export: give --project P.nlproj --out FILE.csv|FILE.xlsx");
    }
    const std::string format = !o.format.empty()                                     ? o.format
                               : std::filesystem::path(o.out).extension() == ".xlsx" ? "xlsx"
                                                                                     : "csv";
    if (format != "csv" && format != "xlsx") {
        throw UsageError("--format: csv or xlsx");
    }
    checkOutputPath("--out", o.out, format == "xlsx" ? OutputKind::Workbook : OutputKind::Text, {o.project},
                    o.force);
    if (o.delimiter.size() != 1 && o.delimiter != "tab") {
        throw UsageError("--delimiter: give one character, or tab");
    }
    RunRows r = loadRun(o.project, o.run);
    ScoredExportOptions options;
    options.path = o.out;
    options.format = format == "xlsx" ? ExportFormat::Xlsx : ExportFormat::Csv;
    options.csv.bom = o.bom;
    options.csv.delimiter = o.delimiter == "tab" ? '\t' : o.delimiter[0];
    options.columns = o.columns;
    options.reasons = o.reasons;
    options.threads = 0;
    std::optional<std::int64_t> segmentId;
    if (!o.bands.empty()) {
        options.segments = SegmentDefinition::parseBands(o.bands);
    } else if (!o.segment.empty()) {
        for (const SegmentRecord& s : Project::open(o.project).segments()) {
            if (s.name == o.segment) {
                options.segments = SegmentDefinition::fromJson(s.definition);
                segmentId = s.id;
            }
        }
        if (!options.segments) {
            throw UsageError("--segment: " + o.project + " has no segments called \"" + o.segment + "\"");
        }
    }
    if (options.segments) {
        requireYesNoScores(r.run.model.target.task, "run " + std::to_string(r.id));
    }
    if (o.reasons > 0) {
        options.baseline = trainingBaseline(r.run.model, o.project, r.id);
    }
    ProgressLine progress("Exporting to " + o.out);
    const auto started = std::chrono::steady_clock::now();
    const ExportResult result =
        exportScores(r.table, r.run.model, options, [&](double f) { return progress(f); });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    for (const std::string& w : result.warnings) {
        std::cerr << w << '\n';
    }
    const ExportRecord e = exportRecordFor(options, result, r.id, segmentId);
    recordExport(o.project, e);
    std::cerr << "Exported " << result.rows << " customers to " << o.out << " in " << fixed(seconds, 2)
              << " s\n";
    return kExitOk;
}

int runExportSql(const SqlOptions& o)
{
    if (!o.out.empty()) {
        checkOutputPath("--out", o.out, OutputKind::Text, {o.project}, o.force);
    }
    if (o.project.empty()) {
        throw UsageError("export-sql: give --project P.nlproj [--run N] --dialect sqlite|postgres");
    }
    SqlExportOptions options;
    if (o.dialect == "sqlite") {
        options.dialect = SqlDialect::Sqlite;
    } else if (o.dialect == "postgres" || o.dialect == "postgresql") {
        options.dialect = SqlDialect::Postgres;
    } else {
        throw UsageError("--dialect: sqlite or postgres");
    }
    options.table = o.table;
    Project project = Project::open(o.project);
    std::int64_t id = o.run;
    if (id <= 0) {
        const auto runs = project.runs();
        if (runs.empty()) {
            throw UsageError(o.project + " has no trained run yet; run: neurolift-cli train --project " +
                             o.project);
        }
        id = runs.back().id;
    }
    const std::string sql = modelSql(project.run(id).model, options);
    ExportRecord e;
    if (o.out.empty()) {
        std::cout << sql;
        e.path = "(standard output)";
    } else {
        AtomicFile file(o.out);
        file.write(sql);
        file.commit();
        e.path = std::filesystem::absolute(o.out).string();
    }
    e.run = id;
    e.details = {{"kind", "sql"}, {"dialect", o.dialect}, {"table", o.table}};
    recordExport(o.project, e);
    if (!o.out.empty()) {
        std::cerr << "SQL of run " << id << " written to " << o.out << '\n';
    }
    return kExitOk;
}

} // namespace

void addScoringCommands(CLI::App& app, int& exitCode)
{
    static EvaluateOptions evaluate;
    auto* ev =
        app.add_subcommand("evaluate", "Evaluate a run on its held-out test rows: AUC, confusion matrix, "
                                       "deciles with lift and cumulative gain.");
    ev->add_option("--project", evaluate.project, "Project file")->required();
    ev->add_option("--run", evaluate.run, "Run number (default: the latest)");
    ev->add_option("--threshold", evaluate.threshold, "Score from which a customer counts as predicted yes")
        ->check(numberWithin(0, 1))
        ->capture_default_str();
    ev->add_option("--groups", evaluate.groups, "Groups of the table: 10 deciles, 5 quintiles, ...")
        ->check(numberWithin(2, 100))
        ->capture_default_str();
    ev->callback([&exitCode] { exitCode = guarded([] { return runEvaluate(evaluate); }); });

    static SegmentOptions segment;
    auto* sg =
        app.add_subcommand("segment", "Define named segments by score, save them in the project and show "
                                      "each one's size, expected and observed response rate, and lift.");
    sg->add_option("--project", segment.project, "Project file")->required();
    sg->add_option("--run", segment.run, "Run number (default: the latest)");
    sg->add_option("--name", segment.name, "Name the segments are saved under")->capture_default_str();
    sg->add_option("--bands", segment.bands, "Bands by score, highest first: hot:0.7,warm:0.4,cold");
    sg->add_option("--quantiles", segment.quantiles, "Equal groups by rank: 10 deciles, 5 quintiles")
        ->check(numberWithin(2, 100));
    sg->add_option("--top", segment.top, "The N highest-scored customers (and everybody tied with the last)");
    sg->add_option("--top-share", segment.topShare, "The top share of customers, e.g. 0.1 for 10%")
        ->check(numberWithin(0, 1, true));
    sg->add_option("--summary-csv", segment.summaryCsv, "Also write the summary to this CSV");
    sg->add_flag("--force", segment.force,
                 "Replace an existing file of another kind (never an input, a project or a device)");
    sg->callback([&exitCode] { exitCode = guarded([] { return runSegment(segment); }); });

    static ExportOptions exportOptions;
    auto* ex =
        app.add_subcommand("export", "Score the project's customers and write a CSV or an Excel workbook "
                                     "(.xlsx: scored customers and a segment summary sheet).");
    ex->add_option("--project", exportOptions.project, "Project file")->required();
    ex->add_option("--run", exportOptions.run, "Run number (default: the latest)");
    ex->add_option("--out", exportOptions.out, "File to write: .xlsx for Excel, else CSV")->required();
    ex->add_option("--format", exportOptions.format, "csv or xlsx (default: from the file name)");
    ex->add_option("--columns", exportOptions.columns, "Original columns to add")->delimiter(',');
    ex->add_option("--bands", exportOptions.bands, "Segments by score: hot:0.7,warm:0.4,cold");
    ex->add_option("--segment", exportOptions.segment, "Saved segments of the project (see `segment`)");
    ex->add_option("--reasons", exportOptions.reasons, "Reason codes per direction")
        ->check(numberWithin(0, kMaxReasons));
    ex->add_flag("--force", exportOptions.force,
                 "Replace an existing file of another kind (never an input, a project or a device)");
    ex->add_flag("--bom", exportOptions.bom, "CSV: start with a UTF-8 byte-order mark (Excel on Windows)");
    ex->add_option("--delimiter", exportOptions.delimiter, "CSV delimiter: one character, or tab")
        ->check(writableDelimiter())
        ->capture_default_str();
    ex->callback([&exitCode] { exitCode = guarded([] { return runExport(exportOptions); }); });

    static SqlOptions sql;
    auto* sq =
        app.add_subcommand("export-sql", "Write a run's model as one SQL SELECT that scores a table inside "
                                         "a database (SQLite or PostgreSQL).");
    sq->add_option("--project", sql.project, "Project file")->required();
    sq->add_option("--run", sql.run, "Run number (default: the latest)");
    sq->add_option("--dialect", sql.dialect, "sqlite or postgres")->capture_default_str();
    sq->add_option("--table", sql.table, "Table holding the customers, with the training file's column names")
        ->capture_default_str();
    sq->add_option("--out", sql.out, "File to write (default: standard output)");
    sq->add_flag("--force", sql.force,
                 "Replace an existing file of another kind (never an input, a project or a device)");
    sq->callback([&exitCode] { exitCode = guarded([] { return runExportSql(sql); }); });
}

} // namespace neurolift::cli

#include "democommands.h"

#include "clicommon.h"
#include "data/demo.h"
#include "datacommands.h"
#include "project/project.h"
#include "scoring/atomicfile.h"
#include "training/pipeline.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>

namespace neurolift::cli {

namespace {

struct DemoCommandOptions {
    std::string name;
    bool list = false;
    std::string out;
    std::string project;
    bool train = false;
    std::optional<std::size_t> rows;
    std::optional<double> noise;
    std::uint64_t seed = 42;
    int threads = 0; ///< For --train.
    bool force = false;
};

/// The demo's target, positive answer and id column, as a project stores the choice.
ColumnChoice demoChoice(const DemoInfo& info)
{
    ColumnChoice choice;
    choice.target = std::string(info.target);
    if (!info.positive.empty()) {
        choice.positive = std::string(info.positive);
    }
    choice.idColumn = std::string(info.idColumn);
    return choice;
}

int runList()
{
    for (const DemoInfo& d : demoCatalogue()) {
        std::cout << std::left << std::setw(18) << d.id << d.description << '\n';
    }
    return kExitOk;
}

/// The content hash `import` records for a file holding `bytes` (fileContentHash's FNV-1a).
std::string contentHash(const std::string& bytes)
{
    std::uint64_t h = 0xCBF29CE484222325ull;
    for (const char c : bytes) {
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "fnv1a64:%016llx", static_cast<unsigned long long>(h));
    return buf;
}

/// A new project holding `table`, with the demo's target, positive answer and id stored as the
/// Data page and `train --project` read them.
void writeProject(const std::string& path, const DemoInfo& info, const Table& table,
                  const DemoCommandOptions& o, const std::string& csv)
{
    DatasetSource source;
    source.fileName = std::string(info.id) + ".csv";
    // As if the CSV of --out had been imported: the same size and hash.
    source.fileSize = csv.size();
    source.fileHash = contentHash(csv);
    source.importOptions = {{"generated", {{"demo", info.id}, {"rows", table.rowCount()}, {"seed", o.seed}}}};
    if (o.noise) {
        source.importOptions["generated"]["noise"] = *o.noise;
    }
    source.importedAt = utcNow();
    Project project = Project::create(path);
    project.saveDataset(table, source);
    project.setSetting("target", demoChoice(info).toJson());
}

int runDemo(const DemoCommandOptions& o)
{
    if (o.list) {
        return runList();
    }
    if (o.name.empty()) {
        throw UsageError("demo: name a demo (neurolift-cli demo --list shows them)");
    }
    const auto kind = demoFromId(o.name);
    if (!kind) {
        throw UsageError("demo: there is no demo called \"" + o.name +
                         "\"; neurolift-cli demo --list shows them");
    }
    if (o.out.empty() && o.project.empty()) {
        throw UsageError("demo: say where to write it: --out FILE.csv or --project FILE.nlproj");
    }
    if (o.train && o.project.empty()) {
        throw UsageError("--train: the run is kept in a project; add --project FILE.nlproj");
    }
    std::error_code ec;
    if (!o.out.empty()) {
        if (!o.project.empty() && std::filesystem::absolute(o.out) == std::filesystem::absolute(o.project)) {
            throw UsageError("--out and --project name the same file; give each its own name");
        }
        checkOutputPath("--out", o.out, OutputKind::Text, {}, o.force);
    }
    if (!o.project.empty() && std::filesystem::exists(o.project, ec)) {
        throw UsageError("--project: " + o.project + " already exists; choose a new file name");
    }
    const DemoInfo& info = demoInfo(*kind);
    DemoOptions options;
    options.rows = o.rows;
    options.noise = o.noise;
    options.seed = o.seed;
    const auto started = std::chrono::steady_clock::now();
    Table table;
    try {
        table = generateDemo(*kind, options);
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--rows/--noise: ") + e.what());
    }
    const std::string csv = tableCsv(table);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << "Generated \"" << info.id << "\": " << table.rowCount() << " rows, " << table.columnCount()
              << " columns (seed " << o.seed << ", " << std::setprecision(3) << seconds * 1000.0 << " ms)\n";
    RemoveOnFailure created;
    if (!o.out.empty()) {
        created.addIfNew(o.out);
        AtomicFile file(o.out);
        file.write(csv);
        file.commit(); // the CSV appears complete or not at all
        std::cerr << "Written to " << o.out << '\n';
    }
    if (o.project.empty()) {
        created.dismiss();
        return kExitOk;
    }
    created.add(o.project);
    writeProject(o.project, info, table, o, csv);
    std::cerr << "Project " << o.project << " created; it predicts \"" << info.target << "\"\n";
    if (!o.train) {
        created.dismiss();
        return kExitOk;
    }
    // The run is trained by `train --project` itself, so the demo's run is one any user could make.
    TrainOptions train;
    train.project = o.project;
    train.runName = "demo run";
    train.threads = o.threads;
    const int code = runTrain(train);
    if (code == kExitOk) {
        // `train` stores the target and positive answer; keep the demo's id column with them.
        Project::open(o.project).setSetting("target", demoChoice(info).toJson());
        created.dismiss();
    }
    return code;
}

} // namespace

void addDemoCommands(CLI::App& app, int& exitCode)
{
    static DemoCommandOptions demo;
    auto* d = app.add_subcommand(
        "demo",
        "Write a demo data set (generated, seeded) as a CSV file or as a ready project, trained if asked.");
    d->add_option("NAME", demo.name, "Which demo (see --list), e.g. car-buyers");
    d->add_flag("--list", demo.list, "List the demos with what each holds");
    d->add_option("--out", demo.out, "CSV file to write");
    d->add_flag("--force", demo.force,
                "Replace an existing file of another kind (never an input, a project or a device)");
    d->add_option("--project", demo.project, "Project file to create, with the data and the target chosen");
    d->add_flag("--train", demo.train,
                "Also train a run in the project, as `train --project` with its defaults");
    d->add_option("--rows", demo.rows, "Rows to generate (default: the demo's own, e.g. 4,000 car buyers)")
        ->check(numberWithin(1, 100'000'000));
    d->add_option("--noise", demo.noise,
                  "How noisy (2-D sets: jitter of the points; customer tables: hidden randomness)");
    d->add_option("--seed", demo.seed, "Seed: the same seed gives the same file")->capture_default_str();
    d->add_option("--threads", demo.threads, "Threads for --train (0: all cores)")
        ->check(numberWithin(0, kMaxThreads))
        ->capture_default_str();
    d->callback([&exitCode] { exitCode = guarded([] { return runDemo(demo); }); });
}

} // namespace neurolift::cli

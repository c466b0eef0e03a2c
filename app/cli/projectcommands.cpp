#include "projectcommands.h"

#include "clicommon.h"
#include "data/target.h"
#include "project/project.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <optional>
#include <sstream>

namespace neurolift::cli {

namespace {

struct ImportOptions {
    ImportFlags import;
    std::string file;
    std::string project;
    std::string target;
    std::optional<std::string> positive;
};

int runImport(const ImportOptions& o)
{
    std::error_code ec;
    if (std::filesystem::exists(o.project, ec)) {
        throw UsageError("--project: " + o.project +
                         " already exists; choose a new file name (import starts a new project)");
    }
    const CsvResult data = readData(o.file, o.import);
    if (!o.target.empty()) {
        chooseTarget(data.table, o.target, o.positive); // says now if the target cannot be predicted
    }
    DatasetSource source;
    source.fileName = std::filesystem::path(o.file).filename().string();
    source.fileSize = data.source.size;
    source.fileHash = fileContentHash(o.file);
    checkSourceUnchanged(o.file, data); // the size and hash are of the rows read
    source.importOptions = importFlagsJson(o.import);
    source.importOptions["detected"] = {{"encoding", encodingName(data.encoding)},
                                        {"delimiter", std::string(1, data.delimiter)},
                                        {"decimal", std::string(1, data.decimal)},
                                        {"header", data.header}};
    source.importedAt = utcNow();
    RemoveOnFailure created; // declared first: removes the project after it is closed
    created.add(o.project);
    Project project = Project::create(o.project);
    project.saveDataset(data.table, source);
    if (!o.target.empty()) {
        nlohmann::json target{{"column", o.target}};
        if (o.positive) {
            target["positive"] = *o.positive;
        }
        project.setSetting("target", target);
    }
    std::cerr << "Imported " << data.table.rowCount() << " rows and " << data.table.columnCount()
              << " columns from " << o.file << " into " << o.project << '\n';
    created.dismiss();
    return kExitOk;
}

int runInfo(const std::string& path)
{
    const Project project = Project::open(path);
    std::cout << path << ": NeuroLift project, format " << kProjectSchemaVersion;
    if (project.openedVersion() != kProjectSchemaVersion) {
        std::cout << " (brought up from format " << project.openedVersion() << ")";
    }
    std::cout << '\n';
    if (project.hasDataset()) {
        const DatasetSource s = project.datasetSource();
        std::cout << "data: " << project.datasetRows() << " rows from " << s.fileName << " (" << s.fileSize
                  << " bytes, " << s.fileHash << "), imported " << s.importedAt << '\n';
    } else {
        std::cout << "data: none yet (neurolift-cli import FILE --project " << path << ")\n";
    }
    if (const auto target = project.setting("target")) {
        std::cout << "target: " << target->value("column", "") << '\n';
    }
    const auto runs = project.runs();
    std::cout << "runs: " << runs.size() << '\n';
    const auto exports = project.exports();
    std::cout << "exports: " << exports.size();
    if (!exports.empty()) {
        std::cout << " (latest " << exports.back().exportedAt << ": " << exports.back().rows << " rows to "
                  << exports.back().path << ")";
    }
    std::cout << '\n';
    std::cout << "notes: " << project.notes().size() << '\n';
    return kExitOk;
}

int runRuns(const std::string& path)
{
    const Project project = Project::open(path);
    const auto runs = project.runs();
    int nameWidth = 12;
    for (const RunSummary& r : runs) {
        nameWidth = std::max(nameWidth, static_cast<int>(r.name.size()) + 2);
    }
    std::cout << std::left << std::setw(5) << "run" << std::setw(nameWidth) << "name" << std::setw(15)
              << "status" << std::setw(8) << "epochs" << std::setw(10) << "test AUC" << std::setw(11)
              << "test loss"
              << "finished\n";
    for (const RunSummary& r : runs) {
        const auto number = [&](const char* key) {
            if (!r.metrics.contains(key)) {
                return std::string("-");
            }
            std::ostringstream s;
            s << std::fixed << std::setprecision(4) << r.metrics.at(key).get<double>();
            return s.str();
        };
        std::cout << std::left << std::setw(5) << r.id << std::setw(nameWidth) << r.name << std::setw(15)
                  << r.status << std::setw(8) << r.epochs << std::setw(10) << number("test_auc")
                  << std::setw(11) << number("test_loss") << r.finishedAt << '\n';
    }
    return kExitOk;
}

} // namespace

void addProjectCommands(CLI::App& app, int& exitCode)
{
    static ImportOptions import;
    auto* i = app.add_subcommand("import", "Start a project: read a customer table into a new .nlproj file.");
    i->add_option("FILE", import.file, "Customer table (CSV or TSV)")->required();
    i->add_option("--project", import.project, "Project file to create, e.g. churn.nlproj")->required();
    i->add_option("--target", import.target, "Column to predict later, e.g. Churn (checked now)");
    i->add_option("--positive", import.positive, "Value of the target that counts as yes");
    addImportOptions(*i, import.import);
    i->callback([&exitCode] { exitCode = guarded([] { return runImport(import); }); });

    static std::string infoProject;
    auto* n = app.add_subcommand("info", "Show what a project holds: data, target, runs.");
    n->add_option("--project", infoProject, "Project file")->required();
    n->callback([&exitCode] { exitCode = guarded([] { return runInfo(infoProject); }); });

    static std::string runsProject;
    auto* r = app.add_subcommand("runs", "List a project's training runs and their test metrics.");
    r->add_option("--project", runsProject, "Project file")->required();
    r->callback([&exitCode] { exitCode = guarded([] { return runRuns(runsProject); }); });
}

} // namespace neurolift::cli

// `neurolift-cli describe`: a project's columns in the user's words, which
// reasons use ("Viewed the pricing page: no (-0.09)"). The same words as the
// workbench's Data page, kept in the project's "columnWords" setting.

#include "describecommand.h"

#include "clicommon.h"
#include "data/columnwords.h"
#include "files/outputpath.h"
#include "project/project.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iomanip>
#include <iostream>

namespace neurolift::cli {

namespace {

struct DescribeOptions {
    std::string project;
    std::string column;
    std::string as;
    bool forget = false;
    bool suggest = false;
};

/// The project's words; a damaged setting is refused with what to do.
ColumnWords storedWords(const Project& project, const std::string& path)
{
    const auto setting = project.setting(kColumnWordsSetting);
    if (!setting) {
        return {};
    }
    try {
        return columnWordsFromJson(*setting);
    } catch (const std::runtime_error& e) {
        throw UsageError(path + ": " + e.what() + "; set them again with: neurolift-cli describe --project " +
                         path + " --column NAME --as WORDS");
    }
}

int runDescribe(const DescribeOptions& o)
{
    const bool changes = !o.column.empty() || o.suggest;
    if (o.column.empty() != (o.as.empty() && !o.forget)) {
        throw UsageError(o.column.empty()
                             ? std::string("--as and --forget need --column NAME")
                             : std::string("--column: say what it is with --as WORDS, or --forget"));
    }
    if (!o.as.empty() && o.forget) {
        throw UsageError("--as and --forget: give one of them");
    }
    if (changes) {
        if (const std::string readOnly = whyReadOnly(o.project); !readOnly.empty()) {
            throw UsageError("--project: " + readOnly); // the words are saved in it
        }
    }
    Project project = Project::open(o.project);
    if (!project.hasDataset()) {
        throw UsageError(o.project + " has no data yet; run: neurolift-cli import FILE --project " +
                         o.project);
    }
    const Table table = project.loadDataset();
    ColumnWords words = storedWords(project, o.project);
    if (!o.column.empty()) {
        if (!table.column(o.column)) {
            std::string names;
            for (const Column& c : table.columns()) {
                names += (names.empty() ? "" : ", ") + c.name;
            }
            throw UsageError("--column: the project has no column \"" + o.column + "\"; its columns are " +
                             names);
        }
        if (o.forget) {
            words.erase(o.column);
        } else {
            ColumnWords one{{o.column, o.as}};
            columnWordsFromJson(columnWordsToJson(one)); // the same checks as when the project is read
            words[o.column] = o.as;
        }
    }
    if (o.suggest) {
        for (const Column& c : table.columns()) {
            words.emplace(c.name, suggestedWords(c.name)); // keeps the user's own
        }
    }
    if (changes) {
        project.setSetting(kColumnWordsSetting, columnWordsToJson(words));
        std::cerr << "Column words saved in " << o.project << '\n';
    }
    std::size_t width = 8;
    for (const Column& c : table.columns()) {
        width = std::max(width, c.name.size() + 2);
    }
    std::cout << std::left << std::setw(static_cast<int>(width)) << "column"
              << "words\n";
    for (const Column& c : table.columns()) {
        const auto it = words.find(c.name);
        std::cout << std::left << std::setw(static_cast<int>(width)) << c.name
                  << (it != words.end() ? it->second : "(none; suggested: " + suggestedWords(c.name) + ")")
                  << '\n';
    }
    return kExitOk;
}

} // namespace

void addDescribeCommand(CLI::App& app, int& exitCode)
{
    static DescribeOptions o;
    auto* d = app.add_subcommand("describe", "Show or set what each column of a project is, in words that "
                                             "reasons use (\"Viewed the pricing page: no\").");
    d->add_option("--project", o.project, "Project file")->required();
    d->add_option("--column", o.column, "Column to describe, e.g. viewed_pricing");
    d->add_option("--as", o.as,
                  "What the column is, e.g. \"Viewed the pricing page\" (one line, 1 to 120 characters)");
    d->add_flag("--forget", o.forget, "Forget the words of --column (reasons show its name again)");
    d->add_flag(
        "--suggest", o.suggest,
        "Give every column without words a description made from its name (viewed_pricing: Viewed pricing)");
    d->callback([&exitCode] { exitCode = guarded([] { return runDescribe(o); }); });
}

} // namespace neurolift::cli

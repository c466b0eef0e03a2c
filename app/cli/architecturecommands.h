#pragma once

#include "nn/architecture.h"

#include <iosfwd>
#include <optional>
#include <string>

namespace CLI {
class App;
} // namespace CLI

namespace neurolift::cli {

/// Exit codes of neurolift-cli, the same for every command.
enum ExitCode : int {
    kExitOk = 0,
    kExitProblems = 1, ///< The input was read but has problems (e.g. an architecture that cannot train).
    kExitBadInput = 2, ///< The input could not be read, is malformed, or the command line is wrong.
};

/// The target as given on the command line (--task, --classes, --outputs).
struct TaskOptions {
    TaskKind kind = TaskKind::BinaryClassification;
    std::optional<int> classes;
    int outputs = 1;
};

struct TemplateOptions {
    ArchitectureTemplate name = ArchitectureTemplate::Small;
    TaskOptions task;
};

struct CheckOptions {
    std::string file;
    int inputs = 0;
    TaskOptions task;
};

/// Prints the template's architecture JSON on `out`. Returns an ExitCode.
int runTemplate(const TemplateOptions& options, std::ostream& out, std::ostream& err);

/// Reads the architecture in options.file, validates it for the inputs and task, and prints
/// its layer table on `out`, or each problem on `err`. Returns an ExitCode.
int runCheck(const CheckOptions& options, std::ostream& out, std::ostream& err);

/// Adds the `architecture` command with its `template` and `check` subcommands to `app`.
/// The subcommand that runs stores its ExitCode in `exitCode`.
void addArchitectureCommands(CLI::App& app, int& exitCode);

} // namespace neurolift::cli

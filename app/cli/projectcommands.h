#pragma once

namespace CLI {
class App;
} // namespace CLI

namespace neurolift::cli {

/// Adds `import`, `info` and `runs`; the command that runs stores its exit code in `exitCode`.
void addProjectCommands(CLI::App& app, int& exitCode);

} // namespace neurolift::cli

#pragma once

namespace CLI {
class App;
} // namespace CLI

namespace neurolift::cli {

/// Adds `demo`; the command stores its exit code in `exitCode`.
void addDemoCommands(CLI::App& app, int& exitCode);

} // namespace neurolift::cli

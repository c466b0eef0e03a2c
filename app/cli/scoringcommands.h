#pragma once

namespace CLI {
class App;
} // namespace CLI

namespace neurolift::cli {

/// Adds `evaluate`, `segment`, `export` and `export-sql`; the command that runs stores its exit code in
/// `exitCode`.
void addScoringCommands(CLI::App& app, int& exitCode);

} // namespace neurolift::cli

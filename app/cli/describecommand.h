#pragma once

namespace CLI {
class App;
} // namespace CLI

namespace neurolift::cli {

/// Adds `describe`, which shows and sets a project's words for its columns; the
/// command that runs stores its exit code in `exitCode`.
void addDescribeCommand(CLI::App& app, int& exitCode);

} // namespace neurolift::cli

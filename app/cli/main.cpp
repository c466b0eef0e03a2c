// neurolift-cli: NeuroLift's engine without a GUI, for analysts and scripts.
// Results go to stdout, messages to stderr; exit codes are in architecturecommands.h.

#include "architecturecommands.h"
#include "buildinfo.h"
#include "datacommands.h"
#include "democommands.h"
#include "describecommand.h"
#include "explaincommands.h"
#include "projectcommands.h"
#include "scoringcommands.h"

#include <CLI/CLI.hpp>

int main(int argc, char** argv)
{
    CLI::App app{"NeuroLift on the command line: build, check, train and score neural networks "
                 "on customer data.",
                 "neurolift-cli"};
    app.set_version_flag("--version", neurolift::versionLine("neurolift-cli"));
    app.require_subcommand(1);
    app.footer("Exit codes: 0 success, 1 the input has problems, "
               "2 the input or the command line cannot be used.");

    int exitCode = neurolift::cli::kExitOk;
    neurolift::cli::addArchitectureCommands(app, exitCode);
    neurolift::cli::addDataCommands(app, exitCode);
    neurolift::cli::addDemoCommands(app, exitCode);
    neurolift::cli::addDescribeCommand(app, exitCode);
    neurolift::cli::addExplainCommands(app, exitCode);
    neurolift::cli::addProjectCommands(app, exitCode);
    neurolift::cli::addScoringCommands(app, exitCode);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version end the parse too, with exit code 0.
        return app.exit(e) == 0 ? neurolift::cli::kExitOk : neurolift::cli::kExitBadInput;
    }
    return exitCode;
}

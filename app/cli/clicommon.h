#pragma once

// What the CLI's commands share: reading options, progress, messages and
// exit codes.

#include "architecturecommands.h"
#include "data/csvreader.h"
#include "model/modelfile.h"
#include "project/project.h"

#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace CLI {
class App;
} // namespace CLI

namespace neurolift::cli {

/// How to read the input file; unset fields are detected.
struct ImportFlags {
    std::string encoding;
    std::string delimiter;
    std::string decimal;
    std::string thousands;
    std::string dateOrder;
    std::string header;               ///< "yes" or "no"
    std::string ragged = "skip";      ///< "skip" or "stop"
    std::vector<std::string> types;   ///< COLUMN=TYPE
    std::vector<std::string> missing; ///< Extra missing-value markers.
};

/// Progress for a long step on stderr, one line that rewrites itself.
class ProgressLine {
public:
    explicit ProgressLine(std::string what)
        : m_what(std::move(what))
    {
    }
    /// Ends a line left unfinished (an error stopped the work), so that the
    /// message printed next starts a line of its own.
    ~ProgressLine()
    {
        if (m_last >= 0 && m_last < 100) {
            std::cerr << '\n';
        }
    }
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;
    bool operator()(double fraction)
    {
        const int percent = static_cast<int>(fraction * 100.0);
        if (percent != m_last) {
            m_last = percent;
            std::cerr << '\r' << m_what << ' ' << percent << "%" << std::flush;
            if (percent >= 100) {
                std::cerr << '\n';
            }
        }
        return true;
    }

private:
    std::string m_what;
    int m_last = -1;
};

/// A wrong command-line value: the message names the option.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The reader's options from the command-line flags. Throws UsageError.
CsvOptions csvOptions(const ImportFlags& f);
/// The flags as JSON, to store with a project's data.
nlohmann::json importFlagsJson(const ImportFlags& f);
void printCsvWarnings(const std::string& file, const std::vector<CsvWarning>& warnings);
/// Reads `file` with progress on stderr and prints its warnings.
CsvResult readData(const std::string& file, const ImportFlags& flags);
/// Adds the --encoding, --delimiter, ... options to `command`.
void addImportOptions(CLI::App& command, ImportFlags& f);

/// Runs a command, turning the engine's exceptions into messages and exit codes.
template <typename F>
int guarded(F&& f)
{
    try {
        return f();
    } catch (const UsageError& e) {
        std::cerr << e.what() << '\n';
        return kExitBadInput;
    } catch (const CsvError& e) {
        std::cerr << e.what() << '\n';
        return kExitBadInput;
    } catch (const ModelFileError& e) {
        std::cerr << e.what() << '\n';
        return kExitBadInput;
    } catch (const ProjectError& e) {
        std::cerr << e.what() << '\n';
        return kExitBadInput;
    } catch (const std::invalid_argument& e) {
        std::cerr << e.what() << '\n';
        return kExitProblems;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return kExitBadInput;
    }
}

} // namespace neurolift::cli

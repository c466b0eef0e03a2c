#pragma once

// What the CLI's commands share: reading options, progress, messages and
// exit codes.

#include "architecturecommands.h"
#include "data/csvreader.h"
#include "files/outputpath.h"
#include "model/modelfile.h"
#include "project/project.h"
#include "scoring/atomicfile.h"

#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace CLI {
class App;
class Validator;
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

/// Files a command creates, removed again unless the command gets as far as
/// dismiss(): a failed command leaves no file it created (a project also
/// takes its journal with it).
class RemoveOnFailure {
public:
    RemoveOnFailure() = default;
    RemoveOnFailure(const RemoveOnFailure&) = delete;
    RemoveOnFailure& operator=(const RemoveOnFailure&) = delete;
    ~RemoveOnFailure();
    void add(const std::string& path) { m_paths.push_back(path); }
    /// Adds `path` when nothing is there yet: a file the command replaces is not its to remove.
    void addIfNew(const std::string& path);
    void dismiss() { m_paths.clear(); }

private:
    std::vector<std::string> m_paths;
};

/// A wrong command-line value: the message names the option.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Caps of the command line's counts, so that a typo cannot ask for terabytes.
inline constexpr int kMaxEpochs = 100'000;
inline constexpr int kMaxThreads = 1'024;
inline constexpr int kMaxReasons = 50; ///< Reason columns per direction.
inline constexpr int kMaxSeed = 2'147'483'647; ///< A seed is an int.

/// A check for a number option: a finite number from `lo` to `hi` (above `lo`
/// when `aboveLo`), else a message naming the allowed range, e.g.
/// "--lr: -1 is not allowed; give a number above 0 and at most 10".
CLI::Validator numberWithin(double lo, double hi, bool aboveLo = false);
/// A check for a delimiter option: one character (or "tab") that cannot be
/// part of a value, so the file written can be read back.
CLI::Validator writableDelimiter();

/// Notes `e` in the project's list of exports; a read-only project keeps the
/// file written and says that it was not noted, rather than failing after it.
void recordExport(const std::string& project, const ExportRecord& e);

/// A number as the scored file and `inspect` write it: 7 significant digits.
std::string formatValue(double v);

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
    } catch (const FileWriteError& e) {
        std::cerr << e.what() << '\n';
        return kExitBadInput;
    } catch (const OutputRefused& e) {
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

#pragma once

// Where a command may write, decided before it writes: an output never
// replaces one of the command's own inputs, a project or other database, a
// folder or a device, and a device, pipe or socket (/dev/null, /dev/stdout,
// a FIFO) is written to as a stream instead of being replaced by a file.

#include <stdexcept>
#include <string>
#include <vector>

namespace neurolift {

/// Writing there would destroy something, or cannot work. The message names
/// the option (when given), the file, why, and what to do instead.
class OutputRefused : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Where the bytes of an output go.
struct OutputPath {
    std::string path;    ///< The file to write (a link to a regular file is followed, so the link stays).
    bool stream = false; ///< A character device, FIFO or socket: written in place, never renamed over.
    bool exists = false; ///< A regular file is there already.
};

/// Follows `path` to where an output is written. Throws OutputRefused when it
/// is a folder, a block device, a link that leads nowhere or back to itself,
/// or in a folder that does not exist.
OutputPath resolveOutputPath(const std::string& path);

/// resolveOutputPath, and refuses a path that holds a SQLite database (a
/// project): the last guard of every writer, whoever called it.
OutputPath resolveReplaceablePath(const std::string& path);

/// What a command writes.
enum class OutputKind {
    Text,     ///< CSV or SQL.
    Workbook, ///< An Excel .xlsx (a zip archive).
    Model,    ///< A model file (JSON).
};

/// Checks, before any work is done, that writing `kind` to `path` is safe:
/// not one of `inputs` (compared as files, so a link or a second name of an
/// input is caught), not a SQLite database (a project), not a folder or a disk,
/// and, unless `force`, not an existing file of another kind (a workbook where
/// a CSV goes, a model where a CSV goes, a binary file). `option` is how the
/// user named the path ("--out"). Returns where to write; throws OutputRefused.
OutputPath checkOutputPath(const std::string& option, const std::string& path, OutputKind kind,
                           const std::vector<std::string>& inputs, bool force);

/// Why the existing file `path` cannot be changed in place, or empty when it
/// can: its permissions give no one write access (also for root, who could
/// write it anyway: the owner marked it read-only), this user may not write
/// it, or its folder, where a project keeps its journal while saving, is
/// read-only. Checked before long work whose result is saved there.
std::string whyReadOnly(const std::string& path);

} // namespace neurolift

#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace neurolift {

/// An output that could not be written (disk full, no permission, ...); the
/// message names the file and says what to do.
class FileWriteError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// "<folder>/.<name>.part-<pid><suffix>": where a file for `path` is written before it is complete.
std::string hiddenTempPath(const std::string& path, std::string_view suffix = {});

/// A file that appears complete or not at all. On Linux it is written as an
/// unnamed file in the target's folder (O_TMPFILE), so a crash or a kill at any
/// point leaves nothing behind; commit() gives it a name and renames it over
/// the target. A device, pipe or socket (/dev/null, /dev/stdout, a FIFO) is
/// written in place instead, and a link to a file is followed (resolveOutputPath).
/// Elsewhere (or where the file system lacks O_TMPFILE) it is a
/// hidden "<folder>/.<name>.part-<pid>" removed by the destructor (a kill then
/// leaves that hidden file). Writes are buffered (1 MiB).
class AtomicFile {
public:
    /// Throws FileWriteError naming the file when its folder cannot be written,
    /// OutputRefused when the path is a folder, a disk or a broken link.
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view bytes);
    /// Flushes, syncs, and puts the file in place. Throws FileWriteError (disk full, ...).
    void commit();
    /// Where the bytes go: the path given, or the file a link to it points to.
    const std::string& path() const { return m_path; }
    /// Written in place to a device, pipe or socket rather than put in place on commit.
    bool isStream() const { return m_stream; }
    std::size_t bytesWritten() const { return m_written; }

private:
    void flush();

    std::string m_path;
    std::string m_tempPath; ///< Empty while the file has no name (O_TMPFILE).
    int m_fd = -1;
    std::string m_buffer;
    std::size_t m_written = 0;
    bool m_committed = false;
    bool m_stream = false;
};

} // namespace neurolift

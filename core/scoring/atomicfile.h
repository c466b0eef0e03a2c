#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace neurolift {

/// "<folder>/.<name>.part-<pid><suffix>": where a file for `path` is written before it is complete.
std::string hiddenTempPath(const std::string& path, std::string_view suffix = {});

/// A file that appears complete or not at all. On Linux it is written as an
/// unnamed file in the target's folder (O_TMPFILE), so a crash or a kill at any
/// point leaves nothing behind; commit() gives it a name and renames it over
/// the target. Elsewhere (or where the file system lacks O_TMPFILE) it is a
/// hidden "<folder>/.<name>.part-<pid>" removed by the destructor (a kill then
/// leaves that hidden file). Writes are buffered (1 MiB).
class AtomicFile {
public:
    /// Throws std::runtime_error naming the file when its folder cannot be written.
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view bytes);
    /// Flushes, syncs, and puts the file in place. Throws std::runtime_error (disk full, ...).
    void commit();
    const std::string& path() const { return m_path; }
    std::size_t bytesWritten() const { return m_written; }

private:
    void flush();

    std::string m_path;
    std::string m_tempPath; ///< Empty while the file has no name (O_TMPFILE).
    int m_fd = -1;
    std::string m_buffer;
    std::size_t m_written = 0;
    bool m_committed = false;
};

} // namespace neurolift

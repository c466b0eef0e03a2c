#include "scoring/atomicfile.h"

#include "files/outputpath.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

namespace neurolift {

namespace {

constexpr std::size_t kBufferBytes = 1 << 20;

FileWriteError fileError(const std::string& path, const std::string& what)
{
    return FileWriteError(path + ": " + what + " (" + std::strerror(errno) + ")");
}

/// A write that failed: a full disk (or a file-size limit) said as such.
FileWriteError writeError(const std::string& path)
{
    if (errno == ENOSPC || errno == EDQUOT || errno == EFBIG) {
        return FileWriteError(path + ": the disk is full (" + std::strerror(errno) +
                              "); free some space or write elsewhere");
    }
    return fileError(path, "writing failed");
}

} // namespace

std::string hiddenTempPath(const std::string& path, std::string_view suffix)
{
    const std::filesystem::path p(path);
    std::string name = ".";
    name += p.filename().string();
    name += ".part-";
    name += std::to_string(::getpid());
    name += suffix;
    return (p.parent_path() / name).string();
}

AtomicFile::AtomicFile(std::string path)
    : m_path(std::move(path))
{
    const OutputPath where = resolveReplaceablePath(m_path); // a folder, a loop, ...: refused here
    m_path = where.path;
    m_stream = where.stream;
    if (m_stream) {
        // A device, pipe or socket is written in place. O_NONBLOCK so that a pipe
        // nobody reads is an error now rather than a hang; then blocking writes.
        m_fd = ::open(m_path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        if (m_fd < 0) {
            if (errno == ENXIO) {
                throw OutputRefused('"' + m_path +
                                    "\": no program is reading from this pipe; start the reader first");
            }
            throw fileError(m_path, "cannot write here");
        }
        const int flags = ::fcntl(m_fd, F_GETFL);
        ::fcntl(m_fd, F_SETFL, flags & ~O_NONBLOCK);
        m_buffer.reserve(kBufferBytes);
        return;
    }
    const std::filesystem::path p(m_path);
    const std::string folder = p.has_parent_path() ? p.parent_path().string() : std::string(".");
#ifdef O_TMPFILE
    m_fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
#endif
    if (m_fd < 0) {
        m_tempPath = hiddenTempPath(m_path);
        m_fd = ::open(m_tempPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (m_fd < 0) {
            throw fileError(m_path, "cannot write here");
        }
    }
    m_buffer.reserve(kBufferBytes);
}

AtomicFile::~AtomicFile()
{
    if (m_fd >= 0) {
        ::close(m_fd);
    }
    if (!m_committed && !m_tempPath.empty()) {
        ::unlink(m_tempPath.c_str());
    }
}

void AtomicFile::write(std::string_view bytes)
{
    m_buffer.append(bytes);
    if (m_buffer.size() >= kBufferBytes) {
        flush();
    }
}

void AtomicFile::flush()
{
    std::size_t done = 0;
    while (done < m_buffer.size()) {
        const ssize_t n = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw writeError(m_path);
        }
        done += static_cast<std::size_t>(n);
    }
    m_written += done;
    m_buffer.clear();
}

void AtomicFile::commit()
{
    flush();
    if (m_stream) {
        const int fd = m_fd;
        m_fd = -1;
        if (::close(fd) != 0) {
            throw fileError(m_path, "writing failed");
        }
        m_committed = true;
        return;
    }
    if (::fsync(m_fd) != 0) {
        throw writeError(m_path);
    }
    if (m_tempPath.empty()) {
        // Name the unnamed file next to the target, then rename it over the target
        // (linkat cannot replace an existing file).
        m_tempPath = hiddenTempPath(m_path);
        ::unlink(m_tempPath.c_str());
        std::string self = "/proc/self/fd/";
        self += std::to_string(m_fd);
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, m_tempPath.c_str(), AT_SYMLINK_FOLLOW) != 0) {
            const std::string temp = m_tempPath;
            m_tempPath.clear();
            throw fileError(temp, "cannot name the written file");
        }
    }
    if (::close(m_fd) != 0) {
        m_fd = -1;
        throw fileError(m_path, "writing failed");
    }
    m_fd = -1;
    if (std::rename(m_tempPath.c_str(), m_path.c_str()) != 0) {
        throw fileError(m_path, "cannot replace the file");
    }
    m_committed = true;
}

} // namespace neurolift

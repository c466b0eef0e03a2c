#pragma once

// What identifies the state of a file on disk, to notice that it changed
// while (or after) it was read: a file still being copied or written.

#include <cstdint>
#include <optional>
#include <string>

namespace neurolift {

/// A file's size, modification time and identity (device and inode).
struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t modifiedNs = 0; ///< Modification time, nanoseconds since 1970.
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    bool regular = false; ///< A regular file (pipes and devices have no stable size).

    bool operator==(const FileStamp&) const = default;
};

/// The stamp of the file at `path` (following links); nullopt when it cannot be read.
std::optional<FileStamp> stampOfPath(const std::string& path);
/// The stamp of an open file descriptor; nullopt when it cannot be read.
std::optional<FileStamp> stampOfDescriptor(int fd);

/// Why the file read with stamp `before` is not the file at `path` now
/// (`bytesRead`, when known, is how much of it a read to the end found);
/// nullopt when nothing changed. The message is user-readable, without the
/// file name: "the file changed while it was being read (it was 12,345
/// bytes, now 6,789); wait until it is completely written and try again".
std::optional<std::string> fileChangeMessage(const FileStamp& before, const std::string& path,
                                             std::optional<std::uint64_t> bytesRead = std::nullopt);

} // namespace neurolift

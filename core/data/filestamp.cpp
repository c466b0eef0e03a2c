#include "data/filestamp.h"

#include "data/csvreader.h"
#include "data/csvscan.h"

#include <sys/stat.h>

#include <filesystem>

namespace neurolift {

namespace {

FileStamp fromStat(const struct stat& st)
{
    FileStamp s;
    s.size = static_cast<std::uint64_t>(st.st_size);
    s.modifiedNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    s.device = static_cast<std::uint64_t>(st.st_dev);
    s.inode = static_cast<std::uint64_t>(st.st_ino);
    s.regular = S_ISREG(st.st_mode);
    return s;
}

std::string bytesText(std::uint64_t n)
{
    return csv::groupDigits(static_cast<long long>(n)) + (n == 1 ? " byte" : " bytes");
}

} // namespace

std::optional<FileStamp> stampOfPath(const std::string& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return std::nullopt;
    }
    return fromStat(st);
}

std::optional<FileStamp> stampOfDescriptor(int fd)
{
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        return std::nullopt;
    }
    return fromStat(st);
}

std::optional<std::string> fileChangeMessage(const FileStamp& before, const std::string& path,
                                             std::optional<std::uint64_t> bytesRead)
{
    if (!before.regular) {
        return std::nullopt; // a pipe or device: nothing to compare
    }
    const std::optional<FileStamp> now = stampOfPath(path);
    const bool sameSize = now ? now->size == before.size : true;
    const bool readAll = !bytesRead || *bytesRead == before.size;
    if (now && *now == before && readAll) {
        return std::nullopt;
    }
    const std::string advice = "; wait until it is completely written and try again";
    if (!now) {
        return "the file was removed or renamed while it was being read (it was " + bytesText(before.size) +
               ")" + advice;
    }
    if (!sameSize) {
        return "the file changed while it was being read (it was " + bytesText(before.size) + ", now " +
               csv::groupDigits(static_cast<long long>(now->size)) + ")" + advice;
    }
    if (!readAll) {
        return "the file changed while it was being read (it was " + bytesText(before.size) + ", but " +
               csv::groupDigits(static_cast<long long>(*bytesRead)) + " could be read)" + advice;
    }
    return "the file changed while it was being read (same size, but written again or replaced)" + advice;
}

void checkSourceUnchanged(const std::string& path, const CsvResult& result)
{
    if (const auto message = fileChangeMessage(result.source, path)) {
        throw CsvError(std::filesystem::path(path).filename().string(), 0, 0, *message);
    }
}

} // namespace neurolift

#include "files/outputpath.h"

#include <array>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

namespace neurolift {

namespace {

std::string quoted(const std::string& path)
{
    return '"' + path + '"';
}

std::string named(const std::string& option, const std::string& path)
{
    return (option.empty() ? std::string() : option + ": ") + quoted(path);
}

constexpr const char* kDatabase =
    " is a NeuroLift project or another database, which an output never replaces; choose another file name";

/// What an existing file holds, from its first bytes.
enum class Content { Empty, Database, Zip, Json, Binary, Text };

Content sniff(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::array<char, 4096> head{};
    in.read(head.data(), head.size());
    const auto n = static_cast<std::size_t>(in.gcount());
    const std::string_view bytes(head.data(), n);
    if (n == 0) {
        return Content::Empty;
    }
    if (bytes.substr(0, 16) == std::string_view("SQLite format 3\0", 16)) {
        return Content::Database;
    }
    if (bytes.substr(0, 4) == "PK\x03\x04" || bytes.substr(0, 4) == "PK\x05\x06") {
        return Content::Zip;
    }
    if (bytes.find('\0') != std::string_view::npos) {
        return Content::Binary;
    }
    const auto first = bytes.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && bytes[first] == '{') {
        return Content::Json;
    }
    return Content::Text;
}

const char* describe(Content c)
{
    switch (c) {
    case Content::Zip:
        return "an Excel workbook or another zip archive";
    case Content::Json:
        return "a JSON file (a model file?)";
    case Content::Binary:
        return "a binary file";
    default:
        return "a text file";
    }
}

const char* describe(OutputKind k)
{
    switch (k) {
    case OutputKind::Workbook:
        return "an Excel workbook";
    case OutputKind::Model:
        return "a model file";
    default:
        return "a text file";
    }
}

bool fits(Content existing, OutputKind kind)
{
    switch (existing) {
    case Content::Empty:
        return true;
    case Content::Zip:
        return kind == OutputKind::Workbook;
    case Content::Json:
        return kind == OutputKind::Model;
    case Content::Text:
        return kind == OutputKind::Text;
    default:
        return false;
    }
}

} // namespace

OutputPath resolveOutputPath(const std::string& path)
{
    if (path.empty()) {
        throw OutputRefused("no file name given; say where to write");
    }
    OutputPath out;
    out.path = path;
    struct stat link {};
    if (::lstat(path.c_str(), &link) != 0) {
        if (errno != ENOENT) {
            throw OutputRefused(quoted(path) + " cannot be written (" + std::strerror(errno) + ")");
        }
        const std::filesystem::path folder = std::filesystem::path(path).parent_path();
        std::error_code ec;
        if (!folder.empty() && !std::filesystem::is_directory(folder, ec)) {
            throw OutputRefused(quoted(path) + ": its folder " + quoted(folder.string()) +
                                " does not exist; create it first or choose another place");
        }
        return out; // a new file
    }
    struct stat target {};
    if (::stat(path.c_str(), &target) != 0) {
        if (errno == ELOOP) {
            throw OutputRefused(
                quoted(path) +
                " is a link that leads back to itself; remove the link or choose another name");
        }
        throw OutputRefused(quoted(path) + " is a link to a file that does not exist (" +
                            std::strerror(errno) + "); remove the link or choose another name");
    }
    if (S_ISDIR(target.st_mode)) {
        throw OutputRefused(quoted(path) + " is a folder; give the name of a file to write");
    }
    if (S_ISCHR(target.st_mode) || S_ISFIFO(target.st_mode) || S_ISSOCK(target.st_mode)) {
        out.stream = true;
        return out;
    }
    if (!S_ISREG(target.st_mode)) {
        throw OutputRefused(quoted(path) + " is a device, not a file; give the name of a file to write");
    }
    out.exists = true;
    if (S_ISLNK(link.st_mode)) {
        // Write where the link points, so that the link stays a link.
        char resolved[PATH_MAX];
        if (::realpath(path.c_str(), resolved) == nullptr) {
            throw OutputRefused(quoted(path) + " is a link that cannot be followed (" + std::strerror(errno) +
                                ")");
        }
        out.path = resolved;
    }
    return out;
}

OutputPath resolveReplaceablePath(const std::string& path)
{
    OutputPath out = resolveOutputPath(path);
    if (out.exists && sniff(out.path) == Content::Database) {
        throw OutputRefused(quoted(path) + kDatabase);
    }
    return out;
}

OutputPath checkOutputPath(const std::string& option, const std::string& path, OutputKind kind,
                           const std::vector<std::string>& inputs, bool force)
{
    OutputPath out;
    try {
        out = resolveOutputPath(path);
    } catch (const OutputRefused& e) {
        throw OutputRefused((option.empty() ? std::string() : option + ": ") + e.what());
    }
    if (!out.exists) {
        return out;
    }
    struct stat mine {};
    if (::stat(out.path.c_str(), &mine) == 0) {
        for (const std::string& input : inputs) {
            struct stat in {};
            if (!input.empty() && ::stat(input.c_str(), &in) == 0 && in.st_dev == mine.st_dev &&
                in.st_ino == mine.st_ino) {
                const std::string which = input == path
                                              ? std::string(" is also this command's input")
                                              : " is the same file as this command's input " + quoted(input);
                throw OutputRefused(named(option, path) + which +
                                    "; writing there would destroy it, so write to another file");
            }
        }
    }
    const Content existing = sniff(out.path);
    if (existing == Content::Database) {
        throw OutputRefused(named(option, path) + kDatabase);
    }
    if (!force && !fits(existing, kind)) {
        throw OutputRefused(named(option, path) + " already exists and is " + describe(existing) + ", not " +
                            describe(kind) + "; choose another file name, or add --force to replace it");
    }
    return out;
}

std::string whyReadOnly(const std::string& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return {}; // opening it says what is wrong
    }
    if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 || ::access(path.c_str(), W_OK) != 0) {
        return quoted(path) +
               " is read-only, so nothing can be saved in it; make it writable, or work on a copy";
    }
    std::filesystem::path folder = std::filesystem::path(path).parent_path();
    if (folder.empty()) {
        folder = ".";
    }
    if (::access(folder.c_str(), W_OK) != 0) {
        return quoted(path) + " is in a read-only folder (" + quoted(folder.string()) +
               "), where saving needs to write a journal; move the project to a folder you may write to";
    }
    return {};
}

} // namespace neurolift

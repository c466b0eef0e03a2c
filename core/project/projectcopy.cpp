// Whole copies of a project, each complete or not at all: Save As, the
// workbench's save of its working copy, and the recovery copy.

#include "project/project.h"

#include "project/projectstate.h"
#include "project/sqlite.h"

#include <filesystem>

namespace neurolift {

namespace {

namespace fs = std::filesystem;

} // namespace

void Project::writeCopy(const std::string& target) const
{
    const std::string temp = target + ".part";
    std::error_code ec;
    fs::remove(temp, ec);
    try {
        m_state->db.backupTo(temp);
        fs::rename(temp, target);
    } catch (const sql::Error& e) {
        fs::remove(temp, ec);
        throw ProjectError(ProjectError::Kind::Io, project::fileName(target),
                           std::string("cannot write the project (") + e.what() +
                               "); check the disk has space and you may write to the folder");
    } catch (const fs::filesystem_error& e) {
        fs::remove(temp, ec);
        throw ProjectError(ProjectError::Kind::Io, project::fileName(target),
                           std::string("cannot write the project (") + e.code().message() +
                               "); check you may write to the folder");
    }
}

void Project::writeRecoveryCopy() const
{
    writeCopy(m_state->path + ".recovery");
}

void Project::discardRecoveryCopy() const
{
    std::error_code ec;
    fs::remove(m_state->path + ".recovery", ec);
}

std::optional<std::string> Project::recoveryCopyFor(const std::string& path)
{
    const std::string copy = path + ".recovery";
    std::error_code ec;
    if (!fs::exists(copy, ec)) {
        return std::nullopt;
    }
    const auto copyTime = fs::last_write_time(copy, ec);
    const auto projectTime = fs::last_write_time(path, ec);
    if (!ec && copyTime <= projectTime) {
        return std::nullopt;
    }
    return copy;
}

} // namespace neurolift

#pragma once

// What the files of core/project/project*.cpp share: the open project (its
// database, its file name) and how a failure while working on it becomes a
// ProjectError naming the file. Internal to core/project.

#include "data/jsonerror.h"

#include "project/project.h"
#include "project/sqlite.h"

#include <sqlite3.h>

#include <bit>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace neurolift {

static_assert(std::endian::native == std::endian::little, "project BLOBs are little-endian, as written");

namespace project {

/// The file name of `path`, without its folder, as messages name it.
inline std::string fileName(const std::string& path)
{
    return std::filesystem::path(path).filename().string();
}

/// Parses a stored JSON value; throws std::invalid_argument naming `what` when it is not JSON.
inline nlohmann::json parseJson(const std::string& text, const char* what)
{
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception&) {
        throw std::invalid_argument(std::string("the stored ") + what + " is not valid JSON");
    }
}

} // namespace project

struct Project::State {
    std::string path;
    std::string name;
    sql::Database db;
    int openedVersion = kProjectSchemaVersion;

    /// Runs `f`, turning SQLite failures into ProjectErrors about this file.
    template <typename F>
    auto guarded(const char* doing, F&& f) -> decltype(f())
    {
        try {
            return f();
        } catch (const sql::Error& e) {
            if (e.corrupt()) {
                throw ProjectError(ProjectError::Kind::Damaged, name,
                                   std::string("the project is damaged (") + e.what() + ") while " + doing +
                                       "; use an intact copy or the recovery copy");
            }
            if (e.code() == SQLITE_ERROR) {
                // Every statement is fixed SQL tested against the current
                // format, so a plain SQL error means tables or columns a
                // project has are missing: the file was altered, not the disk.
                throw ProjectError(
                    ProjectError::Kind::Damaged, name,
                    std::string("the project is damaged (") + e.what() + ") while " + doing +
                        ": it does not hold what a NeuroLift project holds; use an intact copy "
                        "or the recovery copy");
            }
            throw ProjectError(ProjectError::Kind::Io, name,
                               std::string("could not finish ") + doing + " (" + e.what() +
                                   "); check the disk has space and the file is not open elsewhere");
        } catch (const std::invalid_argument& e) {
            throw ProjectError(ProjectError::Kind::Damaged, name,
                               std::string("the project is damaged while ") + doing + ": " + e.what());
        } catch (const nlohmann::json::exception& e) {
            // Valid JSON of the wrong shape (a key missing, a number where a list belongs).
            const std::string what = plainJsonError(e.what());
            throw ProjectError(ProjectError::Kind::Damaged, name,
                               std::string("the project is damaged while ") + doing +
                                   ": a stored value is not what it should be (" + what +
                                   "); use an intact copy or the recovery copy");
        }
    }
};

} // namespace neurolift

#pragma once

#include <string>
#include <string_view>

namespace neurolift {

/// NeuroLift's version number ("0.1.0"), from the CMake project version.
const char* versionNumber();

/// The short git commit the build was made from ("32c83c0"), or "unknown" outside a git checkout.
const char* gitCommit();

/// What `program --version` prints: "neurolift-cli 0.1.0 (commit 32c83c0)".
std::string versionLine(std::string_view program);

} // namespace neurolift

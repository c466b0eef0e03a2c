#pragma once

#include <QString>

namespace neurolift {

/// NeuroLift's version ("0.1.0"), as set by the build from the CMake project version.
QString versionString();

} // namespace neurolift

#include "shell/version.h"

#ifndef NEUROLIFT_VERSION
#error "NEUROLIFT_VERSION must be defined by the build (see ui/CMakeLists.txt)"
#endif

namespace neurolift {

QString versionString()
{
    return QStringLiteral(NEUROLIFT_VERSION);
}

} // namespace neurolift

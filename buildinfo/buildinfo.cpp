#include "buildinfo.h"

#ifndef NEUROLIFT_VERSION
#error "NEUROLIFT_VERSION must be defined by the build (see buildinfo/CMakeLists.txt)"
#endif

namespace neurolift {

const char* versionNumber()
{
    return NEUROLIFT_VERSION;
}

std::string versionLine(std::string_view program)
{
    std::string line(program);
    line += ' ';
    line += versionNumber();
    line += " (commit ";
    line += gitCommit();
    line += ')';
    return line;
}

} // namespace neurolift

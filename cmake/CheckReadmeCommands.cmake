# Fails when .ci/run no longer runs the test command that README.md shows, so
# the README's promise ("this runs every test") stays the thing CI checks.
# Usage: cmake -DSOURCE_DIR=<repo> -P CheckReadmeCommands.cmake
file(STRINGS "${SOURCE_DIR}/.ci/run" ci_lines REGEX "^[^#].*ctest")
if(NOT ci_lines)
  message(FATAL_ERROR ".ci/run has no ctest command")
endif()
list(GET ci_lines -1 ci_command)
file(READ "${SOURCE_DIR}/README.md" readme)
string(FIND "${readme}" "${ci_command}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "README.md does not show the command .ci/run runs:\n  ${ci_command}")
endif()

# Writes the short git commit of SOURCE_DIR into OUTPUT (from INPUT), or
# "unknown" when SOURCE_DIR is not the top of a git checkout (a source tarball,
# or a tarball unpacked inside some other repository). OUTPUT is rewritten only
# when its contents change, so builds at the same commit recompile nothing.
# Usage: cmake -DSOURCE_DIR=<repo> -DGIT_EXECUTABLE=<git or empty> -DINPUT=<in> -DOUTPUT=<out> -P WriteGitCommit.cmake
set(NEUROLIFT_GIT_COMMIT unknown)
if(GIT_EXECUTABLE)
  execute_process(COMMAND ${GIT_EXECUTABLE} -C ${SOURCE_DIR} rev-parse --show-toplevel --short HEAD
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(rc EQUAL 0)
    string(REPLACE "\n" ";" out "${out}")
    list(LENGTH out n)
    if(n EQUAL 2)
      list(GET out 0 top)
      list(GET out 1 commit)
      file(REAL_PATH "${top}" top)
      file(REAL_PATH "${SOURCE_DIR}" source)
      if(top STREQUAL source)
        set(NEUROLIFT_GIT_COMMIT "${commit}")
      endif()
    endif()
  endif()
endif()
configure_file(${INPUT} ${OUTPUT} @ONLY)

# Warnings, sanitizers and CPU tuning as INTERFACE targets, linked per target
# instead of being forced on everything through CMAKE_CXX_FLAGS.

add_library(neurolift_warnings INTERFACE)
add_library(neurolift::warnings ALIAS neurolift_warnings)
target_compile_options(neurolift_warnings INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough>)

add_library(neurolift_options INTERFACE)
add_library(neurolift::options ALIAS neurolift_options)
if(NEUROLIFT_NATIVE_ARCH)
  target_compile_options(neurolift_options INTERFACE -march=native)
endif()
if(NEUROLIFT_ENABLE_ASAN)
  target_compile_options(neurolift_options INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(neurolift_options INTERFACE -fsanitize=address,undefined)
endif()
if(NEUROLIFT_BUILD_FUZZERS)
  # Coverage instrumentation for everything the fuzz targets link; the
  # targets themselves add -fsanitize=fuzzer (libFuzzer's main).
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "NEUROLIFT_BUILD_FUZZERS needs clang (the fuzz preset sets it)")
  endif()
  target_compile_options(neurolift_options INTERFACE -fsanitize=fuzzer-no-link)
endif()

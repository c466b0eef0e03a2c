# Warnings, sanitizers and CPU tuning as INTERFACE targets, linked per target
# instead of being forced on everything through CMAKE_CXX_FLAGS.

add_library(neurolift_warnings INTERFACE)
add_library(neurolift::warnings ALIAS neurolift_warnings)
target_compile_options(neurolift_warnings INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough>)
# Third-party headers (Eigen, Qt, QCustomPlot, nlohmann-json, CLI11) come in
# through imported targets or /usr/include, so they are system headers and
# their warnings stay quiet. One false alarm gets through: GCC 12's AVX-512
# intrinsics initialise a register from itself (`__m512 __Y = __Y;` in
# avx512fintrin.h, GCC bug 105593, fixed in GCC 13), and once Eigen's packet
# code is inlined into ours, -Wmaybe-uninitialized reports it at every
# reduction and activation, hundreds of times on a CPU with AVX-512 (and, in
# the sanitized build, as -Wuninitialized). Only builds tuned for such a CPU
# can see it, so only they turn those two warnings off; the portable build
# keeps them on for our code (and fails on them in CI).
if(NEUROLIFT_NATIVE_ARCH AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(neurolift_warnings INTERFACE -Wno-maybe-uninitialized -Wno-uninitialized)
endif()
# Warnings as errors, for CI (the portable and fuzz presets): a new warning
# fails the test command instead of scrolling past.
if(NEUROLIFT_WERROR)
  target_compile_options(neurolift_warnings INTERFACE $<$<CXX_COMPILER_ID:GNU,Clang>:-Werror>)
endif()

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

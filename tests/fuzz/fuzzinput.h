#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace neurolift::fuzz {

/// The readers under test take a path, so each input is written to one file
/// per fuzzing process (in /dev/shm when there is one: no disk writes).
inline const std::string& writeInput(const std::uint8_t* data, std::size_t size, const char* suffix)
{
    static const std::string path = [suffix] {
        const char* dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        return std::string(dir) + "/neurolift-fuzz-" + std::to_string(getpid()) + suffix;
    }();
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) {
        std::abort();
    }
    if (size > 0 && std::fwrite(data, 1, size, f) != size) {
        std::abort();
    }
    std::fclose(f);
    return path;
}

} // namespace neurolift::fuzz

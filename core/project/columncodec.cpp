#include "project/columncodec.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>

namespace neurolift::project {

namespace {

/// Bytes per categorical code: 1, 2 or 4, by the number of levels (code + 1
/// is stored, so 0 means missing).
std::size_t codeWidth(std::size_t levels)
{
    return levels < 0xFF ? 1 : levels < 0xFFFF ? 2 : 4;
}

bool usesValues(ColumnType t)
{
    return t == ColumnType::Numeric || t == ColumnType::Boolean || t == ColumnType::Date;
}

template <typename T>
void append(std::vector<std::byte>& out, const T& v)
{
    const auto* p = reinterpret_cast<const std::byte*>(&v);
    out.insert(out.end(), p, p + sizeof(T));
}

[[noreturn]] void badChunk(const Column& c)
{
    throw std::invalid_argument("a part of column \"" + c.name + "\" has the wrong size");
}

} // namespace

bool encodeChunk(const Column& c, std::size_t begin, std::size_t n, std::vector<std::byte>& missing,
                 std::vector<std::byte>& data)
{
    missing.assign((n + 7) / 8, std::byte{0});
    data.clear();
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (c.isMissing(begin + i)) {
            missing[i / 8] |= std::byte{1} << (i % 8);
            any = true;
        }
    }
    if (usesValues(c.type)) {
        data.resize(n * sizeof(double));
        std::memcpy(data.data(), c.values.data() + begin, n * sizeof(double));
    } else if (c.type == ColumnType::Categorical) {
        const std::size_t width = codeWidth(c.levels.size());
        data.reserve(n * width);
        for (std::size_t i = 0; i < n; ++i) {
            const auto code = static_cast<std::uint32_t>(c.codes[begin + i] + 1);
            if (width == 1) {
                append(data, static_cast<std::uint8_t>(code));
            } else if (width == 2) {
                append(data, static_cast<std::uint16_t>(code));
            } else {
                append(data, code);
            }
        }
    } else {
        // Identifier, Text: n + 1 offsets, then the bytes.
        std::uint32_t offset = 0;
        data.reserve((n + 1) * 4);
        append(data, offset);
        for (std::size_t i = 0; i < n; ++i) {
            const std::string& s = c.strings[begin + i];
            if (s.size() > std::numeric_limits<std::uint32_t>::max() - offset) {
                throw std::invalid_argument("column \"" + c.name +
                                            "\" holds more text than a part can store");
            }
            offset += static_cast<std::uint32_t>(s.size());
            append(data, offset);
        }
        for (std::size_t i = 0; i < n; ++i) {
            const std::string& s = c.strings[begin + i];
            const auto* p = reinterpret_cast<const std::byte*>(s.data());
            data.insert(data.end(), p, p + s.size());
        }
    }
    return any;
}

void reserveColumn(Column& c, std::size_t rows)
{
    // Only a head start: the stored count is not trusted to size memory before the data has been
    // read (a damaged file may claim any number); the vectors grow past this as the chunks decode.
    constexpr std::size_t kMostReserved = std::size_t{1} << 22;
    rows = std::min(rows, kMostReserved);
    if (c.type == ColumnType::Categorical) {
        c.codes.reserve(rows);
        return;
    }
    c.missing.reserve(rows);
    if (usesValues(c.type)) {
        c.values.reserve(rows);
    } else {
        c.strings.reserve(rows);
    }
}

void decodeChunk(Column& c, std::size_t n, std::span<const std::byte> missing,
                 std::span<const std::byte> data)
{
    if (!missing.empty() && missing.size() != (n + 7) / 8) {
        badChunk(c);
    }
    const auto isMissing = [&](std::size_t i) {
        return !missing.empty() && (missing[i / 8] & (std::byte{1} << (i % 8))) != std::byte{0};
    };
    if (usesValues(c.type)) {
        if (data.size() != n * sizeof(double)) {
            badChunk(c);
        }
        const std::size_t at = c.values.size();
        c.values.resize(at + n);
        if (n > 0) { // an empty BLOB may have no address: memcpy from null is UB
            std::memcpy(c.values.data() + at, data.data(), data.size());
        }
        for (std::size_t i = 0; i < n; ++i) {
            c.missing.push_back(isMissing(i) ? 1 : 0);
        }
        return;
    }
    if (c.type == ColumnType::Categorical) {
        const std::size_t width = codeWidth(c.levels.size());
        if (data.size() != n * width) {
            badChunk(c);
        }
        for (std::size_t i = 0; i < n; ++i) {
            std::uint32_t code = 0;
            std::memcpy(&code, data.data() + i * width, width);
            if (code > c.levels.size()) {
                throw std::invalid_argument("column \"" + c.name + "\" refers to a value it does not have");
            }
            c.codes.push_back(static_cast<std::int32_t>(code) - 1);
        }
        return;
    }
    if (data.size() < (n + 1) * 4) {
        badChunk(c);
    }
    const std::byte* text = data.data() + (n + 1) * 4;
    const std::size_t textBytes = data.size() - (n + 1) * 4;
    std::uint32_t previous = 0;
    std::memcpy(&previous, data.data(), 4);
    if (previous != 0) {
        badChunk(c);
    }
    for (std::size_t i = 0; i < n; ++i) {
        std::uint32_t next = 0;
        std::memcpy(&next, data.data() + (i + 1) * 4, 4);
        if (next < previous || next > textBytes) {
            badChunk(c);
        }
        c.strings.emplace_back(reinterpret_cast<const char*>(text + previous), next - previous);
        c.missing.push_back(isMissing(i) ? 1 : 0);
        previous = next;
    }
    if (previous != textBytes) {
        badChunk(c);
    }
}

} // namespace neurolift::project

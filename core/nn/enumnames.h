#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace neurolift {

/// One enumerator with its stable identifier (JSON, project files, command
/// line) and the name shown to users. Tables of these are indexed by the
/// enumerator's value, so each table lists its enumerators in declaration order.
template <typename E>
struct EnumName {
    E value;
    std::string_view id;
    std::string_view display;
};

template <typename E, std::size_t N>
constexpr const EnumName<E>& enumEntry(const std::array<EnumName<E>, N>& table, E value)
{
    return table[static_cast<std::size_t>(value)];
}

template <typename E, std::size_t N>
std::optional<E> enumFromId(const std::array<EnumName<E>, N>& table, std::string_view id)
{
    for (const auto& entry : table) {
        if (entry.id == id) {
            return entry.value;
        }
    }
    return std::nullopt;
}

/// "a, b, c": the identifiers a message can offer when an unknown one was given.
template <typename E, std::size_t N>
std::string enumIds(const std::array<EnumName<E>, N>& table)
{
    std::string s;
    for (const auto& entry : table) {
        s += (s.empty() ? "" : ", ") + std::string(entry.id);
    }
    return s;
}

} // namespace neurolift

#pragma once

#include <string>

namespace neurolift {

/// The JSON parser's message without its "[json.exception.type_error.302] "
/// prefix, which says nothing to a user: "type must be number, but is null".
inline std::string plainJsonError(const char* what)
{
    std::string text = what;
    if (const auto end = text.find("] "); text.starts_with("[json.exception.") && end != std::string::npos) {
        text.erase(0, end + 2);
    }
    return text;
}

} // namespace neurolift

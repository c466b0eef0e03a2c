#include "scoring/csvcells.h"

namespace neurolift {

bool plainNumber(std::string_view s)
{
    if (s.empty()) {
        return false;
    }
    std::size_t i = s[0] == '-' || s[0] == '+' ? 1 : 0;
    bool digits = false;
    bool dot = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            digits = true;
        } else if ((c == '.' || c == ',') && !dot) {
            dot = true;
        } else if ((c == 'e' || c == 'E') && digits && i + 1 < s.size()) {
            std::size_t j = i + 1 + (s[i + 1] == '-' || s[i + 1] == '+' ? 1 : 0);
            if (j == s.size()) {
                return false;
            }
            for (; j < s.size(); ++j) {
                if (s[j] < '0' || s[j] > '9') {
                    return false;
                }
            }
            return true;
        } else {
            return false;
        }
    }
    return digits;
}

std::string neutraliseFormula(std::string_view s)
{
    std::string out(s);
    if (!s.empty() &&
        (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') &&
        !plainNumber(s)) {
        out.insert(out.begin(), '\'');
    }
    return out;
}

std::string csvCell(std::string_view text, bool fromUser, char delimiter)
{
    std::string s = fromUser ? neutraliseFormula(text) : std::string(text);
    const char special[] = {delimiter, '"', '\r', '\n', '\0'};
    if (s.find_first_of(special) != std::string::npos) {
        std::string q = "\"";
        for (char c : s) {
            q += c;
            if (c == '"') {
                q += '"';
            }
        }
        return q + "\"";
    }
    return s;
}

} // namespace neurolift

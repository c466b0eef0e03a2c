#pragma once

// What the CSV reader decides about a file before reading its rows (the
// delimiter, the missing-value markers) and how it tidies its warnings.
// Internal to core/data.

#include "data/csvreader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace neurolift::csv {

/// Chooses the candidate whose count per line is the same on the first lines,
/// preferring the largest count; falls back to the largest count on line 1.
char detectDelimiter(std::string_view sample, bool wholeFile);

/// "comma", "semicolon", "tab", "pipe", for messages.
std::string delimiterName(char d);

/// The message for a line with more than kMaxCsvColumns fields.
std::string tooManyFieldsMessage(char delimiter);

/// Keeps the first kWarningsPerKind warnings of each kind (other than
/// Other), in order, and after the last one kept of a kind a warning "… and
/// N more like this" for the ones dropped.
void collapseWarnings(std::vector<CsvWarning>& warnings);

/// Fast test for the user's missing-value markers.
class MissingTokens {
public:
    explicit MissingTokens(const std::vector<std::string>& tokens)
        : m_tokens(tokens)
    {
        for (const std::string& t : m_tokens) {
            if (t.size() < 64) {
                m_lengths |= std::uint64_t{1} << t.size();
            }
            if (t.empty()) {
                m_empty = true;
            } else {
                m_first[static_cast<unsigned char>(t[0])] = true;
            }
        }
    }

    bool contains(std::string_view v) const
    {
        if (v.empty()) {
            return m_empty;
        }
        if (!m_first[static_cast<unsigned char>(v[0])]) {
            return false;
        }
        if (v.size() < 64 && !(m_lengths & (std::uint64_t{1} << v.size()))) {
            return false;
        }
        return std::find(m_tokens.begin(), m_tokens.end(), v) != m_tokens.end();
    }

private:
    std::vector<std::string> m_tokens;
    std::uint64_t m_lengths = 0;
    std::array<bool, 256> m_first{};
    bool m_empty = false;
};

} // namespace neurolift::csv

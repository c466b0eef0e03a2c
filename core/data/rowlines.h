#pragma once

// The line of the file each data row starts on, for messages about a value:
// kept as the few rows where rows and lines stop counting up together (a
// blank line, a skipped row, a quoted line break). Internal to core/data.

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace neurolift::csv {

class RowLines {
public:
    /// Row `row` starts on line `line`; the rows after it follow one per line
    /// until the next note.
    void note(std::size_t row, long long line)
    {
        const long long offset = line - static_cast<long long>(row);
        if (!m_breaks.empty() && m_breaks.back().first == row) {
            m_breaks.back().second = offset;
            return;
        }
        if (m_breaks.empty() || m_breaks.back().second != offset) {
            m_breaks.emplace_back(row, offset);
        }
    }

    /// The line row `row` starts on; 0 when nothing was noted.
    long long lineOf(std::size_t row) const
    {
        const auto it = std::upper_bound(m_breaks.begin(), m_breaks.end(), row,
                                         [](std::size_t r, const auto& b) { return r < b.first; });
        if (it == m_breaks.begin()) {
            return 0;
        }
        return std::prev(it)->second + static_cast<long long>(row);
    }

    const std::vector<std::pair<std::size_t, long long>>& breaks() const { return m_breaks; }
    void clear() { m_breaks.clear(); }

private:
    std::vector<std::pair<std::size_t, long long>> m_breaks; ///< (row, line - row), rows ascending.
};

} // namespace neurolift::csv

#pragma once

// Builds one typed Column from a column's fields as the CSV reader meets them,
// then infers its type (see readCsv). Internal to core/data.

#include "data/csvfields.h"
#include "data/csvreader.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace neurolift::csv {

// Integers above this do not survive float32 exactly; such columns keep their text.
inline constexpr float kExactIntLimit = 16777216.0f;
inline constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

/// Collects one column's values while the file is read: as numbers while
/// every value is one, then as dictionary-encoded strings.
class ColumnBuilder {
public:
    void addMissing()
    {
        if (m_strings) {
            m_codes.push_back(-1);
        } else {
            m_values.push_back(kNaN);
            m_missing.push_back(1);
        }
        ++m_rows;
    }

    void add(std::string_view v)
    {
        ++m_present;
        if (!m_strings) {
            float x = 0.0f;
            bool plain = false;
            bool leadingZero = false;
            if (parseNumber(v, x, plain, leadingZero) && !leadingZero &&
                !(plain && std::fabs(x) > kExactIntLimit)) {
                m_values.push_back(x);
                m_missing.push_back(0);
                m_allPlainInt = m_allPlainInt && plain;
                ++m_rows;
                return;
            }
            switchToStrings();
        }
        m_codes.push_back(intern(v));
        ++m_rows;
    }

    Column finish(std::string name, int columnNumber, std::vector<CsvWarning>& warnings)
    {
        Column c;
        c.name = std::move(name);
        if (m_strings) {
            finishStrings(c);
        } else {
            c.values = std::move(m_values);
            c.missing = std::move(m_missing);
            finishNumbers(c, m_allPlainInt);
        }
        const std::string label = "column " + std::to_string(columnNumber) + " \"" + c.name + "\": ";
        if (m_present == 0) {
            warnings.push_back({0, columnNumber,
                                label + "every value is missing, so it cannot be used; exclude it or check "
                                        "the missing-value markers"});
        } else if (m_constant) {
            warnings.push_back(
                {0, columnNumber, label + "has the same value in every row, so it carries no information"});
        }
        return c;
    }

private:
    std::int32_t intern(std::string_view v)
    {
        const auto it = m_index.find(v);
        if (it != m_index.end()) {
            return it->second;
        }
        const auto id = static_cast<std::int32_t>(m_levels.size());
        m_levels.emplace_back(v);
        m_index.emplace(std::string_view(m_levels.back()), id);
        return id;
    }

    void switchToStrings()
    {
        m_strings = true;
        m_codes.reserve(m_values.size() + 1);
        for (std::size_t i = 0; i < m_values.size(); ++i) {
            m_codes.push_back(m_missing[i] ? -1 : intern(formatNumber(m_values[i], m_allPlainInt)));
        }
        std::vector<float>().swap(m_values);
        std::vector<std::uint8_t>().swap(m_missing);
    }

    void finishNumbers(Column& c, bool plainInts)
    {
        float lo = std::numeric_limits<float>::infinity();
        float hi = -lo;
        bool zeroOne = true;
        for (std::size_t i = 0; i < c.values.size(); ++i) {
            if (!c.missing[i]) {
                const float v = c.values[i];
                lo = std::min(lo, v);
                hi = std::max(hi, v);
                zeroOne = zeroOne && (v == 0.0f || v == 1.0f);
            }
        }
        m_constant = m_present > 0 && lo == hi;
        c.type = ColumnType::Numeric;
        if (m_present == 0) {
            return;
        }
        if (zeroOne) {
            c.type = ColumnType::Boolean;
            return;
        }
        const auto n = static_cast<double>(m_rows);
        if (plainInts && m_present == m_rows && m_rows >= 2 && static_cast<double>(hi) - lo + 1.0 >= n) {
            std::vector<float> sorted = c.values;
            std::sort(sorted.begin(), sorted.end());
            if (std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()) {
                c.type = ColumnType::Identifier;
                c.strings.reserve(c.values.size());
                for (float v : c.values) {
                    c.strings.push_back(formatNumber(v, true));
                }
                std::vector<float>().swap(c.values);
            }
        }
    }

    void finishStrings(Column& c)
    {
        const std::size_t levelCount = m_levels.size();
        m_constant = levelCount == 1;
        const bool unique = m_present == m_rows && levelCount == m_rows && m_rows >= 2;

        // All numbers after all (e.g. integers too large for float32)?
        std::vector<float> levelValues(levelCount);
        bool numeric = true;
        bool plainInts = true;
        for (std::size_t l = 0; l < levelCount && numeric; ++l) {
            bool plain = false;
            bool leadingZero = false;
            numeric = parseNumber(m_levels[l], levelValues[l], plain, leadingZero) && !leadingZero;
            plainInts = plainInts && plain;
        }
        if (numeric && !(plainInts && unique)) {
            c.values.resize(m_codes.size());
            c.missing.resize(m_codes.size());
            for (std::size_t i = 0; i < m_codes.size(); ++i) {
                const std::int32_t code = m_codes[i];
                c.values[i] = code < 0 ? kNaN : levelValues[static_cast<std::size_t>(code)];
                c.missing[i] = code < 0 ? 1 : 0;
            }
            finishNumbers(c, false);
            return;
        }

        // Boolean: only the two words of one pair.
        std::vector<int> truth(levelCount);
        int family = -1;
        bool boolean = true; // case variants ("Yes", "YES") are separate levels
        for (std::size_t l = 0; l < levelCount && boolean; ++l) {
            int f = -1;
            truth[l] = booleanWord(m_levels[l], f);
            boolean = truth[l] >= 0 && (family < 0 || family == f);
            family = f;
        }
        if (boolean) {
            c.type = ColumnType::Boolean;
            c.values.resize(m_codes.size());
            c.missing.resize(m_codes.size());
            for (std::size_t i = 0; i < m_codes.size(); ++i) {
                const std::int32_t code = m_codes[i];
                c.values[i] = code < 0 ? kNaN : static_cast<float>(truth[static_cast<std::size_t>(code)]);
                c.missing[i] = code < 0 ? 1 : 0;
            }
            // The words as the file spells them (first spelling seen), so the
            // column can be written back as it was read.
            c.levels = {"0", "1"};
            bool seen[2] = {false, false};
            for (std::size_t l = 0; l < levelCount; ++l) {
                const auto t = static_cast<std::size_t>(truth[l]);
                if (!seen[t]) {
                    c.levels[t] = m_levels[l];
                    seen[t] = true;
                }
            }
            return;
        }

        if (!unique && levelCount <= std::max<std::size_t>(50, m_rows / 20)) {
            c.type = ColumnType::Categorical;
            c.codes = std::move(m_codes);
            c.levels.assign(std::make_move_iterator(m_levels.begin()),
                            std::make_move_iterator(m_levels.end()));
            return;
        }
        c.type = unique ? ColumnType::Identifier : ColumnType::Text;
        c.strings.reserve(m_codes.size());
        c.missing.reserve(m_codes.size());
        for (const std::int32_t code : m_codes) {
            c.strings.push_back(code < 0 ? std::string() : m_levels[static_cast<std::size_t>(code)]);
            c.missing.push_back(code < 0 ? 1 : 0);
        }
    }

    bool m_strings = false;
    bool m_allPlainInt = true;
    bool m_constant = false;
    std::size_t m_rows = 0;
    std::size_t m_present = 0;
    std::vector<float> m_values;
    std::vector<std::uint8_t> m_missing;
    std::vector<std::int32_t> m_codes;
    std::deque<std::string> m_levels; // deque: m_index views stay valid as it grows
    std::unordered_map<std::string_view, std::int32_t> m_index;
};

} // namespace neurolift::csv

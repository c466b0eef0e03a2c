#include "data/columnbuilder.h"

#include "data/csvscan.h"
#include "data/datetime.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <iterator>
#include <string_view>

namespace neurolift::csv {

namespace {

bool isStringType(ColumnType t)
{
    return t == ColumnType::Categorical || t == ColumnType::Identifier || t == ColumnType::Text ||
           t == ColumnType::Date || t == ColumnType::Boolean;
}

/// A column name's words, lower case: split at non-alphanumerics and lower-to-upper
/// case changes ("CustomerID" -> customer, id; "zip_code" -> zip, code).
std::vector<std::string> nameWords(std::string_view name)
{
    std::vector<std::string> words(1);
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool alnum = std::isalnum(static_cast<unsigned char>(c)) != 0;
        const bool upper = c >= 'A' && c <= 'Z';
        const bool camel = upper && i > 0 && name[i - 1] >= 'a' && name[i - 1] <= 'z';
        if ((!alnum || camel) && !words.back().empty()) {
            words.emplace_back();
        }
        if (alnum) {
            words.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return words;
}

/// Whether a column name says it holds identifiers: a word such as "id",
/// "key", "no", "number" or "code" ("customer_id", "CustomerID", "Order No").
bool namesAnIdentifier(const std::string& name)
{
    static constexpr std::string_view kWords[] = {"id",     "key",  "no",  "nr",  "num",
                                                  "number", "code", "ref", "uuid"};
    const std::vector<std::string> words = nameWords(name);
    for (const std::string& w : words) {
        for (const std::string_view k : kWords) {
            if (w == k) {
                return true;
            }
        }
    }
    // Run-together names: "customerid", "userno" (but not "paid" or "valid").
    static constexpr std::string_view kEntities[] = {
        "customer", "cust",   "user",      "client",     "order",      "account",
        "member",   "person", "contact",   "lead",       "visitor",    "session",
        "row",      "record", "household", "subscriber", "transaction"};
    for (const std::string& w : words) {
        for (const std::string_view e : kEntities) {
            if (w.starts_with(e) && (w.substr(e.size()) == "id" || w.substr(e.size()) == "no" ||
                                     w.substr(e.size()) == "number" || w.substr(e.size()) == "key")) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

} // namespace neurolift::csv

namespace neurolift {

bool namesAPostcode(std::string_view name)
{
    static constexpr std::string_view kWords[] = {"zip",        "zipcode", "postcode",    "postal",
                                                  "postalcode", "plz",     "postleitzahl"};
    const std::vector<std::string> words = csv::nameWords(name);
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (std::find(std::begin(kWords), std::end(kWords), words[i]) != std::end(kWords) ||
            (words[i] == "post" && i + 1 < words.size() && words[i + 1] == "code")) {
            return true;
        }
    }
    return false;
}

} // namespace neurolift

namespace neurolift::csv {

ColumnBuilder ColumnBuilder::forChunk() const
{
    ColumnBuilder b;
    b.m_format = m_format;
    b.m_forced = m_forced;
    b.m_dateFormat = m_dateFormat;
    b.m_strings = m_strings;
    return b;
}

void ColumnBuilder::resetForChunk(const ColumnBuilder& main)
{
    m_format = main.m_format;
    m_forced = main.m_forced;
    m_dateFormat = main.m_dateFormat;
    m_strings = main.m_strings;
    m_allPlainInt = true;
    m_constant = false;
    m_rows = 0;
    m_present = 0;
    m_values.clear();
    m_missing.clear();
    m_codes.clear();
    m_levels.clear();
    m_levelHashes.clear();
    if (!m_slots.empty()) {
        std::fill(m_slots.begin(), m_slots.end(), -1);
    }
}

void ColumnBuilder::setForcedType(ColumnType type)
{
    m_forced = type;
    // Text-like types keep every value exactly as written ("007", "1.50").
    if (isStringType(type) && m_rows == 0) {
        m_strings = true;
    }
}

void ColumnBuilder::reserve(std::size_t rows)
{
    if (m_strings) {
        m_codes.reserve(rows);
    } else {
        m_values.reserve(rows);
        m_missing.reserve(rows);
    }
}

namespace {

/// A fast 64-bit hash of short strings (8 bytes per multiply-xorshift round).
std::uint64_t hashBytes(const char* p, std::size_t n)
{
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xFF51AFD7ED558CCDull);
    while (n >= 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, n);
        h = (h ^ w) * 0x94D049BB133111EBull;
        h ^= h >> 29;
    }
    return h;
}

} // namespace

std::int32_t ColumnBuilder::intern(std::string_view v)
{
    const std::uint64_t h = hashBytes(v.data(), v.size());
    if (m_slots.empty()) {
        m_slots.assign(64, -1);
    }
    std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const std::int32_t code = m_slots[i];
        if (code < 0) {
            break;
        }
        const auto c = static_cast<std::size_t>(code);
        if (m_levelHashes[c] == h && m_levels[c] == v) {
            return code;
        }
    }
    const auto id = static_cast<std::int32_t>(m_levels.size());
    m_levels.emplace_back(v);
    m_levelHashes.push_back(h);
    if (m_levels.size() * 2 > m_slots.size()) {
        // Keep the table at most half full.
        m_slots.assign(m_slots.size() * 2, -1);
        mask = m_slots.size() - 1;
        for (std::size_t l = 0; l < m_levels.size(); ++l) {
            std::size_t i = m_levelHashes[l] & mask;
            while (m_slots[i] >= 0) {
                i = (i + 1) & mask;
            }
            m_slots[i] = static_cast<std::int32_t>(l);
        }
        return id;
    }
    std::size_t i = h & mask;
    while (m_slots[i] >= 0) {
        i = (i + 1) & mask;
    }
    m_slots[i] = id;
    return id;
}

void ColumnBuilder::switchToStrings()
{
    m_strings = true;
    std::vector<std::int32_t> codes;
    codes.reserve(std::max(m_values.capacity(), m_values.size() + 1));
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        codes.push_back(m_missing[i] ? -1 : intern(formatNumber(m_values[i], m_allPlainInt)));
    }
    m_codes = std::move(codes);
    std::vector<double>().swap(m_values);
    std::vector<std::uint8_t>().swap(m_missing);
}

namespace {

/// Grows `v` for `extra` more elements by at least a quarter, so a slightly
/// low row estimate does not double the memory of a column.
template <typename T>
void growFor(std::vector<T>& v, std::size_t extra)
{
    const std::size_t need = v.size() + extra;
    if (need > v.capacity()) {
        v.reserve(std::max(need, v.capacity() + v.capacity() / 4));
    }
}

} // namespace

void ColumnBuilder::append(ColumnBuilder&& chunk)
{
    if (chunk.m_strings && !m_strings) {
        switchToStrings();
    }
    if (m_strings) {
        growFor(m_codes, chunk.m_rows);
        if (chunk.m_strings) {
            std::vector<std::int32_t> remap(chunk.m_levels.size());
            for (std::size_t l = 0; l < chunk.m_levels.size(); ++l) {
                remap[l] = intern(chunk.m_levels[l]);
            }
            for (const std::int32_t c : chunk.m_codes) {
                m_codes.push_back(c < 0 ? -1 : remap[static_cast<std::size_t>(c)]);
            }
        } else {
            for (std::size_t i = 0; i < chunk.m_values.size(); ++i) {
                m_codes.push_back(
                    chunk.m_missing[i] ? -1 : intern(formatNumber(chunk.m_values[i], chunk.m_allPlainInt)));
            }
        }
    } else {
        growFor(m_values, chunk.m_rows);
        growFor(m_missing, chunk.m_rows);
        m_values.insert(m_values.end(), chunk.m_values.begin(), chunk.m_values.end());
        m_missing.insert(m_missing.end(), chunk.m_missing.begin(), chunk.m_missing.end());
        m_allPlainInt = m_allPlainInt && chunk.m_allPlainInt;
    }
    m_rows += chunk.m_rows;
    m_present += chunk.m_present;
}

Column ColumnBuilder::finish(std::string name, int columnNumber, const CsvOptions& options,
                             std::vector<CsvWarning>& warnings, const RowLines* lines)
{
    Column c;
    c.name = std::move(name);
    const std::string label = "column " + std::to_string(columnNumber) + " \"" + c.name + "\": ";
    if (m_forced) {
        finishForced(c, options, warnings, label);
    } else if (m_strings || (m_allPlainInt && m_present > 0 && namesAPostcode(c.name))) {
        // Postcodes are written as whole numbers but are codes: read as text, they
        // become a category (or are left out), never an amount to multiply by a weight.
        const bool codes = !m_strings;
        if (codes) {
            switchToStrings();
            warnings.push_back({0,
                                columnNumber,
                                label + "is named like a postcode, so its numbers are read as codes that "
                                        "identify a place, not as amounts",
                                CsvWarningKind::PostcodeColumn,
                                {std::to_string(columnNumber), c.name}});
        }
        finishStrings(c, options, warnings, label, columnNumber, lines, codes);
    } else {
        c.values = std::move(m_values);
        c.missing = std::move(m_missing);
        finishNumbers(c, m_allPlainInt, true);
    }
    if (m_present == 0) {
        warnings.push_back({0,
                            columnNumber,
                            label + "every value is missing, so it cannot be used; exclude it or check "
                                    "the missing-value markers",
                            CsvWarningKind::EmptyColumn,
                            {std::to_string(columnNumber), c.name}});
    } else if (m_constant) {
        warnings.push_back({0,
                            columnNumber,
                            label + "has the same value in every row, so it carries no information",
                            CsvWarningKind::ConstantColumn,
                            {std::to_string(columnNumber), c.name}});
    }
    return c;
}

void ColumnBuilder::finishNumbers(Column& c, bool plainInts, bool identifierAllowed)
{
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    bool zeroOne = true;
    bool increasing = true;
    double previous = -lo;
    for (std::size_t i = 0; i < c.values.size(); ++i) {
        if (!c.missing[i]) {
            const double v = c.values[i];
            lo = std::min(lo, v);
            hi = std::max(hi, v);
            zeroOne = zeroOne && (v == 0.0 || v == 1.0);
            increasing = increasing && v > previous;
            previous = v;
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
    // Distinct whole numbers are an identifier when the name says so
    // ("customer_id", "CustomerNo") or they number the rows in order; else
    // they are amounts or counts that happen to differ.
    const bool looksLikeId = namesAnIdentifier(c.name) || (increasing && m_rows >= 20);
    if (identifierAllowed && looksLikeId && plainInts && m_present == m_rows && m_rows >= 2 &&
        hi - lo + 1.0 >= n) {
        bool unique = increasing;
        if (!unique) {
            std::vector<double> sorted = c.values;
            std::sort(sorted.begin(), sorted.end());
            unique = std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
        }
        if (unique) {
            c.type = ColumnType::Identifier;
            c.strings.reserve(c.values.size());
            for (const double v : c.values) {
                c.strings.push_back(formatNumber(v, true));
            }
            std::vector<double>().swap(c.values);
        }
    }
}

std::size_t ColumnBuilder::valuesFromLevels(Column& c, const std::vector<double>& levelValues) const
{
    c.values.resize(m_codes.size());
    c.missing.resize(m_codes.size());
    std::size_t unreadable = 0;
    for (std::size_t i = 0; i < m_codes.size(); ++i) {
        const std::int32_t code = m_codes[i];
        const double v = code < 0 ? kNaN : levelValues[static_cast<std::size_t>(code)];
        unreadable += code >= 0 && std::isnan(v) ? 1 : 0;
        c.values[i] = v;
        c.missing[i] = std::isnan(v) ? 1 : 0;
    }
    return unreadable;
}

void ColumnBuilder::toStrings(Column& c, ColumnType type)
{
    c.type = type;
    c.strings.reserve(m_codes.size());
    c.missing.reserve(m_codes.size());
    for (const std::int32_t code : m_codes) {
        c.strings.push_back(code < 0 ? std::string() : m_levels[static_cast<std::size_t>(code)]);
        c.missing.push_back(code < 0 ? 1 : 0);
    }
}

void ColumnBuilder::finishStrings(Column& c, const CsvOptions& options, std::vector<CsvWarning>& warnings,
                                  const std::string& label, int columnNumber, const RowLines* lines,
                                  bool codes)
{
    const std::size_t levelCount = m_levels.size();
    m_constant = levelCount == 1;
    const bool unique = m_present == m_rows && levelCount == m_rows && m_rows >= 2;

    // All numbers after all (e.g. integers too large for a double), or but for a few odd values?
    if (!codes && finishAsNumbers(c, warnings, label, columnNumber, unique, lines)) {
        return;
    }

    // Boolean: only the two words of one pair.
    std::vector<int> truth(levelCount);
    int family = -1;
    bool boolean = levelCount > 0; // case variants ("Yes", "YES") are separate levels
    for (std::size_t l = 0; l < levelCount && boolean; ++l) {
        int f = -1;
        truth[l] = booleanWord(m_levels[l], f);
        boolean = truth[l] >= 0 && (family < 0 || family == f);
        family = f;
    }
    if (boolean) {
        c.type = ColumnType::Boolean;
        valuesFromLevels(c, std::vector<double>(truth.begin(), truth.end()));
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

    // Dates: every value in one format.
    if (levelCount > 0 && !codes) {
        const std::vector<std::string>& levels = m_levels;
        const DateOrder order = options.dateOrder.value_or(DateOrder::DayMonthYear);
        if (const auto detected = detectDateFormat(levels, order)) {
            c.type = ColumnType::Date;
            c.dateFormat = detected->format;
            std::vector<double> days(levelCount);
            for (std::size_t l = 0; l < levelCount; ++l) {
                days[l] = parseDate(levels[l], detected->format).value_or(kNaN);
            }
            valuesFromLevels(c, days);
            if (detected->ambiguous && !options.dateOrder) {
                warnings.push_back({0,
                                    0,
                                    label + "dates such as " + quoteExample(levels.front()) +
                                        " could be day-first or month-first; read as " +
                                        (order == DateOrder::DayMonthYear ? "day-first" : "month-first") +
                                        " (choose the date order if that is wrong)",
                                    CsvWarningKind::AmbiguousDates,
                                    {std::to_string(columnNumber), c.name, quoteExample(levels.front()),
                                     order == DateOrder::DayMonthYear ? "day-first" : "month-first"}});
            }
            return;
        }
        if (finishMostlyDates(c, options, warnings, label, columnNumber, lines)) {
            return;
        }
    }

    if (!unique && levelCount <= std::max<std::size_t>(50, m_rows / 20)) {
        c.type = ColumnType::Categorical;
        c.codes = std::move(m_codes);
        c.levels.assign(std::make_move_iterator(m_levels.begin()), std::make_move_iterator(m_levels.end()));
        return;
    }
    toStrings(c, unique ? ColumnType::Identifier : ColumnType::Text);
}

void ColumnBuilder::finishForced(Column& c, const CsvOptions& options, std::vector<CsvWarning>& warnings,
                                 const std::string& label)
{
    const ColumnType type = *m_forced;
    if (!m_strings) {
        // Only a numeric column stays in number mode.
        c.values = std::move(m_values);
        c.missing = std::move(m_missing);
        finishNumbers(c, m_allPlainInt, false);
        c.type = ColumnType::Numeric;
        return;
    }
    const std::size_t levelCount = m_levels.size();
    m_constant = levelCount == 1;
    // Converts each level with `convert`; levels it cannot read become missing, with a warning.
    const auto convertLevels = [&](auto convert, const char* what) {
        std::vector<double> levelValues(levelCount, kNaN);
        std::size_t badLevel = levelCount;
        for (std::size_t l = 0; l < levelCount; ++l) {
            if (const auto v = convert(m_levels[l])) {
                levelValues[l] = *v;
            } else if (badLevel == levelCount) {
                badLevel = l;
            }
        }
        c.type = type;
        const std::size_t bad = valuesFromLevels(c, levelValues);
        if (bad > 0) {
            m_present -= bad;
            m_unreadable = bad;
            m_unreadableExample = m_levels[badLevel];
            warnings.push_back({0, 0,
                                label + groupDigits(static_cast<long long>(bad)) +
                                    (bad == 1 ? " value is" : " values are") + " not " + what +
                                    " (for example " + quoteExample(m_levels[badLevel]) + ") and " +
                                    (bad == 1 ? "is" : "are") + " read as missing",
                                CsvWarningKind::UnreadableValues});
        }
    };
    switch (type) {
    case ColumnType::Numeric:
        convertLevels(
            [&](const std::string& s) -> std::optional<double> {
                double x = 0.0;
                bool plain = false;
                bool leadingZero = false;
                return parseNumber(s, m_format, x, plain, leadingZero) ? std::optional<double>(x)
                                                                       : std::nullopt;
            },
            "numbers");
        break;
    case ColumnType::Boolean: {
        c.levels = {"0", "1"};
        bool seen[2] = {false, false};
        convertLevels(
            [&](const std::string& s) -> std::optional<double> {
                int family = -1;
                const int t = booleanWord(s, family);
                if (t < 0) {
                    return std::nullopt;
                }
                if (!seen[t]) {
                    c.levels[static_cast<std::size_t>(t)] = s;
                    seen[t] = true;
                }
                return static_cast<double>(t);
            },
            "yes/no values");
        break;
    }
    case ColumnType::Date: {
        const std::vector<std::string>& levels = m_levels;
        const DateOrder order = options.dateOrder.value_or(DateOrder::DayMonthYear);
        // The given format; else the one all values share; else the first value's.
        std::optional<DateDetection> detected;
        if (m_dateFormat) {
            detected = DateDetection{*m_dateFormat, false};
        } else {
            detected = detectDateFormat(levels, order);
        }
        for (std::size_t l = 0; !detected && l < levels.size(); ++l) {
            detected = detectDateFormat(std::span<const std::string>(&levels[l], 1), order);
        }
        const DateFormat format = detected ? detected->format : DateFormat{};
        c.dateFormat = format;
        convertLevels([&](const std::string& s) { return detected ? parseDate(s, format) : std::nullopt; },
                      "dates");
        break;
    }
    case ColumnType::Categorical:
        c.type = ColumnType::Categorical;
        c.codes = std::move(m_codes);
        c.levels.assign(std::make_move_iterator(m_levels.begin()), std::make_move_iterator(m_levels.end()));
        break;
    case ColumnType::Identifier:
    case ColumnType::Text:
        toStrings(c, type);
        break;
    }
}

} // namespace neurolift::csv

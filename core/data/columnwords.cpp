#include "data/columnwords.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <stdexcept>

namespace neurolift {

namespace {

bool isLower(char c)
{
    return std::islower(static_cast<unsigned char>(c)) != 0;
}

bool isUpper(char c)
{
    return std::isupper(static_cast<unsigned char>(c)) != 0;
}

bool isDigit(char c)
{
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

} // namespace

std::string suggestedWords(std::string_view column)
{
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < column.size(); ++i) {
        const char c = column[i];
        if (c == '_' || c == '-' || c == '.' || c == ' ') {
            space = !out.empty();
            continue;
        }
        // A new word starts where lower case meets upper case ("webVisits") or where a run of
        // capitals meets a capitalised word ("HTMLPage" → "HTML page"), and where letters meet digits.
        const char prev = i > 0 ? column[i - 1] : '\0';
        const char next = i + 1 < column.size() ? column[i + 1] : '\0';
        const bool camel = isUpper(c) && (isLower(prev) || (isUpper(prev) && isLower(next)));
        const bool digits = (isDigit(c) && std::isalpha(static_cast<unsigned char>(prev))) ||
                            (std::isalpha(static_cast<unsigned char>(c)) && isDigit(prev));
        if (!out.empty() && (space || camel || digits)) {
            out += ' ';
        }
        space = false;
        // Inside the phrase a capitalised word reads lower case; an acronym ("ID", "HTML") keeps its case.
        const bool acronym = isUpper(c) && (isUpper(next) || (isUpper(prev) && !isLower(next)));
        if (out.empty()) {
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        } else if (isUpper(c) && !acronym) {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            out += c;
        }
    }
    return out.empty() ? std::string(column) : out;
}

ColumnWords columnWordsFromJson(const nlohmann::json& setting)
{
    if (!setting.is_object()) {
        throw std::runtime_error("the column descriptions are not a list of column: words pairs");
    }
    ColumnWords words;
    for (const auto& [column, value] : setting.items()) {
        if (!value.is_string()) {
            throw std::runtime_error("the description of column \"" + column + "\" is not text");
        }
        const auto& text = value.get_ref<const std::string&>();
        if (text.empty() || text.size() > kMaxColumnWords ||
            text.find_first_of("\r\n") != std::string::npos) {
            throw std::runtime_error("the description of column \"" + column +
                                     "\" must be one line of 1 to " + std::to_string(kMaxColumnWords) +
                                     " characters");
        }
        words.emplace(column, text);
    }
    return words;
}

nlohmann::json columnWordsToJson(const ColumnWords& words)
{
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [column, text] : words) {
        out[column] = text;
    }
    return out;
}

std::string wordsFor(const ColumnWords& words, const std::string& column)
{
    const auto it = words.find(column);
    return it == words.end() ? column : it->second;
}

} // namespace neurolift

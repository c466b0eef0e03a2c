#pragma once

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <string>
#include <string_view>

namespace neurolift {

/// What each column is, in the user's words: "Viewed the pricing page" for
/// viewed_pricing. Written once (the Data page's profile, the wizard), kept in
/// the project (setting kColumnWordsSetting) and used wherever a column is named
/// in a sentence for a marketer, such as a customer's reasons.
using ColumnWords = std::map<std::string, std::string, std::less<>>;

/// The project setting that holds the words: {"viewed_pricing": "Viewed the pricing page", ...}.
inline constexpr const char* kColumnWordsSetting = "columnWords";

/// The longest description kept, in bytes: a phrase, not a paragraph.
inline constexpr std::size_t kMaxColumnWords = 120;

/// A first description from the column's name alone: words split at "_", "-",
/// "." and lower-to-upper case changes, the first letter capitalised, the rest as
/// written ("viewed_pricing" → "Viewed pricing", "NumWebVisitsMonth" → "Num web
/// visits month", "MntWines" → "Mnt wines", "ID" → "ID").
std::string suggestedWords(std::string_view column);

/// The words from a project's setting. Throws std::runtime_error naming the
/// column when an entry is not a string, is empty, is longer than
/// kMaxColumnWords or holds a line break: the setting is someone else's data.
ColumnWords columnWordsFromJson(const nlohmann::json& setting);

/// The setting's JSON for `words`.
nlohmann::json columnWordsToJson(const ColumnWords& words);

/// `words[column]`, or the column's own name when the user gave none.
std::string wordsFor(const ColumnWords& words, const std::string& column);

} // namespace neurolift

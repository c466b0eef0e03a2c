#include "clicommon.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <utility>

namespace neurolift::cli {

char separatorFlag(const std::string& option, const std::string& value, bool allowNone)
{
    static const std::pair<const char*, char> kNames[] = {
        {"comma", ','},     {",", ','},           {"dot", '.'},  {"point", '.'}, {".", '.'},
        {"semicolon", ';'}, {";", ';'},           {"tab", '\t'}, {"pipe", '|'},  {"|", '|'},
        {"space", ' '},     {"apostrophe", '\''}, {"'", '\''},   {"none", 0}};
    for (const auto& [name, c] : kNames) {
        if (value == name && (c != 0 || allowNone)) {
            return c;
        }
    }
    throw UsageError(option + ": \"" + value + "\" is not one of the choices (see --help)");
}

CsvOptions csvOptions(const ImportFlags& f)
{
    CsvOptions o;
    if (!f.encoding.empty()) {
        o.encoding = encodingFromName(f.encoding);
        if (!o.encoding) {
            throw UsageError("--encoding: unknown encoding \"" + f.encoding + "\" (choose from " +
                             std::string(encodingChoices()) + ")");
        }
    }
    if (!f.delimiter.empty()) {
        o.delimiter = separatorFlag("--delimiter", f.delimiter, false);
        if (o.delimiter != ',' && o.delimiter != ';' && o.delimiter != '\t' && o.delimiter != '|') {
            throw UsageError("--delimiter: choose comma, semicolon, tab or pipe");
        }
    }
    if (!f.decimal.empty()) {
        o.decimal = separatorFlag("--decimal", f.decimal, false);
        if (o.decimal != '.' && o.decimal != ',') {
            throw UsageError("--decimal: choose point or comma");
        }
    }
    if (!f.thousands.empty()) {
        o.thousands = separatorFlag("--thousands", f.thousands, true);
    }
    if (!f.dateOrder.empty()) {
        o.dateOrder = dateOrderFromId(f.dateOrder);
        if (!o.dateOrder) {
            throw UsageError("--date-order: choose dmy (31/12/2024), mdy (12/31/2024) or ymd");
        }
    }
    if (!f.header.empty()) {
        if (f.header != "yes" && f.header != "no") {
            throw UsageError("--header: choose yes or no");
        }
        o.header = f.header == "yes";
    }
    if (f.ragged != "skip" && f.ragged != "stop") {
        throw UsageError("--on-bad-row: choose skip or stop");
    }
    o.ragged = f.ragged == "stop" ? CsvOptions::RaggedRows::Stop : CsvOptions::RaggedRows::Skip;
    for (const std::string& t : f.types) {
        const auto eq = t.rfind('=');
        const std::string name = eq == std::string::npos ? std::string() : t.substr(0, eq);
        const std::string type = eq == std::string::npos ? std::string() : t.substr(eq + 1);
        const std::optional<ColumnType> parsed = columnTypeFromId(type);
        if (name.empty() || !parsed) {
            throw UsageError(
                "--type: \"" + t +
                "\" should be COLUMN=TYPE with TYPE numeric, categorical, boolean, date, identifier or "
                "text");
        }
        o.columnTypes[name] = *parsed;
    }
    o.missingTokens.insert(o.missingTokens.end(), f.missing.begin(), f.missing.end());
    return o;
}

void printCsvWarnings(const std::string& file, const std::vector<CsvWarning>& warnings)
{
    for (const CsvWarning& w : warnings) {
        // Named as errors name it; the message already says where in the
        // file ("line 4: ...", "column 3 \"x\": ...").
        std::cerr << '"' << std::filesystem::path(file).filename().string() << "\": " << w.message << '\n';
    }
}

CsvResult readData(const std::string& file, const ImportFlags& flags)
{
    const CsvOptions options = csvOptions(flags);
    ProgressLine progress("Reading " + file);
    CsvResult data = readCsv(file, options, [&](double f) { return progress(f); });
    printCsvWarnings(file, data.warnings);
    return data;
}

nlohmann::json importFlagsJson(const ImportFlags& f)
{
    nlohmann::json j = nlohmann::json::object();
    const std::pair<const char*, const std::string*> fields[] = {
        {"encoding", &f.encoding},   {"delimiter", &f.delimiter},  {"decimal", &f.decimal},
        {"thousands", &f.thousands}, {"date_order", &f.dateOrder}, {"header", &f.header}};
    for (const auto& [key, value] : fields) {
        if (!value->empty()) {
            j[key] = *value;
        }
    }
    if (!f.types.empty()) {
        j["types"] = f.types;
    }
    if (!f.missing.empty()) {
        j["missing"] = f.missing;
    }
    return j;
}

void addImportOptions(CLI::App& command, ImportFlags& f)
{
    const std::string group = "Reading the file (detected when not given)";
    command.add_option("--encoding", f.encoding, "Text encoding: " + std::string(encodingChoices()))
        ->group(group);
    command.add_option("--delimiter", f.delimiter, "comma, semicolon, tab or pipe")->group(group);
    command.add_option("--decimal", f.decimal, "Decimal separator: point or comma")->group(group);
    command
        .add_option("--thousands", f.thousands, "Thousands separator: comma, dot, space, apostrophe or none")
        ->group(group);
    command.add_option("--date-order", f.dateOrder, "Dates like 03/04/2024: dmy (default) or mdy")
        ->group(group);
    command.add_option("--header", f.header, "Whether the first row holds column names: yes or no")
        ->group(group);
    command
        .add_option("--on-bad-row", f.ragged, "A row with the wrong number of fields: skip (default) or stop")
        ->group(group);
    command
        .add_option("--type", f.types, "COLUMN=TYPE (numeric, categorical, boolean, date, identifier, text)")
        ->group(group);
    command.add_option("--missing", f.missing, "Another text that means 'no value', e.g. -999 (repeatable)")
        ->group(group);
}

} // namespace neurolift::cli

#include "clicommon.h"

#include <CLI/CLI.hpp>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <locale>
#include <sstream>
#include <string_view>
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

RemoveOnFailure::~RemoveOnFailure()
{
    for (const std::string& path : m_paths) {
        std::error_code ec;
        for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
            std::filesystem::remove(path + suffix, ec);
        }
    }
}

namespace {

std::string plainNumber(double v)
{
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s << std::setprecision(12) << v;
    std::string text = s.str();
    if (v >= 10000 && text.find_first_of(".e") == std::string::npos) {
        for (auto i = static_cast<std::ptrdiff_t>(text.size()) - 3; i > 0; i -= 3) {
            text.insert(static_cast<std::size_t>(i), ",");
        }
    }
    return text;
}

} // namespace

CLI::Validator numberWithin(double lo, double hi, bool aboveLo)
{
    const std::string range = (aboveLo ? "above " : "from ") + plainNumber(lo) +
                              (aboveLo ? " and at most " : " to ") + plainNumber(hi);
    return CLI::Validator(
        [lo, hi, aboveLo, range](std::string& text) -> std::string {
            const char* begin = text.c_str();
            char* end = nullptr;
            errno = 0;
            const double v = std::strtod(begin, &end);
            const bool ok = end != begin && *end == '\0' && errno == 0 && std::isfinite(v) &&
                            (aboveLo ? v > lo : v >= lo) && v <= hi;
            return ok ? std::string() : "\"" + text + "\" is not allowed; give a number " + range;
        },
        "NUMBER " + range);
}

CLI::Validator writableDelimiter()
{
    return CLI::Validator(
        [](std::string& text) -> std::string {
            if (text == "tab") {
                return {};
            }
            const bool one = text.size() == 1;
            const unsigned char c = one ? static_cast<unsigned char>(text[0]) : 0;
            if (one && c >= 0x20 && c < 0x7f && !std::isalnum(c) &&
                std::string_view("\"'.-+ ").find(static_cast<char>(c)) == std::string_view::npos) {
                return {};
            }
            return "\"" + text +
                   "\" cannot separate the values of a readable file; give one character such as , ; | or "
                   "tab "
                   "(not a quote, a line break, a space, a letter, a digit or a sign)";
        },
        "CHAR");
}

std::string formatValue(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.7g", v);
    return buf;
}

void recordExport(const std::string& project, const ExportRecord& e)
{
    if (const std::string readOnly = whyReadOnly(project); !readOnly.empty()) {
        std::cerr << "note: the export is not listed in the project: " << readOnly << '\n';
        return;
    }
    Project::open(project).addExport(e);
}

void RemoveOnFailure::addIfNew(const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        add(path);
    }
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

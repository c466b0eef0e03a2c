#include "data/csvsniff.h"

#include "data/csvscan.h"

namespace neurolift::csv {

char detectDelimiter(std::string_view sample, bool wholeFile)
{
    static constexpr char kCandidates[] = {',', ';', '\t', '|'};
    char best = ',';
    long long bestScore = 0;
    for (char d : kCandidates) {
        std::vector<int> counts;
        int current = 0;
        bool inQuotes = false;
        for (std::size_t k = 0; k < sample.size() && counts.size() < 30; ++k) {
            const char c = sample[k];
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes) {
                if (c == d) {
                    ++current;
                } else if (c == '\n') {
                    counts.push_back(current);
                    current = 0;
                }
            }
        }
        if (counts.empty() || (wholeFile && current > 0 && counts.size() < 30)) {
            counts.push_back(current);
        }
        const int first = counts.front();
        const bool consistent = std::all_of(counts.begin(), counts.end(), [&](int n) { return n == first; });
        const long long score = first == 0 ? 0 : (consistent ? 1000000LL : 0LL) + first;
        if (score > bestScore) {
            bestScore = score;
            best = d;
        }
    }
    return best;
}

std::string delimiterName(char d)
{
    switch (d) {
    case ',':
        return "comma";
    case ';':
        return "semicolon";
    case '\t':
        return "tab";
    case '|':
        return "pipe";
    default:
        return std::string("'") + d + "'";
    }
}

std::string tooManyFieldsMessage(char delimiter)
{
    const std::string limit = groupDigits(static_cast<long long>(kMaxCsvColumns));
    return "the line has more than " + limit + " fields, and NeuroLift reads at most " + limit +
           " columns; check the delimiter (" + delimiterName(delimiter) +
           "), or export the table with fewer columns";
}

void collapseWarnings(std::vector<CsvWarning>& warnings)
{
    std::array<std::size_t, kCsvWarningKinds> total{};
    for (const CsvWarning& w : warnings) {
        ++total[static_cast<std::size_t>(w.kind)];
    }
    std::array<std::size_t, kCsvWarningKinds> kept{};
    std::vector<CsvWarning> out;
    for (CsvWarning& w : warnings) {
        const auto kind = static_cast<std::size_t>(w.kind);
        if (w.kind == CsvWarningKind::Other) {
            out.push_back(std::move(w));
            continue;
        }
        if (++kept[kind] > kWarningsPerKind) {
            continue;
        }
        out.push_back(std::move(w));
        if (kept[kind] == kWarningsPerKind && total[kind] > kWarningsPerKind) {
            out.push_back({0, 0,
                           "\u2026 and " +
                               groupDigits(static_cast<long long>(total[kind] - kWarningsPerKind)) +
                               " more like this",
                           static_cast<CsvWarningKind>(kind)});
        }
    }
    warnings = std::move(out);
}

} // namespace neurolift::csv

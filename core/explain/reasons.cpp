#include "explain/reasons.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>

namespace neurolift {

namespace {

std::string formatEffect(double effect)
{
    char buf[32];
    const double a = std::abs(effect);
    if (a >= 0.005 && a < 1e4) {
        std::snprintf(buf, sizeof buf, "%+.2f", effect);
    } else {
        std::snprintf(buf, sizeof buf, "%+.2g", effect);
    }
    return buf;
}

} // namespace

std::string reasonText(const std::string& column, const std::string& value, bool missing, double effect)
{
    const std::string e = " (" + formatEffect(effect) + ")";
    if (missing) {
        return column + " is missing" + e;
    }
    return column + " = " + value + e;
}

bool readsAsYesNo(const Column& column)
{
    return column.type == ColumnType::Boolean &&
           (column.levels.empty() ||
            (column.levels.size() == 2 && column.levels[0] == "0" && column.levels[1] == "1"));
}

std::string describedReasonText(const std::string& words, const Column& column, std::size_t row,
                                double effect)
{
    const std::string e = " (" + formatEffect(effect) + ")";
    const bool missing = column.isMissing(row) || (!column.values.empty() && std::isnan(column.values[row]));
    if (missing) {
        return words + ": missing" + e;
    }
    std::string value = column.text(row);
    if (readsAsYesNo(column)) {
        value = column.values[row] >= 0.5 ? "yes" : "no";
    }
    return words + ": " + value + e;
}

std::vector<RowReasons> reasonCodes(const Matrix& attributions, const FeatureGroups& groups, const Table& table,
                                    std::span<const std::int64_t> rows, const ReasonOptions& options)
{
    if (static_cast<std::size_t>(attributions.cols()) != rows.size()) {
        throw std::invalid_argument("reason codes: " + std::to_string(attributions.cols()) +
                                    " rows of attributions for " + std::to_string(rows.size()) + " table rows");
    }
    std::vector<const Column*> columns;
    for (const auto& name : groups.columns) {
        const Column* c = table.column(name);
        if (!c) {
            throw std::invalid_argument("reason codes: the data has no column \"" + name + "\"");
        }
        columns.push_back(c);
    }
    const Matrix effects = groups.sum(attributions);
    const auto g = static_cast<Index>(groups.size());
    const auto top = static_cast<std::size_t>(std::max(options.top, 0));
    std::vector<RowReasons> out(rows.size());
    std::vector<Index> order(static_cast<std::size_t>(g));
    for (std::size_t j = 0; j < rows.size(); ++j) {
        const auto col = static_cast<Index>(j);
        const auto row = static_cast<std::size_t>(rows[j]);
        std::iota(order.begin(), order.end(), Index{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](Index a, Index b) { return effects(a, col) > effects(b, col); });
        const auto reason = [&](Index k) {
            const double e = effects(k, col);
            const Column& c = *columns[static_cast<std::size_t>(k)];
            if (options.words) {
                if (const auto it = options.words->find(c.name); it != options.words->end()) {
                    return Reason{c.name, e, describedReasonText(it->second, c, row, e)};
                }
            }
            const bool missing = c.isMissing(row) || (!c.values.empty() && std::isnan(c.values[row]));
            return Reason{c.name, e, reasonText(c.name, c.text(row), missing, e)};
        };
        for (std::size_t i = 0; i < order.size() && out[j].up.size() < top; ++i) {
            const double e = effects(order[i], col);
            if (e <= 0.0 || e < options.minEffect) {
                break;
            }
            out[j].up.push_back(reason(order[i]));
        }
        for (std::size_t i = order.size(); i-- > 0 && out[j].down.size() < top;) {
            const double e = effects(order[i], col);
            if (e >= 0.0 || -e < options.minEffect) {
                break;
            }
            out[j].down.push_back(reason(order[i]));
        }
    }
    return out;
}

} // namespace neurolift

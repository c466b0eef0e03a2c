#include "explain/dependence.h"

#include "data/datetime.h"
#include "nn/random.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <stdexcept>

namespace neurolift {

namespace {

/// `rows` of `c`, as a column of their own.
Column subset(const Column& c, std::span<const std::int64_t> rows)
{
    Column s;
    s.name = c.name;
    s.type = c.type;
    s.levels = c.levels;
    s.dateFormat = c.dateFormat;
    for (const std::int64_t r : rows) {
        const auto i = static_cast<std::size_t>(r);
        if (!c.values.empty()) {
            s.values.push_back(c.values[i]);
        }
        if (!c.missing.empty()) {
            s.missing.push_back(c.missing[i]);
        }
        if (!c.codes.empty()) {
            s.codes.push_back(c.codes[i]);
        }
        if (!c.strings.empty()) {
            s.strings.push_back(c.strings[i]);
        }
    }
    return s;
}

std::string numberLabel(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

} // namespace

DependenceResult partialDependence(const Network& network, const Recipe& recipe, const Table& table,
                                   std::span<const std::int64_t> rows, const std::string& column,
                                   const DependenceOptions& options, const ExplainProgress& progress)
{
    const auto types = recipe.inputTypes();
    if (!types.contains(column)) {
        throw std::invalid_argument("\"" + column + "\" is not one of the model's input columns");
    }
    if (rows.empty()) {
        throw std::invalid_argument("partial dependence needs at least one row");
    }
    if (options.output < 0 || options.output >= network.outputSize()) {
        throw std::invalid_argument("partial dependence: the network has no output " +
                                    std::to_string(options.output));
    }
    const Column* source = table.column(column);
    if (!source) {
        throw std::invalid_argument("the data has no column \"" + column + "\"");
    }
    DependenceResult result;
    result.column = column;
    result.type = source->type;

    // The rows drawn: a seeded sample, kept in table order.
    std::vector<std::int64_t> drawn(rows.begin(), rows.end());
    if (static_cast<Index>(drawn.size()) > options.maxRows) {
        Rng rng(options.seed);
        rng.shuffle(std::span<std::int64_t>(drawn));
        drawn.resize(static_cast<std::size_t>(std::max<Index>(options.maxRows, 1)));
    }
    std::sort(drawn.begin(), drawn.end());
    result.rows = drawn;

    // The grid, from all the given rows.
    if (source->type == ColumnType::Categorical) {
        std::vector<long long> counts(source->levels.size(), 0);
        for (const std::int64_t r : rows) {
            const auto code = source->codes[static_cast<std::size_t>(r)];
            if (code >= 0) {
                ++counts[static_cast<std::size_t>(code)];
            }
        }
        std::vector<std::size_t> order;
        for (std::size_t l = 0; l < counts.size(); ++l) {
            if (counts[l] > 0) {
                order.push_back(l);
            }
        }
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });
        if (order.size() > static_cast<std::size_t>(options.maxLevels)) {
            result.warnings.push_back("\"" + column + "\" has " + std::to_string(order.size()) +
                                      " values; the curves show the " + std::to_string(options.maxLevels) +
                                      " most frequent");
            order.resize(static_cast<std::size_t>(options.maxLevels));
        }
        for (const std::size_t l : order) {
            result.labels.push_back(source->levels[l]);
            result.values.push_back(static_cast<double>(l)); // the code, replaced by NaN below
        }
    } else if (source->type == ColumnType::Boolean) {
        for (int v = 0; v < 2; ++v) {
            result.values.push_back(v);
            result.labels.push_back(source->levels.size() == 2 ? source->levels[static_cast<std::size_t>(v)]
                                                                : std::to_string(v));
        }
    } else {
        std::vector<double> present;
        for (const std::int64_t r : rows) {
            const double v = source->values[static_cast<std::size_t>(r)];
            if (!std::isnan(v) && !source->isMissing(static_cast<std::size_t>(r))) {
                present.push_back(v);
            }
        }
        if (present.empty()) {
            throw std::invalid_argument("\"" + column + "\" has no values in these rows");
        }
        std::sort(present.begin(), present.end());
        const int points = std::max(options.gridPoints, 2);
        for (int k = 0; k < points; ++k) {
            const auto at = static_cast<std::size_t>(std::lround(static_cast<double>(k) / (points - 1) *
                                                                 static_cast<double>(present.size() - 1)));
            const double v = present[at];
            if (result.values.empty() || v != result.values.back()) {
                result.values.push_back(v);
                result.labels.push_back(source->type == ColumnType::Date ? formatDate(v) : numberLabel(v));
            }
        }
    }

    // The drawn rows of the model's input columns.
    std::vector<Column> columns;
    std::size_t target = 0;
    for (const auto& [name, type] : types) {
        const Column* c = table.column(name);
        if (!c) {
            throw std::invalid_argument("the data has no column \"" + name + "\"");
        }
        if (name == column) {
            target = columns.size();
        }
        columns.push_back(subset(*c, drawn));
    }

    const auto points = static_cast<Index>(result.labels.size());
    const auto n = static_cast<Index>(drawn.size());
    result.ice.resize(points, n);
    Network::Workspace ws;
    Matrix scores;
    for (Index k = 0; k < points; ++k) {
        Column& c = columns[target];
        if (c.type == ColumnType::Categorical) {
            std::fill(c.codes.begin(), c.codes.end(), static_cast<std::int32_t>(result.values[static_cast<std::size_t>(k)]));
        } else {
            std::fill(c.values.begin(), c.values.end(), result.values[static_cast<std::size_t>(k)]);
            std::fill(c.missing.begin(), c.missing.end(), std::uint8_t{0});
        }
        const Matrix x = recipe.transform(Table(columns, drawn.size()));
        network.predict(x, scores, ws);
        result.ice.row(k) = scores.row(options.output);
        if (progress && !progress(static_cast<double>(k + 1) / static_cast<double>(points))) {
            result.cancelled = true;
            return result;
        }
    }
    if (source->type == ColumnType::Categorical) {
        std::fill(result.values.begin(), result.values.end(), std::numeric_limits<double>::quiet_NaN());
    }
    result.pd = result.ice.rowwise().mean();
    return result;
}

} // namespace neurolift

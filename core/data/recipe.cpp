#include "data/recipe.h"

#include "data/jsonerror.h"

#include "data/datetime.h"

#include "nn/enumnames.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

namespace neurolift {

namespace {

constexpr std::array kImputations{
    EnumName<Imputation>{Imputation::Median, "median", "Median"},
    EnumName<Imputation>{Imputation::Mean, "mean", "Mean"},
    EnumName<Imputation>{Imputation::Constant, "constant", "Constant"},
};
constexpr std::array kScalings{
    EnumName<Scaling>{Scaling::Standardise, "standardise", "Standardise"},
    EnumName<Scaling>{Scaling::MinMax, "min_max", "Min-max"},
    EnumName<Scaling>{Scaling::None, "none", "None"},
};

const Column& findColumn(const Table& table, const std::string& name)
{
    const Column* c = table.column(name);
    if (!c) {
        throw std::invalid_argument("the data has no column \"" + name + "\"");
    }
    return *c;
}

constexpr const char* kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string numericName(const Recipe::NumericStep& s)
{
    return s.daysBefore ? s.column + " (days before " + formatDate(*s.daysBefore) + ")" : s.column;
}

std::string levelName(const Recipe::CategoricalStep& s, const std::string& level)
{
    return s.column + (s.month ? " month=" : "=") + level;
}

bool cellMissing(const Column& c, std::size_t row)
{
    return c.isMissing(row) || (!c.values.empty() && std::isnan(c.values[row]));
}

double median(std::vector<double> v)
{
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    if (v.size() % 2) {
        return *mid;
    }
    return 0.5 * (*mid + *std::max_element(v.begin(), mid));
}

/// Sample skewness (third standardised moment).
double skewness(const std::vector<double>& v, double mean)
{
    double m2 = 0.0;
    double m3 = 0.0;
    for (double x : v) {
        const double d = x - mean;
        m2 += d * d;
        m3 += d * d * d;
    }
    const double n = static_cast<double>(v.size());
    m2 /= n;
    m3 /= n;
    return m2 > 0.0 ? m3 / std::pow(m2, 1.5) : 0.0;
}

float logOf(float v)
{
    return std::log1p(std::max(v, 0.0f));
}

Recipe::NumericStep fitNumeric(const Column& c, std::span<const std::int64_t> rows, const RecipeOptions& o)
{
    Recipe::NumericStep s;
    s.column = c.name;
    s.boolean = c.type == ColumnType::Boolean;
    std::vector<double> v;
    v.reserve(rows.size());
    for (std::int64_t r : rows) {
        const auto row = static_cast<std::size_t>(r);
        if (cellMissing(c, row)) {
            s.missingFlag = true;
        } else {
            v.push_back(c.values[row]);
        }
    }
    if (v.empty()) {
        throw std::invalid_argument("the column \"" + c.name +
                                    "\" has no values in the training rows; turn it off as a feature");
    }
    const double mean0 = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    if (s.boolean) {
        s.fill = static_cast<float>(mean0); // the share of "yes"
        return s;
    }
    const double lo = *std::min_element(v.begin(), v.end());
    if (o.logSkewed && lo >= 0.0 && skewness(v, mean0) > o.skewThreshold) {
        s.log = true;
        for (double& x : v) {
            x = std::log1p(x);
        }
    }
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    switch (o.imputation) {
    case Imputation::Median:
        s.fill = static_cast<float>(median(v));
        break;
    case Imputation::Mean:
        s.fill = static_cast<float>(mean);
        break;
    case Imputation::Constant:
        s.fill = s.log ? logOf(o.imputationConstant) : o.imputationConstant;
        break;
    }
    switch (o.scaling) {
    case Scaling::Standardise: {
        double sq = 0.0;
        for (double x : v) {
            sq += (x - mean) * (x - mean);
        }
        const double sd = std::sqrt(sq / static_cast<double>(v.size()));
        s.offset = static_cast<float>(mean);
        s.scale = sd > 1e-12 ? static_cast<float>(sd) : 1.0f;
        break;
    }
    case Scaling::MinMax: {
        const auto [mn, mx] = std::minmax_element(v.begin(), v.end());
        s.offset = static_cast<float>(*mn);
        s.scale = *mx - *mn > 1e-12 ? static_cast<float>(*mx - *mn) : 1.0f;
        break;
    }
    case Scaling::None:
        break;
    }
    return s;
}

Recipe::CategoricalStep fitCategorical(const Column& c, std::span<const std::int64_t> rows,
                                       const RecipeOptions& o)
{
    Recipe::CategoricalStep s;
    s.column = c.name;
    std::vector<long long> counts(c.levels.size(), 0);
    long long present = 0;
    for (std::int64_t r : rows) {
        const std::int32_t code = c.codes[static_cast<std::size_t>(r)];
        if (code < 0) {
            s.missingLevel = true;
        } else {
            ++counts[static_cast<std::size_t>(code)];
            ++present;
        }
    }
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] > 0) {
            order.push_back(i);
        }
    }
    // Most frequent first; ties in the levels' text order, so the result does not depend on the file's row
    // order.
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return counts[a] != counts[b] ? counts[a] > counts[b] : c.levels[a] < c.levels[b];
    });
    const double minCount = o.minLevelShare * static_cast<double>(rows.size());
    for (std::size_t i : order) {
        if (static_cast<int>(s.levels.size()) < o.maxLevels && static_cast<double>(counts[i]) >= minCount) {
            s.levels.push_back(c.levels[i]);
        } else {
            s.folded.push_back(c.levels[i]);
        }
    }
    if (s.levels.empty() && present > 0) {
        s.levels.push_back(c.levels[order.front()]);
        s.folded.erase(s.folded.begin());
    }
    std::sort(s.folded.begin(), s.folded.end());
    // Always present, so that levels never seen in training have a place when scoring.
    s.other = true;
    return s;
}

} // namespace

std::string_view imputationId(Imputation i)
{
    return enumEntry(kImputations, i).id;
}
std::optional<Imputation> imputationFromId(std::string_view id)
{
    return enumFromId(kImputations, id);
}
std::string_view scalingId(Scaling s)
{
    return enumEntry(kScalings, s).id;
}
std::optional<Scaling> scalingFromId(std::string_view id)
{
    return enumFromId(kScalings, id);
}

Recipe Recipe::fit(const Table& table, std::span<const std::int64_t> rows,
                   const std::vector<std::string>& featureColumns, const RecipeOptions& options)
{
    if (rows.empty()) {
        throw std::invalid_argument("there are no training rows to prepare the data on");
    }
    if (featureColumns.empty()) {
        throw std::invalid_argument("no feature columns are chosen: turn on at least one column");
    }
    Recipe recipe;
    recipe.m_options = options;
    for (const std::string& name : featureColumns) {
        const Column& c = findColumn(table, name);
        switch (c.type) {
        case ColumnType::Numeric:
        case ColumnType::Boolean:
            recipe.m_order.push_back({false, recipe.m_numeric.size()});
            recipe.m_numeric.push_back(fitNumeric(c, rows, options));
            break;
        case ColumnType::Categorical:
            recipe.m_order.push_back({true, recipe.m_categorical.size()});
            recipe.m_categorical.push_back(fitCategorical(c, rows, options));
            break;
        case ColumnType::Date: {
            // Days before the latest training date (recency) and the month (season).
            double latest = -std::numeric_limits<double>::infinity();
            for (std::int64_t r : rows) {
                const double v = c.values[static_cast<std::size_t>(r)];
                if (!std::isnan(v)) {
                    latest = std::max(latest, v);
                }
            }
            if (!std::isfinite(latest)) {
                throw std::invalid_argument("the column \"" + c.name +
                                            "\" has no dates in the training rows; turn it off as a feature");
            }
            const double reference = std::floor(latest);
            Column days = c;
            Column month;
            month.name = c.name;
            month.type = ColumnType::Categorical;
            month.levels.assign(std::begin(kMonthNames), std::end(kMonthNames));
            month.codes.resize(c.values.size());
            for (std::size_t i = 0; i < c.values.size(); ++i) {
                const double v = c.values[i];
                days.values[i] = reference - v;
                month.codes[i] = std::isnan(v) ? -1 : static_cast<std::int32_t>(monthOf(v)) - 1;
            }
            days.type = ColumnType::Numeric;
            recipe.m_order.push_back({false, recipe.m_numeric.size()});
            recipe.m_numeric.push_back(fitNumeric(days, rows, options));
            recipe.m_numeric.back().daysBefore = reference;
            recipe.m_numeric.back().dateFormat = c.dateFormat;
            recipe.m_order.push_back({true, recipe.m_categorical.size()});
            recipe.m_categorical.push_back(fitCategorical(month, rows, options));
            recipe.m_categorical.back().month = true;
            break;
        }
        case ColumnType::Identifier:
        case ColumnType::Text:
            throw std::invalid_argument("the column \"" + name + "\" holds " +
                                        (c.type == ColumnType::Identifier ? "identifiers" : "free text") +
                                        ", which cannot be a feature; turn it off or change its type");
        }
    }
    return recipe;
}

std::string Recipe::unseenMessage(const std::string& column, long long count, const std::string& example)
{
    return std::to_string(count) + " row" + (count == 1 ? "" : "s") + " had a value of \"" + column +
           "\" not seen in training (e.g. \"" + example + "\"); treated as \"other\"";
}

std::map<std::string, ColumnType, std::less<>> Recipe::inputTypes() const
{
    std::map<std::string, ColumnType, std::less<>> types;
    for (const auto& s : m_numeric) {
        types[s.column] = s.daysBefore ? ColumnType::Date
                          : s.boolean  ? ColumnType::Boolean
                                       : ColumnType::Numeric;
    }
    for (const auto& s : m_categorical) {
        types[s.column] = s.month ? ColumnType::Date : ColumnType::Categorical;
    }
    return types;
}

std::map<std::string, DateFormat, std::less<>> Recipe::dateFormats() const
{
    std::map<std::string, DateFormat, std::less<>> formats;
    for (const auto& s : m_numeric) {
        if (s.daysBefore) {
            formats[s.column] = s.dateFormat;
        }
    }
    return formats;
}

int Recipe::featureCount() const
{
    int n = 0;
    for (const auto& s : m_numeric) {
        n += s.missingFlag ? 2 : 1;
    }
    for (const auto& s : m_categorical) {
        n += static_cast<int>(s.levels.size()) + (s.other ? 1 : 0) + (s.missingLevel ? 1 : 0);
    }
    return n;
}

std::vector<std::string> Recipe::featureNames() const
{
    std::vector<std::string> names;
    for (const Entry& e : m_order) {
        if (!e.categorical) {
            const auto& s = m_numeric[e.index];
            names.push_back(numericName(s));
            if (s.missingFlag) {
                names.push_back(numericName(s) + " (missing)");
            }
        } else {
            const auto& s = m_categorical[e.index];
            for (const auto& level : s.levels) {
                names.push_back(levelName(s, level));
            }
            if (s.other) {
                names.push_back(levelName(s, "other"));
            }
            if (s.missingLevel) {
                names.push_back(levelName(s, "(missing)"));
            }
        }
    }
    return names;
}

std::vector<std::string> Recipe::featureSources() const
{
    std::vector<std::string> sources;
    for (const Entry& e : m_order) {
        if (!e.categorical) {
            const auto& s = m_numeric[e.index];
            sources.insert(sources.end(), s.missingFlag ? 2 : 1, s.column);
        } else {
            const auto& s = m_categorical[e.index];
            const std::size_t n = s.levels.size() + (s.other ? 1 : 0) + (s.missingLevel ? 1 : 0);
            sources.insert(sources.end(), n, s.column);
        }
    }
    return sources;
}

Matrix Recipe::transform(const Table& table, std::vector<RecipeWarning>* warnings) const
{
    std::vector<std::int64_t> rows(table.rowCount());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rows[i] = static_cast<std::int64_t>(i);
    }
    return transform(table, rows, warnings);
}

Matrix Recipe::transform(const Table& table, std::span<const std::int64_t> rows,
                         std::vector<RecipeWarning>* warnings) const
{
    const auto n = static_cast<Index>(rows.size());
    Matrix x = Matrix::Zero(featureCount(), n);
    Index f = 0;
    for (const Entry& e : m_order) {
        if (!e.categorical) {
            const auto& s = m_numeric[e.index];
            const Column& c = findColumn(table, s.column);
            if (s.daysBefore ? c.type != ColumnType::Date
                             : (c.type != ColumnType::Numeric && c.type != ColumnType::Boolean)) {
                throw std::invalid_argument("the column \"" + s.column + "\" was " +
                                            (s.daysBefore ? "a date" : "numeric") +
                                            " column when the model was trained but is " +
                                            std::string(columnTypeId(c.type)) + " here");
            }
            const double reference = s.daysBefore.value_or(0.0);
            for (Index j = 0; j < n; ++j) {
                const auto row = static_cast<std::size_t>(rows[static_cast<std::size_t>(j)]);
                const bool missing = cellMissing(c, row);
                const auto raw = static_cast<float>(s.daysBefore ? reference - c.values[row] : c.values[row]);
                const float v = missing ? s.fill : (s.log ? logOf(raw) : raw);
                x(f, j) = (v - s.offset) / s.scale;
                if (s.missingFlag) {
                    x(f + 1, j) = missing ? 1.0f : 0.0f;
                }
            }
            f += s.missingFlag ? 2 : 1;
            continue;
        }
        const auto& s = m_categorical[e.index];
        const Column& c = findColumn(table, s.column);
        const Index levels = static_cast<Index>(s.levels.size());
        const Index otherFeature = s.other ? levels : -1;
        const Index missingFeature = s.missingLevel ? levels + (s.other ? 1 : 0) : -1;
        std::unordered_map<std::string, Index> known;
        for (Index i = 0; i < levels; ++i) {
            known.emplace(s.levels[static_cast<std::size_t>(i)], i);
        }
        auto featureOf = [&](const std::string& text) {
            const auto it = known.find(text);
            return it == known.end() ? Index{-1} : it->second;
        };
        // For a categorical column, resolve each of the file's levels once.
        std::vector<Index> byCode;
        if (s.month != (c.type == ColumnType::Date)) {
            throw std::invalid_argument(
                "the column \"" + s.column + "\" was " + (s.month ? "a date" : "categorical") +
                " column when the model was trained but is " + std::string(columnTypeId(c.type)) + " here");
        }
        if (c.type == ColumnType::Categorical) {
            byCode.reserve(c.levels.size());
            for (const auto& level : c.levels) {
                byCode.push_back(featureOf(level));
            }
        } else if (c.type == ColumnType::Boolean) {
            throw std::invalid_argument("the column \"" + s.column +
                                        "\" was categorical when the model was "
                                        "trained but holds only yes/no values here");
        }
        long long unseen = 0;
        std::string example;
        for (Index j = 0; j < n; ++j) {
            const auto row = static_cast<std::size_t>(rows[static_cast<std::size_t>(j)]);
            if (cellMissing(c, row) || (c.type == ColumnType::Categorical && c.codes[row] < 0)) {
                if (missingFeature >= 0) {
                    x(f + missingFeature, j) = 1.0f;
                }
                continue;
            }
            const auto cellText = [&] {
                return s.month ? std::string(kMonthNames[monthOf(c.values[row]) - 1]) : c.text(row);
            };
            Index feature = c.type == ColumnType::Categorical ? byCode[static_cast<std::size_t>(c.codes[row])]
                                                              : featureOf(cellText());
            if (feature < 0) {
                feature = otherFeature;
                // Rare training levels fold into "other" silently; only truly new values are news.
                const std::string text = cellText();
                if (!std::binary_search(s.folded.begin(), s.folded.end(), text)) {
                    ++unseen;
                    if (example.empty()) {
                        example = text;
                    }
                }
            }
            if (feature >= 0) {
                x(f + feature, j) = 1.0f;
            }
        }
        if (unseen > 0 && warnings) {
            warnings->push_back({s.column, unseenMessage(s.column, unseen, example), unseen, example});
        }
        f += levels + (s.other ? 1 : 0) + (s.missingLevel ? 1 : 0);
    }
    return x;
}

nlohmann::json Recipe::toJson() const
{
    nlohmann::json features = nlohmann::json::array();
    int version = 1; // 2: date steps, which version 1 readers would misread
    for (const Entry& e : m_order) {
        if (!e.categorical) {
            const auto& s = m_numeric[e.index];
            features.push_back({{"kind", "numeric"},
                                {"column", s.column},
                                {"boolean", s.boolean},
                                {"fill", s.fill},
                                {"missing_flag", s.missingFlag},
                                {"log", s.log},
                                {"offset", s.offset},
                                {"scale", s.scale}});
            if (s.daysBefore) {
                features.back()["days_before"] = *s.daysBefore;
                features.back()["date_format"] = dateFormatToJson(s.dateFormat);
                version = 2;
            }
        } else {
            const auto& s = m_categorical[e.index];
            features.push_back({{"kind", "categorical"},
                                {"column", s.column},
                                {"levels", s.levels},
                                {"folded", s.folded},
                                {"other", s.other},
                                {"missing_level", s.missingLevel}});
            if (s.month) {
                features.back()["month"] = true;
                version = 2;
            }
        }
    }
    const nlohmann::json options{{"imputation", imputationId(m_options.imputation)},
                                 {"imputation_constant", m_options.imputationConstant},
                                 {"scaling", scalingId(m_options.scaling)},
                                 {"log_skewed", m_options.logSkewed},
                                 {"skew_threshold", m_options.skewThreshold},
                                 {"max_levels", m_options.maxLevels},
                                 {"min_level_share", m_options.minLevelShare}};
    return {
        {"format", "neurolift.recipe"}, {"version", version}, {"options", options}, {"features", features}};
}

Recipe Recipe::fromJson(const nlohmann::json& j)
{
    auto fail = [](const std::string& where, const std::string& what) -> void {
        throw std::invalid_argument("recipe JSON: " + where + ": " + what);
    };
    if (!j.is_object() || j.value("format", "") != "neurolift.recipe") {
        fail("format", "this is not a NeuroLift preparation recipe");
    }
    if (!j.contains("version") || !j["version"].is_number_integer() || j["version"].get<int>() > 2) {
        fail("version", "written by a newer NeuroLift; update NeuroLift to read it");
    }
    Recipe r;
    try {
        const auto& o = j.at("options");
        r.m_options.imputation = imputationFromId(o.at("imputation").get<std::string>()).value();
        r.m_options.imputationConstant = o.at("imputation_constant").get<float>();
        r.m_options.scaling = scalingFromId(o.at("scaling").get<std::string>()).value();
        r.m_options.logSkewed = o.at("log_skewed").get<bool>();
        r.m_options.skewThreshold = o.at("skew_threshold").get<double>();
        r.m_options.maxLevels = o.at("max_levels").get<int>();
        r.m_options.minLevelShare = o.at("min_level_share").get<double>();
        for (const auto& fj : j.at("features")) {
            const std::string kind = fj.at("kind").get<std::string>();
            if (kind == "numeric") {
                NumericStep s;
                s.column = fj.at("column").get<std::string>();
                s.boolean = fj.at("boolean").get<bool>();
                s.fill = fj.at("fill").get<float>();
                s.missingFlag = fj.at("missing_flag").get<bool>();
                s.log = fj.at("log").get<bool>();
                s.offset = fj.at("offset").get<float>();
                s.scale = fj.at("scale").get<float>();
                if (fj.contains("days_before")) {
                    s.daysBefore = fj.at("days_before").get<double>();
                    try {
                        s.dateFormat = dateFormatFromJson(fj.at("date_format"));
                    } catch (const std::invalid_argument& e) {
                        fail("date_format", e.what());
                    }
                }
                r.m_order.push_back({false, r.m_numeric.size()});
                r.m_numeric.push_back(std::move(s));
            } else if (kind == "categorical") {
                CategoricalStep s;
                s.column = fj.at("column").get<std::string>();
                s.levels = fj.at("levels").get<std::vector<std::string>>();
                s.folded = fj.value("folded", std::vector<std::string>{});
                s.other = fj.at("other").get<bool>();
                s.missingLevel = fj.at("missing_level").get<bool>();
                s.month = fj.value("month", false);
                r.m_order.push_back({true, r.m_categorical.size()});
                r.m_categorical.push_back(std::move(s));
            } else {
                fail("features", "unknown kind \"" + kind + "\"");
            }
        }
    } catch (const nlohmann::json::exception& e) {
        fail("content", "a stored value is not what it should be (" + plainJsonError(e.what()) + ")");
    } catch (const std::bad_optional_access&) {
        fail("options", "unknown imputation or scaling");
    }
    return r;
}

bool Recipe::operator==(const Recipe& other) const
{
    if (m_order.size() != other.m_order.size()) {
        return false;
    }
    for (std::size_t i = 0; i < m_order.size(); ++i) {
        if (m_order[i].categorical != other.m_order[i].categorical ||
            m_order[i].index != other.m_order[i].index) {
            return false;
        }
    }
    return m_numeric == other.m_numeric && m_categorical == other.m_categorical &&
           m_options == other.m_options;
}

} // namespace neurolift

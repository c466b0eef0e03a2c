#include "data/target.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <stdexcept>

namespace neurolift {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool readsAsYes(const std::string& v)
{
    const std::string l = lower(v);
    return l == "yes" || l == "y" || l == "true" || l == "1" || l == "bought" || l == "purchased";
}

const Column& findTarget(const Table& table, const std::string& column)
{
    const Column* c = table.column(column);
    if (!c) {
        std::string names;
        for (const Column& col : table.columns()) {
            names += (names.empty() ? "" : ", ") + col.name;
        }
        throw std::invalid_argument("the data has no column \"" + column +
                                    "\" to predict (columns: " + names + ")");
    }
    return *c;
}

} // namespace

TaskSpec TargetSpec::taskSpec() const
{
    TaskSpec t;
    t.kind = task;
    t.classes = task == TaskKind::Regression ? 0 : static_cast<int>(classes.size());
    t.outputs = 1;
    return t;
}

nlohmann::json TargetSpec::toJson() const
{
    return {{"column", column}, {"task", taskKindId(task)}, {"classes", classes}};
}

TargetSpec TargetSpec::fromJson(const nlohmann::json& j)
{
    TargetSpec t;
    try {
        t.column = j.at("column").get<std::string>();
        const auto task = taskKindFromId(j.at("task").get<std::string>());
        if (!task) {
            throw std::invalid_argument("target JSON: task: unknown task");
        }
        t.task = *task;
        t.classes = j.at("classes").get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception& e) {
        throw std::invalid_argument(std::string("target JSON: ") + e.what());
    }
    return t;
}

TargetSpec chooseTarget(const Table& table, const std::string& column,
                        const std::optional<std::string>& positive, int maxClasses)
{
    const Column& c = findTarget(table, column);
    TargetSpec spec;
    spec.column = column;
    switch (c.type) {
    case ColumnType::Boolean:
        spec.task = TaskKind::BinaryClassification;
        spec.classes = {"0", "1"};
        if (positive && !readsAsYes(*positive) && lower(*positive) != "0" && lower(*positive) != "no" &&
            lower(*positive) != "false" && lower(*positive) != "n") {
            throw std::invalid_argument("\"" + column + "\" holds yes/no values; \"" + *positive +
                                        "\" is not one of them");
        }
        if (positive && !readsAsYes(*positive)) {
            spec.classes = {"1", "0"};
        }
        break;
    case ColumnType::Categorical: {
        std::vector<long long> counts(c.levels.size(), 0);
        for (std::int32_t code : c.codes) {
            if (code >= 0) {
                ++counts[static_cast<std::size_t>(code)];
            }
        }
        std::vector<std::string> present;
        for (std::size_t i = 0; i < c.levels.size(); ++i) {
            if (counts[i] > 0) {
                present.push_back(c.levels[i]);
            }
        }
        if (present.size() < 2) {
            throw std::invalid_argument("the target \"" + column + "\" has only one value" +
                                        (present.empty() ? std::string() : " (\"" + present[0] + "\")") +
                                        "; a model needs at least two outcomes to tell apart");
        }
        if (present.size() == 2 || positive) {
            std::string pos;
            if (positive) {
                if (std::find(present.begin(), present.end(), *positive) == present.end()) {
                    throw std::invalid_argument("\"" + *positive + "\" is not a value of \"" + column + "\"");
                }
                pos = *positive;
            } else {
                const auto yes = std::find_if(present.begin(), present.end(), readsAsYes);
                if (yes != present.end()) {
                    pos = *yes;
                } else {
                    // The rarer outcome is usually the one to find (the buyers, the churners).
                    const auto a = std::find(c.levels.begin(), c.levels.end(), present[0]) - c.levels.begin();
                    const auto b = std::find(c.levels.begin(), c.levels.end(), present[1]) - c.levels.begin();
                    pos = counts[static_cast<std::size_t>(a)] <= counts[static_cast<std::size_t>(b)]
                              ? present[0]
                              : present[1];
                }
            }
            spec.task = TaskKind::BinaryClassification;
            if (present.size() == 2) {
                spec.classes = {pos == present[0] ? present[1] : present[0], pos};
            } else {
                // "Positive" against all other values: the negative class stands for the rest.
                spec.classes = {"(other)", pos};
            }
        } else {
            if (static_cast<int>(present.size()) > maxClasses) {
                throw std::invalid_argument("the target \"" + column + "\" has " +
                                            std::to_string(present.size()) +
                                            " different values; choose a column with at most " +
                                            std::to_string(maxClasses) + ", or say which value is positive");
            }
            spec.task = TaskKind::MultiClassification;
            spec.classes = present;
        }
        break;
    }
    case ColumnType::Numeric:
        if (positive) {
            throw std::invalid_argument("\"" + column +
                                        "\" holds numbers; a positive value applies to a "
                                        "column of categories or yes/no answers");
        }
        spec.task = TaskKind::Regression;
        break;
    case ColumnType::Date:
        throw std::invalid_argument(
            "\"" + column +
            "\" holds dates, which cannot be predicted; choose the column that records the "
            "outcome (to predict whether a date is set, make a yes/no column of it)");
    case ColumnType::Identifier:
    case ColumnType::Text:
        throw std::invalid_argument(
            "\"" + column + "\" holds " + (c.type == ColumnType::Identifier ? "identifiers" : "free text") +
            ", which cannot be predicted; choose the column that records the outcome");
    }
    return spec;
}

TargetValues targetValues(const Table& table, const TargetSpec& spec)
{
    const Column& c = findTarget(table, spec.column);
    const std::size_t n = table.rowCount();
    TargetValues t;
    t.values.assign(n, std::nanf(""));
    if (spec.task == TaskKind::Regression) {
        if (c.type != ColumnType::Numeric && c.type != ColumnType::Boolean) {
            throw std::invalid_argument("the target \"" + spec.column + "\" must hold numbers");
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (c.isMissing(i) || std::isnan(c.values[i])) {
                ++t.missing;
            } else {
                t.values[i] = static_cast<float>(c.values[i]);
            }
        }
        return t;
    }
    t.classes.assign(n, -1);
    t.classCounts.assign(spec.classes.size(), 0);
    // The class of each of the column's own values, once.
    auto classOf = [&](const std::string& v) -> std::int32_t {
        const auto it = std::find(spec.classes.begin(), spec.classes.end(), v);
        if (it != spec.classes.end()) {
            return static_cast<std::int32_t>(it - spec.classes.begin());
        }
        return spec.classes.size() == 2 && spec.classes[0] == "(other)" ? 0 : -1;
    };
    for (std::size_t i = 0; i < n; ++i) {
        std::int32_t cls = -1;
        if (c.type == ColumnType::Boolean) {
            if (!c.isMissing(i) && !std::isnan(c.values[i])) {
                cls = classOf(c.values[i] >= 0.5 ? "1" : "0");
            }
        } else if (c.type == ColumnType::Categorical) {
            if (c.codes[i] >= 0) {
                cls = classOf(c.levels[static_cast<std::size_t>(c.codes[i])]);
            }
        } else {
            throw std::invalid_argument("the target \"" + spec.column +
                                        "\" must hold categories or yes/no values");
        }
        if (cls < 0) {
            ++t.missing;
            continue;
        }
        t.classes[i] = cls;
        t.values[i] = static_cast<float>(cls);
        ++t.classCounts[static_cast<std::size_t>(cls)];
    }
    const auto present =
        std::count_if(t.classCounts.begin(), t.classCounts.end(), [](long long k) { return k > 0; });
    if (present < 2) {
        throw std::invalid_argument(
            "the target \"" + spec.column +
            "\" has only one value in the data; a model needs rows of both (all) outcomes");
    }
    return t;
}

} // namespace neurolift

#include "training/pipeline.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace neurolift {

namespace {

bool contains(const std::vector<std::string>& names, const std::string& name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

PreparedPart takeRows(const Matrix& x, const TargetValues& t, const std::vector<std::int64_t>& rows)
{
    PreparedPart p{Matrix(x.rows(), static_cast<Index>(rows.size())), Matrix(1, static_cast<Index>(rows.size()))};
    for (std::size_t j = 0; j < rows.size(); ++j) {
        p.x.col(static_cast<Index>(j)) = x.col(rows[j]);
        p.y(0, static_cast<Index>(j)) = t.values[static_cast<std::size_t>(rows[j])];
    }
    return p;
}

/// The fewest rows with a target value to train a model and test it on rows it has
/// not seen, and the fewest of each outcome of a yes/no target (the split then puts
/// both outcomes in training, validation and test).
constexpr long long kMinRows = 20;
constexpr long long kMinPerOutcome = 3;

/// Says the whole minimum at once, before the split, so that adding a few rows
/// never meets a second, larger minimum.
void checkEnoughRows(const TargetValues& values, TaskKind task, const std::string& target)
{
    const long long usable = static_cast<long long>(values.values.size()) - values.missing;
    const bool yesNo = task == TaskKind::BinaryClassification;
    long long rarer = usable;
    if (yesNo) {
        for (const long long n : values.classCounts) {
            rarer = std::min(rarer, n);
        }
    }
    if (usable >= kMinRows && (!yesNo || rarer >= kMinPerOutcome)) {
        return;
    }
    const std::string what =
        usable < kMinRows ? "only " + std::to_string(usable) + " rows have a value of \"" + target + "\"" +
                                (yesNo ? ", " + std::to_string(rarer) + " of them the rarer outcome" : "")
                          : "only " + std::to_string(rarer) + " of the " + std::to_string(usable) +
                                " rows with a value of \"" + target + "\" have the rarer outcome";
    throw std::invalid_argument(what +
                                ": too few to train a model and to test it on rows it has not seen; use a "
                                "file with at least 20 customers with a value" +
                                (yesNo ? ", at least 3 of each outcome" : ""));
}

} // namespace

nlohmann::json ColumnChoice::toJson() const
{
    nlohmann::json j{{"column", target}};
    if (positive) {
        j["positive"] = *positive;
    }
    if (idColumn) {
        j["id"] = *idColumn;
    }
    if (features) {
        j["features"] = *features;
    }
    if (!ignore.empty()) {
        j["ignore"] = ignore;
    }
    return j;
}

ColumnChoice ColumnChoice::fromJson(const nlohmann::json& j)
{
    if (!j.is_object() || !j.contains("column") || !j.at("column").is_string()) {
        throw std::invalid_argument("the data choice has no target column (\"column\")");
    }
    ColumnChoice c;
    try {
        c.target = j.at("column").get<std::string>();
        if (j.contains("positive")) {
            c.positive = j.at("positive").get<std::string>();
        }
        if (j.contains("id")) {
            c.idColumn = j.at("id").get<std::string>();
        }
        if (j.contains("features")) {
            c.features = j.at("features").get<std::vector<std::string>>();
        }
        c.ignore = j.value("ignore", std::vector<std::string>{});
    } catch (const nlohmann::json::exception&) {
        throw std::invalid_argument("the data choice has a field of the wrong kind (positive, id, features, "
                                    "ignore)");
    }
    return c;
}

bool hasOneValue(const Column& c)
{
    if (c.type == ColumnType::Categorical) {
        return c.levels.size() < 2;
    }
    if (c.type != ColumnType::Numeric && c.type != ColumnType::Boolean && c.type != ColumnType::Date) {
        return false;
    }
    double first = NAN;
    for (const double v : c.values) {
        if (std::isnan(v)) {
            continue;
        }
        if (std::isnan(first)) {
            first = v;
        } else if (v != first) {
            return false;
        }
    }
    return true;
}

FeatureSelection selectFeatures(const Table& table, const ColumnChoice& choice)
{
    FeatureSelection out;
    if (choice.idColumn) {
        if (!choice.idColumn->empty() && !table.column(*choice.idColumn)) {
            throw std::invalid_argument("the data has no column \"" + *choice.idColumn + "\" to use as the id");
        }
        out.idColumn = *choice.idColumn;
    } else {
        for (const Column& c : table.columns()) {
            if (c.type == ColumnType::Identifier && c.name != choice.target) {
                out.idColumn = c.name;
                break;
            }
        }
    }
    for (const std::string& name : choice.ignore) {
        if (!table.column(name)) {
            throw std::invalid_argument("the data has no column \"" + name + "\" to leave out");
        }
    }
    if (choice.features) {
        for (const std::string& name : *choice.features) {
            const Column* c = table.column(name);
            if (!c) {
                throw std::invalid_argument("the data has no column \"" + name + "\" to learn from");
            }
            if (name == choice.target) {
                throw std::invalid_argument("\"" + name + "\" is what the model predicts; it cannot also be an input");
            }
            if (name == out.idColumn) {
                throw std::invalid_argument("\"" + name + "\" names each customer; it cannot be an input");
            }
            if (c->type == ColumnType::Identifier || c->type == ColumnType::Text) {
                throw std::invalid_argument("\"" + name + "\" holds " + std::string(columnTypeId(c->type)) +
                                            " values, which a network cannot learn from; leave it out");
            }
            if (!contains(out.features, name)) {
                out.features.push_back(name);
            }
        }
        return out;
    }
    for (const Column& c : table.columns()) {
        if (c.name == choice.target || c.name == out.idColumn || contains(choice.ignore, c.name)) {
            continue;
        }
        if (c.type == ColumnType::Identifier || c.type == ColumnType::Text) {
            out.notes.push_back("\"" + c.name + "\" is not used: it holds " + std::string(columnTypeId(c.type)) +
                                " values");
            continue;
        }
        if (hasOneValue(c)) {
            out.notes.push_back("\"" + c.name + "\" is not used: it has the same value in every row");
            continue;
        }
        out.features.push_back(c.name);
    }
    return out;
}

PreparedData prepareData(const Table& table, const ColumnChoice& choice, std::uint64_t seed,
                         const SplitFractions& fractions)
{
    if (choice.target.empty()) {
        throw std::invalid_argument("choose the column to predict first");
    }
    PreparedData d;
    d.target = chooseTarget(table, choice.target, choice.positive);
    const TargetValues values = targetValues(table, d.target);
    d.missingTargets = values.missing;
    if (table.rowCount() > 0 && values.missing == static_cast<long long>(table.rowCount())) {
        throw std::invalid_argument("the target \"" + choice.target +
                                    "\" is empty in every row; choose the column that records the outcome");
    }
    checkEnoughRows(values, d.target.task, choice.target);
    d.selection = selectFeatures(table, choice);
    if (d.selection.features.empty()) {
        throw std::invalid_argument("no column is left to learn from; choose at least one input column");
    }
    if (d.target.task == TaskKind::Regression) {
        std::vector<std::int32_t> present(values.values.size());
        for (std::size_t i = 0; i < present.size(); ++i) {
            present[i] = std::isnan(values.values[i]) ? -1 : 0;
        }
        d.split = stratifiedSplit(present, fractions, seed);
    } else {
        d.split = stratifiedSplit(values.classes, fractions, seed);
    }
    const std::size_t usable = d.split.train.size() + d.split.validation.size() + d.split.test.size();
    if (d.split.validation.empty() || d.split.test.empty()) { // fractions that leave a part empty
        throw std::invalid_argument("the split of the " + std::to_string(usable) +
                                    " rows with a value of \"" + choice.target +
                                    "\" left no validation or test rows; use a file with more "
                                    "customers");
    }
    d.recipe = Recipe::fit(table, d.split.train, d.selection.features);
    const Matrix all = d.recipe.transform(table);
    d.train = takeRows(all, values, d.split.train);
    d.validation = takeRows(all, values, d.split.validation);
    d.test = takeRows(all, values, d.split.test);
    return d;
}

std::vector<std::uint8_t> splitAssignment(const Split& split, std::size_t rows)
{
    std::vector<std::uint8_t> parts(rows, 0);
    const auto mark = [&](const std::vector<std::int64_t>& part, std::uint8_t value) {
        for (const std::int64_t r : part) {
            if (r < 0 || static_cast<std::size_t>(r) >= rows) {
                throw std::invalid_argument("the split names row " + std::to_string(r) + " of " +
                                            std::to_string(rows));
            }
            parts[static_cast<std::size_t>(r)] = value;
        }
    };
    mark(split.train, 1);
    mark(split.validation, 2);
    mark(split.test, 3);
    return parts;
}

Split splitFromAssignment(std::span<const std::uint8_t> parts)
{
    Split s;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto row = static_cast<std::int64_t>(i);
        switch (parts[i]) {
        case 1:
            s.train.push_back(row);
            break;
        case 2:
            s.validation.push_back(row);
            break;
        case 3:
            s.test.push_back(row);
            break;
        default:
            break;
        }
    }
    return s;
}

Split keptSplit(std::span<const std::uint8_t> parts, const Table& table, const TargetSpec& target)
{
    const TargetValues targets = targetValues(table, target);
    try {
        return storedSplit(parts, targets.values).value_or(Split{});
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(std::string("the split stored with this run is damaged: ") + e.what() +
                                    "; use an intact copy of the project, or train a new run");
    }
}

std::optional<Split> storedSplit(std::span<const std::uint8_t> parts, std::span<const float> targets)
{
    if (parts.empty()) {
        return std::nullopt;
    }
    if (parts.size() != targets.size()) {
        throw std::invalid_argument("it has " + std::to_string(parts.size()) + " rows and the data " +
                                    std::to_string(targets.size()));
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i] > 3) {
            throw std::invalid_argument("row " + std::to_string(i + 1) + " is in part " +
                                        std::to_string(parts[i]) + ", which does not exist");
        }
        if (parts[i] != 0 && std::isnan(targets[i])) {
            throw std::invalid_argument("row " + std::to_string(i + 1) +
                                        " has no target value but is in a part");
        }
    }
    Split s = splitFromAssignment(parts);
    const auto check = [](const std::vector<std::int64_t>& rows, const char* part) {
        if (rows.empty()) {
            throw std::invalid_argument(std::string("it has no ") + part + " rows");
        }
    };
    check(s.train, "training");
    check(s.validation, "validation");
    check(s.test, "test");
    return s;
}

RunEpoch runEpochFrom(const EpochReport& r)
{
    RunEpoch e;
    e.epoch = r.epoch;
    e.trainLoss = r.trainLoss;
    e.metrics = nlohmann::json::object();
    if (r.trainAccuracy) {
        e.metrics["train_accuracy"] = *r.trainAccuracy;
    }
    if (r.validation) {
        e.validationLoss = r.validation->loss;
        if (r.validation->auc) {
            e.metrics["auc"] = *r.validation->auc;
        }
        if (r.validation->accuracy) {
            e.metrics["accuracy"] = *r.validation->accuracy;
        }
        if (r.validation->rmse) {
            e.metrics["rmse"] = *r.validation->rmse;
        }
        if (r.validation->r2) {
            e.metrics["r2"] = *r.validation->r2;
        }
    }
    e.learningRate = r.learningRate;
    e.seconds = r.seconds;
    return e;
}

nlohmann::json testMetricsJson(const EvaluationMetrics& m, std::size_t rows)
{
    nlohmann::json j{{"test_loss", m.loss}, {"test_rows", rows}};
    if (m.auc) {
        j["test_auc"] = *m.auc;
    }
    if (m.accuracy) {
        j["test_accuracy"] = *m.accuracy;
    }
    if (m.rmse) {
        j["test_rmse"] = *m.rmse;
    }
    if (m.r2) {
        j["test_r2"] = *m.r2;
    }
    return j;
}

} // namespace neurolift

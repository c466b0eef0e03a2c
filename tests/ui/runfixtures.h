#pragma once

// Runs trained for the page tests: a table of customers with two yes/no
// outcomes and a small network kept as a run, as the Train page keeps it.

#include "../core/columns.h"

#include "training/pipeline.h"
#include "training/trainer.h"

#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace neurolift::test {

/// 1500 customers with an id, five inputs and two yes/no outcomes: "Bought"
/// depends only on Visits and Spend, "Clicked" only on Age and Tenure.
inline Table twoOutcomeTable()
{
    const std::size_t rows = 1500;
    std::mt19937 rng(11);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::uniform_int_distribution<int> region(0, 2);
    std::vector<float> visits(rows), spend(rows), age(rows), tenure(rows), bought(rows), clicked(rows);
    std::vector<std::string> ids(rows), regions(rows);
    const char* names[] = {"north", "south", "east"};
    for (std::size_t i = 0; i < rows; ++i) {
        visits[i] = normal(rng);
        spend[i] = normal(rng);
        age[i] = 40.0f + 12.0f * normal(rng);
        tenure[i] = normal(rng);
        regions[i] = names[region(rng)];
        bought[i] = 2.2f * visits[i] - 1.8f * spend[i] + 0.4f * normal(rng) > 0.3f ? 1.0f : 0.0f;
        clicked[i] = 0.15f * (age[i] - 40.0f) + 1.6f * tenure[i] + 0.4f * normal(rng) > 0.0f ? 1.0f : 0.0f;
        char id[16];
        std::snprintf(id, sizeof id, "C%05zu", i + 1);
        ids[i] = id;
    }
    Column id;
    id.name = "CustomerId";
    id.type = ColumnType::Identifier;
    id.strings = ids;
    id.missing.assign(rows, 0);
    std::vector<Column> columns{id,
                                numbers("Visits", visits),
                                numbers("Spend", spend),
                                numbers("Age", age),
                                numbers("Tenure", tenure),
                                categorical("Region", regions),
                                numbers("Bought", bought, ColumnType::Boolean),
                                numbers("Clicked", clicked, ColumnType::Boolean)};
    return Table(std::move(columns), rows);
}

/// Trains a small network to predict `target` (the other outcome left out) and keeps it as a run.
inline RunRecord trainRun(const Table& table, const std::string& target, const std::string& other, std::int64_t id,
                   int epochs = 25)
{
    ColumnChoice choice;
    choice.target = target;
    if (!other.empty()) {
        choice.ignore = {other};
    }
    const PreparedData data = prepareData(table, choice, 42);
    Architecture a;
    a.name = "small";
    a.layers = {
        LayerSpec::dense(16, Activation::ReLU), LayerSpec::dense(8, Activation::ReLU),
        LayerSpec::dense(data.task().outputUnits(), data.task().outputActivation(), WeightInit::Xavier)};
    Network network(a, data.recipe.featureCount(), 7);
    TrainSpec spec = TrainSpec::forTask(data.task());
    spec.epochs = epochs;
    spec.batchSize = 64;
    Trainer trainer(network, spec, data.train.view(), data.validation.view());
    const TrainResult result = trainer.run();

    RunRecord run;
    run.id = id;
    run.name = "Predict " + target;
    run.status = std::string(trainStatusId(result.status));
    run.message = result.message;
    run.lastEpochWeights = result.lastEpochWeights;
    run.seed = 42;
    run.bestEpoch = result.bestEpoch;
    for (const EpochReport& e : result.history) {
        run.history.push_back(runEpochFrom(e));
    }
    run.split = splitAssignment(data.split, table.rowCount());
    run.model.target = data.target;
    run.model.idColumn = data.selection.idColumn;
    run.model.recipe = data.recipe;
    run.model.architecture = a;
    run.model.weights = network.weights();
    return run;
}

} // namespace neurolift::test

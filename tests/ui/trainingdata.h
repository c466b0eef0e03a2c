#pragma once

// A synthetic customer table for the Train page tests: a yes/no target that
// depends on a few numbers and a category, with noise, so a network learns it
// in a few epochs but not perfectly.

#include "../core/columns.h"

#include "nn/architecture.h"
#include "project/project.h"
#include "training/pipeline.h"

#include <cmath>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace neurolift::test {

/// `rows` customers with four numeric columns, a region and a yes/no target "Bought".
inline Table customerTable(std::size_t rows, std::uint32_t seed = 5)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::uniform_int_distribution<int> region(0, 3);
    std::vector<float> a(rows), b(rows), c(rows), d(rows), bought(rows);
    std::vector<std::string> regions(rows);
    const char* names[] = {"north", "south", "east", "west"};
    for (std::size_t i = 0; i < rows; ++i) {
        a[i] = normal(rng);
        b[i] = normal(rng);
        c[i] = normal(rng);
        d[i] = 50.0f + 10.0f * normal(rng);
        const int r = region(rng);
        regions[i] = names[r];
        const float z = 1.5f * a[i] - b[i] + 0.5f * c[i] * a[i] + 0.05f * (d[i] - 50.0f) +
                        (r == 2 ? 1.0f : 0.0f) - 0.8f + normal(rng);
        bought[i] = z > 0.0f ? 1.0f : 0.0f;
    }
    std::vector<Column> columns{
        numbers("Visits", a),           numbers("Spend", b),
        numbers("Tenure", c),           numbers("Age", d),
        categorical("Region", regions), numbers("Bought", bought, ColumnType::Boolean)};
    return Table(std::move(columns), rows);
}

/// The table prepared to predict "Bought" (split and recipe from `seed`).
inline std::shared_ptr<const PreparedData> preparedCustomers(const Table& table, std::uint64_t seed = 42)
{
    ColumnChoice choice;
    choice.target = "Bought";
    return std::make_shared<const PreparedData>(prepareData(table, choice, seed));
}

/// Two small hidden layers for a binary target.
inline Architecture smallNetwork(const TaskSpec& task)
{
    Architecture a;
    a.name = "small";
    a.layers = {LayerSpec::dense(16, Activation::ReLU), LayerSpec::dense(8, Activation::ReLU),
                LayerSpec::dense(task.outputUnits(), task.outputActivation(), WeightInit::Xavier)};
    return a;
}

/// A finished run with `epochs` epochs of made-up history, for the Train page's run list.
inline RunRecord fakeRun(const std::string& name, int epochs, double start)
{
    RunRecord r;
    r.name = name;
    r.status = "completed";
    r.startedAt = "2026-11-25T10:00:00Z";
    r.bestEpoch = epochs;
    for (int e = 1; e <= epochs; ++e) {
        RunEpoch re;
        re.epoch = e;
        re.trainLoss = start / e;
        re.validationLoss = start / e + 0.05;
        re.metrics = {{"auc", 0.6 + 0.03 * e}, {"accuracy", 0.7}, {"train_accuracy", 0.72}};
        r.history.push_back(re);
    }
    r.metrics = {{"test_auc", 0.81}, {"test_loss", 0.4}};
    return r;
}

} // namespace neurolift::test

#include "data/datachoice.h"

#include <stdexcept>

namespace neurolift {

ColumnChoice toColumnChoice(const DataChoice& choice)
{
    ColumnChoice c;
    c.target = choice.target.toStdString();
    if (!choice.positive.isEmpty()) {
        c.positive = choice.positive.toStdString();
    }
    c.idColumn = choice.idColumn.toStdString();
    std::vector<std::string> features;
    for (const QString& f : choice.features) {
        features.push_back(f.toStdString());
    }
    c.features = std::move(features);
    return c;
}

DataChoice fromColumnChoice(const ColumnChoice& choice, const Table* table)
{
    DataChoice c;
    c.target = QString::fromStdString(choice.target);
    c.positive = QString::fromStdString(choice.positive.value_or(""));
    std::optional<FeatureSelection> resolved;
    if (table && (!choice.idColumn || !choice.features)) {
        try {
            resolved = selectFeatures(*table, choice);
        } catch (const std::invalid_argument&) {
            // A choice naming columns the table lacks: show what can be shown.
        }
    }
    if (choice.idColumn) {
        c.idColumn = QString::fromStdString(*choice.idColumn);
    } else if (resolved) {
        c.idColumn = QString::fromStdString(resolved->idColumn);
    }
    if (choice.features) {
        for (const auto& f : *choice.features) {
            c.features << QString::fromStdString(f);
        }
    } else if (resolved) {
        for (const auto& f : resolved->features) {
            c.features << QString::fromStdString(f);
        }
    }
    return c;
}

} // namespace neurolift

#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

namespace neurolift {

/// What the user chose on the Data page: what to predict, which answer counts
/// as positive, which column identifies a customer, and the model's inputs.
struct DataChoice {
    QString target;       ///< Column to predict; empty when none is chosen yet.
    QString positive;     ///< The target value that counts as "yes"; empty for numbers or many classes.
    QString idColumn;     ///< Column identifying a customer; empty for none.
    QStringList features; ///< Input columns, in table order.

    bool operator==(const DataChoice&) const = default;
};

/// {"target": ..., "positive": ..., "id": ..., "features": [...]}, as the project stores it.
nlohmann::json dataChoiceToJson(const DataChoice& choice);
/// Reads dataChoiceToJson's form; missing keys stay empty. Throws nlohmann::json::exception on wrong types.
DataChoice dataChoiceFromJson(const nlohmann::json& j);

} // namespace neurolift

Q_DECLARE_METATYPE(neurolift::DataChoice)

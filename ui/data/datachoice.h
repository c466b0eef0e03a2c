#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include "training/pipeline.h"

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

/// The core's form of the choice, which the project stores (setting "target")
/// and the command line reads: an empty positive is "detect", an empty id "none".
ColumnChoice toColumnChoice(const DataChoice& choice);
/// The page's form of a stored choice; an automatic id or feature list is
/// resolved against `table` (pass null to leave them empty).
DataChoice fromColumnChoice(const ColumnChoice& choice, const Table* table);

} // namespace neurolift

Q_DECLARE_METATYPE(neurolift::DataChoice)

#pragma once

// A trained model as one SQL query, to score customers where they live.

#include "model/modelfile.h"

#include <string>

namespace neurolift {

enum class SqlDialect { Sqlite, Postgres };

struct SqlExportOptions {
    SqlDialect dialect = SqlDialect::Sqlite;
    std::string table = "customers";
    /// Column carried through to name each row; the model's id column when empty
    /// (none when the model has none either).
    std::string keyColumn;
};

/// A SELECT statement (a WITH query: one CTE for the prepared inputs, one per
/// dense layer) computing, for each row of the table, the key and the model's
/// score: "score" (P(positive)) for yes/no models, "predicted" for regression,
/// "p_<class>" for multi-class models. The recipe's steps become expressions:
/// CASE for imputation and one-hot levels (unseen levels count as "other";
/// NULL or '' is missing), arithmetic for scaling, LN(1 + MAX(x, 0)) for log steps.
/// The table's columns carry the names the model was trained on: numbers (NULL when
/// missing; SQLite also takes ''), yes/no columns as 0/1, categories as text. Every CTE is MATERIALIZED:
/// inlined, each layer would copy the previous layer's expressions into every unit (exponential in depth; 80
/// s for 100 rows of a 5-layer net in SQLite). Needs LN, EXP and TANH: SQLite 3.35+ built with math functions
/// (Debian's 3.40 is), or PostgreSQL 12+. Throws std::invalid_argument for what SQL cannot compute: date
/// inputs, GELU.
std::string modelSql(const TrainedModel& model, const SqlExportOptions& options = {});

} // namespace neurolift

#pragma once

#include "data/table.h"
#include "nn/tensor.h"

#include <nlohmann/json_fwd.hpp>

#include "data/datetime.h"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace neurolift {

/// How a numeric column's missing values are filled.
enum class Imputation { Median, Mean, Constant };
/// How a numeric column is brought to a common scale.
enum class Scaling { Standardise, MinMax, None };

std::string_view imputationId(Imputation i);
std::optional<Imputation> imputationFromId(std::string_view id);
std::string_view scalingId(Scaling s);
std::optional<Scaling> scalingFromId(std::string_view id);

/// Choices for preparing the feature columns; the defaults suit most customer tables.
struct RecipeOptions {
    Imputation imputation = Imputation::Median;
    float imputationConstant = 0.0f;
    Scaling scaling = Scaling::Standardise;
    /// log(1 + x) for non-negative columns whose skewness exceeds `skewThreshold`
    /// (amounts such as revenue, where a few customers dwarf the rest).
    bool logSkewed = true;
    double skewThreshold = 2.0;
    int maxLevels = 30;          ///< One-hot columns per categorical column, besides "other".
    double minLevelShare = 0.01; ///< Levels rarer than this share of the training rows fold into "other".

    bool operator==(const RecipeOptions&) const = default;
};

/// A note about preparing data that did not stop it, e.g. unseen levels at scoring time.
struct RecipeWarning {
    std::string column;
    std::string message;
    long long count = 0; ///< Rows concerned (unseen levels).
    std::string example; ///< One of the values concerned.
};

/// The preparation fitted on the training rows: how each feature column turns
/// into model inputs. Stored with the model, so that scoring a new file applies
/// exactly the same transformation.
class Recipe {
public:
    /// Per-column steps, in the order their features appear.
    struct NumericStep {
        std::string column;
        bool boolean = false;     ///< A yes/no column: 0/1, never scaled.
        float fill = 0.0f;        ///< Value for missing cells (after the log, before scaling).
        bool missingFlag = false; ///< Adds "<column> (missing)": the training rows had missing cells.
        bool log = false;         ///< log(1 + x) first.
        float offset = 0.0f;      ///< Subtracted (mean or minimum).
        float scale = 1.0f;       ///< Divided by (standard deviation or range).
        /// A date column: the feature is the number of days from each date to
        /// this day (the latest date in the training rows), "<column> (days before 2024-06-30)".
        std::optional<double> daysBefore;
        DateFormat dateFormat; ///< A date column: how the training file wrote its dates.

        bool operator==(const NumericStep&) const = default;
    };
    struct CategoricalStep {
        std::string column;
        std::vector<std::string> levels; ///< One feature "<column>=<level>" each.
        std::vector<std::string> folded; ///< Seen in training but rare or over the cap: counted as "other".
        bool other = false;              ///< "<column>=other": rare levels, and unseen ones when scoring.
        bool missingLevel = false;       ///< "<column>=(missing)": the training rows had missing cells.
        /// A date column's month: levels "Jan" to "Dec", features "<column> month=Mar".
        bool month = false;

        bool operator==(const CategoricalStep&) const = default;
    };

    /// Fits the steps for `featureColumns` on `rows` of `table` (the training
    /// split only). Identifier and free-text columns are not features: asking
    /// for one throws std::invalid_argument naming it, as does an unknown name.
    /// A date column gives two steps: days before the latest training date, and the month.
    static Recipe fit(const Table& table, std::span<const std::int64_t> rows,
                      const std::vector<std::string>& featureColumns, const RecipeOptions& options = {});

    /// Model inputs (featureCount() x rows) for `rows` of `table`, which may be
    /// another file with the same columns in any order. Throws
    /// std::invalid_argument naming a feature column the table lacks or whose
    /// type does not fit. Unseen categorical levels become "other" and are
    /// counted in `warnings`.
    Matrix transform(const Table& table, std::span<const std::int64_t> rows,
                     std::vector<RecipeWarning>* warnings = nullptr) const;
    /// All rows of `table`.
    Matrix transform(const Table& table, std::vector<RecipeWarning>* warnings = nullptr) const;

    int featureCount() const;
    /// The type each input column had in training, by name: what a file to
    /// score must be read as (see CsvOptions::columnTypes).
    std::map<std::string, ColumnType, std::less<>> inputTypes() const;
    /// The date format of each date input column, by name.
    std::map<std::string, DateFormat, std::less<>> dateFormats() const;
    /// "12 rows had a value of "city" not seen in training (e.g. "Mars"); treated as "other"".
    static std::string unseenMessage(const std::string& column, long long count, const std::string& example);
    /// Names of the model inputs: "income", "income (missing)", "channel=email", "channel=other".
    std::vector<std::string> featureNames() const;
    /// For each model input, the table column it comes from (for grouping importances).
    std::vector<std::string> featureSources() const;

    const std::vector<NumericStep>& numericSteps() const { return m_numeric; }
    const std::vector<CategoricalStep>& categoricalSteps() const { return m_categorical; }
    const RecipeOptions& options() const { return m_options; }

    nlohmann::json toJson() const;
    /// Throws std::invalid_argument naming the field when the JSON is not a recipe.
    static Recipe fromJson(const nlohmann::json& j);

    bool operator==(const Recipe&) const;

private:
    /// Feature columns in the order the user gave them; each is numeric or categorical.
    struct Entry {
        bool categorical = false;
        std::size_t index = 0; ///< Into m_numeric or m_categorical.
    };
    std::vector<Entry> m_order;
    std::vector<NumericStep> m_numeric;
    std::vector<CategoricalStep> m_categorical;
    RecipeOptions m_options;
};

} // namespace neurolift

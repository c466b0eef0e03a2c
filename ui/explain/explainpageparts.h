#pragma once

// What the Explain page's parts share: includes, colours, helpers and what one
// run's explanations need. Private to explainpage*.cpp and explain*.cpp.

#include "explain/explainpage.h"

#include "common/pagekit.h"
#include "model/networkview.h"

#include "explain/attribution.h"
#include "explain/reasons.h"
#include "training/pipeline.h"
#include "training/trainer.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QCompleter>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStringListModel>
#include <QTabWidget>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

namespace neurolift {

namespace explainui {

enum TabIndex { ImportanceTab = 0, NetworkTab = 1, CustomerTab = 2 };

// The page's sign colours, as in the drawn network: blue up, orange down.
inline const QColor kPositive = kPositiveColour;
inline const QColor kNegative = kNegativeColour;
inline const QColor kNeutral = kNeutralColour;
inline const QColor kAxisText(60, 60, 60);

inline constexpr int kMaxImportanceBars = 25; ///< Columns drawn in the importance chart.
inline constexpr int kMaxWaterfallSteps = 12; ///< Columns of their own in the waterfall; the rest are summed.
inline constexpr int kIceCurves = 30;         ///< Individual customers' curves behind the dependence line.
inline constexpr int kHistogramBins = 31;
inline constexpr int kMaxTickLabelWidth =
    200; ///< Pixels for a column's name beside a bar; longer ones elide.
inline constexpr int kMaxSlantedTickWidth = 110; ///< Pixels for a slanted name under the heat map.

inline QString local(const std::string& text)
{
    return QString::fromStdString(text);
}

/// The weight matrix (outputs x inputs) of a Dense layer, or null.
inline const Matrix* weightOf(const LayerWeights& layer)
{
    if (layer.kind != LayerKind::Dense) {
        return nullptr;
    }
    for (const auto& [name, value] : layer.tensors) {
        if (name.ends_with(".weight")) {
            return &value;
        }
    }
    return nullptr;
}

/// "Revenue = TRUE": the class a classifier's output `output` stands for (binary: the positive
/// class), as the file spells it.
inline QString outcomeName(const TargetSpec& target, const Table* table, Index output)
{
    const auto k = static_cast<std::size_t>(target.task == TaskKind::BinaryClassification ? 1 : output);
    std::string value = k < target.classes.size() ? target.classes[k] : std::string();
    const Column* column = table ? table->column(target.column) : nullptr;
    if (column && column->type == ColumnType::Boolean && column->levels.size() == 2 && value == "1") {
        value = column->levels[1]; // a yes/no column read from words: "TRUE", "yes"
    }
    return ExplainPage::tr("%1 = %2").arg(local(target.column), local(value));
}

} // namespace explainui

/// What every explanation of one run needs, built once on the thread pool.
struct ExplainPage::RunData {
    Network network;
    TrainedModel model;
    TaskSpec task;
    FeatureGroups groups;
    std::vector<std::int64_t> validation; ///< Table rows the importance is measured on.
    Matrix x;                             ///< Their prepared inputs.
    Matrix y;                             ///< Their targets.
    Vector baseline;                      ///< The average training customer's inputs.
    Index output = 0;                     ///< The output explained.
    QString notes;
    Vector meanScores;         ///< Each output's mean score over all the table's customers.
    std::size_t customers = 0; ///< How many customers that is.
};

} // namespace neurolift

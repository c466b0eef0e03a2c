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
#include <QPromise>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStringListModel>
#include <QTabWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <stdexcept>

namespace neurolift {

namespace {

// The page's sign colours, as in the drawn network: blue up, orange down.
const QColor kPositive = kPositiveColour;
const QColor kNegative = kNegativeColour;
const QColor kNeutral = kNeutralColour;
const QColor kAxisText(60, 60, 60);

constexpr int kMaxImportanceBars = 25; ///< Columns drawn in the importance chart.
constexpr int kMaxWaterfallSteps = 12; ///< Columns of their own in the waterfall; the rest are summed.
constexpr int kIceCurves = 30;         ///< Individual customers' curves behind the dependence line.
constexpr int kHistogramBins = 31;

QString local(const std::string& text)
{
    return QString::fromStdString(text);
}

/// The weight matrix (outputs x inputs) of a Dense layer, or null.
const Matrix* weightOf(const LayerWeights& layer)
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
QString outcomeName(const TargetSpec& target, const Table* table, Index output)
{
    const auto k = static_cast<std::size_t>(target.task == TaskKind::BinaryClassification ? 1 : output);
    std::string value = k < target.classes.size() ? target.classes[k] : std::string();
    const Column* column = table ? table->column(target.column) : nullptr;
    if (column && column->type == ColumnType::Boolean && column->levels.size() == 2 && value == "1") {
        value = column->levels[1]; // a yes/no column read from words: "TRUE", "yes"
    }
    return ExplainPage::tr("%1 = %2").arg(local(target.column), local(value));
}

} // namespace

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
};

namespace {

/// What one customer's explanation shows.
struct CustomerExplanation {
    std::int64_t row = -1;
    double score = 0.0;
    double baseline = 0.0;
    std::vector<std::pair<std::string, double>> effects; ///< Per source column.
    RowReasons reasons;
    double completenessError = 0.0;
    Index output = 0; ///< The output explained (multi-class: the customer's predicted class).
};

} // namespace

ExplainPage::ExplainPage(QWidget* parent)
    : RunPage(parent)
{
    setObjectName(QStringLiteral("explainPage"));

    auto* heading = new QLabel(tr("Why the network scores as it does"), this);
    heading->setObjectName(QStringLiteral("heading"));
    heading->setFont(scaledFont(font(), 1.6, QFont::Bold));

    m_runPicker->setToolTip(tr("The training run to explain."));
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(heading);
    runRow->addStretch();
    auto* runLabel = new QLabel(tr("Run:"), this);
    runRow->addWidget(runLabel);
    runRow->addWidget(m_runPicker);
    runRow->addSpacing(8);
    runRow->addWidget(m_runSummary);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("emptyState"));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setFont(scaledFont(font(), 1.25));
    m_emptyLabel->setMargin(40);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("sections"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createImportanceTab(), tr("What matters"));
    m_tabs->addTab(createNetworkTab(), tr("Inside the network"));
    m_tabs->addTab(createCustomerTab(), tr("One customer"));

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_tabs);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addLayout(runRow);
    layout->addWidget(m_stack, 1);
}

ExplainPage::~ExplainPage()
{
    cancelWork();
}

QWidget* ExplainPage::createImportanceTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("importanceTab"));

    // Left: which columns the network leans on.
    m_importancePlot = new QCustomPlot(tab);
    m_importancePlot->setObjectName(QStringLiteral("importancePlot"));
    stylePlot(m_importancePlot, font());
    m_importancePlot->yAxis->grid()->setVisible(false);
    m_importanceBars = new QCPBars(m_importancePlot->yAxis, m_importancePlot->xAxis);
    m_importanceBars->setWidth(0.7);
    m_importanceBars->setPen(Qt::NoPen);
    m_importanceBars->setBrush(kPositive.lighter(150));
    m_importanceSelected = new QCPBars(m_importancePlot->yAxis, m_importancePlot->xAxis);
    m_importanceSelected->setWidth(0.7);
    m_importanceSelected->setPen(Qt::NoPen);
    m_importanceSelected->setBrush(kPositive);
    m_importanceErrors = new QCPErrorBars(m_importancePlot->yAxis, m_importancePlot->xAxis);
    m_importanceErrors->setDataPlottable(m_importanceBars);
    m_importanceErrors->setErrorType(QCPErrorBars::etValueError);
    m_importanceErrors->setPen(QPen(QColor(70, 70, 70), 1.3));
    m_importanceErrors->setWhiskerWidth(6);
    m_importanceErrors->setSymbolGap(0);
    connect(m_importancePlot, &QCustomPlot::mousePress, this, &ExplainPage::onImportanceClick);

    m_importanceCaption = captionLabel(tab, QStringLiteral("importanceCaption"));
    m_importanceProgress = new QProgressBar(tab);
    m_importanceProgress->setObjectName(QStringLiteral("importanceProgress"));
    m_importanceProgress->setRange(0, 1000);
    m_importanceProgress->setTextVisible(false);
    m_importanceCancel = new QPushButton(tr("Cancel"), tab);
    m_importanceCancel->setObjectName(QStringLiteral("importanceCancel"));
    m_importanceCancel->setToolTip(
        tr("Stop measuring; the chart stays empty until you choose the run again."));
    connect(m_importanceCancel, &QPushButton::clicked, this, [this] {
        if (m_importanceJob) {
            m_importanceJob->cancel();
        }
    });
    auto* progressRow = new QHBoxLayout;
    progressRow->setContentsMargins(0, 0, 0, 0);
    progressRow->addWidget(m_importanceProgress, 1);
    progressRow->addWidget(m_importanceCancel);

    auto* left = new QWidget(tab);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(titleLabel(tr("Which columns the network relies on"), left));
    leftLayout->addWidget(m_importanceCaption);
    leftLayout->addLayout(progressRow);
    leftLayout->addWidget(m_importancePlot, 1);

    // Right: how the score follows the chosen column.
    m_dependencePlot = new QCustomPlot(tab);
    m_dependencePlot->setObjectName(QStringLiteral("dependencePlot"));
    stylePlot(m_dependencePlot, font());
    m_dependenceCaption = captionLabel(tab, QStringLiteral("dependenceCaption"));
    auto* right = new QWidget(tab);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(titleLabel(tr("How the score follows one column"), right));
    rightLayout->addWidget(m_dependenceCaption);
    rightLayout->addWidget(m_dependencePlot, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, tab);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->addWidget(splitter);
    return tab;
}

QWidget* ExplainPage::createNetworkTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("networkTab"));

    m_layerPicker = new QComboBox(tab);
    m_layerPicker->setObjectName(QStringLiteral("layerPicker"));
    m_layerPicker->setToolTip(tr("The layer whose weights the heat map and the histogram show."));
    connect(m_layerPicker, &QComboBox::currentIndexChanged, this, &ExplainPage::showLayer);
    m_heatCaption = captionLabel(tab, QStringLiteral("heatCaption"));
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Layer:"), tab));
    top->addWidget(m_layerPicker);
    top->addSpacing(12);
    top->addWidget(m_heatCaption, 1);

    m_heatPlot = new QCustomPlot(tab);
    m_heatPlot->setObjectName(QStringLiteral("heatMapPlot"));
    stylePlot(m_heatPlot, font());
    m_heatPlot->setMouseTracking(true);
    m_heatPlot->xAxis->grid()->setVisible(false);
    m_heatPlot->yAxis->grid()->setVisible(false);
    m_heatMap = new QCPColorMap(m_heatPlot->xAxis, m_heatPlot->yAxis);
    m_heatMap->setInterpolate(false);
    m_heatMap->setTightBoundary(false);
    m_heatScale = new QCPColorScale(m_heatPlot);
    m_heatScale->setType(QCPAxis::atRight);
    m_heatScale->axis()->setLabel(tr("Weight"));
    m_heatScale->axis()->setLabelFont(scaledFont(font(), 1.0));
    m_heatScale->axis()->setTickLabelFont(scaledFont(font(), 0.9));
    m_heatScale->setBarWidth(14);
    m_heatPlot->plotLayout()->addElement(0, 1, m_heatScale);
    m_heatMap->setColorScale(m_heatScale);
    // Diverging: orange below zero, white at zero, blue above, the same as the drawn network's edges.
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, kNegative.darker(130));
    gradient.setColorStopAt(0.25, kNegative.lighter(150));
    gradient.setColorStopAt(0.5, QColor(250, 250, 250));
    gradient.setColorStopAt(0.75, kPositive.lighter(160));
    gradient.setColorStopAt(1.0, kPositive.darker(130));
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    m_heatMap->setGradient(gradient);
    auto* margins = new QCPMarginGroup(m_heatPlot);
    m_heatPlot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_heatScale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    connect(m_heatPlot, &QCustomPlot::mouseMove, this, &ExplainPage::onHeatMapHover);

    m_histogramPlot = new QCustomPlot(tab);
    m_histogramPlot->setObjectName(QStringLiteral("histogramPlot"));
    stylePlot(m_histogramPlot, font());
    m_histogramPlot->xAxis->setLabel(tr("Weight"));
    m_histogramPlot->yAxis->setLabel(tr("How many"));
    auto* histogramBox = new QWidget(tab);
    auto* histogramLayout = new QVBoxLayout(histogramBox);
    histogramLayout->setContentsMargins(0, 0, 0, 0);
    histogramLayout->addWidget(titleLabel(tr("How large the weights are"), histogramBox));
    histogramLayout->addWidget(m_histogramPlot, 1);

    m_network = new NetworkView(tab);
    m_network->setObjectName(QStringLiteral("networkView"));
    m_networkCaption = captionLabel(tab, QStringLiteral("networkCaption"));
    auto* networkBox = new QWidget(tab);
    auto* networkLayout = new QVBoxLayout(networkBox);
    networkLayout->setContentsMargins(0, 0, 0, 0);
    networkLayout->addWidget(titleLabel(tr("The network, inputs on the left"), networkBox));
    networkLayout->addWidget(m_networkCaption);
    networkLayout->addWidget(m_network, 1);

    auto* bottom = new QSplitter(Qt::Horizontal, tab);
    bottom->setChildrenCollapsible(false);
    bottom->addWidget(histogramBox);
    bottom->addWidget(networkBox);
    bottom->setStretchFactor(0, 2);
    bottom->setStretchFactor(1, 3);

    auto* splitter = new QSplitter(Qt::Vertical, tab);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_heatPlot);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    return tab;
}

QWidget* ExplainPage::createCustomerTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("customerTab"));

    m_customerEdit = new QLineEdit(tab);
    m_customerEdit->setObjectName(QStringLiteral("customerEdit"));
    m_customerEdit->setClearButtonEnabled(true);
    m_customerEdit->setMinimumWidth(220);
    m_completer = new QCompleter(new QStringListModel(m_customerEdit), m_customerEdit);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setMaxVisibleItems(12);
    m_customerEdit->setCompleter(m_completer);
    m_customerShow = new QPushButton(tr("Explain"), tab);
    m_customerShow->setObjectName(QStringLiteral("customerShow"));
    m_customerShow->setToolTip(tr("Explain the score of this customer."));
    connect(m_customerEdit, &QLineEdit::returnPressed, this, &ExplainPage::onCustomerEntered);
    connect(m_customerShow, &QPushButton::clicked, this, &ExplainPage::onCustomerEntered);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this,
            [this](const QString& text) {
                m_customerEdit->setText(text);
                onCustomerEntered();
            });
    m_customerProblem = new QLabel(tab);
    m_customerProblem->setObjectName(QStringLiteral("customerProblem"));
    m_customerProblem->setTextFormat(Qt::PlainText);
    m_customerProblem->setStyleSheet(QStringLiteral("color: #b45309;"));

    m_scoreLabel = new QLabel(tab);
    m_scoreLabel->setObjectName(QStringLiteral("score"));
    m_scoreLabel->setTextFormat(Qt::PlainText);
    m_scoreLabel->setFont(scaledFont(font(), 1.3, QFont::DemiBold));

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Customer:"), tab));
    top->addWidget(m_customerEdit);
    top->addWidget(m_customerShow);
    top->addSpacing(12);
    top->addWidget(m_customerProblem, 1);

    m_waterfallPlot = new QCustomPlot(tab);
    m_waterfallPlot->setObjectName(QStringLiteral("waterfallPlot"));
    stylePlot(m_waterfallPlot, font());
    m_waterfallPlot->yAxis->grid()->setVisible(false);
    m_waterfallCaption = captionLabel(tab, QStringLiteral("waterfallCaption"));
    auto* chartBox = new QWidget(tab);
    auto* chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(titleLabel(tr("From the average customer to this one"), chartBox));
    chartLayout->addWidget(m_waterfallCaption);
    chartLayout->addWidget(m_waterfallPlot, 1);

    m_reasons = new QLabel(tab);
    m_reasons->setObjectName(QStringLiteral("reasons"));
    m_reasons->setWordWrap(true);
    m_reasons->setTextFormat(Qt::RichText);
    m_reasons->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_reasons->setFont(scaledFont(font(), 1.1));
    auto* reasonsBox = new QWidget(tab);
    auto* reasonsLayout = new QVBoxLayout(reasonsBox);
    reasonsLayout->setContentsMargins(0, 0, 0, 0);
    reasonsLayout->addWidget(titleLabel(tr("The reasons, in words"), reasonsBox));
    reasonsLayout->addWidget(m_reasons, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, tab);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(chartBox);
    splitter->addWidget(reasonsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_scoreLabel);
    layout->addWidget(splitter, 1);
    return tab;
}

const ImportanceResult* ExplainPage::importance() const
{
    if (m_run < 0) {
        return nullptr;
    }
    const auto it = m_importance.find(runKey(m_run));
    return it == m_importance.end() ? nullptr : &it->second;
}

bool ExplainPage::isBusy() const
{
    return m_dataJob || m_importanceJob || m_dependenceJob || m_attributionJob;
}

void ExplainPage::updateBusy()
{
    const bool busy = isBusy();
    if (busy != m_busy) {
        m_busy = busy;
        emit busyChanged(busy);
    }
}

void ExplainPage::cancelWork()
{
    for (QFutureWatcher<void>* job : {m_dataJob, m_importanceJob, m_dependenceJob, m_attributionJob}) {
        if (job) {
            job->cancel();
        }
    }
}

void ExplainPage::dropStaleWork()
{
    ++m_generation; // what is under way belongs to the old state
    cancelWork();
}

void ExplainPage::forgetRuns(const std::vector<std::int64_t>& keep)
{
    const auto gone = [&keep](std::int64_t key) {
        return std::find(keep.begin(), keep.end(), key) == keep.end();
    };
    std::erase_if(m_runData, [&](const auto& entry) { return gone(entry.first); });
    std::erase_if(m_importance, [&](const auto& entry) { return gone(entry.first); });
}

bool ExplainPage::showsRunData() const
{
    return m_data != nullptr;
}

void ExplainPage::showEmptyState(const QString& text)
{
    m_emptyLabel->setText(text);
    m_stack->setCurrentWidget(m_emptyLabel);
}

void ExplainPage::showRun()
{
    ++m_generation;
    cancelWork();
    m_data.reset();
    m_layers.clear();
    m_customer = -1;
    m_waterfall.clear();
    const bool haveRuns = !m_runs.empty();
    m_runPicker->setVisible(haveRuns);
    m_runSummary->setVisible(haveRuns);
    if (!haveRuns || m_run < 0) {
        m_runSummary->clear();
        showEmptyState(tr("Train a model on the Train page first.\n\nIts explanations appear here: which "
                          "columns the network relies on, what it learned inside, and why one customer "
                          "got the score they got."));
        return;
    }
    const RunRecord& run = m_runs[static_cast<std::size_t>(m_run)];
    m_runSummary->setText(
        tr("%1 network, %2 epochs").arg(local(run.model.architecture.name)).arg(run.history.size()));
    if (!m_table) {
        showEmptyState(tr("Reading the customer data…"));
        return;
    }
    if (run.model.weights.empty()) {
        showEmptyState(tr("This run stopped before it learned anything, so there is nothing to explain. "
                          "Choose another run, or train again."));
        return;
    }
    if (!run.split.empty() && run.split.size() != m_table->rowCount()) {
        showEmptyState(tr("This run was trained on other data (%1 rows; the project's data has %2). "
                          "Choose another run, or train again on the current data.")
                           .arg(QLocale().toString(static_cast<qulonglong>(run.split.size())),
                                QLocale().toString(static_cast<qulonglong>(m_table->rowCount()))));
        return;
    }
    const std::int64_t key = runKey(m_run);
    if (const auto it = m_runData.find(key); it != m_runData.end()) {
        onRunDataReady(key, it->second, {});
        return;
    }
    showEmptyState(tr("Getting the run ready to explain…"));
    const std::uint64_t generation = m_generation;
    const auto table = m_table;
    const TrainedModel model = run.model;
    const std::vector<std::uint8_t> split = run.split;
    m_dataJob = runJob<std::shared_ptr<const RunData>>(
        this,
        [table, model, split](const JobProgress&) {
            auto d = std::make_shared<RunData>(
                RunData{model.network(), model, model.target.taskSpec(), {}, {}, {}, {}, {}, 0, {}});
            d->groups = FeatureGroups::fromRecipe(model.recipe);
            const Split parts = keptSplit(split, *table, model.target);
            const TargetValues targets = targetValues(*table, model.target);
            d->validation = parts.validation;
            if (d->validation.empty()) {
                // A run without a stored split: every row with a target (the importance then includes
                // rows it learned from, which the caption says).
                for (std::size_t r = 0; r < table->rowCount(); ++r) {
                    if (!std::isnan(targets.values[r])) {
                        d->validation.push_back(static_cast<std::int64_t>(r));
                    }
                }
                d->notes = tr("This run does not say which rows it learned from; all rows are used.");
            }
            d->x = model.recipe.transform(*table, d->validation);
            d->y.resize(1, static_cast<Index>(d->validation.size()));
            for (std::size_t j = 0; j < d->validation.size(); ++j) {
                d->y(0, static_cast<Index>(j)) = targets.values[static_cast<std::size_t>(d->validation[j])];
            }
            const Matrix train = parts.train.empty() ? d->x : model.recipe.transform(*table, parts.train);
            d->baseline = meanBaseline(train);
            if (d->task.kind == TaskKind::BinaryClassification) {
                d->output = 0;
            }
            return std::shared_ptr<const RunData>(std::move(d));
        },
        [this, generation, key](QFutureWatcher<void>*, std::optional<std::shared_ptr<const RunData>> ready,
                                const QString& error) {
            m_dataJob = nullptr;
            updateBusy();
            if (generation != m_generation) {
                return;
            }
            onRunDataReady(key, ready ? *ready : nullptr, error);
        },
        {});
    updateBusy();
}

void ExplainPage::onRunDataReady(std::int64_t key, std::shared_ptr<const RunData> ready, const QString& error)
{
    if (!ready) {
        showEmptyState(error.isEmpty()
                           ? tr("Explaining this run was stopped.")
                           : tr("This run cannot be explained with the project's data: %1").arg(error));
        return;
    }
    m_runData[key] = ready;
    m_data = ready;
    m_stack->setCurrentWidget(m_tabs);

    // Inside the network: cheap enough to do at once.
    m_layers = inspectWeights(m_data->network, m_data->model.recipe.featureNames());
    m_denseLayers.clear();
    {
        const QSignalBlocker block(m_layerPicker);
        m_layerPicker->clear();
        int dense = 0;
        for (std::size_t i = 0; i < m_layers.size(); ++i) {
            if (const Matrix* w = weightOf(m_layers[i])) {
                ++dense;
                const bool last = i + 1 == m_layers.size();
                m_layerPicker->addItem(
                    last ? tr("Output layer (%1 × %2)").arg(w->rows()).arg(w->cols())
                         : tr("Hidden layer %1 (%2 × %3)").arg(dense).arg(w->rows()).arg(w->cols()));
                m_denseLayers.push_back(static_cast<int>(i));
            }
        }
        m_layerPicker->setCurrentIndex(m_denseLayers.empty() ? -1 : 0);
    }
    showLayer(m_layerPicker->currentIndex());

    fillCustomerPicker();
    showImportance();
    if (!importance()) {
        startImportance();
    }
    if (!m_data->validation.empty()) {
        selectCustomer(m_data->validation.front());
    }
}

// ---------------------------------------------------------------------------------------------------------
// What matters

void ExplainPage::startImportance()
{
    if (!m_data || m_importanceJob) {
        return;
    }
    const std::int64_t key = runKey(m_run);
    const auto ready = m_data;
    const std::uint64_t generation = m_generation;
    m_importanceProgress->setValue(0);
    m_importanceProgress->setVisible(true);
    m_importanceCancel->setVisible(true);
    m_importanceCaption->setText(tr("Shuffling each column of %1 validation customers to see how much worse "
                                    "the network predicts without it…")
                                     .arg(localCount(ready->validation.size())));
    m_importanceJob = runJob<ImportanceResult>(
        this,
        [ready](const JobProgress& progress) {
            const LossSpec loss = TrainSpec::forTask(ready->task).loss;
            return permutationImportance(ready->network, ready->task, loss, ready->x, ready->y, ready->groups,
                                         {}, progress);
        },
        [this, key, generation](QFutureWatcher<void>*, std::optional<ImportanceResult> result,
                                const QString& error) {
            m_importanceJob = nullptr;
            updateBusy();
            m_importanceProgress->setVisible(false);
            m_importanceCancel->setVisible(false);
            if (result && !result->cancelled) {
                m_importance[key] = std::move(*result);
            }
            if (generation != m_generation) {
                return;
            }
            if (!error.isEmpty()) {
                m_importanceCaption->setText(tr("The importance could not be measured: %1").arg(error));
                return;
            }
            if (!result || result->cancelled) {
                m_importanceCaption->setText(tr("Measuring was stopped. Choose the run again to measure."));
                return;
            }
            showImportance();
        },
        [this, generation](double fraction) {
            if (generation == m_generation) {
                m_importanceProgress->setValue(static_cast<int>(fraction * 1000.0));
                emit progress(fraction, tr("Measuring which columns matter"));
            }
        });
    updateBusy();
}

void ExplainPage::showImportance()
{
    QCustomPlot* plot = m_importancePlot;
    m_importanceBars->data()->clear();
    m_importanceSelected->data()->clear();
    m_importanceErrors->data()->clear();
    const ImportanceResult* result = importance();
    if (!result) {
        plot->replot();
        return;
    }
    m_importanceProgress->setVisible(false);
    m_importanceCancel->setVisible(false);
    const int n = std::min<int>(static_cast<int>(result->columns.size()), kMaxImportanceBars);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> keys;
    QVector<double> values;
    QVector<double> errors;
    double low = 0.0;
    double high = 0.0;
    for (int i = 0; i < n; ++i) {
        const ColumnImportance& c = result->columns[static_cast<std::size_t>(i)];
        const double key = n - i; // the most important at the top
        keys << key;
        values << c.mean;
        errors << c.spread;
        ticker->addTick(key, local(c.column));
        low = std::min(low, c.mean - c.spread);
        high = std::max(high, c.mean + c.spread);
    }
    m_importanceBars->setData(keys, values, true);
    m_importanceErrors->setData(errors);
    plot->yAxis->setTicker(ticker);
    plot->yAxis->setRange(0.4, n + 0.6);
    const double pad = (high - low) * 0.05 + 1e-9;
    plot->xAxis->setRange(low - (low < 0.0 ? pad : 0.0), high + pad);
    const bool auc = result->measure == "AUC";
    plot->xAxis->setLabel(auc ? tr("Drop in AUC when the column is shuffled")
                              : tr("Rise in loss when the column is shuffled"));
    QString caption =
        auc ? tr("The network's AUC on %1 validation customers is %2. Shuffling a column's values "
                 "breaks its link to the outcome; the longer the bar, the more the AUC drops and the "
                 "more the network relies on that column. Whiskers: the spread over 5 shuffles. "
                 "Click a bar to see how the score follows that column.")
                  .arg(localCount(static_cast<std::size_t>(result->rows)), localNumber(result->baseline, 3))
            : tr("Shuffling a column's values breaks its link to the outcome; the longer the bar, the "
                 "more the loss rises and the more the network relies on that column. Whiskers: the "
                 "spread over 5 shuffles. Click a bar to see how the score follows that column.");
    if (m_data && static_cast<std::size_t>(result->rows) < m_data->validation.size()) {
        caption += u' ' + tr("Measured on a random sample of %1 of the %2 validation customers.")
                              .arg(localCount(static_cast<std::size_t>(result->rows)),
                                   localCount(m_data->validation.size()));
    }
    if (static_cast<int>(result->columns.size()) > n) {
        caption += u' ' + tr("The %1 least important columns are not drawn.")
                              .arg(static_cast<int>(result->columns.size()) - n);
    }
    if (m_data && !m_data->notes.isEmpty()) {
        caption += u' ' + m_data->notes;
    }
    m_importanceCaption->setText(caption);
    plot->replot();
    if (n > 0) {
        const auto known =
            std::find_if(result->columns.begin(), result->columns.begin() + n,
                         [this](const ColumnImportance& c) { return local(c.column) == m_feature; });
        selectFeature(known != result->columns.begin() + n ? m_feature
                                                           : local(result->columns.front().column));
    }
}

void ExplainPage::onImportanceClick(QMouseEvent* event)
{
    const ImportanceResult* result = importance();
    if (!result || !m_importancePlot->axisRect()->rect().contains(event->pos())) {
        return;
    }
    const int n = std::min<int>(static_cast<int>(result->columns.size()), kMaxImportanceBars);
    const int key =
        static_cast<int>(std::lround(m_importancePlot->yAxis->pixelToCoord(event->position().y())));
    const int i = n - key;
    if (i >= 0 && i < n) {
        selectFeature(local(result->columns[static_cast<std::size_t>(i)].column));
    }
}

void ExplainPage::selectFeature(const QString& column)
{
    m_feature = column;
    m_importanceSelected->data()->clear();
    if (const ImportanceResult* result = importance()) {
        const int n = std::min<int>(static_cast<int>(result->columns.size()), kMaxImportanceBars);
        for (int i = 0; i < n; ++i) {
            if (local(result->columns[static_cast<std::size_t>(i)].column) == column) {
                m_importanceSelected->addData(n - i, result->columns[static_cast<std::size_t>(i)].mean);
            }
        }
        m_importancePlot->replot();
    }
    startDependence(column);
}

void ExplainPage::startDependence(const QString& column)
{
    if (!m_data || !m_table) {
        return;
    }
    if (m_dependenceJob) {
        m_dependenceJob->cancel();
    }
    m_dependenceCaption->setText(tr("Working out how the score follows %1…").arg(column));
    const auto ready = m_data;
    const auto table = m_table;
    const std::string name = column.toStdString();
    const std::uint64_t generation = m_generation;
    m_dependenceJob = runJob<DependenceResult>(
        this,
        [ready, table, name](const JobProgress& progress) {
            DependenceOptions options;
            options.output = ready->output;
            return partialDependence(ready->network, ready->model.recipe, *table, ready->validation, name,
                                     options, progress);
        },
        [this, generation, column](QFutureWatcher<void>* job, std::optional<DependenceResult> result,
                                   const QString& error) {
            if (m_dependenceJob == job) {
                m_dependenceJob = nullptr;
            }
            updateBusy();
            if (generation != m_generation || column != m_feature) {
                return;
            }
            if (!error.isEmpty()) {
                m_dependenceCaption->setText(tr("The curve of %1 could not be drawn: %2").arg(column, error));
            } else if (result && !result->cancelled) {
                showDependence(*result);
            }
        },
        {});
    updateBusy();
}

void ExplainPage::showDependence(const DependenceResult& result)
{
    QCustomPlot* plot = m_dependencePlot;
    plot->clearPlottables();
    const QString column = local(result.column);
    const bool binary = m_data && m_data->task.kind != TaskKind::Regression; // a chance in [0, 1]
    plot->yAxis->setLabel(
        binary ? tr("Chance of %1").arg(outcomeName(m_data->model.target, m_table.get(), m_data->output))
               : tr("Predicted %1").arg(local(m_data ? m_data->model.target.column : std::string())));
    plot->xAxis->setLabel(column);
    const auto points = static_cast<int>(result.pd.size());
    const bool line = (result.type == ColumnType::Numeric || result.type == ColumnType::Date) && points > 1;
    double low = result.pd.size() ? result.pd.minCoeff() : 0.0;
    double high = result.pd.size() ? result.pd.maxCoeff() : 1.0;
    if (line) {
        const bool date = result.type == ColumnType::Date;
        QVector<double> x(points);
        for (int p = 0; p < points; ++p) {
            x[p] = date ? result.values[static_cast<std::size_t>(p)] * 86400.0
                        : result.values[static_cast<std::size_t>(p)];
        }
        // A few customers' own curves, faint, behind the average.
        const int curves = std::min<int>(static_cast<int>(result.ice.cols()), kIceCurves);
        for (int c = 0; c < curves; ++c) {
            QCPGraph* g = plot->addGraph();
            QVector<double> y(points);
            for (int p = 0; p < points; ++p) {
                y[p] = result.ice(p, c);
                low = std::min(low, y[p]);
                high = std::max(high, y[p]);
            }
            g->setData(x, y, true);
            g->setPen(QPen(QColor(148, 163, 184, 70), 1.0));
        }
        QCPGraph* pd = plot->addGraph();
        pd->setObjectName(QStringLiteral("partialDependence"));
        QVector<double> y(points);
        for (int p = 0; p < points; ++p) {
            y[p] = result.pd(p);
        }
        pd->setData(x, y, true);
        pd->setPen(QPen(kPositive, 3.0));
        pd->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, kPositive, Qt::white, 6));
        if (date) {
            QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
            ticker->setDateTimeFormat(QStringLiteral("yyyy-MM-dd"));
            ticker->setDateTimeSpec(Qt::UTC);
            plot->xAxis->setTicker(ticker);
        } else {
            plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        }
        plot->xAxis->setTickLabelRotation(0);
        const double margin = (x.back() - x.front()) * 0.02;
        plot->xAxis->setRange(x.front() - margin, x.back() + margin); // the end points' markers stay whole
    } else {
        auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setObjectName(QStringLiteral("partialDependence"));
        bars->setWidth(0.65);
        bars->setPen(Qt::NoPen);
        bars->setBrush(kPositive.lighter(130));
        QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
        for (int p = 0; p < points; ++p) {
            bars->addData(p + 1, result.pd(p));
            ticker->addTick(p + 1, local(result.labels[static_cast<std::size_t>(p)]));
        }
        plot->xAxis->setTicker(ticker);
        plot->xAxis->setTickLabelRotation(points > 6 ? 45 : 0);
        plot->xAxis->setRange(0.4, points + 0.6);
        low = std::min(low, 0.0);
    }
    const double pad = (high - low) * 0.08 + 1e-6;
    plot->yAxis->setRange(binary ? std::max(0.0, low - pad) : low - pad,
                          binary ? std::min(1.0, high + pad) : high + pad);
    m_dependenceCaption->setText(
        line ? tr("The thick line: the average score of %1 validation customers when %2 is set to each value "
                  "and "
                  "everything else about them is kept. The faint lines: single customers.")
                   .arg(localCount(result.rows.size()), column)
             : tr("The average score of %1 validation customers when %2 is set to each value and everything "
                  "else about them is kept.")
                   .arg(localCount(result.rows.size()), column));
    plot->replot();
}

// ---------------------------------------------------------------------------------------------------------
// Inside the network

void ExplainPage::showLayer(int index)
{
    if (index < 0 || index >= static_cast<int>(m_denseLayers.size())) {
        m_heatMap->data()->clear();
        m_heatPlot->replot();
        m_histogramPlot->clearPlottables();
        m_histogramPlot->replot();
        m_network->setLayers({});
        return;
    }
    const int layerIndex = m_denseLayers[static_cast<std::size_t>(index)];
    const LayerWeights& layer = m_layers[static_cast<std::size_t>(layerIndex)];
    const Matrix& w = *weightOf(layer);
    showHeatMap(layer, w, index == 0);
    showHistogram(w);
    m_network->setLayers(m_layers, layerIndex);
    QString caption =
        tr("Blue edges are positive weights, orange negative; thicker is stronger. The chosen layer "
           "is drawn darker.");
    if (m_network->shownEdgeCount() < m_network->edgeCount()) {
        caption += u' ' + tr("Only the strongest %1 edges of each layer are drawn (%2 of %3 in all).")
                              .arg(NetworkView::kMaxEdgesPerLayer)
                              .arg(QLocale().toString(m_network->shownEdgeCount()),
                                   QLocale().toString(m_network->edgeCount()));
    }
    m_networkCaption->setText(caption);
}

void ExplainPage::showHeatMap(const LayerWeights& layer, const Matrix& w, bool firstLayer)
{
    const auto inputs = static_cast<int>(w.cols());
    const auto outputs = static_cast<int>(w.rows());
    m_heatInputs.clear();
    m_heatOutputs.clear();
    for (const std::string& name : layer.inputNames) {
        m_heatInputs.push_back(local(name));
    }
    for (const std::string& name : layer.outputNames) {
        m_heatOutputs.push_back(local(name));
    }
    // A dimension of one cell is drawn as two equal half-cells: QCPColorMap needs two to span a cell.
    const int keys = std::max(inputs, 2);
    const int values = std::max(outputs, 2);
    auto* cells = m_heatMap->data();
    cells->setSize(keys, values);
    cells->setRange(inputs > 1 ? QCPRange(1, inputs) : QCPRange(0.75, 1.25),
                    outputs > 1 ? QCPRange(1, outputs) : QCPRange(0.75, 1.25));
    for (int k = 0; k < keys; ++k) {
        for (int v = 0; v < values; ++v) {
            cells->setCell(k, v, w(std::min(v, outputs - 1), std::min(k, inputs - 1)));
        }
    }
    const double largest = w.size() ? static_cast<double>(w.cwiseAbs().maxCoeff()) : 1.0;
    m_heatMap->setDataRange(QCPRange(-largest, largest)); // centred on zero: white is no effect

    QCPAxis* x = m_heatPlot->xAxis;
    QCPAxis* y = m_heatPlot->yAxis;
    if (firstLayer) {
        QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
        for (int j = 0; j < inputs; ++j) {
            ticker->addTick(j + 1, m_heatInputs[static_cast<std::size_t>(j)]);
        }
        x->setTicker(ticker);
        x->setTickLabelRotation(inputs > 8 ? 60 : 0);
        x->setTickLabelFont(scaledFont(font(), inputs > 40 ? 0.8 : 0.95));
        x->setLabel(tr("Inputs: the prepared columns"));
    } else {
        QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
        ticker->setTickStep(1.0);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        x->setTicker(ticker);
        x->setTickLabelRotation(0);
        x->setTickLabelFont(scaledFont(font(), 0.95));
        x->setLabel(tr("Units of the layer before"));
    }
    QSharedPointer<QCPAxisTickerFixed> unitTicker(new QCPAxisTickerFixed);
    unitTicker->setTickStep(1.0);
    unitTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    y->setTicker(unitTicker);
    y->setLabel(outputs > 1 ? tr("Units of this layer") : tr("Output"));
    x->setRange(0.5, inputs + 0.5);
    y->setRange(0.5, outputs + 0.5);
    y->setRangeReversed(true); // unit 1 at the top, as in the drawn network

    m_heatCaption->setText(
        tr("Each cell is the weight from one input (across) to one unit (down): blue adds to "
           "the unit, orange takes away, white does nearly nothing. Hover over a cell to read "
           "it."));
    m_heatPlot->replot();
}

void ExplainPage::showHistogram(const Matrix& w)
{
    QCustomPlot* plot = m_histogramPlot;
    plot->clearPlottables();
    const double largest = w.size() ? static_cast<double>(w.cwiseAbs().maxCoeff()) : 1.0;
    const double width = 2.0 * std::max(largest, 1e-9) / kHistogramBins;
    std::vector<int> counts(kHistogramBins, 0);
    for (Index k = 0; k < w.size(); ++k) {
        const int bin = std::clamp(static_cast<int>((w.data()[k] + largest) / width), 0, kHistogramBins - 1);
        ++counts[static_cast<std::size_t>(bin)];
    }
    auto* negative = new QCPBars(plot->xAxis, plot->yAxis);
    auto* positive = new QCPBars(plot->xAxis, plot->yAxis);
    int most = 1;
    for (int b = 0; b < kHistogramBins; ++b) {
        const double centre = -largest + (b + 0.5) * width;
        (centre < 0.0 ? negative : positive)->addData(centre, counts[static_cast<std::size_t>(b)]);
        most = std::max(most, counts[static_cast<std::size_t>(b)]);
    }
    for (QCPBars* bars : {negative, positive}) {
        bars->setWidth(width * 0.9);
        bars->setPen(Qt::NoPen);
    }
    negative->setBrush(kNegative.lighter(120));
    positive->setBrush(kPositive.lighter(120));
    plot->xAxis->setRange(-largest - width, largest + width);
    plot->yAxis->setRange(0, most * 1.08);
    plot->replot();
}

void ExplainPage::onHeatMapHover(QMouseEvent* event)
{
    const int inputs = static_cast<int>(m_heatInputs.size());
    const int outputs = static_cast<int>(m_heatOutputs.size());
    const QPointF pos = event->position();
    if (inputs == 0 || !m_heatPlot->axisRect()->rect().contains(pos.toPoint())) {
        QToolTip::hideText();
        return;
    }
    const int j = static_cast<int>(std::lround(m_heatPlot->xAxis->pixelToCoord(pos.x()))) - 1;
    const int i = static_cast<int>(std::lround(m_heatPlot->yAxis->pixelToCoord(pos.y()))) - 1;
    if (i < 0 || j < 0 || i >= outputs || j >= inputs) {
        QToolTip::hideText();
        return;
    }
    const int picked = m_layerPicker->currentIndex();
    const LayerWeights& layer =
        m_layers[static_cast<std::size_t>(m_denseLayers[static_cast<std::size_t>(picked)])];
    const double value = (*weightOf(layer))(i, j);
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("From %1\nto %2\nweight %3")
                           .arg(m_heatInputs[static_cast<std::size_t>(j)],
                                m_heatOutputs[static_cast<std::size_t>(i)], localNumber(value, 3)),
                       m_heatPlot);
}

// ---------------------------------------------------------------------------------------------------------
// One customer

QString ExplainPage::customerName(std::int64_t row) const
{
    if (m_data && m_table && !m_data->model.idColumn.empty()) {
        if (const Column* ids = m_table->column(m_data->model.idColumn)) {
            return QString::fromStdString(ids->text(static_cast<std::size_t>(row)));
        }
    }
    return tr("row %1").arg(row + 1);
}

void ExplainPage::fillCustomerPicker()
{
    QStringList ids;
    const Column* idColumn =
        m_data->model.idColumn.empty() ? nullptr : m_table->column(m_data->model.idColumn);
    if (idColumn) {
        ids.reserve(static_cast<qsizetype>(m_table->rowCount()));
        for (std::size_t r = 0; r < m_table->rowCount(); ++r) {
            ids << QString::fromStdString(idColumn->text(r));
        }
        m_customerEdit->setPlaceholderText(tr("Type a customer's %1").arg(local(idColumn->name)));
    } else {
        m_customerEdit->setPlaceholderText(
            tr("Type a row number, 1 to %1")
                .arg(QLocale().toString(static_cast<qulonglong>(m_table->rowCount()))));
    }
    static_cast<QStringListModel*>(m_completer->model())->setStringList(ids);
    m_customerProblem->clear();
}

void ExplainPage::onCustomerEntered()
{
    if (!m_data || !m_table) {
        return;
    }
    const QString text = m_customerEdit->text().trimmed();
    m_customerProblem->clear();
    if (text.isEmpty()) {
        return;
    }
    const Column* idColumn =
        m_data->model.idColumn.empty() ? nullptr : m_table->column(m_data->model.idColumn);
    if (idColumn) {
        const std::string id = text.toStdString();
        for (std::size_t r = 0; r < m_table->rowCount(); ++r) {
            if (idColumn->text(r) == id) {
                selectCustomer(static_cast<std::int64_t>(r));
                return;
            }
        }
        m_customerProblem->setText(
            tr("No customer has the %1 \u201c%2\u201d.").arg(local(idColumn->name), text));
        return;
    }
    bool ok = false;
    const qlonglong row = QLocale().toLongLong(text, &ok);
    const qlonglong plain = ok ? row : text.toLongLong(&ok);
    if (!ok || plain < 1 || plain > static_cast<qlonglong>(m_table->rowCount())) {
        m_customerProblem->setText(
            tr("Type a row number from 1 to %1.")
                .arg(QLocale().toString(static_cast<qulonglong>(m_table->rowCount()))));
        return;
    }
    selectCustomer(plain - 1);
}

void ExplainPage::selectCustomer(std::int64_t row)
{
    if (!m_data || !m_table || row < 0 || static_cast<std::size_t>(row) >= m_table->rowCount()) {
        return;
    }
    m_customer = row;
    const QString name = customerName(row);
    if (m_customerEdit->text() != name &&
        !(m_data->model.idColumn.empty() && m_customerEdit->text() == QString::number(row + 1))) {
        m_customerEdit->setText(m_data->model.idColumn.empty() ? QString::number(row + 1) : name);
    }
    startAttribution();
}

void ExplainPage::startAttribution()
{
    if (m_attributionJob) {
        m_attributionJob->cancel();
    }
    m_scoreLabel->setText(tr("Explaining %1…").arg(customerName(m_customer)));
    const auto ready = m_data;
    const auto table = m_table;
    const std::int64_t row = m_customer;
    const std::uint64_t generation = m_generation;
    m_attributionJob = runJob<CustomerExplanation>(
        this,
        [ready, table, row](const JobProgress& progress) {
            const std::vector<std::int64_t> rows{row};
            const Matrix x = ready->model.recipe.transform(*table, rows);
            AttributionOptions options;
            options.output = ready->output;
            if (ready->task.kind == TaskKind::MultiClassification) {
                // Explain the class the network gives this customer.
                Matrix p;
                Network::Workspace ws;
                ready->network.predict(x, p, ws);
                p.col(0).maxCoeff(&options.output);
            }
            const AttributionResult a = attribute(ready->network, x, ready->baseline, options, progress);
            if (a.cancelled) {
                throw std::runtime_error("cancelled");
            }
            CustomerExplanation e;
            e.row = row;
            e.output = options.output;
            e.score = a.scores(0);
            e.baseline = a.baselineScore;
            e.completenessError = a.maxCompletenessError;
            const Matrix grouped = ready->groups.sum(a.values);
            for (std::size_t g = 0; g < ready->groups.size(); ++g) {
                e.effects.emplace_back(ready->groups.columns[g], grouped(static_cast<Index>(g), 0));
            }
            e.reasons = reasonCodes(a.values, ready->groups, *table, rows).front();
            return e;
        },
        [this, generation](QFutureWatcher<void>* job, std::optional<CustomerExplanation> result,
                           const QString& error) {
            if (m_attributionJob == job) {
                m_attributionJob = nullptr;
            }
            updateBusy();
            if (generation != m_generation || !result || result->row != m_customer) {
                if (!error.isEmpty() && generation == m_generation && m_attributionJob == nullptr) {
                    m_scoreLabel->setText(tr("This customer could not be explained: %1").arg(error));
                }
                return;
            }
            const CustomerExplanation& e = *result;
            m_score = e.score;
            m_baselineScore = e.baseline;
            const QString who =
                m_data->model.idColumn.empty() ? tr("Row %1").arg(e.row + 1) : customerName(e.row);
            const TargetSpec& target = m_data->model.target;
            if (m_data->task.kind != TaskKind::Regression) {
                m_scoreLabel->setText(tr("%1: the chance of %2 is %3 % (the average customer: %4 %)")
                                          .arg(who, outcomeName(target, m_table.get(), e.output),
                                               localNumber(100.0 * e.score, 1),
                                               localNumber(100.0 * e.baseline, 1)));
            } else {
                m_scoreLabel->setText(
                    tr("%1: predicted %2 is %3 (the average customer: %4)")
                        .arg(who, local(target.column), localNumber(e.score, 3), localNumber(e.baseline, 3)));
            }

            // The waterfall: the strongest pushes one by one, the rest together.
            std::vector<std::pair<std::string, double>> effects = e.effects;
            std::stable_sort(effects.begin(), effects.end(), [](const auto& a, const auto& b) {
                return std::abs(a.second) > std::abs(b.second);
            });
            m_waterfall.clear();
            double at = e.baseline;
            const std::size_t own = std::min<std::size_t>(effects.size(), kMaxWaterfallSteps);
            for (std::size_t k = 0; k < own; ++k) {
                m_waterfall.push_back({local(effects[k].first), at, at + effects[k].second});
                at += effects[k].second;
            }
            if (effects.size() > own) {
                double rest = 0.0;
                for (std::size_t k = own; k < effects.size(); ++k) {
                    rest += effects[k].second;
                }
                m_waterfall.push_back({tr("%1 other columns").arg(effects.size() - own), at, at + rest});
            }

            QCustomPlot* plot = m_waterfallPlot;
            plot->clearItems();
            const int n = static_cast<int>(m_waterfall.size());
            QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
            double low = std::min(e.baseline, e.score);
            double high = std::max(e.baseline, e.score);
            for (int k = 0; k < n; ++k) {
                const WaterfallStep& s = m_waterfall[static_cast<std::size_t>(k)];
                const double key = n - k;
                ticker->addTick(key, s.label);
                auto* rect = new QCPItemRect(plot);
                rect->setObjectName(QStringLiteral("step"));
                rect->topLeft->setCoords(s.from, key + 0.35);
                rect->bottomRight->setCoords(s.to, key - 0.35);
                const QColor colour = s.to >= s.from ? kPositive : kNegative;
                rect->setPen(Qt::NoPen);
                rect->setBrush(colour);
                auto* value = new QCPItemText(plot);
                value->position->setCoords(std::max(s.from, s.to), key);
                value->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
                value->setPadding(QMargins(6, 0, 0, 0));
                const double push = s.to - s.from;
                value->setText(std::abs(push) < 0.0005
                                   ? localNumber(0.0, 3)
                                   : QStringLiteral("%1%2").arg(push > 0.0 ? QStringLiteral("+") : QString(),
                                                                localNumber(push, 3)));
                value->setColor(kAxisText);
                value->setFont(scaledFont(font(), 0.9));
                if (k + 1 < n) { // a thin connector to the next bar
                    auto* link = new QCPItemLine(plot);
                    link->start->setCoords(s.to, key - 0.35);
                    link->end->setCoords(s.to, key - 0.65);
                    link->setPen(QPen(QColor(150, 150, 150), 1.0));
                }
                low = std::min({low, s.from, s.to});
                high = std::max({high, s.from, s.to});
            }
            // The two markers' labels on two rows, each on the side of its line with more room.
            const double middle = (low + high) / 2.0;
            const auto marker = [&](double x, double level, const QString& label, const QColor& colour) {
                auto* line = new QCPItemStraightLine(plot);
                line->point1->setCoords(x, 0);
                line->point2->setCoords(x, 1);
                line->setPen(QPen(colour, 1.5, Qt::DashLine));
                auto* text = new QCPItemText(plot);
                text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
                text->position->setCoords(x, level);
                text->setPositionAlignment((x > middle ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
                text->setPadding(QMargins(5, 1, 5, 1));
                text->setText(label);
                text->setColor(colour);
                text->setBrush(QBrush(QColor(255, 255, 255, 220)));
                text->setFont(scaledFont(font(), 0.9, QFont::DemiBold));
                text->setClipToAxisRect(false);
            };
            marker(e.baseline, 0.0, tr("average customer %1").arg(localNumber(e.baseline, 3)), kNeutral);
            marker(e.score, 0.05, tr("this customer %1").arg(localNumber(e.score, 3)), QColor(30, 30, 30));
            plot->yAxis->setTicker(ticker);
            plot->yAxis->setRange(0.4, n + 1.8);
            const double pad = (high - low) * 0.15 + 1e-6;
            plot->xAxis->setRange(low - pad, high + pad);
            plot->xAxis->setLabel(m_data->task.kind == TaskKind::Regression ? tr("Predicted value")
                                                                            : tr("Score (chance)"));
            plot->replot();
            m_waterfallCaption->setText(
                tr("Each bar is how far one column moved this customer's score away from the average "
                   "customer's (integrated gradients); blue up, orange down. Together the bars add up to the "
                   "difference, to within %1.")
                    .arg(localNumber(std::max(e.completenessError, 0.005), 3)));

            QString html;
            const auto list = [&html](const QString& title, const std::vector<Reason>& reasons,
                                      const QString& none, const QColor& colour) {
                html += QStringLiteral("<p style='margin-bottom:4px'><b style='color:%1'>%2</b></p>")
                            .arg(colour.name(), title.toHtmlEscaped());
                if (reasons.empty()) {
                    html += QStringLiteral("<p style='margin-left:12px'>%1</p>").arg(none.toHtmlEscaped());
                    return;
                }
                html += QStringLiteral("<ul style='margin-top:0px'>");
                for (const Reason& r : reasons) {
                    html += QStringLiteral("<li>%1</li>").arg(local(r.text).toHtmlEscaped());
                }
                html += QStringLiteral("</ul>");
            };
            list(tr("What pushed the score up"), e.reasons.up, tr("Nothing pushed it up noticeably."),
                 kPositive);
            list(tr("What pushed the score down"), e.reasons.down, tr("Nothing pushed it down noticeably."),
                 kNegative);
            html +=
                QStringLiteral("<p style='color:#64748b'>%1</p>")
                    .arg(tr("The numbers in brackets are how much each column moved the score, compared with "
                            "the average customer.")
                             .toHtmlEscaped());
            m_reasons->setText(html);
        },
        {});
    updateBusy();
}

} // namespace neurolift

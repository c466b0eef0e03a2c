// The Explain page: its header, the three tabs, and getting a run ready to explain.

#include "explain/explainpage.h"
#include "explain/explainpageparts.h"

#include <numeric>

namespace neurolift {

using namespace explainui;

namespace {

/// Each output's mean score over every row of `table`; throws once `progress` says cancelled.
Vector meanScores(const Network& network, const Recipe& recipe, const Table& table,
                  const JobProgress& progress)
{
    constexpr std::size_t kBlock = 8192; // rows prepared at a time
    Eigen::VectorXd sum = Eigen::VectorXd::Zero(network.outputSize());
    std::vector<std::int64_t> rows;
    Matrix p;
    Network::Workspace ws;
    for (std::size_t first = 0; first < table.rowCount(); first += kBlock) {
        rows.resize(std::min(kBlock, table.rowCount() - first));
        std::iota(rows.begin(), rows.end(), static_cast<std::int64_t>(first));
        network.predict(recipe.transform(table, rows), p, ws);
        sum += p.rowwise().sum().cast<double>();
        if (!progress(static_cast<double>(first + rows.size()) / static_cast<double>(table.rowCount()))) {
            throw std::runtime_error("cancelled"); // the result is dropped unread
        }
    }
    if (table.rowCount()) {
        sum /= static_cast<double>(table.rowCount());
    }
    return sum.cast<float>();
}

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
    m_averageLabel->clear(); // another run's
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
        tr("%1 network, %2 epochs").arg(storedName(run.model.architecture.name)).arg(run.history.size()));
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
        [table, model, split](const JobProgress& progress) {
            auto d = std::make_shared<RunData>(
                RunData{model.network(), model, model.target.taskSpec(), {}, {}, {}, {}, {}, 0, {}, {}, 0});
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
            d->meanScores = meanScores(d->network, model.recipe, *table, progress);
            d->customers = table->rowCount();
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

} // namespace neurolift

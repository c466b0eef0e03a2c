#include "segments/segmentspage.h"
#include "segments/segmentspageparts.h"

namespace neurolift {

using namespace segmentsui;

SegmentsPage::SegmentsPage(QWidget* parent)
    : RunPage(parent)
{
    setObjectName(QStringLiteral("segmentsPage"));

    auto* heading = new QLabel(tr("Target the right customers"), this);
    heading->setObjectName(QStringLiteral("heading"));
    heading->setFont(scaledFont(font(), 1.6, QFont::Bold));
    m_runPicker->setToolTip(tr("The training run whose scores this page shows."));
    m_exportButton = new QPushButton(tr("Export"), this);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setToolTip(
        tr("Write scored customers, the segment summary, the charts or the model as SQL."));
    createExportMenu(m_exportButton);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(heading);
    runRow->addStretch();
    runRow->addWidget(new QLabel(tr("Run:"), this));
    runRow->addWidget(m_runPicker);
    runRow->addSpacing(8);
    runRow->addWidget(m_runSummary);
    runRow->addSpacing(12);
    runRow->addWidget(m_exportButton);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("emptyState"));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setFont(scaledFont(font(), 1.25));
    m_emptyLabel->setMargin(40);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("sections"));
    m_tabs->setDocumentMode(true);
    m_contactTab = createContactTab();
    m_tabs->addTab(m_contactTab, tr("Whom to contact"));
    m_tabs->addTab(createQualityTab(), tr("How good is the model"));
    m_segmentsTab = createSegmentsTab();
    m_tabs->addTab(m_segmentsTab, tr("Segments"));
    m_tabs->addTab(createExportsTab(), tr("Exports"));

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_tabs);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addLayout(runRow);
    layout->addWidget(m_stack, 1);
}

SegmentsPage::~SegmentsPage()
{
    cancelWork();
}

// --- runs -------------------------------------------------------------------------------------

void SegmentsPage::setSavedSegments(const std::vector<SegmentRecord>& segments)
{
    m_saved = segments;
    const QString current = m_savedPicker->currentIndex() > 0 ? m_savedPicker->currentText() : QString();
    const QSignalBlocker block(m_savedPicker);
    m_savedPicker->clear();
    m_savedPicker->addItem(tr("(not saved)"));
    int select = 0;
    for (const SegmentRecord& s : m_saved) {
        m_savedPicker->addItem(local(s.name));
        if (local(s.name) == current) {
            select = m_savedPicker->count() - 1;
        }
    }
    m_savedPicker->setCurrentIndex(select);
    m_deleteSegments->setEnabled(select > 0);
}

void SegmentsPage::setExports(const std::vector<ExportRecord>& exports)
{
    m_exportTable->setRowCount(0);
    for (auto it = exports.rbegin(); it != exports.rend(); ++it) {
        const ExportRecord& e = *it;
        const int row = m_exportTable->rowCount();
        m_exportTable->insertRow(row);
        m_exportTable->setItem(row, 0,
                               cell(localDateTime(local(e.exportedAt)), Qt::AlignLeft | Qt::AlignVCenter));
        m_exportTable->setItem(row, 1, cell(exportKindName(e), Qt::AlignLeft | Qt::AlignVCenter));
        m_exportTable->setItem(row, 2, cell(e.run ? QString::number(*e.run) : QString()));
        m_exportTable->setItem(row, 3, cell(e.rows ? localCount(e.rows) : QString()));
        m_exportTable->setItem(
            row, 4, cell(QDir::toNativeSeparators(local(e.path)), Qt::AlignLeft | Qt::AlignVCenter));
    }
}

bool SegmentsPage::isBusy() const
{
    return m_dataJob || m_summaryJob || m_exportJob;
}

void SegmentsPage::updateBusy()
{
    const bool busy = isBusy();
    if (busy != m_busy) {
        m_busy = busy;
        emit busyChanged(busy);
    }
}

void SegmentsPage::cancelWork()
{
    for (QFutureWatcher<void>* job : {m_dataJob, m_summaryJob, m_exportJob}) {
        if (job) {
            job->cancel();
        }
    }
}

void SegmentsPage::dropStaleWork()
{
    ++m_generation;
    if (m_dataJob) {
        m_dataJob->cancel();
    }
}

void SegmentsPage::forgetRuns(const std::vector<std::int64_t>& keep)
{
    std::erase_if(m_runData, [&keep](const auto& entry) {
        return std::find(keep.begin(), keep.end(), entry.first) == keep.end();
    });
}

bool SegmentsPage::showsRunData() const
{
    return m_data != nullptr;
}

void SegmentsPage::cancelExport()
{
    if (m_exportJob) {
        m_exportJob->cancel();
    }
}

void SegmentsPage::showEmptyState(const QString& text)
{
    m_emptyLabel->setText(text);
    m_stack->setCurrentWidget(m_emptyLabel);
    m_exportButton->setEnabled(false);
}

const BinaryEvaluation* SegmentsPage::evaluation() const
{
    return m_data && m_data->binary ? &*m_data->binary : nullptr;
}

const RegressionEvaluation* SegmentsPage::regression() const
{
    return m_data && m_data->regression ? &*m_data->regression : nullptr;
}

void SegmentsPage::showRun()
{
    ++m_generation;
    if (m_dataJob) {
        m_dataJob->cancel();
    }
    m_data.reset();
    m_summary.clear();
    const bool haveRuns = !m_runs.empty();
    m_runPicker->setVisible(haveRuns);
    m_runSummary->setVisible(haveRuns);
    const RunRecord* run = shownRun();
    if (!run) {
        m_runSummary->clear();
        showEmptyState(
            tr("Train a model on the Train page first.\n\nThen this page shows whom to contact: how "
               "many of the customers you want a campaign reaches, segments such as hot, warm and "
               "cold, and files to take into other tools."));
        return;
    }
    m_runSummary->setText(
        tr("%1 network, %2 epochs").arg(storedName(run->model.architecture.name)).arg(run->history.size()));
    if (!m_table) {
        showEmptyState(tr("Reading the customer data…"));
        return;
    }
    if (run->model.weights.empty()) {
        showEmptyState(tr("This run stopped before it learned anything, so it cannot score customers. "
                          "Choose another run, or train again."));
        return;
    }
    if (run->model.target.task == TaskKind::MultiClassification) {
        showEmptyState(tr("This run predicts one of %1 answers. Whom to contact, lift and segments need a "
                          "yes/no answer: choose a yes/no target on the Data page and train again.")
                           .arg(run->model.target.classes.size()));
        return;
    }
    if (!run->split.empty() && run->split.size() != m_table->rowCount()) {
        showEmptyState(tr("This run was trained on other data (%1 rows; the project's data has %2). "
                          "Choose another run, or train again on the current data.")
                           .arg(localCount(run->split.size()), localCount(m_table->rowCount())));
        return;
    }
    const std::int64_t key = runKey(m_run);
    if (const auto it = m_runData.find(key); it != m_runData.end()) {
        onRunDataReady(key, it->second, {});
        return;
    }
    showEmptyState(tr("Scoring %1 customers…").arg(localCount(m_table->rowCount())));
    const std::uint64_t generation = m_generation;
    const auto table = m_table;
    const RunRecord record = *run;
    m_dataJob = runJob<std::shared_ptr<const RunData>>(
        this,
        [table, record](const JobProgress&) {
            auto d = std::make_shared<RunData>();
            d->model = record.model;
            d->runId = record.id;
            d->all = scoreTable(*table, d->model, 0);
            d->sorted = d->all;
            std::sort(d->sorted.begin(), d->sorted.end(), std::greater<>());
            const TargetValues targets = targetValues(*table, d->model.target);
            std::vector<std::int64_t> rows = keptSplit(record.split, *table, d->model.target).test;
            if (rows.empty()) {
                for (std::size_t r = 0; r < table->rowCount(); ++r) {
                    if (!std::isnan(targets.values[r])) {
                        rows.push_back(static_cast<std::int64_t>(r));
                    }
                }
                d->notes = tr("This run does not say which rows it was tested on, so every customer with an "
                              "answer is used, also those it learned from: the figures look better than they "
                              "will be on new customers.");
            }
            const bool binary = d->model.target.task == TaskKind::BinaryClassification;
            for (const std::int64_t row : rows) {
                const float y = targets.values[static_cast<std::size_t>(row)];
                if (std::isnan(y)) {
                    continue;
                }
                d->test.push_back(d->all[static_cast<std::size_t>(row)]);
                d->labels.push_back(binary ? (y >= 0.5f ? 1.0f : 0.0f) : y);
            }
            if (d->test.empty()) {
                throw std::invalid_argument(tr("the run has no test customers with an answer").toStdString());
            }
            if (binary) {
                d->binary = evaluateBinary(d->test, d->labels);
                d->positive = positiveName(d->model.target, *table);
            } else {
                d->regression = evaluateRegression(d->test, d->labels);
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
        });
    updateBusy();
}

void SegmentsPage::onRunDataReady(std::int64_t key, std::shared_ptr<const RunData> ready,
                                  const QString& error)
{
    if (!ready) {
        showEmptyState(error.isEmpty() ? tr("Scoring the customers was stopped.")
                                       : tr("This run cannot score the project's customers: %1").arg(error));
        return;
    }
    m_runData[key] = ready;
    m_data = ready;
    m_stack->setCurrentWidget(m_tabs);
    m_exportButton->setEnabled(true);
    if (m_data->binary) {
        showBinary();
    } else {
        showRegression();
    }
}

} // namespace neurolift

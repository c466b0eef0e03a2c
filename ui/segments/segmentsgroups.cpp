// The "Segments" tab: the definition being edited, its summary, saved definitions.

#include "segments/segmentspage.h"
#include "segments/segmentspageparts.h"

namespace neurolift {

using namespace segmentsui;

QWidget* SegmentsPage::createSegmentsTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("segmentsTab"));

    m_savedPicker = new QComboBox(tab);
    m_savedPicker->setObjectName(QStringLiteral("savedSegments"));
    m_savedPicker->setToolTip(tr("Segment definitions saved in this project."));
    m_saveSegments = new QPushButton(tr("Save As…"), tab);
    m_saveSegments->setObjectName(QStringLiteral("saveSegments"));
    m_saveSegments->setToolTip(tr("Keep these segments in the project under a name, for exports and the "
                                  "command line (neurolift-cli export --segment NAME)."));
    m_deleteSegments = new QPushButton(tr("Delete"), tab);
    m_deleteSegments->setObjectName(QStringLiteral("deleteSegments"));
    connect(m_savedPicker, &QComboBox::activated, this, &SegmentsPage::loadSavedSegments);
    connect(m_saveSegments, &QPushButton::clicked, this, &SegmentsPage::saveSegmentsAs);
    connect(m_deleteSegments, &QPushButton::clicked, this, &SegmentsPage::deleteSavedSegments);
    // The picker shows its whole name; the buttons go under it, so the panel stays narrow.
    m_savedPicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* savedRow = new QHBoxLayout;
    savedRow->addWidget(new QLabel(tr("Saved:"), tab));
    savedRow->addWidget(m_savedPicker, 1);
    auto* savedButtons = new QHBoxLayout;
    savedButtons->addWidget(m_saveSegments);
    savedButtons->addWidget(m_deleteSegments);
    savedButtons->addStretch();

    m_editor = new SegmentEditor(tab);
    m_editor->setObjectName(QStringLiteral("segmentEditor"));
    connect(m_editor, &SegmentEditor::definitionChanged, this, &SegmentsPage::summarise);
    auto* left = new QWidget(tab);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 8, 0);
    leftLayout->addWidget(titleLabel(tr("How to split the customers"), left));
    leftLayout->addLayout(savedRow);
    leftLayout->addLayout(savedButtons);
    leftLayout->addWidget(m_editor, 1);

    m_segmentCaption = captionLabel(tab, QStringLiteral("segmentCaption"));
    m_summaryTable = figureTable(tab, QStringLiteral("segmentSummary"),
                                 {tr("Segment"), tr("Customers"), tr("Share"), tr("Scores"),
                                  tr("Expected\nrate"), tr("Expected\nlift"), tr("Test\ncustomers"),
                                  tr("Observed\nrate"), tr("Observed\nlift")});
    m_segmentPlot = new QCustomPlot(tab);
    m_segmentPlot->setObjectName(QStringLiteral("segmentPlot"));
    stylePlot(m_segmentPlot, font());
    m_segmentPlot->yAxis->setLabel(tr("Response rate (%)"));
    m_segmentPlot->xAxis->grid()->setVisible(false);
    auto* group = new QCPBarsGroup(m_segmentPlot);
    auto* expected = new QCPBars(m_segmentPlot->xAxis, m_segmentPlot->yAxis);
    expected->setName(tr("Expected (mean score)"));
    expected->setPen(Qt::NoPen);
    expected->setBrush(kModel.lighter(150));
    expected->setWidth(0.35);
    expected->setBarsGroup(group);
    auto* observed = new QCPBars(m_segmentPlot->xAxis, m_segmentPlot->yAxis);
    observed->setName(tr("Observed on test customers"));
    observed->setPen(Qt::NoPen);
    observed->setBrush(kModel);
    observed->setWidth(0.35);
    observed->setBarsGroup(group);
    legendBelow(m_segmentPlot);

    auto* right = new QSplitter(Qt::Vertical, tab);
    right->setChildrenCollapsible(false);
    right->addWidget(titled(tab, tr("The segments"), m_summaryTable, m_segmentCaption));
    right->addWidget(titled(tab, tr("Response rate by segment"), m_segmentPlot));
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 3);

    auto* splitter = new QSplitter(Qt::Horizontal, tab);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->addWidget(splitter);
    setSavedSegments({});
    return tab;
}

// --- segments ---------------------------------------------------------------------------------

SegmentDefinition SegmentsPage::segmentDefinition() const
{
    return m_editor->definition();
}

void SegmentsPage::setSegmentDefinition(const SegmentDefinition& definition)
{
    m_editor->setDefinition(definition);
}

void SegmentsPage::summarise()
{
    if (!m_data || !m_data->binary) {
        return;
    }
    SegmentDefinition definition;
    try {
        definition = m_editor->definition();
    } catch (const std::invalid_argument&) {
        return; // the editor says why
    }
    if (m_summaryJob) {
        m_summaryJob->cancel();
    }
    const std::uint64_t generation = ++m_summaryGeneration;
    m_summary.clear();
    m_segmentCaption->setText(tr("Counting…"));
    const auto shown = m_data;
    m_summaryJob = runJob<std::vector<SegmentStats>>(
        this,
        [shown, definition](const JobProgress&) {
            return summariseSegments(definition, shown->all, shown->test, shown->labels);
        },
        [this, generation](QFutureWatcher<void>* job, std::optional<std::vector<SegmentStats>> summary,
                           const QString& error) {
            if (m_summaryJob == job) {
                m_summaryJob = nullptr;
                updateBusy();
            }
            if (generation != m_summaryGeneration) {
                return;
            }
            if (!summary) {
                m_segmentCaption->setText(error);
                return;
            }
            m_summary = std::move(*summary);
            showSummary();
        });
    updateBusy();
}

void SegmentsPage::showSummary()
{
    m_summaryTable->setRowCount(0);
    QVector<double> ticks, expected, observed;
    QVector<QString> labels;
    for (const SegmentStats& s : m_summary) {
        const int row = m_summaryTable->rowCount();
        m_summaryTable->insertRow(row);
        m_summaryTable->setItem(row, 0, cell(local(s.name), Qt::AlignLeft | Qt::AlignVCenter));
        m_summaryTable->setItem(row, 1, cell(localCount(s.customers)));
        m_summaryTable->setItem(row, 2, cell(localPercent(s.share)));
        m_summaryTable->setItem(
            row, 3,
            cell(s.customers ? tr("%1 – %2").arg(localNumber(s.minScore, 3), localNumber(s.maxScore, 3))
                             : QStringLiteral("–")));
        m_summaryTable->setItem(row, 4, cell(s.customers ? localPercent(s.meanScore) : QStringLiteral("–")));
        m_summaryTable->setItem(
            row, 5, cell(s.customers ? tr("%1×").arg(localNumber(s.expectedLift, 2)) : QStringLiteral("–")));
        m_summaryTable->setItem(row, 6, cell(localCount(s.testCustomers)));
        m_summaryTable->setItem(row, 7,
                                cell(s.observedRate ? localPercent(*s.observedRate) : QStringLiteral("–")));
        m_summaryTable->setItem(
            row, 8,
            cell(s.observedLift ? tr("%1×").arg(localNumber(*s.observedLift, 2)) : QStringLiteral("–")));
        ticks << row + 1;
        labels << local(s.name);
        expected << 100.0 * s.meanScore;
        observed << (s.observedRate ? 100.0 * *s.observedRate : 0.0);
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTicks(ticks, labels);
    m_segmentPlot->xAxis->setTicker(ticker);
    m_segmentPlot->xAxis->setRange(0.4, ticks.size() + 0.6);
    qobject_cast<QCPBars*>(m_segmentPlot->plottable(0))->setData(ticks, expected, true);
    qobject_cast<QCPBars*>(m_segmentPlot->plottable(1))->setData(ticks, observed, true);
    m_segmentPlot->rescaleAxes();
    m_segmentPlot->xAxis->setRange(0.4, ticks.size() + 0.6);
    m_segmentPlot->yAxis->setRange(0, std::max(5.0, m_segmentPlot->yAxis->range().upper * 1.15));
    m_segmentPlot->replot(QCustomPlot::rpQueuedReplot);
    fitColumns(m_summaryTable);
    m_segmentCaption->setText(
        tr("%1 customers in %2 segments. Expected rates are the mean scores of all customers; observed rates "
           "are counted on the %3 test customers.")
            .arg(localCount(m_data->all.size()))
            .arg(m_summary.size())
            .arg(localCount(m_data->test.size())));
}

void SegmentsPage::saveSegmentsAs()
{
    SegmentDefinition definition;
    try {
        definition = m_editor->definition();
    } catch (const std::invalid_argument& e) {
        QMessageBox::information(this, tr("Save Segments"), QString::fromUtf8(e.what()));
        return;
    }
    const QString suggested =
        m_savedPicker->currentIndex() > 0 ? m_savedPicker->currentText() : tr("segments");
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save Segments"), tr("Name:"), QLineEdit::Normal, suggested, &ok)
            .trimmed();
    if (!ok || name.isEmpty()) {
        return;
    }
    nlohmann::json stored = definition.toJson();
    if (const RunRecord* run = shownRun(); run && run->id != 0) {
        stored["run"] = run->id;
    }
    // Selected once the owner stores it and gives the list back.
    const QSignalBlocker block(m_savedPicker);
    m_savedPicker->addItem(name);
    m_savedPicker->setCurrentIndex(m_savedPicker->count() - 1);
    emit segmentsSaved(name, stored);
}

void SegmentsPage::deleteSavedSegments()
{
    const int index = m_savedPicker->currentIndex();
    if (index <= 0) {
        return;
    }
    emit segmentsRemoved(m_savedPicker->currentText());
}

void SegmentsPage::loadSavedSegments(int index)
{
    m_deleteSegments->setEnabled(index > 0);
    if (index <= 0 || index > static_cast<int>(m_saved.size())) {
        return;
    }
    try {
        m_editor->setDefinition(
            SegmentDefinition::fromJson(m_saved[static_cast<std::size_t>(index - 1)].definition));
    } catch (const std::invalid_argument& e) {
        QMessageBox::warning(this, tr("Saved Segments"),
                             tr("The segments \"%1\" cannot be read: %2")
                                 .arg(m_savedPicker->currentText(), QString::fromUtf8(e.what())));
    }
}

} // namespace neurolift

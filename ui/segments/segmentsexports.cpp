// Exports from the Segments page and the export history.

#include "segments/segmentspage.h"
#include "segments/segmentspageparts.h"

namespace neurolift {

using namespace segmentsui;

QWidget* SegmentsPage::createExportsTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("exportsTab"));
    m_exportTable = figureTable(tab, QStringLiteral("exportHistory"),
                                {tr("When"), tr("What"), tr("Run"), tr("Rows"), tr("File")});
    auto* caption = captionLabel(tab, QStringLiteral("exportsCaption"));
    caption->setText(tr("Every file written from this project, newest first. Use Export at the top right to "
                        "write scored customers (CSV or Excel), the segment summary, the charts, or the "
                        "model as SQL."));
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->addWidget(caption);
    layout->addWidget(m_exportTable, 1);
    return tab;
}

void SegmentsPage::createExportMenu(QPushButton* button)
{
    auto* menu = new QMenu(button);
    menu->setObjectName(QStringLiteral("exportMenu"));
    menu->addAction(tr("Scored Customers…"), this, &SegmentsPage::exportScoresWithDialog);
    menu->addAction(tr("Segment Summary…"), this, &SegmentsPage::exportSummaryWithDialog);
    menu->addAction(tr("Charts…"), this, &SegmentsPage::exportChartsWithDialog);
    menu->addAction(tr("Model as SQL…"), this, &SegmentsPage::exportSqlWithDialog);
    button->setMenu(menu);
}

// --- exports ----------------------------------------------------------------------------------

QString SegmentsPage::suggestedName(const QString& what, const QString& suffix) const
{
    const RunRecord* run = shownRun();
    const QString name = run && run->id ? tr("%1-run-%2").arg(what).arg(run->id) : what;
    return QDir(QDir::homePath()).filePath(name + QLatin1Char('.') + suffix);
}

void SegmentsPage::record(ExportRecord record)
{
    emit exported(record);
}

void SegmentsPage::exportScoresWithDialog()
{
    if (!m_data || !m_table) {
        return;
    }
    QStringList columns, preselected;
    for (const Column& c : m_table->columns()) {
        columns << local(c.name);
    }
    if (!m_data->model.idColumn.empty()) {
        preselected << local(m_data->model.idColumn);
    }
    const bool segments = m_data->binary && m_editor->problem().isEmpty();
    ExportDialog dialog(columns, preselected, suggestedName(tr("scored-customers"), QStringLiteral("csv")),
                        segments, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    ScoredExportOptions options = dialog.options();
    if (dialog.includeSegments()) {
        options.segments = m_editor->definition();
    }
    startScoreExport(std::move(options));
}

void SegmentsPage::startScoreExport(ScoredExportOptions options)
{
    const RunRecord* run = shownRun();
    if (!m_data || !m_table || !run || m_exportJob) {
        emit exportFinished(false, false, tr("Nothing to export yet, or an export is already running."));
        return;
    }
    const QString path = QString::fromStdString(options.path);
    options.words = m_words; // reasons in the user's words, as on the Explain page
    const auto table = m_table;
    const auto shown = m_data;
    const std::vector<std::uint8_t> split = run->split;
    std::optional<std::int64_t> savedId;
    if (options.segments && m_savedPicker->currentIndex() > 0) {
        const SegmentRecord& saved = m_saved[static_cast<std::size_t>(m_savedPicker->currentIndex() - 1)];
        try {
            if (SegmentDefinition::fromJson(saved.definition) == *options.segments) {
                savedId = saved.id;
            }
        } catch (const std::invalid_argument&) {
        }
    }
    const std::int64_t runId = shown->runId;
    emit taskStarted(tr("Exporting customers to %1…").arg(QFileInfo(path).fileName()));
    m_exportJob = runJob<std::pair<ExportResult, ExportRecord>>(
        this,
        [table, shown, split, options, runId, savedId](const JobProgress& progress) mutable {
            if (options.reasons > 0) {
                const Split parts = keptSplit(split, *table, shown->model.target);
                std::vector<std::int64_t> rows = parts.train;
                if (rows.empty()) {
                    rows.resize(table->rowCount());
                    for (std::size_t r = 0; r < rows.size(); ++r) {
                        rows[r] = static_cast<std::int64_t>(r);
                    }
                }
                options.baseline = meanBaseline(shown->model.recipe.transform(*table, rows));
            }
            ExportResult result = exportScores(*table, shown->model, options, progress);
            ExportRecord record =
                exportRecordFor(options, result, runId != 0 ? std::optional(runId) : std::nullopt, savedId);
            return std::make_pair(std::move(result), std::move(record));
        },
        [this, path](QFutureWatcher<void>*, std::optional<std::pair<ExportResult, ExportRecord>> outcome,
                     const QString& error) {
            m_exportJob = nullptr;
            updateBusy();
            emit taskEnded();
            const QString file = QDir::toNativeSeparators(path);
            if (!outcome || outcome->first.cancelled) {
                emit exportFinished(false, error.isEmpty(),
                                    error.isEmpty() ? tr("The export to %1 was cancelled; no file was "
                                                         "written.")
                                                          .arg(file)
                                                    : tr("Cannot export to %1: %2").arg(file, error));
                return;
            }
            record(outcome->second);
            emit exportFinished(
                true, false, tr("%1 customers exported to %2.").arg(localCount(outcome->first.rows), file));
        },
        [this](double fraction) { emit taskProgress(fraction); });
    updateBusy();
}

bool SegmentsPage::exportSegmentSummary(const QString& path, QString* error)
{
    if (m_summary.empty()) {
        if (error) {
            *error = tr("There are no segments to write yet.");
        }
        return false;
    }
    try {
        writeSegmentSummaryCsv(path.toStdString(), m_summary);
    } catch (const std::exception& e) {
        if (error) {
            *error = QString::fromUtf8(e.what());
        }
        return false;
    }
    ExportRecord e;
    e.path = QFileInfo(path).absoluteFilePath().toStdString();
    if (m_data && m_data->runId) {
        e.run = m_data->runId;
    }
    e.rows = m_summary.size();
    e.details = {{"kind", "segment_summary"}, {"format", "csv"}};
    if (m_savedPicker->currentIndex() > 0) {
        e.details["segments"] = m_savedPicker->currentText().toStdString();
        e.segment = m_saved[static_cast<std::size_t>(m_savedPicker->currentIndex() - 1)].id;
    }
    record(e);
    return true;
}

std::vector<QCustomPlot*> SegmentsPage::shownPlots() const
{
    switch (m_tabs->currentIndex()) {
    case QualityTab:
        return m_qualityStack->currentIndex() == 0
                   ? std::vector<QCustomPlot*>{m_liftPlot, m_rocPlot, m_prPlot, m_calibrationPlot}
                   : std::vector<QCustomPlot*>{m_actualPlot, m_residualPlot, m_residualHistogram};
    case SegmentsTab:
        return {m_segmentPlot};
    default:
        return {m_gainsPlot, m_histogramPlot, m_profitPlot};
    }
}

bool SegmentsPage::exportCharts(const QString& path)
{
    const std::vector<QCustomPlot*> plots = shownPlots();
    if (!m_data || !exportPlots(path, plots, tr("NeuroLift evaluation charts"), 1200,
                                static_cast<int>(450 * plots.size()))) {
        return false;
    }
    recordCharts(path);
    return true;
}

void SegmentsPage::recordCharts(const QString& path)
{
    ExportRecord e;
    e.path = QFileInfo(path).absoluteFilePath().toStdString();
    if (m_data->runId) {
        e.run = m_data->runId;
    }
    e.details = {{"kind", "charts"}, {"format", QFileInfo(path).suffix().toLower().toStdString()}};
    record(e);
}

bool SegmentsPage::exportSql(const QString& path, SqlDialect dialect, const QString& table, QString* error)
{
    if (!m_data) {
        return false;
    }
    try {
        SqlExportOptions options;
        options.dialect = dialect;
        options.table = table.toStdString();
        const std::string sql = modelSql(m_data->model, options);
        AtomicFile file(path.toStdString());
        file.write(sql);
        file.commit();
    } catch (const std::exception& e) {
        if (error) {
            *error = QString::fromUtf8(e.what());
        }
        return false;
    }
    ExportRecord e;
    e.path = QFileInfo(path).absoluteFilePath().toStdString();
    if (m_data->runId) {
        e.run = m_data->runId;
    }
    e.details = {{"kind", "sql"},
                 {"dialect", dialect == SqlDialect::Sqlite ? "sqlite" : "postgres"},
                 {"table", table.toStdString()}};
    record(e);
    return true;
}

void SegmentsPage::exportSummaryWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the Segment Summary"), suggestedName(tr("segment-summary"), QStringLiteral("csv")),
        tr("CSV file (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!exportSegmentSummary(path, &error)) {
        QMessageBox::warning(this, tr("Export the Segment Summary"), error);
    }
}

void SegmentsPage::exportChartsWithDialog()
{
    if (!m_data) {
        return;
    }
    const std::vector<QCustomPlot*> plots = shownPlots();
    const QString path = exportPlotsWithDialog(
        this, plots, tr("NeuroLift evaluation charts"),
        QFileInfo(suggestedName(tr("charts"), QStringLiteral("png"))).completeBaseName());
    if (!path.isEmpty()) {
        recordCharts(path);
    }
}

void SegmentsPage::exportSqlWithDialog()
{
    if (!m_data) {
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Export the Model as SQL"));
    auto* dialect = new QComboBox(&dialog);
    dialect->addItem(tr("SQLite"));
    dialect->addItem(tr("PostgreSQL"));
    auto* table = new QLineEdit(QStringLiteral("customers"), &dialog);
    table->setToolTip(tr("The table holding your customers, with the columns the model was trained on."));
    auto* note = captionLabel(&dialog, QStringLiteral("sqlNote"));
    note->setText(
        tr("One SELECT statement that computes the same score as NeuroLift, row by row, inside your "
           "database."));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto* form = new QFormLayout(&dialog);
    form->addRow(note);
    form->addRow(tr("Database:"), dialect);
    form->addRow(tr("Customer table:"), table);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted || table->text().trimmed().isEmpty()) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the Model as SQL"),
                                                      suggestedName(tr("model"), QStringLiteral("sql")),
                                                      tr("SQL file (*.sql)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!exportSql(path, dialect->currentIndex() == 0 ? SqlDialect::Sqlite : SqlDialect::Postgres,
                   table->text().trimmed(), &error)) {
        QMessageBox::warning(this, tr("Export the Model as SQL"),
                             tr("The model cannot be written as SQL: %1").arg(error));
    }
}

} // namespace neurolift

// The "What matters" tab: permutation importance and partial dependence.

#include "explain/explainpage.h"
#include "explain/explainpageparts.h"

namespace neurolift {

using namespace explainui;

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
    const QFontMetrics names(plot->yAxis->tickLabelFont());
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
        ticker->addTick(key, names.elidedText(local(c.column), Qt::ElideMiddle, kMaxTickLabelWidth));
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
    if (const RunRecord* run = shownRun(); auc && run) {
        if (const QString figure = testFigure(*run); !figure.isEmpty()) {
            // Not the same customers as the test figure beside the run, so not the same number.
            caption += u' ' + tr("The run's %1 is measured on other customers, kept apart from training "
                                 "and from choosing when to stop.")
                                  .arg(figure);
        }
    }
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

} // namespace neurolift

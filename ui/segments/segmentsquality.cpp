// The "How good is the model" tab: lift, ROC, PR and calibration, deciles; errors of number models.

#include "segments/segmentspage.h"
#include "segments/segmentspageparts.h"

namespace neurolift {

using namespace segmentsui;

namespace {

/// Narrow enough for two charts beside the decile table on a laptop, tall enough for the axis titles.
const QSize kQualityChartSize(200, 230);

} // namespace

QWidget* SegmentsPage::createQualityTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("qualityTab"));

    auto makePlot = [&](const QString& name, const QString& x, const QString& y) {
        auto* plot = new QCustomPlot(tab);
        plot->setObjectName(name);
        stylePlot(plot, font());
        plot->xAxis->setLabel(x);
        plot->yAxis->setLabel(y);
        return plot;
    };
    m_rocPlot = makePlot(QStringLiteral("rocPlot"), tr("False positive rate"), tr("True positive rate"));
    addLine(m_rocPlot, tr("This model"), kModel);
    addLine(m_rocPlot, tr("Guessing"), kRandom, Qt::DashLine, 1.5);
    legendBelow(m_rocPlot);
    m_prPlot = makePlot(QStringLiteral("prPlot"), tr("Recall"), tr("Precision"));
    m_prPlot->setToolTip(
        tr("Recall: the share of all positives that the cut reaches. Precision: the share of "
           "positives among those contacted. AP: the average precision over all cuts."));
    addLine(m_prPlot, tr("This model"), kModel);
    addLine(m_prPlot, tr("Guessing"), kRandom, Qt::DashLine, 1.5);
    legendBelow(m_prPlot);
    m_liftPlot = makePlot(QStringLiteral("liftPlot"), tr("Contacted (%)"), tr("Lift (× random)"));
    addLine(m_liftPlot, tr("This model"), kModel);
    addLine(m_liftPlot, tr("At random"), kRandom, Qt::DashLine, 1.5);
    legendBelow(m_liftPlot);
    m_calibrationPlot = makePlot(QStringLiteral("calibrationPlot"), tr("Score"), tr("Observed rate"));
    QCPGraph* calibration = addLine(m_calibrationPlot, tr("This model"), kModel);
    calibration->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, kModel, Qt::white, 7));
    addLine(m_calibrationPlot, tr("Perfectly calibrated"), kRandom, Qt::DashLine, 1.5);
    legendBelow(m_calibrationPlot);

    m_qualityCaption = captionLabel(tab, QStringLiteral("qualityCaption"));
    m_qualityCaption->setForegroundRole(QPalette::WindowText);
    m_qualityCaption->setFont(scaledFont(font(), 1.1));
    m_deciles = figureTable(tab, QStringLiteral("decileTable"),
                            {tr("Decile"), tr("Customers"), tr("Positives"), tr("Rate"), tr("Lift"),
                             tr("Cum. gain"), tr("Cum. lift"), tr("Scores")});
    m_deciles->horizontalHeaderItem(3)->setToolTip(tr("Response rate: the share of positives in the group."));
    m_deciles->horizontalHeaderItem(5)->setToolTip(
        tr("Cumulative gain: the share of all positives in this group and the ones above it."));
    m_deciles->horizontalHeaderItem(6)->setToolTip(tr(
        "Cumulative lift: how many times the rate of random contacts this group and the ones above reach."));

    auto* grid = new QGridLayout;
    grid->setSpacing(10);
    grid->addWidget(titled(tab, tr("Lift by share contacted"), m_liftPlot), 0, 0);
    grid->addWidget(titled(tab, tr("ROC curve"), m_rocPlot), 0, 1);
    grid->addWidget(titled(tab, tr("Precision and recall"), m_prPlot), 1, 0);
    grid->addWidget(titled(tab, tr("Do scores mean what they say? (calibration)"), m_calibrationPlot), 1, 1);
    auto* chartBox = new QWidget(tab);
    chartBox->setLayout(grid);
    // Each chart keeps room for its axis titles and legend; on a small screen the charts scroll.
    for (QCustomPlot* plot : {m_liftPlot, m_rocPlot, m_prPlot, m_calibrationPlot}) {
        plot->setMinimumSize(kQualityChartSize);
    }
    auto* chartScroll = new QScrollArea(tab);
    chartScroll->setObjectName(QStringLiteral("qualityCharts"));
    chartScroll->setWidget(chartBox);
    chartScroll->setWidgetResizable(true);
    chartScroll->setFrameShape(QFrame::NoFrame);
    chartScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    chartScroll->setMinimumWidth(2 * kQualityChartSize.width() + 40);
    auto* binarySplitter = new QSplitter(Qt::Horizontal, tab);
    binarySplitter->setChildrenCollapsible(false);
    binarySplitter->addWidget(chartScroll);
    binarySplitter->addWidget(titled(tab, tr("The test customers in ten groups by score"), m_deciles));
    binarySplitter->setStretchFactor(0, 3);
    binarySplitter->setStretchFactor(1, 2);
    auto* binary = new QWidget(tab);
    auto* binaryLayout = new QVBoxLayout(binary);
    binaryLayout->setContentsMargins(0, 0, 0, 0);
    binaryLayout->addWidget(m_qualityCaption);
    binaryLayout->addWidget(binarySplitter, 1);

    // Number models.
    m_regressionCaption = captionLabel(tab, QStringLiteral("regressionCaption"));
    m_regressionCaption->setForegroundRole(QPalette::WindowText);
    m_regressionCaption->setFont(scaledFont(font(), 1.1));
    m_actualPlot = makePlot(QStringLiteral("actualPlot"), tr("Predicted"), tr("Actual"));
    m_residualPlot = makePlot(QStringLiteral("residualPlot"), tr("Predicted"), tr("Actual − predicted"));
    m_residualHistogram =
        makePlot(QStringLiteral("residualHistogram"), tr("Actual − predicted"), tr("Test customers"));
    auto* regressionCharts = new QHBoxLayout;
    regressionCharts->addWidget(titled(tab, tr("Predicted against actual"), m_actualPlot), 1);
    regressionCharts->addWidget(titled(tab, tr("Errors by prediction"), m_residualPlot), 1);
    regressionCharts->addWidget(titled(tab, tr("How large the errors are"), m_residualHistogram), 1);
    auto* regression = new QWidget(tab);
    auto* regressionLayout = new QVBoxLayout(regression);
    regressionLayout->setContentsMargins(0, 0, 0, 0);
    regressionLayout->addWidget(m_regressionCaption);
    regressionLayout->addLayout(regressionCharts, 1);

    m_qualityStack = new QStackedWidget(tab);
    m_qualityStack->addWidget(binary);
    m_qualityStack->addWidget(regression);
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->addWidget(m_qualityStack);
    return tab;
}

// --- yes/no models ----------------------------------------------------------------------------

void SegmentsPage::showBinary()
{
    const BinaryEvaluation& e = *m_data->binary;
    m_tabs->setTabEnabled(ContactTab, true);
    m_tabs->setTabEnabled(SegmentsTab, true);
    m_qualityStack->setCurrentIndex(0);

    m_qualityCaption->setText(
        tr("On %1 test customers the model did not learn from (%2 of them %3): AUC %4, so a customer with %3 "
           "scores higher than one without %5 of the time (guessing: 50 %). The top tenth holds %6 of the "
           "positives.")
            .arg(localCount(e.rows), localPercent(e.baseRate), m_data->positive, localNumber(e.auc, 3),
                 localPercent(e.auc),
                 localPercent(e.deciles.empty() ? 0.0 : e.deciles.front().cumulativeGain)) +
        (m_data->notes.isEmpty() ? QString() : u'\n' + m_data->notes));

    // Gains and lift.
    QVector<double> x, model, random, perfect, lift, one;
    for (const GainsPoint& p : e.gains) {
        x << 100.0 * p.contacted;
        model << 100.0 * p.model;
        random << 100.0 * p.random;
        perfect << 100.0 * p.perfect;
        lift << p.lift;
        one << 1.0;
    }
    m_gainsPlot->graph(0)->setData(x, model, true);
    m_gainsPlot->graph(1)->setData(x, random, true);
    m_gainsPlot->graph(2)->setData(x, perfect, true);
    m_gainsPlot->xAxis->setRange(0, 100);
    m_gainsPlot->yAxis->setRange(0, 102);
    m_liftPlot->graph(0)->setData(x.mid(1), lift.mid(1), true);
    m_liftPlot->graph(1)->setData(x, one, true);
    m_liftPlot->xAxis->setRange(0, 100);
    m_liftPlot->graph(0)->rescaleValueAxis();
    m_liftPlot->yAxis->setRangeLower(0);
    m_liftPlot->yAxis->setRangeUpper(std::max(1.2, m_liftPlot->yAxis->range().upper * 1.08));

    // ROC and precision-recall.
    QVector<double> fpr, tpr;
    for (const RocPoint& p : e.roc) {
        fpr << p.falsePositiveRate;
        tpr << p.truePositiveRate;
    }
    m_rocPlot->graph(0)->setData(fpr, tpr, true);
    m_rocPlot->graph(0)->setName(tr("This model (AUC %1)").arg(localNumber(e.auc, 3)));
    m_rocPlot->graph(1)->setData({0.0, 1.0}, {0.0, 1.0}, true);
    m_rocPlot->xAxis->setRange(0, 1);
    m_rocPlot->yAxis->setRange(0, 1.02);
    QVector<double> recall, precision;
    for (const PrPoint& p : e.pr) {
        recall << p.recall;
        precision << p.precision;
    }
    m_prPlot->graph(0)->setData(recall, precision, true);
    m_prPlot->graph(0)->setName(tr("This model (AP %1)").arg(localNumber(e.averagePrecision, 3)));
    m_prPlot->graph(1)->setData({0.0, 1.0}, {e.baseRate, e.baseRate}, true);
    m_prPlot->xAxis->setRange(0, 1);
    m_prPlot->yAxis->setRange(0, 1.02);
    for (QCustomPlot* plot : {m_rocPlot, m_prPlot}) {
        fitLegend(plot); // the names now carry the AUC and the average precision
    }

    // Calibration.
    QVector<double> meanScore, observed;
    for (const CalibrationBin& b : e.calibration) {
        if (b.count > 0) {
            meanScore << b.meanScore;
            observed << b.observedRate;
        }
    }
    m_calibrationPlot->graph(0)->setData(meanScore, observed, true);
    m_calibrationPlot->graph(1)->setData({0.0, 1.0}, {0.0, 1.0}, true);
    m_calibrationPlot->xAxis->setRange(0, 1);
    m_calibrationPlot->yAxis->setRange(0, 1.02);

    // Deciles.
    m_deciles->setRowCount(0);
    for (const QuantileRow& r : e.deciles) {
        const int row = m_deciles->rowCount();
        m_deciles->insertRow(row);
        m_deciles->setItem(row, 0, cell(QString::number(r.group), Qt::AlignCenter));
        m_deciles->setItem(row, 1, cell(localCount(static_cast<unsigned long long>(r.customers))));
        m_deciles->setItem(row, 2, cell(localCount(static_cast<unsigned long long>(r.positives))));
        m_deciles->setItem(row, 3, cell(r.customers ? localPercent(r.responseRate) : QStringLiteral("–")));
        m_deciles->setItem(row, 4,
                           cell(r.customers ? tr("%1×").arg(localNumber(r.lift, 2)) : QStringLiteral("–")));
        m_deciles->setItem(row, 5, cell(localPercent(r.cumulativeGain)));
        m_deciles->setItem(row, 6, cell(tr("%1×").arg(localNumber(r.cumulativeLift, 2))));
        m_deciles->setItem(
            row, 7,
            cell(r.customers ? tr("%1 – %2").arg(localNumber(r.minScore, 3), localNumber(r.maxScore, 3))
                             : QStringLiteral("–")));
    }

    fitColumns(m_deciles); // the charts give way

    // The test customers' scores, positives on top.
    QVector<double> centres(kHistogramBins), positives(kHistogramBins, 0.0), others(kHistogramBins, 0.0);
    for (int b = 0; b < kHistogramBins; ++b) {
        centres[b] = (b + 0.5) / kHistogramBins;
    }
    for (std::size_t i = 0; i < m_data->test.size(); ++i) {
        const int b = std::clamp(static_cast<int>(m_data->test[i] * kHistogramBins), 0, kHistogramBins - 1);
        (m_data->labels[i] >= 0.5f ? positives : others)[b] += 1.0;
    }
    auto* otherBars = qobject_cast<QCPBars*>(m_histogramPlot->plottable(0));
    auto* positiveBars = qobject_cast<QCPBars*>(m_histogramPlot->plottable(1));
    otherBars->setName(tr("Others"));
    positiveBars->setName(m_data->positive);
    otherBars->setData(centres, others, true);
    positiveBars->setData(centres, positives, true);
    fitLegend(m_histogramPlot);
    m_histogramPlot->rescaleAxes();
    m_histogramPlot->xAxis->setRange(0, 1);
    m_histogramPlot->yAxis->setRangeLower(0);
    m_histogramPlot->yAxis->setRangeUpper(m_histogramPlot->yAxis->range().upper * 1.1);

    for (QCustomPlot* plot :
         {m_gainsPlot, m_liftPlot, m_rocPlot, m_prPlot, m_calibrationPlot, m_histogramPlot}) {
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
    m_profitPlot->graph(0)->data()->clear();
    m_helperResult->clear();
    onSliderMoved(m_slider->value());
    chooseByProfit(false);
    summarise();
}

// --- number models ----------------------------------------------------------------------------

void SegmentsPage::showRegression()
{
    const RegressionEvaluation& e = *m_data->regression;
    m_tabs->setTabEnabled(ContactTab, false);
    m_tabs->setTabEnabled(SegmentsTab, false);
    m_tabs->setTabToolTip(ContactTab, tr("For yes/no models."));
    m_tabs->setTabToolTip(SegmentsTab, tr("For yes/no models."));
    m_tabs->setCurrentIndex(QualityTab);
    m_qualityStack->setCurrentIndex(1);
    m_regressionCaption->setText(
        tr("On %1 test customers the model did not learn from: typical error (RMSE) %2, mean absolute error "
           "%3, "
           "R² %4 (1 is perfect, 0 is no better than always predicting the average). On average the model "
           "predicts %5 too %6.")
            .arg(localCount(e.predictions.size()), localNumber(e.metrics.rmse, 3),
                 localNumber(e.metrics.mae, 3), localNumber(e.metrics.r2, 3),
                 localNumber(std::abs(e.meanResidual), 3), e.meanResidual > 0 ? tr("low") : tr("high")) +
        (m_data->notes.isEmpty() ? QString() : u'\n' + m_data->notes));
    QVector<double> predicted, actual, residual;
    for (std::size_t i = 0; i < e.predictions.size(); ++i) {
        predicted << e.predictions[i];
        actual << m_data->labels[i];
        residual << e.residuals[i];
    }
    auto scatter = [](QCustomPlot* plot, const QVector<double>& x, const QVector<double>& y) {
        plot->clearGraphs();
        QCPGraph* g = plot->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(37, 99, 235, 110), 4));
        g->setData(x, y);
        plot->rescaleAxes();
        return g;
    };
    scatter(m_actualPlot, predicted, actual);
    const QCPRange xr = m_actualPlot->xAxis->range();
    QCPGraph* diagonal = m_actualPlot->addGraph();
    diagonal->setPen(QPen(kRandom, 1.5, Qt::DashLine));
    diagonal->setData({xr.lower, xr.upper}, {xr.lower, xr.upper});
    scatter(m_residualPlot, predicted, residual);
    QCPGraph* zero = m_residualPlot->addGraph();
    zero->setPen(QPen(kRandom, 1.5, Qt::DashLine));
    zero->setData({m_residualPlot->xAxis->range().lower, m_residualPlot->xAxis->range().upper}, {0.0, 0.0});

    m_residualHistogram->clearPlottables();
    if (!residual.isEmpty()) {
        const auto [lo, hi] = std::minmax_element(residual.begin(), residual.end());
        const double width = std::max((*hi - *lo) / 30.0, 1e-9);
        QVector<double> centres(30), counts(30, 0.0);
        for (int b = 0; b < 30; ++b) {
            centres[b] = *lo + (b + 0.5) * width;
        }
        for (const double r : residual) {
            counts[std::clamp(static_cast<int>((r - *lo) / width), 0, 29)] += 1.0;
        }
        auto* bars = new QCPBars(m_residualHistogram->xAxis, m_residualHistogram->yAxis);
        bars->setPen(Qt::NoPen);
        bars->setBrush(kModel.lighter(140));
        bars->setWidth(width * 0.9);
        bars->setData(centres, counts, true);
        m_residualHistogram->rescaleAxes();
        m_residualHistogram->yAxis->setRangeLower(0);
    }
    for (QCustomPlot* plot : {m_actualPlot, m_residualPlot, m_residualHistogram}) {
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

} // namespace neurolift

#include "train/trainingchart.h"

#include "common/pagekit.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QMenu>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace neurolift {

namespace {

// One colour per quantity, the same on both charts and for a compared run (drawn dashed): the
// Okabe-Ito palette, whose colours stay apart for colour-blind readers and on a projector.
const QColor kTrainLossColour(0, 114, 178);            // blue
const QColor kValidationLossColour(213, 94, 0);        // vermillion
const QColor kMainQualityColour(0, 158, 115);          // bluish green: validation AUC or RMSE
const QColor kValidationAccuracyColour(204, 121, 167); // reddish purple
const QColor kTrainAccuracyColour(230, 159, 0);        // orange
/// The faint per-batch line: training loss, see-through so the per-epoch line shows on top.
constexpr int kBatchAlpha = 70;
// A redraw of one chart costs ~10 ms; ten a second look live and leave the
// event loop free. The two charts are drawn in different event-loop turns.
constexpr int kReplotIntervalMs = 100;
constexpr int kSecondPlotDelayMs = 40;

QPen linePen(const QColor& colour, double width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(colour, width, style);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

/// As many legend columns (at most three) as the plot's width holds without cutting a name; the
/// legend sits below the chart, so more names take more rows rather than covering the curves.
void fitLegendColumns(QCustomPlot* plot)
{
    QCPLegend* legend = plot->legend;
    int widest = 0;
    for (int i = 0; i < legend->itemCount(); ++i) {
        if (const QCPAbstractLegendItem* item = legend->item(i)) {
            widest = std::max(widest, item->minimumOuterSizeHint().width());
        }
    }
    const QMargins margins = legend->margins();
    const int room = plot->width() - margins.left() - margins.right();
    const int spacing = legend->columnSpacing();
    const int columns = widest > 0 ? std::clamp((room + spacing) / (widest + spacing), 1, 3) : 2;
    if (columns != legend->wrap()) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true); // re-flows the names
    }
}

/// The value of `key` in an epoch's metrics, or NaN (QCustomPlot leaves a gap).
double epochMetric(const RunEpoch& e, const char* key)
{
    const auto it = e.metrics.find(key);
    return it != e.metrics.end() && it->is_number() ? it->get<double>() : std::nan("");
}

/// The metric the quality chart leads with for `task`.
const char* mainMetric(TaskKind task)
{
    switch (task) {
    case TaskKind::BinaryClassification:
        return "auc";
    case TaskKind::MultiClassification:
        return "accuracy";
    case TaskKind::Regression:
        return "rmse";
    }
    return "auc";
}

} // namespace

TrainingChart::TrainingChart(QWidget* parent)
    : QWidget(parent)
    , m_loss(new QCustomPlot(this))
    , m_quality(new QCustomPlot(this))
    , m_logScale(new QCheckBox(tr("Log scale"), this))
    , m_fit(new QToolButton(this))
    , m_export(new QToolButton(this))
    , m_replotTimer(new QTimer(this))
    , m_qualityReplotTimer(new QTimer(this))
{
    m_loss->setObjectName(QStringLiteral("lossPlot"));
    m_quality->setObjectName(QStringLiteral("qualityPlot"));
    m_logScale->setObjectName(QStringLiteral("logScale"));
    m_logScale->setToolTip(tr("Show the loss on a logarithmic scale, so small improvements late in training "
                              "are easier to see."));
    m_fit->setObjectName(QStringLiteral("fit"));
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Show all of the curves again after zooming or moving the charts."));
    m_export->setObjectName(QStringLiteral("export"));
    m_export->setText(tr("Export…"));
    m_export->setToolTip(tr("Save both charts as a PNG picture or a PDF document."));

    setupPlot(m_loss, tr("Loss (lower is better)"));
    setupPlot(m_quality, tr("Quality"));

    m_batchLoss = m_loss->addGraph();
    QColor batchColour = kTrainLossColour;
    batchColour.setAlpha(kBatchAlpha);
    m_batchLoss->setPen(linePen(batchColour, 1.0));
    m_trainLoss = m_loss->addGraph();
    m_trainLoss->setPen(linePen(kTrainLossColour, 2.2));
    m_validationLoss = m_loss->addGraph();
    m_validationLoss->setPen(linePen(kValidationLossColour, 2.2));
    m_overlayTrainLoss = m_loss->addGraph();
    m_overlayTrainLoss->setPen(linePen(kTrainLossColour, 1.8, Qt::DashLine));
    m_overlayValidationLoss = m_loss->addGraph();
    m_overlayValidationLoss->setPen(linePen(kValidationLossColour, 1.8, Qt::DashLine));

    // Their colours follow the task (see updateQualityGraphs()).
    m_qualityMain = m_quality->addGraph();
    m_qualitySecond = m_quality->addGraph();
    m_qualityTrain = m_quality->addGraph();
    m_qualityTrain->setPen(linePen(kTrainAccuracyColour, 1.8));
    m_overlayQuality = m_quality->addGraph();

    m_bestLoss = makeMarker(m_loss);
    m_bestQuality = makeMarker(m_quality);
    // Loss falls, so late epochs leave the top free; AUC and accuracy rise and leave the bottom free.
    m_bestQuality.atBottom = true;

    auto* exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("PNG picture…"), this, [this] { exportWithDialog(QStringLiteral("png")); });
    exportMenu->addAction(tr("PDF document…"), this, [this] { exportWithDialog(QStringLiteral("pdf")); });
    exportMenu->addAction(tr("SVG drawing…"), this, [this] { exportWithDialog(QStringLiteral("svg")); });
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setMenu(exportMenu);

    auto* tools = new QHBoxLayout;
    tools->setContentsMargins(0, 0, 0, 0);
    tools->addStretch();
    tools->addWidget(m_logScale);
    tools->addWidget(m_fit);
    tools->addWidget(m_export);
    auto* plots = new QHBoxLayout;
    plots->setContentsMargins(0, 0, 0, 0);
    plots->setSpacing(8);
    plots->addWidget(m_loss, 1);
    plots->addWidget(m_quality, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(tools);
    layout->addLayout(plots, 1);

    connect(m_logScale, &QCheckBox::toggled, this, &TrainingChart::setLogScale);
    connect(m_fit, &QToolButton::clicked, this, &TrainingChart::fitToData);
    m_replotTimer->setSingleShot(true);
    m_replotTimer->setInterval(kReplotIntervalMs);
    connect(m_replotTimer, &QTimer::timeout, this, &TrainingChart::replotNow);
    m_qualityReplotTimer->setSingleShot(true);
    m_qualityReplotTimer->setInterval(kSecondPlotDelayMs);
    connect(m_qualityReplotTimer, &QTimer::timeout, this,
            [this] { m_quality->replot(QCustomPlot::rpQueuedReplot); });

    reset(TaskKind::BinaryClassification, QString());
}

void TrainingChart::setupPlot(QCustomPlot* plot, const QString& yLabel)
{
    stylePlot(plot, font());
    plot->setMinimumSize(260, 200);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->axisRect()->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    plot->axisRect()->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    const QFont tickFont = scaledFont(font(), 0.95);
    plot->xAxis->setLabel(tr("Epoch"));
    plot->yAxis->setLabel(yLabel);
    QSharedPointer<QCPAxisTickerFixed> epochs(new QCPAxisTickerFixed);
    epochs->setTickStep(1.0);
    epochs->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot->xAxis->setTicker(epochs);
    // The legend sits below the chart, so it never hides a curve or the best-epoch label.
    plot->legend->setVisible(true);
    plot->legend->setFont(tickFont);
    plot->legend->setBrush(Qt::NoBrush);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setWrap(2);
    plot->legend->setColumnSpacing(16);
    plot->legend->setRowSpacing(0);
    plot->axisRect()->insetLayout()->take(plot->legend);
    plot->plotLayout()->addElement(1, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(1, 0.001);
    plot->plotLayout()->setRowSpacing(0);
    connect(plot, &QCustomPlot::beforeReplot, plot, [plot] { fitLegendColumns(plot); });
    connect(plot, &QCustomPlot::mousePress, this, &TrainingChart::userMovedView);
    connect(plot, &QCustomPlot::mouseWheel, this, &TrainingChart::userMovedView);
}

TrainingChart::Marker TrainingChart::makeMarker(QCustomPlot* plot)
{
    Marker m;
    m.line = new QCPItemStraightLine(plot);
    m.line->setPen(QPen(QColor(90, 90, 90), 1.2, Qt::DotLine));
    m.label = new QCPItemText(plot);
    m.label->position->setTypeX(QCPItemPosition::ptPlotCoords);
    m.label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m.label->setPositionAlignment(Qt::AlignTop | Qt::AlignLeft);
    m.label->setPadding(QMargins(4, 2, 4, 2));
    m.label->setColor(QColor(60, 60, 60));
    m.label->setBrush(QColor(255, 255, 255, 210));
    m.line->setVisible(false);
    m.label->setVisible(false);
    return m;
}

void TrainingChart::placeMarker(Marker& m, int epoch)
{
    const bool visible = epoch > 0;
    m.line->setVisible(visible);
    m.label->setVisible(visible);
    if (!visible) {
        return;
    }
    m.line->point1->setCoords(epoch, 0.0);
    m.line->point2->setCoords(epoch, 1.0);
    m.label->position->setCoords(epoch, m.atBottom ? 0.98 : 0.02);
    m.label->setText(tr("best: epoch %1").arg(epoch));
}

QString TrainingChart::legendName(const QString& curve, const QString& run) const
{
    // The run's name is only needed when another run is shown next to it.
    return m_overlayName.isEmpty() || run.isEmpty() ? curve : tr("%1 (%2)").arg(curve, run);
}

void TrainingChart::updateQualityGraphs()
{
    switch (m_task) {
    case TaskKind::BinaryClassification:
        m_qualityMain->setPen(linePen(kMainQualityColour, 2.2));
        m_qualitySecond->setPen(linePen(kValidationAccuracyColour, 1.8));
        m_overlayQuality->setPen(linePen(kMainQualityColour, 1.8, Qt::DashLine));
        m_quality->yAxis->setLabel(tr("AUC and accuracy (higher is better)"));
        m_qualityMain->setName(legendName(tr("Validation AUC"), m_runName));
        m_qualitySecond->setName(legendName(tr("Validation accuracy"), m_runName));
        m_qualityTrain->setName(legendName(tr("Training accuracy"), m_runName));
        m_overlayQuality->setName(legendName(tr("Validation AUC"), m_overlayName));
        break;
    case TaskKind::MultiClassification:
        m_qualityMain->setPen(linePen(kValidationAccuracyColour, 2.2));
        m_qualitySecond->setPen(linePen(kTrainAccuracyColour, 1.8));
        m_overlayQuality->setPen(linePen(kValidationAccuracyColour, 1.8, Qt::DashLine));
        m_quality->yAxis->setLabel(tr("Accuracy (higher is better)"));
        m_qualityMain->setName(legendName(tr("Validation accuracy"), m_runName));
        m_qualitySecond->setName(legendName(tr("Training accuracy"), m_runName));
        m_overlayQuality->setName(legendName(tr("Validation accuracy"), m_overlayName));
        break;
    case TaskKind::Regression:
        m_qualityMain->setPen(linePen(kMainQualityColour, 2.2));
        m_overlayQuality->setPen(linePen(kMainQualityColour, 1.8, Qt::DashLine));
        m_quality->yAxis->setLabel(tr("RMSE (lower is better)"));
        m_qualityMain->setName(legendName(tr("Validation RMSE"), m_runName));
        m_overlayQuality->setName(legendName(tr("Validation RMSE"), m_overlayName));
        break;
    }
    m_batchLoss->setName(legendName(tr("Training, per batch"), m_runName));
    m_trainLoss->setName(legendName(tr("Training"), m_runName));
    m_validationLoss->setName(legendName(tr("Validation"), m_runName));
    m_overlayTrainLoss->setName(legendName(tr("Training"), m_overlayName));
    m_overlayValidationLoss->setName(legendName(tr("Validation"), m_overlayName));

    const bool overlay = !m_overlayName.isEmpty();
    const bool second = m_task != TaskKind::Regression;
    const bool train = m_task == TaskKind::BinaryClassification;
    m_qualitySecond->setVisible(second);
    m_qualityTrain->setVisible(train);
    for (QCPGraph* g : {m_overlayTrainLoss, m_overlayValidationLoss, m_overlayQuality}) {
        g->setVisible(overlay);
    }
    // Only visible curves are named in the legends.
    for (QCustomPlot* plot : {m_loss, m_quality}) {
        for (int i = 0; i < plot->graphCount(); ++i) {
            QCPGraph* g = plot->graph(i);
            if (g->visible()) {
                g->addToLegend();
            } else {
                g->removeFromLegend();
            }
        }
    }
}

void TrainingChart::reset(TaskKind task, const QString& runName)
{
    m_task = task;
    m_runName = runName;
    for (QCPGraph* g :
         {m_batchLoss, m_trainLoss, m_validationLoss, m_qualityMain, m_qualitySecond, m_qualityTrain}) {
        g->data()->clear();
    }
    placeMarker(m_bestLoss, 0);
    placeMarker(m_bestQuality, 0);
    m_follow = true;
    updateQualityGraphs();
    // The empty charts' axes are right at once (AUC 0 to 1), not only after the next redraw.
    fitPlot(m_loss);
    fitPlot(m_quality);
    scheduleReplot();
}

void TrainingChart::setRunName(const QString& runName)
{
    m_runName = runName;
    updateQualityGraphs();
    scheduleReplot();
}

void TrainingChart::addBatchLoss(double epochPosition, double loss)
{
    m_batchLoss->addData(epochPosition, loss);
    scheduleReplot();
}

void TrainingChart::addBatchLosses(const BatchLosses& batches)
{
    for (const BatchLoss& b : batches) {
        // The keys only grow, so QCustomPlot appends without sorting.
        m_batchLoss->addData(b.epoch - 1 + double(b.batch) / std::max(b.batchesPerEpoch, 1), b.loss);
    }
    scheduleReplot();
}

void TrainingChart::addEpoch(const RunEpoch& e)
{
    m_trainLoss->addData(e.epoch, e.trainLoss);
    if (e.validationLoss) {
        m_validationLoss->addData(e.epoch, *e.validationLoss);
    }
    m_qualityMain->addData(e.epoch, epochMetric(e, mainMetric(m_task)));
    if (m_task == TaskKind::BinaryClassification) {
        m_qualitySecond->addData(e.epoch, epochMetric(e, "accuracy"));
        m_qualityTrain->addData(e.epoch, epochMetric(e, "train_accuracy"));
    } else if (m_task == TaskKind::MultiClassification) {
        m_qualitySecond->addData(e.epoch, epochMetric(e, "train_accuracy"));
    }
    scheduleReplot();
}

void TrainingChart::setBestEpoch(int epoch)
{
    placeMarker(m_bestLoss, epoch);
    placeMarker(m_bestQuality, epoch);
    scheduleReplot();
}

void TrainingChart::showRun(TaskKind task, const QString& runName, const std::vector<RunEpoch>& history,
                            int bestEpoch)
{
    reset(task, runName);
    for (const RunEpoch& e : history) {
        addEpoch(e);
    }
    setBestEpoch(bestEpoch);
}

void TrainingChart::setOverlay(const QString& runName, const std::vector<RunEpoch>& history)
{
    m_overlayName = runName.isEmpty() ? tr("other run") : runName;
    for (QCPGraph* g : {m_overlayTrainLoss, m_overlayValidationLoss, m_overlayQuality}) {
        g->data()->clear();
    }
    for (const RunEpoch& e : history) {
        m_overlayTrainLoss->addData(e.epoch, e.trainLoss);
        if (e.validationLoss) {
            m_overlayValidationLoss->addData(e.epoch, *e.validationLoss);
        }
        m_overlayQuality->addData(e.epoch, epochMetric(e, mainMetric(m_task)));
    }
    updateQualityGraphs();
    m_follow = true;
    scheduleReplot();
}

void TrainingChart::clearOverlay()
{
    m_overlayName.clear();
    for (QCPGraph* g : {m_overlayTrainLoss, m_overlayValidationLoss, m_overlayQuality}) {
        g->data()->clear();
    }
    updateQualityGraphs();
    scheduleReplot();
}

bool TrainingChart::hasOverlay() const
{
    return !m_overlayName.isEmpty();
}

void TrainingChart::setLogScale(bool on)
{
    if (m_logScale->isChecked() != on) {
        m_logScale->setChecked(on); // comes back here through toggled
        return;
    }
    if (on) {
        m_loss->yAxis->setScaleType(QCPAxis::stLogarithmic);
        m_loss->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    } else {
        m_loss->yAxis->setScaleType(QCPAxis::stLinear);
        m_loss->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    fitToData();
}

bool TrainingChart::logScale() const
{
    return m_loss->yAxis->scaleType() == QCPAxis::stLogarithmic;
}

void TrainingChart::fitToData()
{
    m_follow = true;
    replotNow();
}

void TrainingChart::userMovedView()
{
    m_follow = false;
}

void TrainingChart::scheduleReplot()
{
    if (!m_replotTimer->isActive()) {
        m_replotTimer->start();
    }
}

void TrainingChart::replotNow()
{
    m_replotTimer->stop();
    if (m_follow) {
        for (QCustomPlot* plot : {m_loss, m_quality}) {
            fitPlot(plot);
        }
    }
    // A best-epoch label near the right edge goes on the line's left, so it is not cut off.
    for (auto [marker, plot] : {std::pair{&m_bestLoss, m_loss}, std::pair{&m_bestQuality, m_quality}}) {
        const double x = marker->line->point1->coords().x();
        const bool right = x > plot->xAxis->range().center();
        marker->label->setPositionAlignment((marker->atBottom ? Qt::AlignBottom : Qt::AlignTop) |
                                            (right ? Qt::AlignRight : Qt::AlignLeft));
    }
    m_loss->replot(QCustomPlot::rpQueuedReplot);
    m_qualityReplotTimer->start();
}

void TrainingChart::fitPlot(QCustomPlot* plot)
{
    bool hasData = false;
    for (int i = 0; i < plot->graphCount(); ++i) {
        bool found = false;
        plot->graph(i)->getValueRange(found);
        hasData = hasData || (plot->graph(i)->visible() && found);
    }
    // AUC and accuracy lie between 0 and 1, so their axis never shows more, not even before training.
    const bool unitRange = plot == m_quality && m_task != TaskKind::Regression;
    if (!hasData) {
        plot->xAxis->setRange(0.0, 1.0);
        plot->yAxis->setRange(plot->yAxis->scaleType() == QCPAxis::stLinear ? 0.0 : 0.01, 1.0);
        return;
    }
    plot->rescaleAxes(true);
    const QCPRange x = plot->xAxis->range();
    plot->xAxis->setRange(std::min(x.lower, 0.0), std::max(x.upper + 0.5, 1.0));
    const QCPRange y = plot->yAxis->range();
    if (plot->yAxis->scaleType() == QCPAxis::stLinear) {
        const double pad = std::max((y.upper - y.lower) * 0.06, 1e-3);
        double lower = y.lower - pad;
        double upper = y.upper + pad;
        if (unitRange) {
            lower = std::max(lower, 0.0);
            upper = std::min(upper, 1.0);
        }
        plot->yAxis->setRange(lower, upper);
    } else {
        plot->yAxis->setRange(y.lower / 1.15, y.upper * 1.15);
    }
}

bool TrainingChart::exportTo(const QString& path, int width, int height)
{
    replotNow();
    m_qualityReplotTimer->stop();
    return exportPlots(path, {m_loss, m_quality}, tr("NeuroLift training charts"), width, height);
}

void TrainingChart::exportWithDialog(const QString& suffix)
{
    replotNow();
    m_qualityReplotTimer->stop();
    exportPlotsWithDialog(this, {m_loss, m_quality}, tr("NeuroLift training charts"), tr("training-charts"),
                          suffix);
}

int TrainingChart::epochPointCount() const
{
    return m_trainLoss->dataCount();
}

int TrainingChart::batchPointCount() const
{
    return m_batchLoss->dataCount();
}

std::vector<QPointF> TrainingChart::batchPoints() const
{
    std::vector<QPointF> points;
    points.reserve(static_cast<std::size_t>(m_batchLoss->dataCount()));
    for (auto it = m_batchLoss->data()->constBegin(); it != m_batchLoss->data()->constEnd(); ++it) {
        points.emplace_back(it->key, it->value);
    }
    return points;
}

} // namespace neurolift

#pragma once

#include "train/trainingworker.h"

#include "nn/architecture.h"
#include "project/project.h"

#include <QPointF>
#include <QString>
#include <QWidget>

#include <vector>

class QCheckBox;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCustomPlot;
class QTimer;
class QToolButton;

namespace neurolift {

/// Live charts of a training run: the loss (training and validation per epoch,
/// training per batch as a faint line) and the quality (AUC or accuracy for
/// classifiers, RMSE for regression), the best epoch marked, another run's
/// curves overlaid for comparison. Zoom with the wheel, pan by dragging; Fit
/// shows everything again. Redraws are batched (about ten a second at most).
class TrainingChart : public QWidget {
    Q_OBJECT

public:
    explicit TrainingChart(QWidget* parent = nullptr);

    /// Forgets every curve and sets what the quality chart shows for `task`; `runName` labels the legend.
    void reset(TaskKind task, const QString& runName);
    /// Renames the main run in the legend.
    void setRunName(const QString& runName);
    /// A training loss of a batch (or the mean of a few) at `epochPosition` (e.g. 3.5: half-way through epoch
    /// 4).
    void addBatchLoss(double epochPosition, double loss);
    /// Each batch's training loss, at its place in its epoch: batch b of n in epoch e at e - 1 + b / n.
    void addBatchLosses(const BatchLosses& batches);
    /// A finished epoch's losses and metrics.
    void addEpoch(const RunEpoch& epoch);
    /// Marks `epoch` (1-based) as the best one; 0 removes the mark.
    void setBestEpoch(int epoch);
    /// Shows a whole finished run as the main curves.
    void showRun(TaskKind task, const QString& runName, const std::vector<RunEpoch>& history, int bestEpoch);
    /// Overlays another run's curves (dashed, another colour) to compare with.
    void setOverlay(const QString& runName, const std::vector<RunEpoch>& history);
    void clearOverlay();
    bool hasOverlay() const;

    /// A logarithmic loss axis (small late improvements become visible).
    void setLogScale(bool on);
    bool logScale() const;
    /// Shows all data again after zooming or panning; new data keeps it in view.
    void fitToData();
    /// Writes both charts, one above the other, as PNG or PDF (by the suffix). Returns false on failure.
    bool exportTo(const QString& path, int width = 1200, int height = 900);
    /// Asks for a file name (suggesting `suffix`: "png" or "pdf") and exports there.
    void exportWithDialog(const QString& suffix);

    /// Points of the per-epoch training loss curve (for tests and the page).
    int epochPointCount() const;
    /// Points of the per-batch loss curve.
    int batchPointCount() const;
    /// The per-batch loss curve's points (x: epoch position, y: loss), in order.
    std::vector<QPointF> batchPoints() const;
    QCustomPlot* lossPlot() const { return m_loss; }
    QCustomPlot* qualityPlot() const { return m_quality; }

private:
    struct Marker {
        QCPItemStraightLine* line = nullptr;
        QCPItemText* label = nullptr;
        bool atBottom = false; ///< The label at the bottom of the chart, not the top.
    };
    void setupPlot(QCustomPlot* plot, const QString& yLabel);
    void updateQualityGraphs();
    void scheduleReplot();
    void replotNow();
    /// Shows all of `plot`'s curves (AUC and accuracy within 0 to 1; 0 to 1 when there are none yet).
    void fitPlot(QCustomPlot* plot);
    void userMovedView();
    Marker makeMarker(QCustomPlot* plot);
    void placeMarker(Marker& m, int epoch);
    QString legendName(const QString& curve, const QString& run) const;

    QCustomPlot* m_loss = nullptr;
    QCustomPlot* m_quality = nullptr;
    QCheckBox* m_logScale = nullptr;
    QToolButton* m_fit = nullptr;
    QToolButton* m_export = nullptr;
    QTimer* m_replotTimer = nullptr;
    QTimer* m_qualityReplotTimer = nullptr;

    TaskKind m_task = TaskKind::BinaryClassification;
    QString m_runName;
    QString m_overlayName;
    bool m_follow = true; ///< Keep all data in view until the user zooms or pans.

    QCPGraph* m_batchLoss = nullptr;
    QCPGraph* m_trainLoss = nullptr;
    QCPGraph* m_validationLoss = nullptr;
    QCPGraph* m_qualityMain = nullptr;   ///< Validation AUC, accuracy or RMSE.
    QCPGraph* m_qualitySecond = nullptr; ///< Validation accuracy (binary) or training accuracy (multi-class).
    QCPGraph* m_qualityTrain = nullptr;  ///< Training accuracy (binary).
    QCPGraph* m_overlayTrainLoss = nullptr;
    QCPGraph* m_overlayValidationLoss = nullptr;
    QCPGraph* m_overlayQuality = nullptr;
    Marker m_bestLoss;
    Marker m_bestQuality;
};

} // namespace neurolift

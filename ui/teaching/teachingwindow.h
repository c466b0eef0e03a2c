#pragma once

// Teaching mode: a trainer at a projector shows how a small network learns a
// 2-D toy set, or the Car buyers lesson (four pages in, ready to buy out). The window only draws;
// TeachingWorker trains on its own thread.

#include "teaching/teachingworker.h"

#include <QMainWindow>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QCPColorMap;
class QCustomPlot;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QThread;

namespace neurolift {

class NetworkView;
class TeachingVisitor;

/// Controls for the toy set and the network, Play / Pause / Step / Reset, and live views of the
/// decision boundary, each hidden neuron, the weights and the losses.
class TeachingWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit TeachingWindow(QWidget* parent = nullptr);
    ~TeachingWindow() override;

    /// The setup the controls describe.
    TeachingSetup setup() const;
    bool isPlaying() const { return m_playing; }
    /// The decision boundary last drawn: P(class 1) on the grid, row by row from the bottom.
    const std::vector<float>& boundary() const { return m_boundary; }
    /// Batches trained, epoch and losses of the frame last drawn.
    long long step() const { return m_step; }
    int epoch() const { return m_epoch; }
    double trainLoss() const { return m_trainLoss; }
    double testLoss() const { return m_testLoss; }
    /// Frames of the worker put on screen (the decision boundary redrawn) since the window opened.
    long long redrawCount() const { return m_redraws; }
    /// The frame last drawn (null before the first).
    std::shared_ptr<const TeachingFrame> lastFrame() const { return m_lastFrame; }
    /// Frames drawn since the last reset (the first one included).
    int frameCount() const { return m_frames; }
    QCustomPlot* boundaryPlot() const { return m_boundaryPlot; }
    /// The Car buyers lesson's view of one visitor.
    TeachingVisitor* visitorView() const { return m_visitor; }
    /// Whether the Car buyers lesson (four pages in, ready to buy out) is chosen instead of a toy set.
    bool isCarBuyersLesson() const;
    /// Saves the window as shown as a PNG; false when it cannot be written.
    bool exportImage(const QString& path);
    void setLargeFonts(bool large);

private:
    void buildControls(QWidget* panel);
    void buildViews(QWidget* area);
    /// Starts again from the controls' setup: new data, fresh weights, empty curves, paused.
    void restart();
    void setPlaying(bool playing);
    void showPoints(const std::shared_ptr<const TeachingPoints>& points);
    void showFrame(const std::shared_ptr<const TeachingFrame>& frame);
    void showUnits(const TeachingFrame& frame);
    void applyFonts();
    void exportWithDialog();

    QThread* m_thread = nullptr;
    TeachingWorker* m_worker = nullptr;

    QComboBox* m_toySet = nullptr;
    QDoubleSpinBox* m_noise = nullptr;
    QSpinBox* m_layers = nullptr;
    QSpinBox* m_units = nullptr;
    QComboBox* m_activation = nullptr;
    QDoubleSpinBox* m_learningRate = nullptr;
    QSpinBox* m_batchSize = nullptr;
    QSpinBox* m_speed = nullptr;
    QPushButton* m_play = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_stepButton = nullptr;
    QPushButton* m_reset = nullptr;
    QCheckBox* m_largeFonts = nullptr;
    QLabel* m_counter = nullptr;
    QLabel* m_losses = nullptr;
    QLabel* m_message = nullptr;

    QStackedWidget* m_mainView = nullptr;
    QLabel* m_mainTitle = nullptr;
    QLabel* m_unitsTitle = nullptr;
    TeachingVisitor* m_visitor = nullptr;
    QCustomPlot* m_boundaryPlot = nullptr;
    QCPColorMap* m_boundaryMap = nullptr;
    QCustomPlot* m_lossPlot = nullptr;
    NetworkView* m_network = nullptr;
    QWidget* m_unitsArea = nullptr;
    QGridLayout* m_unitsGrid = nullptr;
    std::vector<std::vector<QLabel*>> m_unitLabels; ///< [layer][unit]
    std::vector<QLabel*> m_unitHeaders;
    std::vector<QLabel*> m_titles;

    std::shared_ptr<const TeachingFrame> m_lastFrame;
    int m_generation = 0;
    bool m_playing = false;
    std::vector<float> m_boundary;
    long long m_step = 0;
    int m_epoch = 0;
    double m_trainLoss = 0.0;
    double m_testLoss = 0.0;
    long long m_redraws = 0;
    bool m_framePending = false; ///< A frame waits for the boundary plot's replot.
    int m_frames = 0;
    double m_extent = 1.0;
};

} // namespace neurolift

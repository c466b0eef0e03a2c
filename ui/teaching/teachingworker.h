#pragma once

// Teaching mode's training loop: a small network on a 2-D toy set, trained on
// a worker thread that sends ready-made pictures (the decision boundary and
// every hidden neuron over the input plane, the weights, the losses), so the
// window only draws.

#include "data/demo.h"
#include "explain/weights.h"
#include "nn/activation.h"
#include "nn/network.h"
#include "training/trainer.h"

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>

#include <array>
#include <string>
#include <string_view>

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace neurolift {

/// The Car buyers lesson's inputs: did the visitor see the page (1) or not (0).
inline constexpr std::array<std::string_view, 4> kPages{"viewed_pricing", "used_configurator",
                                                        "viewed_specifications", "viewed_financing"};

/// What the trainer chose: the toy set, its noise, the network and how it learns.
/// DemoKind::CarBuyers is the four-page lesson: the visitors' four page flags in,
/// "bought within 30 days" out, and no plane to draw.
struct TeachingSetup {
    DemoKind kind = DemoKind::Xor;
    double noise = 0.05;
    int hiddenLayers = 2; ///< 0..4
    int units = 4;        ///< Neurons per hidden layer.
    Activation activation = Activation::Tanh;
    float learningRate = 0.03f;
    int batchSize = 10;
    int batchesPerFrame = 5; ///< Batches trained between two pictures while playing.
    std::uint64_t seed = 7;
    int generation = 0; ///< Stamped on its frames, so the window can drop those of an older setup.
};

/// The toy set's points, split into training and test points.
struct TeachingPoints {
    std::vector<float> trainX, trainY, trainClass; ///< Class 0 or 1.
    std::vector<float> testX, testY, testClass;
    double extent = 1.0; ///< The plane shown is [-extent, extent]².
};

/// One picture of the network as it learns.
struct TeachingFrame {
    int generation = 0;
    int epoch = 0; ///< 1-based epoch of the last batch; 0 before the first.
    int batch = 0; ///< Batches done in that epoch.
    int batchesPerEpoch = 0;
    long long step = 0; ///< Batches trained so far.
    double trainLoss = 0.0;
    double testLoss = 0.0;
    double trainAccuracy = 0.0;
    double testAccuracy = 0.0;
    float learningRate = 0.0f; ///< Of the next batch.
    int batchSize = 0;
    /// The maps are grid x grid, row by row from the bottom (y = -extent). 0 in the Car buyers
    /// lesson: `boundary` then holds the score of each of the 16 combinations of pages
    /// (combination c has page p when bit p of c is set), `units` each neuron's output for them.
    int grid = 0;
    double extent = 1.0;                                ///< Over [-extent, extent]².
    std::vector<float> boundary;                        ///< P(class 1) at each grid point.
    std::vector<std::vector<std::vector<float>>> units; ///< [hidden layer][unit]: its output per grid point.
    std::vector<LayerWeights> weights;                  ///< For the drawn network.
};

/// Trains on the thread it lives on; talk to it through queued calls only.
class TeachingWorker : public QObject {
    Q_OBJECT

public:
    /// Points per side of the maps.
    static constexpr int kGrid = 80;
    /// Least time between two pictures while playing (at most ~30 per second).
    static constexpr int kFrameMs = 33;

    explicit TeachingWorker(QObject* parent = nullptr);
    ~TeachingWorker() override;

    /// Called from the GUI thread once it has drawn a frame: the next may come.
    void frameShown() { m_framesInFlight.store(0); }

public slots:
    /// Generates the data, builds a fresh network from the setup's seed and sends the first frame.
    void configure(const neurolift::TeachingSetup& setup);
    void play();
    void pause();
    /// Trains one batch and sends its frame (ignored while playing).
    void step();
    /// Applies a new learning rate, batch size or pace to the lesson under way, keeping the weights
    /// (a new batch size starts a new shuffle); the next frame shows them.
    void adjust(float learningRate, int batchSize, int batchesPerFrame);

signals:
    void pointsReady(std::shared_ptr<const neurolift::TeachingPoints> points);
    void frameReady(std::shared_ptr<const neurolift::TeachingFrame> frame);
    /// Training stopped by itself (the loss diverged), with the reason.
    void stopped(const QString& message);

private:
    /// Trains `batches` batches; false when training ended.
    bool train(int batches);
    void configureCarBuyers(const DemoOptions& options);
    /// A fresh network and trainer for m_trainX/m_trainY, from the setup's seed.
    void startTraining();
    /// The trainer for the setup's learning rate and batch size, on the current network.
    void makeTrainer();
    void runSlice();
    void sendFrame();

    TeachingSetup m_setup;
    std::shared_ptr<TeachingPoints> m_points;
    Matrix m_trainX, m_trainY, m_testX, m_testY, m_gridX;
    std::vector<std::string> m_inputNames;
    std::unique_ptr<Network> m_network;
    std::unique_ptr<Trainer> m_trainer;
    Network::Workspace m_workspace;
    BatchReport m_last;
    long long m_stepsBefore = 0; ///< Batches trained by trainers replaced since the last reset.
    int m_epochsBefore = 0;
    bool m_playing = false;
    bool m_sliceQueued = false;
    QElapsedTimer m_sinceFrame;
    std::atomic<int> m_framesInFlight{0};
};

} // namespace neurolift

Q_DECLARE_METATYPE(neurolift::TeachingSetup)
Q_DECLARE_METATYPE(std::shared_ptr<const neurolift::TeachingPoints>)
Q_DECLARE_METATYPE(std::shared_ptr<const neurolift::TeachingFrame>)

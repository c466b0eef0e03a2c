#pragma once

#include "train/trainingsettings.h"

#include "nn/architecture.h"
#include "nn/network.h"
#include "project/project.h"
#include "training/pipeline.h"
#include "training/trainer.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace neurolift {

/// Where a training run is.
enum class TrainingState {
    Idle,     ///< Not started yet.
    Running,  ///< Training on the worker thread.
    Paused,   ///< Stopped where it was; resume() continues bit-identically.
    Finished, ///< Completed, stopped early, cancelled, diverged or failed.
};

/// One finished epoch as the Train page shows it.
struct EpochProgress {
    RunEpoch epoch; ///< As the project stores it (losses, metrics, learning rate, seconds).
    bool improved = false;
    int bestEpoch = 0;   ///< 1-based best epoch so far.
    int totalEpochs = 0; ///< The most epochs the run may take.
    int batchesPerEpoch = 0;
};

/// One batch's training loss and where it falls in the run.
struct BatchLoss {
    int epoch = 0; ///< 1-based.
    int batch = 0; ///< 1-based within the epoch.
    int batchesPerEpoch = 0;
    double loss = 0.0;
};
using BatchLosses = QList<BatchLoss>;

/// Everything one training run needs.
struct TrainingJob {
    std::shared_ptr<const PreparedData> data;
    std::size_t tableRows = 0; ///< Rows of the whole table, for the run's split assignment.
    Architecture architecture;
    TrainingSettings settings;
    std::string runName;
    std::string source; ///< The data's file name, for the model summary (may be empty).
};

/// Trains one run on the thread it lives in: owns the Network and the Trainer.
/// Create it through TrainingSession, which gives it its thread. Commands
/// arrive as queued slot calls; pause and stop are requested through atomics
/// the trainer's observer reads after every batch, so they act while a run is busy.
class TrainingWorker : public QObject {
    Q_OBJECT

public:
    /// A worker for `job`; nothing is built until start().
    explicit TrainingWorker(TrainingJob job);
    ~TrainingWorker() override;

    /// Thread-safe: pause after the current batch, unless a later run command (`command` order) came first.
    void requestPause(long long command);
    /// Thread-safe: cancel after the current batch; the run finishes as "cancelled".
    void requestStop();
    /// Thread-safe: cancel without building a run record (the session is going away).
    void abandon();

    /// The batch-report throttle's clock.
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    /// Test hook: workers created while `clock` is set read it instead of std::chrono::steady_clock.
    static void setClockForTesting(Clock clock);

public slots:
    /// Builds the network and trainer and trains until done or paused.
    void start(long long command);
    /// Continues a paused run.
    void resume(long long command);
    /// Trains exactly one more epoch (starting the run if needed), then pauses.
    void stepEpoch(long long command);
    /// Finishes a paused run as cancelled (a running one stops through requestStop()).
    void stop();

signals:
    /// Training loss of the batches since the last report (at most ~30 reports a second).
    void batchFinished(int epoch, int batch, int batchesPerEpoch, double loss);
    /// Each batch's training loss since the last report, in order; sent just before batchFinished.
    void batchLosses(const neurolift::BatchLosses& batches);
    void epochFinished(const neurolift::EpochProgress& progress);
    void stateChanged(neurolift::TrainingState state);
    /// The complete run record: history, test metrics, split, model.
    void finished(const neurolift::RunRecord& run);
    /// Training could not start or broke off; the message is for the user.
    void failed(const QString& message);

private:
    void train(long long command, bool oneEpoch);
    bool prepare();
    TrainControl control();
    std::chrono::steady_clock::time_point now() const;
    void flushBatches();
    void finish(const TrainResult& result);
    void finishCancelledWhilePaused();
    void setState(TrainingState state);

    TrainingJob m_job;
    TrainSpec m_spec;
    std::unique_ptr<Network> m_network;
    std::unique_ptr<Trainer> m_trainer;
    TrainingState m_state = TrainingState::Idle;
    std::string m_startedAt;

    std::atomic<long long> m_pauseRequest{0};
    std::atomic<bool> m_stopRequest{false};
    std::atomic<bool> m_abandoned{false};
    long long m_runCommand = 0;

    // Batch reports gathered between two signals.
    Clock m_clock; ///< Empty: std::chrono::steady_clock (see setClockForTesting()).
    std::chrono::steady_clock::time_point m_lastBatchSignal;
    double m_pendingLoss = 0.0;
    int m_pendingBatches = 0;
    BatchLosses m_pendingList;
    int m_lastEpoch = 0;
    int m_lastBatch = 0;
    int m_batchesPerEpoch = 0;

    // For a cancel while paused, when the trainer is not running to do it.
    int m_epochsDone = 0;
    int m_bestEpoch = 0;
    NamedTensors m_bestWeights;
};

/// The GUI-thread handle of one training run: owns the worker and its thread.
/// All commands return at once; results arrive as queued signals. Destroying a
/// session while it trains stops the run and waits for the thread.
class TrainingSession : public QObject {
    Q_OBJECT

public:
    /// Starts the worker thread (idle until start() or stepEpoch()).
    explicit TrainingSession(TrainingJob job, QObject* parent = nullptr);
    ~TrainingSession() override;

    /// Begins training.
    void start();
    /// Pauses after the current batch.
    void pause();
    /// Continues a paused run exactly where it stopped.
    void resume();
    /// Cancels the run; it finishes as "cancelled" with the best (and last) weights.
    void stop();
    /// Trains exactly one epoch, then pauses.
    void stepEpoch();

    /// The last state the worker reported (Running as soon as a run command is sent).
    TrainingState state() const { return m_state; }
    const TrainingJob& job() const { return m_job; }

signals:
    void batchFinished(int epoch, int batch, int batchesPerEpoch, double loss);
    void batchLosses(const neurolift::BatchLosses& batches);
    void epochFinished(const neurolift::EpochProgress& progress);
    void stateChanged(neurolift::TrainingState state);
    void finished(const neurolift::RunRecord& run);
    void failed(const QString& message);

private:
    void onWorkerState(TrainingState state);

    TrainingJob m_job;
    QThread m_thread;
    TrainingWorker* m_worker = nullptr; ///< Lives in m_thread; deleted after it ends.
    TrainingState m_state = TrainingState::Idle;
    long long m_command = 0;
};

} // namespace neurolift

Q_DECLARE_METATYPE(neurolift::TrainingState)
Q_DECLARE_METATYPE(neurolift::BatchLoss)
Q_DECLARE_METATYPE(neurolift::EpochProgress)
Q_DECLARE_METATYPE(neurolift::RunRecord)

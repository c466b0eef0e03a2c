#pragma once

#include "nn/loss.h"
#include "nn/network.h"
#include "nn/optimizer.h"
#include "nn/schedule.h"

#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace neurolift {

/// Rows of a data set, not owned: features (featureCount x rows, column-major,
/// i.e. a row-major rows x featureCount table) and targets (targetCount x rows).
struct DataView {
    const float* features = nullptr;
    Index featureCount = 0;
    const float* targets = nullptr;
    Index targetCount = 1;
    Index rows = 0;

    ConstMatrixMap x() const { return {features, featureCount, rows}; }
    ConstMatrixMap y() const { return {targets, targetCount, rows}; }
    /// Rows [begin, end).
    DataView slice(Index begin, Index end) const;
    static DataView of(const Matrix& x, const Matrix& y);
};

struct EarlyStoppingSpec {
    bool enabled = true;
    int patience = 10;       ///< Epochs without improvement before stopping.
    double minDelta = 0.0;   ///< Improvement smaller than this does not count.
    bool restoreBest = true; ///< End with the weights of the best epoch.

    bool operator==(const EarlyStoppingSpec&) const = default;
};

/// Everything that decides a training run. Same spec, data and thread count
/// give bit-identical weights.
struct TrainSpec {
    TaskSpec task;
    LossSpec loss;
    OptimizerSpec optimizer;
    ScheduleSpec schedule;
    int epochs = 50;
    int batchSize = 64;
    std::uint64_t seed = 42;
    int threads = 0; ///< 0: all cores.
    EarlyStoppingSpec earlyStopping;

    /// Sensible defaults for `task` (its loss, Adam, early stopping).
    static TrainSpec forTask(const TaskSpec& task);
};

/// Quality of the model on one data set.
struct EvaluationMetrics {
    double loss = 0.0;              ///< Mean loss, without class weights so runs compare.
    std::optional<double> accuracy; ///< Classification.
    std::optional<double> auc;      ///< Binary classification (ROC AUC).
    std::optional<double> rmse;     ///< Regression.
    std::optional<double> r2;       ///< Regression.
};

struct BatchReport {
    int epoch = 0; ///< 1-based.
    int batch = 0; ///< 1-based within the epoch.
    int batchesPerEpoch = 0;
    long long step = 0; ///< Optimiser steps so far.
    double loss = 0.0;  ///< This batch's training loss.
    float learningRate = 0.0f;
};

struct EpochReport {
    int epoch = 0;                       ///< 1-based.
    double trainLoss = 0.0;              ///< Mean over the epoch's batches, weighted by batch size.
    std::optional<double> trainAccuracy; ///< Classification: over the epoch's batches in training mode.
    std::optional<EvaluationMetrics> validation;
    float learningRate = 0.0f;
    double seconds = 0.0;
    bool improved = false; ///< The monitored loss reached a new best.
};

/// What an observer asks the trainer to do next.
enum class TrainControl { Continue, Pause, Cancel };

/// Called on the training thread after every batch and every epoch. Empty functions are skipped.
struct TrainObserver {
    std::function<TrainControl(const BatchReport&)> onBatch;
    std::function<TrainControl(const EpochReport&)> onEpoch;
};

/// Test hook: every Trainer constructed while `hook` is set calls it on its thread after each batch, before
/// its observer, so a test can hold or count training without timing it. Empty (the default) costs nothing.
void setBatchHookForTesting(std::function<void(const BatchReport&)> hook);

enum class TrainStatus {
    Completed,    ///< Ran every epoch.
    EarlyStopped, ///< The monitored loss stopped improving.
    Paused,       ///< The observer paused; run() continues where it stopped.
    Cancelled,    ///< The observer cancelled.
    Diverged,     ///< The loss became NaN or infinite; the last good weights were kept.
};

std::string_view trainStatusId(TrainStatus s);

struct TrainResult {
    TrainStatus status = TrainStatus::Completed;
    std::vector<EpochReport> history;
    int bestEpoch = 0;   ///< 1-based; 0 when no epoch has finished.
    std::string message; ///< What happened, in words a user can read.
    std::vector<std::string> warnings;
    /// The weights after the last epoch, when the network was given back the
    /// best epoch's weights at the end; empty otherwise.
    std::optional<NamedTensors> lastEpochWeights;
};

/// Loss and quality metrics of `network` over `data`, scored in chunks.
EvaluationMetrics evaluate(const Network& network, const DataView& data, const TaskSpec& task,
                           const LossSpec& loss);

/// Mini-batch training of a network. Stateful: after a pause, run() or
/// runEpoch() continue at the next batch with the same shuffle, so a paused and
/// resumed run gives the same weights as an uninterrupted one.
class Trainer {
public:
    /// Throws std::invalid_argument when the spec, data and network do not fit together.
    Trainer(Network& network, TrainSpec spec, DataView train, std::optional<DataView> validation = {});

    /// Trains until the last epoch, early stopping, divergence, or the observer pauses or cancels.
    TrainResult run(const TrainObserver& observer = {});
    /// Trains to the end of the current epoch (or an earlier pause, cancel or stop).
    TrainResult runEpoch(const TrainObserver& observer = {});

    /// Changes the learning rate from the next batch on (teaching mode's slider while
    /// it plays); the rest of the state, the shuffle included, is untouched.
    /// Throws std::invalid_argument unless `rate` is finite and positive.
    void setLearningRate(float rate);

    bool finished() const { return m_finished; }
    const std::vector<EpochReport>& history() const { return m_history; }
    const TrainSpec& spec() const { return m_spec; }

private:
    TrainResult runUntil(const TrainObserver& observer, bool stopAtEpochEnd);
    TrainResult result(TrainStatus status, std::string message) const;
    void startEpoch();
    /// Returns false when the loss was not finite.
    bool trainBatch(double& loss);
    /// The forward and backward pass of the gathered batch on one thread.
    double computeGradientsSerial();
    /// The same with the batch split over replicas, one thread each (see m_replicas).
    double computeGradientsParallel();
    EpochReport finishEpoch();
    std::string restoreBestWeights();

    Network& m_network;
    TrainSpec m_spec;
    DataView m_train;
    std::optional<DataView> m_validation;

    Optimizer m_optimizer;
    LearningRateSchedule m_schedule;
    Rng m_rng;
    Network::Workspace m_workspace;
    Matrix m_batchX;
    Matrix m_batchY;
    Matrix m_gradLogits;

    /// Data-parallel training: with several threads and no batch normalisation
    /// (whose statistics need the whole batch), each thread runs the forward and
    /// backward pass of a slice of the batch on a copy of the network, and the
    /// slices' gradients are combined exactly as one batch's. Small layers keep
    /// both cores busy this way, which splitting each small product cannot.
    struct Replica {
        Network network;
        std::vector<Parameter*> parameters;
        Network::Workspace workspace;
        Matrix gradLogits;
        Rng rng;
        double loss = 0.0;
        double normalizer = 0.0;
        long long correct = 0;
        std::exception_ptr error;
    };
    std::vector<Replica> m_replicas;
    std::vector<Parameter*> m_parameters;
    long long m_batchCorrect = 0;

    std::vector<std::int64_t> m_order;
    int m_epoch = 0; ///< 0-based index of the current epoch.
    int m_batch = 0; ///< Next batch within the current epoch.
    int m_batchesPerEpoch = 0;
    bool m_inEpoch = false;
    double m_lossSum = 0.0;
    long long m_correct = 0;
    long long m_seen = 0;
    double m_epochSeconds = 0.0;

    NamedTensors m_epochStartWeights;
    NamedTensors m_bestWeights;
    NamedTensors m_lastEpochWeights;
    double m_bestLoss = 0.0;
    int m_bestEpoch = 0;
    int m_epochsWithoutImprovement = 0;
    bool m_finished = false;
    TrainStatus m_finalStatus = TrainStatus::Completed;
    std::string m_finalMessage;
    std::vector<EpochReport> m_history;
    std::function<void(const BatchReport&)> m_batchHook; ///< See setBatchHookForTesting().
};

} // namespace neurolift

#pragma once

#include <limits>
#include <optional>
#include <string_view>

namespace neurolift {

enum class ScheduleKind {
    Constant, ///< The base learning rate throughout.
    Step,     ///< Multiplied by `gamma` every `stepEpochs` epochs.
    Cosine,   ///< Cosine annealing from the base rate to `minLearningRate` over the run; holds the minimum
              ///< after (PyTorch's closed form would rise again).
    ReduceOnPlateau ///< Multiplied by `factor` when the monitored loss stops improving for `patience` epochs.
};

std::string_view scheduleKindId(ScheduleKind k);
std::optional<ScheduleKind> scheduleKindFromId(std::string_view id);

struct ScheduleSpec {
    ScheduleKind kind = ScheduleKind::Constant;
    int stepEpochs = 10;
    float gamma = 0.5f;
    int cosineEpochs = 0;         ///< Length of the cosine cycle; 0 means the run's number of epochs.
    float minLearningRate = 0.0f; ///< Floor for Cosine and ReduceOnPlateau.
    float factor = 0.5f;
    int patience = 5;
    float threshold = 1e-4f; ///< Relative improvement that counts as better (PyTorch's "rel" mode).

    bool operator==(const ScheduleSpec&) const = default;
};

/// Learning rate per epoch, as PyTorch's schedulers stepped once per epoch.
class LearningRateSchedule {
public:
    LearningRateSchedule(const ScheduleSpec& spec, float baseRate, int totalEpochs);

    /// The rate for the current epoch (0-based, advanced by endEpoch()).
    float rate() const { return m_rate; }
    int epoch() const { return m_epoch; }
    /// Moves to the next epoch; `monitoredLoss` feeds ReduceOnPlateau (ignored otherwise).
    void endEpoch(double monitoredLoss);
    /// Replaces the base rate from now on; the current rate is scaled alike, so a
    /// plateau's reductions and a step or cosine schedule keep their shape.
    void setBaseRate(float rate);

private:
    float rateAt(int epoch) const;

    ScheduleSpec m_spec;
    float m_base;
    int m_total;
    int m_epoch = 0;
    float m_rate;
    double m_best = std::numeric_limits<double>::infinity();
    int m_badEpochs = 0;
};

} // namespace neurolift

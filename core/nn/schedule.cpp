#include "nn/schedule.h"

#include "nn/enumnames.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace neurolift {

namespace {

constexpr std::array kSchedules{
    EnumName<ScheduleKind>{ScheduleKind::Constant, "constant", "Constant"},
    EnumName<ScheduleKind>{ScheduleKind::Step, "step", "Step"},
    EnumName<ScheduleKind>{ScheduleKind::Cosine, "cosine", "Cosine"},
    EnumName<ScheduleKind>{ScheduleKind::ReduceOnPlateau, "reduce_on_plateau", "Reduce on plateau"},
};

} // namespace

std::string_view scheduleKindId(ScheduleKind k)
{
    return enumEntry(kSchedules, k).id;
}

std::optional<ScheduleKind> scheduleKindFromId(std::string_view id)
{
    return enumFromId(kSchedules, id);
}

LearningRateSchedule::LearningRateSchedule(const ScheduleSpec& spec, float baseRate, int totalEpochs)
    : m_spec(spec)
    , m_base(baseRate)
    , m_total(std::max(totalEpochs, 1))
    , m_rate(baseRate)
{
    m_rate = rateAt(0);
}

float LearningRateSchedule::rateAt(int epoch) const
{
    switch (m_spec.kind) {
    case ScheduleKind::Constant:
    case ScheduleKind::ReduceOnPlateau:
        return m_base;
    case ScheduleKind::Step: {
        const int steps = epoch / std::max(m_spec.stepEpochs, 1);
        return m_base * static_cast<float>(std::pow(static_cast<double>(m_spec.gamma), steps));
    }
    case ScheduleKind::Cosine: {
        const int length = m_spec.cosineEpochs > 0 ? m_spec.cosineEpochs : m_total;
        const double t = std::min(epoch, length);
        const double eta = m_spec.minLearningRate +
                           (m_base - m_spec.minLearningRate) * 0.5 * (1.0 + std::cos(M_PI * t / length));
        return static_cast<float>(eta);
    }
    }
    return m_base;
}

void LearningRateSchedule::setBaseRate(float rate)
{
    m_rate = m_base > 0.0f ? m_rate * (rate / m_base) : rate;
    m_base = rate;
}

void LearningRateSchedule::endEpoch(double monitoredLoss)
{
    ++m_epoch;
    if (m_spec.kind != ScheduleKind::ReduceOnPlateau) {
        m_rate = rateAt(m_epoch);
        return;
    }
    // As PyTorch: the best starts at infinity, so a NaN loss never counts as an improvement.
    if (monitoredLoss < m_best * (1.0 - m_spec.threshold)) {
        m_best = monitoredLoss;
        m_badEpochs = 0;
    } else if (++m_badEpochs > m_spec.patience) {
        m_rate = std::max(m_rate * m_spec.factor, m_spec.minLearningRate);
        m_badEpochs = 0;
    }
}

} // namespace neurolift

#include "training/trainer.h"

#include "nn/threading.h"
#include "training/metrics.h"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace neurolift {

namespace {

/// A learning rate as a user typed it: 10, 0.1, 1e-06.
std::string rateText(float rate)
{
    std::ostringstream out;
    out << rate;
    return out.str();
}

constexpr Index kEvaluationChunk = 4096;
/// Smallest slice of a batch worth a thread of its own in data-parallel training.
constexpr int kMinSamplesPerReplica = 32;

std::string formatLoss(double v)
{
    std::ostringstream s;
    s.precision(4);
    s << v;
    return s.str();
}

/// Number of rows in a batch of logits whose prediction matches the target.
long long countCorrect(TaskKind task, const Matrix& logits, const Matrix& y)
{
    long long correct = 0;
    if (task == TaskKind::BinaryClassification) {
        for (Index i = 0; i < logits.cols(); ++i) {
            correct += (logits(0, i) >= 0.0f) == (y(0, i) >= 0.5f);
        }
    } else if (task == TaskKind::MultiClassification) {
        for (Index i = 0; i < logits.cols(); ++i) {
            Index best = 0;
            logits.col(i).maxCoeff(&best);
            correct += best == static_cast<Index>(y(0, i));
        }
    }
    return correct;
}

/// The hook setBatchHookForTesting() sets, and the lock that lets a test set it while trainers start.
struct BatchHook {
    std::mutex mutex;
    std::function<void(const BatchReport&)> hook;
};

BatchHook& batchHook()
{
    static BatchHook h;
    return h;
}

} // namespace

void setBatchHookForTesting(std::function<void(const BatchReport&)> hook)
{
    BatchHook& h = batchHook();
    const std::lock_guard lock(h.mutex);
    h.hook = std::move(hook);
}

DataView DataView::slice(Index begin, Index end) const
{
    DataView v = *this;
    v.features = features + begin * featureCount;
    v.targets = targets + begin * targetCount;
    v.rows = end - begin;
    return v;
}

DataView DataView::of(const Matrix& x, const Matrix& y)
{
    return {x.data(), x.rows(), y.data(), y.rows(), x.cols()};
}

TrainSpec TrainSpec::forTask(const TaskSpec& task)
{
    TrainSpec s;
    s.task = task;
    s.loss.kind = defaultLoss(task.kind);
    return s;
}

std::string_view trainStatusId(TrainStatus s)
{
    switch (s) {
    case TrainStatus::Completed:
        return "completed";
    case TrainStatus::EarlyStopped:
        return "early_stopped";
    case TrainStatus::Paused:
        return "paused";
    case TrainStatus::Cancelled:
        return "cancelled";
    case TrainStatus::Diverged:
        return "diverged";
    }
    return "unknown";
}

EvaluationMetrics evaluate(const Network& network, const DataView& data, const TaskSpec& task,
                           const LossSpec& loss)
{
    if (data.rows == 0) {
        throw std::invalid_argument("cannot evaluate on an empty data set");
    }
    LossSpec plain = loss;
    plain.classWeights.clear();
    Network::Workspace ws;
    Matrix logits;
    double lossSum = 0.0;
    const Index outputs = network.outputSize();
    std::vector<float> predictions(static_cast<std::size_t>(data.rows * outputs));
    for (Index begin = 0; begin < data.rows; begin += kEvaluationChunk) {
        const Index end = std::min(begin + kEvaluationChunk, data.rows);
        const DataView chunk = data.slice(begin, end);
        network.predictLogits(chunk.x(), logits, ws);
        lossSum += computeLoss(plain, logits, chunk.y()) * static_cast<double>(end - begin);
        applyActivationInPlace(network.outputLink(), logits);
        std::copy(logits.data(), logits.data() + logits.size(), predictions.begin() + begin * outputs);
    }
    EvaluationMetrics m;
    m.loss = lossSum / static_cast<double>(data.rows);
    const std::span<const float> targets(data.targets,
                                         static_cast<std::size_t>(data.rows * data.targetCount));
    switch (task.kind) {
    case TaskKind::BinaryClassification: {
        const auto b = binaryMetrics(predictions, targets);
        m.accuracy = b.accuracy;
        m.auc = b.rocAuc;
        break;
    }
    case TaskKind::MultiClassification:
        m.accuracy = multiClassMetrics(predictions, targets, static_cast<int>(outputs)).accuracy;
        break;
    case TaskKind::Regression: {
        const auto r = regressionMetrics(predictions, targets);
        m.rmse = r.rmse;
        m.r2 = r.r2;
        break;
    }
    }
    return m;
}

Trainer::Trainer(Network& network, TrainSpec spec, DataView train, std::optional<DataView> validation)
    : m_network(network)
    , m_spec(std::move(spec))
    , m_train(train)
    , m_validation(validation)
    , m_optimizer(m_spec.optimizer, network.parameters())
    , m_schedule(m_spec.schedule, m_spec.optimizer.learningRate, m_spec.epochs)
    , m_rng(m_spec.seed)
{
    {
        BatchHook& h = batchHook();
        const std::lock_guard lock(h.mutex);
        m_batchHook = h.hook;
    }
    if (!lossFitsTask(m_spec.loss.kind, m_spec.task.kind)) {
        throw std::invalid_argument("the loss " + std::string(lossKindId(m_spec.loss.kind)) +
                                    " does not fit a " + std::string(taskKindId(m_spec.task.kind)) +
                                    " target");
    }
    if (m_train.rows < 1) {
        throw std::invalid_argument("the training set is empty");
    }
    if (m_train.featureCount != network.inputSize()) {
        throw std::invalid_argument("the network expects " + std::to_string(network.inputSize()) +
                                    " features but the data has " + std::to_string(m_train.featureCount));
    }
    if (m_validation && (m_validation->rows < 1 || m_validation->featureCount != m_train.featureCount)) {
        throw std::invalid_argument("the validation set is empty or has other columns than the training set");
    }
    if (m_spec.epochs < 1 || m_spec.batchSize < 1) {
        throw std::invalid_argument("epochs and batch size must be at least 1");
    }
    m_batchesPerEpoch = static_cast<int>((m_train.rows + m_spec.batchSize - 1) / m_spec.batchSize);
    m_parameters = m_network.parameters();

    const int threads = m_spec.threads > 0 ? m_spec.threads : omp_get_num_procs();
    bool hasBatchNorm = false;
    for (std::size_t i = 0; i < m_network.layerCount(); ++i) {
        hasBatchNorm = hasBatchNorm || m_network.layer(i).kind() == LayerKind::BatchNorm;
    }
    if (threads > 1 && !hasBatchNorm && m_spec.batchSize >= kMinSamplesPerReplica * threads) {
        for (int r = 0; r < threads; ++r) {
            // Each replica draws its dropout masks from its own stream, derived from the seed.
            Replica rep{m_network, {},  {}, {}, Rng(m_spec.seed + 0x9E3779B97F4A7C15ULL * (r + 1)),
                        0.0,       0.0, 0,  {}};
            m_replicas.push_back(std::move(rep));
        }
        for (Replica& rep : m_replicas) {
            rep.parameters = rep.network.parameters();
        }
    }
}

void Trainer::setLearningRate(float rate)
{
    if (!std::isfinite(rate) || rate <= 0.0f) {
        throw std::invalid_argument("the learning rate must be a positive number, not " + std::to_string(rate));
    }
    m_spec.optimizer.learningRate = rate;
    m_schedule.setBaseRate(rate);
}

TrainResult Trainer::run(const TrainObserver& observer)
{
    return runUntil(observer, false);
}

TrainResult Trainer::runEpoch(const TrainObserver& observer)
{
    return runUntil(observer, true);
}

TrainResult Trainer::result(TrainStatus status, std::string message) const
{
    TrainResult r;
    r.status = status;
    r.history = m_history;
    r.bestEpoch = m_bestEpoch;
    r.message = std::move(message);
    if (!m_lastEpochWeights.empty()) {
        r.lastEpochWeights = m_lastEpochWeights;
    }
    return r;
}

void Trainer::startEpoch()
{
    m_order = m_rng.permutation(m_train.rows);
    m_batch = 0;
    m_lossSum = 0.0;
    m_correct = 0;
    m_seen = 0;
    m_epochSeconds = 0.0;
    m_epochStartWeights = m_network.weights();
    m_inEpoch = true;
}

bool Trainer::trainBatch(double& loss)
{
    const Index begin = static_cast<Index>(m_batch) * m_spec.batchSize;
    const Index end = std::min<Index>(begin + m_spec.batchSize, m_train.rows);
    const Index n = end - begin;
    const ConstMatrixMap x = m_train.x();
    const ConstMatrixMap y = m_train.y();
    m_batchX.resize(x.rows(), n);
    m_batchY.resize(y.rows(), n);
    constexpr Index kPrefetch = 8; // rows ahead: hides the cache misses of the random gather
    for (Index j = 0; j < n; ++j) {
        if (j + kPrefetch < n) {
            const Index ahead = m_order[static_cast<std::size_t>(begin + j + kPrefetch)];
            const char* p = reinterpret_cast<const char*>(x.col(ahead).data());
            for (Index off = 0; off < x.rows() * Index{sizeof(float)}; off += 64) {
                __builtin_prefetch(p + off);
            }
            __builtin_prefetch(y.col(ahead).data());
        }
        const Index row = m_order[static_cast<std::size_t>(begin + j)];
        m_batchX.col(j) = x.col(row);
        m_batchY.col(j) = y.col(row);
    }
    // A batch too small to split (the last one can be) runs on one thread.
    loss = m_replicas.empty() || n < static_cast<Index>(m_replicas.size()) ? computeGradientsSerial()
                                                                           : computeGradientsParallel();
    if (!std::isfinite(loss)) {
        return false;
    }
    m_correct += m_batchCorrect;
    m_optimizer.step(m_schedule.rate());
    m_lossSum += loss * static_cast<double>(n);
    m_seen += n;
    ++m_batch;
    return true;
}

double Trainer::computeGradientsSerial()
{
    const Matrix& logits = m_network.forward(m_batchX, m_workspace, Mode::Train, m_rng);
    const double loss = computeLoss(m_spec.loss, logits, m_batchY, &m_gradLogits);
    if (!std::isfinite(loss)) {
        return loss;
    }
    m_batchCorrect = countCorrect(m_spec.task.kind, logits, m_batchY);
    m_network.backward(m_batchX, m_workspace, m_gradLogits);
    return loss;
}

double Trainer::computeGradientsParallel()
{
    const Index n = m_batchX.cols();
    const auto parts = static_cast<Index>(m_replicas.size());
#pragma omp parallel num_threads(static_cast <int>(parts))
    {
        const Index thread = omp_get_thread_num();
        const Index threads = omp_get_num_threads();
        // Each replica takes a contiguous slice of the batch and the current weights.
        for (Index r = thread; r < parts; r += threads) {
            Replica& rep = m_replicas[static_cast<std::size_t>(r)];
            const Index begin = n * r / parts;
            const Index end = n * (r + 1) / parts;
            try {
                for (std::size_t p = 0; p < m_parameters.size(); ++p) {
                    rep.parameters[p]->value = m_parameters[p]->value;
                }
                const auto x = m_batchX.middleCols(begin, end - begin);
                const auto y = m_batchY.middleCols(begin, end - begin);
                const Matrix& logits = rep.network.forward(x, rep.workspace, Mode::Train, rep.rng);
                rep.loss = computeLoss(m_spec.loss, logits, y, &rep.gradLogits);
                rep.normalizer = lossNormalizer(m_spec.loss, y);
                rep.correct = countCorrect(m_spec.task.kind, logits, y);
                if (std::isfinite(rep.loss)) {
                    rep.network.backward(x, rep.workspace, rep.gradLogits);
                }
            } catch (...) {
                // An exception must not leave an OpenMP region; it is rethrown below.
                rep.error = std::current_exception();
            }
        }
#pragma omp barrier
        // The batch's gradient is the slices' gradients weighted by their share of
        // the loss's denominator; each thread sums its own range of every tensor,
        // always in replica order, so the result does not depend on timing.
        double total = 0.0;
        for (const Replica& rep : m_replicas) {
            total += rep.normalizer;
        }
        for (std::size_t p = 0; p < m_parameters.size(); ++p) {
            float* grad = m_parameters[p]->grad.data();
            const Index size = m_parameters[p]->grad.size();
            const Index begin = size * thread / threads;
            const Index end = size * (thread + 1) / threads;
            for (std::size_t r = 0; r < m_replicas.size(); ++r) {
                const float share = static_cast<float>(m_replicas[r].normalizer / total);
                const float* part = m_replicas[r].parameters[p]->grad.data();
                if (r == 0) {
                    for (Index e = begin; e < end; ++e) {
                        grad[e] = part[e] * share;
                    }
                } else {
                    for (Index e = begin; e < end; ++e) {
                        grad[e] += part[e] * share;
                    }
                }
            }
        }
    }
    double total = 0.0;
    for (Replica& rep : m_replicas) {
        if (rep.error) {
            std::rethrow_exception(std::exchange(rep.error, nullptr));
        }
        total += rep.normalizer;
    }
    double loss = 0.0;
    m_batchCorrect = 0;
    for (const Replica& rep : m_replicas) {
        loss += rep.loss * rep.normalizer / total;
        m_batchCorrect += rep.correct;
    }
    return loss;
}

EpochReport Trainer::finishEpoch()
{
    EpochReport report;
    report.epoch = m_epoch + 1;
    report.trainLoss = m_lossSum / static_cast<double>(m_seen);
    if (m_spec.task.kind != TaskKind::Regression) {
        report.trainAccuracy = static_cast<double>(m_correct) / static_cast<double>(m_seen);
    }
    report.learningRate = m_schedule.rate();
    const auto t0 = std::chrono::steady_clock::now();
    if (m_validation) {
        report.validation = evaluate(m_network, *m_validation, m_spec.task, m_spec.loss);
    }
    m_epochSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    report.seconds = m_epochSeconds;
    m_inEpoch = false;
    return report;
}

std::string Trainer::restoreBestWeights()
{
    if (!m_spec.earlyStopping.enabled || !m_spec.earlyStopping.restoreBest || m_bestWeights.empty()) {
        return {};
    }
    if (m_bestEpoch != static_cast<int>(m_history.size())) {
        m_lastEpochWeights = m_network.weights();
    }
    m_network.setWeights(m_bestWeights);
    return " The weights of epoch " + std::to_string(m_bestEpoch) + ", the best one, were kept.";
}

TrainResult Trainer::runUntil(const TrainObserver& observer, bool stopAtEpochEnd)
{
    if (m_finished) {
        return result(m_finalStatus, m_finalMessage);
    }
    const ThreadCountScope threads(m_spec.threads);
    auto finish = [&](TrainStatus status, std::string message) {
        m_finished = true;
        m_finalStatus = status;
        m_finalMessage = std::move(message);
        return result(status, m_finalMessage);
    };
    const bool monitorValidation = m_validation.has_value();

    while (m_epoch < m_spec.epochs) {
        if (!m_inEpoch) {
            startEpoch();
        }
        while (m_batch < m_batchesPerEpoch) {
            const auto t0 = std::chrono::steady_clock::now();
            double loss = 0.0;
            const bool finite = trainBatch(loss);
            m_epochSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (!finite) {
                m_network.setWeights(m_epochStartWeights);
                const std::string kept = m_epoch == 0 ? "the initial weights were kept"
                                                      : "the weights from the end of epoch " +
                                                            std::to_string(m_epoch) + " were kept";
                return finish(TrainStatus::Diverged,
                              "Training stopped in epoch " + std::to_string(m_epoch + 1) + ", batch " +
                                  std::to_string(m_batch + 1) + ": the loss became " +
                                  (std::isnan(loss) ? "NaN (not a number)" : "infinite") + "; " + kept +
                                  ". Lower the learning rate (now " + rateText(m_schedule.rate()) +
                                  ") or clip the gradients.");
            }
            if (m_batchHook || observer.onBatch) {
                const BatchReport br{m_epoch + 1,         m_batch, m_batchesPerEpoch,
                                     m_optimizer.steps(), loss,    m_schedule.rate()};
                if (m_batchHook) {
                    m_batchHook(br);
                }
                const TrainControl c = observer.onBatch ? observer.onBatch(br) : TrainControl::Continue;
                if (c == TrainControl::Cancel) {
                    return finish(TrainStatus::Cancelled, "Training was stopped in epoch " +
                                                              std::to_string(m_epoch + 1) + "." +
                                                              restoreBestWeights());
                }
                if (c == TrainControl::Pause) {
                    return result(TrainStatus::Paused,
                                  "Training is paused in epoch " + std::to_string(m_epoch + 1) + ".");
                }
            }
        }

        EpochReport report = finishEpoch();
        const double monitored = monitorValidation ? report.validation->loss : report.trainLoss;
        if (!std::isfinite(monitored)) {
            m_network.setWeights(m_epochStartWeights);
            m_history.push_back(report);
            return finish(
                TrainStatus::Diverged,
                "Training stopped in epoch " + std::to_string(m_epoch + 1) + ": the " +
                    (monitorValidation ? "validation " : "") + "loss became " +
                    (std::isnan(monitored) ? "NaN (not a number)" : "infinite") +
                    "; the weights from before this epoch were kept. Lower the learning rate (now " +
                    rateText(m_schedule.rate()) + ").");
        }
        if (m_bestEpoch == 0 || monitored < m_bestLoss - m_spec.earlyStopping.minDelta) {
            m_bestLoss = monitored;
            m_bestEpoch = report.epoch;
            m_epochsWithoutImprovement = 0;
            report.improved = true;
            if (m_spec.earlyStopping.enabled && m_spec.earlyStopping.restoreBest) {
                m_bestWeights = m_network.weights();
            }
        } else {
            ++m_epochsWithoutImprovement;
        }
        m_history.push_back(report);
        m_schedule.endEpoch(monitored);
        ++m_epoch;

        const TrainControl c = observer.onEpoch ? observer.onEpoch(report) : TrainControl::Continue;
        if (c == TrainControl::Cancel) {
            return finish(TrainStatus::Cancelled, "Training was stopped after epoch " +
                                                      std::to_string(m_epoch) + "." + restoreBestWeights());
        }
        if (m_spec.earlyStopping.enabled && m_epochsWithoutImprovement >= m_spec.earlyStopping.patience) {
            return finish(TrainStatus::EarlyStopped,
                          "Stopped early after epoch " + std::to_string(m_epoch) + ": the " +
                              (monitorValidation ? "validation" : "training") +
                              " loss had not improved for " + std::to_string(m_epochsWithoutImprovement) +
                              " epochs (best " + formatLoss(m_bestLoss) + ")." + restoreBestWeights());
        }
        if (c == TrainControl::Pause || (stopAtEpochEnd && m_epoch < m_spec.epochs)) {
            return result(TrainStatus::Paused,
                          "Training is paused after epoch " + std::to_string(m_epoch) + ".");
        }
    }
    return finish(TrainStatus::Completed,
                  "Trained for " + std::to_string(m_spec.epochs) + " epochs." + restoreBestWeights());
}

} // namespace neurolift

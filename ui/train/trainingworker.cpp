#include "train/trainingworker.h"

#include <QMetaObject>

#include <exception>
#include <mutex>
#include <utility>

namespace neurolift {

namespace {

/// At most this often a batch report crosses to the GUI (~30 a second).
constexpr auto kBatchSignalInterval = std::chrono::milliseconds(33);

/// The clock setClockForTesting() sets, locked since a test may set it while a session starts.
struct TestClock {
    std::mutex mutex;
    TrainingWorker::Clock clock;
};

TestClock& testClock()
{
    static TestClock c;
    return c;
}

} // namespace

TrainingWorker::TrainingWorker(TrainingJob job)
    : m_job(std::move(job))
{
    TestClock& c = testClock();
    const std::lock_guard lock(c.mutex);
    m_clock = c.clock;
}

void TrainingWorker::setClockForTesting(Clock clock)
{
    TestClock& c = testClock();
    const std::lock_guard lock(c.mutex);
    c.clock = std::move(clock);
}

std::chrono::steady_clock::time_point TrainingWorker::now() const
{
    return m_clock ? m_clock() : std::chrono::steady_clock::now();
}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::requestPause(long long command)
{
    m_pauseRequest.store(command);
}

void TrainingWorker::requestStop()
{
    m_stopRequest.store(true);
}

void TrainingWorker::abandon()
{
    m_abandoned.store(true);
}

void TrainingWorker::start(long long command)
{
    if (m_state == TrainingState::Idle) {
        train(command, false);
    }
}

void TrainingWorker::resume(long long command)
{
    if (m_state == TrainingState::Paused) {
        train(command, false);
    }
}

void TrainingWorker::stepEpoch(long long command)
{
    if (m_state == TrainingState::Idle || m_state == TrainingState::Paused) {
        train(command, true);
    }
}

void TrainingWorker::stop()
{
    if (m_state == TrainingState::Paused) {
        finishCancelledWhilePaused();
    } else if (m_state == TrainingState::Idle) {
        setState(TrainingState::Finished);
    }
}

void TrainingWorker::setState(TrainingState state)
{
    if (state != m_state) {
        m_state = state;
        emit stateChanged(state);
    }
}

bool TrainingWorker::prepare()
{
    try {
        if (!m_job.data) {
            throw std::invalid_argument("there is no prepared data to train on");
        }
        const PreparedData& data = *m_job.data;
        const TaskSpec task = data.task();
        const int inputs = static_cast<int>(data.recipe.featureCount());
        const auto issues = m_job.architecture.validate(inputs, task);
        if (!issues.empty()) {
            throw std::invalid_argument(issues.front().message);
        }
        m_spec = m_job.settings.toTrainSpec(task, classCounts(data.train, task));
        m_network = std::make_unique<Network>(m_job.architecture, inputs, m_job.settings.seed);
        std::optional<DataView> validation;
        if (data.validation.rows() > 0) {
            validation = data.validation.view();
        }
        m_trainer = std::make_unique<Trainer>(*m_network, m_spec, data.train.view(), validation);
        m_startedAt = utcNow();
        return true;
    } catch (const std::exception& e) {
        m_trainer.reset();
        m_network.reset();
        emit failed(QString::fromStdString(e.what()));
        setState(TrainingState::Finished);
        return false;
    }
}

TrainControl TrainingWorker::control()
{
    if (m_stopRequest.load() || m_abandoned.load()) {
        return TrainControl::Cancel;
    }
    // A pause meant for an earlier stretch of training (already over) is ignored.
    if (m_pauseRequest.load() >= m_runCommand) {
        return TrainControl::Pause;
    }
    return TrainControl::Continue;
}

void TrainingWorker::flushBatches()
{
    if (m_pendingBatches == 0) {
        return;
    }
    emit batchLosses(std::exchange(m_pendingList, {}));
    emit batchFinished(m_lastEpoch, m_lastBatch, m_batchesPerEpoch, m_pendingLoss / m_pendingBatches);
    m_pendingLoss = 0.0;
    m_pendingBatches = 0;
    m_lastBatchSignal = now();
}

void TrainingWorker::train(long long command, bool oneEpoch)
{
    if (!m_trainer && !prepare()) {
        return;
    }
    m_runCommand = command;
    if (m_stopRequest.load()) {
        finishCancelledWhilePaused();
        return;
    }
    setState(TrainingState::Running);

    TrainObserver observer;
    observer.onBatch = [this](const BatchReport& r) {
        m_lastEpoch = r.epoch;
        m_lastBatch = r.batch;
        m_batchesPerEpoch = r.batchesPerEpoch;
        m_pendingLoss += r.loss;
        ++m_pendingBatches;
        m_pendingList.append(BatchLoss{r.epoch, r.batch, r.batchesPerEpoch, r.loss});
        if (now() - m_lastBatchSignal >= kBatchSignalInterval) {
            flushBatches();
        }
        return control();
    };
    observer.onEpoch = [this](const EpochReport& r) {
        m_epochsDone = r.epoch;
        if (r.improved) {
            m_bestEpoch = r.epoch;
            if (m_spec.earlyStopping.enabled && m_spec.earlyStopping.restoreBest) {
                m_bestWeights = m_network->weights();
            }
        }
        EpochProgress p;
        p.epoch = runEpochFrom(r);
        p.improved = r.improved;
        p.bestEpoch = m_bestEpoch;
        p.totalEpochs = m_spec.epochs;
        p.batchesPerEpoch = m_batchesPerEpoch;
        emit epochFinished(p);
        return control();
    };

    TrainResult result;
    try {
        result = oneEpoch ? m_trainer->runEpoch(observer) : m_trainer->run(observer);
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
        setState(TrainingState::Finished);
        return;
    }
    flushBatches();
    if (result.status == TrainStatus::Paused) {
        setState(TrainingState::Paused);
        return;
    }
    finish(result);
}

void TrainingWorker::finishCancelledWhilePaused()
{
    // The trainer cancels only from its observer, i.e. after training one more
    // batch; a stop while paused must not change the weights, so the trainer's
    // cancel is done here the same way (same message, best weights restored).
    TrainResult r;
    r.status = TrainStatus::Cancelled;
    r.history = m_trainer->history();
    r.bestEpoch = m_bestEpoch;
    const bool midEpoch = m_lastEpoch > m_epochsDone;
    r.message = midEpoch ? "Training was stopped in epoch " + std::to_string(m_lastEpoch) + "."
                         : "Training was stopped after epoch " + std::to_string(m_epochsDone) + ".";
    if (m_spec.earlyStopping.enabled && m_spec.earlyStopping.restoreBest && !m_bestWeights.empty()) {
        if (m_bestEpoch != static_cast<int>(r.history.size())) {
            r.lastEpochWeights = m_network->weights();
        }
        m_network->setWeights(m_bestWeights);
        r.message += " The weights of epoch " + std::to_string(m_bestEpoch) + ", the best one, were kept.";
    }
    finish(r);
}

void TrainingWorker::finish(const TrainResult& result)
{
    if (m_abandoned.load()) {
        setState(TrainingState::Finished);
        return;
    }
    try {
        // The same record as `neurolift-cli train --project` writes.
        const PreparedData& data = *m_job.data;
        const TaskSpec task = data.task();
        RunRecord run;
        run.name = m_job.runName;
        run.settings = m_job.settings.toJson();
        run.settings["target"] = data.target.column;
        run.seed = m_job.settings.seed;
        run.startedAt = m_startedAt;
        run.finishedAt = utcNow();
        run.status = std::string(trainStatusId(result.status));
        run.message = result.message;
        run.warnings = result.warnings;
        std::optional<EvaluationMetrics> test;
        if (data.test.rows() > 0) {
            test = evaluate(*m_network, data.test.view(), task, m_spec.loss);
            run.metrics = testMetricsJson(*test, data.split.test.size());
        } else {
            run.metrics = nlohmann::json::object();
        }
        for (const EpochReport& e : result.history) {
            run.history.push_back(runEpochFrom(e));
        }
        run.bestEpoch = result.bestEpoch;
        run.split = splitAssignment(data.split, m_job.tableRows);
        TrainedModel& model = run.model;
        model.target = data.target;
        model.idColumn = data.selection.idColumn;
        model.recipe = data.recipe;
        model.architecture = m_job.architecture;
        model.weights = m_network->weights();
        model.summary = {{"source", m_job.source},         {"rows", m_job.tableRows},
                         {"seed", m_job.settings.seed},    {"epochs_run", result.history.size()},
                         {"best_epoch", result.bestEpoch}, {"status", trainStatusId(result.status)}};
        if (test) {
            model.summary["test_loss"] = test->loss;
            if (test->auc) {
                model.summary["test_auc"] = *test->auc;
            }
        }
        run.lastEpochWeights = result.lastEpochWeights;
        emit finished(run);
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
    }
    setState(TrainingState::Finished);
}

TrainingSession::TrainingSession(TrainingJob job, QObject* parent)
    : QObject(parent)
    , m_job(std::move(job))
{
    qRegisterMetaType<TrainingState>();
    qRegisterMetaType<EpochProgress>();
    qRegisterMetaType<RunRecord>();
    qRegisterMetaType<BatchLosses>();
    m_worker = new TrainingWorker(m_job);
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &TrainingWorker::batchFinished, this, &TrainingSession::batchFinished);
    connect(m_worker, &TrainingWorker::batchLosses, this, &TrainingSession::batchLosses);
    connect(m_worker, &TrainingWorker::epochFinished, this, &TrainingSession::epochFinished);
    connect(m_worker, &TrainingWorker::finished, this, &TrainingSession::finished);
    connect(m_worker, &TrainingWorker::failed, this, &TrainingSession::failed);
    connect(m_worker, &TrainingWorker::stateChanged, this, &TrainingSession::onWorkerState);
    m_thread.setObjectName(QStringLiteral("training"));
    m_thread.start();
}

TrainingSession::~TrainingSession()
{
    m_worker->abandon();
    m_thread.quit();
    m_thread.wait();
    // The thread has ended, so nothing else can touch the worker now.
    delete m_worker;
}

void TrainingSession::onWorkerState(TrainingState state)
{
    m_state = state;
    emit stateChanged(state);
}

void TrainingSession::start()
{
    if (m_state != TrainingState::Idle) {
        return;
    }
    m_state = TrainingState::Running;
    const long long n = ++m_command;
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, n] { w->start(n); }, Qt::QueuedConnection);
}

void TrainingSession::pause()
{
    if (m_state == TrainingState::Running) {
        m_worker->requestPause(m_command);
    }
}

void TrainingSession::resume()
{
    if (m_state != TrainingState::Paused) {
        return;
    }
    m_state = TrainingState::Running;
    const long long n = ++m_command;
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, n] { w->resume(n); }, Qt::QueuedConnection);
}

void TrainingSession::stepEpoch()
{
    if (m_state != TrainingState::Idle && m_state != TrainingState::Paused) {
        return;
    }
    m_state = TrainingState::Running;
    const long long n = ++m_command;
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, n] { w->stepEpoch(n); }, Qt::QueuedConnection);
}

void TrainingSession::stop()
{
    if (m_state == TrainingState::Finished) {
        return;
    }
    m_worker->requestStop();
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->stop(); }, Qt::QueuedConnection);
}

} // namespace neurolift

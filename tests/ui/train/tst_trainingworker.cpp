#include "batchgate.h"
#include "train/trainingworker.h"
#include "trainingdata.h"

#include "datacommands.h"
#include "nn/loss.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <vector>

using namespace neurolift;

Q_DECLARE_METATYPE(neurolift::ClassWeighting)
Q_DECLARE_METATYPE(neurolift::OptimizerKind)

namespace {

/// What training with the core Trainer directly gives.
struct DirectRun {
    NamedTensors weights;
    nlohmann::json testMetrics;
    int bestEpoch = 0;
    std::size_t epochs = 0;
    std::string status;
};

/// Trains as `neurolift-cli train` does, without the worker.
DirectRun trainDirectly(const PreparedData& data, const Architecture& arch, const TrainingSettings& s)
{
    const TaskSpec task = data.task();
    TrainSpec spec = TrainSpec::forTask(task);
    spec.optimizer.kind = s.optimizer;
    spec.optimizer.learningRate = s.learningRate;
    spec.epochs = s.epochs;
    spec.batchSize = s.batchSize;
    spec.seed = s.seed;
    spec.threads = s.threads;
    spec.earlyStopping.enabled = s.earlyStopping;
    spec.earlyStopping.patience = s.patience;
    if (s.classWeighting == ClassWeighting::Balanced) {
        std::vector<long long> counts(2, 0);
        for (Index i = 0; i < data.train.y.cols(); ++i) {
            ++counts[data.train.y(0, i) > 0.5f ? 1 : 0];
        }
        spec.loss.classWeights = balancedClassWeights(counts);
    }
    Network net(arch, static_cast<int>(data.recipe.featureCount()), s.seed);
    Trainer trainer(net, spec, data.train.view(), data.validation.view());
    const TrainResult result = trainer.run();
    DirectRun r;
    r.weights = net.weights();
    r.testMetrics = testMetricsJson(evaluate(net, data.test.view(), task, spec.loss), data.split.test.size());
    r.bestEpoch = result.bestEpoch;
    r.epochs = result.history.size();
    r.status = std::string(trainStatusId(result.status));
    return r;
}

bool sameWeights(const NamedTensors& a, const NamedTensors& b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].first != b[i].first || a[i].second.rows() != b[i].second.rows() ||
            a[i].second.cols() != b[i].second.cols() || a[i].second != b[i].second) {
            return false;
        }
    }
    return true;
}

} // namespace

class TestTrainingWorker : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void testSettingsDefaultsAreTheCommandLines();
    void testSettingsJsonRoundTrip_data();
    void testSettingsJsonRoundTrip();
    void testSettingsFromBadJsonNamesTheField_data();
    void testSettingsFromBadJsonNamesTheField();
    void testStartToFinishedMatchesTheTrainer_data();
    void testStartToFinishedMatchesTheTrainer();
    void testPauseAndResumeGiveTheUninterruptedWeights();
    void testStepEpochAdvancesExactlyOneEpoch();
    void testStopFinishesAsCancelled_data();
    void testStopFinishesAsCancelled();
    void testBatchReportsAreThrottled();
    void testBadArchitectureFails();
    void testDestroyingARunningSessionStopsIt();

private:
    /// A session over the shared data with `settings`.
    std::unique_ptr<TrainingSession> session(const TrainingSettings& settings) const;
    /// Waits for `s` to reach `state` (`ms`: a deadline for failing only).
    static bool waitForState(TrainingSession& s, TrainingState state, int ms = 60000);
    /// Batches in one epoch of the shared data at `batchSize`.
    int batchesPerEpoch(int batchSize) const;

    Table m_table;
    std::shared_ptr<const PreparedData> m_data;
    Architecture m_arch;
};

void TestTrainingWorker::initTestCase()
{
    m_table = test::customerTable(3000);
    m_data = test::preparedCustomers(m_table);
    m_arch = test::smallNetwork(m_data->task());
}

std::unique_ptr<TrainingSession> TestTrainingWorker::session(const TrainingSettings& settings) const
{
    TrainingJob job;
    job.data = m_data;
    job.tableRows = m_table.rowCount();
    job.architecture = m_arch;
    job.settings = settings;
    job.runName = "test run";
    job.source = "customers.csv";
    return std::make_unique<TrainingSession>(job);
}

bool TestTrainingWorker::waitForState(TrainingSession& s, TrainingState state, int ms)
{
    return QTest::qWaitFor([&] { return s.state() == state; }, ms);
}

int TestTrainingWorker::batchesPerEpoch(int batchSize) const
{
    return static_cast<int>((m_data->train.rows() + batchSize - 1) / batchSize);
}

void TestTrainingWorker::testSettingsDefaultsAreTheCommandLines()
{
    const cli::TrainOptions cli;
    const TrainingSettings s;
    QCOMPARE(std::string(optimizerKindId(s.optimizer)), cli.optimizer);
    QCOMPARE(s.learningRate, cli.learningRate);
    QCOMPARE(s.batchSize, cli.batch);
    QCOMPARE(s.epochs, cli.epochs);
    QCOMPARE(s.patience, cli.patience);
    QCOMPARE(s.seed, static_cast<std::uint64_t>(cli.seed));
    QCOMPARE(s.threads, cli.threads);
    QVERIFY(s.earlyStopping);
    QCOMPARE(s.classWeighting, ClassWeighting::None);
}

void TestTrainingWorker::testSettingsJsonRoundTrip_data()
{
    QTest::addColumn<OptimizerKind>("optimizer");
    QTest::addColumn<bool>("earlyStopping");
    QTest::addColumn<ClassWeighting>("weighting");
    QTest::newRow("adam, early stopping") << OptimizerKind::Adam << true << ClassWeighting::None;
    QTest::newRow("sgd, balanced") << OptimizerKind::SGD << false << ClassWeighting::Balanced;
    QTest::newRow("rmsprop") << OptimizerKind::RMSprop << true << ClassWeighting::Balanced;
}

void TestTrainingWorker::testSettingsJsonRoundTrip()
{
    QFETCH(OptimizerKind, optimizer);
    QFETCH(bool, earlyStopping);
    QFETCH(ClassWeighting, weighting);
    TrainingSettings s;
    s.optimizer = optimizer;
    s.learningRate = 0.0125f;
    s.batchSize = 17;
    s.epochs = 33;
    s.earlyStopping = earlyStopping;
    s.patience = 4;
    s.classWeighting = weighting;
    s.seed = 12345678901ULL;
    s.threads = 1;
    QVERIFY(TrainingSettings::fromJson(s.toJson()) == s);
    QVERIFY(TrainingSettings::fromJson(nlohmann::json::parse(s.toJson().dump())) == s);
    QVERIFY(TrainingSettings::fromJson(nlohmann::json::object()) == TrainingSettings{});
}

void TestTrainingWorker::testSettingsFromBadJsonNamesTheField_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("optimizer") << R"({"optimizer":"lbfgs"})"
                               << "optimizer";
    QTest::newRow("type") << R"({"epochs":"many"})"
                          << "epochs";
    QTest::newRow("weights") << R"({"class_weights":"heavy"})"
                             << "class_weights";
    QTest::newRow("rate") << R"({"learning_rate":-1})"
                          << "learning_rate";
}

void TestTrainingWorker::testSettingsFromBadJsonNamesTheField()
{
    QFETCH(QString, json);
    QFETCH(QString, field);
    try {
        TrainingSettings::fromJson(nlohmann::json::parse(json.toStdString()));
        QFAIL("no exception");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(field), e.what());
    }
}

void TestTrainingWorker::testStartToFinishedMatchesTheTrainer_data()
{
    QTest::addColumn<OptimizerKind>("optimizer");
    QTest::addColumn<bool>("earlyStopping");
    QTest::addColumn<ClassWeighting>("weighting");
    QTest::addColumn<int>("epochs");
    QTest::newRow("adam, early stopping") << OptimizerKind::Adam << true << ClassWeighting::None << 12;
    QTest::newRow("sgd, every epoch") << OptimizerKind::SGD << false << ClassWeighting::None << 6;
    QTest::newRow("adam, balanced classes") << OptimizerKind::Adam << true << ClassWeighting::Balanced << 6;
}

void TestTrainingWorker::testStartToFinishedMatchesTheTrainer()
{
    QFETCH(OptimizerKind, optimizer);
    QFETCH(bool, earlyStopping);
    QFETCH(ClassWeighting, weighting);
    QFETCH(int, epochs);
    TrainingSettings s;
    s.optimizer = optimizer;
    s.learningRate = optimizer == OptimizerKind::SGD ? 0.05f : 0.01f;
    s.epochs = epochs;
    s.earlyStopping = earlyStopping;
    s.patience = 3;
    s.classWeighting = weighting;
    s.seed = 7;
    s.threads = 1;
    const DirectRun expected = trainDirectly(*m_data, m_arch, s);

    auto run = session(s);
    QSignalSpy finished(run.get(), &TrainingSession::finished);
    QSignalSpy epochsSpy(run.get(), &TrainingSession::epochFinished);
    run->start();
    QVERIFY(finished.wait(30000));
    const auto record = finished.takeFirst().at(0).value<RunRecord>();

    QVERIFY(sameWeights(record.model.weights, expected.weights));
    QCOMPARE(record.metrics.dump(), expected.testMetrics.dump());
    QCOMPARE(record.bestEpoch, expected.bestEpoch);
    QCOMPARE(record.history.size(), expected.epochs);
    QCOMPARE(record.status, expected.status);
    QCOMPARE(epochsSpy.size(), int(expected.epochs));
    QVERIFY(waitForState(*run, TrainingState::Finished));

    // The rest of the record is complete, as the CLI writes it.
    QCOMPARE(record.name, std::string("test run"));
    QCOMPARE(record.seed, std::uint64_t(7));
    QCOMPARE(record.split.size(), m_table.rowCount());
    QCOMPARE(record.settings.at("epochs").get<int>(), epochs);
    QCOMPARE(record.settings.at("target").get<std::string>(), std::string("Bought"));
    QVERIFY(record.metrics.contains("test_auc"));
    QVERIFY(!record.startedAt.empty());
    QVERIFY(!record.finishedAt.empty());
    QVERIFY(!record.message.empty());
    QCOMPARE(record.model.target, m_data->target);
    QCOMPARE(record.model.architecture, m_arch);
    QCOMPARE(record.model.summary.at("rows").get<std::size_t>(), m_table.rowCount());
    QCOMPARE(record.model.summary.at("source").get<std::string>(), std::string("customers.csv"));
}

void TestTrainingWorker::testPauseAndResumeGiveTheUninterruptedWeights()
{
    TrainingSettings s;
    s.epochs = 6;
    s.batchSize = 16;
    s.earlyStopping = false;
    s.threads = 1;
    const DirectRun expected = trainDirectly(*m_data, m_arch, s);

    // Training is held right after these batches (optimiser steps) while the pause is asked for, so
    // each pause lands exactly there: the first batch, mid-epoch, an epoch's last batch (before its
    // validation) and mid-epoch again.
    const long long perEpoch = batchesPerEpoch(s.batchSize);
    const std::vector<long long> pauseAt{1, perEpoch / 2, 2 * perEpoch, 3 * perEpoch + 5};
    auto run = session(s);
    test::BatchGate gate([pauseAt](const BatchReport& r) {
        return std::find(pauseAt.begin(), pauseAt.end(), r.step) != pauseAt.end();
    });
    QSignalSpy finished(run.get(), &TrainingSession::finished);
    QSignalSpy batches(run.get(), &TrainingSession::batchFinished);
    run->start();
    for (const long long step : pauseAt) {
        QVERIFY(gate.waitUntilHeld());
        QCOMPARE(gate.heldAt().step, step);
        run->pause();
        gate.release();
        QVERIFY(waitForState(*run, TrainingState::Paused));
        QCOMPARE(gate.batches(), step);
        // The batches' last report ends where the run paused.
        const QList<QVariant> where = batches.last();
        QCOMPARE(where.at(0).toInt(), static_cast<int>((step - 1) / perEpoch + 1));
        QCOMPARE(where.at(1).toInt(), static_cast<int>((step - 1) % perEpoch + 1));
        // Nothing trains while paused: counted by the gate until resume, and checked once the thread is gone.
        gate.expectIdle(true);
        QCoreApplication::processEvents();
        QCOMPARE(batches.last(), where);
        QCOMPARE(gate.batches(), step);
        gate.expectIdle(false);
        run->resume();
    }
    QVERIFY(finished.wait(60000));
    QVERIFY(!gate.trainedOnTestThread());
    const auto record = finished.takeFirst().at(0).value<RunRecord>();
    QCOMPARE(record.status, std::string("completed"));
    QCOMPARE(record.history.size(), std::size_t(6));
    QVERIFY(sameWeights(record.model.weights, expected.weights));
    QCOMPARE(record.metrics.dump(), expected.testMetrics.dump());
    run.reset();
    QCOMPARE(gate.batchesWhileIdle(), 0LL);
}

void TestTrainingWorker::testStepEpochAdvancesExactlyOneEpoch()
{
    TrainingSettings s;
    s.epochs = 5;
    s.threads = 1;
    const long long perEpoch = batchesPerEpoch(s.batchSize);
    auto run = session(s);
    test::BatchGate gate;
    QSignalSpy epochs(run.get(), &TrainingSession::epochFinished);
    run->stepEpoch();
    QVERIFY(waitForState(*run, TrainingState::Paused));
    QCOMPARE(int(epochs.size()), 1);
    QCOMPARE(epochs.at(0).at(0).value<EpochProgress>().epoch.epoch, 1);
    QCOMPARE(gate.batches(), perEpoch);
    // From here on nothing may train until the next step; the gate counts what does.
    gate.expectIdle(true);
    QCoreApplication::processEvents();
    QCOMPARE(int(epochs.size()), 1);

    gate.expectIdle(false);
    run->stepEpoch();
    QTRY_COMPARE_WITH_TIMEOUT(int(epochs.size()), 2, 60000);
    QVERIFY(waitForState(*run, TrainingState::Paused));
    gate.expectIdle(true);
    QCOMPARE(gate.batches(), 2 * perEpoch);
    QCoreApplication::processEvents();
    QCOMPARE(int(epochs.size()), 2);
    QCOMPARE(epochs.at(1).at(0).value<EpochProgress>().epoch.epoch, 2);
    run.reset(); // the worker's thread ends: whatever it would still train has been counted
    QCOMPARE(gate.batchesWhileIdle(), 0LL);
    QCOMPARE(gate.batches(), 2 * perEpoch);
}

void TestTrainingWorker::testStopFinishesAsCancelled_data()
{
    QTest::addColumn<bool>("whilePaused");
    QTest::newRow("while running") << false;
    QTest::newRow("while paused") << true;
}

void TestTrainingWorker::testStopFinishesAsCancelled()
{
    QFETCH(bool, whilePaused);
    TrainingSettings s;
    s.epochs = 500;
    s.batchSize = 8;
    s.earlyStopping = true;
    s.patience = 400;
    s.threads = 1;
    auto run = session(s);
    // Held after the first batch of epoch 3, so the stop comes after two whole epochs, long before the end.
    test::BatchGate gate([](const BatchReport& r) { return r.epoch == 3 && r.batch == 1; });
    QSignalSpy finished(run.get(), &TrainingSession::finished);
    QSignalSpy epochs(run.get(), &TrainingSession::epochFinished);
    run->start();
    QVERIFY(gate.waitUntilHeld());
    if (whilePaused) {
        run->pause();
        gate.release();
        QVERIFY(waitForState(*run, TrainingState::Paused));
        run->stop();
    } else {
        run->stop();
        gate.release();
    }
    QVERIFY(finished.wait(60000));
    const auto record = finished.takeFirst().at(0).value<RunRecord>();
    QCOMPARE(record.status, std::string("cancelled"));
    QVERIFY2(record.message.find("stopped in epoch 3") != std::string::npos, record.message.c_str());
    QVERIFY(record.bestEpoch >= 1);
    QVERIFY(!record.model.weights.empty());
    QVERIFY(record.metrics.contains("test_auc"));
    QCOMPARE(record.split.size(), m_table.rowCount());
    QCOMPARE(record.history.size(), std::size_t(2));
    QCOMPARE(int(epochs.size()), 2);
    QCOMPARE(gate.lastBatch().epoch, 3);
    QCOMPARE(gate.lastBatch().batch, 1); // the stop took effect after the batch under way
    QVERIFY(waitForState(*run, TrainingState::Finished));
}

void TestTrainingWorker::testBatchReportsAreThrottled()
{
    TrainingSettings s;
    s.epochs = 3;
    s.batchSize = 4; // many tiny batches
    s.earlyStopping = false;
    s.threads = 1;
    // The throttle reads a clock that moves 5 ms with every batch (the test's, not the machine's):
    // far more batches than 30 a second of that clock.
    test::BatchGate gate;
    TrainingWorker::setClockForTesting(gate.batchClock(std::chrono::milliseconds(5)));
    const auto realClock = qScopeGuard([] { TrainingWorker::setClockForTesting({}); });
    auto run = session(s);
    QSignalSpy batches(run.get(), &TrainingSession::batchFinished);
    QSignalSpy losses(run.get(), &TrainingSession::batchLosses);
    QSignalSpy finished(run.get(), &TrainingSession::finished);
    run->start();
    QVERIFY(finished.wait(60000));
    const long long trained = gate.batches();
    QCOMPARE(trained, 3LL * batchesPerEpoch(s.batchSize));
    const double ms = static_cast<double>(gate.clockElapsed().count());
    qInfo("%lld batch reports for %lld batches in %.0f ms of the test's clock",
          static_cast<long long>(batches.size()), trained, ms);
    // At most one report per 33 ms, and one more for the batches left at the end; and none held back
    // longer than the batch that crosses the 33 ms (5 ms here).
    QVERIFY2(batches.size() <= ms / 33.0 + 1.0, qPrintable(QString::number(batches.size())));
    QVERIFY2(batches.size() >= ms / (33.0 + 5.0), qPrintable(QString::number(batches.size())));
    const auto last = batches.last();
    QCOMPARE(last.at(0).toInt(), 3);
    QCOMPARE(last.at(1).toInt(), last.at(2).toInt()); // the last report ends the last epoch

    // Each report carries every batch's own loss since the one before (issue 18: the chart draws
    // one point per batch), ending where the report ends and averaging to the report's loss.
    QCOMPARE(losses.size(), batches.size());
    const int perEpoch = static_cast<int>(batchesPerEpoch(s.batchSize));
    int epoch = 1;
    int batch = 0;
    for (int i = 0; i < losses.size(); ++i) {
        const auto list = losses.at(i).at(0).value<BatchLosses>();
        QVERIFY(!list.isEmpty());
        double sum = 0.0;
        for (const BatchLoss& b : list) {
            if (++batch > perEpoch) {
                batch = 1;
                ++epoch;
            }
            QCOMPARE(b.epoch, epoch);
            QCOMPARE(b.batch, batch);
            QCOMPARE(b.batchesPerEpoch, perEpoch);
            QVERIFY(std::isfinite(b.loss) && b.loss >= 0.0);
            sum += b.loss;
        }
        QCOMPARE(list.last().epoch, batches.at(i).at(0).toInt());
        QCOMPARE(list.last().batch, batches.at(i).at(1).toInt());
        QVERIFY(std::abs(sum / list.size() - batches.at(i).at(3).toDouble()) < 1e-9);
    }
    QCOMPARE(static_cast<long long>(epoch - 1) * perEpoch + batch, trained);
}

void TestTrainingWorker::testBadArchitectureFails()
{
    TrainingJob job;
    job.data = m_data;
    job.tableRows = m_table.rowCount();
    job.architecture.layers = {LayerSpec::dense(3, Activation::ReLU)}; // wrong output for a yes/no target
    TrainingSession run(job);
    QSignalSpy failed(&run, &TrainingSession::failed);
    run.start();
    QVERIFY(failed.wait(60000));
    QVERIFY(!failed.at(0).at(0).toString().isEmpty());
    QVERIFY(waitForState(run, TrainingState::Finished));
}

void TestTrainingWorker::testDestroyingARunningSessionStopsIt()
{
    TrainingSettings s;
    s.epochs = 10000;
    s.batchSize = 4;
    s.earlyStopping = false;
    s.threads = 1;
    auto run = session(s);
    test::BatchGate gate([](const BatchReport& r) { return r.step == 5; });
    QSignalSpy finished(run.get(), &TrainingSession::finished);
    run->start();
    QVERIFY(gate.waitUntilHeld());
    gate.release();
    run.reset(); // returns once the thread has ended
    const long long trained = gate.batches();
    qInfo("%lld batches trained before the session was gone", trained);
    // The run stopped where it was: far from its 10,000 epochs, and without a run record.
    QVERIFY2(trained < 10000LL * batchesPerEpoch(s.batchSize), qPrintable(QString::number(trained)));
    QVERIFY(gate.lastBatch().epoch < 10000);
    QCOMPARE(finished.size(), 0);
}

QTEST_GUILESS_MAIN(TestTrainingWorker)
#include "tst_trainingworker.moc"

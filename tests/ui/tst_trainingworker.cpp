#include "trainingdata.h"
#include "trainingworker.h"

#include "datacommands.h"
#include "nn/loss.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

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
    /// Waits for `s` to reach `state`.
    static bool waitForState(TrainingSession& s, TrainingState state, int ms = 20000);

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
    QElapsedTimer t;
    t.start();
    QSignalSpy spy(&s, &TrainingSession::stateChanged);
    while (s.state() != state && t.elapsed() < ms) {
        spy.wait(50);
    }
    return s.state() == state;
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
    s.epochs = 100;
    s.batchSize = 4; // many batches, so the run lasts long enough to pause it several times
    s.earlyStopping = false;
    s.threads = 1;
    const DirectRun expected = trainDirectly(*m_data, m_arch, s);

    auto run = session(s);
    QSignalSpy finished(run.get(), &TrainingSession::finished);
    QSignalSpy epochs(run.get(), &TrainingSession::epochFinished);
    QSignalSpy batches(run.get(), &TrainingSession::batchFinished);
    // A pause lands wherever training is when the worker reads it: mostly mid-epoch.
    run->start();
    int pauses = 0;
    int midEpoch = 0;
    while (pauses < 5) {
        const qsizetype seen = batches.size();
        QTRY_VERIFY_WITH_TIMEOUT(batches.size() > seen || !finished.isEmpty(), 20000);
        run->pause();
        QTRY_VERIFY_WITH_TIMEOUT(run->state() == TrainingState::Paused || !finished.isEmpty(), 20000);
        if (!finished.isEmpty()) {
            break;
        }
        ++pauses;
        const QList<QVariant> where = batches.last();
        midEpoch += where.at(1).toInt() < where.at(2).toInt() ? 1 : 0;
        QTest::qWait(40);
        QCOMPARE(batches.last(), where); // nothing trains while paused
        run->resume();
    }
    QVERIFY2(pauses >= 3, "the run ended before it could be paused three times");
    QVERIFY(midEpoch >= 1);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    const auto record = finished.takeFirst().at(0).value<RunRecord>();
    QCOMPARE(record.status, std::string("completed"));
    QCOMPARE(record.history.size(), std::size_t(100));
    QVERIFY(sameWeights(record.model.weights, expected.weights));
    QCOMPARE(record.metrics.dump(), expected.testMetrics.dump());
}

void TestTrainingWorker::testStepEpochAdvancesExactlyOneEpoch()
{
    TrainingSettings s;
    s.epochs = 5;
    s.threads = 1;
    auto run = session(s);
    QSignalSpy epochs(run.get(), &TrainingSession::epochFinished);
    run->stepEpoch();
    QVERIFY(waitForState(*run, TrainingState::Paused));
    QCOMPARE(int(epochs.size()), 1);
    QCOMPARE(epochs.at(0).at(0).value<EpochProgress>().epoch.epoch, 1);
    QTest::qWait(50);
    QCOMPARE(int(epochs.size()), 1);

    run->stepEpoch();
    QTRY_COMPARE_WITH_TIMEOUT(int(epochs.size()), 2, 20000);
    QVERIFY(waitForState(*run, TrainingState::Paused));
    QTest::qWait(50);
    QCOMPARE(int(epochs.size()), 2);
    QCOMPARE(epochs.at(1).at(0).value<EpochProgress>().epoch.epoch, 2);
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
    QSignalSpy finished(run.get(), &TrainingSession::finished);
    QSignalSpy epochs(run.get(), &TrainingSession::epochFinished);
    run->start();
    QTRY_VERIFY_WITH_TIMEOUT(epochs.size() >= 2, 20000);
    if (whilePaused) {
        run->pause();
        QVERIFY(waitForState(*run, TrainingState::Paused));
    }
    run->stop();
    QVERIFY(finished.wait(20000));
    const auto record = finished.takeFirst().at(0).value<RunRecord>();
    QCOMPARE(record.status, std::string("cancelled"));
    QVERIFY2(record.message.find("stopped") != std::string::npos, record.message.c_str());
    QVERIFY(record.bestEpoch >= 1);
    QVERIFY(!record.model.weights.empty());
    QVERIFY(record.metrics.contains("test_auc"));
    QCOMPARE(record.split.size(), m_table.rowCount());
    QVERIFY(record.history.size() >= 2);
    QVERIFY(record.history.size() < 500);
    QVERIFY(waitForState(*run, TrainingState::Finished));
}

void TestTrainingWorker::testBatchReportsAreThrottled()
{
    TrainingSettings s;
    s.epochs = 300;
    s.batchSize = 4; // many tiny batches: far more than 30 a second
    s.earlyStopping = false;
    s.threads = 1;
    auto run = session(s);
    QSignalSpy batches(run.get(), &TrainingSession::batchFinished);
    QSignalSpy finished(run.get(), &TrainingSession::finished);
    QElapsedTimer timer;
    timer.start();
    run->start();
    QVERIFY(finished.wait(60000));
    const double seconds = timer.elapsed() / 1000.0;
    const double perSecond = batches.size() / seconds;
    qInfo("%lld batch reports in %.2f s: %.1f a second", static_cast<long long>(batches.size()), seconds,
          perSecond);
    QVERIFY(batches.size() > 0);
    QVERIFY2(seconds > 0.5, "too short to measure a rate");
    // One report per 33 ms, and one more for the batches left at the end.
    QVERIFY2(batches.size() <= seconds * 31.0 + 2, qPrintable(QString::number(perSecond)));
    const auto last = batches.last();
    QCOMPARE(last.at(0).toInt(), 300);
    QCOMPARE(last.at(1).toInt(), last.at(2).toInt()); // the last report ends the last epoch
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
    QVERIFY(failed.wait(10000));
    QVERIFY(!failed.at(0).at(0).toString().isEmpty());
    QVERIFY(waitForState(run, TrainingState::Finished));
}

void TestTrainingWorker::testDestroyingARunningSessionStopsIt()
{
    TrainingSettings s;
    s.epochs = 10000;
    s.earlyStopping = false;
    s.threads = 1;
    auto run = session(s);
    QSignalSpy batches(run.get(), &TrainingSession::batchFinished);
    run->start();
    QVERIFY(batches.wait(10000));
    QElapsedTimer t;
    t.start();
    run.reset();
    QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
}

QTEST_GUILESS_MAIN(TestTrainingWorker)
#include "tst_trainingworker.moc"

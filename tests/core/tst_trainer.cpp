#include "nn/random.h"
#include "training/trainer.h"

#include <QTest>

#include <cmath>
#include <sstream>

using namespace neurolift;

Q_DECLARE_METATYPE(neurolift::OptimizerKind)

namespace {

struct Data {
    Matrix x;
    Matrix y;
    DataView view() const { return DataView::of(x, y); }
};

Data xorData()
{
    Data d{Matrix(2, 100), Matrix(1, 100)};
    for (Index i = 0; i < 100; ++i) {
        const int a = static_cast<int>(i % 2);
        const int b = static_cast<int>((i / 2) % 2);
        d.x(0, i) = static_cast<float>(a);
        d.x(1, i) = static_cast<float>(b);
        d.y(0, i) = static_cast<float>(a ^ b);
    }
    return d;
}

/// Two interleaved spirals (the classic hard 2-D set), `n` points per arm.
Data twoSpirals(int n, float noise, std::uint64_t seed)
{
    Rng rng(seed);
    Data d{Matrix(2, 2 * n), Matrix(1, 2 * n)};
    for (int i = 0; i < n; ++i) {
        const float t =
            0.25f + 3.0f * static_cast<float>(M_PI) * static_cast<float>(i) / static_cast<float>(n);
        for (int arm = 0; arm < 2; ++arm) {
            const Index c = 2 * i + arm;
            const float sign = arm == 0 ? 1.0f : -1.0f;
            d.x(0, c) = sign * t * std::cos(t) / 5.0f + noise * rng.normal();
            d.x(1, c) = sign * t * std::sin(t) / 5.0f + noise * rng.normal();
            d.y(0, c) = static_cast<float>(arm);
        }
    }
    return d;
}

/// y = 3 x1 - 2 x2 + 0.5 + N(0, 0.1^2).
Data noisyLinear(int n, std::uint64_t seed)
{
    Rng rng(seed);
    Data d{Matrix(2, n), Matrix(1, n)};
    for (int i = 0; i < n; ++i) {
        d.x(0, i) = rng.normal();
        d.x(1, i) = rng.normal();
        d.y(0, i) = 3.0f * d.x(0, i) - 2.0f * d.x(1, i) + 0.5f + 0.1f * rng.normal();
    }
    return d;
}

/// Three Gaussian blobs, classes 0..2.
Data blobs(int n, std::uint64_t seed)
{
    Rng rng(seed);
    Data d{Matrix(2, n), Matrix(1, n)};
    const float cx[] = {0.0f, 3.0f, -3.0f};
    const float cy[] = {3.0f, -2.0f, -2.0f};
    for (int i = 0; i < n; ++i) {
        const int c = i % 3;
        d.x(0, i) = cx[c] + 0.8f * rng.normal();
        d.x(1, i) = cy[c] + 0.8f * rng.normal();
        d.y(0, i) = static_cast<float>(c);
    }
    return d;
}

/// Features with labels that are pure noise: a big network can only overfit.
Data noise(int n, std::uint64_t seed)
{
    Rng rng(seed);
    Data d{Matrix(5, n), Matrix(1, n)};
    d.x = d.x.unaryExpr([&](float) { return rng.normal(); });
    d.y = d.y.unaryExpr([&](float) { return rng.uniform() < 0.5f ? 0.0f : 1.0f; });
    return d;
}

Architecture mlp(std::initializer_list<int> hidden, Activation act, const TaskSpec& task)
{
    Architecture a;
    for (int h : hidden) {
        a.layers.push_back(
            LayerSpec::dense(h, act, act == Activation::ReLU ? WeightInit::He : WeightInit::Xavier));
    }
    a.layers.push_back(LayerSpec::dense(task.outputUnits(), task.outputActivation(), WeightInit::Xavier));
    return a;
}

TrainSpec adam(const TaskSpec& task, float lr, int epochs, int batch)
{
    TrainSpec s = TrainSpec::forTask(task);
    s.optimizer.learningRate = lr;
    s.epochs = epochs;
    s.batchSize = batch;
    s.earlyStopping.enabled = false;
    s.threads = 1;
    return s;
}

} // namespace

class TestTrainer : public QObject {
    Q_OBJECT

private slots:
    void learnsXor();
    void learnsTwoSpirals();
    void learnsNoisyLinearRegression();
    void learnsThreeClasses();
    void earlyStoppingRestoresBestWeights();
    void cancelStopsAtOnce();
    void divergenceKeepsLastGoodWeights();
    void anyLearningRateEndsWithUsableWeights_data();
    void anyLearningRateEndsWithUsableWeights();
    void sameSeedGivesIdenticalWeights_data();
    void sameSeedGivesIdenticalWeights();
    void dataParallelMatchesOneThread_data();
    void dataParallelMatchesOneThread();
    void dataParallelReportsBadTargets();
    void pausedAndResumedRunEqualsUninterrupted();
    void learningRateChangesFromTheNextBatch_data();
    void learningRateChangesFromTheNextBatch();
    void learningRateMustBePositive();
    void runEpochTrainsOneEpoch();
    void scheduleDrivesLearningRate();
    void rejectsMismatchedData();
};

void TestTrainer::learnsXor()
{
    const TaskSpec task;
    const Data d = xorData();
    Network net(mlp({8}, Activation::Tanh, task), 2, 3);
    Trainer trainer(net, adam(task, 0.05f, 150, 10), d.view());
    const TrainResult r = trainer.run();
    QCOMPARE(r.status, TrainStatus::Completed);
    const EvaluationMetrics m = evaluate(net, d.view(), task, trainer.spec().loss);
    QCOMPARE(*m.accuracy, 1.0);
    QVERIFY2(m.loss < 0.05, qPrintable(QString("loss %1").arg(m.loss)));
}

void TestTrainer::learnsTwoSpirals()
{
    const TaskSpec task;
    const Data train = twoSpirals(300, 0.02f, 1);
    const Data test = twoSpirals(100, 0.02f, 2);
    Network net(mlp({48, 48}, Activation::Tanh, task), 2, 7);
    Trainer trainer(net, adam(task, 0.01f, 300, 32), train.view());
    QCOMPARE(trainer.run().status, TrainStatus::Completed);
    const EvaluationMetrics m = evaluate(net, test.view(), task, trainer.spec().loss);
    QVERIFY2(*m.accuracy >= 0.95, qPrintable(QString("test accuracy %1").arg(*m.accuracy)));
}

void TestTrainer::learnsNoisyLinearRegression()
{
    TaskSpec task{TaskKind::Regression, 0, 1};
    const Data train = noisyLinear(2000, 5);
    const Data val = noisyLinear(500, 6);
    Network net(makeTemplate(ArchitectureTemplate::LogisticRegression, task), 2, 1);
    TrainSpec spec = TrainSpec::forTask(task);
    spec.optimizer.kind = OptimizerKind::SGD;
    spec.optimizer.learningRate = 0.05f;
    spec.epochs = 30;
    spec.batchSize = 32;
    Trainer trainer(net, spec, train.view(), val.view());
    trainer.run();
    const EvaluationMetrics m = evaluate(net, val.view(), task, spec.loss);
    QVERIFY2(*m.r2 >= 0.995, qPrintable(QString("R2 %1").arg(*m.r2)));
    QVERIFY2(*m.rmse <= 0.12, qPrintable(QString("RMSE %1").arg(*m.rmse)));
    const auto& w = static_cast<const DenseLayer&>(net.layer(0));
    QCOMPARE_LT(std::abs(w.weight().value(0, 0) - 3.0f), 0.02f);
    QCOMPARE_LT(std::abs(w.weight().value(0, 1) + 2.0f), 0.02f);
    QCOMPARE_LT(std::abs(w.bias().value(0, 0) - 0.5f), 0.02f);
}

void TestTrainer::learnsThreeClasses()
{
    TaskSpec task{TaskKind::MultiClassification, 3, 1};
    const Data train = blobs(600, 3);
    const Data val = blobs(300, 4);
    Network net(mlp({16}, Activation::ReLU, task), 2, 2);
    Trainer trainer(net, adam(task, 0.01f, 40, 32), train.view(), val.view());
    const TrainResult r = trainer.run();
    QVERIFY2(*r.history.back().validation->accuracy >= 0.95,
             qPrintable(QString("accuracy %1").arg(*r.history.back().validation->accuracy)));
}

void TestTrainer::earlyStoppingRestoresBestWeights()
{
    const TaskSpec task;
    const Data train = noise(200, 1);
    const Data val = noise(200, 2);
    Network net(mlp({64, 64}, Activation::ReLU, task), 5, 1);
    TrainSpec spec = adam(task, 0.01f, 300, 20);
    spec.earlyStopping = {true, 4, 0.0, true};
    Trainer trainer(net, spec, train.view(), val.view());
    const TrainResult r = trainer.run();
    QCOMPARE(r.status, TrainStatus::EarlyStopped);
    QVERIFY(r.history.size() < 300u);
    QCOMPARE(r.bestEpoch, static_cast<int>(r.history.size()) - 4);
    QVERIFY(r.history[static_cast<std::size_t>(r.bestEpoch - 1)].improved);
    QVERIFY(r.message.find("epoch " + std::to_string(r.bestEpoch)) != std::string::npos);
    // The network now holds the best epoch's weights: its validation loss is that epoch's.
    const double bestLoss = r.history[static_cast<std::size_t>(r.bestEpoch - 1)].validation->loss;
    const double lastLoss = r.history.back().validation->loss;
    QVERIFY(lastLoss > bestLoss);
    QCOMPARE(evaluate(net, val.view(), task, spec.loss).loss, bestLoss);
    // The last epoch's weights are handed back too: they give the last epoch's loss.
    QVERIFY(r.lastEpochWeights.has_value());
    Network last(net);
    last.setWeights(*r.lastEpochWeights);
    QCOMPARE(evaluate(last, val.view(), task, spec.loss).loss, lastLoss);
}

void TestTrainer::cancelStopsAtOnce()
{
    const TaskSpec task;
    const Data d = xorData();
    Network net(mlp({4}, Activation::Tanh, task), 2, 1);
    Trainer trainer(net, adam(task, 0.01f, 100, 10), d.view());
    int batches = 0;
    TrainObserver observer;
    observer.onBatch = [&](const BatchReport& b) {
        ++batches;
        return b.step == 7 ? TrainControl::Cancel : TrainControl::Continue;
    };
    const TrainResult r = trainer.run(observer);
    QCOMPARE(r.status, TrainStatus::Cancelled);
    QCOMPARE(batches, 7);
    QVERIFY(r.history.empty());
    QVERIFY(trainer.finished());
    // A finished trainer does not train again.
    const auto before = net.weights();
    QCOMPARE(trainer.run(observer).status, TrainStatus::Cancelled);
    QCOMPARE(batches, 7);
    QVERIFY(net.weights() == before);
}

void TestTrainer::divergenceKeepsLastGoodWeights()
{
    TaskSpec task{TaskKind::Regression, 0, 1};
    Data d = noisyLinear(400, 1);
    d.y *= 1e4f;
    Network net(makeTemplate(ArchitectureTemplate::Small, task), 2, 1);
    TrainSpec spec = TrainSpec::forTask(task);
    spec.optimizer.kind = OptimizerKind::SGD;
    spec.optimizer.momentum = 0.0f;
    spec.optimizer.learningRate = 0.02f;
    spec.epochs = 50;
    spec.batchSize = 40;
    spec.earlyStopping.enabled = false;
    NamedTensors lastGood = net.weights();
    TrainObserver observer;
    observer.onEpoch = [&](const EpochReport&) {
        lastGood = net.weights();
        return TrainControl::Continue;
    };
    Trainer trainer(net, spec, d.view());
    const TrainResult r = trainer.run(observer);
    QCOMPARE(r.status, TrainStatus::Diverged);
    const std::string epoch = "epoch " + std::to_string(r.history.size() + 1);
    QVERIFY2(r.message.find(epoch) != std::string::npos, r.message.c_str());
    QVERIFY(net.weights() == lastGood);
    for (const auto& [name, value] : net.weights()) {
        QVERIFY2(value.allFinite(), name.c_str());
    }
}

void TestTrainer::anyLearningRateEndsWithUsableWeights_data()
{
    QTest::addColumn<OptimizerKind>("optimizer");
    QTest::addColumn<float>("learningRate");
    QTest::addColumn<bool>("regression");
    for (const OptimizerKind k :
         {OptimizerKind::SGD, OptimizerKind::Adam, OptimizerKind::AdamW, OptimizerKind::RMSprop}) {
        for (const float lr : {1e-6f, 1e-3f, 0.1f, 1.0f, 10.0f}) {
            for (const bool regression : {false, true}) {
                QTest::addRow("%s, lr %g, %s", std::string(optimizerKindId(k)).c_str(),
                              static_cast<double>(lr), regression ? "regression" : "binary")
                    << k << lr << regression;
            }
        }
    }
}

void TestTrainer::anyLearningRateEndsWithUsableWeights()
{
    QFETCH(OptimizerKind, optimizer);
    QFETCH(float, learningRate);
    QFETCH(bool, regression);
    const TaskSpec task = regression ? TaskSpec{TaskKind::Regression, 0, 1} : TaskSpec{};
    Data d = regression ? noisyLinear(300, 5) : twoSpirals(150, 0.1f, 5);
    if (regression) {
        d.y *= 100.0f; // large targets: big steps overflow quickly
    }
    Network net(makeTemplate(ArchitectureTemplate::Small, task), 2, 9);
    TrainSpec spec = adam(task, learningRate, 8, 20);
    spec.optimizer.kind = optimizer;
    NamedTensors lastGood = net.weights();
    TrainObserver observer;
    observer.onEpoch = [&](const EpochReport&) {
        lastGood = net.weights();
        return TrainControl::Continue;
    };
    const DataView all = d.view();
    Trainer trainer(net, spec, all.slice(0, 240), all.slice(240, 300));
    const TrainResult r = trainer.run(observer);

    QVERIFY2(r.status == TrainStatus::Completed || r.status == TrainStatus::Diverged, r.message.c_str());
    QVERIFY(r.history.size() <= 8);
    for (const auto& [name, value] : net.weights()) {
        QVERIFY2(value.allFinite(), name.c_str());
    }
    if (r.status == TrainStatus::Diverged) {
        // Said in words, with the rate to lower, and the last good weights kept.
        std::ostringstream rate;
        rate << learningRate;
        const std::string lower = "Lower the learning rate (now " + rate.str() + ")";
        QVERIFY2(r.message.starts_with("Training stopped in epoch "), r.message.c_str());
        QVERIFY2(r.message.find(lower) != std::string::npos, r.message.c_str());
        QVERIFY(net.weights() == lastGood);
    }
    // What is kept scores: a finite loss on the data.
    const EvaluationMetrics m = evaluate(net, all, task, trainer.spec().loss);
    QVERIFY2(std::isfinite(m.loss), std::to_string(m.loss).c_str());
}

void TestTrainer::sameSeedGivesIdenticalWeights_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<bool>("batchNorm");
    QTest::addColumn<int>("batch");
    // Batch norm keeps training on one thread per batch; without it, 2 threads
    // and batches of 64 split each batch over two network replicas.
    QTest::newRow("1 thread, batch norm") << 1 << true << 16;
    QTest::newRow("2 threads, batch norm") << 2 << true << 16;
    QTest::newRow("1 thread, dropout") << 1 << false << 64;
    QTest::newRow("2 threads, dropout, data-parallel") << 2 << false << 64;
}

void TestTrainer::sameSeedGivesIdenticalWeights()
{
    QFETCH(int, threads);
    QFETCH(bool, batchNorm);
    QFETCH(int, batch);
    const TaskSpec task;
    const Data d = twoSpirals(200, 0.05f, 3);
    Architecture arch = mlp({64, 32}, Activation::ReLU, task);
    arch.layers.insert(arch.layers.begin() + 1, LayerSpec::dropout(0.2f));
    if (batchNorm) {
        arch.layers.insert(arch.layers.begin() + 1, LayerSpec::batchNorm());
    }
    auto train = [&](std::uint64_t seed) {
        Network net(arch, 2, seed);
        TrainSpec spec = adam(task, 0.01f, 5, batch);
        spec.seed = seed;
        spec.threads = threads;
        Trainer(net, spec, d.view()).run();
        return net.weights();
    };
    const NamedTensors a = train(11);
    QVERIFY(a == train(11));
    QVERIFY(a != train(12));
}

void TestTrainer::dataParallelMatchesOneThread_data()
{
    QTest::addColumn<bool>("classWeights");
    QTest::addColumn<int>("batch");
    QTest::newRow("even split") << false << 64;
    QTest::newRow("odd batches, class weights") << true << 75;
}

void TestTrainer::dataParallelMatchesOneThread()
{
    // Splitting a batch over two replicas computes the same mean gradient, so
    // without dropout the weights agree up to float rounding.
    QFETCH(bool, classWeights);
    QFETCH(int, batch);
    const TaskSpec task{TaskKind::MultiClassification, 3, 1};
    const Data d = blobs(601, 5);
    const Architecture arch = mlp({32, 16}, Activation::Tanh, task);
    auto train = [&](int threads) {
        Network net(arch, 2, 4);
        TrainSpec spec = adam(task, 0.01f, 2, batch);
        spec.threads = threads;
        if (classWeights) {
            spec.loss.classWeights = {1.0f, 2.5f, 0.5f};
        }
        Trainer trainer(net, spec, d.view());
        const TrainResult r = trainer.run();
        return std::pair{net.weights(), r.history.back().trainLoss};
    };
    const auto [one, lossOne] = train(1);
    const auto [two, lossTwo] = train(2);
    QCOMPARE_LT(std::abs(lossOne - lossTwo), 1e-5 * lossOne);
    bool identical = true;
    for (std::size_t i = 0; i < one.size(); ++i) {
        const double diff = (one[i].second - two[i].second).norm();
        QVERIFY2(diff <= 1e-4 * std::max(1.0f, one[i].second.norm()),
                 qPrintable(QString("%1 differs by %2").arg(QString::fromStdString(one[i].first)).arg(diff)));
        identical = identical && diff == 0.0;
    }
    // Bit-identical results would mean the batch was not split at all.
    QVERIFY(!identical);
}

void TestTrainer::dataParallelReportsBadTargets()
{
    const TaskSpec task{TaskKind::MultiClassification, 3, 1};
    Data d = blobs(200, 1);
    d.y(0, 150) = 7.0f; // no such class
    Network net(mlp({8}, Activation::Tanh, task), 2, 1);
    TrainSpec spec = adam(task, 0.01f, 1, 200);
    spec.threads = 2;
    Trainer trainer(net, spec, d.view());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trainer.run());
}

void TestTrainer::pausedAndResumedRunEqualsUninterrupted()
{
    const TaskSpec task;
    const Data d = twoSpirals(100, 0.05f, 4);
    const Architecture arch = mlp({16}, Activation::Tanh, task);
    const TrainSpec spec = adam(task, 0.01f, 6, 16);

    Network straight(arch, 2, 5);
    Trainer(straight, spec, d.view()).run();

    Network paused(arch, 2, 5);
    Trainer trainer(paused, spec, d.view());
    TrainObserver observer;
    observer.onBatch = [](const BatchReport& b) {
        return b.step % 5 == 0 ? TrainControl::Pause : TrainControl::Continue;
    };
    int pauses = 0;
    TrainResult r;
    while ((r = trainer.run(observer)).status == TrainStatus::Paused) {
        ++pauses;
    }
    QCOMPARE(r.status, TrainStatus::Completed);
    QVERIFY(pauses >= 8);
    QVERIFY(paused.weights() == straight.weights());
}

void TestTrainer::learningRateChangesFromTheNextBatch_data()
{
    QTest::addColumn<float>("newRate");
    QTest::addColumn<bool>("sameWeights");
    QTest::newRow("the same rate changes nothing") << 0.01f << true;
    QTest::newRow("a tenth") << 0.001f << false;
    QTest::newRow("five times") << 0.05f << false;
}

/// Teaching mode changes the rate while a lesson plays: the batch after the change uses it,
/// and setting the same rate leaves the run exactly as an uninterrupted one.
void TestTrainer::learningRateChangesFromTheNextBatch()
{
    QFETCH(float, newRate);
    QFETCH(bool, sameWeights);
    const TaskSpec task;
    const Data d = twoSpirals(100, 0.05f, 4);
    const Architecture arch = mlp({16}, Activation::Tanh, task);
    const TrainSpec spec = adam(task, 0.01f, 3, 16);

    Network straight(arch, 2, 5);
    Trainer(straight, spec, d.view()).run();

    Network changed(arch, 2, 5);
    Trainer trainer(changed, spec, d.view());
    std::vector<float> rates;
    TrainObserver observer;
    observer.onBatch = [&rates](const BatchReport& b) {
        rates.push_back(b.learningRate);
        return b.step == 7 ? TrainControl::Pause : TrainControl::Continue;
    };
    QCOMPARE(trainer.run(observer).status, TrainStatus::Paused);
    trainer.setLearningRate(newRate);
    QCOMPARE(trainer.run(observer).status, TrainStatus::Completed);
    QCOMPARE(rates[6], 0.01f);
    QCOMPARE(rates[7], newRate);
    QCOMPARE(rates.back(), newRate);
    QCOMPARE(changed.weights() == straight.weights(), sameWeights);
}

void TestTrainer::learningRateMustBePositive()
{
    const TaskSpec task;
    const Data d = xorData();
    Network net(mlp({4}, Activation::Tanh, task), 2, 1);
    Trainer trainer(net, adam(task, 0.01f, 3, 10), d.view());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trainer.setLearningRate(0.0f));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trainer.setLearningRate(-0.1f));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trainer.setLearningRate(std::nanf("")));
    QCOMPARE(trainer.spec().optimizer.learningRate, 0.01f);
}

void TestTrainer::runEpochTrainsOneEpoch()
{
    const TaskSpec task;
    const Data d = xorData();
    Network net(mlp({4}, Activation::Tanh, task), 2, 1);
    Trainer trainer(net, adam(task, 0.01f, 3, 10), d.view());
    QCOMPARE(trainer.runEpoch().status, TrainStatus::Paused);
    QCOMPARE(trainer.history().size(), 1u);
    QCOMPARE(trainer.runEpoch().status, TrainStatus::Paused);
    QCOMPARE(trainer.history().size(), 2u);
    QCOMPARE(trainer.runEpoch().status, TrainStatus::Completed);
    QCOMPARE(trainer.history().size(), 3u);
}

void TestTrainer::scheduleDrivesLearningRate()
{
    const TaskSpec task;
    const Data d = xorData();
    Network net(mlp({4}, Activation::Tanh, task), 2, 1);
    TrainSpec spec = adam(task, 0.1f, 5, 50);
    spec.schedule.kind = ScheduleKind::Step;
    spec.schedule.stepEpochs = 2;
    spec.schedule.gamma = 0.1f;
    Trainer trainer(net, spec, d.view());
    const TrainResult r = trainer.run();
    QCOMPARE(r.history.size(), 5u);
    const float expected[] = {0.1f, 0.1f, 0.01f, 0.01f, 0.001f};
    for (std::size_t i = 0; i < 5; ++i) {
        QCOMPARE_LT(std::abs(r.history[i].learningRate - expected[i]), 1e-7f);
    }
}

void TestTrainer::rejectsMismatchedData()
{
    const TaskSpec task;
    const Data d = xorData();
    Network net(mlp({4}, Activation::Tanh, task), 3, 1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Trainer(net, adam(task, 0.01f, 1, 10), d.view()));
    Network ok(mlp({4}, Activation::Tanh, task), 2, 1);
    TrainSpec wrongLoss = adam(task, 0.01f, 1, 10);
    wrongLoss.loss.kind = LossKind::MeanSquaredError;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Trainer(ok, wrongLoss, d.view()));
}

QTEST_APPLESS_MAIN(TestTrainer)
#include "tst_trainer.moc"

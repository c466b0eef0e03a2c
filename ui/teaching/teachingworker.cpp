#include "teaching/teachingworker.h"

#include "data/table.h"
#include "nn/loss.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace neurolift {

namespace {

/// One pair of points in four is kept aside to test on, the rest trained on; pairs, since the
/// generators alternate the classes, so both classes are tested.
constexpr std::size_t kTestEvery = 4;

Matrix featureMatrix(const std::vector<float>& x, const std::vector<float>& y)
{
    Matrix m(2, static_cast<Index>(x.size()));
    for (std::size_t i = 0; i < x.size(); ++i) {
        m(0, static_cast<Index>(i)) = x[i];
        m(1, static_cast<Index>(i)) = y[i];
    }
    return m;
}

Matrix targetMatrix(const std::vector<float>& c)
{
    Matrix m(1, static_cast<Index>(c.size()));
    for (std::size_t i = 0; i < c.size(); ++i) {
        m(0, static_cast<Index>(i)) = c[i];
    }
    return m;
}

} // namespace

TeachingWorker::TeachingWorker(QObject* parent)
    : QObject(parent)
{
}

TeachingWorker::~TeachingWorker() = default;

void TeachingWorker::configure(const TeachingSetup& setup)
{
    m_setup = setup;
    m_playing = false;

    DemoOptions options;
    options.noise = setup.noise;
    options.seed = setup.seed;
    if (setup.kind == DemoKind::CarBuyers) {
        configureCarBuyers(options);
        return;
    }
    const Table table = generateDemo(setup.kind, options);
    const Column& xs = *table.column("x");
    const Column& ys = *table.column("y");
    const Column& cs = *table.column("class");
    auto points = std::make_shared<TeachingPoints>();
    double extent = 0.0;
    for (std::size_t i = 0; i < table.rowCount(); ++i) {
        const auto x = static_cast<float>(xs.values[i]);
        const auto y = static_cast<float>(ys.values[i]);
        const auto c = static_cast<float>(cs.codes[i]);
        extent = std::max({extent, std::abs(xs.values[i]), std::abs(ys.values[i])});
        const bool test = (i / 2) % kTestEvery == kTestEvery - 1;
        (test ? points->testX : points->trainX).push_back(x);
        (test ? points->testY : points->trainY).push_back(y);
        (test ? points->testClass : points->trainClass).push_back(c);
    }
    points->extent = std::ceil(extent * 1.1 * 2.0) / 2.0; // a margin, rounded to halves for calm axes
    m_points = points;
    m_trainX = featureMatrix(points->trainX, points->trainY);
    m_trainY = targetMatrix(points->trainClass);
    m_testX = featureMatrix(points->testX, points->testY);
    m_testY = targetMatrix(points->testClass);

    const auto n = static_cast<Index>(kGrid);
    m_gridX.resize(2, n * n);
    for (Index row = 0; row < n; ++row) {
        for (Index col = 0; col < n; ++col) {
            const double step = 2.0 * points->extent / static_cast<double>(n - 1);
            m_gridX(0, row * n + col) = static_cast<float>(-points->extent + step * static_cast<double>(col));
            m_gridX(1, row * n + col) = static_cast<float>(-points->extent + step * static_cast<double>(row));
        }
    }

    m_inputNames = {"x", "y"};
    startTraining();
    emit pointsReady(m_points);
    sendFrame();
}

void TeachingWorker::configureCarBuyers(const DemoOptions& options)
{
    // The four pages of the classic picture are the inputs, "bought within 30 days" the answer;
    // the visitors' other columns are left out, so the lesson stays four inputs wide.
    const DemoInfo& info = demoInfo(DemoKind::CarBuyers);
    DemoOptions demo = options;
    demo.noise = info.defaultNoise;
    const Table table = generateDemo(DemoKind::CarBuyers, demo);
    const Column& target = *table.column(std::string(info.target));
    const std::size_t n = table.rowCount();
    std::vector<Index> train, test;
    for (std::size_t i = 0; i < n; ++i) {
        (i % kTestEvery == kTestEvery - 1 ? test : train).push_back(static_cast<Index>(i));
    }
    const auto fill = [&](const std::vector<Index>& rows, Matrix& x, Matrix& y) {
        x.resize(static_cast<Index>(kPages.size()), static_cast<Index>(rows.size()));
        y.resize(1, static_cast<Index>(rows.size()));
        for (std::size_t p = 0; p < kPages.size(); ++p) {
            const Column& page = *table.column(std::string(kPages[p]));
            for (std::size_t j = 0; j < rows.size(); ++j) {
                x(static_cast<Index>(p), static_cast<Index>(j)) =
                    static_cast<float>(page.values[static_cast<std::size_t>(rows[j])]);
            }
        }
        for (std::size_t j = 0; j < rows.size(); ++j) {
            y(0, static_cast<Index>(j)) =
                static_cast<float>(target.values[static_cast<std::size_t>(rows[j])]);
        }
    };
    fill(train, m_trainX, m_trainY);
    fill(test, m_testX, m_testY);
    // Every combination of the four pages, combination c having page p when bit p of c is set.
    const auto pages = static_cast<Index>(kPages.size());
    m_gridX.resize(pages, Index{1} << pages);
    for (Index c = 0; c < m_gridX.cols(); ++c) {
        for (Index p = 0; p < pages; ++p) {
            m_gridX(p, c) = static_cast<float>((c >> p) & 1);
        }
    }
    m_points = std::make_shared<TeachingPoints>();
    m_inputNames.assign(kPages.begin(), kPages.end());
    startTraining();
    emit pointsReady(m_points);
    sendFrame();
}

void TeachingWorker::startTraining()
{
    const TeachingSetup& setup = m_setup;
    Architecture architecture;
    architecture.name = "teaching";
    const WeightInit init = setup.activation == Activation::ReLU ? WeightInit::He : WeightInit::Xavier;
    for (int i = 0; i < setup.hiddenLayers; ++i) {
        architecture.layers.push_back(LayerSpec::dense(setup.units, setup.activation, init));
    }
    architecture.layers.push_back(LayerSpec::dense(1, Activation::Sigmoid, WeightInit::Xavier));
    m_trainer.reset();
    m_network = std::make_unique<Network>(architecture, static_cast<int>(m_trainX.rows()), setup.seed);
    m_stepsBefore = 0;
    m_epochsBefore = 0;
    makeTrainer();
}

void TeachingWorker::makeTrainer()
{
    const TeachingSetup& setup = m_setup;
    const TaskSpec task;
    TrainSpec spec = TrainSpec::forTask(task);
    spec.optimizer.learningRate = setup.learningRate;
    spec.batchSize = std::max(1, setup.batchSize);
    spec.epochs = 1'000'000; // a lesson ends when the trainer says so
    spec.earlyStopping.enabled = false;
    spec.threads = 1; // a small network; the other core stays with the window
    spec.seed = setup.seed;
    m_trainer = std::make_unique<Trainer>(*m_network, spec, DataView::of(m_trainX, m_trainY));
    m_last = BatchReport{};
    m_last.batchesPerEpoch =
        static_cast<int>((m_trainX.cols() + spec.batchSize - 1) / static_cast<Index>(spec.batchSize));
}

void TeachingWorker::adjust(float learningRate, int batchSize, int batchesPerFrame)
{
    m_setup.batchesPerFrame = std::max(1, batchesPerFrame);
    if (!m_trainer) {
        return;
    }
    if (batchSize != m_setup.batchSize) {
        // A new trainer on the same network: the weights stay, the counts go on from here.
        m_setup.batchSize = std::max(1, batchSize);
        m_setup.learningRate = learningRate;
        m_stepsBefore += m_last.step;
        m_epochsBefore += m_last.epoch;
        makeTrainer();
    } else if (learningRate != m_setup.learningRate) {
        m_setup.learningRate = learningRate;
        m_trainer->setLearningRate(learningRate);
    } else {
        return;
    }
    if (!m_playing) {
        sendFrame(); // the counter and the rate shown change at once
    }
}

void TeachingWorker::play()
{
    if (!m_trainer || m_playing) {
        return;
    }
    m_playing = true;
    if (!m_sliceQueued) {
        m_sliceQueued = true;
        QTimer::singleShot(0, this, &TeachingWorker::runSlice);
    }
}

void TeachingWorker::pause()
{
    m_playing = false;
}

void TeachingWorker::step()
{
    if (!m_trainer || m_playing) {
        return;
    }
    if (train(1)) {
        sendFrame();
    }
}

bool TeachingWorker::train(int batches)
{
    int done = 0;
    TrainObserver observer;
    // The trainer's pause after a batch is where a lesson's step ends; run() goes on from there.
    observer.onBatch = [&](const BatchReport& report) {
        m_last = report;
        return ++done >= batches ? TrainControl::Pause : TrainControl::Continue;
    };
    const TrainResult result = m_trainer->run(observer);
    if (result.status != TrainStatus::Paused) {
        m_playing = false;
        sendFrame();
        emit stopped(QString::fromStdString(result.message));
        return false;
    }
    return true;
}

void TeachingWorker::runSlice()
{
    m_sliceQueued = false;
    if (!m_playing) {
        return;
    }
    int wait = 2; // the window has not drawn the last frame yet
    if (m_framesInFlight.load() == 0) {
        const auto since = static_cast<int>(m_sinceFrame.isValid() ? m_sinceFrame.elapsed() : kFrameMs);
        if (since >= kFrameMs) {
            if (!train(m_setup.batchesPerFrame)) {
                return;
            }
            sendFrame();
            wait = kFrameMs;
        } else {
            wait = kFrameMs - since;
        }
    }
    m_sliceQueued = true;
    QTimer::singleShot(wait, this, &TeachingWorker::runSlice);
}

void TeachingWorker::sendFrame()
{
    auto frame = std::make_shared<TeachingFrame>();
    frame->generation = m_setup.generation;
    frame->epoch = m_epochsBefore + m_last.epoch;
    frame->batch = m_last.batch;
    frame->batchesPerEpoch = m_last.batchesPerEpoch;
    frame->step = m_stepsBefore + m_last.step;
    frame->learningRate = m_setup.learningRate;
    frame->batchSize = m_setup.batchSize;
    const TaskSpec task;
    const LossSpec loss = TrainSpec::forTask(task).loss;
    const EvaluationMetrics train = evaluate(*m_network, DataView::of(m_trainX, m_trainY), task, loss);
    const EvaluationMetrics test = evaluate(*m_network, DataView::of(m_testX, m_testY), task, loss);
    frame->trainLoss = train.loss;
    frame->testLoss = test.loss;
    frame->trainAccuracy = train.accuracy.value_or(0.0);
    frame->testAccuracy = test.accuracy.value_or(0.0);
    frame->grid = m_setup.kind == DemoKind::CarBuyers ? 0 : kGrid;
    frame->extent = m_points->extent;

    Matrix out;
    m_network->predict(m_gridX, out, m_workspace);
    frame->boundary.assign(out.data(), out.data() + out.size());
    // predict() leaves each hidden layer's output in the workspace.
    const std::size_t hidden = m_network->layerCount() - 1;
    frame->units.resize(hidden);
    for (std::size_t l = 0; l < hidden; ++l) {
        const Matrix& h = m_workspace.outputs[l];
        frame->units[l].resize(static_cast<std::size_t>(h.rows()));
        for (Index u = 0; u < h.rows(); ++u) {
            auto& map = frame->units[l][static_cast<std::size_t>(u)];
            map.resize(static_cast<std::size_t>(h.cols()));
            for (Index j = 0; j < h.cols(); ++j) {
                map[static_cast<std::size_t>(j)] = h(u, j);
            }
        }
    }
    frame->weights = inspectWeights(*m_network, m_inputNames);
    m_framesInFlight.store(1);
    m_sinceFrame.start();
    emit frameReady(std::move(frame));
}

} // namespace neurolift

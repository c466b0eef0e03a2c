#include "gradcheck.h"
#include "nn/batchscorer.h"
#include "nn/layers.h"
#include "nn/loss.h"
#include "nn/matmul.h"
#include "nn/network.h"

#include <QTest>

#include <cmath>

using namespace neurolift;
using neurolift::test::kGradTolerance;

Q_DECLARE_METATYPE(neurolift::LayerSpec)
Q_DECLARE_METATYPE(neurolift::WeightInit)

namespace {

Matrix randomMatrix(Index rows, Index cols, Rng& rng, float scale = 1.0f)
{
    return Matrix(rows, cols).unaryExpr([&](float) { return rng.uniform(-scale, scale); });
}

/// Checks dL/dInput and dL/dParameter of `layer` in training mode, where
/// L = sum(R .* layer(x)). Dropout draws the same mask each time (same seed).
void checkLayerGradients(Layer& layer, Matrix x, float step)
{
    Rng data(11);
    const Matrix r = randomMatrix(layer.outputSize(), x.cols(), data);
    LayerBuffers buffers;
    auto objective = [&] {
        Rng rng(5);
        Matrix out;
        LayerBuffers b;
        layer.forward(x, out, b, Mode::Train, rng);
        return test::weightedSum(out, r);
    };
    Rng rng(5);
    Matrix out;
    layer.forward(x, out, buffers, Mode::Train, rng);
    Matrix gradOut = r;
    Matrix gradIn;
    layer.backward(x, out, gradOut, &gradIn, buffers);

    const Matrix numericIn = test::numericGradient(x, objective, step);
    const double errIn = test::relativeError(gradIn, numericIn);
    QVERIFY2(errIn < kGradTolerance, qPrintable(QString("input gradient: relative error %1").arg(errIn)));
    for (Parameter* p : layer.parameters()) {
        const Matrix analytic = p->grad;
        const Matrix numeric = test::numericGradient(p->value, objective, step);
        const double err = test::relativeError(analytic, numeric);
        QVERIFY2(err < kGradTolerance,
                 qPrintable(QString("%1: relative error %2").arg(QString::fromStdString(p->name)).arg(err)));
    }
}

} // namespace

class TestLayers : public QObject {
    Q_OBJECT

private slots:
    void layerGradients_data();
    void layerGradients();
    void networkGradientThroughLoss_data();
    void networkGradientThroughLoss();
    void initialisationScale_data();
    void initialisationScale();
    void dropoutDropsAtRateAndPassesInEval();
    void batchNormUsesRunningStatisticsInEval();
    void parametersAreNamedAndWeightsRoundTrip();
    void setWeightsRejectsWrongShapeAndLeavesNetworkUnchanged();
    void predictAppliesOutputLink();
    void copiesAreIndependent();
    void denseForwardMatchesReference_data();
    void denseForwardMatchesReference();
    void matmulMatchesReference_data();
    void matmulMatchesReference();
    void batchScorerMatchesPredict_data();
    void batchScorerMatchesPredict();
};

void TestLayers::layerGradients_data()
{
    QTest::addColumn<LayerSpec>("spec");
    QTest::addColumn<int>("inputs");
    for (int a = 0; a <= static_cast<int>(Activation::Softmax); ++a) {
        const auto act = static_cast<Activation>(a);
        QTest::newRow(qPrintable("dense " + QString::fromLatin1(activationId(act).data())))
            << LayerSpec::dense(4, act, WeightInit::Xavier) << 3;
        QTest::newRow(qPrintable("activation layer " + QString::fromLatin1(activationId(act).data())))
            << LayerSpec::activationLayer(act) << 4;
    }
    QTest::newRow("dense he") << LayerSpec::dense(6, Activation::ReLU, WeightInit::He) << 5;
    QTest::newRow("dense torch init") << LayerSpec::dense(2, Activation::Tanh, WeightInit::TorchLinear) << 7;
    QTest::newRow("dropout 0.3") << LayerSpec::dropout(0.3f) << 5;
    QTest::newRow("dropout 0") << LayerSpec::dropout(0.0f) << 5;
    QTest::newRow("batch norm") << LayerSpec::batchNorm() << 4;
}

void TestLayers::layerGradients()
{
    QFETCH(LayerSpec, spec);
    QFETCH(int, inputs);
    Rng rng(3);
    auto layer = makeLayer(spec, "l", inputs, rng);
    Matrix x = randomMatrix(inputs, 6, rng, 2.0f);
    test::keepAwayFromZero(x);
    // Behind a Dense layer the pre-activations cannot all be kept away from the
    // kink of ReLU and LeakyReLU at 0, so those use a step small enough not to straddle it.
    const bool kinked = spec.kind == LayerKind::Dense &&
                        (spec.activation == Activation::ReLU || spec.activation == Activation::LeakyReLU);
    checkLayerGradients(*layer, x, kinked ? test::kKinkStep : test::kGradStep);
}

void TestLayers::networkGradientThroughLoss_data()
{
    QTest::addColumn<int>("task");
    QTest::addColumn<int>("loss");
    QTest::newRow("binary bce") << int(TaskKind::BinaryClassification) << int(LossKind::BinaryCrossEntropy);
    QTest::newRow("multiclass ce") << int(TaskKind::MultiClassification) << int(LossKind::CrossEntropy);
    QTest::newRow("regression mse") << int(TaskKind::Regression) << int(LossKind::MeanSquaredError);
    QTest::newRow("regression huber") << int(TaskKind::Regression) << int(LossKind::Huber);
}

void TestLayers::networkGradientThroughLoss()
{
    QFETCH(int, task);
    QFETCH(int, loss);
    TaskSpec t;
    t.kind = static_cast<TaskKind>(task);
    t.classes = 3;
    t.outputs = 2;
    Architecture arch;
    arch.layers = {LayerSpec::dense(6, Activation::Tanh, WeightInit::Xavier), LayerSpec::batchNorm(),
                   LayerSpec::dropout(0.25f), LayerSpec::dense(5, Activation::ELU, WeightInit::Xavier),
                   LayerSpec::dense(t.outputUnits(), t.outputActivation(), WeightInit::Xavier)};
    QVERIFY(arch.validate(4, t).empty());
    Network net(arch, 4, 17);
    Rng rng(2);
    Matrix x = randomMatrix(4, 8, rng, 1.5f);
    Matrix y(t.kind == TaskKind::Regression ? 2 : 1, 8);
    for (Index i = 0; i < 8; ++i) {
        for (Index o = 0; o < y.rows(); ++o) {
            y(o, i) = t.kind == TaskKind::Regression
                          ? rng.uniform(-2.0f, 2.0f)
                          : static_cast<float>(i % (t.kind == TaskKind::MultiClassification ? 3 : 2));
        }
    }
    LossSpec spec;
    spec.kind = static_cast<LossKind>(loss);
    spec.huberDelta = 0.5f;
    if (t.kind != TaskKind::Regression) {
        spec.classWeights = t.kind == TaskKind::MultiClassification ? std::vector<float>{1.0f, 2.0f, 0.5f}
                                                                    : std::vector<float>{1.0f, 3.0f};
    }
    auto objective = [&] {
        Rng dropoutRng(9);
        Network::Workspace ws;
        return computeLoss(spec, net.forward(x, ws, Mode::Train, dropoutRng), y);
    };
    Rng dropoutRng(9);
    Network::Workspace ws;
    Matrix grad;
    computeLoss(spec, net.forward(x, ws, Mode::Train, dropoutRng), y, &grad);
    net.backward(x, ws, grad);
    for (Parameter* p : net.parameters()) {
        const Matrix analytic = p->grad;
        const Matrix numeric = test::numericGradient(p->value, objective);
        const double err = test::relativeError(analytic, numeric);
        QVERIFY2(err < kGradTolerance,
                 qPrintable(QString("%1: relative error %2").arg(QString::fromStdString(p->name)).arg(err)));
    }
}

void TestLayers::initialisationScale_data()
{
    QTest::addColumn<WeightInit>("init");
    QTest::addColumn<double>("expectedStd");
    QTest::addColumn<double>("bound");
    QTest::addColumn<bool>("biasDrawn");
    // 400 inputs, 300 outputs.
    QTest::newRow("he") << WeightInit::He << std::sqrt(2.0 / 400) << 0.0 << false;
    QTest::newRow("xavier") << WeightInit::Xavier << std::sqrt(6.0 / 700) / std::sqrt(3.0)
                            << std::sqrt(6.0 / 700) << false;
    QTest::newRow("torch linear") << WeightInit::TorchLinear << (1.0 / 20.0) / std::sqrt(3.0) << 1.0 / 20.0
                                  << true;
}

void TestLayers::initialisationScale()
{
    QFETCH(WeightInit, init);
    QFETCH(double, expectedStd);
    QFETCH(double, bound);
    QFETCH(bool, biasDrawn);
    Rng rng(1);
    DenseLayer layer("d", 400, 300, Activation::ReLU, init, rng);
    const Matrix& w = layer.weight().value;
    const double mean = w.cast<double>().mean();
    const double sd = std::sqrt((w.cast<double>().array() - mean).square().mean());
    QCOMPARE_LT(std::abs(mean), 0.05 * expectedStd);
    QCOMPARE_LT(std::abs(sd / expectedStd - 1.0), 0.02);
    if (bound > 0) {
        QVERIFY(w.cwiseAbs().maxCoeff() <= bound);
    }
    QCOMPARE(layer.bias().value.isZero(), !biasDrawn);
}

void TestLayers::dropoutDropsAtRateAndPassesInEval()
{
    Rng rng(4);
    DropoutLayer d("drop", 100, 0.3f);
    const Matrix x = Matrix::Ones(100, 200);
    Matrix out;
    LayerBuffers b;
    d.forward(x, out, b, Mode::Train, rng);
    const double dropped = (out.array() == 0.0f).cast<double>().mean();
    QCOMPARE_LT(std::abs(dropped - 0.3), 0.01);
    // Survivors are scaled so the expected value is unchanged.
    QCOMPARE_LT(std::abs(out.cast<double>().mean() - 1.0), 0.02);
    QCOMPARE(out.maxCoeff(), 1.0f / 0.7f);
    d.forward(x, out, b, Mode::Eval, rng);
    QCOMPARE(out, x);
    d.infer(x, out);
    QCOMPARE(out, x);
}

void TestLayers::batchNormUsesRunningStatisticsInEval()
{
    Rng rng(8);
    BatchNormLayer bn("bn", 2, 1.0f, 1e-5f); // momentum 1: the running stats are the last batch's
    Matrix x(2, 4);
    x << 1, 2, 3, 4, 10, 10, 20, 20;
    Matrix out;
    LayerBuffers b;
    bn.forward(x, out, b, Mode::Train, rng);
    // Training output is normalised per feature.
    QCOMPARE_LT(std::abs(out.row(0).mean()), 1e-6f);
    QCOMPARE_LT(std::abs(out.row(0).squaredNorm() / 4.0f - 1.0f), 1e-4f);
    auto states = bn.states();
    QCOMPARE(states[0]->value(0, 0), 2.5f);
    // Unbiased running variance: var([1,2,3,4]) * 4/3.
    QCOMPARE_LT(std::abs(states[1]->value(0, 0) - 1.6666666f), 1e-5f);
    Matrix one(2, 1);
    one << 2.5f, 15.0f;
    bn.infer(one, out);
    QCOMPARE_LT(out.cwiseAbs().maxCoeff(), 1e-5f);
}

void TestLayers::parametersAreNamedAndWeightsRoundTrip()
{
    Architecture arch;
    arch.layers = {LayerSpec::dense(3, Activation::ReLU), LayerSpec::batchNorm(), LayerSpec::dropout(0.1f),
                   LayerSpec::dense(1, Activation::Sigmoid)};
    arch.layers[0].name = "hidden";
    Network a(arch, 2, 1);
    QStringList names;
    for (const auto& [name, value] : a.weights()) {
        names << QString::fromStdString(name);
    }
    QCOMPARE(names, QStringList({"hidden.weight", "hidden.bias", "batch_norm_1.weight", "batch_norm_1.bias",
                                 "batch_norm_1.running_mean", "batch_norm_1.running_var", "dense_2.weight",
                                 "dense_2.bias"}));
    QCOMPARE(a.parameterCount(), arch.parameterCount(2));
    QCOMPARE(a.parameterCount(), 3 * 2 + 3 + 2 * 3 + 3 + 1);
    Network b(arch, 2, 99);
    QVERIFY(a.weights() != b.weights());
    b.setWeights(a.weights());
    QVERIFY(a.weights() == b.weights());
}

void TestLayers::setWeightsRejectsWrongShapeAndLeavesNetworkUnchanged()
{
    Architecture arch;
    arch.layers = {LayerSpec::dense(3, Activation::ReLU), LayerSpec::dense(1, Activation::Sigmoid)};
    Network net(arch, 2, 1);
    const auto before = net.weights();
    auto wrong = before;
    wrong[2].second = Matrix::Zero(2, 3);
    wrong[0].second.setConstant(7.0f);
    try {
        net.setWeights(wrong);
        QFAIL("expected an exception");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString(e.what()).contains("dense_2.weight"), e.what());
    }
    QVERIFY(net.weights() == before);
    auto missing = before;
    missing.pop_back();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, net.setWeights(missing));
}

void TestLayers::predictAppliesOutputLink()
{
    TaskSpec t{TaskKind::MultiClassification, 4, 1};
    Network net(makeTemplate(ArchitectureTemplate::Small, t), 3, 5);
    Rng rng(1);
    const Matrix x = randomMatrix(3, 10, rng);
    Network::Workspace ws;
    Matrix logits;
    Matrix probs;
    net.predictLogits(x, logits, ws);
    net.predict(x, probs, ws);
    QCOMPARE(probs.rows(), 4);
    for (Index c = 0; c < probs.cols(); ++c) {
        QCOMPARE_LT(std::abs(probs.col(c).sum() - 1.0f), 1e-5f);
    }
    Matrix expected = logits;
    applyActivationInPlace(Activation::Softmax, expected);
    QVERIFY(probs.isApprox(expected));
    // Scoring equals the training forward pass in eval mode.
    const Matrix& evalLogits = net.forward(x, ws, Mode::Eval, rng);
    QVERIFY(evalLogits.isApprox(logits));
}

void TestLayers::copiesAreIndependent()
{
    Network a(makeTemplate(ArchitectureTemplate::Medium, TaskSpec{}), 4, 1);
    Network b = a;
    QVERIFY(a.weights() == b.weights());
    b.parameters()[0]->value.setZero();
    QVERIFY(a.weights() != b.weights());
    QVERIFY(!a.parameters()[0]->value.isZero());
}

void TestLayers::denseForwardMatchesReference_data()
{
    QTest::addColumn<int>("units");
    QTest::addColumn<int>("inputs");
    QTest::addColumn<int>("samples");
    QTest::addColumn<bool>("relu");
    // Unit counts around the register tiles (1 and 2 packets of 4, 8 or 16 lanes),
    // sample counts around the 6-sample tile, and one product large enough for matmul().
    for (int units : {2, 7, 8, 10, 16, 17, 24, 33, 64}) {
        for (int samples : {1, 5, 6, 7, 13, 256}) {
            QTest::addRow("%d units x %d samples", units, samples)
                << units << 32 << samples << (units % 2 == 0);
        }
    }
    QTest::newRow("depth 1") << 16 << 1 << 9 << true;
    QTest::newRow("depth 600 (over the L1 panel)") << 16 << 600 << 9 << false;
    QTest::newRow("large: matmul path") << 256 << 256 << 256 << true;
}

void TestLayers::denseForwardMatchesReference()
{
    QFETCH(int, units);
    QFETCH(int, inputs);
    QFETCH(int, samples);
    QFETCH(bool, relu);
    Rng rng(static_cast<std::uint64_t>(units * 1000 + samples));
    const Matrix w = randomMatrix(units, inputs, rng);
    const Matrix b = randomMatrix(units, 1, rng);
    // A view into a wider matrix, as the scorer passes blocks of whole columns.
    const Matrix all = randomMatrix(inputs, samples + 3, rng);
    const ConstMatrixRef x = all.middleCols(2, samples);
    Eigen::MatrixXd expected = (w.cast<double>() * x.cast<double>()).colwise() + b.col(0).cast<double>();
    if (relu) {
        expected = expected.cwiseMax(0.0);
    }
    Matrix out;
    denseForward(w, b, x, out, relu);
    QCOMPARE(out.rows(), units);
    QCOMPARE(out.cols(), samples);
    const double err = (out.cast<double>() - expected).cwiseAbs().maxCoeff();
    QVERIFY2(err < 1e-5 * std::sqrt(inputs), qPrintable(QString("max abs error %1").arg(err)));
}

void TestLayers::matmulMatchesReference_data()
{
    QTest::addColumn<int>("m");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("k");
    QTest::addColumn<bool>("transA");
    QTest::addColumn<bool>("transB");
    for (bool ta : {false, true}) {
        for (bool tb : {false, true}) {
            QTest::addRow("small %s%s", ta ? "At" : "A", tb ? "Bt" : "B") << 9 << 7 << 5 << ta << tb;
            QTest::addRow("large %s%s", ta ? "At" : "A", tb ? "Bt" : "B") << 300 << 200 << 100 << ta << tb;
        }
    }
}

void TestLayers::matmulMatchesReference()
{
    QFETCH(int, m);
    QFETCH(int, n);
    QFETCH(int, k);
    QFETCH(bool, transA);
    QFETCH(bool, transB);
    Rng rng(3);
    const Matrix a = transA ? randomMatrix(k, m, rng) : randomMatrix(m, k, rng);
    const Matrix b = transB ? randomMatrix(n, k, rng) : randomMatrix(k, n, rng);
    const Eigen::MatrixXd ad = transA ? Eigen::MatrixXd(a.cast<double>().transpose()) : a.cast<double>();
    const Eigen::MatrixXd bd = transB ? Eigen::MatrixXd(b.cast<double>().transpose()) : b.cast<double>();
    const Eigen::MatrixXd expected = ad * bd;
    Matrix out;
    matmul(out, a, transA ? Op::Transposed : Op::Plain, b, transB ? Op::Transposed : Op::Plain);
    QCOMPARE(out.rows(), m);
    QCOMPARE(out.cols(), n);
    const double err = (out.cast<double>() - expected).cwiseAbs().maxCoeff();
    QVERIFY2(err < 1e-5 * k,
             qPrintable(QString("max abs error %1 (backend %2)").arg(err).arg(matmulBackend())));
}

void TestLayers::batchScorerMatchesPredict_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("block");
    QTest::newRow("1 thread, one block") << 1 << 4096;
    QTest::newRow("1 thread, ragged blocks") << 1 << 7;
    QTest::newRow("2 threads, ragged blocks") << 2 << 7;
    QTest::newRow("2 threads, default blocks") << 2 << 1024;
}

void TestLayers::batchScorerMatchesPredict()
{
    QFETCH(int, threads);
    QFETCH(int, block);
    TaskSpec task;
    Network net(makeTemplate(ArchitectureTemplate::Deep, task), 12, 3);
    Rng rng(6);
    const Matrix x = randomMatrix(12, 3001, rng);
    Network::Workspace ws;
    Matrix expected;
    net.predict(x, expected, ws);
    std::vector<float> scores(3001, -1.0f);
    BatchScorer scorer(net, threads, block);
    scorer.score(x, MatrixMap(scores.data(), 1, 3001));
    for (Index i = 0; i < 3001; ++i) {
        QCOMPARE(scores[static_cast<std::size_t>(i)], expected(0, i));
    }
    std::vector<float> wrong(5);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             scorer.score(x.leftCols(5).topRows(11), MatrixMap(wrong.data(), 1, 5)));
}

QTEST_APPLESS_MAIN(TestLayers)
#include "tst_layers.moc"

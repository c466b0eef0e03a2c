// Network::inputGradient against finite differences, for every layer kind and
// activation, in scoring mode (dropout off, batch norm on running statistics).

#include "gradcheck.h"
#include "nn/network.h"

#include <QTest>

using namespace neurolift;
using neurolift::test::kGradTolerance;

Q_DECLARE_METATYPE(neurolift::Activation)

class TestInputGradient : public QObject {
    Q_OBJECT

private slots:
    void testMatchesFiniteDifferences_data();
    void testMatchesFiniteDifferences();
    void testValuesAreTheScores();
};

namespace {

/// Dense(hidden) -> Dropout -> BatchNorm -> Activation(hidden) -> Dense(outputs, link).
Network makeNetwork(Activation hidden, Activation link, int outputs)
{
    Architecture a;
    a.layers.push_back(LayerSpec::dense(6, hidden, WeightInit::Xavier));
    a.layers.push_back(LayerSpec::dropout(0.3f));
    a.layers.push_back(LayerSpec::batchNorm());
    a.layers.push_back(LayerSpec::activationLayer(hidden));
    a.layers.push_back(LayerSpec::dense(outputs, link, WeightInit::Xavier));
    Network net(a, 4, 7);
    // Running statistics and scale away from their defaults, so the check sees them.
    Rng rng(3);
    NamedTensors w = net.weights();
    for (auto& [name, value] : w) {
        if (name.ends_with("running_mean") || name.starts_with("batch_norm_1.bias")) {
            value = value.unaryExpr([&](float) { return rng.uniform(-0.5f, 0.5f); });
        } else if (name.ends_with("running_var") || name.starts_with("batch_norm_1.weight")) {
            value = value.unaryExpr([&](float) { return rng.uniform(0.5f, 2.0f); });
        }
    }
    net.setWeights(w);
    return net;
}

} // namespace

void TestInputGradient::testMatchesFiniteDifferences_data()
{
    QTest::addColumn<Activation>("hidden");
    QTest::addColumn<Activation>("link");
    QTest::addColumn<int>("outputs");
    QTest::addColumn<int>("output");
    QTest::addColumn<bool>("throughLink");
    const Activation hidden[] = {Activation::Linear, Activation::ReLU,    Activation::LeakyReLU,
                                 Activation::ELU,    Activation::GELU,    Activation::Tanh,
                                 Activation::Sigmoid, Activation::Softmax};
    for (Activation h : hidden) {
        const QByteArray name(activationId(h).data(), static_cast<int>(activationId(h).size()));
        QTest::addRow("%s, sigmoid output", name.constData()) << h << Activation::Sigmoid << 1 << 0 << true;
        QTest::addRow("%s, sigmoid logit", name.constData()) << h << Activation::Sigmoid << 1 << 0 << false;
        QTest::addRow("%s, softmax class 1", name.constData()) << h << Activation::Softmax << 3 << 1 << true;
        QTest::addRow("%s, linear output 1", name.constData()) << h << Activation::Linear << 2 << 1 << true;
    }
}

void TestInputGradient::testMatchesFiniteDifferences()
{
    QFETCH(Activation, hidden);
    QFETCH(Activation, link);
    QFETCH(int, outputs);
    QFETCH(int, output);
    QFETCH(bool, throughLink);
    const Network net = makeNetwork(hidden, link, outputs);
    Rng rng(19);
    Matrix x = Matrix(4, 9).unaryExpr([&](float) { return rng.uniform(-1.5f, 1.5f); });

    Network::Workspace ws;
    Matrix analytic;
    net.inputGradient(x, output, throughLink, analytic, ws);
    QCOMPARE(analytic.rows(), x.rows());
    QCOMPARE(analytic.cols(), x.cols());

    // Samples are independent in scoring mode, so the gradient of the sum over
    // samples is each sample's own gradient.
    const auto objective = [&] {
        Matrix y;
        Network::Workspace w;
        if (throughLink) {
            net.predict(x, y, w);
        } else {
            net.predictLogits(x, y, w);
        }
        return y.row(output).cast<double>().sum();
    };
    const bool kinked = hidden == Activation::ReLU || hidden == Activation::LeakyReLU;
    const Matrix numeric = test::numericGradient(x, objective, kinked ? test::kKinkStep : test::kGradStep);
    const double err = test::relativeError(analytic, numeric);
    QVERIFY2(err < kGradTolerance, qPrintable(QString("relative error %1").arg(err)));
}

void TestInputGradient::testValuesAreTheScores()
{
    const Network net = makeNetwork(Activation::Tanh, Activation::Softmax, 3);
    Rng rng(4);
    const Matrix x = Matrix(4, 5).unaryExpr([&](float) { return rng.uniform(-1.0f, 1.0f); });
    Network::Workspace ws;
    Matrix gradient;
    Matrix values;
    net.inputGradient(x, 2, true, gradient, ws, &values);
    Matrix scores;
    net.predict(x, scores, ws);
    QVERIFY((values - scores.row(2)).cwiseAbs().maxCoeff() < 1e-6f);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, net.inputGradient(x, 3, true, gradient, ws));
}

QTEST_APPLESS_MAIN(TestInputGradient)
#include "tst_inputgradient.moc"

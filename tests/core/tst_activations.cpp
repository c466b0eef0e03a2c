#include "gradcheck.h"
#include "nn/activation.h"
#include "nn/random.h"

#include <QTest>

#include <cmath>

using namespace neurolift;
using neurolift::test::kGradTolerance;

Q_DECLARE_METATYPE(neurolift::Activation)

class TestActivations : public QObject {
    Q_OBJECT

private slots:
    void gradientMatchesFiniteDifferences_data();
    void gradientMatchesFiniteDifferences();
    void knownValues_data();
    void knownValues();
    void softmaxIsStableForHugeLogits();
    void sigmoidSaturatesWithoutNaN();
    void idsRoundTrip();
};

void TestActivations::gradientMatchesFiniteDifferences_data()
{
    QTest::addColumn<Activation>("activation");
    QTest::newRow("linear") << Activation::Linear;
    QTest::newRow("relu") << Activation::ReLU;
    QTest::newRow("leaky_relu") << Activation::LeakyReLU;
    QTest::newRow("elu") << Activation::ELU;
    QTest::newRow("gelu") << Activation::GELU;
    QTest::newRow("tanh") << Activation::Tanh;
    QTest::newRow("sigmoid") << Activation::Sigmoid;
    QTest::newRow("softmax") << Activation::Softmax;
}

void TestActivations::gradientMatchesFiniteDifferences()
{
    QFETCH(Activation, activation);
    Rng rng(7);
    Matrix x = Matrix(5, 7).unaryExpr([&](float) { return rng.uniform(-2.5f, 2.5f); });
    test::keepAwayFromZero(x);
    const Matrix r = Matrix(5, 7).unaryExpr([&](float) { return rng.uniform(-1.0f, 1.0f); });

    Matrix y;
    applyActivation(activation, x, y);
    Matrix analytic;
    activationBackward(activation, x, y, r, analytic);

    const Matrix numeric = test::numericGradient(x, [&] {
        Matrix out;
        applyActivation(activation, x, out);
        return test::weightedSum(out, r);
    });
    const double err = test::relativeError(analytic, numeric);
    QVERIFY2(err < kGradTolerance, qPrintable(QString("relative error %1").arg(err)));
}

void TestActivations::knownValues_data()
{
    QTest::addColumn<Activation>("activation");
    QTest::addColumn<float>("input");
    QTest::addColumn<float>("expected");
    QTest::newRow("relu negative") << Activation::ReLU << -2.0f << 0.0f;
    QTest::newRow("relu positive") << Activation::ReLU << 1.5f << 1.5f;
    QTest::newRow("leaky negative") << Activation::LeakyReLU << -2.0f << -0.02f;
    QTest::newRow("elu negative") << Activation::ELU << -1.0f << static_cast<float>(std::exp(-1.0) - 1.0);
    QTest::newRow("gelu 1 (exact erf form)") << Activation::GELU << 1.0f << 0.8413447f;
    QTest::newRow("gelu -1") << Activation::GELU << -1.0f << -0.1586553f;
    QTest::newRow("tanh 0.5") << Activation::Tanh << 0.5f << static_cast<float>(std::tanh(0.5));
    QTest::newRow("sigmoid 0") << Activation::Sigmoid << 0.0f << 0.5f;
    QTest::newRow("sigmoid 2") << Activation::Sigmoid << 2.0f << 0.8807971f;
    QTest::newRow("linear") << Activation::Linear << -3.25f << -3.25f;
}

void TestActivations::knownValues()
{
    QFETCH(Activation, activation);
    QFETCH(float, input);
    QFETCH(float, expected);
    Matrix m(1, 1);
    m(0, 0) = input;
    applyActivationInPlace(activation, m);
    QVERIFY2(std::abs(m(0, 0) - expected) < 1e-6f, qPrintable(QString("got %1").arg(m(0, 0))));
}

void TestActivations::softmaxIsStableForHugeLogits()
{
    Matrix m(3, 2);
    m << 1000.0f, -1000.0f, 999.0f, -1000.0f, 0.0f, -1001.0f;
    applyActivationInPlace(Activation::Softmax, m);
    QVERIFY(m.allFinite());
    QCOMPARE_LT(std::abs(m.col(0).sum() - 1.0f), 1e-6f);
    QCOMPARE_LT(std::abs(m.col(1).sum() - 1.0f), 1e-6f);
    QCOMPARE_LT(std::abs(m(0, 0) - 0.7310586f), 1e-6f);
    QCOMPARE_LT(std::abs(m(0, 1) - m(1, 1)), 1e-7f);
}

void TestActivations::sigmoidSaturatesWithoutNaN()
{
    Matrix m(1, 2);
    m << -200.0f, 200.0f;
    applyActivationInPlace(Activation::Sigmoid, m);
    QVERIFY(m.allFinite());
    QCOMPARE(m(0, 0), 0.0f);
    QCOMPARE(m(0, 1), 1.0f);
}

void TestActivations::idsRoundTrip()
{
    for (int i = 0; i <= static_cast<int>(Activation::Softmax); ++i) {
        const auto a = static_cast<Activation>(i);
        QCOMPARE(activationFromId(activationId(a)), std::optional<Activation>(a));
        QVERIFY(!activationDisplayName(a).empty());
    }
    QVERIFY(!activationFromId("swish").has_value());
}

QTEST_APPLESS_MAIN(TestActivations)
#include "tst_activations.moc"

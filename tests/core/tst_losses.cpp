#include "gradcheck.h"
#include "nn/loss.h"
#include "nn/random.h"

#include <QTest>

#include <cmath>

using namespace neurolift;
using neurolift::test::kGradTolerance;

Q_DECLARE_METATYPE(neurolift::LossSpec)
Q_DECLARE_METATYPE(neurolift::Matrix)

namespace {

LossSpec spec(LossKind kind, std::vector<float> weights = {}, float delta = 1.0f)
{
    LossSpec s;
    s.kind = kind;
    s.classWeights = std::move(weights);
    s.huberDelta = delta;
    return s;
}

Matrix row(std::initializer_list<float> values)
{
    Matrix m(1, static_cast<Index>(values.size()));
    Index i = 0;
    for (float v : values) {
        m(0, i++) = v;
    }
    return m;
}

} // namespace

class TestLosses : public QObject {
    Q_OBJECT

private slots:
    void gradientMatchesFiniteDifferences_data();
    void gradientMatchesFiniteDifferences();
    void knownValues_data();
    void knownValues();
    void extremeLogitsStayFinite();
    void balancedWeights();
    void rejectsMismatchedTargets();
    void lossFitsTask();
};

void TestLosses::gradientMatchesFiniteDifferences_data()
{
    QTest::addColumn<LossSpec>("loss");
    QTest::addColumn<int>("outputs");
    QTest::newRow("bce") << spec(LossKind::BinaryCrossEntropy) << 1;
    QTest::newRow("bce weighted") << spec(LossKind::BinaryCrossEntropy, {0.3f, 2.0f}) << 1;
    QTest::newRow("ce") << spec(LossKind::CrossEntropy) << 4;
    QTest::newRow("ce weighted") << spec(LossKind::CrossEntropy, {1.0f, 0.5f, 3.0f, 2.0f}) << 4;
    QTest::newRow("mse") << spec(LossKind::MeanSquaredError) << 3;
    QTest::newRow("huber") << spec(LossKind::Huber, {}, 0.7f) << 3;
}

void TestLosses::gradientMatchesFiniteDifferences()
{
    QFETCH(LossSpec, loss);
    QFETCH(int, outputs);
    Rng rng(21);
    const Index n = 9;
    Matrix z = Matrix(outputs, n).unaryExpr([&](float) { return rng.uniform(-3.0f, 3.0f); });
    Matrix y(loss.kind == LossKind::MeanSquaredError || loss.kind == LossKind::Huber ? outputs : 1, n);
    for (Index i = 0; i < n; ++i) {
        for (Index o = 0; o < y.rows(); ++o) {
            switch (loss.kind) {
            case LossKind::BinaryCrossEntropy:
                y(o, i) = static_cast<float>(i % 2);
                break;
            case LossKind::CrossEntropy:
                y(o, i) = static_cast<float>(i % outputs);
                break;
            default:
                // Errors well away from Huber's switch point at +-delta.
                y(o, i) = z(o, i) + (i % 2 ? 1.0f : -1.0f) * (i < 4 ? 0.2f : 2.0f);
            }
        }
    }
    Matrix grad;
    computeLoss(loss, z, y, &grad);
    const Matrix numeric = test::numericGradient(
        z, [&] { return computeLoss(loss, z, y); }, 1e-2f);
    const double err = test::relativeError(grad, numeric);
    QVERIFY2(err < kGradTolerance, qPrintable(QString("relative error %1").arg(err)));
}

void TestLosses::knownValues_data()
{
    QTest::addColumn<LossSpec>("loss");
    QTest::addColumn<Matrix>("logits");
    QTest::addColumn<Matrix>("targets");
    QTest::addColumn<double>("expected");
    QTest::newRow("bce logit 0") << spec(LossKind::BinaryCrossEntropy) << row({0.0f}) << row({1.0f})
                                 << std::log(2.0);
    QTest::newRow("bce two rows") << spec(LossKind::BinaryCrossEntropy) << row({2.0f, -1.0f})
                                  << row({1.0f, 1.0f})
                                  << (std::log1p(std::exp(-2.0)) + std::log1p(std::exp(1.0))) / 2;
    // Weighted mean: (1*l0 + 4*l1) / 5 with l0 = log(1+e^2) (y=0, z=2), l1 = log(1+e^-2).
    QTest::newRow("bce weighted") << spec(LossKind::BinaryCrossEntropy, {1.0f, 4.0f}) << row({2.0f, 2.0f})
                                  << row({0.0f, 1.0f})
                                  << (std::log1p(std::exp(2.0)) + 4 * std::log1p(std::exp(-2.0))) / 5;
    Matrix z3(3, 1);
    z3 << 1.0f, 2.0f, 3.0f;
    const double lse = std::log(std::exp(1.0) + std::exp(2.0) + std::exp(3.0));
    QTest::newRow("ce class 0") << spec(LossKind::CrossEntropy) << z3 << row({0.0f}) << lse - 1.0;
    QTest::newRow("ce class 2") << spec(LossKind::CrossEntropy) << z3 << row({2.0f}) << lse - 3.0;
    QTest::newRow("mse") << spec(LossKind::MeanSquaredError) << row({1.0f, 2.0f, 4.0f})
                         << row({1.0f, 0.0f, 1.0f}) << (0.0 + 4.0 + 9.0) / 3;
    QTest::newRow("huber") << spec(LossKind::Huber, {}, 1.0f) << row({0.5f, 3.0f}) << row({0.0f, 0.0f})
                           << (0.5 * 0.25 + (3.0 - 0.5)) / 2;
}

void TestLosses::knownValues()
{
    QFETCH(LossSpec, loss);
    QFETCH(Matrix, logits);
    QFETCH(Matrix, targets);
    QFETCH(double, expected);
    const double got = computeLoss(loss, logits, targets);
    QVERIFY2(std::abs(got - expected) < 1e-6 * std::max(1.0, std::abs(expected)),
             qPrintable(QString("got %1, expected %2").arg(got, 0, 'g', 10).arg(expected, 0, 'g', 10)));
}

void TestLosses::extremeLogitsStayFinite()
{
    Matrix grad;
    // A confident wrong answer costs about |z|, not infinity.
    const double bce =
        computeLoss(spec(LossKind::BinaryCrossEntropy), row({100.0f, -100.0f}), row({0.0f, 1.0f}), &grad);
    QCOMPARE_LT(std::abs(bce - 100.0), 1e-4);
    QVERIFY(grad.allFinite());
    QCOMPARE_LT(std::abs(grad(0, 0) - 0.5f), 1e-6f);
    Matrix z(2, 1);
    z << 1000.0f, -1000.0f;
    const double ce = computeLoss(spec(LossKind::CrossEntropy), z, row({1.0f}), &grad);
    QCOMPARE_LT(std::abs(ce - 2000.0), 1e-2);
    QVERIFY(grad.allFinite());
}

void TestLosses::balancedWeights()
{
    const auto w = balancedClassWeights({80, 20, 0});
    QCOMPARE(w.size(), std::size_t{3});
    QCOMPARE_LT(std::abs(w[0] - 100.0f / (3 * 80)), 1e-6f);
    QCOMPARE_LT(std::abs(w[1] - 100.0f / (3 * 20)), 1e-6f);
    QCOMPARE(w[2], 1.0f);
}

void TestLosses::rejectsMismatchedTargets()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             computeLoss(spec(LossKind::BinaryCrossEntropy), row({1.0f, 2.0f}), row({1.0f})));
    Matrix z(2, 1);
    z << 1.0f, 2.0f;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             computeLoss(spec(LossKind::CrossEntropy), z, row({2.0f})));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             computeLoss(spec(LossKind::CrossEntropy, {1.0f}), z, row({1.0f})));
}

void TestLosses::lossFitsTask()
{
    QVERIFY(neurolift::lossFitsTask(LossKind::Huber, TaskKind::Regression));
    QVERIFY(!neurolift::lossFitsTask(LossKind::CrossEntropy, TaskKind::Regression));
    QVERIFY(!neurolift::lossFitsTask(LossKind::MeanSquaredError, TaskKind::BinaryClassification));
    QCOMPARE(defaultLoss(TaskKind::MultiClassification), LossKind::CrossEntropy);
    QCOMPARE(lossKindFromId(lossKindId(LossKind::Huber)), std::optional<LossKind>(LossKind::Huber));
}

QTEST_APPLESS_MAIN(TestLosses)
#include "tst_losses.moc"

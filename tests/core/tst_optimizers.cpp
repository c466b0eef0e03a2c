#include "nn/optimizer.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

using namespace neurolift;

Q_DECLARE_METATYPE(neurolift::OptimizerSpec)

namespace {

// float32 arithmetic against a double reference: about a dozen ulps of slack.
constexpr double kRelTolerance = 1e-6;

bool closeTo(double actual, double expected)
{
    return std::abs(actual - expected) <= kRelTolerance * std::max(std::abs(expected), 1e-3);
}

// The fixture: a 2x2 weight and a 2x1 bias, with a different gradient before each of three steps.
const std::vector<double> kWeight0{0.5, 1.5, -1.0, 2.0}; // column-major
const std::vector<double> kBias0{0.25, -0.75};
const std::vector<std::vector<double>> kWeightGrads{
    {0.1, 0.3, -0.2, 0.4},
    {-0.05, 0.25, 0.15, -0.35},
    {0.2, -0.1, 0.1, 0.05},
};
const std::vector<std::vector<double>> kBiasGrads{
    {0.5, -0.1},
    {0.2, 0.3},
    {-0.4, 0.6},
};

Matrix toMatrix(const std::vector<double>& v, Index rows, Index cols)
{
    Matrix m(rows, cols);
    for (Index i = 0; i < m.size(); ++i) {
        m(i) = static_cast<float>(v[static_cast<std::size_t>(i)]);
    }
    return m;
}

// torch.optim's update rules, element by element in double precision, written
// from the algorithm boxes of the PyTorch documentation (dampening 0, centered
// RMSprop off, amsgrad off) and torch.nn.utils.clip_grad_norm_.
class Reference {
public:
    Reference(const OptimizerSpec& spec, std::vector<std::vector<double>> values)
        : m_kind(spec.kind)
        , m_mu(spec.momentum)
        , m_nesterov(spec.nesterov)
        , m_beta1(spec.beta1)
        , m_beta2(spec.beta2)
        , m_eps(spec.epsilon)
        , m_alpha(spec.rho)
        , m_wd(spec.weightDecay)
        , m_clip(spec.clipNorm)
        , m_values(std::move(values))
    {
        for (const auto& v : m_values) {
            m_buf.emplace_back(v.size(), 0.0);
            m_sq.emplace_back(v.size(), 0.0);
        }
    }

    const std::vector<double>& values(std::size_t i) const { return m_values[i]; }

    /// One step; returns the total gradient norm before clipping.
    double step(std::vector<std::vector<double>> grads, double lr)
    {
        ++m_t;
        double sq = 0.0;
        for (const auto& g : grads) {
            for (double x : g) {
                sq += x * x;
            }
        }
        const double norm = std::sqrt(sq);
        if (m_clip > 0.0) {
            // clip_grad_norm_: clip_coef = max_norm / (total_norm + 1e-6), clamped to 1.
            const double coef = std::min(m_clip / (norm + 1e-6), 1.0);
            for (auto& g : grads) {
                for (double& x : g) {
                    x *= coef;
                }
            }
        }
        for (std::size_t i = 0; i < m_values.size(); ++i) {
            for (std::size_t j = 0; j < m_values[i].size(); ++j) {
                update(m_values[i][j], m_buf[i][j], m_sq[i][j], grads[i][j], lr);
            }
        }
        return norm;
    }

private:
    void update(double& p, double& buf, double& sq, double g, double lr) const
    {
        const auto t = static_cast<double>(m_t);
        switch (m_kind) {
        case OptimizerKind::SGD:
            // g <- g + wd p; b_1 = g, b_t = mu b_{t-1} + g; g <- g + mu b (nesterov) or b; p <- p - lr g
            g += m_wd * p;
            if (m_mu != 0.0) {
                buf = m_t == 1 ? g : m_mu * buf + g;
                g = m_nesterov ? g + m_mu * buf : buf;
            }
            p -= lr * g;
            break;
        case OptimizerKind::Adam:
        case OptimizerKind::AdamW: {
            if (m_kind == OptimizerKind::AdamW) {
                p *= 1.0 - lr * m_wd; // decoupled decay
            } else {
                g += m_wd * p; // L2 in the gradient
            }
            buf = m_beta1 * buf + (1.0 - m_beta1) * g;
            sq = m_beta2 * sq + (1.0 - m_beta2) * g * g;
            const double mHat = buf / (1.0 - std::pow(m_beta1, t));
            const double vHat = sq / (1.0 - std::pow(m_beta2, t));
            p -= lr * mHat / (std::sqrt(vHat) + m_eps);
            break;
        }
        case OptimizerKind::RMSprop:
            // v = alpha v + (1 - alpha) g^2; b = mu b + g / (sqrt(v) + eps); p -= lr b
            g += m_wd * p;
            sq = m_alpha * sq + (1.0 - m_alpha) * g * g;
            if (m_mu > 0.0) {
                buf = m_mu * buf + g / (std::sqrt(sq) + m_eps);
                p -= lr * buf;
            } else {
                p -= lr * g / (std::sqrt(sq) + m_eps);
            }
            break;
        }
    }

    OptimizerKind m_kind;
    double m_mu;
    bool m_nesterov;
    double m_beta1;
    double m_beta2;
    double m_eps;
    double m_alpha;
    double m_wd;
    double m_clip;
    std::vector<std::vector<double>> m_values;
    std::vector<std::vector<double>> m_buf;
    std::vector<std::vector<double>> m_sq;
    long long m_t = 0;
};

OptimizerSpec makeSpec(OptimizerKind kind, float momentum = 0.0f, float weightDecay = 0.0f,
                       float clipNorm = 0.0f)
{
    OptimizerSpec s;
    s.kind = kind;
    s.momentum = momentum;
    s.weightDecay = weightDecay;
    s.clipNorm = clipNorm;
    return s;
}

} // namespace

class TestOptimizers : public QObject {
    Q_OBJECT

private slots:
    void matchesPyTorchUpdate_data();
    void matchesPyTorchUpdate();
    void knownValues_data();
    void knownValues();
    void gradientNorm_data();
    void gradientNorm();
    void stepReturnsNormBeforeClipping();
    void idsRoundTrip();
};

void TestOptimizers::matchesPyTorchUpdate_data()
{
    QTest::addColumn<OptimizerSpec>("spec");
    QTest::addColumn<float>("learningRate");

    QTest::newRow("sgd plain") << makeSpec(OptimizerKind::SGD) << 0.1f;
    QTest::newRow("sgd momentum") << makeSpec(OptimizerKind::SGD, 0.9f) << 0.1f;
    OptimizerSpec nesterov = makeSpec(OptimizerKind::SGD, 0.9f);
    nesterov.nesterov = true;
    QTest::newRow("sgd nesterov") << nesterov << 0.1f;
    QTest::newRow("sgd weight decay") << makeSpec(OptimizerKind::SGD, 0.0f, 0.1f) << 0.1f;
    QTest::newRow("sgd momentum weight decay") << makeSpec(OptimizerKind::SGD, 0.9f, 0.1f) << 0.1f;
    OptimizerSpec nesterovWd = makeSpec(OptimizerKind::SGD, 0.8f, 0.05f);
    nesterovWd.nesterov = true;
    QTest::newRow("sgd nesterov weight decay") << nesterovWd << 0.05f;

    QTest::newRow("adam") << makeSpec(OptimizerKind::Adam) << 0.01f;
    OptimizerSpec adamBetas = makeSpec(OptimizerKind::Adam);
    adamBetas.beta1 = 0.8f;
    adamBetas.beta2 = 0.95f;
    adamBetas.epsilon = 1e-3f; // large enough to matter
    QTest::newRow("adam betas eps") << adamBetas << 0.05f;
    QTest::newRow("adam weight decay") << makeSpec(OptimizerKind::Adam, 0.0f, 0.1f) << 0.01f;
    QTest::newRow("adamw") << makeSpec(OptimizerKind::AdamW, 0.0f, 0.1f) << 0.01f;
    QTest::newRow("adamw strong decay") << makeSpec(OptimizerKind::AdamW, 0.0f, 2.0f) << 0.05f;

    OptimizerSpec rms = makeSpec(OptimizerKind::RMSprop);
    rms.rho = 0.99f;
    rms.epsilon = 1e-8f;
    QTest::newRow("rmsprop") << rms << 0.01f;
    OptimizerSpec rmsEps = rms;
    rmsEps.rho = 0.9f;
    rmsEps.epsilon = 1e-2f;
    QTest::newRow("rmsprop rho eps") << rmsEps << 0.01f;
    OptimizerSpec rmsMomentum = rms;
    rmsMomentum.momentum = 0.9f;
    QTest::newRow("rmsprop momentum") << rmsMomentum << 0.01f;
    OptimizerSpec rmsWd = rms;
    rmsWd.weightDecay = 0.1f;
    QTest::newRow("rmsprop weight decay") << rmsWd << 0.01f;

    // The gradient norms of the three steps are about 0.75, 0.58 and 0.76.
    QTest::newRow("clip sgd") << makeSpec(OptimizerKind::SGD, 0.0f, 0.0f, 0.5f) << 0.1f;
    QTest::newRow("clip sgd momentum") << makeSpec(OptimizerKind::SGD, 0.9f, 0.0f, 0.3f) << 0.1f;
    QTest::newRow("clip adam") << makeSpec(OptimizerKind::Adam, 0.0f, 0.0f, 0.5f) << 0.01f;
    QTest::newRow("clip rmsprop") << makeSpec(OptimizerKind::RMSprop, 0.0f, 0.0f, 0.6f) << 0.01f;
    QTest::newRow("clip not reached") << makeSpec(OptimizerKind::SGD, 0.0f, 0.0f, 10.0f) << 0.1f;
}

void TestOptimizers::matchesPyTorchUpdate()
{
    QFETCH(OptimizerSpec, spec);
    QFETCH(float, learningRate);

    Parameter weight{"dense_1.weight", toMatrix(kWeight0, 2, 2), Matrix::Zero(2, 2)};
    Parameter bias{"dense_1.bias", toMatrix(kBias0, 2, 1), Matrix::Zero(2, 1)};
    Optimizer optimizer(spec, {&weight, &bias});
    Reference reference(spec, {kWeight0, kBias0});

    for (std::size_t t = 0; t < kWeightGrads.size(); ++t) {
        weight.grad = toMatrix(kWeightGrads[t], 2, 2);
        bias.grad = toMatrix(kBiasGrads[t], 2, 1);
        const float norm = optimizer.step(learningRate);
        const double expectedNorm = reference.step({kWeightGrads[t], kBiasGrads[t]}, learningRate);
        QVERIFY2(closeTo(norm, expectedNorm),
                 qPrintable(QString("step %1: norm %2, expected %3").arg(t + 1).arg(norm).arg(expectedNorm)));

        const Parameter* params[] = {&weight, &bias};
        for (std::size_t i = 0; i < 2; ++i) {
            const Matrix& actual = params[i]->value;
            const auto& expected = reference.values(i);
            for (Index k = 0; k < actual.size(); ++k) {
                const double e = expected[static_cast<std::size_t>(k)];
                QVERIFY2(closeTo(actual(k), e), qPrintable(QString("step %1, %2[%3]: %4, expected %5")
                                                               .arg(t + 1)
                                                               .arg(QString::fromStdString(params[i]->name))
                                                               .arg(k)
                                                               .arg(double(actual(k)), 0, 'g', 10)
                                                               .arg(e, 0, 'g', 10)));
            }
        }
    }
    QCOMPARE(optimizer.steps(), 3LL);
    QCOMPARE(optimizer.state().steps, 3LL);
}

// Scalar cases worked out on paper (p0 = 1, gradients 0.5 then -1), pinning the
// reference above as well as the optimiser.
void TestOptimizers::knownValues_data()
{
    QTest::addColumn<OptimizerSpec>("spec");
    QTest::addColumn<float>("learningRate");
    QTest::addColumn<double>("afterStep1");
    QTest::addColumn<double>("afterStep2");

    // p1 = 1 - 0.1*0.5 = 0.95; p2 = 0.95 + 0.1 = 1.05
    QTest::newRow("sgd plain") << makeSpec(OptimizerKind::SGD) << 0.1f << 0.95 << 1.05;
    // b1 = 0.5, p1 = 0.95; b2 = 0.9*0.5 - 1 = -0.55, p2 = 0.95 + 0.055 = 1.005
    QTest::newRow("sgd momentum") << makeSpec(OptimizerKind::SGD, 0.9f) << 0.1f << 0.95 << 1.005;
    // b1 = 0.5, g = 0.5 + 0.45 = 0.95, p1 = 0.905; b2 = -0.55, g = -1 - 0.495 = -1.495, p2 = 1.0545
    OptimizerSpec nesterov = makeSpec(OptimizerKind::SGD, 0.9f);
    nesterov.nesterov = true;
    QTest::newRow("sgd nesterov") << nesterov << 0.1f << 0.905 << 1.0545;
    // g = 0.5 + 0.1 = 0.6, p1 = 0.94; g = -1 + 0.094 = -0.906, p2 = 1.0306
    QTest::newRow("sgd weight decay") << makeSpec(OptimizerKind::SGD, 0.0f, 0.1f) << 0.1f << 0.94 << 1.0306;
    // m = 0.05, v = 0.00025, m^ = 0.5, v^ = 0.25: p1 = 1 - 0.1*0.5/(0.5 + 1e-8) = 0.900000002
    // m = -0.055, v = 0.00124975, m^ = -0.055/0.19, v^ = 0.00124975/0.001999: p2 = 0.936610354
    QTest::newRow("adam") << makeSpec(OptimizerKind::Adam) << 0.1f << 0.900000002 << 0.936610354241;
    // g = 0.6 then -1 + 0.09 = -0.91 (p1 = 0.9000000017)
    QTest::newRow("adam weight decay")
        << makeSpec(OptimizerKind::Adam, 0.0f, 0.1f) << 0.1f << 0.900000001667 << 0.925263519446;
    // p *= 0.99 before each Adam step: 0.99 - 0.099999998 = 0.890000002; 0.8811 + 0.036610352 = 0.917710354
    QTest::newRow("adamw") << makeSpec(OptimizerKind::AdamW, 0.0f, 0.1f) << 0.1f << 0.890000002
                           << 0.917710354221;
    // v = 0.0025, p1 = 1 - 0.01*0.5/(0.05 + 1e-8) = 0.90000002
    // v = 0.002475 + 0.01 = 0.012475, p2 = p1 + 0.01/(0.1116915 + 1e-8) = 0.989532308
    QTest::newRow("rmsprop") << makeSpec(OptimizerKind::RMSprop) << 0.01f << 0.90000002 << 0.989532308191;
    // b1 = 9.999998, p1 = 0.90000002; b2 = 8.999998 - 8.953232, p2 = p1 - 0.01*0.046766 = 0.899532326
    QTest::newRow("rmsprop momentum")
        << makeSpec(OptimizerKind::RMSprop, 0.9f) << 0.01f << 0.90000002 << 0.899532326191;
}

void TestOptimizers::knownValues()
{
    QFETCH(OptimizerSpec, spec);
    QFETCH(float, learningRate);
    QFETCH(double, afterStep1);
    QFETCH(double, afterStep2);

    Parameter p{"p", Matrix::Constant(1, 1, 1.0f), Matrix::Constant(1, 1, 0.5f)};
    Optimizer optimizer(spec, {&p});
    optimizer.step(learningRate);
    QVERIFY2(closeTo(p.value(0, 0), afterStep1), qPrintable(QString::number(double(p.value(0, 0)), 'g', 10)));
    p.grad(0, 0) = -1.0f;
    optimizer.step(learningRate);
    QVERIFY2(closeTo(p.value(0, 0), afterStep2), qPrintable(QString::number(double(p.value(0, 0)), 'g', 10)));

    // The reference implementation agrees with the paper values too.
    Reference reference(spec, {std::vector<double>{1.0}});
    reference.step({std::vector<double>{0.5}}, learningRate);
    QVERIFY(closeTo(reference.values(0)[0], afterStep1));
    reference.step({std::vector<double>{-1.0}}, learningRate);
    QVERIFY(closeTo(reference.values(0)[0], afterStep2));
}

void TestOptimizers::gradientNorm_data()
{
    QTest::addColumn<QList<float>>("weightGrad"); // 2x2, column-major; empty: no such parameter
    QTest::addColumn<QList<float>>("biasGrad");   // 2x1; empty: no such parameter
    QTest::addColumn<double>("expected");

    QTest::newRow("one parameter") << QList<float>{3, 0, 0, 4} << QList<float>{} << 5.0;
    // 1 + 4 + 4 + 16 = 25 and 7.2^2 + 9.6^2 = 144: sqrt(169)
    QTest::newRow("two parameters") << QList<float>{1, 2, -2, 4} << QList<float>{-7.2f, 9.6f} << 13.0;
    QTest::newRow("bias only") << QList<float>{} << QList<float>{-6, 8} << 10.0;
    QTest::newRow("zero gradients") << QList<float>{0, 0, 0, 0} << QList<float>{0, 0} << 0.0;
    QTest::newRow("no parameters") << QList<float>{} << QList<float>{} << 0.0;
}

void TestOptimizers::gradientNorm()
{
    QFETCH(QList<float>, weightGrad);
    QFETCH(QList<float>, biasGrad);
    QFETCH(double, expected);

    Parameter weight{"w", Matrix::Zero(2, 2), Matrix::Zero(2, 2)};
    Parameter bias{"b", Matrix::Zero(2, 1), Matrix::Zero(2, 1)};
    std::vector<Parameter*> params;
    if (!weightGrad.isEmpty()) {
        weight.grad = Eigen::Map<const Matrix>(weightGrad.constData(), 2, 2);
        params.push_back(&weight);
    }
    if (!biasGrad.isEmpty()) {
        bias.grad = Eigen::Map<const Matrix>(biasGrad.constData(), 2, 1);
        params.push_back(&bias);
    }
    const float norm = neurolift::gradientNorm(params);
    QVERIFY2(std::abs(norm - expected) <= kRelTolerance * std::max(expected, 1.0),
             qPrintable(QString("%1, expected %2").arg(norm).arg(expected)));
}

void TestOptimizers::stepReturnsNormBeforeClipping()
{
    // Gradient norm 13 (see gradientNorm), clipped to 1: every gradient is scaled by 1/(13 + 1e-6).
    Parameter weight{"w", Matrix::Zero(2, 2), Matrix(2, 2)};
    Parameter bias{"b", Matrix::Zero(2, 1), Matrix(2, 1)};
    weight.grad << 1, -2, 2, 4;
    bias.grad << -7.2f, 9.6f;
    OptimizerSpec spec = makeSpec(OptimizerKind::SGD, 0.0f, 0.0f, 1.0f);
    Optimizer optimizer(spec, {&weight, &bias});

    const float norm = optimizer.step(0.5f);
    QVERIFY2(std::abs(norm - 13.0) <= 13.0 * kRelTolerance, qPrintable(QString::number(double(norm))));
    const double scale = 0.5 / (13.0 + 1e-6);
    QVERIFY(closeTo(weight.value(0, 0), -1.0 * scale));
    QVERIFY(closeTo(weight.value(0, 1), 2.0 * scale));
    QVERIFY(closeTo(weight.value(1, 0), -2.0 * scale));
    QVERIFY(closeTo(weight.value(1, 1), -4.0 * scale));
    QVERIFY(closeTo(bias.value(0, 0), 7.2 * scale));
    QVERIFY(closeTo(bias.value(1, 0), -9.6 * scale));
    // The clipped update has norm lr * clip.
    const double moved =
        std::sqrt(static_cast<double>(weight.value.squaredNorm() + bias.value.squaredNorm()));
    QVERIFY2(std::abs(moved - 0.5) < 1e-6, qPrintable(QString::number(moved)));

    // Below the threshold nothing is rescaled and the norm is still reported.
    weight.grad.setConstant(0.25f); // norm sqrt(4 * 0.0625) = 0.5
    bias.grad.setZero();
    const Matrix before = weight.value;
    QVERIFY(closeTo(optimizer.step(0.5f), 0.5));
    QVERIFY(closeTo(weight.value(0, 0), before(0, 0) - 0.125));
    QVERIFY(closeTo(weight.value(1, 1), before(1, 1) - 0.125));
}

void TestOptimizers::idsRoundTrip()
{
    const std::pair<OptimizerKind, const char*> ids[] = {
        {OptimizerKind::SGD, "sgd"},
        {OptimizerKind::Adam, "adam"},
        {OptimizerKind::AdamW, "adamw"},
        {OptimizerKind::RMSprop, "rmsprop"},
    };
    for (const auto& [kind, id] : ids) {
        const std::string_view got = optimizerKindId(kind);
        QCOMPARE(QString::fromUtf8(got.data(), static_cast<qsizetype>(got.size())), QString::fromUtf8(id));
        const auto back = optimizerKindFromId(id);
        QVERIFY(back.has_value());
        QVERIFY(*back == kind);
    }
    QVERIFY(!optimizerKindFromId("lbfgs").has_value());
    QVERIFY(!optimizerKindFromId("Adam").has_value());
    QVERIFY(!optimizerKindFromId("").has_value());
}

QTEST_APPLESS_MAIN(TestOptimizers)
#include "tst_optimizers.moc"

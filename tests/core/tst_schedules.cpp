#include "nn/schedule.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string_view>

using namespace neurolift;

Q_DECLARE_METATYPE(neurolift::ScheduleSpec)
Q_DECLARE_METATYPE(neurolift::ScheduleKind)

namespace {

// Rates are float32; the expectations are exact decimals.
bool closeTo(double actual, double expected)
{
    return std::abs(actual - expected) <= 1e-6 * std::max(std::abs(expected), 1e-3);
}

ScheduleSpec stepSpec(int stepEpochs, float gamma)
{
    ScheduleSpec s;
    s.kind = ScheduleKind::Step;
    s.stepEpochs = stepEpochs;
    s.gamma = gamma;
    return s;
}

ScheduleSpec cosineSpec(int cosineEpochs, float minLearningRate)
{
    ScheduleSpec s;
    s.kind = ScheduleKind::Cosine;
    s.cosineEpochs = cosineEpochs;
    s.minLearningRate = minLearningRate;
    return s;
}

ScheduleSpec plateauSpec(float factor, int patience, float threshold, float minLearningRate = 0.0f)
{
    ScheduleSpec s;
    s.kind = ScheduleKind::ReduceOnPlateau;
    s.factor = factor;
    s.patience = patience;
    s.threshold = threshold;
    s.minLearningRate = minLearningRate;
    return s;
}

} // namespace

class TestSchedules : public QObject {
    Q_OBJECT

private slots:
    void sequence_data();
    void sequence();
    void cosine_data();
    void cosine();
    void idsRoundTrip_data();
    void idsRoundTrip();
    void unknownIds_data();
    void unknownIds();
};

// `expected[i]` is rate() during epoch i; endEpoch(losses[i]) ends epoch i.
void TestSchedules::sequence_data()
{
    QTest::addColumn<ScheduleSpec>("spec");
    QTest::addColumn<float>("baseRate");
    QTest::addColumn<int>("totalEpochs");
    QTest::addColumn<QList<double>>("losses");
    QTest::addColumn<QList<double>>("expected");

    // Constant and Step ignore the loss, even a worsening one.
    QTest::newRow("constant") << ScheduleSpec{} << 0.1f << 5 << QList<double>{1, 2, 3, 4}
                              << QList<double>{0.1, 0.1, 0.1, 0.1, 0.1};
    QTest::newRow("step every 2, gamma 0.5") << stepSpec(2, 0.5f) << 0.1f << 6 << QList<double>{1, 1, 1, 1, 1}
                                             << QList<double>{0.1, 0.1, 0.05, 0.05, 0.025, 0.025};
    QTest::newRow("step every 3, gamma 0.1")
        << stepSpec(3, 0.1f) << 1.0f << 8 << QList<double>{5, 4, 6, 7, 8, 9, 10}
        << QList<double>{1, 1, 1, 0.1, 0.1, 0.1, 0.01, 0.01};
    QTest::newRow("step every epoch, gamma 0.9") << stepSpec(1, 0.9f) << 0.5f << 4 << QList<double>{1, 1, 1}
                                                 << QList<double>{0.5, 0.45, 0.405, 0.3645};

    // ReduceOnPlateau, PyTorch mode "min", threshold_mode "rel", cooldown 0:
    // better means loss < best * (1 - threshold); each other epoch is bad; when
    // bad epochs exceed patience the rate becomes max(rate * factor, min) and the count restarts.
    //   1.0 best, 0.9 best, 0.95 bad 1, 0.9 bad 2 (not below 0.9 * 0.9999), 0.92 bad 3 > 2: 0.05,
    //   0.93 bad 1, 0.8 best, 0.85 bad 1, 0.85 bad 2, 0.85 bad 3 > 2: 0.025
    QTest::newRow("plateau patience 2")
        << plateauSpec(0.5f, 2, 1e-4f) << 0.1f << 20
        << QList<double>{1.0, 0.9, 0.95, 0.9, 0.92, 0.93, 0.8, 0.85, 0.85, 0.85}
        << QList<double>{0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.025};
    // threshold 0.1, relative to the best loss (not to the last one):
    //   1.0 best, 0.95 bad 1 (needs < 0.9), 0.92 bad 2 > 1: 0.05, 0.85 best (< 0.9),
    //   0.8 bad 1 (needs < 0.765), 0.76 best, 0.75 bad 1 (needs < 0.684), 0.74 bad 2 > 1: 0.025
    QTest::newRow("plateau relative threshold")
        << plateauSpec(0.5f, 1, 0.1f) << 0.1f << 20
        << QList<double>{1.0, 0.95, 0.92, 0.85, 0.8, 0.76, 0.75, 0.74}
        << QList<double>{0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.025};
    // 0.99995 is not below 1.0 * 0.9999; 0.9998 is.
    QTest::newRow("plateau tiny improvement is not better")
        << plateauSpec(0.5f, 0, 1e-4f) << 0.1f << 20 << QList<double>{1.0, 0.99995, 0.9998}
        << QList<double>{0.1, 0.1, 0.05, 0.05};
    // "Better" is strict: with threshold 0 an equal loss is a bad epoch,
    // and with threshold 0.5 so is exactly half the best.
    //   1 best, 1 bad 1 > 0: 0.05, 0.999 best
    QTest::newRow("plateau equal loss is not better")
        << plateauSpec(0.5f, 0, 0.0f) << 0.1f << 20 << QList<double>{1, 1, 0.999}
        << QList<double>{0.1, 0.1, 0.05, 0.05};
    //   1 best, 0.5 bad 1 > 0: 0.05, 0.4 best
    QTest::newRow("plateau threshold boundary")
        << plateauSpec(0.5f, 0, 0.5f) << 0.1f << 20 << QList<double>{1, 0.5, 0.4}
        << QList<double>{0.1, 0.1, 0.05, 0.05};
    //   1 best, 1 bad: 0.01, 1 bad: max(0.001, 0.005), 1 bad: stays at the floor
    QTest::newRow("plateau floor at min rate")
        << plateauSpec(0.1f, 0, 1e-4f, 0.005f) << 0.1f << 20 << QList<double>{1, 1, 1, 1}
        << QList<double>{0.1, 0.1, 0.01, 0.005, 0.005};
    //   1 best, 2 bad 1, 2 bad 2 > 1: 0.05 and restart, 2 bad 1, 2 bad 2 > 1: 0.025
    QTest::newRow("plateau count restarts after reduction")
        << plateauSpec(0.5f, 1, 1e-4f) << 0.1f << 20 << QList<double>{1, 2, 2, 2, 2}
        << QList<double>{0.1, 0.1, 0.1, 0.05, 0.05, 0.025};
    QTest::newRow("plateau always improving")
        << plateauSpec(0.5f, 0, 1e-4f) << 0.1f << 20 << QList<double>{5, 4, 3, 2, 1}
        << QList<double>{0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
    // PyTorch starts from best = inf, and NaN < anything is false, so a NaN loss is a bad epoch,
    // first or later, and never becomes the best:
    //   NaN bad 1 > 0: 0.05, 1.0 best, 0.9 best, NaN bad 1 > 0: 0.025, 0.8 best
    QTest::newRow("plateau NaN loss is a bad epoch")
        << plateauSpec(0.5f, 0, 1e-4f) << 0.1f << 20
        << QList<double>{std::numeric_limits<double>::quiet_NaN(), 1.0, 0.9,
                         std::numeric_limits<double>::quiet_NaN(), 0.8}
        << QList<double>{0.1, 0.05, 0.05, 0.05, 0.025, 0.025};
    // A bad epoch then a better one: the count of bad epochs starts again.
    //   1 best, 1.1 bad 1, 0.5 best, 0.6 bad 1, 0.7 bad 2 > 1: 0.05
    QTest::newRow("plateau improvement resets count")
        << plateauSpec(0.5f, 1, 1e-4f) << 0.1f << 20 << QList<double>{1, 1.1, 0.5, 0.6, 0.7}
        << QList<double>{0.1, 0.1, 0.1, 0.1, 0.1, 0.05};
}

void TestSchedules::sequence()
{
    QFETCH(ScheduleSpec, spec);
    QFETCH(float, baseRate);
    QFETCH(int, totalEpochs);
    QFETCH(QList<double>, losses);
    QFETCH(QList<double>, expected);
    QCOMPARE(expected.size(), losses.size() + 1);

    LearningRateSchedule schedule(spec, baseRate, totalEpochs);
    for (qsizetype epoch = 0; epoch < expected.size(); ++epoch) {
        QCOMPARE(schedule.epoch(), int(epoch));
        QVERIFY2(closeTo(schedule.rate(), expected[epoch]),
                 qPrintable(QString("epoch %1: rate %2, expected %3")
                                .arg(epoch)
                                .arg(double(schedule.rate()), 0, 'g', 9)
                                .arg(expected[epoch])));
        if (epoch < losses.size()) {
            schedule.endEpoch(losses[epoch]);
        }
    }
}

// Cosine annealing: eta = min + (base - min) (1 + cos(pi t / T)) / 2, at t = 0, T/4, T/2, T.
void TestSchedules::cosine_data()
{
    QTest::addColumn<ScheduleSpec>("spec");
    QTest::addColumn<float>("baseRate");
    QTest::addColumn<int>("totalEpochs");
    QTest::addColumn<int>("length"); // T
    QTest::addColumn<double>("atQuarter");
    QTest::addColumn<double>("atHalf");
    QTest::addColumn<double>("atEnd");

    // 0.05 (1 + sqrt(1/2)) = 0.0853553390593
    QTest::newRow("over the run") << cosineSpec(0, 0.0f) << 0.1f << 8 << 8 << 0.0853553390593 << 0.05 << 0.0;
    // 0.01 + 0.045 (1 + sqrt(1/2)) = 0.0868198051534; 0.01 + 0.045 = 0.055
    QTest::newRow("over the run with floor")
        << cosineSpec(0, 0.01f) << 0.1f << 20 << 20 << 0.0868198051534 << 0.055 << 0.01;
    // cosineEpochs 8 of a 100-epoch run: 0.02 + 0.09 (1 + sqrt(1/2)) = 0.173639610307; 0.02 + 0.09 = 0.11
    QTest::newRow("own cycle length")
        << cosineSpec(8, 0.02f) << 0.2f << 100 << 8 << 0.173639610307 << 0.11 << 0.02;
}

void TestSchedules::cosine()
{
    QFETCH(ScheduleSpec, spec);
    QFETCH(float, baseRate);
    QFETCH(int, totalEpochs);
    QFETCH(int, length);
    QFETCH(double, atQuarter);
    QFETCH(double, atHalf);
    QFETCH(double, atEnd);

    LearningRateSchedule schedule(spec, baseRate, totalEpochs);
    QVERIFY2(closeTo(schedule.rate(), baseRate), qPrintable(QString::number(double(schedule.rate()))));
    double previous = schedule.rate();
    for (int epoch = 1; epoch <= length; ++epoch) {
        schedule.endEpoch(1.0);
        QCOMPARE(schedule.epoch(), epoch);
        QVERIFY2(schedule.rate() < previous, qPrintable(QString("not decreasing at epoch %1").arg(epoch)));
        previous = schedule.rate();
        const auto check = [&](double want) {
            return closeTo(schedule.rate(), want) ? QString()
                                                  : QString("epoch %1: rate %2, expected %3")
                                                        .arg(epoch)
                                                        .arg(double(schedule.rate()), 0, 'g', 9)
                                                        .arg(want, 0, 'g', 12);
        };
        QString problem;
        if (epoch == length / 4) {
            problem = check(atQuarter);
        } else if (epoch == length / 2) {
            problem = check(atHalf);
        } else if (epoch == length) {
            problem = check(atEnd);
        }
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
}

void TestSchedules::idsRoundTrip_data()
{
    QTest::addColumn<ScheduleKind>("kind");
    QTest::addColumn<QString>("id");
    QTest::newRow("constant") << ScheduleKind::Constant << "constant";
    QTest::newRow("step") << ScheduleKind::Step << "step";
    QTest::newRow("cosine") << ScheduleKind::Cosine << "cosine";
    QTest::newRow("reduce_on_plateau") << ScheduleKind::ReduceOnPlateau << "reduce_on_plateau";
}

void TestSchedules::idsRoundTrip()
{
    QFETCH(ScheduleKind, kind);
    QFETCH(QString, id);
    const std::string_view got = scheduleKindId(kind);
    QCOMPARE(QString::fromUtf8(got.data(), static_cast<qsizetype>(got.size())), id);
    const QByteArray utf8 = id.toUtf8();
    const auto back =
        scheduleKindFromId(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    QVERIFY(back.has_value());
    QVERIFY(*back == kind);
}

void TestSchedules::unknownIds_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("wrong case") << QByteArray("Cosine");
    QTest::newRow("dashes") << QByteArray("reduce-on-plateau");
    QTest::newRow("other scheduler") << QByteArray("exponential");
    QTest::newRow("prefix") << QByteArray("cos");
}

void TestSchedules::unknownIds()
{
    QFETCH(QByteArray, id);
    QVERIFY(!scheduleKindFromId(std::string_view(id.constData(), static_cast<std::size_t>(id.size())))
                 .has_value());
}

QTEST_APPLESS_MAIN(TestSchedules)
#include "tst_schedules.moc"

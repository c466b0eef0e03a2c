#include "data/split.h"

#include <QTest>

#include <algorithm>
#include <numeric>
#include <set>

using namespace neurolift;

namespace {

std::vector<std::int32_t> labels(int negatives, int positives)
{
    std::vector<std::int32_t> y;
    for (int i = 0; i < negatives + positives; ++i) {
        // Interleaved so that a split by position would not be stratified by accident.
        y.push_back(i % (negatives + positives) < positives ? 1 : 0);
    }
    std::vector<std::int32_t> shuffled(y.size());
    for (std::size_t i = 0; i < y.size(); ++i) {
        shuffled[(i * 7919) % y.size()] = y[i];
    }
    return shuffled;
}

long long count(const std::vector<std::int64_t>& rows, const std::vector<std::int32_t>& y, std::int32_t cls)
{
    return std::count_if(rows.begin(), rows.end(),
                         [&](std::int64_t r) { return y[static_cast<std::size_t>(r)] == cls; });
}

} // namespace

class TestSplit : public QObject {
    Q_OBJECT

private slots:
    void stratifiedKeepsClassShares_data();
    void stratifiedKeepsClassShares();
    void partsCoverEveryRowOnce();
    void sameSeedSameSplit();
    void rareClassReachesEveryPart();
    void rowsWithoutClassAreLeftOut();
    void rejectsBadInput_data();
    void rejectsBadInput();
};

void TestSplit::stratifiedKeepsClassShares_data()
{
    QTest::addColumn<int>("negatives");
    QTest::addColumn<int>("positives");
    QTest::newRow("balanced") << 500 << 500;
    QTest::newRow("20% positive") << 8000 << 2000;
    QTest::newRow("1% positive") << 9900 << 100;
}

void TestSplit::stratifiedKeepsClassShares()
{
    QFETCH(int, negatives);
    QFETCH(int, positives);
    const auto y = labels(negatives, positives);
    const Split s = stratifiedSplit(y, {0.7, 0.15}, 42);
    const double share = static_cast<double>(positives) / (negatives + positives);
    for (const auto* part : {&s.train, &s.validation, &s.test}) {
        const double partShare = static_cast<double>(count(*part, y, 1)) / static_cast<double>(part->size());
        // Rounding per class moves a part's share by at most one row of each class.
        QCOMPARE_LT(std::abs(partShare - share), 2.0 / static_cast<double>(part->size()));
    }
    const double n = negatives + positives;
    QCOMPARE_LT(std::abs(static_cast<double>(s.train.size()) / n - 0.7), 0.002);
    QCOMPARE_LT(std::abs(static_cast<double>(s.validation.size()) / n - 0.15), 0.002);
}

void TestSplit::partsCoverEveryRowOnce()
{
    const auto y = labels(300, 77);
    const Split s = stratifiedSplit(y, {0.6, 0.2}, 1);
    std::vector<std::int64_t> all;
    for (const auto* part : {&s.train, &s.validation, &s.test}) {
        QVERIFY(std::is_sorted(part->begin(), part->end()));
        all.insert(all.end(), part->begin(), part->end());
    }
    std::sort(all.begin(), all.end());
    std::vector<std::int64_t> expected(y.size());
    std::iota(expected.begin(), expected.end(), 0);
    QCOMPARE(all, expected);

    const Split r = randomSplit(1001, {0.8, 0.1}, 3);
    QCOMPARE(r.train.size() + r.validation.size() + r.test.size(), std::size_t{1001});
    QCOMPARE(r.train.size(), std::size_t{801});
}

void TestSplit::sameSeedSameSplit()
{
    const auto y = labels(400, 100);
    const Split a = stratifiedSplit(y, {0.7, 0.15}, 9);
    const Split b = stratifiedSplit(y, {0.7, 0.15}, 9);
    const Split c = stratifiedSplit(y, {0.7, 0.15}, 10);
    QCOMPARE(a.train, b.train);
    QCOMPARE(a.test, b.test);
    QVERIFY(a.train != c.train);
}

void TestSplit::rareClassReachesEveryPart()
{
    std::vector<std::int32_t> y(200, 0);
    y[10] = 1;
    y[50] = 1;
    y[150] = 1;
    const Split s = stratifiedSplit(y, {0.7, 0.15}, 5);
    QCOMPARE(count(s.train, y, 1), 1);
    QCOMPARE(count(s.validation, y, 1), 1);
    QCOMPARE(count(s.test, y, 1), 1);
}

void TestSplit::rowsWithoutClassAreLeftOut()
{
    std::vector<std::int32_t> y = labels(50, 50);
    y[3] = -1;
    y[4] = -1;
    const Split s = stratifiedSplit(y, {0.7, 0.15}, 5);
    QCOMPARE(s.train.size() + s.validation.size() + s.test.size(), std::size_t{98});
    for (const auto* part : {&s.train, &s.validation, &s.test}) {
        QVERIFY(std::find(part->begin(), part->end(), 3) == part->end());
    }
}

void TestSplit::rejectsBadInput_data()
{
    QTest::addColumn<double>("train");
    QTest::addColumn<double>("validation");
    QTest::addColumn<int>("rows");
    QTest::newRow("no room for test") << 0.8 << 0.2 << 100;
    QTest::newRow("no validation") << 0.8 << 0.0 << 100;
    QTest::newRow("negative") << -0.1 << 0.2 << 100;
    QTest::newRow("two rows") << 0.7 << 0.15 << 2;
}

void TestSplit::rejectsBadInput()
{
    QFETCH(double, train);
    QFETCH(double, validation);
    QFETCH(int, rows);
    const std::vector<std::int32_t> y(static_cast<std::size_t>(rows), 0);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, stratifiedSplit(y, {train, validation}, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, randomSplit(rows, {train, validation}, 1));
}

QTEST_APPLESS_MAIN(TestSplit)
#include "tst_split.moc"

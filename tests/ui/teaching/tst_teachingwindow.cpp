// Teaching mode driven through its widgets: Step, Play, Pause and Reset change
// what is drawn as they should, every picture is drawn, and the window keeps
// answering while the network learns.

#include "teaching/teachingwindow.h"

#include "batchgate.h"
#include "common/pagekit.h"
#include "eventqueue.h"
#include "shell/language.h"
#include "teaching/teachingvisitor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

using namespace neurolift;

class TestTeachingWindow : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void testStepChangesBoundary_data();
    void testStepChangesBoundary();
    void testPlayThenPauseLearns();
    void testResetReturnsToStart();
    void testPlayingDrawsEveryFrame();
    void testStaysResponsiveWhilePlaying();
    void testEachStepSendsOneFrame();
    void testSwitchingToySetRedrawsPoints();
    void testLargeFontsAndExport();
    void testLearningRateAndBatchSizeApplyLive();
    void testCarBuyersLessonShowsOneVisitorStepByStep();
    void testCarBuyersLessonLearnsThatPricingAndConfiguratorMatter();
    void testScreenshots();

private:
    template <typename T>
    T* find(const char* name) const
    {
        return m_window->findChild<T*>(QLatin1String(name));
    }
    void click(const char* name) { QTest::mouseClick(find<QPushButton>(name), Qt::LeftButton); }
    /// Picks the toy set shown as `text` in the combo and waits for its first frame.
    void chooseToySet(const QString& text);
    /// Clicks Pause and waits until the teaching thread has taken it and its last frames are drawn.
    void pauseAndSettle();

    std::unique_ptr<TeachingWindow> m_window;
};

namespace {

double largestDifference(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.size() != b.size()) {
        return INFINITY;
    }
    double d = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        d = std::max(d, static_cast<double>(std::abs(a[i] - b[i])));
    }
    return d;
}

} // namespace

void TestTeachingWindow::init()
{
    m_window = std::make_unique<TeachingWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->frameCount() >= 1, 60000);
}

void TestTeachingWindow::cleanup()
{
    m_window.reset();
}

void TestTeachingWindow::chooseToySet(const QString& text)
{
    auto* combo = find<QComboBox>("toySet");
    const int index = combo->findText(text);
    QVERIFY(index >= 0);
    if (combo->currentIndex() != index) {
        combo->setFocus();
        // The keyboard walks the combo as a user would: Home, then Down to the row.
        QTest::keyClick(combo, Qt::Key_Home);
        for (int i = 0; i < index; ++i) {
            QTest::keyClick(combo, Qt::Key_Down);
        }
    }
    QCOMPARE(combo->currentIndex(), index);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->frameCount() >= 1 && m_window->step() == 0, 60000);
}

void TestTeachingWindow::pauseAndSettle()
{
    click("pause");
    QVERIFY(!m_window->isPlaying());
    // Once the teaching thread has handled the pause, it sends no more frames.
    auto* thread = m_window->findChild<QThread*>(QStringLiteral("teachingThread"));
    QVERIFY(thread);
    test::roundTrip(thread);
}

void TestTeachingWindow::testStepChangesBoundary_data()
{
    QTest::addColumn<QString>("toySet");
    QTest::newRow("blobs") << QStringLiteral("Two blobs");
    QTest::newRow("xor") << QStringLiteral("XOR");
    QTest::newRow("circles") << QStringLiteral("Circles");
    QTest::newRow("spirals") << QStringLiteral("Spirals");
}

void TestTeachingWindow::testStepChangesBoundary()
{
    QFETCH(QString, toySet);
    chooseToySet(toySet);
    const std::vector<float> before = m_window->boundary();
    QCOMPARE(before.size(), std::size_t{TeachingWorker::kGrid * TeachingWorker::kGrid});
    for (int i = 1; i <= 3; ++i) {
        click("step");
        QTRY_COMPARE_WITH_TIMEOUT(m_window->step(), i, 60000);
    }
    QCOMPARE(m_window->epoch(), 1);
    QVERIFY(largestDifference(before, m_window->boundary()) > 1e-4);
    QVERIFY(find<QLabel>("counter")->text().contains(QLatin1String("batch 3")));
}

void TestTeachingWindow::testPlayThenPauseLearns()
{
    chooseToySet(QStringLiteral("XOR"));
    const double startLoss = m_window->trainLoss();
    click("play");
    QVERIFY(m_window->isPlaying());
    QVERIFY(!find<QPushButton>("step")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->epoch() >= 5, 20000);
    pauseAndSettle();
    QVERIFY(find<QPushButton>("play")->isEnabled());
    qInfo("XOR after %lld batches (%d epochs): training loss %.3f (from %.3f), test loss %.3f",
          m_window->step(), m_window->epoch(), m_window->trainLoss(), startLoss, m_window->testLoss());
    QVERIFY(m_window->trainLoss() < 0.8 * startLoss);
    QVERIFY(m_window->epoch() >= 5);
    QVERIFY(m_window->findChild<QCustomPlot*>(QStringLiteral("lossPlot"))->graph(0)->dataCount() > 5);
}

void TestTeachingWindow::testResetReturnsToStart()
{
    chooseToySet(QStringLiteral("XOR"));
    const std::vector<float> start = m_window->boundary();
    for (int i = 1; i <= 5; ++i) {
        click("step");
        QTRY_COMPARE_WITH_TIMEOUT(m_window->step(), i, 60000);
    }
    QVERIFY(largestDifference(start, m_window->boundary()) > 1e-4);
    click("reset");
    QTRY_VERIFY_WITH_TIMEOUT(m_window->frameCount() == 1 && m_window->step() == 0, 60000);
    // The same seed gives the same first weights, so the same picture.
    QCOMPARE(largestDifference(start, m_window->boundary()), 0.0);
    QCOMPARE(m_window->findChild<QCustomPlot*>(QStringLiteral("lossPlot"))->graph(0)->dataCount(), 1);
}

void TestTeachingWindow::testPlayingDrawsEveryFrame()
{
    chooseToySet(QStringLiteral("XOR"));
    test::deliverPostedEvents(); // the first frame drawn
    const long long redrawsBefore = m_window->redrawCount();
    const int framesBefore = m_window->frameCount();
    const long long stepsBefore = m_window->step();
    click("play");
    QTRY_VERIFY_WITH_TIMEOUT(m_window->redrawCount() >= redrawsBefore + 10, 60000);
    pauseAndSettle();
    const long long redraws = m_window->redrawCount() - redrawsBefore;
    const int frames = m_window->frameCount() - framesBefore;
    const long long batches = m_window->step() - stepsBefore;
    qInfo("%lld redraws, %d frames, %lld batches while playing", redraws, frames, batches);
    // The worker sends a frame only once the last one is on screen: each is drawn, none is skipped,
    // and each shows the set number of batches more.
    QCOMPARE(redraws, static_cast<long long>(frames));
    QCOMPARE(batches, static_cast<long long>(frames) * m_window->setup().batchesPerFrame);
}

void TestTeachingWindow::testStaysResponsiveWhilePlaying()
{
    // Training is held after batch 20: the teaching thread is then provably busy mid-slice, and the
    // window must keep answering meanwhile.
    test::BatchGate gate([](const BatchReport& r) { return r.step == 20; });
    chooseToySet(QStringLiteral("Spirals"));
    find<QSpinBox>("units")->setValue(8); // a new network, trained by a trainer the gate holds
    QTRY_VERIFY_WITH_TIMEOUT(m_window->frameCount() >= 1 && m_window->step() == 0, 60000);
    click("play");
    QVERIFY(gate.waitUntilHeld());
    bool timerFired = false;
    QTimer::singleShot(1, this, [&timerFired] { timerFired = true; });
    QTRY_VERIFY_WITH_TIMEOUT(timerFired, 60000);
    QVERIFY(!gate.trainedOnTestThread());
    click("pause"); // handled at once, while the worker is busy
    QVERIFY(!m_window->isPlaying());
    QVERIFY(find<QPushButton>("play")->isEnabled());
    QVERIFY(find<QPushButton>("step")->isEnabled());
    QVERIFY(gate.isHeld());
    gate.release();
    pauseAndSettle();
    QVERIFY(m_window->step() > 0);
    QCOMPARE(m_window->step() % m_window->setup().batchesPerFrame, 0LL); // the slice under way was finished
}

void TestTeachingWindow::testEachStepSendsOneFrame()
{
    // The worker on this thread: one batch and the picture after it (grid, neuron maps, losses, weights).
    TeachingWorker worker;
    int frames = 0;
    long long lastStep = -1;
    connect(&worker, &TeachingWorker::frameReady, this,
            [&](const std::shared_ptr<const TeachingFrame>& frame) {
                ++frames;
                lastStep = frame->step;
                worker.frameShown();
            });
    worker.configure(TeachingSetup{});
    constexpr int kSteps = 200;
    for (int i = 0; i < kSteps; ++i) {
        worker.step();
    }
    QCOMPARE(frames, kSteps + 1);
    QCOMPARE(lastStep, static_cast<long long>(kSteps));
}

void TestTeachingWindow::testSwitchingToySetRedrawsPoints()
{
    QCustomPlot* plot = m_window->boundaryPlot();
    chooseToySet(QStringLiteral("XOR"));
    const int xorPoints = plot->graph(0)->dataCount() + plot->graph(1)->dataCount();
    const double xorFirst = plot->graph(0)->data()->begin()->key;
    QCOMPARE(xorPoints + plot->graph(2)->dataCount() + plot->graph(3)->dataCount(), 400);
    chooseToySet(QStringLiteral("Spirals"));
    QTRY_COMPARE_WITH_TIMEOUT(plot->graph(0)->dataCount() + plot->graph(1)->dataCount() +
                                  plot->graph(2)->dataCount() + plot->graph(3)->dataCount(),
                              600, 60000);
    QVERIFY(plot->graph(0)->data()->begin()->key != xorFirst);
    QVERIFY(plot->graph(2)->dataCount() > 0); // test points, drawn hollow
}

void TestTeachingWindow::testLargeFontsAndExport()
{
    const qreal normal = m_window->font().pointSizeF();
    find<QCheckBox>("largeFonts")->click();
    QVERIFY(m_window->font().pointSizeF() > 1.4 * normal);
    QVERIFY(m_window->boundaryPlot()->xAxis->tickLabelFont().pointSizeF() > 1.2 * normal);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("view.png"));
    QVERIFY(m_window->exportImage(path));
    const QImage image(path);
    QCOMPARE(image.size(), m_window->size() * m_window->devicePixelRatio());
}

void TestTeachingWindow::testLearningRateAndBatchSizeApplyLive()
{
    for (int i = 1; i <= 3; ++i) {
        click("step");
        QTRY_COMPARE_WITH_TIMEOUT(m_window->step(), static_cast<long long>(i), 60000);
    }
    const int framesBefore = m_window->frameCount();
    // A new rate: no restart (the count of batches goes on), the next batch uses it.
    find<QDoubleSpinBox>("learningRate")->setValue(0.3);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->lastFrame()->learningRate, 0.3f, 60000);
    QCOMPARE(m_window->step(), 3LL);
    QVERIFY(m_window->frameCount() > framesBefore);
    const std::vector<float> before = m_window->boundary();
    click("step");
    QTRY_COMPARE_WITH_TIMEOUT(m_window->step(), 4LL, 60000);
    QVERIFY(largestDifference(before, m_window->boundary()) > 0.0);

    // A new batch size: the same weights, batches counted on, an epoch is fewer batches.
    const int perEpochBefore = m_window->lastFrame()->batchesPerEpoch;
    const std::vector<float> beforeBatchSize = m_window->boundary();
    find<QSpinBox>("batchSize")->setValue(40);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->lastFrame()->batchSize, 40, 60000);
    QCOMPARE(m_window->step(), 4LL);
    QCOMPARE(largestDifference(beforeBatchSize, m_window->boundary()), 0.0);
    QVERIFY2(m_window->lastFrame()->batchesPerEpoch * 3 < perEpochBefore,
             qPrintable(
                 QStringLiteral("%1 -> %2").arg(perEpochBefore).arg(m_window->lastFrame()->batchesPerEpoch)));
    click("step");
    QTRY_COMPARE_WITH_TIMEOUT(m_window->step(), 5LL, 60000);

    // Reset starts again with what the controls say now.
    click("reset");
    QTRY_VERIFY_WITH_TIMEOUT(m_window->frameCount() >= 1 && m_window->step() == 0, 60000);
    QCOMPARE(m_window->lastFrame()->learningRate, 0.3f);
    QCOMPARE(m_window->lastFrame()->batchSize, 40);
}

void TestTeachingWindow::testCarBuyersLessonShowsOneVisitorStepByStep()
{
    chooseToySet(QStringLiteral("Car buyers: four pages"));
    QVERIFY(m_window->isCarBuyersLesson());
    TeachingVisitor* visitor = m_window->visitorView();
    QVERIFY(visitor->isVisible());
    QVERIFY(!m_window->boundaryPlot()->isVisible());
    QVERIFY(!find<QWidget>("neuronMaps")->isVisible());
    QVERIFY(!find<QDoubleSpinBox>("noise")->isEnabled());
    // One score per combination of the four pages.
    QCOMPARE(m_window->boundary().size(), std::size_t{16});

    // The classic visitor: pricing and the configurator, nothing else (bits 0 and 1: combination 3).
    const auto pages = visitor->visitor();
    QVERIFY(pages[0] && pages[1] && !pages[2] && !pages[3]);
    QVERIFY(std::abs(visitor->score() - m_window->boundary()[3]) < 1e-5);
    const QString steps = visitor->stepsText();
    // Inputs, one step per hidden layer (2 by default), the output: four steps, each written out.
    QVERIFY2(steps.contains(QStringLiteral("Step 4.")) && !steps.contains(QStringLiteral("Step 5.")),
             qPrintable(steps));
    QVERIFY2(steps.contains(QStringLiteral("Pricing = 1")) && steps.contains(QStringLiteral("Financing = 0")),
             qPrintable(steps));
    QVERIFY2(steps.contains(QStringLiteral("sigmoid(")), qPrintable(steps));
    QVERIFY(find<QLabel>("visitorVerdict")->text().contains(localPercent(visitor->score())));

    // Ticking Financing (bit 3) scores combination 11 instead; the step after Step changes it too.
    QTest::mouseClick(find<QCheckBox>("page_3"), Qt::LeftButton);
    QVERIFY(visitor->visitor()[3]);
    QVERIFY(std::abs(visitor->score() - m_window->boundary()[11]) < 1e-5);
    QVERIFY(visitor->stepsText().contains(QStringLiteral("Financing = 1")));
    const double before = visitor->score();
    click("step");
    QTRY_COMPARE_WITH_TIMEOUT(m_window->step(), 1LL, 60000);
    QVERIFY(std::abs(visitor->score() - m_window->boundary()[11]) < 1e-5);
    QVERIFY(visitor->score() != before);

    // Fewer layers, fewer steps: no hidden layer is a weighted sum and a sigmoid.
    find<QSpinBox>("layers")->setValue(0);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->frameCount() >= 1 && m_window->step() == 0, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(visitor->stepsText().contains(QStringLiteral("Step 2.")) &&
                                 !visitor->stepsText().contains(QStringLiteral("Step 3.")),
                             60000);

    // Back to a toy set: the plane again.
    chooseToySet(QStringLiteral("XOR"));
    QVERIFY(m_window->boundaryPlot()->isVisible());
    QVERIFY(find<QWidget>("neuronMaps")->isVisible());
    QCOMPARE(m_window->boundary().size(), std::size_t{TeachingWorker::kGrid * TeachingWorker::kGrid});
}

void TestTeachingWindow::testCarBuyersLessonLearnsThatPricingAndConfiguratorMatter()
{
    chooseToySet(QStringLiteral("Car buyers: four pages"));
    const double startLoss = m_window->testLoss();
    find<QSpinBox>("speed")->setValue(50);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->frameCount() >= 1 && m_window->step() == 0, 60000);
    click("play");
    QTRY_VERIFY_WITH_TIMEOUT(m_window->epoch() >= 5, 60000);
    pauseAndSettle();
    QVERIFY2(m_window->testLoss() < startLoss - 0.05,
             qPrintable(QStringLiteral("%1 -> %2").arg(startLoss).arg(m_window->testLoss())));
    const std::vector<float>& scores = m_window->boundary();
    // The demo's rule: pricing and the configurator raise the chance most, so a visitor who saw
    // both is far readier than one who saw neither, and readier than one who saw only the specifications.
    QVERIFY2(scores[3] > 2.0f * scores[0],
             qPrintable(QStringLiteral("%1 vs %2").arg(scores[3]).arg(scores[0])));
    QVERIFY(scores[3] > scores[4]);
    TeachingVisitor* visitor = m_window->visitorView();
    visitor->setVisitor({false, false, false, false});
    QVERIFY(std::abs(visitor->score() - scores[0]) < 1e-5);
}

void TestTeachingWindow::testScreenshots()
{
    const QString folder = qEnvironmentVariable("NEUROLIFT_SCREENSHOTS");
    if (folder.isEmpty()) {
        QSKIP("set NEUROLIFT_SCREENSHOTS to a folder to write docs/screenshots/teaching-*.png");
    }
    // NEUROLIFT_SCREENSHOT_LANGUAGE=zh_CN writes the Chinese pictures (teaching-*-zh_CN.png).
    const QString language = qEnvironmentVariable("NEUROLIFT_SCREENSHOT_LANGUAGE", QStringLiteral("en"));
    QVERIFY(neurolift::installTranslators(language));
    const auto english = qScopeGuard([] { neurolift::installTranslators(QStringLiteral("en")); });
    const QString suffix = language == QLatin1StringView("en") ? QString() : QLatin1Char('-') + language;
    m_window = std::make_unique<TeachingWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->resize(1500, 900);
    struct Shot {
        const char* name;
        QString toySet;
        int layers;
        int units;
        int epochs;
    };
    const Shot shots[] = {{"teaching-xor", TeachingWindow::tr("XOR"), 2, 4, 15},
                          {"teaching-spirals", TeachingWindow::tr("Spirals"), 3, 8, 60},
                          {"teaching-car-buyers", TeachingWindow::tr("Car buyers: four pages"), 1, 3, 3}};
    for (const Shot& shot : shots) {
        m_window->setLargeFonts(false);
        chooseToySet(shot.toySet);
        find<QSpinBox>("layers")->setValue(shot.layers);
        find<QSpinBox>("units")->setValue(shot.units);
        find<QSpinBox>("speed")->setValue(20);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->frameCount() >= 1 && m_window->step() == 0, 60000);
        click("play");
        QTRY_VERIFY_WITH_TIMEOUT(m_window->epoch() >= shot.epochs, 60000);
        pauseAndSettle();
        QVERIFY(m_window->exportImage(
            QDir(folder).filePath(QLatin1String(shot.name) + suffix + QStringLiteral(".png"))));
        m_window->setLargeFonts(true);
        test::deliverPostedEvents(); // the new fonts laid out and drawn
        QVERIFY(m_window->exportImage(QDir(folder).filePath(
            QLatin1String(shot.name) + QStringLiteral("-large") + suffix + QStringLiteral(".png"))));
    }
}

QTEST_MAIN(TestTeachingWindow)
#include "tst_teachingwindow.moc"

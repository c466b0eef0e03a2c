#include "batchgate.h"
#include "eventqueue.h"
#include "layoutcheck.h"
#include "train/trainingchart.h"
#include "train/trainpage.h"
#include "trainingdata.h"

#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <qcustomplot.h>

#include <memory>

using namespace neurolift;

/// The Train page at common window sizes, before, during and after training: nothing cut off, legends
/// outside the curves (issue 18). Set NEUROLIFT_SCREENSHOTS to a folder to keep what it looked like.
class TestTrainPageLayout : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void testNothingIsCutAtWindowSizes_issue18_data();
    void testNothingIsCutAtWindowSizes_issue18();

private:
    QPushButton* button(const char* name) const;
    void trainAndHold(int epoch, int batch, test::BatchGate& gate);

    Table m_table;
    std::shared_ptr<const PreparedData> m_data;
    std::unique_ptr<TrainPage> m_page;
};

void TestTrainPageLayout::initTestCase()
{
    m_table = test::customerTable(20000);
    m_data = test::preparedCustomers(m_table);
}

void TestTrainPageLayout::init()
{
    m_page = std::make_unique<TrainPage>();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestTrainPageLayout::cleanup()
{
    m_page.reset();
}

QPushButton* TestTrainPageLayout::button(const char* name) const
{
    return m_page->findChild<QPushButton*>(QString::fromLatin1(name));
}

void TestTrainPageLayout::trainAndHold(int epoch, int batch, test::BatchGate& gate)
{
    TrainingSettings s;
    s.epochs = 50;
    s.earlyStopping = false;
    s.threads = 1;
    m_page->setSettings(s);
    QTest::mouseClick(button("start"), Qt::LeftButton);
    QVERIFY(gate.waitUntilHeld());
    QCOMPARE(gate.heldAt().epoch, epoch);
    QCOMPARE(gate.heldAt().batch, batch);
    QTest::mouseClick(button("pause"), Qt::LeftButton);
    gate.release();
    QTRY_COMPARE_WITH_TIMEOUT(m_page->state(), TrainingState::Paused, 60000);
    test::deliverPostedEvents();
}

void TestTrainPageLayout::testNothingIsCutAtWindowSizes_issue18_data()
{
    // The page's share of the window: without the 210 px step list on the left, the menu and status bars.
    QTest::addColumn<QSize>("pageSize");
    QTest::addColumn<QString>("name");
    QTest::newRow("1280x720 window") << QSize(1070, 666) << "1280x720";
    QTest::newRow("1920x1080 window") << QSize(1710, 1026) << "1920x1080";
}

/// At the two window sizes, before training, paused while training (another run compared) and after
/// it, no text on the page is cut and the legends sit outside the curves.
void TestTrainPageLayout::testNothingIsCutAtWindowSizes_issue18()
{
    QFETCH(QSize, pageSize);
    QFETCH(QString, name);
    m_page->resize(pageSize);
    m_page->setRuns({test::fakeRun("Run 1", 12, 1.0)});
    const QString out = QString::fromLocal8Bit(qgetenv("NEUROLIFT_SCREENSHOTS"));
    auto check = [&](const QString& when) {
        QTRY_VERIFY_WITH_TIMEOUT(test::noPendingSingleShots(m_page->chart()), 60000); // the batched redraws
        test::deliverPostedEvents();
        const QStringList problems = test::layoutProblems(m_page.get());
        if (!out.isEmpty()) {
            QDir().mkpath(out);
            m_page->grab().save(QDir(out).filePath(QStringLiteral("train-page-%1-%2.png").arg(name, when)));
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(when + QStringLiteral(": ") + problems.join(QLatin1Char('\n'))));
    };
    m_page->setPreparedData(m_data, m_table.rowCount());
    m_page->setArchitecture(test::smallNetwork(m_data->task()));
    check(QStringLiteral("before"));
    if (QTest::currentTestFailed()) {
        return;
    }

    auto* list = m_page->findChild<QTreeWidget*>(QStringLiteral("runList"));
    list->topLevelItem(0)->setSelected(true);
    test::BatchGate gate([](const BatchReport& r) { return r.epoch == 4 && r.batch == 3; });
    trainAndHold(4, 3, gate);
    if (QTest::currentTestFailed()) {
        return;
    }
    QVERIFY(m_page->chart()->hasOverlay());
    check(QStringLiteral("paused"));
    if (QTest::currentTestFailed()) {
        return;
    }

    QSignalSpy finished(m_page.get(), &TrainPage::runFinished);
    QTest::mouseClick(button("stop"), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->state(), TrainingState::Finished, 60000);
    check(QStringLiteral("finished"));
}

QTEST_MAIN(TestTrainPageLayout)
#include "tst_trainpagelayout.moc"

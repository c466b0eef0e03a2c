#include "shell/document.h"
#include "shell/mainmenus.h"
#include "shell/mainwindow.h"
#include "shell/noprojectpage.h"
#include "shell/settings.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

#include "project/project.h"

#include <memory>

using neurolift::MainWindow;
using neurolift::Step;

Q_DECLARE_METATYPE(neurolift::Step)

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void testWindowTitleIsNeuroLift();
    void testNavigationListsTheFiveStepsInOrder();
    void testClickingAStepShowsItsPage_data();
    void testClickingAStepShowsItsPage();
    void testArrowKeysMoveThroughTheSteps_data();
    void testArrowKeysMoveThroughTheSteps();
    void testShowStepSelectsTheStepInTheNavigation();
    void testStatusBarSaysReady();
    void testAboutTextShowsTheVersion();
    void testAboutActionOpensTheAboutBox();
    void testQuitUsesTheStandardShortcutAndClosesTheWindow();
    void testGeometryIsRestoredOnTheNextStart();
    void testEveryPageHasATitle_data();
    void testEveryPageHasATitle();
    void testUnsavedUntitledWorkIsOffered_data();
    void testUnsavedUntitledWorkIsOffered();

private:
    /// Creates, shows and waits for a main window, and finds its navigation and pages.
    void openWindow();

    std::unique_ptr<MainWindow> m_window;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
};

void TestMainWindow::initTestCase()
{
    // Settings go to a test location, never into the user's NeuroLift settings.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NeuroLift"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QVERIFY2(QSettings().fileName().contains(QStringLiteral(".qttest")), qPrintable(QSettings().fileName()));
    // Closing a window in one test must not end the event loop of a dialog in a later one.
    QApplication::setQuitOnLastWindowClosed(false);
}

void TestMainWindow::init()
{
    neurolift::prefs::mainWindowGeometry.reset();
    openWindow();
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    neurolift::prefs::mainWindowGeometry.reset();
}

void TestMainWindow::openWindow()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
    m_pages = m_window->findChild<QStackedWidget*>(QStringLiteral("pages"));
    QVERIFY(m_navigation);
    QVERIFY(m_pages);
}

void TestMainWindow::testWindowTitleIsNeuroLift()
{
    // A new window holds a new, untitled project; "[*]" is where Qt puts the modified mark.
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Untitled[*] \u2014 NeuroLift"));
    QVERIFY(!m_window->isWindowModified());
}

void TestMainWindow::testNavigationListsTheFiveStepsInOrder()
{
    QStringList entries;
    for (int row = 0; row < m_navigation->count(); ++row) {
        entries << m_navigation->item(row)->text();
    }
    const QStringList expected{QStringLiteral("Data"), QStringLiteral("Model"), QStringLiteral("Train"),
                               QStringLiteral("Explain"), QStringLiteral("Segments")};
    QCOMPARE(entries, expected);
    QCOMPARE(m_pages->count(), int(expected.size()));
    QCOMPARE(m_navigation->currentRow(), 0);
    QCOMPARE(m_pages->currentIndex(), 0);
    QCOMPARE(m_window->currentStep(), Step::Data);
}

void TestMainWindow::testClickingAStepShowsItsPage_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<Step>("step");
    QTest::addColumn<QString>("pageName");
    QTest::addColumn<QString>("heading");

    QTest::newRow("Data") << 0 << Step::Data << "dataPage"
                          << "<neurolift::DataPage>";
    QTest::newRow("Model") << 1 << Step::Model << "modelPage"
                           << "<neurolift::ModelPage>";
    QTest::newRow("Train") << 2 << Step::Train << "trainPage"
                           << "<neurolift::TrainPage>";
    QTest::newRow("Explain") << 3 << Step::Explain << "explainPage"
                             << "<neurolift::ExplainPage>";
    QTest::newRow("Segments") << 4 << Step::Segments << "segmentsPage"
                              << "<neurolift::SegmentsPage>";
}

void TestMainWindow::testClickingAStepShowsItsPage()
{
    QFETCH(int, row);
    QFETCH(Step, step);
    QFETCH(QString, pageName);
    QFETCH(QString, heading);

    // Start elsewhere, so that the click has to switch pages.
    const int other = (row + 1) % m_navigation->count();
    m_navigation->setCurrentRow(other);
    QCOMPARE(m_pages->currentIndex(), other);

    const QRect itemRect = m_navigation->visualItemRect(m_navigation->item(row));
    QVERIFY(m_navigation->viewport()->rect().contains(itemRect));
    QTest::mouseClick(m_navigation->viewport(), Qt::LeftButton, {}, itemRect.center());

    QCOMPARE(m_navigation->currentRow(), row);
    QCOMPARE(m_pages->currentIndex(), row);
    QCOMPARE(m_pages->currentWidget()->objectName(), pageName);
    QCOMPARE(m_window->currentStep(), step);
    // With a project open every step is its page; the placeholders only stand in while none is.
    const QString className = QString::fromLatin1(m_pages->currentWidget()->metaObject()->className());
    if (!heading.startsWith(u'<')) {
        QCOMPARE(className, QStringLiteral("neurolift::NoProjectPage"));
    } else {
        QCOMPARE(u'<' + className + u'>', heading);
        return;
    }
    auto* page = qobject_cast<neurolift::NoProjectPage*>(m_pages->currentWidget());
    QVERIFY(page);
    QCOMPARE(page->heading(), heading);
    const auto* headingLabel = page->findChild<QLabel*>(QStringLiteral("heading"));
    QVERIFY(headingLabel);
    QCOMPARE(headingLabel->text(), heading);
    QVERIFY(headingLabel->isVisible());
}

void TestMainWindow::testArrowKeysMoveThroughTheSteps_data()
{
    QTest::addColumn<int>("fromRow");
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("toRow");

    QTest::newRow("Down from Data to Model") << 0 << int(Qt::Key_Down) << 1;
    QTest::newRow("Down from Explain to Segments") << 3 << int(Qt::Key_Down) << 4;
    QTest::newRow("Down from Segments stays") << 4 << int(Qt::Key_Down) << 4;
    QTest::newRow("Up from Train to Model") << 2 << int(Qt::Key_Up) << 1;
    QTest::newRow("End from Data to Segments") << 0 << int(Qt::Key_End) << 4;
    QTest::newRow("Home from Explain to Data") << 3 << int(Qt::Key_Home) << 0;
}

void TestMainWindow::testArrowKeysMoveThroughTheSteps()
{
    QFETCH(int, fromRow);
    QFETCH(int, key);
    QFETCH(int, toRow);

    m_navigation->setCurrentRow(fromRow);
    m_navigation->setFocus();
    QTest::keyClick(m_navigation, Qt::Key(key));

    QCOMPARE(m_navigation->currentRow(), toRow);
    QCOMPARE(m_pages->currentIndex(), toRow);
}

void TestMainWindow::testShowStepSelectsTheStepInTheNavigation()
{
    for (const Step step : neurolift::kSteps) {
        m_window->showStep(step);
        QCOMPARE(m_window->currentStep(), step);
        QCOMPARE(m_navigation->currentRow(), static_cast<int>(step));
        QCOMPARE(m_pages->currentIndex(), static_cast<int>(step));
    }
}

void TestMainWindow::testStatusBarSaysReady()
{
    const auto* label = m_window->statusBar()->findChild<QLabel*>(QStringLiteral("statusLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("Ready"));
    QVERIFY(label->isVisible());
}

void TestMainWindow::testAboutTextShowsTheVersion()
{
    const QString text = neurolift::MainMenus::aboutText();
    QVERIFY2(text.contains(QStringLiteral("NeuroLift " NEUROLIFT_VERSION)), qPrintable(text));
}

void TestMainWindow::testAboutActionOpensTheAboutBox()
{
    auto* about = m_window->findChild<QAction*>(QStringLiteral("actionAbout"));
    QVERIFY(about);
    QCOMPARE(about->text().remove(QLatin1Char('&')), QStringLiteral("About NeuroLift"));

    // The About box is modal: look for it from inside its event loop, note what it says, close it.
    QString shownTitle;
    QString shownText;
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&] {
        for (QWidget* w : QApplication::topLevelWidgets()) {
            auto* box = qobject_cast<QMessageBox*>(w);
            if (box && box->isVisible()) {
                shownTitle = box->windowTitle();
                shownText = box->text();
                poll.stop();
                box->accept();
                return;
            }
        }
    });
    poll.start(20);
    about->trigger();

    QCOMPARE(shownTitle, QStringLiteral("About NeuroLift"));
    QVERIFY2(shownText.contains(QStringLiteral(NEUROLIFT_VERSION)), qPrintable(shownText));
}

void TestMainWindow::testQuitUsesTheStandardShortcutAndClosesTheWindow()
{
    auto* quit = m_window->findChild<QAction*>(QStringLiteral("actionQuit"));
    QVERIFY(quit);
    // The platform's standard quit keys where it has them, Ctrl+Q on every platform we build for.
    for (const QKeySequence& standard : QKeySequence::keyBindings(QKeySequence::Quit)) {
        QVERIFY(quit->shortcuts().contains(standard));
    }
    QVERIFY(quit->shortcuts().contains(QKeySequence(QStringLiteral("Ctrl+Q"))));

    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keySequence(m_window.get(), QKeySequence(QStringLiteral("Ctrl+Q")));
    QVERIFY(!m_window->isVisible());
}

void TestMainWindow::testGeometryIsRestoredOnTheNextStart()
{
    // Above the window's minimum (its pages fit a 1366 x 768 laptop screen), below the default.
    const QSize size(1120, 700);
    m_window->resize(size);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->size(), size, 60000);
    QVERIFY(m_window->close());
    QVERIFY(!neurolift::prefs::mainWindowGeometry.get().isEmpty());

    openWindow();
    QCOMPARE(m_window->size(), size);
}

void TestMainWindow::testEveryPageHasATitle_data()
{
    QTest::addColumn<Step>("step");
    QTest::addColumn<QString>("title");
    QTest::newRow("Data") << Step::Data << "Check your customer data";
    QTest::newRow("Model") << Step::Model << "Design the network";
    QTest::newRow("Train") << Step::Train << "Train and watch it learn";
    QTest::newRow("Explain") << Step::Explain << "Why the network scores as it does";
    QTest::newRow("Segments") << Step::Segments << "Target the right customers";
}

void TestMainWindow::testEveryPageHasATitle()
{
    QFETCH(Step, step);
    QFETCH(QString, title);
    m_window->resize(1280, 720);
    m_window->showStep(step);
    QWidget* page = m_pages->currentWidget();
    const auto* heading = page->findChild<QLabel*>(QStringLiteral("heading"));
    QVERIFY(heading);
    QVERIFY(heading->isVisible());
    QCOMPARE(heading->text(), title);
    // The same kind of title on every page: bold, larger than the page's text, whole.
    QVERIFY(heading->font().bold());
    QVERIFY(heading->font().pointSizeF() > page->font().pointSizeF() * 1.5);
    QVERIFY(heading->fontMetrics().horizontalAdvance(heading->text()) <= heading->contentsRect().width());
}

void TestMainWindow::testUnsavedUntitledWorkIsOffered_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<bool>("restored");
    QTest::newRow("restore") << "Restore" << true;
    QTest::newRow("discard") << "Discard" << false;
}

void TestMainWindow::testUnsavedUntitledWorkIsOffered()
{
    QFETCH(QString, answer);
    QFETCH(bool, restored);
    // What a NeuroLift that stopped without saving leaves: an untitled project with work and no lock.
    const QString left = QDir(neurolift::Document::untitledFolder()).filePath(QStringLiteral("left.nlproj"));
    QFile::remove(left);
    neurolift::Project::create(QFile::encodeName(left).toStdString())
        .setSetting("target", {{"column", "bought"}});

    // The question is modal: answer it from inside its event loop.
    QString asked;
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || box->objectName() != QLatin1StringView("restoreUntitledPrompt")) {
            return;
        }
        asked = box->text();
        poll.stop();
        for (QAbstractButton* button : box->buttons()) {
            if (button->text() == answer) {
                button->click();
            }
        }
    });
    poll.start(20);
    m_window->offerUnsavedWork();

    QCOMPARE(asked, QStringLiteral("NeuroLift stopped before a new project was saved."));
    neurolift::Document* document = m_window->document();
    QVERIFY(document);
    QVERIFY(document->isUntitled());
    QCOMPARE(document->setting("target").is_object(), restored);
    QCOMPARE(QFile::exists(left), restored); // restored: the window works in it; discarded: gone
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

#include "mainwindow.h"

#include "appicon.h"
#include "settings.h"
#include "version.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include <tuple>

namespace neurolift {

namespace {

constexpr QSize kDefaultSize{1100, 720};
constexpr int kSidebarWidth = 210;
constexpr int kNavigationRowHeight = 40;
constexpr int kBadgeSize = 22;
// Transparent room right of the badge: item views put the text only a few pixels from the icon.
constexpr int kBadgeGap = 6;

int stepIndex(Step step)
{
    return static_cast<int>(step);
}

QString pageObjectName(Step step)
{
    switch (step) {
    case Step::Data:
        return QStringLiteral("dataPage");
    case Step::Model:
        return QStringLiteral("modelPage");
    case Step::Train:
        return QStringLiteral("trainPage");
    case Step::Explain:
        return QStringLiteral("explainPage");
    case Step::Segments:
        return QStringLiteral("segmentsPage");
    }
    return {};
}

/// The step's number in a filled circle: highlight on the plain row, inverted on the selected one.
QIcon stepBadge(int number, const QPalette& palette)
{
    const QColor highlight = palette.color(QPalette::Highlight);
    const QColor onHighlight = palette.color(QPalette::HighlightedText);
    QIcon icon;
    for (const qreal ratio : {1.0, 2.0}) {
        for (const auto& [mode, fill, text] : {std::tuple{QIcon::Normal, highlight, onHighlight},
                                               std::tuple{QIcon::Selected, onHighlight, highlight}}) {
            QPixmap pixmap(QSize(kBadgeSize + kBadgeGap, kBadgeSize) * ratio);
            pixmap.setDevicePixelRatio(ratio);
            pixmap.fill(Qt::transparent);
            QPainter p(&pixmap);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(Qt::NoPen);
            p.setBrush(fill);
            p.drawEllipse(QRectF(0.5, 0.5, kBadgeSize - 1, kBadgeSize - 1));
            QFont font = p.font();
            font.setPixelSize(kBadgeSize * 6 / 10);
            font.setWeight(QFont::Bold);
            p.setFont(font);
            p.setPen(text);
            p.drawText(QRectF(0, 0, kBadgeSize, kBadgeSize), Qt::AlignCenter, QString::number(number));
            p.end();
            icon.addPixmap(pixmap, mode);
        }
    }
    return icon;
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("NeuroLift"));
    createMenus();
    createPages();

    auto* ready = new QLabel(tr("Ready"), this);
    ready->setObjectName(QStringLiteral("statusLabel"));
    ready->setContentsMargins(8, 0, 0, 0);
    statusBar()->addWidget(ready, 1);

    if (!restoreGeometry(prefs::mainWindowGeometry.get())) {
        // First start: a comfortable size that still fits on small screens.
        QSize size = kDefaultSize;
        if (const QScreen* s = screen()) {
            size = size.boundedTo(s->availableSize() * 0.9);
        }
        resize(size);
    }
}

MainWindow::~MainWindow() = default;

Step MainWindow::currentStep() const
{
    return kSteps.at(static_cast<std::size_t>(m_pages->currentIndex()));
}

void MainWindow::showStep(Step step)
{
    m_navigation->setCurrentRow(stepIndex(step));
}

QString MainWindow::aboutText()
{
    return tr("<h3>NeuroLift %1</h3>"
              "<p>Build, train and explain neural networks on your own customer data, "
              "and turn their scores into segments you can act on.</p>"
              "<p>Built with Qt %2.</p>")
        .arg(versionString(), QString::fromLatin1(qVersion()));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    prefs::mainWindowGeometry.set(saveGeometry());
    QMainWindow::closeEvent(event);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    // The platform's quit keys; Windows and minimal platforms define none, so fall back to Ctrl+Q.
    QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    if (quitKeys.isEmpty()) {
        quitKeys = {QKeySequence(Qt::CTRL | Qt::Key_Q)};
    }
    quit->setShortcuts(quitKeys);
    quit->setMenuRole(QAction::QuitRole);
    quit->setStatusTip(tr("Close NeuroLift"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About NeuroLift"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    about->setStatusTip(tr("Show NeuroLift's version"));
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createPages()
{
    const QPalette pal = palette();

    auto* sidebar = new QFrame(this);
    sidebar->setObjectName(QStringLiteral("sidebar"));
    sidebar->setFixedWidth(kSidebarWidth);
    sidebar->setStyleSheet(
        QStringLiteral("QFrame#sidebar { background: %1; border: none; border-right: 1px solid %2; }")
            .arg(pal.color(QPalette::Window).name(), pal.color(QPalette::Mid).lighter(125).name()));

    // The product's name above the steps, so the window says what it is at a glance.
    auto* logo = new QLabel(sidebar);
    logo->setPixmap(appIcon().pixmap(QSize(32, 32)));
    auto* name = new QLabel(tr("NeuroLift"), sidebar);
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.2);
    nameFont.setWeight(QFont::Bold);
    name->setFont(nameFont);
    auto* header = new QHBoxLayout;
    header->setContentsMargins(18, 16, 18, 14);
    header->setSpacing(10);
    header->addWidget(logo);
    header->addWidget(name, 1);

    m_navigation = new QListWidget(sidebar);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Steps"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setSelectionMode(QAbstractItemView::SingleSelection);
    m_navigation->setIconSize(QSize(kBadgeSize + kBadgeGap, kBadgeSize));
    m_navigation->setStyleSheet(
        QStringLiteral("QListWidget#navigation { background: transparent; outline: none; }"
                       "QListWidget#navigation::item { margin: 1px 10px; padding-left: 8px;"
                       " border-radius: 6px; color: palette(text); }"
                       "QListWidget#navigation::item:hover:!selected { background: %1; }"
                       "QListWidget#navigation::item:selected { background: palette(highlight);"
                       " color: palette(highlighted-text); }")
            .arg(pal.color(QPalette::Midlight).name()));

    auto* sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(0, 0, 0, 0);
    sidebarLayout->setSpacing(0);
    sidebarLayout->addLayout(header);
    sidebarLayout->addWidget(m_navigation, 1);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setBackgroundRole(QPalette::Base);
    m_pages->setAutoFillBackground(true);

    for (const Step step : kSteps) {
        auto* item = new QListWidgetItem(stepBadge(stepIndex(step) + 1, pal), stepTitle(step), m_navigation);
        item->setSizeHint(QSize(0, kNavigationRowHeight));
        auto* page = new ComingSoonPage(comingSoonContent(step), m_pages);
        page->setObjectName(pageObjectName(step));
        m_pages->addWidget(page);
    }
    // Rows and pages are added in the same order, so a row is its page's index.
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(sidebar);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About NeuroLift"), aboutText());
}

QString MainWindow::stepTitle(Step step)
{
    switch (step) {
    case Step::Data:
        return tr("Data");
    case Step::Model:
        return tr("Model");
    case Step::Train:
        return tr("Train");
    case Step::Explain:
        return tr("Explain");
    case Step::Segments:
        return tr("Segments");
    }
    return {};
}

ComingSoonPage::Content MainWindow::comingSoonContent(Step step)
{
    ComingSoonPage::Content c;
    c.caption =
        tr("Step %1 of %2 \u00b7 %3").arg(stepIndex(step) + 1).arg(kSteps.size()).arg(stepTitle(step));
    switch (step) {
    case Step::Data:
        c.heading = tr("Bring in your customer data");
        c.summary = tr("Import your customer table from a CSV file, check that every column was read "
                       "correctly, and choose what you want to predict.");
        c.features = {
            tr("See a preview before importing; separators, encoding and headers are detected for you"),
            tr("Get a profile of each column: its type, how many values are missing, how values are spread"),
            tr("Pick the outcome to predict, the positive answer and the customer ID column"),
        };
        break;
    case Step::Model:
        c.heading = tr("Design the network");
        c.summary = tr("Start from a ready-made design (logistic regression, small, medium or deep) "
                       "or build your own by placing layers on a canvas.");
        c.features = {
            tr("Each layer shows its size and how many values it learns"),
            tr("Problems are pointed out on the layer where they are, in plain words"),
            tr("Undo and redo every change"),
        };
        break;
    case Step::Train:
        c.heading = tr("Train and watch it learn");
        c.summary = tr("Let the network learn from your data while live charts show how well it does "
                       "on customers it has not seen.");
        c.features = {
            tr("Start, pause, stop or go one step at a time; the window stays responsive"),
            tr("Stop automatically when the model stops improving"),
            tr("Keep every run and compare them side by side"),
        };
        break;
    case Step::Explain:
        c.heading = tr("Understand the scores");
        c.summary = tr("See which customer attributes drive the model and why a given customer "
                       "got the score they did.");
        c.features = {
            tr("Rank attributes by how much they matter"),
            tr("Pick a customer and read the main reasons behind their score"),
            tr("Look inside the network: its weights, drawn as a picture"),
        };
        break;
    case Step::Segments:
        c.heading = tr("Turn scores into segments");
        c.summary = tr("Rank your customers by score, name the bands you want to act on, "
                       "and export the list for your next campaign.");
        c.features = {
            tr("Lift and gains charts show how much better than random targeting the model does"),
            tr("Move a threshold and read what it means in plain words"),
            tr("Export scores, segments and top reasons to CSV"),
        };
        break;
    }
    return c;
}

} // namespace neurolift

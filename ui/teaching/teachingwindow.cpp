#include "teaching/teachingwindow.h"

#include "common/pagekit.h"
#include "model/networkview.h"
#include "teaching/teachingvisitor.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QThread>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace neurolift {

namespace {

/// How much larger the fonts are for a projector.
constexpr qreal kLargeFontFactor = 1.6;
/// Side of a hidden neuron's map on screen, in pixels at normal fonts.
constexpr int kUnitPixels = 64;

/// The class colours: class 0 ("blue") and class 1 ("orange"), as the data names them.
const QColor kClass0(37, 99, 235);
const QColor kClass1(234, 88, 12);

/// `t` in [-1, 1] as a colour: orange below zero, white at zero, blue above.
QRgb divergingColour(float t)
{
    t = std::clamp(t, -1.0f, 1.0f);
    const QColor end = t >= 0.0f ? kPositiveColour : kNegativeColour;
    const float a = std::abs(t);
    const auto mix = [a](int c) {
        return static_cast<int>(std::lround(255.0f + (static_cast<float>(c) - 255.0f) * a));
    };
    return qRgb(mix(end.red()), mix(end.green()), mix(end.blue()));
}

QCPScatterStyle pointStyle(const QColor& colour, bool hollow)
{
    if (hollow) {
        return QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour.darker(120), 1.6), Qt::white, 7);
    }
    // ssDisc would fill with the pen's colour; a circle takes the brush, so the white ring stays.
    return QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 1.2), colour, 8);
}

} // namespace

TeachingWindow::TeachingWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("teachingWindow"));
    setWindowTitle(tr("NeuroLift — Teaching Mode"));
    qRegisterMetaType<TeachingSetup>();
    qRegisterMetaType<std::shared_ptr<const TeachingPoints>>();
    qRegisterMetaType<std::shared_ptr<const TeachingFrame>>();

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    auto* panel = new QWidget(central);
    auto* area = new QWidget(central);
    buildControls(panel);
    buildViews(area);
    layout->addWidget(panel);
    layout->addWidget(area, 1);
    setCentralWidget(central);

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("teachingThread"));
    m_worker = new TeachingWorker;
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TeachingWorker::pointsReady, this, &TeachingWindow::showPoints);
    connect(m_worker, &TeachingWorker::frameReady, this, &TeachingWindow::showFrame);
    connect(m_worker, &TeachingWorker::stopped, this, [this](const QString& message) {
        setPlaying(false);
        m_message->setText(message);
    });
    // The worker may send the next frame only once this one is on screen.
    // Only replots that put a new frame on screen count; resizes replot too.
    const auto frameDrawn = [this] {
        if (m_framePending) {
            m_framePending = false;
            ++m_redraws;
            m_worker->frameShown();
        }
    };
    connect(m_boundaryPlot, &QCustomPlot::afterReplot, this, frameDrawn);
    connect(m_visitor->combinationsPlot(), &QCustomPlot::afterReplot, this, frameDrawn);
    m_thread->start();

    applyFonts();
    resize(1400, 860);
    restart();
}

TeachingWindow::~TeachingWindow()
{
    m_thread->quit();
    m_thread->wait();
}

void TeachingWindow::buildControls(QWidget* panel)
{
    auto* layout = new QVBoxLayout(panel);
    auto* form = new QFormLayout;

    m_toySet = new QComboBox(panel);
    m_toySet->setObjectName(QStringLiteral("toySet"));
    m_toySet->addItem(tr("Two blobs"), static_cast<int>(DemoKind::TwoBlobs));
    m_toySet->addItem(tr("XOR"), static_cast<int>(DemoKind::Xor));
    m_toySet->addItem(tr("Circles"), static_cast<int>(DemoKind::Circles));
    m_toySet->addItem(tr("Spirals"), static_cast<int>(DemoKind::Spirals));
    m_toySet->insertSeparator(m_toySet->count());
    m_toySet->addItem(tr("Car buyers: four pages"), static_cast<int>(DemoKind::CarBuyers));
    m_toySet->setCurrentIndex(1);
    m_toySet->setToolTip(tr("The points to learn: two classes on a plane; or the car dealer's visitors, "
                            "described by the four pages they saw"));
    form->addRow(tr("Data"), m_toySet);

    m_noise = new QDoubleSpinBox(panel);
    m_noise->setObjectName(QStringLiteral("noise"));
    m_noise->setRange(0.0, 1.0);
    m_noise->setSingleStep(0.05);
    m_noise->setDecimals(2);
    m_noise->setValue(demoInfo(DemoKind::Xor).defaultNoise);
    m_noise->setToolTip(tr("How far the points are jittered: more noise, harder to separate"));
    form->addRow(tr("Noise"), m_noise);

    m_layers = new QSpinBox(panel);
    m_layers->setObjectName(QStringLiteral("layers"));
    m_layers->setRange(0, 4);
    m_layers->setValue(2);
    m_layers->setToolTip(
        tr("Hidden layers between the inputs (x, y) and the output; 0 draws a straight line"));
    form->addRow(tr("Hidden layers"), m_layers);

    m_units = new QSpinBox(panel);
    m_units->setObjectName(QStringLiteral("units"));
    m_units->setRange(1, 8);
    m_units->setValue(4);
    m_units->setToolTip(tr("Neurons in each hidden layer"));
    form->addRow(tr("Neurons per layer"), m_units);

    m_activation = new QComboBox(panel);
    m_activation->setObjectName(QStringLiteral("activation"));
    m_activation->addItem(tr("tanh"), static_cast<int>(Activation::Tanh));
    m_activation->addItem(tr("ReLU"), static_cast<int>(Activation::ReLU));
    m_activation->addItem(tr("sigmoid"), static_cast<int>(Activation::Sigmoid));
    m_activation->setToolTip(tr("The bend each hidden neuron puts on its weighted sum"));
    form->addRow(tr("Activation"), m_activation);

    m_learningRate = new QDoubleSpinBox(panel);
    m_learningRate->setObjectName(QStringLiteral("learningRate"));
    m_learningRate->setDecimals(3);
    m_learningRate->setRange(0.001, 1.0);
    m_learningRate->setSingleStep(0.01);
    m_learningRate->setValue(0.03);
    m_learningRate->setToolTip(tr("How big a step each batch takes (Adam); too big and it jumps around"));
    form->addRow(tr("Learning rate"), m_learningRate);

    m_batchSize = new QSpinBox(panel);
    m_batchSize->setObjectName(QStringLiteral("batchSize"));
    m_batchSize->setRange(1, 300);
    m_batchSize->setValue(10);
    m_batchSize->setToolTip(tr("Points looked at before each step"));
    form->addRow(tr("Batch size"), m_batchSize);

    m_speed = new QSpinBox(panel);
    m_speed->setObjectName(QStringLiteral("speed"));
    m_speed->setRange(1, 100);
    m_speed->setValue(5);
    m_speed->setToolTip(
        tr("Batches trained between two pictures while playing (about 30 pictures a second)"));
    form->addRow(tr("Batches per picture"), m_speed);
    layout->addLayout(form);

    const auto restartOnChange = [this](auto* widget, auto signal) {
        connect(widget, signal, this, [this] { restart(); });
    };
    connect(m_toySet, &QComboBox::currentIndexChanged, this, [this] {
        const auto kind = static_cast<DemoKind>(m_toySet->currentData().toInt());
        const QSignalBlocker block(m_noise);
        m_noise->setValue(demoInfo(kind).defaultNoise);
        restart();
    });
    restartOnChange(m_noise, &QDoubleSpinBox::valueChanged);
    restartOnChange(m_layers, &QSpinBox::valueChanged);
    restartOnChange(m_units, &QSpinBox::valueChanged);
    restartOnChange(m_activation, &QComboBox::currentIndexChanged);
    // How it learns changes live, without starting again: a trainer can turn the rate down mid-lesson.
    const auto adjust = [this] {
        QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, rate = static_cast<float>(m_learningRate->value()),
             batch = m_batchSize->value(), pace = m_speed->value()] { worker->adjust(rate, batch, pace); },
            Qt::QueuedConnection);
    };
    connect(m_learningRate, &QDoubleSpinBox::valueChanged, this, adjust);
    connect(m_batchSize, &QSpinBox::valueChanged, this, adjust);
    connect(m_speed, &QSpinBox::valueChanged, this, adjust);

    auto* buttons = new QGridLayout;
    const auto button = [panel](const QString& text, const char* name, const QString& tip) {
        auto* b = new QPushButton(text, panel);
        b->setObjectName(QLatin1StringView(name));
        b->setToolTip(tip);
        return b;
    };
    m_play = button(tr("Play"), "play", tr("Train batch after batch and watch"));
    m_pause = button(tr("Pause"), "pause", tr("Stop after the current picture"));
    m_stepButton = button(tr("Step"), "step", tr("Train one batch"));
    m_reset =
        button(tr("Reset"), "reset", tr("Back to the start: the same points and the same first weights"));
    buttons->addWidget(m_play, 0, 0);
    buttons->addWidget(m_pause, 0, 1);
    buttons->addWidget(m_stepButton, 1, 0);
    buttons->addWidget(m_reset, 1, 1);
    layout->addLayout(buttons);
    connect(m_play, &QPushButton::clicked, this, [this] { setPlaying(true); });
    connect(m_pause, &QPushButton::clicked, this, [this] { setPlaying(false); });
    connect(m_stepButton, &QPushButton::clicked, this,
            [this] { QMetaObject::invokeMethod(m_worker, &TeachingWorker::step, Qt::QueuedConnection); });
    connect(m_reset, &QPushButton::clicked, this, &TeachingWindow::restart);

    m_counter = new QLabel(panel);
    m_counter->setObjectName(QStringLiteral("counter"));
    m_counter->setWordWrap(true);
    layout->addWidget(m_counter);
    m_losses = new QLabel(panel);
    m_losses->setObjectName(QStringLiteral("losses"));
    m_losses->setWordWrap(true);
    layout->addWidget(m_losses);
    m_message = new QLabel(panel);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    layout->addStretch(1);
    m_largeFonts = new QCheckBox(tr("Large fonts"), panel);
    m_largeFonts->setObjectName(QStringLiteral("largeFonts"));
    m_largeFonts->setToolTip(tr("Bigger text for a projector"));
    connect(m_largeFonts, &QCheckBox::toggled, this, &TeachingWindow::applyFonts);
    layout->addWidget(m_largeFonts);
    auto* exportButton =
        button(tr("Export view as image…"), "exportImage", tr("Save this window as a PNG picture"));
    connect(exportButton, &QPushButton::clicked, this, &TeachingWindow::exportWithDialog);
    layout->addWidget(exportButton);
    panel->setMaximumWidth(340);
}

void TeachingWindow::buildViews(QWidget* area)
{
    auto* grid = new QGridLayout(area);

    m_boundaryPlot = new QCustomPlot(area);
    m_boundaryPlot->setObjectName(QStringLiteral("boundaryPlot"));
    m_boundaryMap = new QCPColorMap(m_boundaryPlot->xAxis, m_boundaryPlot->yAxis);
    QCPColorGradient gradient;
    gradient.clearColorStops();
    // P(class 1) from 0 (class 0's blue) through white at 0.5 to 1 (class 1's orange), pale so points show.
    gradient.setColorStopAt(0.0, kClass0.lighter(150));
    gradient.setColorStopAt(0.5, Qt::white);
    gradient.setColorStopAt(1.0, kClass1.lighter(150));
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    m_boundaryMap->setGradient(gradient);
    m_boundaryMap->setDataRange(QCPRange(0.0, 1.0));
    m_boundaryMap->setInterpolate(true);
    for (int i = 0; i < 4; ++i) {
        QCPGraph* g = m_boundaryPlot->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(pointStyle(i % 2 == 0 ? kClass0 : kClass1, i >= 2));
    }
    m_boundaryPlot->graph(0)->setName(tr("training points"));
    m_boundaryPlot->graph(2)->setName(tr("test points (hollow)"));
    m_boundaryPlot->xAxis->setLabel(tr("x"));
    m_boundaryPlot->yAxis->setLabel(tr("y"));
    m_mainTitle = titleLabel(QString(), area);
    m_titles.push_back(m_mainTitle);
    grid->addWidget(m_mainTitle, 0, 0);
    m_mainView = new QStackedWidget(area);
    m_mainView->addWidget(m_boundaryPlot);
    m_visitor = new TeachingVisitor(m_mainView);
    m_mainView->addWidget(m_visitor);
    grid->addWidget(m_mainView, 1, 0, 3, 1);

    m_unitsArea = new QWidget(area);
    m_unitsArea->setObjectName(QStringLiteral("neuronMaps"));
    m_unitsGrid = new QGridLayout(m_unitsArea);
    m_unitsGrid->setSpacing(4);
    m_unitsTitle = titleLabel(QString(), area); // restart() writes it for the data chosen
    m_titles.push_back(m_unitsTitle);
    grid->addWidget(m_unitsTitle, 0, 1);
    // The neuron maps above the network; the network takes their room when they are hidden.
    auto* column = new QWidget(area);
    auto* columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    m_unitsArea->setParent(column);
    columnLayout->addWidget(m_unitsArea, 1);
    m_network = new NetworkView(column);
    m_network->setObjectName(QStringLiteral("teachingNetwork"));
    columnLayout->addWidget(m_network, 1);
    grid->addWidget(column, 1, 1, 2, 1);

    m_lossPlot = new QCustomPlot(area);
    m_lossPlot->setObjectName(QStringLiteral("lossPlot"));
    m_lossPlot->addGraph();
    m_lossPlot->graph(0)->setName(tr("training loss"));
    m_lossPlot->graph(0)->setPen(QPen(kPositiveColour, 2));
    m_lossPlot->addGraph();
    m_lossPlot->graph(1)->setName(tr("test loss"));
    m_lossPlot->graph(1)->setPen(QPen(kNegativeColour, 2));
    m_lossPlot->xAxis->setLabel(tr("batches"));
    m_lossPlot->yAxis->setLabel(tr("loss"));
    m_lossPlot->legend->setVisible(true);
    m_lossPlot->setMinimumHeight(200);
    grid->addWidget(m_lossPlot, 3, 1);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    grid->setRowStretch(1, 2);
    grid->setRowStretch(2, 2);
    grid->setRowStretch(3, 2);
}

TeachingSetup TeachingWindow::setup() const
{
    TeachingSetup s;
    s.kind = static_cast<DemoKind>(m_toySet->currentData().toInt());
    s.noise = m_noise->value();
    s.hiddenLayers = m_layers->value();
    s.units = m_units->value();
    s.activation = static_cast<Activation>(m_activation->currentData().toInt());
    s.learningRate = static_cast<float>(m_learningRate->value());
    s.batchSize = m_batchSize->value();
    s.batchesPerFrame = m_speed->value();
    s.generation = m_generation;
    return s;
}

void TeachingWindow::restart()
{
    setPlaying(false);
    ++m_generation;
    m_frames = 0;
    m_message->clear();
    m_lossPlot->graph(0)->data()->clear();
    m_lossPlot->graph(1)->data()->clear();
    m_units->setEnabled(m_layers->value() > 0);
    m_activation->setEnabled(m_layers->value() > 0);
    // The Car buyers lesson has no plane to draw: the visitor's score step by step instead.
    const bool lesson = isCarBuyersLesson();
    m_noise->setEnabled(!lesson);
    m_mainView->setCurrentWidget(lesson ? static_cast<QWidget*>(m_visitor) : m_boundaryPlot);
    m_mainTitle->setText(lesson ? tr("One visitor's score, step by step")
                                : tr("What the network predicts over the plane"));
    m_unitsTitle->setText(lesson ? tr("The network: four pages in, ready to buy out")
                                 : tr("Each hidden neuron's output (blue +, orange −)"));
    m_unitsArea->setVisible(!lesson);
    QStringList pages;
    for (int p = 0; lesson && p < TeachingVisitor::kPageCount; ++p) {
        pages << TeachingVisitor::pageName(p);
    }
    m_network->setUnitLabels(pages, lesson ? QStringList{tr("Ready to buy")} : QStringList());
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, s = setup()] { worker->configure(s); }, Qt::QueuedConnection);
}

void TeachingWindow::setPlaying(bool playing)
{
    m_playing = playing;
    m_play->setEnabled(!playing);
    m_pause->setEnabled(playing);
    m_stepButton->setEnabled(!playing);
    QMetaObject::invokeMethod(m_worker, playing ? &TeachingWorker::play : &TeachingWorker::pause,
                              Qt::QueuedConnection);
}

void TeachingWindow::showPoints(const std::shared_ptr<const TeachingPoints>& points)
{
    const auto fill = [this](int graph, const std::vector<float>& xs, const std::vector<float>& ys,
                             const std::vector<float>& cs, float cls) {
        QVector<double> x, y;
        for (std::size_t i = 0; i < xs.size(); ++i) {
            if (cs[i] == cls) {
                x.push_back(xs[i]);
                y.push_back(ys[i]);
            }
        }
        m_boundaryPlot->graph(graph)->setData(x, y, true);
    };
    fill(0, points->trainX, points->trainY, points->trainClass, 0.0f);
    fill(1, points->trainX, points->trainY, points->trainClass, 1.0f);
    fill(2, points->testX, points->testY, points->testClass, 0.0f);
    fill(3, points->testX, points->testY, points->testClass, 1.0f);
    m_extent = points->extent;
    m_boundaryPlot->xAxis->setRange(-m_extent, m_extent);
    m_boundaryPlot->yAxis->setRange(-m_extent, m_extent);
}

void TeachingWindow::showFrame(const std::shared_ptr<const TeachingFrame>& frame)
{
    if (frame->generation != m_generation) {
        m_worker->frameShown(); // from a setup given up; let the current one's come
        return;
    }
    ++m_frames;
    m_lastFrame = frame;
    m_boundary = frame->boundary;
    m_step = frame->step;
    m_epoch = frame->epoch;
    m_trainLoss = frame->trainLoss;
    m_testLoss = frame->testLoss;

    if (frame->grid == 0) {
        m_visitor->setNetwork(frame->weights, frame->boundary);
    }
    QCPColorMapData* cells = m_boundaryMap->data();
    cells->setSize(frame->grid, frame->grid);
    cells->setRange(QCPRange(-frame->extent, frame->extent), QCPRange(-frame->extent, frame->extent));
    for (int row = 0; row < frame->grid; ++row) {
        for (int col = 0; col < frame->grid; ++col) {
            cells->setCell(col, row, frame->boundary[static_cast<std::size_t>(row * frame->grid + col)]);
        }
    }

    auto* train = m_lossPlot->graph(0);
    auto* test = m_lossPlot->graph(1);
    train->addData(static_cast<double>(frame->step), frame->trainLoss);
    test->addData(static_cast<double>(frame->step), frame->testLoss);
    bool found = false;
    QCPRange yRange = train->getValueRange(found);
    yRange.expand(test->getValueRange(found));
    m_lossPlot->xAxis->setRange(0.0, std::max(10.0, static_cast<double>(frame->step)));
    m_lossPlot->yAxis->setRange(0.0, std::max(0.1, yRange.upper * 1.05));

    if (frame->step == 0) {
        m_counter->setText(
            tr("Not trained yet: %n batch(es) make an epoch", nullptr, frame->batchesPerEpoch));
    } else {
        m_counter->setText(tr("Epoch %1, batch %2 of %3 (%4 batches in all)")
                               .arg(frame->epoch)
                               .arg(frame->batch)
                               .arg(frame->batchesPerEpoch)
                               .arg(localCount(static_cast<unsigned long long>(frame->step))));
    }
    m_losses->setText(tr("Loss: training %1, test %2\nRight: training %3, test %4")
                          .arg(localNumber(frame->trainLoss), localNumber(frame->testLoss),
                               localPercent(frame->trainAccuracy), localPercent(frame->testAccuracy)));

    if (frame->grid > 0) {
        showUnits(*frame);
    }
    m_network->setLayers(frame->weights);
    m_lossPlot->replot(QCustomPlot::rpQueuedReplot);
    // One unit of x as long as one of y, so circles look round; y shows more when the plot is tall.
    m_boundaryPlot->xAxis->setRange(-frame->extent, frame->extent);
    m_boundaryPlot->yAxis->setScaleRatio(m_boundaryPlot->xAxis, 1.0);
    m_framePending = true;
    if (frame->grid == 0) {
        m_visitor->combinationsPlot()->replot(QCustomPlot::rpQueuedReplot);
    } else {
        m_boundaryPlot->replot(QCustomPlot::rpQueuedReplot);
    }
}

bool TeachingWindow::isCarBuyersLesson() const
{
    return static_cast<DemoKind>(m_toySet->currentData().toInt()) == DemoKind::CarBuyers;
}

void TeachingWindow::showUnits(const TeachingFrame& frame)
{
    bool same = m_unitLabels.size() == frame.units.size();
    for (std::size_t l = 0; same && l < frame.units.size(); ++l) {
        same = m_unitLabels[l].size() == frame.units[l].size();
    }
    // Eight neurons a layer would crowd out the network and the losses at full size.
    const std::size_t most = frame.units.empty() ? 0 : frame.units.front().size();
    const int side = most > 4 ? kUnitPixels * 3 / 4 : kUnitPixels;
    if (!same) {
        for (auto& layer : m_unitLabels) {
            qDeleteAll(layer);
        }
        qDeleteAll(m_unitHeaders);
        m_unitLabels.clear();
        m_unitHeaders.clear();
        for (std::size_t l = 0; l < frame.units.size(); ++l) {
            auto* header = new QLabel(tr("Layer %1").arg(l + 1), m_unitsArea);
            header->setAlignment(Qt::AlignCenter);
            m_unitsGrid->addWidget(header, 0, static_cast<int>(l));
            m_unitHeaders.push_back(header);
            m_unitLabels.emplace_back();
            for (std::size_t u = 0; u < frame.units[l].size(); ++u) {
                auto* label = new QLabel(m_unitsArea);
                label->setObjectName(QStringLiteral("unit_%1_%2").arg(l + 1).arg(u + 1));
                label->setFrameShape(QFrame::Box);
                m_unitsGrid->addWidget(label, static_cast<int>(u) + 1, static_cast<int>(l), Qt::AlignCenter);
                m_unitLabels.back().push_back(label);
            }
        }
        if (frame.units.empty()) {
            auto* none = new QLabel(tr("No hidden layer: the output is a weighted sum of x and y,\n"
                                       "so the boundary is a straight line."),
                                    m_unitsArea);
            m_unitsGrid->addWidget(none, 0, 0);
            m_unitHeaders.push_back(none);
        }
    }
    const int n = frame.grid;
    for (std::size_t l = 0; l < frame.units.size(); ++l) {
        for (std::size_t u = 0; u < frame.units[l].size(); ++u) {
            const std::vector<float>& values = frame.units[l][u];
            float scale = 0.0f;
            for (const float v : values) {
                scale = std::max(scale, std::abs(v));
            }
            scale = scale > 0.0f ? 1.0f / scale : 0.0f;
            QImage image(n, n, QImage::Format_RGB32);
            for (int row = 0; row < n; ++row) {
                // Image rows run top down, the grid's bottom up.
                auto* line = reinterpret_cast<QRgb*>(image.scanLine(n - 1 - row));
                for (int col = 0; col < n; ++col) {
                    line[col] = divergingColour(values[static_cast<std::size_t>(row * n + col)] * scale);
                }
            }
            m_unitLabels[l][u]->setPixmap(
                QPixmap::fromImage(image.scaled(side, side, Qt::IgnoreAspectRatio, Qt::FastTransformation)));
        }
    }
}

void TeachingWindow::setLargeFonts(bool large)
{
    m_largeFonts->setChecked(large);
}

void TeachingWindow::applyFonts()
{
    QFont font = QApplication::font();
    if (m_largeFonts->isChecked()) {
        font = scaledFont(font, kLargeFontFactor);
    }
    setFont(font);
    for (QLabel* title : m_titles) {
        title->setFont(scaledFont(font, 1.1, QFont::DemiBold));
    }
    stylePlot(m_boundaryPlot, font);
    stylePlot(m_lossPlot, font);
    m_lossPlot->legend->setFont(scaledFont(font, 0.95));
    // The neuron maps grow with the text; they are redrawn at the next frame.
    for (auto& layer : m_unitLabels) {
        qDeleteAll(layer);
    }
    qDeleteAll(m_unitHeaders);
    m_unitLabels.clear();
    m_unitHeaders.clear();
    if (m_lastFrame && m_lastFrame->grid > 0) {
        showUnits(*m_lastFrame);
    }
    m_visitor->applyFonts(font);
    m_boundaryPlot->replot(QCustomPlot::rpQueuedReplot);
    m_lossPlot->replot(QCustomPlot::rpQueuedReplot);
}

bool TeachingWindow::exportImage(const QString& path)
{
    return grab().save(path, "PNG");
}

void TeachingWindow::exportWithDialog()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export View as Image"), tr("teaching.png"),
                                                tr("PNG images (*.png)"));
    if (path.isEmpty()) {
        return;
    }
    if (!path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive)) {
        path += QStringLiteral(".png");
    }
    if (!exportImage(path)) {
        QMessageBox::warning(this, tr("Export View as Image"), tr("Could not write %1.").arg(path));
    }
}

} // namespace neurolift

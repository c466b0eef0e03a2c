// The "Inside the network" tab: the heat map, the histogram and the drawn network.

#include "explain/explainpage.h"
#include "explain/explainpageparts.h"

namespace neurolift {

using namespace explainui;

QWidget* ExplainPage::createNetworkTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("networkTab"));

    m_layerPicker = new QComboBox(tab);
    m_layerPicker->setObjectName(QStringLiteral("layerPicker"));
    m_layerPicker->setToolTip(tr("The layer whose weights the heat map and the histogram show."));
    connect(m_layerPicker, &QComboBox::currentIndexChanged, this, &ExplainPage::showLayer);
    m_heatCaption = captionLabel(tab, QStringLiteral("heatCaption"));
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Layer:"), tab));
    top->addWidget(m_layerPicker);
    top->addSpacing(12);
    top->addWidget(m_heatCaption, 1);

    m_heatPlot = new QCustomPlot(tab);
    m_heatPlot->setObjectName(QStringLiteral("heatMapPlot"));
    stylePlot(m_heatPlot, font());
    m_heatPlot->setMouseTracking(true);
    // Room for the slanted input names below and a map tall enough to read (and to hold its axis
    // title) even in a 1280×720 window, where the panes below would otherwise squeeze it flat.
    m_heatPlot->setMinimumHeight(310);
    m_heatPlot->xAxis->grid()->setVisible(false);
    m_heatPlot->yAxis->grid()->setVisible(false);
    m_heatMap = new QCPColorMap(m_heatPlot->xAxis, m_heatPlot->yAxis);
    m_heatMap->setInterpolate(false);
    m_heatMap->setTightBoundary(false);
    m_heatScale = new QCPColorScale(m_heatPlot);
    m_heatScale->setType(QCPAxis::atRight);
    m_heatScale->axis()->setLabel(tr("Weight"));
    m_heatScale->axis()->setLabelFont(scaledFont(font(), 1.0));
    m_heatScale->axis()->setTickLabelFont(scaledFont(font(), 0.9));
    m_heatScale->setBarWidth(14);
    m_heatPlot->plotLayout()->addElement(0, 1, m_heatScale);
    m_heatMap->setColorScale(m_heatScale);
    // Diverging: orange below zero, white at zero, blue above, the same as the drawn network's edges.
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, kNegative.darker(130));
    gradient.setColorStopAt(0.25, kNegative.lighter(150));
    gradient.setColorStopAt(0.5, QColor(250, 250, 250));
    gradient.setColorStopAt(0.75, kPositive.lighter(160));
    gradient.setColorStopAt(1.0, kPositive.darker(130));
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    m_heatMap->setGradient(gradient);
    auto* margins = new QCPMarginGroup(m_heatPlot);
    m_heatPlot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_heatScale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    connect(m_heatPlot, &QCustomPlot::mouseMove, this, &ExplainPage::onHeatMapHover);

    m_histogramPlot = new QCustomPlot(tab);
    m_histogramPlot->setObjectName(QStringLiteral("histogramPlot"));
    stylePlot(m_histogramPlot, font());
    m_histogramPlot->xAxis->setLabel(tr("Weight"));
    m_histogramPlot->yAxis->setLabel(tr("How many"));
    auto* histogramBox = new QWidget(tab);
    auto* histogramLayout = new QVBoxLayout(histogramBox);
    histogramLayout->setContentsMargins(0, 0, 0, 0);
    histogramLayout->addWidget(titleLabel(tr("How large the weights are"), histogramBox));
    histogramLayout->addWidget(m_histogramPlot, 1);

    m_network = new NetworkView(tab);
    m_network->setObjectName(QStringLiteral("networkView"));
    m_networkCaption = captionLabel(tab, QStringLiteral("networkCaption"));
    auto* networkBox = new QWidget(tab);
    auto* networkLayout = new QVBoxLayout(networkBox);
    networkLayout->setContentsMargins(0, 0, 0, 0);
    networkLayout->addWidget(titleLabel(tr("The network, inputs on the left"), networkBox));
    networkLayout->addWidget(m_networkCaption);
    networkLayout->addWidget(m_network, 1);

    auto* bottom = new QSplitter(Qt::Horizontal, tab);
    bottom->setChildrenCollapsible(false);
    bottom->addWidget(histogramBox);
    bottom->addWidget(networkBox);
    bottom->setStretchFactor(0, 2);
    bottom->setStretchFactor(1, 3);

    auto* splitter = new QSplitter(Qt::Vertical, tab);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_heatPlot);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    return tab;
}

void ExplainPage::showLayer(int index)
{
    if (index < 0 || index >= static_cast<int>(m_denseLayers.size())) {
        m_heatMap->data()->clear();
        m_heatPlot->replot();
        m_histogramPlot->clearPlottables();
        m_histogramPlot->replot();
        m_network->setLayers({});
        return;
    }
    const int layerIndex = m_denseLayers[static_cast<std::size_t>(index)];
    const LayerWeights& layer = m_layers[static_cast<std::size_t>(layerIndex)];
    const Matrix& w = *weightOf(layer);
    showHeatMap(layer, w, index == 0);
    showHistogram(w);
    m_network->setLayers(m_layers, layerIndex);
    QString caption =
        tr("Blue edges are positive weights, orange negative; thicker is stronger. The chosen layer "
           "is drawn darker.");
    if (m_network->shownEdgeCount() < m_network->edgeCount()) {
        caption += u' ' + tr("Only the strongest %1 edges of each layer are drawn (%2 of %3 in all).")
                              .arg(NetworkView::kMaxEdgesPerLayer)
                              .arg(QLocale().toString(m_network->shownEdgeCount()),
                                   QLocale().toString(m_network->edgeCount()));
    }
    m_networkCaption->setText(caption);
}

void ExplainPage::showHeatMap(const LayerWeights& layer, const Matrix& w, bool firstLayer)
{
    const auto inputs = static_cast<int>(w.cols());
    const auto outputs = static_cast<int>(w.rows());
    m_heatInputs.clear();
    m_heatOutputs.clear();
    for (const std::string& name : layer.inputNames) {
        m_heatInputs.push_back(local(name));
    }
    for (const std::string& name : layer.outputNames) {
        m_heatOutputs.push_back(local(name));
    }
    // A dimension of one cell is drawn as two equal half-cells: QCPColorMap needs two to span a cell.
    const int keys = std::max(inputs, 2);
    const int values = std::max(outputs, 2);
    auto* cells = m_heatMap->data();
    cells->setSize(keys, values);
    cells->setRange(inputs > 1 ? QCPRange(1, inputs) : QCPRange(0.75, 1.25),
                    outputs > 1 ? QCPRange(1, outputs) : QCPRange(0.75, 1.25));
    for (int k = 0; k < keys; ++k) {
        for (int v = 0; v < values; ++v) {
            cells->setCell(k, v, w(std::min(v, outputs - 1), std::min(k, inputs - 1)));
        }
    }
    const double largest = w.size() ? static_cast<double>(w.cwiseAbs().maxCoeff()) : 1.0;
    m_heatMap->setDataRange(QCPRange(-largest, largest)); // centred on zero: white is no effect

    QCPAxis* x = m_heatPlot->xAxis;
    QCPAxis* y = m_heatPlot->yAxis;
    if (firstLayer) {
        const bool slanted = inputs > 8;
        x->setTickLabelRotation(slanted ? 60 : 0);
        x->setTickLabelFont(scaledFont(font(), inputs > 40 ? 0.8 : 0.95));
        // Slanted names take the map's height: long ones are elided (hovering a cell names it in full).
        const QFontMetrics metrics(x->tickLabelFont());
        QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
        for (int j = 0; j < inputs; ++j) {
            ticker->addTick(j + 1,
                            metrics.elidedText(m_heatInputs[static_cast<std::size_t>(j)], Qt::ElideMiddle,
                                               slanted ? kMaxSlantedTickWidth : kMaxTickLabelWidth));
        }
        x->setTicker(ticker);
        x->setLabel(tr("Inputs: the prepared columns"));
    } else {
        QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
        ticker->setTickStep(1.0);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        x->setTicker(ticker);
        x->setTickLabelRotation(0);
        x->setTickLabelFont(scaledFont(font(), 0.95));
        x->setLabel(tr("Units of the layer before"));
    }
    QSharedPointer<QCPAxisTickerFixed> unitTicker(new QCPAxisTickerFixed);
    unitTicker->setTickStep(1.0);
    unitTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    y->setTicker(unitTicker);
    y->setLabel(outputs > 1 ? tr("Units of this layer") : tr("Output"));
    x->setRange(0.5, inputs + 0.5);
    y->setRange(0.5, outputs + 0.5);
    y->setRangeReversed(true); // unit 1 at the top, as in the drawn network

    m_heatCaption->setText(
        tr("Each cell is the weight from one input (across) to one unit (down): blue adds to "
           "the unit, orange takes away, white does nearly nothing. Hover over a cell to read "
           "it."));
    m_heatPlot->replot();
}

void ExplainPage::showHistogram(const Matrix& w)
{
    QCustomPlot* plot = m_histogramPlot;
    plot->clearPlottables();
    const double largest = w.size() ? static_cast<double>(w.cwiseAbs().maxCoeff()) : 1.0;
    const double width = 2.0 * std::max(largest, 1e-9) / kHistogramBins;
    std::vector<int> counts(kHistogramBins, 0);
    for (Index k = 0; k < w.size(); ++k) {
        const int bin = std::clamp(static_cast<int>((w.data()[k] + largest) / width), 0, kHistogramBins - 1);
        ++counts[static_cast<std::size_t>(bin)];
    }
    auto* negative = new QCPBars(plot->xAxis, plot->yAxis);
    auto* positive = new QCPBars(plot->xAxis, plot->yAxis);
    int most = 1;
    for (int b = 0; b < kHistogramBins; ++b) {
        const double centre = -largest + (b + 0.5) * width;
        (centre < 0.0 ? negative : positive)->addData(centre, counts[static_cast<std::size_t>(b)]);
        most = std::max(most, counts[static_cast<std::size_t>(b)]);
    }
    for (QCPBars* bars : {negative, positive}) {
        bars->setWidth(width * 0.9);
        bars->setPen(Qt::NoPen);
    }
    negative->setBrush(kNegative.lighter(120));
    positive->setBrush(kPositive.lighter(120));
    plot->xAxis->setRange(-largest - width, largest + width);
    plot->yAxis->setRange(0, most * 1.08);
    plot->replot();
}

void ExplainPage::onHeatMapHover(QMouseEvent* event)
{
    const int inputs = static_cast<int>(m_heatInputs.size());
    const int outputs = static_cast<int>(m_heatOutputs.size());
    const QPointF pos = event->position();
    if (inputs == 0 || !m_heatPlot->axisRect()->rect().contains(pos.toPoint())) {
        QToolTip::hideText();
        return;
    }
    const int j = static_cast<int>(std::lround(m_heatPlot->xAxis->pixelToCoord(pos.x()))) - 1;
    const int i = static_cast<int>(std::lround(m_heatPlot->yAxis->pixelToCoord(pos.y()))) - 1;
    if (i < 0 || j < 0 || i >= outputs || j >= inputs) {
        QToolTip::hideText();
        return;
    }
    const int picked = m_layerPicker->currentIndex();
    const LayerWeights& layer =
        m_layers[static_cast<std::size_t>(m_denseLayers[static_cast<std::size_t>(picked)])];
    const double value = (*weightOf(layer))(i, j);
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("From %1\nto %2\nweight %3")
                           .arg(m_heatInputs[static_cast<std::size_t>(j)],
                                m_heatOutputs[static_cast<std::size_t>(i)], localNumber(value, 3)),
                       m_heatPlot);
}

} // namespace neurolift

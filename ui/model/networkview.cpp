#include "model/networkview.h"

#include <QGraphicsEllipseItem>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QResizeEvent>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace neurolift {

namespace {

// The sign colours of the whole Explain page: blue up, orange down.
const QColor kPositive(37, 99, 235);
const QColor kNegative(234, 88, 12);
constexpr double kHeight = 420.0;

/// The weight matrix (outputs x inputs) of a Dense layer, or null.
const Matrix* weightOf(const LayerWeights& layer)
{
    if (layer.kind != LayerKind::Dense) {
        return nullptr;
    }
    for (const auto& [name, value] : layer.tensors) {
        if (name.ends_with(".weight")) {
            return &value;
        }
    }
    return nullptr;
}

/// Vertical positions of `n` units spread over the drawing's height.
std::vector<double> unitPositions(Index n)
{
    std::vector<double> y(static_cast<std::size_t>(n));
    const double step = n > 1 ? std::min(kHeight / static_cast<double>(n - 1), 40.0) : 0.0;
    const double top = (kHeight - step * static_cast<double>(n - 1)) / 2.0;
    for (Index i = 0; i < n; ++i) {
        y[static_cast<std::size_t>(i)] = top + step * static_cast<double>(i);
    }
    return y;
}

} // namespace

NetworkView::NetworkView(QWidget* parent)
    : QGraphicsView(parent)
{
    setScene(new QGraphicsScene(this));
    setRenderHint(QPainter::Antialiasing);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setBackgroundBrush(Qt::white);
    setMinimumSize(240, 160);
}

void NetworkView::setLayers(const std::vector<LayerWeights>& layers, int highlight)
{
    m_layers = layers;
    m_highlight = highlight;
    rebuild();
}

void NetworkView::setUnitLabels(const QStringList& inputs, const QStringList& outputs)
{
    m_inputLabels = inputs;
    m_outputLabels = outputs;
    rebuild();
}

void NetworkView::rebuild()
{
    const std::vector<LayerWeights>& layers = m_layers;
    const int highlight = m_highlight;
    scene()->clear();
    m_edges = 0;
    m_shown = 0;
    std::vector<std::pair<int, const Matrix*>> dense;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (const Matrix* w = weightOf(layers[i])) {
            dense.emplace_back(static_cast<int>(i), w);
        }
    }
    if (dense.empty()) {
        return;
    }
    // Columns of units: the inputs, then each Dense layer's outputs.
    std::vector<std::vector<double>> columns;
    columns.push_back(unitPositions(dense.front().second->cols()));
    for (const auto& [index, w] : dense) {
        columns.push_back(unitPositions(w->rows()));
    }
    // As wide as the view's shape allows, so the drawing fills it.
    const QSize view = viewport()->size();
    const double aspect =
        std::clamp(view.height() > 0 ? static_cast<double>(view.width()) / view.height() : 1.6, 1.0, 4.0);
    // As tall as the tallest column (a few units take little room), so a small network fills the view too.
    double tallest = 80.0;
    for (const std::vector<double>& column : columns) {
        tallest = std::max(tallest, column.back() - column.front());
    }
    const double columnGap = tallest * aspect / static_cast<double>(columns.size() - 1);
    const QPen nodePen(QColor(90, 90, 90), 1.0);
    for (std::size_t c = 0; c + 1 < columns.size(); ++c) {
        const Matrix& w = *dense[c].second;
        const bool strong = highlight < 0 || dense[c].first == highlight;
        const auto count = static_cast<long long>(w.size());
        m_edges += count;
        std::vector<Index> order(static_cast<std::size_t>(count));
        std::iota(order.begin(), order.end(), Index{0});
        const auto keep = std::min<long long>(count, kMaxEdgesPerLayer);
        // The strongest edges, drawn faintest first so the strong ones lie on top.
        std::partial_sort(order.begin(), order.begin() + keep, order.end(),
                          [&w](Index a, Index b) { return std::abs(w.data()[a]) > std::abs(w.data()[b]); });
        order.resize(static_cast<std::size_t>(keep));
        std::reverse(order.begin(), order.end());
        const double largest = order.empty() ? 0.0 : std::abs(w.data()[order.back()]);
        for (const Index k : order) {
            const Index row = k % w.rows();
            const Index col = k / w.rows();
            const double v = w.data()[k];
            const double t = largest > 0.0 ? std::abs(v) / largest : 0.0;
            QColor colour = v >= 0.0 ? kPositive : kNegative;
            colour.setAlphaF(static_cast<float>((strong ? 0.15 : 0.06) + (strong ? 0.8 : 0.25) * t));
            QPen pen(colour, 0.4 + 3.2 * t);
            pen.setCapStyle(Qt::RoundCap);
            const double x0 = columnGap * static_cast<double>(c);
            scene()->addLine(x0, columns[c][static_cast<std::size_t>(col)], x0 + columnGap,
                             columns[c + 1][static_cast<std::size_t>(row)], pen);
        }
        m_shown += keep;
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const double x = columnGap * static_cast<double>(c);
        const double spacing = columns[c].size() > 1 ? columns[c][1] - columns[c][0] : 40.0;
        const double r = std::clamp(spacing * 0.35, 1.5, 7.0);
        for (const double y : columns[c]) {
            scene()->addEllipse(x - r, y - r, 2 * r, 2 * r, nodePen, QBrush(QColor(245, 245, 245)));
        }
        // Names beside the first and the last column: right-aligned to the left of the inputs,
        // to the right of the outputs. Sized to the drawing, which is scaled to fit the view.
        const bool first = c == 0;
        const QStringList& labels = first                     ? m_inputLabels
                                    : c + 1 == columns.size() ? m_outputLabels
                                                              : QStringList();
        QFont labelFont = font();
        labelFont.setPointSizeF(std::min(kHeight / 16.0, spacing * 0.45));
        for (qsizetype i = 0; i < labels.size() && i < static_cast<qsizetype>(columns[c].size()); ++i) {
            auto* text = scene()->addSimpleText(labels[i], labelFont);
            const QRectF box = text->boundingRect();
            const double y = columns[c][static_cast<std::size_t>(i)] - box.height() / 2.0;
            text->setPos(first ? x - r - 8.0 - box.width() : x + r + 8.0, y);
            text->setBrush(palette().color(QPalette::WindowText));
        }
    }
    scene()->setSceneRect(scene()->itemsBoundingRect().adjusted(-12, -12, 12, 12));
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
}

void NetworkView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    rebuild();
}

} // namespace neurolift

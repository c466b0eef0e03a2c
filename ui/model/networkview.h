#pragma once

#include "explain/weights.h"

#include <QGraphicsView>
#include <QStringList>

#include <vector>

namespace neurolift {

/// The network drawn as columns of units joined by their weights: blue for a
/// positive weight, orange for a negative one, thicker and darker the larger it
/// is. Between two large layers only the strongest edges are drawn, so the
/// picture stays readable; edgeCount() and shownEdgeCount() say how many.
class NetworkView : public QGraphicsView {
    Q_OBJECT

public:
    /// Edges drawn at most between two layers.
    static constexpr int kMaxEdgesPerLayer = 300;

    explicit NetworkView(QWidget* parent = nullptr);

    /// Draws the Dense layers of `layers` (inspectWeights()); `highlight` (an index into `layers`, or -1)
    /// is drawn stronger than the others.
    void setLayers(const std::vector<LayerWeights>& layers, int highlight = -1);
    /// Names written beside the input units (top to bottom) and the output units; empty for none.
    void setUnitLabels(const QStringList& inputs, const QStringList& outputs);
    long long edgeCount() const { return m_edges; }
    long long shownEdgeCount() const { return m_shown; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    /// Lays the drawing out again to fill the view's shape.
    void rebuild();

    std::vector<LayerWeights> m_layers;
    QStringList m_inputLabels;
    QStringList m_outputLabels;
    int m_highlight = -1;
    long long m_edges = 0;
    long long m_shown = 0;
};

} // namespace neurolift

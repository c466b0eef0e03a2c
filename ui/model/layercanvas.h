#pragma once

#include "nn/architecture.h"

#include <QGraphicsView>
#include <QList>

class QGraphicsLineItem;
class QGraphicsScene;
class QUndoStack;

namespace neurolift {

class ArchitectureModel;
class LayerBlock;

/// Draws the current architecture of an ArchitectureModel from top to bottom:
/// the inputs, one block per layer, the prediction, with connectors between them.
/// It only draws; every edit (drag to reorder, Delete, dropping a palette item)
/// is pushed as a command onto the document's undo stack, and the scene is
/// rebuilt when the model says it changed.
class LayerCanvas : public QGraphicsView {
    Q_OBJECT

public:
    /// A canvas drawing `model`, pushing edits onto `stack`; neither is owned.
    LayerCanvas(ArchitectureModel* model, QUndoStack* stack, QWidget* parent = nullptr);
    ~LayerCanvas() override;

    /// MIME type of a layer kind dragged from the palette (the data is the kind's id, "dense").
    static QString layerMimeType();

    /// The text a user reads on the block of layer `index` (lines joined by newlines).
    QString blockText(int index) const;
    /// The text on the input block.
    QString inputText() const;
    /// The text on the prediction block after the output layer.
    QString outputText() const;
    /// Whether the block of layer `index` is drawn as having a problem.
    bool blockHasProblem(int index) const;
    /// Whether the block of layer `index` is drawn selected.
    bool blockIsSelected(int index) const;
    /// Number of layer blocks drawn.
    int blockCount() const;
    /// Centre of the block of layer `index` in viewport coordinates.
    QPoint blockCenter(int index) const;
    /// Layer whose block is under `viewportPos`, -1 for none (or the input/prediction blocks).
    int layerAt(const QPoint& viewportPos) const;
    /// Index a new layer dropped at `scenePos` gets (never after the output layer).
    int insertIndexAt(const QPointF& scenePos) const;
    /// Index layer `from` ends up at when its block is dropped with its centre at `scenePos`.
    int moveIndexAt(int from, const QPointF& scenePos) const;
    /// Scales the drawing so the whole network fits, never larger than a comfortable reading size.
    void zoomToFit();

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuild();
    void updateSelection();
    /// Shows the insertion line at the gap before layer `index` (hidden for -1).
    void showInsertionMark(int index);
    LayerBlock* blockOf(int index) const;

    ArchitectureModel* m_model;
    QUndoStack* m_stack;
    QGraphicsScene* m_scene;
    LayerBlock* m_input = nullptr;
    LayerBlock* m_output = nullptr;
    QList<LayerBlock*> m_blocks;
    QGraphicsLineItem* m_insertionMark = nullptr;

    // Reordering by dragging a block: the block follows the pointer, the drop decides the index.
    int m_pressedLayer = -1;
    QPoint m_pressPos;
    QPointF m_pressBlockPos;
    bool m_dragging = false;
};

} // namespace neurolift

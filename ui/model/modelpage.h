#pragma once

#include "nn/architecture.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QUndoStack;

namespace neurolift {

class ArchitectureModel;
class LayerCanvas;
class LayerPalette;
class LayerProperties;

/// The Model step: the kept networks (switch, new, duplicate, rename, delete),
/// a template picker, and the layer builder — palette | canvas | properties —
/// with the total size and any problems above the canvas. Every edit is a
/// command on the document's undo stack.
class ModelPage : public QWidget {
    Q_OBJECT

public:
    /// A page editing `model` with its edits on `stack`; neither is owned (the document owns both).
    ModelPage(ArchitectureModel* model, QUndoStack* stack, QWidget* parent = nullptr);

    /// The drawing of the current network.
    LayerCanvas* canvas() const { return m_canvas; }
    /// The list of layer kinds to add.
    LayerPalette* palette() const { return m_palette; }
    /// The settings panel of the selected layer.
    LayerProperties* properties() const { return m_properties; }
    /// The line above the canvas ("12,481 trainable values · 3 hidden layers").
    QString summaryText() const;
    /// The problems shown above the canvas, empty when the network can train.
    QString problemsText() const;

    /// Adds a layer of `kind` after the selected layer, or before the output layer when none is.
    void addLayer(LayerKind kind);
    /// Renames the current network (what the Rename button does after asking for the name).
    void renameCurrent(const QString& name);

private:
    void refreshArchitectures();
    void refreshSummary();
    void newArchitecture();
    void askRename();

    ArchitectureModel* m_model;
    QUndoStack* m_stack;
    LayerPalette* m_palette = nullptr;
    LayerCanvas* m_canvas = nullptr;
    LayerProperties* m_properties = nullptr;
    QComboBox* m_architectures = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_templates = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_problems = nullptr;
};

} // namespace neurolift

#pragma once

#include "nn/architecture.h"
#include "shell/commandid.h"

#include <QString>
#include <QUndoCommand>

namespace neurolift {

class ArchitectureModel;

/// Base of every edit of an ArchitectureModel: the only way into the model's raw edits.
/// Each command remembers the architecture it edits, so undo lands there even after a switch.
class ArchitectureCommand : public QUndoCommand {
public:
    /// A command on `model` (which must outlive it), as a child of `parent` when given.
    ArchitectureCommand(ArchitectureModel* model, const QString& text, QUndoCommand* parent = nullptr);

protected:
    void insertLayer(int arch, int index, const LayerSpec& layer);
    LayerSpec takeLayer(int arch, int index);
    void moveLayer(int arch, int from, int to);
    void replaceLayer(int arch, int index, const LayerSpec& layer);
    void replaceLayers(int arch, const std::vector<LayerSpec>& layers);
    void insertArchitecture(int index, const Architecture& architecture);
    Architecture takeArchitecture(int index);
    void renameArchitecture(int index, const std::string& name);
    void setCurrent(int index);

    ArchitectureModel* m_model;
};

/// Adds a layer at an index of the current architecture (never after the output layer).
class AddLayerCommand : public ArchitectureCommand {
public:
    /// Inserts `layer` at `index`; an index past the output layer inserts just before it.
    AddLayerCommand(ArchitectureModel* model, int index, const LayerSpec& layer,
                    QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    /// Where the layer goes.
    int index() const { return m_index; }

private:
    int m_arch;
    int m_index;
    LayerSpec m_layer;
};

/// Removes a layer of the current architecture; obsolete (nothing happens) for the output layer.
class RemoveLayerCommand : public ArchitectureCommand {
public:
    /// Removes layer `index` of the current architecture.
    RemoveLayerCommand(ArchitectureModel* model, int index, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    int m_arch;
    int m_index;
    LayerSpec m_layer;
};

/// Moves a layer to another position; the output layer stays last.
class MoveLayerCommand : public ArchitectureCommand {
public:
    /// Moves layer `from` so that it ends up at index `to`; obsolete when nothing would move.
    MoveLayerCommand(ArchitectureModel* model, int from, int to, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    int m_arch;
    int m_from;
    int m_to;
};

/// Which property of a layer a ChangeLayerPropertyCommand changes.
enum class LayerProperty { Units, Activation, DropoutRate, Init };

/// Changes one property of one layer. Consecutive edits of the same property of the
/// same layer merge into one step (typing 1, 12, 128 in the units box is one undo).
/// The output layer's units and activation follow the task and cannot be changed.
class ChangeLayerPropertyCommand : public ArchitectureCommand {
public:
    /// Sets units of layer `index`.
    static ChangeLayerPropertyCommand* units(ArchitectureModel* model, int index, int units);
    /// Sets the activation of layer `index`.
    static ChangeLayerPropertyCommand* activation(ArchitectureModel* model, int index, Activation activation);
    /// Sets the dropout rate of layer `index`.
    static ChangeLayerPropertyCommand* dropoutRate(ArchitectureModel* model, int index, float rate);
    /// Sets the weight initialisation of layer `index`.
    static ChangeLayerPropertyCommand* init(ArchitectureModel* model, int index, WeightInit init);

    /// Sets `property` of layer `index` to its value in `edited`; obsolete when nothing changes.
    ChangeLayerPropertyCommand(ArchitectureModel* model, int index, LayerProperty property,
                               const LayerSpec& edited, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    int m_arch;
    int m_index;
    LayerProperty m_property;
    LayerSpec m_before;
    LayerSpec m_after;
};

/// Replaces the layers of the current architecture by a template's (keeps its name).
class ApplyTemplateCommand : public ArchitectureCommand {
public:
    /// Applies template `t`, built for the model's task.
    ApplyTemplateCommand(ArchitectureModel* model, ArchitectureTemplate t, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    int m_arch;
    std::vector<LayerSpec> m_before;
    std::vector<LayerSpec> m_after;
};

/// Adds an architecture after the others and makes it current.
class AddArchitectureCommand : public ArchitectureCommand {
public:
    /// Adds `architecture` (its output layer made to fit the task).
    AddArchitectureCommand(ArchitectureModel* model, const Architecture& architecture,
                           QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

protected:
    /// Adds `architecture` at `index`, with the undo text `text`.
    AddArchitectureCommand(ArchitectureModel* model, int index, const Architecture& architecture,
                           const QString& text, QUndoCommand* parent);

private:
    int m_index;
    int m_previousCurrent;
    Architecture m_architecture;
};

/// Copies an architecture ("Medium (copy)") just after it and makes the copy current.
class DuplicateArchitectureCommand : public AddArchitectureCommand {
public:
    /// Duplicates architecture `index`.
    DuplicateArchitectureCommand(ArchitectureModel* model, int index, QUndoCommand* parent = nullptr);
};

/// Renames an architecture; obsolete when the name does not change or is empty.
class RenameArchitectureCommand : public ArchitectureCommand {
public:
    /// Renames architecture `index` to `name` (trimmed).
    RenameArchitectureCommand(ArchitectureModel* model, int index, const QString& name,
                              QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    int m_index;
    std::string m_before;
    std::string m_after;
};

/// Removes an architecture; obsolete for the last one left (there is always one).
class RemoveArchitectureCommand : public ArchitectureCommand {
public:
    /// Removes architecture `index`.
    RemoveArchitectureCommand(ArchitectureModel* model, int index, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;

private:
    int m_index;
    int m_previousCurrent;
    Architecture m_architecture;
};

/// Makes another architecture current. Consecutive switches merge into one step.
class SelectArchitectureCommand : public ArchitectureCommand {
public:
    /// Makes architecture `index` current; obsolete when it already is.
    SelectArchitectureCommand(ArchitectureModel* model, int index, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return static_cast<int>(CommandId::SelectArchitecture); }
    bool mergeWith(const QUndoCommand* other) override;

private:
    int m_before;
    int m_after;
};

} // namespace neurolift

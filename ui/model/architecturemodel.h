#pragma once

#include "nn/architecture.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace neurolift {

class ArchitectureCommand;

/// The architectures a user keeps in a project, one of them current, with the
/// context that decides their shapes (number of prepared inputs, the task).
/// Uses QtCore only; views draw it and edit it by pushing the commands of
/// architecturecommands.h onto the document's undo stack, never directly.
/// The last layer of every architecture is the output layer: a Dense layer whose
/// units and activation follow the task, kept so after every change.
class ArchitectureModel : public QObject {
    Q_OBJECT

public:
    /// Starts with one architecture ("Network 1", the Medium template) for a yes/no task, inputs unknown.
    explicit ArchitectureModel(QObject* parent = nullptr);

    /// Replaces everything (when a project is opened); not undoable, so the caller clears its stack.
    void reset(std::vector<Architecture> architectures, int current);

    /// Number of prepared input features, 0 while no data has been picked.
    int inputCount() const { return m_inputs; }
    /// Whether the number of inputs is known.
    bool hasInputs() const { return m_inputs > 0; }
    /// Sets the number of prepared input features (0: unknown); comes from the data, not undoable.
    void setInputCount(int inputs);
    /// The task the networks are built for.
    const TaskSpec& task() const { return m_task; }
    /// Sets the task; every architecture's output layer follows it. Comes from the data, not undoable.
    void setTask(const TaskSpec& task);

    /// Number of kept architectures (at least one).
    int architectureCount() const { return static_cast<int>(m_architectures.size()); }
    /// The kept architecture at `index`.
    const Architecture& architecture(int index) const { return m_architectures.at(index); }
    /// Names of the kept architectures, in order.
    QStringList architectureNames() const;
    /// Index of the current architecture.
    int currentIndex() const { return m_current; }
    /// The architecture being edited.
    const Architecture& current() const { return m_architectures.at(m_current); }

    /// Number of layers of the current architecture, the output layer included.
    int layerCount() const { return static_cast<int>(current().layers.size()); }
    /// Layer `index` of the current architecture.
    const LayerSpec& layer(int index) const { return current().layers.at(index); }
    /// Index of the output layer (the last one).
    int outputLayer() const { return layerCount() - 1; }
    /// Whether `index` is the output layer, which cannot be removed or moved.
    bool isOutputLayer(int index) const { return index == outputLayer(); }
    /// Dense layers before the output layer.
    int hiddenLayerCount() const;
    /// Width of the signal entering layer `index`; empty while the inputs are unknown and no Dense came
    /// before.
    std::optional<int> inputSize(int index) const;
    /// Width of the signal leaving layer `index`; empty when it depends on the unknown inputs.
    std::optional<int> outputSize(int index) const;
    /// Trainable values of layer `index`; empty when they depend on the unknown inputs.
    std::optional<long long> parameterCount(int index) const;
    /// Trainable values of the whole current architecture; empty while the inputs are unknown.
    std::optional<long long> totalParameterCount() const;
    /// Problems of the current architecture (an unknown input count is not one).
    std::vector<ArchitectureIssue> issues() const;
    /// Problems of layer `index`, as sentences.
    QStringList layerIssues(int index) const;
    /// Problems of the whole network, as sentences.
    QStringList networkIssues() const;

    /// The layer selected in the views, -1 for none. View state, not undoable.
    int selectedLayer() const { return m_selected; }
    /// Selects layer `index` (-1 for none).
    void setSelectedLayer(int index);

    /// The layer the palette adds for `kind`, with sensible defaults.
    static LayerSpec defaultLayer(LayerKind kind);
    /// `architecture` with its last layer made the output layer `task` needs.
    static Architecture withOutputFor(Architecture architecture, const TaskSpec& task);

signals:
    /// The layers of the current architecture changed (content, order or shapes).
    void layersChanged();
    /// Another architecture became current.
    void currentChanged(int index);
    /// Architectures were added, removed or renamed.
    void architecturesChanged();
    /// The number of inputs or the task changed.
    void contextChanged();
    /// Another layer was selected (-1: none).
    void selectedLayerChanged(int index);

private:
    // Raw edits, reached only through ArchitectureCommand, so every user edit is undoable.
    friend class ArchitectureCommand;
    void insertLayer(int arch, int index, const LayerSpec& layer);
    LayerSpec takeLayer(int arch, int index);
    void moveLayer(int arch, int from, int to);
    void replaceLayer(int arch, int index, const LayerSpec& layer);
    void replaceLayers(int arch, const std::vector<LayerSpec>& layers);
    void insertArchitecture(int index, const Architecture& architecture);
    Architecture takeArchitecture(int index);
    void renameArchitecture(int index, const std::string& name);
    void setCurrent(int index);

    /// Makes `arch` current (as an edit to it is shown where it happens) and reports the layer change.
    void layersEdited(int arch, int select);
    /// After the list of architectures changed: makes `index` current and refreshes every view.
    void showCurrent(int index);
    void conformOutput(Architecture& architecture) const;

    std::vector<Architecture> m_architectures;
    int m_current = 0;
    int m_inputs = 0;
    TaskSpec m_task;
    int m_selected = -1;
};

} // namespace neurolift

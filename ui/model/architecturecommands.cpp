#include "model/architecturecommands.h"

#include "model/architecturemodel.h"
#include "model/layertext.h"

#include <QCoreApplication>

#include <algorithm>

namespace neurolift {

namespace {

/// The translation context of this file's texts (lupdate reads the macro too).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(neurolift::ArchitectureCommand)
};

QString layerText(const LayerSpec& layer)
{
    return layerKindText(layer.kind);
}

} // namespace

ArchitectureCommand::ArchitectureCommand(ArchitectureModel* model, const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_model(model)
{
}

void ArchitectureCommand::insertLayer(int arch, int index, const LayerSpec& layer)
{
    m_model->insertLayer(arch, index, layer);
}
LayerSpec ArchitectureCommand::takeLayer(int arch, int index)
{
    return m_model->takeLayer(arch, index);
}
void ArchitectureCommand::moveLayer(int arch, int from, int to)
{
    m_model->moveLayer(arch, from, to);
}
void ArchitectureCommand::replaceLayer(int arch, int index, const LayerSpec& layer)
{
    m_model->replaceLayer(arch, index, layer);
}
void ArchitectureCommand::replaceLayers(int arch, const std::vector<LayerSpec>& layers)
{
    m_model->replaceLayers(arch, layers);
}
void ArchitectureCommand::insertArchitecture(int index, const Architecture& architecture)
{
    m_model->insertArchitecture(index, architecture);
}
Architecture ArchitectureCommand::takeArchitecture(int index)
{
    return m_model->takeArchitecture(index);
}
void ArchitectureCommand::renameArchitecture(int index, const std::string& name)
{
    m_model->renameArchitecture(index, name);
}
void ArchitectureCommand::setCurrent(int index)
{
    m_model->setCurrent(index);
}

// --- layers -------------------------------------------------------------------------------------

AddLayerCommand::AddLayerCommand(ArchitectureModel* model, int index, const LayerSpec& layer,
                                 QUndoCommand* parent)
    : ArchitectureCommand(model, Text::tr("Add %1 layer").arg(layerText(layer)), parent)
    , m_arch(model->currentIndex())
    , m_index(std::clamp(index, 0, model->outputLayer()))
    , m_layer(layer)
{
}

void AddLayerCommand::redo()
{
    insertLayer(m_arch, m_index, m_layer);
}

void AddLayerCommand::undo()
{
    takeLayer(m_arch, m_index);
}

RemoveLayerCommand::RemoveLayerCommand(ArchitectureModel* model, int index, QUndoCommand* parent)
    : ArchitectureCommand(model, QString(), parent)
    , m_arch(model->currentIndex())
    , m_index(index)
{
    // The output layer is what makes the network answer the question: it cannot go.
    if (index < 0 || index >= model->outputLayer()) {
        setObsolete(true);
        return;
    }
    m_layer = model->layer(index);
    setText(Text::tr("Remove %1 layer").arg(layerText(m_layer)));
}

void RemoveLayerCommand::redo()
{
    m_layer = takeLayer(m_arch, m_index);
}

void RemoveLayerCommand::undo()
{
    insertLayer(m_arch, m_index, m_layer);
}

MoveLayerCommand::MoveLayerCommand(ArchitectureModel* model, int from, int to, QUndoCommand* parent)
    : ArchitectureCommand(model, QString(), parent)
    , m_arch(model->currentIndex())
    , m_from(from)
    , m_to(std::clamp(to, 0, std::max(model->outputLayer() - 1, 0)))
{
    if (from < 0 || from >= model->outputLayer() || m_from == m_to) {
        setObsolete(true);
        return;
    }
    setText(Text::tr("Move %1 layer").arg(layerText(model->layer(from))));
}

void MoveLayerCommand::redo()
{
    moveLayer(m_arch, m_from, m_to);
}

void MoveLayerCommand::undo()
{
    moveLayer(m_arch, m_to, m_from);
}

ChangeLayerPropertyCommand* ChangeLayerPropertyCommand::units(ArchitectureModel* model, int index, int units)
{
    LayerSpec edited = model->layer(index);
    edited.units = units;
    return new ChangeLayerPropertyCommand(model, index, LayerProperty::Units, edited);
}

ChangeLayerPropertyCommand* ChangeLayerPropertyCommand::activation(ArchitectureModel* model, int index,
                                                                   Activation activation)
{
    LayerSpec edited = model->layer(index);
    edited.activation = activation;
    return new ChangeLayerPropertyCommand(model, index, LayerProperty::Activation, edited);
}

ChangeLayerPropertyCommand* ChangeLayerPropertyCommand::dropoutRate(ArchitectureModel* model, int index,
                                                                    float rate)
{
    LayerSpec edited = model->layer(index);
    edited.rate = rate;
    return new ChangeLayerPropertyCommand(model, index, LayerProperty::DropoutRate, edited);
}

ChangeLayerPropertyCommand* ChangeLayerPropertyCommand::init(ArchitectureModel* model, int index,
                                                             WeightInit init)
{
    LayerSpec edited = model->layer(index);
    edited.init = init;
    return new ChangeLayerPropertyCommand(model, index, LayerProperty::Init, edited);
}

ChangeLayerPropertyCommand::ChangeLayerPropertyCommand(ArchitectureModel* model, int index,
                                                       LayerProperty property, const LayerSpec& edited,
                                                       QUndoCommand* parent)
    : ArchitectureCommand(model, QString(), parent)
    , m_arch(model->currentIndex())
    , m_index(index)
    , m_property(property)
{
    if (index < 0 || index >= model->layerCount()) {
        setObsolete(true);
        return;
    }
    m_before = model->layer(index);
    m_after = m_before;
    switch (property) {
    case LayerProperty::Units:
        m_after.units = edited.units;
        setText(Text::tr("Change units"));
        break;
    case LayerProperty::Activation:
        m_after.activation = edited.activation;
        setText(Text::tr("Change activation"));
        break;
    case LayerProperty::DropoutRate:
        m_after.rate = edited.rate;
        setText(Text::tr("Change dropout rate"));
        break;
    case LayerProperty::Init:
        m_after.init = edited.init;
        setText(Text::tr("Change weight initialisation"));
        break;
    }
    if (model->isOutputLayer(index)) {
        // The task decides these two; an edit of them changes nothing.
        m_after.units = m_before.units;
        m_after.activation = m_before.activation;
    }
    setObsolete(m_after == m_before);
}

void ChangeLayerPropertyCommand::redo()
{
    replaceLayer(m_arch, m_index, m_after);
}

void ChangeLayerPropertyCommand::undo()
{
    replaceLayer(m_arch, m_index, m_before);
}

int ChangeLayerPropertyCommand::id() const
{
    switch (m_property) {
    case LayerProperty::Units:
        return static_cast<int>(CommandId::ChangeUnits);
    case LayerProperty::Activation:
        return static_cast<int>(CommandId::ChangeActivation);
    case LayerProperty::DropoutRate:
        return static_cast<int>(CommandId::ChangeDropoutRate);
    case LayerProperty::Init:
        return static_cast<int>(CommandId::ChangeInit);
    }
    return -1;
}

bool ChangeLayerPropertyCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = dynamic_cast<const ChangeLayerPropertyCommand*>(other);
    if (!next || next->m_arch != m_arch || next->m_index != m_index || next->m_property != m_property) {
        return false;
    }
    m_after = next->m_after;
    // Back where it started (128 typed, then 16 again): the step disappears from the history.
    setObsolete(m_after == m_before);
    return true;
}

ApplyTemplateCommand::ApplyTemplateCommand(ArchitectureModel* model, ArchitectureTemplate t,
                                           QUndoCommand* parent)
    : ArchitectureCommand(model, Text::tr("Apply template"), parent)
    , m_arch(model->currentIndex())
    , m_before(model->current().layers)
    , m_after(makeTemplate(t, model->task()).layers)
{
    setObsolete(m_before == m_after);
}

void ApplyTemplateCommand::redo()
{
    replaceLayers(m_arch, m_after);
}

void ApplyTemplateCommand::undo()
{
    replaceLayers(m_arch, m_before);
}

// --- architectures ------------------------------------------------------------------------------

AddArchitectureCommand::AddArchitectureCommand(ArchitectureModel* model, const Architecture& architecture,
                                               QUndoCommand* parent)
    : AddArchitectureCommand(model, model->architectureCount(), architecture, Text::tr("New network"), parent)
{
}

AddArchitectureCommand::AddArchitectureCommand(ArchitectureModel* model, int index,
                                               const Architecture& architecture, const QString& text,
                                               QUndoCommand* parent)
    : ArchitectureCommand(model, text, parent)
    , m_index(index)
    , m_previousCurrent(model->currentIndex())
    , m_architecture(ArchitectureModel::withOutputFor(architecture, model->task()))
{
}

void AddArchitectureCommand::redo()
{
    insertArchitecture(m_index, m_architecture);
}

void AddArchitectureCommand::undo()
{
    takeArchitecture(m_index);
    setCurrent(m_previousCurrent);
}

namespace {

Architecture copyOf(const ArchitectureModel* model, int index)
{
    Architecture copy = model->architecture(index);
    copy.name = Text::tr("%1 (copy)").arg(QString::fromStdString(copy.name)).toStdString();
    return copy;
}

} // namespace

DuplicateArchitectureCommand::DuplicateArchitectureCommand(ArchitectureModel* model, int index,
                                                           QUndoCommand* parent)
    : AddArchitectureCommand(model, index + 1, copyOf(model, index), Text::tr("Duplicate network"), parent)
{
}

RenameArchitectureCommand::RenameArchitectureCommand(ArchitectureModel* model, int index, const QString& name,
                                                     QUndoCommand* parent)
    : ArchitectureCommand(model, Text::tr("Rename network"), parent)
    , m_index(index)
    , m_before(model->architecture(index).name)
    , m_after(name.trimmed().toStdString())
{
    setObsolete(m_after.empty() || m_after == m_before);
}

void RenameArchitectureCommand::redo()
{
    renameArchitecture(m_index, m_after);
}

void RenameArchitectureCommand::undo()
{
    renameArchitecture(m_index, m_before);
}

RemoveArchitectureCommand::RemoveArchitectureCommand(ArchitectureModel* model, int index,
                                                     QUndoCommand* parent)
    : ArchitectureCommand(model, Text::tr("Delete network"), parent)
    , m_index(index)
    , m_previousCurrent(model->currentIndex())
{
    if (model->architectureCount() < 2 || index < 0 || index >= model->architectureCount()) {
        setObsolete(true);
        return;
    }
    m_architecture = model->architecture(index);
}

void RemoveArchitectureCommand::redo()
{
    m_architecture = takeArchitecture(m_index);
}

void RemoveArchitectureCommand::undo()
{
    insertArchitecture(m_index, m_architecture);
    setCurrent(m_previousCurrent);
}

SelectArchitectureCommand::SelectArchitectureCommand(ArchitectureModel* model, int index,
                                                     QUndoCommand* parent)
    : ArchitectureCommand(model, Text::tr("Switch network"), parent)
    , m_before(model->currentIndex())
    , m_after(index)
{
    setObsolete(index == m_before || index < 0 || index >= model->architectureCount());
}

void SelectArchitectureCommand::redo()
{
    setCurrent(m_after);
}

void SelectArchitectureCommand::undo()
{
    setCurrent(m_before);
}

bool SelectArchitectureCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = dynamic_cast<const SelectArchitectureCommand*>(other);
    if (!next) {
        return false;
    }
    m_after = next->m_after;
    setObsolete(m_after == m_before);
    return true;
}

} // namespace neurolift

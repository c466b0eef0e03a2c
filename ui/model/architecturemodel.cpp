#include "model/architecturemodel.h"

#include "model/layertext.h"

#include <algorithm>
#include <utility>

namespace neurolift {

ArchitectureModel::ArchitectureModel(QObject* parent)
    : QObject(parent)
{
    Architecture first = makeTemplate(ArchitectureTemplate::Medium, m_task);
    first.name = tr("Network 1").toStdString();
    m_architectures.push_back(std::move(first));
}

void ArchitectureModel::reset(std::vector<Architecture> architectures, int current)
{
    if (architectures.empty()) {
        Architecture first = makeTemplate(ArchitectureTemplate::Medium, m_task);
        first.name = tr("Network 1").toStdString();
        architectures.push_back(std::move(first));
    }
    for (auto& a : architectures) {
        conformOutput(a);
    }
    m_architectures = std::move(architectures);
    m_current = std::clamp(current, 0, architectureCount() - 1);
    m_selected = -1;
    emit architecturesChanged();
    emit currentChanged(m_current);
    emit layersChanged();
    emit selectedLayerChanged(m_selected);
}

void ArchitectureModel::setInputCount(int inputs)
{
    inputs = std::max(inputs, 0);
    if (inputs == m_inputs) {
        return;
    }
    m_inputs = inputs;
    emit contextChanged();
    emit layersChanged();
}

void ArchitectureModel::setTask(const TaskSpec& task)
{
    m_task = task;
    for (auto& a : m_architectures) {
        conformOutput(a);
    }
    emit contextChanged();
    emit layersChanged();
}

QStringList ArchitectureModel::architectureNames() const
{
    QStringList names;
    for (const auto& a : m_architectures) {
        names << QString::fromStdString(a.name);
    }
    return names;
}

int ArchitectureModel::hiddenLayerCount() const
{
    const auto& layers = current().layers;
    return static_cast<int>(std::count_if(layers.begin(), layers.end() - 1,
                                          [](const LayerSpec& l) { return l.kind == LayerKind::Dense; }));
}

std::optional<int> ArchitectureModel::inputSize(int index) const
{
    std::optional<int> width;
    if (hasInputs()) {
        width = m_inputs;
    }
    for (int i = 0; i < index; ++i) {
        if (layer(i).kind == LayerKind::Dense) {
            width = layer(i).units;
        }
    }
    return width;
}

std::optional<int> ArchitectureModel::outputSize(int index) const
{
    if (layer(index).kind == LayerKind::Dense) {
        return layer(index).units;
    }
    return inputSize(index);
}

std::optional<long long> ArchitectureModel::parameterCount(int index) const
{
    const LayerSpec& l = layer(index);
    if (l.kind != LayerKind::Dense && l.kind != LayerKind::BatchNorm) {
        return 0;
    }
    const auto in = inputSize(index);
    if (!in) {
        return std::nullopt;
    }
    if (l.kind == LayerKind::Dense) {
        return static_cast<long long>(*in) * l.units + l.units;
    }
    return 2LL * *in;
}

std::optional<long long> ArchitectureModel::totalParameterCount() const
{
    if (!hasInputs()) {
        return std::nullopt;
    }
    return current().parameterCount(m_inputs);
}

std::vector<ArchitectureIssue> ArchitectureModel::issues() const
{
    // Without data the input count is not a problem of the network: validate as if there were inputs.
    return current().validate(std::max(m_inputs, 1), m_task);
}

QStringList ArchitectureModel::layerIssues(int index) const
{
    QStringList messages;
    for (const auto& issue : issues()) {
        if (issue.layer == index) {
            messages << sentence(issue.message);
        }
    }
    return messages;
}

QStringList ArchitectureModel::networkIssues() const
{
    return layerIssues(-1);
}

void ArchitectureModel::setSelectedLayer(int index)
{
    index = (index >= 0 && index < layerCount()) ? index : -1;
    if (index == m_selected) {
        return;
    }
    m_selected = index;
    emit selectedLayerChanged(m_selected);
}

LayerSpec ArchitectureModel::defaultLayer(LayerKind kind)
{
    switch (kind) {
    case LayerKind::Dense:
        return LayerSpec::dense(16, Activation::ReLU);
    case LayerKind::Activation:
        return LayerSpec::activationLayer(Activation::ReLU);
    case LayerKind::Dropout:
        return LayerSpec::dropout(0.2f);
    case LayerKind::BatchNorm:
        return LayerSpec::batchNorm();
    }
    return {};
}

Architecture ArchitectureModel::withOutputFor(Architecture architecture, const TaskSpec& task)
{
    if (architecture.layers.empty() || architecture.layers.back().kind != LayerKind::Dense) {
        architecture.layers.push_back(
            LayerSpec::dense(task.outputUnits(), task.outputActivation(), WeightInit::Xavier));
    }
    auto& out = architecture.layers.back();
    out.units = task.outputUnits();
    out.activation = task.outputActivation();
    return architecture;
}

void ArchitectureModel::conformOutput(Architecture& architecture) const
{
    architecture = withOutputFor(std::move(architecture), m_task);
}

void ArchitectureModel::layersEdited(int arch, int select)
{
    conformOutput(m_architectures.at(arch));
    if (arch != m_current) {
        m_current = arch;
        emit currentChanged(m_current);
    }
    m_selected = (select >= 0 && select < layerCount()) ? select : -1;
    emit layersChanged();
    emit selectedLayerChanged(m_selected);
}

void ArchitectureModel::insertLayer(int arch, int index, const LayerSpec& layer)
{
    auto& layers = m_architectures.at(arch).layers;
    index = std::clamp(index, 0, static_cast<int>(layers.size()));
    layers.insert(layers.begin() + index, layer);
    layersEdited(arch, index);
}

LayerSpec ArchitectureModel::takeLayer(int arch, int index)
{
    auto& layers = m_architectures.at(arch).layers;
    LayerSpec taken = layers.at(index);
    layers.erase(layers.begin() + index);
    layersEdited(arch, std::min(index, static_cast<int>(layers.size()) - 1));
    return taken;
}

void ArchitectureModel::moveLayer(int arch, int from, int to)
{
    auto& layers = m_architectures.at(arch).layers;
    LayerSpec moved = layers.at(from);
    layers.erase(layers.begin() + from);
    layers.insert(layers.begin() + to, moved);
    layersEdited(arch, to);
}

void ArchitectureModel::replaceLayer(int arch, int index, const LayerSpec& layer)
{
    m_architectures.at(arch).layers.at(index) = layer;
    layersEdited(arch, index);
}

void ArchitectureModel::replaceLayers(int arch, const std::vector<LayerSpec>& layers)
{
    m_architectures.at(arch).layers = layers;
    layersEdited(arch, -1);
}

void ArchitectureModel::insertArchitecture(int index, const Architecture& architecture)
{
    index = std::clamp(index, 0, architectureCount());
    Architecture a = architecture;
    conformOutput(a);
    m_architectures.insert(m_architectures.begin() + index, std::move(a));
    showCurrent(index);
}

Architecture ArchitectureModel::takeArchitecture(int index)
{
    Architecture taken = m_architectures.at(index);
    m_architectures.erase(m_architectures.begin() + index);
    showCurrent(std::min(index, architectureCount() - 1));
    return taken;
}

void ArchitectureModel::renameArchitecture(int index, const std::string& name)
{
    m_architectures.at(index).name = name;
    emit architecturesChanged();
}

void ArchitectureModel::showCurrent(int index)
{
    // The list changed under the current index: every view refreshes, the current one included.
    m_current = index;
    m_selected = -1;
    emit architecturesChanged();
    emit currentChanged(m_current);
    emit layersChanged();
    emit selectedLayerChanged(m_selected);
}

void ArchitectureModel::setCurrent(int index)
{
    if (index == m_current) {
        return;
    }
    m_current = index;
    m_selected = -1;
    emit currentChanged(m_current);
    emit layersChanged();
    emit selectedLayerChanged(m_selected);
}

} // namespace neurolift

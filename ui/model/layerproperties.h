#pragma once

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QSpinBox;
class QUndoStack;

namespace neurolift {

class ArchitectureModel;

/// The settings of the layer selected in the model: units, activation, dropout
/// rate, weight initialisation, as the layer's kind has them. Every edit is
/// pushed as a ChangeLayerPropertyCommand; the panel follows the model.
class LayerProperties : public QWidget {
    Q_OBJECT

public:
    /// A panel for `model`'s selected layer, pushing edits onto `stack`; neither is owned.
    LayerProperties(ArchitectureModel* model, QUndoStack* stack, QWidget* parent = nullptr);

private:
    void refresh();

    ArchitectureModel* m_model;
    QUndoStack* m_stack;
    QLabel* m_heading = nullptr;
    QLabel* m_description = nullptr;
    QLabel* m_note = nullptr;
    QFormLayout* m_form = nullptr;
    QSpinBox* m_units = nullptr;
    QComboBox* m_activation = nullptr;
    QSpinBox* m_rate = nullptr;
    QComboBox* m_init = nullptr;
    QLabel* m_shape = nullptr;
};

} // namespace neurolift

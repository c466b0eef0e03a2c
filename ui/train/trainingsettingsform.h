#pragma once

#include "train/trainingsettings.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace neurolift {

/// The Train page's settings form: optimiser, learning rate, batch size, epochs, early stopping,
/// class weights and seed, each with a plain tooltip. Emits one edit per finished value.
class TrainingSettingsForm : public QGroupBox {
    Q_OBJECT

public:
    explicit TrainingSettingsForm(QWidget* parent = nullptr);

    /// The settings in the form.
    TrainingSettings settings() const { return m_settings; }
    /// Shows `settings` without emitting edited() (e.g. from undo or a loaded project).
    void setSettings(const TrainingSettings& settings);
    /// Class weights apply to classifiers only: the choice is off for `task` Regression.
    void setTask(TaskKind task);

signals:
    /// The user changed a setting.
    void edited(const neurolift::TrainingSettings& before, const neurolift::TrainingSettings& after);

private:
    void readForm();
    void writeForm();

    TrainingSettings m_settings;
    bool m_writingForm = false;
    QComboBox* m_optimizer = nullptr;
    QDoubleSpinBox* m_learningRate = nullptr;
    QSpinBox* m_batchSize = nullptr;
    QSpinBox* m_epochs = nullptr;
    QCheckBox* m_earlyStopping = nullptr;
    QSpinBox* m_patience = nullptr;
    QComboBox* m_classWeighting = nullptr;
    QSpinBox* m_seed = nullptr;
};

} // namespace neurolift

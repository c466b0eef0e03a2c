#pragma once

#include "shell/step.h"

#include <QFrame>

class QListWidget;

namespace neurolift {

/// The window's left column: the product's name above the five workflow steps,
/// each a numbered row. Choosing a row (click, arrow keys) says which step to show.
class StepNavigation : public QFrame {
    Q_OBJECT

public:
    explicit StepNavigation(QWidget* parent = nullptr);

    /// The step selected in the list.
    Step currentStep() const;
    /// Selects `step` (emits currentStepChanged() when it differs).
    void setCurrentStep(Step step);

    /// The step's name as the navigation shows it ("Data", "Model", …).
    static QString stepTitle(Step step);

signals:
    /// The user (or setCurrentStep()) chose another step.
    void currentStepChanged(neurolift::Step step);

private:
    QListWidget* m_list = nullptr;
};

} // namespace neurolift

#pragma once

// The steps of the guided wizard, in files of their own: the data steps
// (welcome and file; the target and the columns each in a file of its own) and
// the model steps (model, training, results, segments and export). Only
// GuidedWizard uses them.

#include "wizard/guidedwizard.h"

#include <QString>

#include <string>

class QLabel;
class QWidget;
class QWizardPage;

namespace neurolift::wizard {

/// A std::string as the pages show it.
QString local(const std::string& s);
/// A wrapped rich-text label named `objectName` (for tests and style sheets).
QLabel* wrappedLabel(const QString& text, QWidget* parent, const char* objectName = nullptr);

/// What to predict (wizardtargetstep.cpp).
QWizardPage* makeTargetStep(GuidedWizard::State* state);
/// Which columns to learn from (wizardcolumnsstep.cpp).
QWizardPage* makeColumnsStep(GuidedWizard::State* state);

/// Adds the welcome, file, target and columns steps.
void addDataSteps(GuidedWizard& wizard, GuidedWizard::State* state);
/// Adds the model, training, results and segments steps.
void addModelSteps(GuidedWizard& wizard, GuidedWizard::State* state);

} // namespace neurolift::wizard

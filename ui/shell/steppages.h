#pragma once

#include "shell/step.h"
#include "shell/workbench.h"

#include <QStackedWidget>

namespace neurolift {

class Document;

/// The pages of the five workflow steps, one shown at a time. While no project
/// is open a NoProjectPage stands in for each; an open project gets the real
/// pages, made for its document.
class StepPages : public QStackedWidget {
    Q_OBJECT

public:
    /// Starts with the placeholders, the first step shown.
    explicit StepPages(QWidget* parent = nullptr);

    /// The step whose page is shown.
    Step currentStep() const;
    /// Shows the page of `step`.
    void showStep(Step step);
    /// Replaces the pages with the placeholders; the old pages are deleted.
    void showPlaceholders();
    /// Replaces the pages with new ones for `document` and returns them (for its Workbench).
    Workbench::Pages showDocumentPages(Document& document);

    /// The object name of `step`'s page ("dataPage"), also the step's name in a saved project.
    static QString pageName(Step step);

private:
    /// Puts `page` in place of `step`'s page and deletes the old one, keeping the step shown.
    void replacePage(Step step, QWidget* page);
};

} // namespace neurolift

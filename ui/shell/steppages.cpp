#include "shell/steppages.h"

#include "data/datapage.h"
#include "explain/explainpage.h"
#include "model/modelpage.h"
#include "segments/segmentspage.h"
#include "shell/document.h"
#include "shell/noprojectpage.h"
#include "train/trainpage.h"

namespace neurolift {

StepPages::StepPages(QWidget* parent)
    : QStackedWidget(parent)
{
    setObjectName(QStringLiteral("pages"));
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    for (const Step step : kSteps) {
        auto* page = new NoProjectPage(NoProjectPage::contentFor(step), this);
        page->setObjectName(pageName(step));
        addWidget(page); // in workflow order: a step's index is its page's
    }
}

Step StepPages::currentStep() const
{
    return kSteps.at(static_cast<std::size_t>(currentIndex()));
}

void StepPages::showStep(Step step)
{
    setCurrentIndex(static_cast<int>(step));
}

void StepPages::showPlaceholders()
{
    for (const Step step : kSteps) {
        if (qobject_cast<NoProjectPage*>(widget(static_cast<int>(step)))) {
            continue;
        }
        auto* placeholder = new NoProjectPage(NoProjectPage::contentFor(step), this);
        placeholder->setObjectName(pageName(step));
        replacePage(step, placeholder);
    }
}

Workbench::Pages StepPages::showDocumentPages(Document& document)
{
    const Workbench::Pages pages{new DataPage(this),
                                 new ModelPage(document.architectures(), document.undoStack(), this),
                                 new TrainPage(this), new ExplainPage(this), new SegmentsPage(this)};
    const std::pair<Step, QWidget*> byStep[] = {{Step::Data, pages.data},
                                                {Step::Model, pages.model},
                                                {Step::Train, pages.train},
                                                {Step::Explain, pages.explain},
                                                {Step::Segments, pages.segments}};
    for (const auto& [step, page] : byStep) {
        page->setObjectName(pageName(step));
        replacePage(step, page);
    }
    return pages;
}

QString StepPages::pageName(Step step)
{
    switch (step) {
    case Step::Data:
        return QStringLiteral("dataPage");
    case Step::Model:
        return QStringLiteral("modelPage");
    case Step::Train:
        return QStringLiteral("trainPage");
    case Step::Explain:
        return QStringLiteral("explainPage");
    case Step::Segments:
        return QStringLiteral("segmentsPage");
    }
    return {};
}

void StepPages::replacePage(Step step, QWidget* page)
{
    const int current = currentIndex();
    QWidget* old = widget(static_cast<int>(step));
    insertWidget(static_cast<int>(step), page);
    removeWidget(old);
    delete old;
    setCurrentIndex(current);
}

} // namespace neurolift

#include "wizard/guidedwizard.h"

#include "shell/document.h"
#include "train/trainingsettings.h"
#include "wizard/wizardsteps.h"

namespace neurolift {

QString predictionSentence(const QString& target, const QString& positive)
{
    return GuidedWizard::tr("Predict whether a customer\u2019s \u201c%1\u201d will be <b>%2</b>.")
        .arg(target.toHtmlEscaped(), positive.toHtmlEscaped());
}

GuidedWizard::GuidedWizard(QWidget* parent)
    : QWizard(parent)
{
    setObjectName(QStringLiteral("guidedWizard"));
    setWindowTitle(tr("New Guided Project"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    wizard::addDataSteps(*this, &m_state);
    wizard::addModelSteps(*this, &m_state);
    resize(900, 680);
}

GuidedWizard::~GuidedWizard() = default;

Document::Changes GuidedWizard::writeProject(Project& p, const State& state)
{
    p.saveDataset(*state.table, state.source);
    p.setSetting("target", state.choice.toJson());
    Document::Changes changes = Document::Change::Data | Document::Change::Choice;
    if (state.run && !state.openBuilder) {
        p.setSetting("training", TrainingSettings{}.toJson());
        const std::int64_t run = p.addRun(*state.run);
        p.saveSegment(tr("Hot, warm, cold").toStdString(),
                      SegmentDefinition::parseBands(kDefaultBands).toJson());
        for (ExportRecord e : state.exports) {
            e.run = run;
            p.addExport(e);
        }
        changes |= Document::Change::Runs | Document::Change::Segments | Document::Change::Exports |
                   Document::Change::TrainingSettings;
    }
    return changes;
}

} // namespace neurolift
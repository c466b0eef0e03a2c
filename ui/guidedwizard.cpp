#include "guidedwizard.h"

#include "document.h"
#include "trainingsettings.h"
#include "wizardsteps.h"

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

std::unique_ptr<Document> GuidedWizard::createDocument() const
{
    std::unique_ptr<Document> doc = Document::createUntitled();
    Project& p = doc->edit();
    p.saveDataset(*m_state.table, m_state.source);
    p.setSetting("target", m_state.choice.toJson());
    Document::Changes changes = Document::Change::Data | Document::Change::Choice;
    if (m_state.run && !m_state.openBuilder) {
        p.setSetting("training", TrainingSettings{}.toJson());
        const std::int64_t run = p.addRun(*m_state.run);
        p.saveSegment(tr("Hot, warm, cold").toStdString(),
                      SegmentDefinition::parseBands(kDefaultBands).toJson());
        for (ExportRecord e : m_state.exports) {
            e.run = run;
            p.addExport(e);
        }
        changes |= Document::Change::Runs | Document::Change::Segments | Document::Change::Exports |
                   Document::Change::TrainingSettings;
    }
    doc->changedOutsideUndo(changes);
    return doc;
}

} // namespace neurolift
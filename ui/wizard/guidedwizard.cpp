#include "wizard/guidedwizard.h"

#include "shell/document.h"
#include "train/trainingsettings.h"
#include "wizard/wizardsteps.h"

#include <QAbstractButton>
#include <QMessageBox>

#include <algorithm>

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

SegmentDefinition GuidedWizard::defaultSegments()
{
    // The names reach the exported list: most likely to say yes, then the middle, then the rest.
    return SegmentDefinition::parseBands(
        QStringLiteral("%1:0.7,%2:0.4,%3").arg(tr("hot"), tr("warm"), tr("cold")).toStdString());
}

void GuidedWizard::reject()
{
    if (!m_state.run) {
        QWizard::reject();
        return;
    }
    const auto prompts = findChildren<QMessageBox*>(QStringLiteral("discardPrompt"));
    if (std::any_of(prompts.begin(), prompts.end(), [](const QMessageBox* b) { return b->isVisible(); })) {
        return; // already asking
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Throw away the trained model?"),
                                tr("NeuroLift has learned from your customers. If you close the wizard now, "
                                   "the trained model, its scores and the project are not kept."),
                                QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("discardPrompt"));
    box->setInformativeText(
        tr("Keep Working goes back to the wizard; to keep the work, click Finish there."));
    box->button(QMessageBox::Discard)->setText(tr("Throw Away"));
    box->button(QMessageBox::Cancel)->setText(tr("Keep Working"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // Asked without a nested event loop: the wizard closes only when the answer is to throw away.
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->clickedButton() == box->button(QMessageBox::Discard)) {
            QWizard::reject();
        }
    });
    box->open();
}

ColumnWords GuidedWizard::suggestedColumnWords(const Table& table)
{
    ColumnWords words;
    for (const Column& c : table.columns()) {
        words.emplace(c.name, suggestedWords(c.name));
    }
    return words;
}

Document::Changes GuidedWizard::writeProject(Project& p, const State& state)
{
    p.saveDataset(*state.table, state.source);
    p.setSetting(kColumnWordsSetting, columnWordsToJson(suggestedColumnWords(*state.table)));
    p.setSetting("target", state.choice.toJson());
    if (!state.projectName.trimmed().isEmpty()) {
        p.setSetting(kProjectNameSetting, state.projectName.trimmed().toStdString());
    }
    Document::Changes changes = Document::Change::Data | Document::Change::Choice;
    if (state.run && !state.openBuilder) {
        p.setSetting("training", TrainingSettings{}.toJson());
        const std::int64_t run = p.addRun(*state.run);
        p.saveSegment(tr("Hot, warm, cold").toStdString(), defaultSegments().toJson());
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
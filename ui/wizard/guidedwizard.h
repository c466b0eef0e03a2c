#pragma once

#include "shell/document.h"

#include "data/columnwords.h"
#include "data/table.h"
#include "project/project.h"
#include "scoring/evaluation.h"
#include "scoring/segments.h"
#include "training/pipeline.h"

#include <QString>
#include <QWizard>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace neurolift {

class Document;

/// The guided way from a customer table to a scored, segmented and exported
/// list, for marketers: plain words, automatic choices, every step can go
/// back. It trains and exports itself (off the GUI thread); finishing turns
/// what it made into an ordinary project (see createDocument()).
class GuidedWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId {
        WelcomePage,
        FilePage,
        TargetPage,
        ColumnsPage,
        ModelPage,
        TrainingPage,
        ResultsPage,
        SegmentsPage
    };

    /// A column's single-handed AUC (either direction) from which it is taken for a leak.
    static constexpr double kLeakAuc = 0.98;
    /// The segments the wizard proposes, as the Segments page's editor does: hot from a score of
    /// 0.7, warm from 0.4, cold below, named in the interface's language (the names reach the
    /// marketer's exported list).
    static SegmentDefinition defaultSegments();
    /// Words for every column of `table` made from its name (viewed_pricing: "Viewed pricing"): the
    /// reasons in the wizard's list read in words, and the Data page lets the user improve them.
    static ColumnWords suggestedColumnWords(const Table& table);

    /// What the steps made so far; the pages fill it in order.
    struct State {
        std::shared_ptr<const Table> table;
        DatasetSource source;
        QString dataName;    ///< "Car buyers (demo)" or the file name.
        QString projectName; ///< As the user named the project (the model step asks).
        ColumnChoice choice;
        std::vector<std::string> leaks; ///< Columns that give the answer away.
        std::optional<RunRecord> run;
        std::vector<float> scores; ///< Every customer's score, in table order.
        std::optional<BinaryEvaluation> evaluation;
        std::vector<SegmentStats> segmentSummary;
        std::vector<ExportRecord> exports; ///< Their `run` is set when the project is made.
        bool openBuilder = false;          ///< Finish onto the layer builder instead of training here.
    };

    explicit GuidedWizard(QWidget* parent = nullptr);
    ~GuidedWizard() override;

    const State& state() const { return m_state; }
    State& state() { return m_state; }

    /// The project setting that holds the name the user gave the project.
    static constexpr const char* kProjectNameSetting = Document::kNameSetting;

    /// Cancel, Escape or closing the window: once a model is trained, asks before
    /// throwing it away (the question's Cancel keeps the wizard open).
    void reject() override;

    /// Writes what `state` made (the data, the choice, the run, the segments and
    /// the exports) into `project`, a new empty one, and returns what changed for the
    /// document's views. Any thread (the data can be large). Throws ProjectError.
    static Document::Changes writeProject(Project& project, const State& state);

private:
    State m_state;
};

/// The sentence saying what is predicted: "Predict whether a customer's “Churn” will be “Yes”".
QString predictionSentence(const QString& target, const QString& positive);

} // namespace neurolift

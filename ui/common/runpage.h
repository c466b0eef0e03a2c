#pragma once

#include "data/table.h"
#include "project/project.h"

#include <QWidget>

#include <cstdint>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;

namespace neurolift {

/// A page that shows one of the project's runs at a time (Explain, Segments):
/// the run picker and summary for its header, the runs and the table they
/// were trained on, and the rule for when to show. A hidden page does not
/// compete with training for the cores: what changes while it is hidden is
/// shown when it becomes visible.
class RunPage : public QWidget {
    Q_OBJECT

public:
    /// The project's runs; the last one is shown unless the shown run is still among them.
    void setRuns(const std::vector<RunRecord>& runs);
    /// The project's dataset: original values, ids and the rows of each run's split.
    void setTable(std::shared_ptr<const Table> table);
    /// Shows run `index` of setRuns().
    void selectRun(int index);
    int currentRun() const { return m_run; }

protected:
    explicit RunPage(QWidget* parent = nullptr);

    /// Shows the current run now (the page is visible).
    virtual void showRun() = 0;
    /// What the page shows changed while it is hidden: stop work for the old state.
    virtual void dropStaleWork() = 0;
    /// Forgets what was computed for runs whose key is not in `keep` (everything when empty).
    virtual void forgetRuns(const std::vector<std::int64_t>& keep) = 0;
    /// Whether the shown run's results are ready (an unchanged run then stays as it is).
    virtual bool showsRunData() const = 0;

    void showEvent(QShowEvent* event) override;
    /// Shows the current run now if the page is visible, else when it is shown.
    void refresh();
    /// A key for run `index` that stays the same while the run does (runs not yet in a project have no id).
    std::int64_t runKey(int index) const;
    /// The shown run, or null.
    const RunRecord* shownRun() const;
    /// The run's figure on its held-out test rows as the user reads it ("test AUC 0.842",
    /// "test accuracy 91.2 %", "test RMSE 3.1"), or empty when it has none.
    static QString testFigure(const RunRecord& run);

    std::vector<RunRecord> m_runs;
    std::shared_ptr<const Table> m_table;
    int m_run = -1;
    QComboBox* m_runPicker = nullptr;
    QLabel* m_runSummary = nullptr;

private:
    bool m_stale = true; ///< Changed while hidden; shown when first visible.
};

} // namespace neurolift

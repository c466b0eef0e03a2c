#pragma once

#include "project/project.h"
#include "training/pipeline.h"

#include <QTreeWidget>

#include <vector>

namespace neurolift {

/// The Train page's list of runs to compare: name, status (how it ended in a tooltip), epochs, best
/// validation loss, the test metric of the task and when it started. Several runs can be selected.
class RunList : public QTreeWidget {
    Q_OBJECT

public:
    explicit RunList(QWidget* parent = nullptr);

    /// Lists `runs` in order, forgetting the rows before.
    void setRuns(const std::vector<RunRecord>& runs);
    /// Adds `run` as the last row.
    void addRun(const RunRecord& run);
    /// Names the test column after `task`'s metric (AUC, accuracy or RMSE).
    void setTask(TaskKind task);
    /// The selected rows' positions (as added), in ascending order.
    std::vector<int> selectedRuns() const;
};

} // namespace neurolift

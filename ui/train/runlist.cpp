#include "train/runlist.h"

#include "common/pagekit.h"
#include "train/trainpage.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLocale>

#include <algorithm>
#include <optional>

namespace neurolift {

namespace {

enum RunColumn {
    NameColumn,
    StatusColumn,
    EpochsColumn,
    BestLossColumn,
    TestColumn,
    StartedColumn,
    ColumnCount
};

/// A status id of the core ("early_stopped") in words.
QString statusText(const std::string& status)
{
    if (status == "completed") {
        return RunList::tr("Completed");
    }
    if (status == "early_stopped") {
        return RunList::tr("Stopped early");
    }
    if (status == "cancelled") {
        return RunList::tr("Stopped");
    }
    if (status == "diverged") {
        return RunList::tr("Diverged");
    }
    return QString::fromStdString(status);
}

/// The best validation loss of a run's history (at its best epoch when known).
std::optional<double> bestValidationLoss(const RunRecord& run)
{
    std::optional<double> best;
    for (const RunEpoch& e : run.history) {
        if (!e.validationLoss) {
            continue;
        }
        if (e.epoch == run.bestEpoch) {
            return e.validationLoss;
        }
        if (!best || *e.validationLoss < *best) {
            best = e.validationLoss;
        }
    }
    return best;
}

QString formatNumber(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

} // namespace

RunList::RunList(QWidget* parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("runList"));
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setColumnCount(ColumnCount);
    setHeaderLabels(
        {tr("Run"), tr("Status"), tr("Epochs"), tr("Best validation loss"), tr("Test AUC"), tr("Started")});
    header()->setStretchLastSection(true);
    setToolTip(tr("Select a run to draw its curves next to the current one (dashed)."));
}

void RunList::setRuns(const std::vector<RunRecord>& runs)
{
    clear();
    for (const RunRecord& run : runs) {
        addRun(run);
    }
}

void RunList::setTask(TaskKind task)
{
    headerItem()->setText(TestColumn, task == TaskKind::Regression            ? tr("Test RMSE")
                                      : task == TaskKind::MultiClassification ? tr("Test accuracy")
                                                                              : tr("Test AUC"));
}

std::vector<int> RunList::selectedRuns() const
{
    std::vector<int> selected;
    for (QTreeWidgetItem* item : selectedItems()) {
        selected.push_back(item->data(NameColumn, Qt::UserRole).toInt());
    }
    std::sort(selected.begin(), selected.end());
    return selected;
}

void RunList::addRun(const RunRecord& run)
{
    auto* item = new QTreeWidgetItem(this);
    item->setText(NameColumn, storedName(run.name));
    item->setText(StatusColumn, statusText(run.status));
    item->setToolTip(StatusColumn, TrainPage::outcomeText(run));
    item->setText(EpochsColumn, QLocale().toString(static_cast<qlonglong>(run.history.size())));
    item->setTextAlignment(EpochsColumn, Qt::AlignRight | Qt::AlignVCenter);
    if (const auto best = bestValidationLoss(run)) {
        item->setText(BestLossColumn, formatNumber(*best, 4));
    }
    item->setTextAlignment(BestLossColumn, Qt::AlignRight | Qt::AlignVCenter);
    for (const char* key : {"test_auc", "test_rmse", "test_accuracy"}) {
        if (run.metrics.contains(key)) {
            item->setText(TestColumn, formatNumber(run.metrics.at(key).get<double>(), 3));
            break;
        }
    }
    item->setTextAlignment(TestColumn, Qt::AlignRight | Qt::AlignVCenter);
    item->setText(StartedColumn, localDateTime(QString::fromStdString(run.startedAt)));
    item->setData(NameColumn, Qt::UserRole, topLevelItemCount() - 1);
    for (int c = 0; c < ColumnCount - 1; ++c) {
        resizeColumnToContents(c);
    }
}

} // namespace neurolift

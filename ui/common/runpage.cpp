#include "common/runpage.h"

#include "common/pagekit.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>

#include <algorithm>
#include <optional>

namespace neurolift {

RunPage::RunPage(QWidget* parent)
    : QWidget(parent)
    , m_runPicker(new QComboBox(this))
    , m_runSummary(new QLabel(this))
{
    m_runPicker->setObjectName(QStringLiteral("runPicker"));
    m_runPicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_runSummary->setObjectName(QStringLiteral("runSummary"));
    m_runSummary->setForegroundRole(QPalette::PlaceholderText);
    connect(m_runPicker, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index != m_run) {
            selectRun(index);
        }
    });
}

void RunPage::setRuns(const std::vector<RunRecord>& runs)
{
    const std::int64_t shown = m_run >= 0 ? runKey(m_run) : 0;
    m_runs = runs;
    std::vector<std::int64_t> keys;
    for (int i = 0; i < static_cast<int>(m_runs.size()); ++i) {
        keys.push_back(runKey(i));
    }
    forgetRuns(keys);
    int next = static_cast<int>(m_runs.size()) - 1;
    for (int i = 0; i < static_cast<int>(m_runs.size()); ++i) {
        if (shown != 0 && runKey(i) == shown) {
            next = i;
        }
    }
    {
        const QSignalBlocker block(m_runPicker);
        m_runPicker->clear();
        for (const RunRecord& run : m_runs) {
            QString name = run.name.empty() ? tr("Run %1").arg(run.id) : storedName(run.name);
            if (const QString figure = testFigure(run); !figure.isEmpty()) {
                name += u' ' + tr("(%1)").arg(figure);
            }
            m_runPicker->addItem(name);
        }
        m_runPicker->setCurrentIndex(next);
    }
    const bool same = next >= 0 && runKey(next) == shown && showsRunData();
    m_run = next;
    if (!same) {
        refresh();
    }
}

void RunPage::setTable(std::shared_ptr<const Table> table)
{
    if (table == m_table) {
        return;
    }
    m_table = std::move(table);
    forgetRuns({});
    refresh();
}

void RunPage::selectRun(int index)
{
    if (index < 0 || index >= static_cast<int>(m_runs.size())) {
        return;
    }
    m_run = index;
    if (m_runPicker->currentIndex() != index) {
        const QSignalBlocker block(m_runPicker);
        m_runPicker->setCurrentIndex(index);
    }
    showRun();
}

void RunPage::refresh()
{
    if (isVisible()) {
        m_stale = false;
        showRun();
    } else {
        dropStaleWork();
        m_stale = true;
    }
}

void RunPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        m_stale = false;
        showRun();
    }
}

std::int64_t RunPage::runKey(int index) const
{
    const RunRecord& run = m_runs[static_cast<std::size_t>(index)];
    return run.id != 0 ? run.id : -1 - index;
}

QString RunPage::testFigure(const RunRecord& run)
{
    const auto number = [&run](const char* key) -> std::optional<double> {
        if (run.metrics.is_object() && run.metrics.contains(key) && run.metrics[key].is_number()) {
            return run.metrics[key].get<double>();
        }
        return std::nullopt;
    };
    if (const auto auc = number("test_auc")) {
        return tr("test AUC %1").arg(localNumber(*auc, 3));
    }
    if (const auto accuracy = number("test_accuracy")) {
        return tr("test accuracy %1 %").arg(localNumber(100.0 * *accuracy, 1));
    }
    if (const auto rmse = number("test_rmse")) {
        return tr("test RMSE %1").arg(localNumber(*rmse, 3));
    }
    return {};
}

const RunRecord* RunPage::shownRun() const
{
    return m_run >= 0 && m_run < static_cast<int>(m_runs.size()) ? &m_runs[static_cast<std::size_t>(m_run)]
                                                                 : nullptr;
}

} // namespace neurolift

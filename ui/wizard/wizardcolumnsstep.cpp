// 4. Which columns it may learn from: the usable ones ticked, the others named
// with the reason they are left out, and a warning for a column that gives the
// answer away.

#include "wizard/wizardsteps.h"

#include "common/pagekit.h"
#include "train/trainingsettings.h"

#include "data/csvreader.h"
#include "scoring/evaluation.h"
#include "training/pipeline.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>
#include <QWizardPage>

#include <algorithm>
#include <set>

namespace neurolift::wizard {

namespace {

/// Columns whose values alone tell the yes from the no customers almost perfectly on the training rows.
std::vector<std::string> findLeaks(const Table& table, const ColumnChoice& choice)
{
    ColumnChoice all = choice;
    all.features.reset();
    const PreparedData data = prepareData(table, all, TrainingSettings{}.seed);
    const std::vector<std::string> sources = data.recipe.featureSources();
    const Index rows = data.train.rows();
    std::vector<float> labels(static_cast<std::size_t>(rows));
    for (Index j = 0; j < rows; ++j) {
        labels[static_cast<std::size_t>(j)] = data.train.y(0, j) >= 0.5f ? 1.0f : 0.0f;
    }
    std::set<std::string> leaks;
    std::vector<float> values(static_cast<std::size_t>(rows));
    for (Index f = 0; f < data.train.x.rows(); ++f) {
        const auto row = data.train.x.row(f);
        const float lo = row.minCoeff();
        const float hi = row.maxCoeff();
        if (!(hi > lo)) {
            continue;
        }
        // evaluateBinary takes scores in [0, 1]; rescaling keeps the order, so the AUC.
        for (Index j = 0; j < rows; ++j) {
            values[static_cast<std::size_t>(j)] = (row(j) - lo) / (hi - lo);
        }
        const double auc = evaluateBinary(values, labels).auc;
        if (std::max(auc, 1.0 - auc) >= GuidedWizard::kLeakAuc) {
            leaks.insert(sources[static_cast<std::size_t>(f)]);
        }
    }
    return {leaks.begin(), leaks.end()};
}

/// "region — not used: …": why a column that cannot feed the network is left out.
QString leftOut(const Column& c, const std::string& idColumn)
{
    const QString name = local(c.name);
    if (c.name == idColumn) {
        return GuidedWizard::tr("%1 \u2014 names the customer, not used").arg(name);
    }
    if (c.type == ColumnType::Identifier) {
        return GuidedWizard::tr("%1 \u2014 not used: a different value in every row, like an id").arg(name);
    }
    if (c.type == ColumnType::Text) {
        return namesAPostcode(c.name)
                   ? GuidedWizard::tr("%1 \u2014 not used: a postcode, with too many different values")
                         .arg(name)
                   : GuidedWizard::tr("%1 \u2014 not used: free text").arg(name);
    }
    return GuidedWizard::tr("%1 \u2014 not used: one value only").arg(name);
}

class ColumnsStep : public QWizardPage {
public:
    explicit ColumnsStep(GuidedWizard::State* state)
        : m_state(state)
    {
        setObjectName(QStringLiteral("columnsPage"));
        setTitle(GuidedWizard::tr("Which columns may it learn from?"));
        setSubTitle(
            GuidedWizard::tr("Ticked columns are what NeuroLift looks at. Customer numbers and free text are "
                             "left out: they say nothing about the next customer."));
        m_list = new QListWidget(this);
        m_list->setObjectName(QStringLiteral("columnList"));
        m_leak = wrappedLabel({}, this, "leakWarning");
        m_leak->setStyleSheet(QStringLiteral("color: #b45309;"));
        m_leak->hide();
        m_status = wrappedLabel({}, this, "columnsStatus");
        m_empty = wrappedLabel(GuidedWizard::tr("<b>No column is ticked</b>, so there is nothing to learn "
                                                "from and Next is off. Tick at least one column."),
                               this, "noColumnsHint");
        m_empty->setStyleSheet(QStringLiteral("color: #b45309;"));
        m_empty->hide();
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(m_leak);
        layout->addWidget(m_list, 1);
        layout->addWidget(m_empty);
        layout->addWidget(m_status);
        connect(m_list, &QListWidget::itemChanged, this, [this] { selectionChanged(); });
    }

    void initializePage() override
    {
        m_list->clear();
        m_leak->hide();
        m_empty->hide();
        m_checked = false;
        m_status->setText(GuidedWizard::tr("Checking whether a column gives the answer away\u2026"));
        const auto table = m_state->table;
        const ColumnChoice choice = m_state->choice;
        FeatureSelection selection;
        ColumnChoice defaults = choice;
        defaults.features.reset();
        try {
            selection = selectFeatures(*table, defaults);
        } catch (const std::invalid_argument& e) {
            m_status->setText(local(e.what()).toHtmlEscaped());
            return;
        }
        const std::set<std::string> usable(selection.features.begin(), selection.features.end());
        const std::set<std::string> chosen =
            choice.features ? std::set<std::string>(choice.features->begin(), choice.features->end())
                            : usable;
        {
            const QSignalBlocker block(m_list);
            for (const Column& c : table->columns()) {
                if (c.name == choice.target) {
                    continue;
                }
                auto* item = new QListWidgetItem(local(c.name), m_list);
                if (usable.count(c.name)) {
                    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
                    item->setCheckState(chosen.count(c.name) ? Qt::Checked : Qt::Unchecked);
                } else {
                    item->setFlags(Qt::NoItemFlags);
                    item->setText(leftOut(c, selection.idColumn));
                }
                item->setData(Qt::UserRole, local(c.name));
            }
        }
        const std::uint64_t generation = ++m_generation;
        const bool firstVisit = !choice.features.has_value();
        runJob<std::vector<std::string>>(
            this, [table, choice](const JobProgress&) { return findLeaks(*table, choice); },
            [this, generation, firstVisit](
                QFutureWatcher<void>*, std::optional<std::vector<std::string>> leaks, const QString& error) {
                if (generation != m_generation) {
                    return;
                }
                m_checked = true;
                m_status->setText(error.isEmpty() ? QString() : error.toHtmlEscaped());
                m_state->leaks = leaks.value_or(std::vector<std::string>{});
                showLeaks(firstVisit);
                selectionChanged();
            });
    }

    void cleanupPage() override { ++m_generation; }

    bool isComplete() const override { return m_checked && !features().empty(); }

    bool validatePage() override
    {
        m_state->choice.features = features();
        return true;
    }

private:
    std::vector<std::string> features() const
    {
        std::vector<std::string> out;
        for (int i = 0; i < m_list->count(); ++i) {
            const QListWidgetItem* item = m_list->item(i);
            if (item->flags().testFlag(Qt::ItemIsUserCheckable) && item->checkState() == Qt::Checked) {
                out.push_back(item->data(Qt::UserRole).toString().toStdString());
            }
        }
        return out;
    }

    /// Says why Next is off when nothing is ticked (once the check for leaks is done).
    void selectionChanged()
    {
        m_empty->setVisible(m_checked && features().empty());
        emit completeChanged();
    }

    void showLeaks(bool untick)
    {
        if (m_state->leaks.empty()) {
            m_leak->hide();
            return;
        }
        const QSignalBlocker block(m_list);
        QStringList names;
        for (const std::string& name : m_state->leaks) {
            names << QStringLiteral("\u201c%1\u201d").arg(local(name));
            for (int i = 0; i < m_list->count(); ++i) {
                QListWidgetItem* item = m_list->item(i);
                if (item->data(Qt::UserRole).toString() == local(name) && untick) {
                    item->setCheckState(Qt::Unchecked);
                    item->setText(GuidedWizard::tr("%1 \u2014 gives the answer away").arg(local(name)));
                }
            }
        }
        m_leak->setText(
            GuidedWizard::tr("<b>Watch out:</b> %1 on its own tells almost perfectly who said yes. "
                             "Such a column is usually filled in <i>after</i> the customer decided, so "
                             "it will not be known for new customers. It is left out; tick it only if "
                             "you know it before the customer decides.")
                .arg(names.join(QStringLiteral(", "))));
        m_leak->show();
    }

    GuidedWizard::State* m_state;
    QListWidget* m_list;
    QLabel* m_leak;
    QLabel* m_status;
    QLabel* m_empty;
    bool m_checked = false;
    std::uint64_t m_generation = 0;
};

} // namespace

QWizardPage* makeColumnsStep(GuidedWizard::State* state)
{
    return new ColumnsStep(state);
}

} // namespace neurolift::wizard

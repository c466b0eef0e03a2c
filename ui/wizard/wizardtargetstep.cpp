// 3. What to predict: every column of the table, the ones that cannot be
// predicted as yes or no greyed out with the reason beside them.

#include "wizard/wizardsteps.h"

#include "common/pagekit.h"

#include "data/csvreader.h"
#include "data/target.h"
#include "training/pipeline.h"

#include <QComboBox>
#include <QLabel>
#include <QStandardItemModel>
#include <QVBoxLayout>
#include <QWizardPage>

#include <algorithm>
#include <cmath>

namespace neurolift::wizard {

namespace {

/// Answers a column may have for the wizard to offer it: "bought", "browsing", "left", … — one of
/// them is the answer looked for, all the others count as no.
constexpr std::size_t kMostAnswers = 30;

/// The values that occur in a categorical column, in order of first appearance.
std::vector<std::string> presentLevels(const Column& c)
{
    std::vector<bool> seen(c.levels.size(), false);
    for (const std::int32_t code : c.codes) {
        if (code >= 0) {
            seen[static_cast<std::size_t>(code)] = true;
        }
    }
    std::vector<std::string> present;
    for (std::size_t i = 0; i < c.levels.size(); ++i) {
        if (seen[i]) {
            present.push_back(c.levels[i]);
        }
    }
    return present;
}

/// How many different values a numeric column holds.
std::size_t distinctNumbers(const Column& c)
{
    std::vector<double> values;
    values.reserve(c.values.size());
    for (const double v : c.values) {
        if (!std::isnan(v)) {
            values.push_back(v);
        }
    }
    std::sort(values.begin(), values.end());
    return static_cast<std::size_t>(std::unique(values.begin(), values.end()) - values.begin());
}

/// Why `c` cannot be what the wizard predicts, in words; empty when it can: a yes/no
/// column, one with two values, or one with a few values of which the user picks the
/// one that counts as yes.
QString whyNotATarget(const Column& c)
{
    switch (c.type) {
    case ColumnType::Boolean:
        return hasOneValue(c) ? GuidedWizard::tr("one value only") : QString();
    case ColumnType::Categorical: {
        const std::size_t n = presentLevels(c).size();
        if (n < 2) {
            return GuidedWizard::tr("one value only");
        }
        return n <= kMostAnswers ? QString()
                                 : GuidedWizard::tr("%1 different answers, too many to pick the one you "
                                                    "look for (at most %2)")
                                       .arg(localCount(n))
                                       .arg(kMostAnswers);
    }
    case ColumnType::Identifier:
        return GuidedWizard::tr("an id: it names each customer");
    case ColumnType::Text:
        return namesAPostcode(c.name) ? GuidedWizard::tr("a postcode: it says where, not what happened")
                                      : GuidedWizard::tr("free text");
    case ColumnType::Numeric:
        if (hasOneValue(c)) {
            return GuidedWizard::tr("one value only");
        }
        return GuidedWizard::tr("a number with %1 different values; to predict a number, use the Data page")
            .arg(localCount(distinctNumbers(c)));
    case ColumnType::Date:
        return GuidedWizard::tr("a date");
    }
    return {};
}

/// The answers of a yes/no column, the one that reads as "yes" first when the core can tell.
QStringList answersOf(const Table& table, const Column& c)
{
    QStringList values;
    if (c.type == ColumnType::Boolean) {
        values = c.levels.size() == 2 ? QStringList{local(c.levels[1]), local(c.levels[0])}
                                      : QStringList{QStringLiteral("1"), QStringLiteral("0")};
    } else {
        for (const std::string& level : presentLevels(c)) {
            values << local(level);
        }
    }
    try {
        const TargetSpec spec = chooseTarget(table, c.name);
        if (spec.classes.size() == 2) {
            const QString yes = local(spec.classes[1]);
            if (values.contains(yes)) {
                values.removeAll(yes);
                values.prepend(yes);
            }
        }
    } catch (const std::invalid_argument&) {
    }
    return values;
}

class TargetStep : public QWizardPage {
public:
    explicit TargetStep(GuidedWizard::State* state)
        : m_state(state)
    {
        setObjectName(QStringLiteral("targetPage"));
        setTitle(GuidedWizard::tr("What do you want to predict?"));
        setSubTitle(
            GuidedWizard::tr("Pick the column that records what the customer did, and the answer you hope "
                             "for."));
        m_target = new QComboBox(this);
        m_target->setObjectName(QStringLiteral("targetCombo"));
        // Long reasons stay in the list; the box itself shows the chosen column's name.
        m_target->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        m_target->setMinimumContentsLength(24);
        m_positive = new QComboBox(this);
        m_positive->setObjectName(QStringLiteral("positiveCombo"));
        m_sentence = wrappedLabel({}, this, "sentence");
        m_sentence->setFont(scaledFont(font(), 1.3));
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(new QLabel(GuidedWizard::tr("The column with the answer:"), this));
        layout->addWidget(m_target);
        layout->addWidget(
            wrappedLabel(GuidedWizard::tr("Every column is listed; those that cannot be predicted as yes or "
                                          "no are greyed out, with the reason beside them."),
                         this, "targetHint"));
        layout->addWidget(new QLabel(GuidedWizard::tr("The answer you are looking for:"), this));
        layout->addWidget(m_positive);
        layout->addSpacing(16);
        layout->addWidget(m_sentence);
        layout->addStretch();
        connect(m_target, &QComboBox::currentIndexChanged, this, [this] { fillAnswers(); });
        connect(m_positive, &QComboBox::currentIndexChanged, this, [this] { updateSentence(); });
    }

    void initializePage() override
    {
        const Table& t = *m_state->table;
        const QSignalBlocker block(m_target);
        m_target->clear();
        auto* items = qobject_cast<QStandardItemModel*>(m_target->model());
        int last = -1;
        for (const Column& c : t.columns()) {
            const QString why = whyNotATarget(c);
            if (why.isEmpty()) {
                m_target->addItem(local(c.name), local(c.name));
                last = m_target->count() - 1;
            } else {
                const QString text =
                    GuidedWizard::tr("%1 \u2014 cannot be predicted: %2").arg(local(c.name), why);
                m_target->addItem(text, QVariant());
                QStandardItem* item = items->item(m_target->count() - 1);
                item->setEnabled(false);
                item->setToolTip(text); // the whole reason, where the list is too narrow for it
            }
        }
        // The stored choice, else the last yes/no column (outcomes tend to come last).
        const int index = m_target->findData(local(m_state->choice.target));
        m_target->setCurrentIndex(index >= 0 ? index : last);
        fillAnswers();
        if (m_state->choice.positive) {
            const int p = m_positive->findText(local(*m_state->choice.positive));
            if (p >= 0) {
                m_positive->setCurrentIndex(p);
            }
        }
        updateSentence();
    }

    bool isComplete() const override { return !target().isEmpty() && m_positive->currentIndex() >= 0; }

    bool validatePage() override
    {
        const std::string column = target().toStdString();
        const std::string positive = m_positive->currentText().toStdString();
        if (m_state->choice.target != column || m_state->choice.positive != positive) {
            m_state->choice.target = column;
            m_state->choice.positive = positive;
            m_state->choice.features.reset();
        }
        return true;
    }

private:
    /// The chosen column's name; empty when none can be chosen.
    QString target() const { return m_target->currentData().toString(); }

    void fillAnswers()
    {
        const QSignalBlocker block(m_positive);
        m_positive->clear();
        if (const Column* c = m_state->table->column(target().toStdString())) {
            m_positive->addItems(answersOf(*m_state->table, *c));
        }
        updateSentence();
    }

    void updateSentence()
    {
        if (target().isEmpty()) {
            m_sentence->setText(
                GuidedWizard::tr("This table has no column with an answer to predict: it needs "
                                 "a column with between 2 and %1 different answers.")
                    .arg(kMostAnswers));
            emit completeChanged();
            return;
        }
        QString text = predictionSentence(target(), m_positive->currentText());
        // With more than two answers the others are all "no"; say so, naming a few.
        QStringList others;
        for (int i = 0; i < m_positive->count(); ++i) {
            if (i != m_positive->currentIndex()) {
                others << QStringLiteral("“%1”").arg(m_positive->itemText(i).toHtmlEscaped());
            }
        }
        if (others.size() > 1) {
            constexpr int kNamed = 4;
            const QString named =
                others.size() > kNamed
                    ? GuidedWizard::tr("%1 and %n more", nullptr, int(others.size()) - kNamed)
                          .arg(others.mid(0, kNamed).join(QStringLiteral(", ")))
                    : others.join(QStringLiteral(", "));
            text +=
                QStringLiteral("<br>") + GuidedWizard::tr("Every other answer (%1) counts as no.").arg(named);
        }
        m_sentence->setText(text);
        emit completeChanged();
    }

    GuidedWizard::State* m_state;
    QComboBox* m_target;
    QComboBox* m_positive;
    QLabel* m_sentence;
};

} // namespace

QWizardPage* makeTargetStep(GuidedWizard::State* state)
{
    return new TargetStep(state);
}

} // namespace neurolift::wizard

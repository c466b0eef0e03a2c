#include "wizard/wizardsteps.h"

#include "common/pagekit.h"
#include "data/csvimportjob.h"
#include "data/importdialog.h"
#include "train/trainingsettings.h"

#include "data/demo.h"
#include "data/encoding.h"
#include "data/target.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWizardPage>

#include <algorithm>
#include <set>

namespace neurolift::wizard {

QString local(const std::string& s)
{
    return QString::fromStdString(s);
}

QLabel* wrappedLabel(const QString& text, QWidget* parent, const char* objectName)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    if (objectName) {
        label->setObjectName(QLatin1String(objectName));
    }
    return label;
}

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

/// A column whose answer can be predicted as yes or no: a yes/no column, one with two values,
/// or one with a few values of which the user picks the one that counts as yes.
bool isOutcome(const Column& c)
{
    if (c.type == ColumnType::Boolean) {
        return true;
    }
    if (c.type != ColumnType::Categorical) {
        return false;
    }
    const std::size_t n = presentLevels(c).size();
    return n >= 2 && n <= kMostAnswers;
}

/// The two answers of a yes/no column, the one that reads as "yes" first when the core can tell.
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

QString delimiterName(char d)
{
    switch (d) {
    case ',':
        return GuidedWizard::tr("commas");
    case ';':
        return GuidedWizard::tr("semicolons");
    case '\t':
        return GuidedWizard::tr("tabs");
    case '|':
        return GuidedWizard::tr("vertical bars");
    default:
        return QString(QLatin1Char(d));
    }
}

// 1. Welcome ------------------------------------------------------------------

class WelcomeStep : public QWizardPage {
public:
    explicit WelcomeStep(GuidedWizard::State* state)
        : m_state(state)
    {
        setObjectName(QStringLiteral("welcomePage"));
        setTitle(GuidedWizard::tr("Find the customers most likely to say yes"));
        setSubTitle(
            GuidedWizard::tr("In a few steps NeuroLift learns from your past customers who said yes, scores "
                             "every customer and gives you a list to contact, best first."));
        m_demo = new QRadioButton(GuidedWizard::tr("Try it with the “Car buyers” example: website visitors "
                                                   "of a car dealer, and whether they bought a car"),
                                  this);
        m_demo->setObjectName(QStringLiteral("demoChoice"));
        m_file = new QRadioButton(
            GuidedWizard::tr("Use my own customer file (CSV or TSV, one customer per row)"), this);
        m_file->setObjectName(QStringLiteral("fileChoice"));
        m_demo->setChecked(true);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(wrappedLabel(GuidedWizard::tr("Where do the customers come from?"), this));
        layout->addWidget(m_demo);
        layout->addWidget(m_file);
        layout->addStretch();
    }

    int nextId() const override
    {
        return m_demo->isChecked() ? GuidedWizard::TargetPage : GuidedWizard::FilePage;
    }

    bool validatePage() override
    {
        if (m_demo->isChecked()) {
            const DemoInfo& info = demoInfo(DemoKind::CarBuyers);
            if (m_state->dataName != demoName()) {
                // A few thousand generated rows: milliseconds, no need for a thread.
                m_state->table = std::make_shared<const Table>(generateDemo(DemoKind::CarBuyers));
                m_state->source = {};
                m_state->source.fileName = std::string(info.id) + ".csv";
                m_state->source.importOptions = {{"demo", std::string(info.id)}};
                m_state->source.importedAt = utcNow();
                m_state->dataName = demoName();
                m_state->choice = {};
                m_state->choice.target = std::string(info.target);
                m_state->choice.positive = std::string(info.positive);
            }
        }
        return true;
    }

    static QString demoName() { return GuidedWizard::tr("Car buyers (example)"); }

private:
    GuidedWizard::State* m_state;
    QRadioButton* m_demo;
    QRadioButton* m_file;
};

// 2. Choose file ---------------------------------------------------------------

class FileStep : public QWizardPage {
public:
    explicit FileStep(GuidedWizard::State* state)
        : m_state(state)
    {
        setObjectName(QStringLiteral("filePage"));
        setTitle(GuidedWizard::tr("Choose your customer file"));
        setSubTitle(GuidedWizard::tr("One row per customer, with a column that says whether they said yes."));
        m_path = new QLineEdit(this);
        m_path->setObjectName(QStringLiteral("pathEdit"));
        m_path->setPlaceholderText(GuidedWizard::tr("The file's path"));
        auto* browse = new QPushButton(GuidedWizard::tr("Browse\u2026"), this);
        browse->setObjectName(QStringLiteral("browseButton"));
        m_settings = new QPushButton(GuidedWizard::tr("How It Is Read\u2026"), this);
        m_settings->setObjectName(QStringLiteral("readSettingsButton"));
        m_settings->setToolTip(
            GuidedWizard::tr("Change the separator, the text encoding, the header row or a "
                             "column's type if NeuroLift guessed wrong"));
        m_settings->setEnabled(false);
        m_progress = new QProgressBar(this);
        m_progress->setRange(0, 100);
        m_progress->hide();
        m_status = wrappedLabel({}, this, "fileStatus");
        m_preview = new QTableWidget(this);
        m_preview->setObjectName(QStringLiteral("preview"));
        m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_preview->verticalHeader()->hide();
        auto* row = new QHBoxLayout;
        row->addWidget(m_path, 1);
        row->addWidget(browse);
        row->addWidget(m_settings);
        auto* layout = new QVBoxLayout(this);
        layout->addLayout(row);
        layout->addWidget(m_progress);
        layout->addWidget(m_status);
        layout->addWidget(m_preview, 1);

        m_job = new CsvImportJob(this);
        connect(browse, &QPushButton::clicked, this, [this] {
            const QString path =
                QFileDialog::getOpenFileName(this, GuidedWizard::tr("Choose your customer file"), {},
                                             GuidedWizard::tr("Customer tables (*.csv *.tsv *.txt)"));
            if (!path.isEmpty()) {
                m_path->setText(path);
            }
        });
        connect(m_path, &QLineEdit::textChanged, this, [this] {
            m_options = {}; // a new file: everything detected again
            m_chosen = false;
            read();
        });
        // The workbench's import dialog, for the same file: what it says goes for the wizard too.
        connect(m_settings, &QPushButton::clicked, this, [this] {
            auto* dialog = new ImportDialog(m_path->text().trimmed(), this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setAcceptText(GuidedWizard::tr("Use These Settings"));
            connect(dialog, &QDialog::accepted, this, [this, dialog] {
                m_options = dialog->csvOptions();
                m_chosen = true;
                read();
            });
            dialog->open();
        });
        connect(m_job, &CsvImportJob::progressChanged, this,
                [this](double f) { m_progress->setValue(static_cast<int>(f * 100)); });
        connect(m_job, &CsvImportJob::succeeded, this, &FileStep::show);
        connect(m_job, &CsvImportJob::failed, this, [this](const QString& message) {
            m_progress->hide();
            m_status->setText(GuidedWizard::tr("This file cannot be read: %1").arg(message.toHtmlEscaped()));
        });
    }

    bool isComplete() const override { return m_table != nullptr; }

    bool validatePage() override
    {
        if (m_state->table != m_table) {
            m_state->table = m_table;
            m_state->source = m_source;
            m_state->dataName = QFileInfo(m_path->text()).fileName();
            m_state->choice = {};
        }
        return true;
    }

private:
    void read()
    {
        m_table.reset();
        m_preview->clear();
        m_preview->setRowCount(0);
        m_preview->setColumnCount(0);
        emit completeChanged();
        const QString path = m_path->text().trimmed();
        if (!QFileInfo(path).isFile()) {
            m_settings->setEnabled(false);
            m_chosen = false;
            m_progress->hide();
            m_status->setText(path.isEmpty() ? QString() : GuidedWizard::tr("There is no file here yet."));
            return;
        }
        m_status->setText(
            GuidedWizard::tr("Reading %1\u2026").arg(QFileInfo(path).fileName().toHtmlEscaped()));
        m_progress->setValue(0);
        m_progress->show();
        m_reading = path;
        m_settings->setEnabled(true);
        m_job->start(path, m_options); // everything detected unless chosen in the import dialog
    }

    void show(std::shared_ptr<CsvResult> result)
    {
        m_progress->hide();
        const Table& t = result->table;
        m_source = {};
        m_source.fileName = QFileInfo(m_reading).fileName().toStdString();
        m_source.fileSize = static_cast<std::uint64_t>(QFileInfo(m_reading).size());
        m_source.importOptions = {{m_chosen ? "chosen" : "detected",
                                   {{"encoding", encodingName(result->encoding)},
                                    {"delimiter", std::string(1, result->delimiter)},
                                    {"decimal", std::string(1, result->decimal)},
                                    {"header", result->header}}}};
        m_source.importedAt = utcNow();
        QString text =
            GuidedWizard::tr("%1 customers and %2 columns. Values separated by %3, text in %4, "
                             "decimals written with a %5, %6.")
                .arg(localCount(t.rowCount()), localCount(t.columnCount()), delimiterName(result->delimiter),
                     local(std::string(encodingName(result->encoding))),
                     result->decimal == ',' ? GuidedWizard::tr("comma") : GuidedWizard::tr("point"),
                     result->header ? GuidedWizard::tr("the first row names the columns")
                                    : GuidedWizard::tr("no row of column names"));
        if (!result->warnings.empty()) {
            text +=
                QStringLiteral("<br>") + GuidedWizard::tr("Things to know: %1, e.g. line %2: %3")
                                             .arg(localCount(result->warnings.size()))
                                             .arg(result->warnings.front().line)
                                             .arg(local(result->warnings.front().message).toHtmlEscaped());
        }
        m_status->setText(text);
        const int rows = static_cast<int>(std::min<std::size_t>(t.rowCount(), 20));
        m_preview->setColumnCount(static_cast<int>(t.columnCount()));
        m_preview->setRowCount(rows);
        for (std::size_t c = 0; c < t.columnCount(); ++c) {
            m_preview->setHorizontalHeaderItem(static_cast<int>(c),
                                               new QTableWidgetItem(local(t.column(c).name)));
            for (int r = 0; r < rows; ++r) {
                m_preview->setItem(
                    r, static_cast<int>(c),
                    new QTableWidgetItem(local(t.column(c).text(static_cast<std::size_t>(r)))));
            }
        }
        m_preview->resizeColumnsToContents();
        m_table = std::make_shared<const Table>(std::move(result->table));
        emit completeChanged();
    }

    GuidedWizard::State* m_state;
    QLineEdit* m_path;
    QProgressBar* m_progress;
    QLabel* m_status;
    QTableWidget* m_preview;
    QPushButton* m_settings;
    CsvImportJob* m_job;
    QString m_reading;
    CsvOptions m_options;  ///< How to read the file: detected, or as chosen in the import dialog.
    bool m_chosen = false; ///< Whether the user chose how to read it.
    std::shared_ptr<const Table> m_table;
    DatasetSource m_source;
};

// 3. What are we predicting -----------------------------------------------------

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
        m_positive = new QComboBox(this);
        m_positive->setObjectName(QStringLiteral("positiveCombo"));
        m_sentence = wrappedLabel({}, this, "sentence");
        m_sentence->setFont(scaledFont(font(), 1.3));
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(new QLabel(GuidedWizard::tr("The column with the answer:"), this));
        layout->addWidget(m_target);
        layout->addWidget(new QLabel(GuidedWizard::tr("The answer you are looking for:"), this));
        layout->addWidget(m_positive);
        layout->addSpacing(16);
        layout->addWidget(m_sentence);
        layout->addStretch();
        connect(m_target, &QComboBox::currentIndexChanged, this, &TargetStep::fillAnswers);
        connect(m_positive, &QComboBox::currentIndexChanged, this, &TargetStep::updateSentence);
    }

    void initializePage() override
    {
        const Table& t = *m_state->table;
        const QSignalBlocker block(m_target);
        m_target->clear();
        for (const Column& c : t.columns()) {
            if (isOutcome(c)) {
                m_target->addItem(local(c.name));
            }
        }
        // The stored choice, else the last yes/no column (outcomes tend to come last).
        int index = m_target->findText(local(m_state->choice.target));
        m_target->setCurrentIndex(index >= 0 ? index : m_target->count() - 1);
        fillAnswers();
        if (m_state->choice.positive) {
            const int p = m_positive->findText(local(*m_state->choice.positive));
            if (p >= 0) {
                m_positive->setCurrentIndex(p);
            }
        }
        updateSentence();
    }

    bool isComplete() const override
    {
        return m_target->currentIndex() >= 0 && m_positive->currentIndex() >= 0;
    }

    bool validatePage() override
    {
        const std::string target = m_target->currentText().toStdString();
        const std::string positive = m_positive->currentText().toStdString();
        if (m_state->choice.target != target || m_state->choice.positive != positive) {
            m_state->choice.target = target;
            m_state->choice.positive = positive;
            m_state->choice.features.reset();
        }
        return true;
    }

private:
    void fillAnswers()
    {
        const QSignalBlocker block(m_positive);
        m_positive->clear();
        if (const Column* c = m_state->table->column(m_target->currentText().toStdString())) {
            m_positive->addItems(answersOf(*m_state->table, *c));
        }
        updateSentence();
    }

    void updateSentence()
    {
        if (m_target->count() == 0) {
            m_sentence->setText(
                GuidedWizard::tr("This table has no column with an answer to predict: it needs "
                                 "a column with between 2 and %1 different answers.")
                    .arg(kMostAnswers));
            emit completeChanged();
            return;
        }
        QString text = predictionSentence(m_target->currentText(), m_positive->currentText());
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

// 4. Which columns ---------------------------------------------------------------

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
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(m_leak);
        layout->addWidget(m_list, 1);
        layout->addWidget(m_status);
        connect(m_list, &QListWidget::itemChanged, this, [this] { emit completeChanged(); });
    }

    void initializePage() override
    {
        m_list->clear();
        m_leak->hide();
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
                item->setText(
                    c.name == selection.idColumn
                        ? GuidedWizard::tr("%1 \u2014 names the customer, not used").arg(local(c.name))
                        : GuidedWizard::tr("%1 \u2014 not used (free text, or one value only)")
                              .arg(local(c.name)));
            }
            item->setData(Qt::UserRole, local(c.name));
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
                emit completeChanged();
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

    void showLeaks(bool untick)
    {
        if (m_state->leaks.empty()) {
            m_leak->hide();
            return;
        }
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
    bool m_checked = false;
    std::uint64_t m_generation = 0;
};

} // namespace

void addDataSteps(GuidedWizard& wizard, GuidedWizard::State* state)
{
    wizard.setPage(GuidedWizard::WelcomePage, new WelcomeStep(state));
    wizard.setPage(GuidedWizard::FilePage, new FileStep(state));
    wizard.setPage(GuidedWizard::TargetPage, new TargetStep(state));
    wizard.setPage(GuidedWizard::ColumnsPage, new ColumnsStep(state));
}

} // namespace neurolift::wizard

#include "guidedwizard.h"

#include "csvimportjob.h"
#include "document.h"
#include "pagekit.h"
#include "trainingchart.h"
#include "trainingsettings.h"
#include "trainingworker.h"

#include "data/demo.h"
#include "data/encoding.h"
#include "data/target.h"
#include "nn/architecture.h"
#include "scoring/scoredexport.h"

#include <QComboBox>
#include <QDir>
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
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace neurolift {

namespace {

QString local(const std::string& s)
{
    return QString::fromStdString(s);
}

QLabel* wrappedLabel(const QString& text, QWidget* parent, const char* objectName = nullptr)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    if (objectName) {
        label->setObjectName(QLatin1String(objectName));
    }
    return label;
}

/// A column that can be answered with yes or no: a yes/no column or one with exactly two values.
bool isYesNo(const Column& c)
{
    return c.type == ColumnType::Boolean || (c.type == ColumnType::Categorical && c.levels.size() == 2);
}

/// The two answers of a yes/no column, the one that reads as "yes" first when the core can tell.
QStringList answersOf(const Table& table, const Column& c)
{
    QStringList values;
    if (c.type == ColumnType::Boolean) {
        values = c.levels.size() == 2 ? QStringList{local(c.levels[1]), local(c.levels[0])}
                                      : QStringList{QStringLiteral("1"), QStringLiteral("0")};
    } else {
        for (const std::string& level : c.levels) {
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
        m_demo = new QRadioButton(
            GuidedWizard::tr("Try it with the \u201cCar buyers\u201d example: website visitors "
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
        connect(m_path, &QLineEdit::textChanged, this, &FileStep::read);
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
            m_progress->hide();
            m_status->setText(path.isEmpty() ? QString() : GuidedWizard::tr("There is no file here yet."));
            return;
        }
        m_status->setText(
            GuidedWizard::tr("Reading %1\u2026").arg(QFileInfo(path).fileName().toHtmlEscaped()));
        m_progress->setValue(0);
        m_progress->show();
        m_reading = path;
        m_job->start(path, CsvOptions{}); // everything detected, as the import dialog starts
    }

    void show(std::shared_ptr<CsvResult> result)
    {
        m_progress->hide();
        const Table& t = result->table;
        m_source = {};
        m_source.fileName = QFileInfo(m_reading).fileName().toStdString();
        m_source.fileSize = static_cast<std::uint64_t>(QFileInfo(m_reading).size());
        m_source.importOptions = {{"detected",
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
    CsvImportJob* m_job;
    QString m_reading;
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
            if (isYesNo(c)) {
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
        m_sentence->setText(
            m_target->count() == 0
                ? GuidedWizard::tr("This table has no column with a yes-or-no answer to predict.")
                : predictionSentence(m_target->currentText(), m_positive->currentText()));
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

// 5. Model ---------------------------------------------------------------------

/// The network `neurolift-cli train` uses when not told otherwise (two hidden layers, 64 and 32).
Architecture automaticArchitecture()
{
    return makeTemplate(ArchitectureTemplate::Medium, TaskSpec{});
}

class ModelStep : public QWizardPage {
public:
    explicit ModelStep(GuidedWizard::State* state)
        : m_state(state)
    {
        setObjectName(QStringLiteral("modelPage"));
        setTitle(GuidedWizard::tr("How should it learn?"));
        setSubTitle(GuidedWizard::tr("Let NeuroLift choose, or build the network yourself."));
        m_automatic = new QRadioButton(GuidedWizard::tr("Automatic (recommended)"), this);
        m_automatic->setObjectName(QStringLiteral("automaticChoice"));
        m_builder =
            new QRadioButton(GuidedWizard::tr("Let me design the network myself in the layer builder"), this);
        m_builder->setObjectName(QStringLiteral("builderChoice"));
        m_automatic->setChecked(true);
        std::vector<int> units;
        const Architecture a = automaticArchitecture();
        for (std::size_t i = 0; i + 1 < a.layers.size(); ++i) {
            if (a.layers[i].kind == LayerKind::Dense) {
                units.push_back(a.layers[i].units);
            }
        }
        QStringList sizes;
        for (const int u : units) {
            sizes << QString::number(u);
        }
        const TrainingSettings settings;
        auto* sentence = wrappedLabel(
            GuidedWizard::tr(
                "NeuroLift picks a neural network with hidden layers of %1 neurons, the choice that "
                "works well on customer tables of a few thousand rows. It learns for at most %2 rounds "
                "and stops by itself once it stops getting better on customers it does not learn from.")
                .arg(sizes.join(GuidedWizard::tr(" and ")))
                .arg(settings.epochs),
            this, "modelSentence");
        sentence->setIndent(24);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(m_automatic);
        layout->addWidget(sentence);
        layout->addSpacing(12);
        layout->addWidget(m_builder);
        auto* builderText =
            wrappedLabel(GuidedWizard::tr("The wizard ends here and opens your project on the "
                                          "Model page, where you add and arrange the layers."),
                         this);
        builderText->setIndent(24);
        layout->addWidget(builderText);
        layout->addStretch();
        connect(m_builder, &QRadioButton::toggled, this, [this] {
            setFinalPage(m_builder->isChecked());
            emit completeChanged();
        });
    }

    int nextId() const override { return m_builder->isChecked() ? -1 : GuidedWizard::TrainingPage; }

    bool validatePage() override
    {
        m_state->openBuilder = m_builder->isChecked();
        return true;
    }

private:
    GuidedWizard::State* m_state;
    QRadioButton* m_automatic;
    QRadioButton* m_builder;
};

// 6. Training --------------------------------------------------------------------

class TrainingStep : public QWizardPage {
public:
    explicit TrainingStep(GuidedWizard::State* state)
        : m_state(state)
    {
        setObjectName(QStringLiteral("trainingPage"));
        setTitle(GuidedWizard::tr("Learning from your customers"));
        setSubTitle(
            GuidedWizard::tr("The lines show how wrong it still is: lower is better. It learns from most "
                             "customers and checks itself on the others."));
        m_progress = wrappedLabel({}, this, "progressText");
        m_progress->setFont(scaledFont(font(), 1.15));
        m_chart = new TrainingChart(this);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(m_progress);
        layout->addWidget(m_chart, 1);
    }

    void initializePage() override
    {
        m_session.reset();
        m_state->run.reset();
        m_done = false;
        emit completeChanged();
        m_progress->setText(GuidedWizard::tr("Getting the customers ready\u2026"));
        const auto table = m_state->table;
        const ColumnChoice choice = m_state->choice;
        const std::uint64_t generation = ++m_generation;
        runJob<std::shared_ptr<const PreparedData>>(
            this,
            [table, choice](const JobProgress&) {
                return std::make_shared<const PreparedData>(
                    prepareData(*table, choice, TrainingSettings{}.seed));
            },
            [this, generation](QFutureWatcher<void>*,
                               std::optional<std::shared_ptr<const PreparedData>> prepared,
                               const QString& error) {
                if (generation != m_generation) {
                    return;
                }
                if (!prepared) {
                    m_progress->setText(GuidedWizard::tr("It cannot learn from these columns: %1")
                                            .arg(error.toHtmlEscaped()));
                    return;
                }
                start(*prepared);
            });
    }

    void cleanupPage() override
    {
        ++m_generation;
        m_session.reset(); // stops a run in progress and waits for its thread
    }

    bool isComplete() const override { return m_done; }

private:
    void start(std::shared_ptr<const PreparedData> prepared)
    {
        TrainingJob job;
        job.data = prepared;
        job.tableRows = m_state->table->rowCount();
        job.architecture = automaticArchitecture();
        job.architecture.name = GuidedWizard::tr("Automatic").toStdString();
        job.settings = TrainingSettings{};
        job.runName = GuidedWizard::tr("Guided run").toStdString();
        job.source = m_state->source.fileName;
        m_chart->reset(prepared->task().kind, local(job.runName));
        m_session = std::make_unique<TrainingSession>(job);
        connect(m_session.get(), &TrainingSession::batchFinished, this,
                [this](int epoch, int batch, int perEpoch, double loss) {
                    m_chart->addBatchLoss(epoch - 1 + double(batch) / std::max(perEpoch, 1), loss);
                });
        connect(m_session.get(), &TrainingSession::epochFinished, this, [this](const EpochProgress& p) {
            m_chart->addEpoch(p.epoch);
            m_chart->setBestEpoch(p.bestEpoch);
            m_progress->setText(
                GuidedWizard::tr("Learning\u2026 round %1 of at most %2; it stops by itself when it "
                                 "stops improving.")
                    .arg(p.epoch.epoch)
                    .arg(p.totalEpochs));
        });
        connect(m_session.get(), &TrainingSession::finished, this, [this](const RunRecord& run) {
            m_state->run = run;
            m_done = true;
            m_progress->setText(
                GuidedWizard::tr(
                    "Done after %1 rounds: it learned what it could and kept the best round (%2). "
                    "Click Next to see how good it is.")
                    .arg(run.history.size())
                    .arg(run.bestEpoch));
            emit completeChanged();
        });
        connect(m_session.get(), &TrainingSession::failed, this, [this](const QString& message) {
            m_progress->setText(GuidedWizard::tr("Learning stopped: %1").arg(message.toHtmlEscaped()));
        });
        m_progress->setText(GuidedWizard::tr("Learning\u2026"));
        m_session->start();
    }

    GuidedWizard::State* m_state;
    QLabel* m_progress;
    TrainingChart* m_chart;
    std::unique_ptr<TrainingSession> m_session;
    bool m_done = false;
    std::uint64_t m_generation = 0;
};

// 7. Results ---------------------------------------------------------------------

struct Scored {
    std::vector<float> all;
    BinaryEvaluation evaluation;
    std::vector<SegmentStats> segments;
};

Scored scoreRun(const Table& table, const RunRecord& run)
{
    Scored s;
    s.all = scoreTable(table, run.model);
    const TargetValues target = targetValues(table, run.model.target);
    std::vector<float> test, labels;
    for (const std::int64_t row : splitFromAssignment(run.split).test) {
        test.push_back(s.all[static_cast<std::size_t>(row)]);
        labels.push_back(target.values[static_cast<std::size_t>(row)] >= 0.5f ? 1.0f : 0.0f);
    }
    s.evaluation = evaluateBinary(test, labels);
    s.segments =
        summariseSegments(SegmentDefinition::parseBands(GuidedWizard::kDefaultBands), s.all, test, labels);
    return s;
}

class ResultsStep : public QWizardPage {
public:
    explicit ResultsStep(GuidedWizard::State* state)
        : m_state(state)
    {
        setObjectName(QStringLiteral("resultsPage"));
        setTitle(GuidedWizard::tr("How good is it?"));
        setSubTitle(GuidedWizard::tr("Measured on customers it never saw while learning."));
        m_sentence = wrappedLabel({}, this, "resultsSentence");
        m_sentence->setFont(scaledFont(font(), 1.3));
        m_details = wrappedLabel({}, this, "resultsDetails");
        m_plot = new QCustomPlot(this);
        m_plot->setObjectName(QStringLiteral("liftChart"));
        m_plot->setMinimumHeight(220);
        stylePlot(m_plot, font());
        m_plot->xAxis->setLabel(GuidedWizard::tr("Customers by score, in tenths (1 = the highest scores)"));
        m_plot->yAxis->setLabel(GuidedWizard::tr("Times more likely than average"));
        auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
        ticker->setTickStep(1.0);
        m_plot->xAxis->setTicker(ticker);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(m_sentence);
        layout->addWidget(m_details);
        layout->addWidget(m_plot, 1);
    }

    void initializePage() override
    {
        m_ready = false;
        emit completeChanged();
        m_sentence->setText(GuidedWizard::tr("Scoring every customer\u2026"));
        m_details->clear();
        const auto table = m_state->table;
        const RunRecord run = *m_state->run;
        const std::uint64_t generation = ++m_generation;
        runJob<Scored>(
            this, [table, run](const JobProgress&) { return scoreRun(*table, run); },
            [this, generation](QFutureWatcher<void>*, std::optional<Scored> scored, const QString& error) {
                if (generation != m_generation) {
                    return;
                }
                if (!scored) {
                    m_sentence->setText(
                        GuidedWizard::tr("The customers cannot be scored: %1").arg(error.toHtmlEscaped()));
                    return;
                }
                m_state->scores = std::move(scored->all);
                m_state->evaluation = scored->evaluation;
                m_state->segmentSummary = std::move(scored->segments);
                show(*m_state->evaluation);
                m_ready = true;
                emit completeChanged();
            });
    }

    void cleanupPage() override { ++m_generation; }
    bool isComplete() const override { return m_ready; }

private:
    void show(const BinaryEvaluation& e)
    {
        const QString target = local(m_state->choice.target);
        const QString yes = local(m_state->choice.positive.value_or(""));
        const QuantileRow& top = e.deciles.front();
        m_sentence->setText(
            GuidedWizard::tr("Your top 10 % of customers are <b>%1\u00d7</b> more likely than average "
                             "to have \u201c%2\u201d = \u201c%3\u201d.")
                .arg(localNumber(top.lift, 1), target.toHtmlEscaped(), yes.toHtmlEscaped()));
        m_details->setText(
            GuidedWizard::tr(
                "Among the %1 test customers, %2 said yes (%3). Of its top tenth, %4 did; contacting "
                "the top 30 % reaches %5 of everyone who said yes. Its quality score is %6 out of 1 "
                "(0.5 would be guessing).")
                .arg(localCount(static_cast<unsigned long long>(e.rows)),
                     localCount(static_cast<unsigned long long>(e.positives)), localPercent(e.baseRate),
                     localPercent(top.responseRate),
                     localPercent(e.deciles.size() >= 3 ? e.deciles[2].cumulativeGain : 1.0),
                     localNumber(e.auc, 2)));
        m_plot->clearPlottables();
        m_plot->clearItems();
        auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setPen(Qt::NoPen);
        bars->setBrush(kPositiveColour);
        QVector<double> x, y;
        for (const QuantileRow& row : e.deciles) {
            x << row.group;
            y << row.lift;
        }
        bars->setData(x, y);
        auto* average = new QCPItemStraightLine(m_plot);
        average->point1->setCoords(0, 1);
        average->point2->setCoords(1, 1);
        average->setPen(QPen(kNeutralColour, 1, Qt::DashLine));
        m_plot->xAxis->setRange(0.4, e.deciles.size() + 0.6);
        m_plot->yAxis->setRange(0, std::max(1.2, *std::max_element(y.begin(), y.end()) * 1.1));
        m_plot->replot();
    }

    GuidedWizard::State* m_state;
    QLabel* m_sentence;
    QLabel* m_details;
    QCustomPlot* m_plot;
    bool m_ready = false;
    std::uint64_t m_generation = 0;
};

// 8. Segments and export -------------------------------------------------------------

class SegmentsStep : public QWizardPage {
public:
    explicit SegmentsStep(GuidedWizard::State* state)
        : m_state(state)
    {
        setObjectName(QStringLiteral("segmentsPage"));
        setTitle(GuidedWizard::tr("Your customers in three groups"));
        setSubTitle(GuidedWizard::tr(
            "Hot customers are the most likely to say yes: contact them first. You can change "
            "the groups later on the Segments page."));
        m_table = new QTableWidget(0, 4, this);
        m_table->setObjectName(QStringLiteral("segmentTable"));
        m_table->setHorizontalHeaderLabels({GuidedWizard::tr("Group"), GuidedWizard::tr("Customers"),
                                            GuidedWizard::tr("Share"),
                                            GuidedWizard::tr("Expected to say yes")});
        m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        m_table->verticalHeader()->hide();
        m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_path =
            new QLineEdit(QDir(QDir::homePath()).filePath(GuidedWizard::tr("scored-customers.csv")), this);
        m_path->setObjectName(QStringLiteral("exportPath"));
        auto* browse = new QPushButton(GuidedWizard::tr("Browse\u2026"), this);
        m_export = new QPushButton(GuidedWizard::tr("Export the customers"), this);
        m_export->setObjectName(QStringLiteral("exportButton"));
        m_status = wrappedLabel({}, this, "exportStatus");
        auto* row = new QHBoxLayout;
        row->addWidget(new QLabel(GuidedWizard::tr("Save as:"), this));
        row->addWidget(m_path, 1);
        row->addWidget(browse);
        row->addWidget(m_export);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(m_table, 1);
        layout->addWidget(
            wrappedLabel(GuidedWizard::tr("A spreadsheet (CSV) with every customer, their score, rank, "
                                          "tenth and group, best first:"),
                         this));
        layout->addLayout(row);
        layout->addWidget(m_status);
        connect(browse, &QPushButton::clicked, this, [this] {
            const QString path =
                QFileDialog::getSaveFileName(this, GuidedWizard::tr("Export the customers"), m_path->text(),
                                             GuidedWizard::tr("CSV files (*.csv)"));
            if (!path.isEmpty()) {
                m_path->setText(path);
            }
        });
        connect(m_export, &QPushButton::clicked, this, &SegmentsStep::exportCustomers);
    }

    void initializePage() override
    {
        m_table->setRowCount(static_cast<int>(m_state->segmentSummary.size()));
        int r = 0;
        for (const SegmentStats& s : m_state->segmentSummary) {
            m_table->setItem(r, 0, new QTableWidgetItem(local(s.name)));
            m_table->setItem(r, 1, new QTableWidgetItem(localCount(s.customers)));
            m_table->setItem(r, 2, new QTableWidgetItem(localPercent(s.share)));
            m_table->setItem(r, 3, new QTableWidgetItem(localPercent(s.meanScore)));
            ++r;
        }
        m_status->clear();
    }

    bool isComplete() const override { return !m_busy; }

private:
    void exportCustomers()
    {
        if (m_busy || !m_state->run) {
            return;
        }
        ScoredExportOptions options;
        options.path = QFileInfo(m_path->text()).absoluteFilePath().toStdString();
        options.segments = SegmentDefinition::parseBands(GuidedWizard::kDefaultBands);
        options.threads = 0;
        const auto table = m_state->table;
        const TrainedModel model = m_state->run->model;
        m_busy = true;
        m_export->setEnabled(false);
        emit completeChanged();
        m_status->setText(GuidedWizard::tr("Writing\u2026"));
        runJob<std::pair<ExportResult, ExportRecord>>(
            this,
            [table, model, options](const JobProgress& progress) {
                ExportResult result = exportScores(*table, model, options, progress);
                ExportRecord record = exportRecordFor(options, result, std::nullopt);
                return std::make_pair(std::move(result), std::move(record));
            },
            [this, options](QFutureWatcher<void>*,
                            std::optional<std::pair<ExportResult, ExportRecord>> outcome,
                            const QString& error) {
                m_busy = false;
                m_export->setEnabled(true);
                emit completeChanged();
                const QString file = QDir::toNativeSeparators(local(options.path));
                if (!outcome || outcome->first.cancelled) {
                    m_status->setText(GuidedWizard::tr("Cannot write %1: %2")
                                          .arg(file.toHtmlEscaped(), error.toHtmlEscaped()));
                    return;
                }
                m_state->exports.push_back(outcome->second);
                m_status->setText(
                    GuidedWizard::tr("%1 customers written to %2. Click Finish to keep everything "
                                     "in a project.")
                        .arg(localCount(outcome->first.rows), file.toHtmlEscaped()));
            });
    }

    GuidedWizard::State* m_state;
    QTableWidget* m_table;
    QLineEdit* m_path;
    QPushButton* m_export;
    QLabel* m_status;
    bool m_busy = false;
};

} // namespace

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
    setPage(WelcomePage, new WelcomeStep(&m_state));
    setPage(FilePage, new FileStep(&m_state));
    setPage(TargetPage, new TargetStep(&m_state));
    setPage(ColumnsPage, new ColumnsStep(&m_state));
    setPage(ModelPage, new ModelStep(&m_state));
    setPage(TrainingPage, new TrainingStep(&m_state));
    setPage(ResultsPage, new ResultsStep(&m_state));
    setPage(SegmentsPage, new SegmentsStep(&m_state));
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

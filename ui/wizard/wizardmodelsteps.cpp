#include "wizard/wizardsteps.h"

#include "common/pagekit.h"
#include "train/trainingchart.h"
#include "train/trainingsettings.h"
#include "train/trainingworker.h"

#include "data/target.h"
#include "explain/attribution.h"
#include "nn/architecture.h"
#include "scoring/scoredexport.h"
#include "training/pipeline.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWizardPage>
#include <qcustomplot.h>

#include <algorithm>

namespace neurolift::wizard {

namespace {

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
        layout->addSpacing(24);
        // Asked here, the step both ways through the wizard pass.
        m_name = new QLineEdit(this);
        m_name->setObjectName(QStringLiteral("projectName"));
        m_name->setMaxLength(120);
        auto* nameRow = new QHBoxLayout;
        auto* nameLabel = new QLabel(GuidedWizard::tr("Project name:"), this);
        nameLabel->setBuddy(m_name);
        nameRow->addWidget(nameLabel);
        nameRow->addWidget(m_name, 1);
        layout->addLayout(nameRow);
        m_nameHint = wrappedLabel({}, this, "projectNameHint");
        layout->addWidget(m_nameHint);
        layout->addStretch();
        connect(m_builder, &QRadioButton::toggled, this, [this] {
            setFinalPage(m_builder->isChecked());
            emit completeChanged();
        });
        connect(m_name, &QLineEdit::textChanged, this, [this] { updateNameHint(); });
    }

    void initializePage() override
    {
        // A name from the data, until the user writes one of their own.
        const QString suggested = QFileInfo(m_state->dataName).completeBaseName();
        if (m_name->text() == m_suggested || m_name->text().trimmed().isEmpty()) {
            m_name->setText(suggested);
        }
        m_suggested = suggested;
        updateNameHint();
    }

    int nextId() const override { return m_builder->isChecked() ? -1 : GuidedWizard::TrainingPage; }

    bool isComplete() const override { return !m_name->text().trimmed().isEmpty(); }

    bool validatePage() override
    {
        m_state->openBuilder = m_builder->isChecked();
        m_state->projectName = m_name->text().trimmed();
        return true;
    }

private:
    void updateNameHint()
    {
        m_nameHint->setText(m_name->text().trimmed().isEmpty()
                                ? GuidedWizard::tr("<b>Give the project a name</b> to go on.")
                                : GuidedWizard::tr("The project keeps your customers, what it learns "
                                                   "and the lists you export, under this name."));
        emit completeChanged();
    }

    GuidedWizard::State* m_state;
    QRadioButton* m_automatic;
    QRadioButton* m_builder;
    QLineEdit* m_name;
    QLabel* m_nameHint;
    QString m_suggested;
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
        // Every batch's own loss, as the Train page draws it: one faint point per batch.
        connect(m_session.get(), &TrainingSession::batchLosses, m_chart, &TrainingChart::addBatchLosses);
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
    for (const std::int64_t row : keptSplit(run.split, table, run.model.target).test) {
        test.push_back(s.all[static_cast<std::size_t>(row)]);
        labels.push_back(target.values[static_cast<std::size_t>(row)] >= 0.5f ? 1.0f : 0.0f);
    }
    s.evaluation = evaluateBinary(test, labels);
    s.segments = summariseSegments(GuidedWizard::defaultSegments(), s.all, test, labels);
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
        m_path = new QLineEdit(this);
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
        m_withTarget = new QCheckBox(this);
        m_withTarget->setObjectName(QStringLiteral("exportTarget"));
        m_withTarget->setChecked(true);
        m_withReasons = new QCheckBox(
            GuidedWizard::tr("Add each customer\u2019s reasons: the %1 columns that raised their score most "
                             "and the %1 that lowered it most")
                .arg(kReasons),
            this);
        m_withReasons->setObjectName(QStringLiteral("exportReasons"));
        m_withReasons->setChecked(true);
        layout->addWidget(m_withTarget);
        layout->addWidget(m_withReasons);
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
        m_withTarget->setText(
            GuidedWizard::tr("Add the answer column \u201c%1\u201d, for example to leave out customers who "
                             "already said yes")
                .arg(local(m_state->choice.target)));
        // The file named after the project, until the user chooses another.
        QString name = m_state->projectName;
        name.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|]")), QStringLiteral("-"));
        const QString suggested =
            QDir(QDir::homePath())
                .filePath(name.isEmpty() ? GuidedWizard::tr("scored-customers.csv")
                                         : GuidedWizard::tr("%1 - scored customers.csv").arg(name));
        if (m_path->text() == m_suggested) {
            m_path->setText(suggested);
        }
        m_suggested = suggested;
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
        options.segments = GuidedWizard::defaultSegments();
        options.threads = 0;
        options.order = ExportOrder::ByRank;
        if (m_withTarget->isChecked()) {
            options.columns.push_back(m_state->choice.target);
        }
        options.reasons = m_withReasons->isChecked() ? kReasons : 0;
        options.words = GuidedWizard::suggestedColumnWords(*m_state->table);
        const auto table = m_state->table;
        const TrainedModel model = m_state->run->model;
        const std::vector<std::uint8_t> split = m_state->run->split;
        m_busy = true;
        m_export->setEnabled(false);
        emit completeChanged();
        m_status->setText(GuidedWizard::tr("Writing\u2026"));
        runJob<std::pair<ExportResult, ExportRecord>>(
            this,
            [table, model, split, options](const JobProgress& progress) mutable {
                if (options.reasons > 0) {
                    // Reasons are measured against the average customer the model learned from.
                    const Split parts = keptSplit(split, *table, model.target);
                    options.baseline = meanBaseline(model.recipe.transform(*table, parts.train));
                }
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
                                     "in the project \u201c%3\u201d.")
                        .arg(localCount(outcome->first.rows), file.toHtmlEscaped(),
                             m_state->projectName.toHtmlEscaped()));
            });
    }

    GuidedWizard::State* m_state;
    /// Reason codes per direction in the export.
    static constexpr int kReasons = 3;

    QTableWidget* m_table;
    QLineEdit* m_path;
    QCheckBox* m_withTarget;
    QCheckBox* m_withReasons;
    QPushButton* m_export;
    QLabel* m_status;
    QString m_suggested; ///< The file name offered, kept while the user does not change it.
    bool m_busy = false;
};

} // namespace

void addModelSteps(GuidedWizard& wizard, GuidedWizard::State* state)
{
    wizard.setPage(GuidedWizard::ModelPage, new ModelStep(state));
    wizard.setPage(GuidedWizard::TrainingPage, new TrainingStep(state));
    wizard.setPage(GuidedWizard::ResultsPage, new ResultsStep(state));
    wizard.setPage(GuidedWizard::SegmentsPage, new SegmentsStep(state));
}

} // namespace neurolift::wizard

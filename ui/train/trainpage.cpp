#include "train/trainpage.h"

#include "train/trainingchart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

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

QFont scaledFont(QFont font, qreal factor, QFont::Weight weight)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setWeight(weight);
    return font;
}

/// A status id of the core ("early_stopped") in words.
QString statusText(const std::string& status)
{
    if (status == "completed") {
        return TrainPage::tr("Completed");
    }
    if (status == "early_stopped") {
        return TrainPage::tr("Stopped early");
    }
    if (status == "cancelled") {
        return TrainPage::tr("Stopped");
    }
    if (status == "diverged") {
        return TrainPage::tr("Diverged");
    }
    return QString::fromStdString(status);
}

/// "about 40 s left", "about 3 min left".
QString remainingText(double seconds)
{
    if (seconds < 5.0) {
        return TrainPage::tr("a few seconds left");
    }
    if (seconds < 90.0) {
        return TrainPage::tr("about %1 s left").arg(static_cast<int>(std::round(seconds / 5.0) * 5.0));
    }
    if (seconds < 90.0 * 60.0) {
        return TrainPage::tr("about %1 min left").arg(static_cast<int>(std::round(seconds / 60.0)));
    }
    return TrainPage::tr("about %1 h left").arg(seconds / 3600.0, 0, 'f', 1);
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

TrainPage::TrainPage(QWidget* parent)
    : QWidget(parent)
{
    qRegisterMetaType<TrainingSettings>();
    setObjectName(QStringLiteral("trainPage"));

    auto* heading = new QLabel(tr("Train and watch it learn"), this);
    heading->setObjectName(QStringLiteral("heading"));
    heading->setFont(scaledFont(font(), 1.6, QFont::Bold));

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("emptyState"));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setFont(scaledFont(font(), 1.25, QFont::Normal));
    m_emptyLabel->setMargin(40);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(createWorkspace());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addWidget(heading);
    layout->addWidget(m_stack, 1);

    writeForm();
    updateReadiness();
}

TrainPage::~TrainPage() = default;

QWidget* TrainPage::createSettingsPanel()
{
    auto* box = new QGroupBox(tr("Settings"), this);
    box->setObjectName(QStringLiteral("settings"));
    m_form = box;
    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    form->setVerticalSpacing(10);

    m_optimizer = new QComboBox(box);
    m_optimizer->setObjectName(QStringLiteral("optimizer"));
    m_optimizer->addItem(tr("Adam"), static_cast<int>(OptimizerKind::Adam));
    m_optimizer->addItem(tr("AdamW"), static_cast<int>(OptimizerKind::AdamW));
    m_optimizer->addItem(tr("SGD with momentum"), static_cast<int>(OptimizerKind::SGD));
    m_optimizer->addItem(tr("RMSprop"), static_cast<int>(OptimizerKind::RMSprop));
    m_optimizer->setToolTip(
        tr("The method that adjusts the network's weights after each batch. Adam is a good "
           "choice almost always."));

    m_learningRate = new QDoubleSpinBox(box);
    m_learningRate->setObjectName(QStringLiteral("learningRate"));
    m_learningRate->setDecimals(5);
    m_learningRate->setRange(0.00001, 1.0);
    m_learningRate->setSingleStep(0.0005);
    m_learningRate->setToolTip(
        tr("How big a step the network takes each time it learns from a batch. Smaller "
           "is slower but steadier."));

    m_batchSize = new QSpinBox(box);
    m_batchSize->setObjectName(QStringLiteral("batchSize"));
    m_batchSize->setRange(1, 65536);
    m_batchSize->setToolTip(tr("How many customers the network looks at before each step. Larger batches are "
                               "faster per epoch but learn in fewer, bigger steps."));

    m_epochs = new QSpinBox(box);
    m_epochs->setObjectName(QStringLiteral("epochs"));
    m_epochs->setRange(1, 100000);
    m_epochs->setToolTip(tr("The most passes over all training rows. Training may stop sooner when it stops "
                            "improving."));

    m_earlyStopping = new QCheckBox(tr("Stop when it stops improving"), box);
    m_earlyStopping->setObjectName(QStringLiteral("earlyStopping"));
    m_earlyStopping->setToolTip(tr("Stop once the validation loss has not improved for a while, and keep the "
                                   "weights of the best epoch. Guards against learning the training rows by "
                                   "heart."));

    m_patience = new QSpinBox(box);
    m_patience->setObjectName(QStringLiteral("patience"));
    m_patience->setRange(1, 10000);
    m_patience->setSuffix(tr(" epochs"));
    m_patience->setToolTip(tr("How many epochs without improvement to wait before stopping."));

    m_classWeighting = new QComboBox(box);
    m_classWeighting->setObjectName(QStringLiteral("classWeighting"));
    m_classWeighting->addItem(tr("Every row counts the same"), static_cast<int>(ClassWeighting::None));
    m_classWeighting->addItem(tr("Rare answers count more"), static_cast<int>(ClassWeighting::Balanced));
    m_classWeighting->setToolTip(tr("When one answer is rare (say 15 % buy), let those rows count more while "
                                    "learning, so the network does not simply ignore them."));

    m_seed = new QSpinBox(box);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setToolTip(tr("The starting point for everything random: the same seed and settings train the "
                          "same network again."));

    for (QAbstractSpinBox* spin : std::initializer_list<QAbstractSpinBox*>{m_learningRate, m_batchSize,
                                                                           m_epochs, m_patience, m_seed}) {
        spin->setKeyboardTracking(false); // one edit per finished value, not per keystroke
    }

    form->addRow(tr("Optimiser"), m_optimizer);
    form->addRow(tr("Learning rate"), m_learningRate);
    form->addRow(tr("Batch size"), m_batchSize);
    form->addRow(tr("Epochs"), m_epochs);
    form->addRow(m_earlyStopping);
    form->addRow(tr("Patience"), m_patience);
    form->addRow(tr("Class weights"), m_classWeighting);
    form->addRow(tr("Seed"), m_seed);
    box->setLayout(form);

    auto edited = [this] { readForm(); };
    connect(m_optimizer, &QComboBox::currentIndexChanged, this, edited);
    connect(m_learningRate, &QDoubleSpinBox::valueChanged, this, edited);
    connect(m_batchSize, &QSpinBox::valueChanged, this, edited);
    connect(m_epochs, &QSpinBox::valueChanged, this, edited);
    connect(m_earlyStopping, &QCheckBox::toggled, this, edited);
    connect(m_patience, &QSpinBox::valueChanged, this, edited);
    connect(m_classWeighting, &QComboBox::currentIndexChanged, this, edited);
    connect(m_seed, &QSpinBox::valueChanged, this, edited);
    return box;
}

QWidget* TrainPage::createWorkspace()
{
    auto* workspace = new QWidget(this);
    workspace->setObjectName(QStringLiteral("workspace"));

    m_start = new QPushButton(tr("Start"), workspace);
    m_start->setObjectName(QStringLiteral("start"));
    m_start->setToolTip(tr("Train a new run with these settings."));
    m_start->setDefault(true);
    m_pause = new QPushButton(tr("Pause"), workspace);
    m_pause->setObjectName(QStringLiteral("pause"));
    m_pause->setToolTip(tr("Pause after the current batch; Resume carries on exactly where it stopped."));
    m_stop = new QPushButton(tr("Stop"), workspace);
    m_stop->setObjectName(QStringLiteral("stop"));
    m_stop->setToolTip(tr("End the run now. It is kept, with the weights of its best epoch."));
    m_step = new QPushButton(tr("Step one epoch"), workspace);
    m_step->setObjectName(QStringLiteral("step"));
    m_step->setToolTip(tr("Train exactly one more pass over the training rows, then pause."));
    connect(m_start, &QPushButton::clicked, this, &TrainPage::start);
    connect(m_pause, &QPushButton::clicked, this, &TrainPage::pauseOrResume);
    connect(m_stop, &QPushButton::clicked, this, &TrainPage::stop);
    connect(m_step, &QPushButton::clicked, this, &TrainPage::stepEpoch);

    auto* buttons = new QGridLayout;
    buttons->setSpacing(6);
    buttons->addWidget(m_start, 0, 0);
    buttons->addWidget(m_pause, 0, 1);
    buttons->addWidget(m_stop, 1, 0);
    buttons->addWidget(m_step, 1, 1);

    auto* left = new QVBoxLayout;
    left->setContentsMargins(0, 0, 0, 0);
    left->addWidget(createSettingsPanel());
    left->addLayout(buttons);
    left->addSpacing(12);
    auto* help =
        new QLabel(tr("Loss is how wrong the network still is: lower is better. Training is measured "
                      "on the rows it learns from, validation on rows it never learns from. When "
                      "validation stops going down while training still does, the network has started "
                      "to learn the training rows by heart; the best epoch is the one to keep."),
                   workspace);
    help->setObjectName(QStringLiteral("help"));
    help->setWordWrap(true);
    help->setForegroundRole(QPalette::PlaceholderText);
    left->addWidget(help);
    left->addStretch();
    auto* leftPanel = new QWidget(workspace);
    leftPanel->setLayout(left);
    leftPanel->setMinimumWidth(300);
    leftPanel->setMaximumWidth(360);

    m_epochLabel = new QLabel(workspace);
    m_epochLabel->setObjectName(QStringLiteral("epochCounter"));
    m_epochLabel->setFont(scaledFont(font(), 1.3, QFont::DemiBold));
    m_etaLabel = new QLabel(workspace);
    m_etaLabel->setObjectName(QStringLiteral("eta"));
    m_etaLabel->setFont(scaledFont(font(), 1.1, QFont::Normal));
    m_etaLabel->setForegroundRole(QPalette::PlaceholderText);
    m_statusLabel = new QLabel(workspace);
    m_statusLabel->setObjectName(QStringLiteral("status"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setFont(scaledFont(font(), 1.05, QFont::Normal));
    m_statusLabel->setMinimumHeight(m_statusLabel->fontMetrics().lineSpacing() * 2);
    m_statusLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* counters = new QHBoxLayout;
    counters->addWidget(m_epochLabel);
    counters->addSpacing(16);
    counters->addWidget(m_etaLabel);
    counters->addStretch();

    m_chart = new TrainingChart(workspace);
    m_chart->setObjectName(QStringLiteral("chart"));

    m_runList = new QTreeWidget(workspace);
    m_runList->setObjectName(QStringLiteral("runList"));
    m_runList->setRootIsDecorated(false);
    m_runList->setUniformRowHeights(true);
    m_runList->setAlternatingRowColors(true);
    m_runList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_runList->setColumnCount(ColumnCount);
    m_runList->setHeaderLabels(
        {tr("Run"), tr("Status"), tr("Epochs"), tr("Best validation loss"), tr("Test AUC"), tr("Started")});
    m_runList->header()->setStretchLastSection(true);
    m_runList->setToolTip(tr("Select a run to draw its curves next to the current one (dashed)."));
    connect(m_runList, &QTreeWidget::itemSelectionChanged, this, &TrainPage::onRunSelectionChanged);

    auto* runsBox = new QWidget(workspace);
    auto* runsLayout = new QVBoxLayout(runsBox);
    runsLayout->setContentsMargins(0, 4, 0, 0);
    auto* runsTitle = new QLabel(tr("Runs — select one to compare"), runsBox);
    runsTitle->setFont(scaledFont(font(), 1.0, QFont::DemiBold));
    runsLayout->addWidget(runsTitle);
    runsLayout->addWidget(m_runList);

    auto* splitter = new QSplitter(Qt::Vertical, workspace);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_chart);
    splitter->addWidget(runsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto* right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->addLayout(counters);
    right->addWidget(m_statusLabel);
    right->addWidget(splitter, 1);

    auto* layout = new QHBoxLayout(workspace);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addWidget(leftPanel);
    layout->addLayout(right, 1);
    return workspace;
}

void TrainPage::writeForm()
{
    m_writingForm = true;
    m_optimizer->setCurrentIndex(m_optimizer->findData(static_cast<int>(m_settings.optimizer)));
    m_learningRate->setValue(m_settings.learningRate);
    m_batchSize->setValue(m_settings.batchSize);
    m_epochs->setValue(m_settings.epochs);
    m_earlyStopping->setChecked(m_settings.earlyStopping);
    m_patience->setValue(m_settings.patience);
    m_patience->setEnabled(m_settings.earlyStopping);
    m_classWeighting->setCurrentIndex(
        m_classWeighting->findData(static_cast<int>(m_settings.classWeighting)));
    m_seed->setValue(
        static_cast<int>(std::min<std::uint64_t>(m_settings.seed, std::numeric_limits<int>::max())));
    m_writingForm = false;
}

void TrainPage::readForm()
{
    if (m_writingForm) {
        return;
    }
    const TrainingSettings before = m_settings;
    TrainingSettings after = m_settings;
    after.optimizer = static_cast<OptimizerKind>(m_optimizer->currentData().toInt());
    // The spin box rounds to its decimals; keep the stored rate unless the user changed the shown value.
    if (std::abs(m_learningRate->value() - static_cast<double>(before.learningRate)) > 0.5e-5) {
        after.learningRate = static_cast<float>(m_learningRate->value());
    }
    after.batchSize = m_batchSize->value();
    after.epochs = m_epochs->value();
    after.earlyStopping = m_earlyStopping->isChecked();
    after.patience = m_patience->value();
    after.classWeighting = static_cast<ClassWeighting>(m_classWeighting->currentData().toInt());
    if (static_cast<std::uint64_t>(m_seed->value()) !=
        std::min<std::uint64_t>(before.seed, std::numeric_limits<int>::max())) {
        after.seed = static_cast<std::uint64_t>(m_seed->value());
    }
    m_patience->setEnabled(after.earlyStopping);
    if (after == before) {
        return;
    }
    m_settings = after;
    updateEpochLabel();
    emit settingsEdited(before, after);
}

void TrainPage::setSettings(const TrainingSettings& settings)
{
    m_settings = settings;
    writeForm();
    updateEpochLabel();
}

void TrainPage::setPreparedData(std::shared_ptr<const PreparedData> prepared, std::size_t tableRows)
{
    m_data = std::move(prepared);
    m_tableRows = tableRows;
    const TaskKind t = task();
    m_runList->headerItem()->setText(TestColumn, t == TaskKind::Regression            ? tr("Test RMSE")
                                                 : t == TaskKind::MultiClassification ? tr("Test accuracy")
                                                                                      : tr("Test AUC"));
    m_classWeighting->setEnabled(t != TaskKind::Regression);
    updateReadiness();
}

void TrainPage::setArchitecture(const Architecture& architecture)
{
    if (architecture.layers.empty()) {
        m_architecture.reset();
    } else {
        m_architecture = architecture;
    }
    updateReadiness();
}

void TrainPage::setSourceName(const QString& name)
{
    m_sourceName = name;
}

void TrainPage::setRuns(const std::vector<RunRecord>& runs)
{
    m_runs = runs;
    m_sessionRun = -1;
    m_runList->clear();
    for (const RunRecord& run : m_runs) {
        addRunRow(run);
    }
}

TaskKind TrainPage::task() const
{
    return m_data ? m_data->target.task : TaskKind::BinaryClassification;
}

TrainingState TrainPage::state() const
{
    return m_session ? m_session->state() : TrainingState::Idle;
}

bool TrainPage::isBusy() const
{
    const TrainingState s = state();
    return s == TrainingState::Running || s == TrainingState::Paused;
}

void TrainPage::setDataProblem(const QString& problem)
{
    m_dataProblem = problem;
    updateReadiness();
}

void TrainPage::setPreparing(bool preparing)
{
    m_preparing = preparing;
    updateReadiness();
}

QString TrainPage::notReadyReason() const
{
    if (!m_dataProblem.isEmpty()) {
        return tr("The data cannot be trained on yet:\n\n%1\n\nChange the choice on the Data page.")
            .arg(m_dataProblem);
    }
    if (m_preparing) {
        return tr("Preparing the data\u2026");
    }
    if (!m_data) {
        return tr("There is nothing to train on yet.\n\nOpen the Data page, bring in your customer table and "
                  "choose the column to predict.");
    }
    if (!m_architecture) {
        return tr(
            "There is no network to train yet.\n\nOpen the Model page and design one, or pick a ready-made "
            "template.");
    }
    return {};
}

void TrainPage::updateReadiness()
{
    const QString reason = notReadyReason();
    m_emptyLabel->setText(reason);
    m_stack->setCurrentIndex(reason.isEmpty() || isBusy() ? 1 : 0);
    if (!isBusy() && reason.isEmpty()) {
        const auto issues =
            m_architecture->validate(static_cast<int>(m_data->recipe.featureCount()), m_data->task());
        if (!issues.empty()) {
            setStatus(tr("The network does not fit this data: %1 Change it on the Model page.")
                          .arg(QString::fromStdString(issues.front().message)));
        } else if (!m_session) {
            setStatus(tr("Ready to learn from %1 customers (%2 more check it as it learns, %3 are kept aside "
                         "for the final test). Press Start.")
                          .arg(QLocale().toString(static_cast<qlonglong>(m_data->train.rows())),
                               QLocale().toString(static_cast<qlonglong>(m_data->validation.rows())),
                               QLocale().toString(static_cast<qlonglong>(m_data->test.rows()))));
        }
    }
    updateEpochLabel();
    updateButtons();
}

void TrainPage::updateButtons()
{
    const TrainingState s = state();
    bool ready = notReadyReason().isEmpty();
    if (ready) {
        ready =
            m_architecture->validate(static_cast<int>(m_data->recipe.featureCount()), m_data->task()).empty();
    }
    const bool busy = s == TrainingState::Running || s == TrainingState::Paused;
    m_start->setEnabled(ready && !busy);
    m_pause->setEnabled(busy);
    m_pause->setText(s == TrainingState::Paused ? tr("Resume") : tr("Pause"));
    m_stop->setEnabled(busy);
    m_step->setEnabled((ready && !busy) || s == TrainingState::Paused);
    m_form->setEnabled(!busy);
    if (busy != m_busy) {
        m_busy = busy;
        emit busyChanged(busy);
    }
}

void TrainPage::updateEpochLabel()
{
    const int total = m_session ? m_totalEpochs : m_settings.epochs;
    const int shown = m_session ? std::max(m_currentEpoch, m_epochsDone) : 0;
    m_epochLabel->setText(tr("Epoch %1 of %2").arg(shown).arg(total));
}

void TrainPage::updateEta()
{
    if (!m_session || state() == TrainingState::Finished || state() == TrainingState::Idle) {
        m_etaLabel->clear();
        return;
    }
    const double done = m_epochsDone + m_epochFraction;
    const double fraction = m_totalEpochs > 0 ? std::clamp(done / m_totalEpochs, 0.0, 1.0) : 0.0;
    qint64 ms = m_runningMs;
    if (state() == TrainingState::Running && m_runningClock.isValid()) {
        ms += m_runningClock.elapsed();
    }
    QString eta;
    if (state() == TrainingState::Paused) {
        eta = tr("paused");
    } else if (fraction > 0.0 && ms > 300) {
        eta = remainingText(ms / 1000.0 * (1.0 - fraction) / fraction);
        if (m_settings.earlyStopping) {
            eta = tr("%1 at most").arg(eta);
        }
    }
    m_etaLabel->setText(eta);
    emit progress(fraction, eta.isEmpty() ? tr("%1: %2").arg(m_runName, m_epochLabel->text())
                                          : tr("%1: %2, %3").arg(m_runName, m_epochLabel->text(), eta));
}

void TrainPage::setStatus(const QString& text)
{
    m_statusLabel->setText(text);
}

void TrainPage::start()
{
    startSession(false);
}

void TrainPage::stepEpoch()
{
    if (m_session && state() == TrainingState::Paused) {
        m_session->stepEpoch();
        onState(TrainingState::Running);
        return;
    }
    startSession(true);
}

void TrainPage::startSession(bool oneEpoch)
{
    if (isBusy() || !notReadyReason().isEmpty()) {
        return;
    }
    if (const QString refused = m_startCheck ? m_startCheck() : QString(); !refused.isEmpty()) {
        setStatus(refused); // before training, not after it, when the run could not be kept
        emit startRefused(refused);
        return;
    }
    TrainingJob job;
    job.data = m_data;
    job.tableRows = m_tableRows;
    job.architecture = *m_architecture;
    job.settings = m_settings;
    m_runName = tr("Run %1").arg(m_runs.size() + 1);
    job.runName = m_runName.toStdString();
    job.source = m_sourceName.toStdString();

    m_session.reset(); // a finished session's thread ends here
    m_session = std::make_unique<TrainingSession>(job);
    connect(m_session.get(), &TrainingSession::batchFinished, this, &TrainPage::onBatch);
    connect(m_session.get(), &TrainingSession::epochFinished, this, &TrainPage::onEpoch);
    connect(m_session.get(), &TrainingSession::stateChanged, this, &TrainPage::onState);
    connect(m_session.get(), &TrainingSession::finished, this, &TrainPage::onFinished);
    connect(m_session.get(), &TrainingSession::failed, this, &TrainPage::onFailed);

    m_sessionRun = -1;
    m_totalEpochs = m_settings.epochs;
    m_epochsDone = 0;
    m_currentEpoch = 0;
    m_epochFraction = 0.0;
    m_runningMs = 0;
    m_runningClock.invalidate();
    m_chart->reset(task(), m_runName);
    onRunSelectionChanged(); // keeps a selected run as the comparison
    if (oneEpoch) {
        m_session->stepEpoch();
    } else {
        m_session->start();
    }
    onState(TrainingState::Running);
}

void TrainPage::pauseOrResume()
{
    if (!m_session) {
        return;
    }
    if (state() == TrainingState::Running) {
        m_session->pause();
        setStatus(tr("Pausing after the current batch…"));
        m_pause->setEnabled(false);
    } else if (state() == TrainingState::Paused) {
        m_session->resume();
        onState(TrainingState::Running);
    }
}

void TrainPage::stop()
{
    if (m_session && isBusy()) {
        m_session->stop();
        setStatus(tr("Stopping…"));
        m_stop->setEnabled(false);
        m_pause->setEnabled(false);
    }
}

void TrainPage::onBatch(int epoch, int batch, int batchesPerEpoch, double loss)
{
    m_currentEpoch = epoch;
    m_epochFraction = batchesPerEpoch > 0 && epoch > m_epochsDone ? double(batch) / batchesPerEpoch : 0.0;
    m_chart->addBatchLoss(epoch - 1 + double(batch) / std::max(batchesPerEpoch, 1), loss);
    updateEpochLabel();
    updateEta();
}

void TrainPage::onEpoch(const EpochProgress& p)
{
    m_epochsDone = p.epoch.epoch;
    m_currentEpoch = p.epoch.epoch;
    m_epochFraction = 0.0;
    m_totalEpochs = p.totalEpochs;
    m_chart->addEpoch(p.epoch);
    m_chart->setBestEpoch(p.bestEpoch);
    if (state() == TrainingState::Running) {
        QString text;
        if (!p.epoch.validationLoss) {
            text = tr("Learning: epoch %1 done.").arg(p.epoch.epoch);
        } else if (p.improved) {
            text = tr("Learning: the validation loss went down to %1 in epoch %2.")
                       .arg(formatNumber(*p.epoch.validationLoss, 4))
                       .arg(p.epoch.epoch);
        } else {
            text = tr("Learning: epoch %1 (validation loss %2) was no better than epoch %3.")
                       .arg(p.epoch.epoch)
                       .arg(formatNumber(*p.epoch.validationLoss, 4))
                       .arg(p.bestEpoch);
        }
        setStatus(text);
    }
    updateEpochLabel();
    updateEta();
}

void TrainPage::onState(TrainingState s)
{
    if (s == TrainingState::Running) {
        if (!m_runningClock.isValid()) {
            m_runningClock.start();
        }
        if (m_epochsDone == 0) {
            setStatus(tr("Training… the first epoch is under way."));
        }
    } else if (m_runningClock.isValid()) {
        m_runningMs += m_runningClock.elapsed();
        m_runningClock.invalidate();
    }
    if (s == TrainingState::Paused) {
        setStatus(
            m_currentEpoch > m_epochsDone
                ? tr("Paused in epoch %1. Press Resume to carry on exactly where it stopped.")
                      .arg(m_currentEpoch)
                : tr("Paused after epoch %1. Press Resume to carry on exactly where it stopped, or Step "
                     "one epoch.")
                      .arg(m_epochsDone));
    }
    updateButtons();
    updateEta();
}

void TrainPage::onFinished(const RunRecord& run)
{
    m_runs.push_back(run);
    m_sessionRun = static_cast<int>(m_runs.size()) - 1;
    addRunRow(run);
    QString text = outcomeText(run);
    const TaskKind t = task();
    const char* key = t == TaskKind::Regression            ? "test_rmse"
                      : t == TaskKind::MultiClassification ? "test_accuracy"
                                                           : "test_auc";
    if (run.metrics.contains(key)) {
        const double v = run.metrics.at(key).get<double>();
        QString test;
        if (t == TaskKind::Regression) {
            test = tr("On the held-out test rows: RMSE %1.").arg(formatNumber(v, 4));
        } else if (t == TaskKind::MultiClassification) {
            test = tr("On the held-out test rows: %1 % right.").arg(formatNumber(v * 100.0, 1));
        } else {
            test = tr("On the held-out test rows: AUC %1.").arg(formatNumber(v, 3));
        }
        text += QLatin1Char(' ') + test;
    }
    setStatus(text);
    m_chart->setBestEpoch(run.bestEpoch);
    emit progress(1.0, tr("%1 finished").arg(m_runName));
    emit runFinished(run);
}

void TrainPage::onFailed(const QString& message)
{
    setStatus(tr("Training could not go on: %1").arg(message));
    emit progress(1.0, tr("%1 failed").arg(m_runName));
}

void TrainPage::addRunRow(const RunRecord& run)
{
    auto* item = new QTreeWidgetItem(m_runList);
    item->setText(NameColumn, QString::fromStdString(run.name));
    item->setText(StatusColumn, statusText(run.status));
    item->setToolTip(StatusColumn, outcomeText(run));
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
    const QDateTime started = QDateTime::fromString(QString::fromStdString(run.startedAt), Qt::ISODate);
    item->setText(StartedColumn, started.isValid()
                                     ? QLocale().toString(started.toLocalTime(), QLocale::ShortFormat)
                                     : QString::fromStdString(run.startedAt));
    item->setData(NameColumn, Qt::UserRole, m_runList->topLevelItemCount() - 1);
    for (int c = 0; c < ColumnCount - 1; ++c) {
        m_runList->resizeColumnToContents(c);
    }
}

void TrainPage::onRunSelectionChanged()
{
    std::vector<int> selected;
    for (QTreeWidgetItem* item : m_runList->selectedItems()) {
        selected.push_back(item->data(NameColumn, Qt::UserRole).toInt());
    }
    std::sort(selected.begin(), selected.end());
    if (m_session) {
        // The current run stays; a selected other run is drawn next to it.
        selected.erase(std::remove(selected.begin(), selected.end(), m_sessionRun), selected.end());
        if (selected.empty()) {
            m_chart->clearOverlay();
        } else {
            const RunRecord& other = m_runs.at(static_cast<std::size_t>(selected.back()));
            m_chart->setOverlay(QString::fromStdString(other.name), other.history);
        }
        return;
    }
    if (selected.empty()) {
        return;
    }
    const RunRecord& main = m_runs.at(static_cast<std::size_t>(selected.front()));
    m_chart->showRun(task(), QString::fromStdString(main.name), main.history, main.bestEpoch);
    if (selected.size() > 1) {
        const RunRecord& other = m_runs.at(static_cast<std::size_t>(selected.back()));
        m_chart->setOverlay(QString::fromStdString(other.name), other.history);
    } else {
        m_chart->clearOverlay();
    }
}

} // namespace neurolift

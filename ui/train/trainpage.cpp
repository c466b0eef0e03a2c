#include "train/trainpage.h"

#include "train/runlist.h"
#include "train/trainingchart.h"
#include "train/trainingsettingsform.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace neurolift {

namespace {

QFont scaledFont(QFont font, qreal factor, QFont::Weight weight)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setWeight(weight);
    return font;
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

    updateReadiness();
}

TrainPage::~TrainPage() = default;

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
    m_form = new TrainingSettingsForm(workspace);
    connect(m_form, &TrainingSettingsForm::edited, this,
            [this](const TrainingSettings& before, const TrainingSettings& after) {
                updateEpochLabel();
                emit settingsEdited(before, after);
            });
    left->addWidget(m_form);
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

    m_runList = new RunList(workspace);
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

TrainingSettings TrainPage::settings() const
{
    return m_form->settings();
}

void TrainPage::setSettings(const TrainingSettings& settings)
{
    m_form->setSettings(settings);
    updateEpochLabel();
}

void TrainPage::setPreparedData(std::shared_ptr<const PreparedData> prepared, std::size_t tableRows)
{
    m_data = std::move(prepared);
    m_tableRows = tableRows;
    const TaskKind t = task();
    m_runList->setTask(t);
    m_form->setTask(t);
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
    m_runList->setRuns(m_runs);
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
    const int total = m_session ? m_totalEpochs : settings().epochs;
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
        if (settings().earlyStopping) {
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
    job.settings = settings();
    m_runName = tr("Run %1").arg(m_runs.size() + 1);
    job.runName = m_runName.toStdString();
    job.source = m_sourceName.toStdString();

    m_session.reset(); // a finished session's thread ends here
    m_session = std::make_unique<TrainingSession>(job);
    connect(m_session.get(), &TrainingSession::batchFinished, this, &TrainPage::onBatch);
    connect(m_session.get(), &TrainingSession::batchLosses, m_chart, &TrainingChart::addBatchLosses);
    connect(m_session.get(), &TrainingSession::epochFinished, this, &TrainPage::onEpoch);
    connect(m_session.get(), &TrainingSession::stateChanged, this, &TrainPage::onState);
    connect(m_session.get(), &TrainingSession::finished, this, &TrainPage::onFinished);
    connect(m_session.get(), &TrainingSession::failed, this, &TrainPage::onFailed);

    m_sessionRun = -1;
    m_totalEpochs = settings().epochs;
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

void TrainPage::onBatch(int epoch, int batch, int batchesPerEpoch)
{
    m_currentEpoch = epoch;
    m_epochFraction = batchesPerEpoch > 0 && epoch > m_epochsDone ? double(batch) / batchesPerEpoch : 0.0;
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
    m_runList->addRun(run);
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

void TrainPage::onRunSelectionChanged()
{
    std::vector<int> selected = m_runList->selectedRuns();
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

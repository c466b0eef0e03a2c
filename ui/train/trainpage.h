#pragma once

#include "train/trainingsettings.h"
#include "train/trainingworker.h"

#include "nn/architecture.h"
#include "project/project.h"
#include "training/pipeline.h"

#include <QElapsedTimer>
#include <QString>
#include <QWidget>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace neurolift {

class RunList;
class TrainingChart;
class TrainingSettingsForm;

/// The Train step: training settings, Start / Pause / Stop / Step, live charts
/// and the list of runs to compare. Trains on a worker thread (TrainingSession),
/// so the window stays responsive. The page holds no project: the owner gives it
/// the prepared data, the architecture and the runs, and stores what it emits.
class TrainPage : public QWidget {
    Q_OBJECT

public:
    /// What happened to `run`, in the interface's language: how many epochs, why it stopped and
    /// which epoch's weights it kept (the engine's own message for divergence and failures).
    static QString outcomeText(const RunRecord& run);

    explicit TrainPage(QWidget* parent = nullptr);
    ~TrainPage() override;

    /// The data to train on (null: none yet) and the row count of the whole table (for the run's split).
    void setPreparedData(std::shared_ptr<const PreparedData> data, std::size_t tableRows);
    /// Why the chosen data cannot be trained on (e.g. the target has one value), in
    /// the core's words; empty when it can, or while it is being prepared.
    void setDataProblem(const QString& problem);
    /// Says the data is being prepared (the recipe fitted, the rows split).
    void setPreparing(bool preparing);
    /// The network to train; one without layers counts as none yet.
    void setArchitecture(const Architecture& architecture);
    /// The data's file name, recorded in the model's summary.
    void setSourceName(const QString& name);
    /// Asked each time a run is about to start: why its result could not be kept (empty when it
    /// can). A reason stops the start, is shown on the page and sent with startRefused().
    void setStartCheck(std::function<QString()> check) { m_startCheck = std::move(check); }
    /// The project's runs, listed for comparison (their history draws the overlay).
    void setRuns(const std::vector<RunRecord>& runs);
    const std::vector<RunRecord>& runs() const { return m_runs; }

    /// The settings in the form.
    TrainingSettings settings() const;
    /// Shows `settings` in the form without emitting settingsEdited (e.g. from undo or a loaded project).
    void setSettings(const TrainingSettings& settings);

    TrainingState state() const;
    /// Whether a run is training or paused.
    bool isBusy() const;
    TrainingChart* chart() const { return m_chart; }

public slots:
    /// Starts a new run with the form's settings.
    void start();
    /// Pauses a running run or resumes a paused one.
    void pauseOrResume();
    /// Stops the run; it is kept as "stopped" with its best weights.
    void stop();
    /// Trains one epoch (starting a run if none is going), then pauses.
    void stepEpoch();

signals:
    /// A run ended (completed, stopped early, stopped, diverged) with everything the project keeps.
    void runFinished(const neurolift::RunRecord& run);
    /// The user changed a setting in the form (the owner makes it an undo command).
    void settingsEdited(const neurolift::TrainingSettings& before, const neurolift::TrainingSettings& after);
    void busyChanged(bool busy);
    /// A run was not started because of `reason` (see setStartCheck()).
    void startRefused(const QString& reason);
    /// For the main window's status bar: fraction done (0..1) and a short text.
    void progress(double fraction, const QString& text);

private:
    QWidget* createWorkspace();
    void updateReadiness();
    void updateButtons();
    void updateEpochLabel();
    void updateEta();
    void startSession(bool oneEpoch);
    void onBatch(int epoch, int batch, int batchesPerEpoch);
    void onEpoch(const EpochProgress& p);
    void onState(TrainingState state);
    void onFinished(const RunRecord& run);
    void onFailed(const QString& message);
    void onRunSelectionChanged();
    void setStatus(const QString& text);
    /// Why training cannot start, in plain words; empty when it can.
    QString notReadyReason() const;
    TaskKind task() const;

    std::shared_ptr<const PreparedData> m_data;
    QString m_dataProblem;
    bool m_preparing = false;
    std::size_t m_tableRows = 0;
    std::optional<Architecture> m_architecture;
    QString m_sourceName;
    std::vector<RunRecord> m_runs;

    std::unique_ptr<TrainingSession> m_session;
    QString m_runName;
    int m_sessionRun = -1; ///< Index in m_runs of the session's own finished run.
    int m_totalEpochs = 0;
    int m_epochsDone = 0;
    int m_currentEpoch = 0;
    double m_epochFraction = 0.0; ///< Of the epoch in progress.
    QElapsedTimer m_runningClock;
    qint64 m_runningMs = 0; ///< Time spent training, pauses left out.
    bool m_busy = false;

    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyLabel = nullptr;
    TrainingSettingsForm* m_form = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_step = nullptr;
    QLabel* m_epochLabel = nullptr;
    QLabel* m_etaLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    std::function<QString()> m_startCheck;
    TrainingChart* m_chart = nullptr;
    RunList* m_runList = nullptr;
};

} // namespace neurolift

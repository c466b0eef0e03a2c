#pragma once

#include "common/runpage.h"
#include "project/project.h"
#include "scoring/evaluation.h"
#include "scoring/scoredexport.h"
#include "scoring/segments.h"
#include "scoring/sqlexport.h"

#include <QString>
#include <QWidget>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QCPBars;
class QCPGraph;
class QCPItemStraightLine;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
template <typename T>
class QFutureWatcher;

namespace neurolift {

class SegmentEditor;

/// The Segments step: how well a run's model ranks customers on its test rows
/// and whom to contact. "Whom to contact" has a slider over the share of
/// customers contacted that updates the confusion matrix and a plain sentence,
/// and helpers that pick the share by F1, head count or profit; "How good is
/// the model" has the ROC, precision-recall, lift and calibration charts and
/// the decile table (residual charts for a number model); "Segments" names
/// groups of customers by score bands, quantiles or the top N, saved in the
/// project; "Exports" lists what was written from the project. Scoring,
/// summaries and exports run on the thread pool and can be cancelled. The page
/// holds no project: the owner gives it the runs, the table, the saved segments
/// and the export history, and stores what the page emits.
class SegmentsPage : public RunPage {
    Q_OBJECT

public:
    explicit SegmentsPage(QWidget* parent = nullptr);
    ~SegmentsPage() override;

    /// The segment definitions saved in the project.
    void setSavedSegments(const std::vector<SegmentRecord>& segments);
    /// The project's export history, oldest first.
    void setExports(const std::vector<ExportRecord>& exports);
    /// The user's words for columns, which exported reasons use.
    void setColumnWords(ColumnWords words) { m_words = std::move(words); }

    /// Whether customers are being scored, summarised or exported.
    bool isBusy() const;
    /// Stops what runs in the background.
    void cancelWork();
    /// Stops the export under way (no file is written).
    void cancelExport();

    /// The shown run's evaluation on its test rows, once scored (null for number models).
    const BinaryEvaluation* evaluation() const;
    /// A number model's evaluation, once scored.
    const RegressionEvaluation* regression() const;

    /// The share (0..1) of all customers contacted, as the slider sets it.
    double contactShare() const;
    /// Moves the slider to `share` (0..1, in whole percent).
    void setContactShare(double share);
    /// The score from which customers are contacted, and what that gives on the test rows.
    double threshold() const { return m_threshold; }
    ConfusionMatrix confusion() const { return m_confusion; }
    /// "Contacting the top 20 % reaches 61 % of …".
    QString contactSentence() const;

    /// The definition being edited and its figures (empty while being summarised).
    SegmentDefinition segmentDefinition() const;
    void setSegmentDefinition(const SegmentDefinition& definition);
    const std::vector<SegmentStats>& segmentSummary() const { return m_summary; }

    /// Scores every customer and writes `options.path` in the background; exported()
    /// follows on success, exportFinished() in every case.
    void startScoreExport(ScoredExportOptions options);
    /// Writes the segment summary as a CSV (complete or not at all). False with
    /// `error` set when it cannot.
    bool exportSegmentSummary(const QString& path, QString* error = nullptr);
    /// Writes the shown tab's charts (.png, .pdf or .svg).
    bool exportCharts(const QString& path);
    /// Writes the model as one SQL query for `dialect`.
    bool exportSql(const QString& path, SqlDialect dialect, const QString& table, QString* error = nullptr);

    QSlider* contactSlider() const { return m_slider; }
    QTabWidget* tabs() const { return m_tabs; }
    SegmentEditor* segmentEditor() const { return m_editor; }
    QCustomPlot* gainsPlot() const { return m_gainsPlot; }
    QCustomPlot* histogramPlot() const { return m_histogramPlot; }
    QTableWidget* decileTable() const { return m_deciles; }
    QTableWidget* summaryTable() const { return m_summaryTable; }
    QTableWidget* exportTable() const { return m_exportTable; }

signals:
    /// Background work started (true) or ended (false).
    void busyChanged(bool busy);
    /// A task for the status bar started, moved on (0..1) or ended.
    void taskStarted(const QString& text);
    void taskProgress(double fraction);
    void taskEnded();
    /// The user saved the definition `definition` under `name` (the owner stores it).
    void segmentsSaved(const QString& name, const nlohmann::json& definition);
    /// The user deleted the saved definition `name`.
    void segmentsRemoved(const QString& name);
    /// A file was written from the project (the owner records it in the export history).
    void exported(const neurolift::ExportRecord& record);
    /// A scored-customer export ended: `ok` when the file was written; `cancelled` when the
    /// user stopped it; `message` says what happened in words.
    void exportFinished(bool ok, bool cancelled, const QString& message);

private:
    struct RunData;

    QWidget* createContactTab();
    QWidget* createQualityTab();
    QWidget* createSegmentsTab();
    QWidget* createExportsTab();
    void createExportMenu(QPushButton* button);
    void showRun() override;
    void dropStaleWork() override;
    void forgetRuns(const std::vector<std::int64_t>& keep) override;
    bool showsRunData() const override;
    void showEmptyState(const QString& text);
    void onRunDataReady(std::int64_t key, std::shared_ptr<const RunData> data, const QString& error);
    void showBinary();
    void showRegression();
    void onSliderMoved(int percent);
    void updateContact();
    void chooseBestF1();
    void chooseTopN();
    /// Draws the profit curve; with `moveCut`, also moves the cut to its best point.
    void chooseByProfit(bool moveCut);
    void summarise();
    void showSummary();
    void saveSegmentsAs();
    void deleteSavedSegments();
    void loadSavedSegments(int index);
    void exportScoresWithDialog();
    void exportSummaryWithDialog();
    void exportChartsWithDialog();
    void exportSqlWithDialog();
    void record(ExportRecord record);
    /// Records the charts written to `path` in the export history.
    void recordCharts(const QString& path);
    void updateBusy();
    std::vector<QCustomPlot*> shownPlots() const;
    QString suggestedName(const QString& what, const QString& suffix) const;

    std::vector<SegmentRecord> m_saved;
    std::shared_ptr<const RunData> m_data;
    std::map<std::int64_t, std::shared_ptr<const RunData>> m_runData;
    double m_threshold = 0.5;
    ConfusionMatrix m_confusion;
    std::size_t m_contacted = 0; ///< All customers with score >= threshold.
    std::vector<SegmentStats> m_summary;
    std::uint64_t m_generation = 0;
    std::uint64_t m_summaryGeneration = 0;
    QFutureWatcher<void>* m_dataJob = nullptr;
    QFutureWatcher<void>* m_summaryJob = nullptr;
    QFutureWatcher<void>* m_exportJob = nullptr;
    ColumnWords m_words;
    bool m_busy = false;

    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QPushButton* m_exportButton = nullptr;
    QTabWidget* m_tabs = nullptr;
    QWidget* m_contactTab = nullptr;
    QWidget* m_segmentsTab = nullptr;

    // Whom to contact.
    QSlider* m_slider = nullptr;
    QLabel* m_shareLabel = nullptr;
    QLabel* m_sentence = nullptr;
    QLabel* m_matrixTitle = nullptr; ///< "On the 1,057 test customers".
    QLabel* m_population = nullptr;  ///< Why the matrix counts differ from the sentence's.
    QLabel* m_cells[4] = {};         ///< True positives, false negatives, false positives, true negatives.
    QLabel* m_positiveRow = nullptr; ///< "Bought = 1", heading the matrix's first row.
    QLabel* m_rates = nullptr;
    QLabel* m_helperResult = nullptr;
    QSpinBox* m_topN = nullptr;
    QDoubleSpinBox* m_cost = nullptr;
    QDoubleSpinBox* m_value = nullptr;
    QDoubleSpinBox* m_budget = nullptr;
    QCustomPlot* m_gainsPlot = nullptr;
    QCPItemStraightLine* m_gainsMarker = nullptr;
    QCustomPlot* m_histogramPlot = nullptr;
    QCPItemStraightLine* m_histogramMarker = nullptr;
    QCustomPlot* m_profitPlot = nullptr;
    QCPItemStraightLine* m_profitMarker = nullptr;

    // How good is the model.
    QStackedWidget* m_qualityStack = nullptr;
    QLabel* m_qualityCaption = nullptr;
    QCustomPlot* m_rocPlot = nullptr;
    QCustomPlot* m_prPlot = nullptr;
    QCustomPlot* m_liftPlot = nullptr;
    QCustomPlot* m_calibrationPlot = nullptr;
    QTableWidget* m_deciles = nullptr;
    QLabel* m_regressionCaption = nullptr;
    QCustomPlot* m_residualPlot = nullptr;
    QCustomPlot* m_actualPlot = nullptr;
    QCustomPlot* m_residualHistogram = nullptr;

    // Segments.
    SegmentEditor* m_editor = nullptr;
    QComboBox* m_savedPicker = nullptr;
    QPushButton* m_saveSegments = nullptr;
    QPushButton* m_deleteSegments = nullptr;
    QTableWidget* m_summaryTable = nullptr;
    QCustomPlot* m_segmentPlot = nullptr;
    QLabel* m_segmentCaption = nullptr;

    // Exports.
    QTableWidget* m_exportTable = nullptr;
};

} // namespace neurolift

Q_DECLARE_METATYPE(neurolift::ExportRecord)
Q_DECLARE_METATYPE(nlohmann::json)

#pragma once

#include "common/runpage.h"
#include "explain/dependence.h"
#include "explain/importance.h"
#include "explain/reasons.h"
#include "explain/weights.h"
#include "project/project.h"

#include <QString>
#include <QWidget>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class QCompleter;
class QComboBox;
class QCPBars;
class QCPColorMap;
class QCPColorScale;
class QCPErrorBars;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
template <typename T>
class QFutureWatcher;

namespace neurolift {

class NetworkView;

/// The Explain step: why a run's network scores as it does. "What matters"
/// ranks the columns by permutation importance on the run's validation rows
/// and shows how the score follows a chosen column (partial dependence);
/// "Inside the network" shows each layer's weights as a heat map, a histogram
/// and a drawing; "One customer" explains one score as a waterfall of
/// attributions and reason codes. Heavy work runs on the thread pool, can be
/// cancelled, and its results are kept per run. The page holds no project: the
/// owner gives it the runs and the table they were trained on.
class ExplainPage : public RunPage {
    Q_OBJECT

public:
    /// One bar of the customer waterfall: a column's push from `from` to `to` (score units).
    struct WaterfallStep {
        QString label;
        double from = 0.0;
        double to = 0.0;
    };

    explicit ExplainPage(QWidget* parent = nullptr);
    ~ExplainPage() override;

    /// Shows the customer in table row `row` (0-based).
    void selectCustomer(std::int64_t row);
    /// Shows the importance-chart column `column` in the partial-dependence chart.
    void selectFeature(const QString& column);
    /// The user's words for columns, which the reasons use ("Viewed the pricing page: no (-0.09)").
    void setColumnWords(ColumnWords words);

    /// The importance of the shown run, once computed.
    const ImportanceResult* importance() const;
    /// Whether explanations are being computed.
    bool isBusy() const;
    /// The table row of the shown customer, or -1.
    std::int64_t currentCustomer() const { return m_customer; }
    /// The shown customer's score (the explained output), the score of a customer with average values
    /// (where the waterfall starts) and the mean score of all customers.
    double customerScore() const { return m_score; }
    double baselineScore() const { return m_baselineScore; }
    double meanScore() const { return m_meanScore; }
    /// The column steps of the shown waterfall, top to bottom.
    const std::vector<WaterfallStep>& waterfall() const { return m_waterfall; }

    QCustomPlot* importancePlot() const { return m_importancePlot; }
    QCustomPlot* dependencePlot() const { return m_dependencePlot; }
    QCustomPlot* heatMapPlot() const { return m_heatPlot; }
    QCustomPlot* histogramPlot() const { return m_histogramPlot; }
    QCustomPlot* waterfallPlot() const { return m_waterfallPlot; }
    NetworkView* networkView() const { return m_network; }
    QTabWidget* tabs() const { return m_tabs; }

signals:
    /// Background work started (true) or ended (false).
    void busyChanged(bool busy);
    /// Fraction done (0..1) of the work in progress and what it is.
    void progress(double fraction, const QString& text);

private:
    struct RunData;
    struct CustomerExplanation;

    QWidget* createImportanceTab();
    QWidget* createNetworkTab();
    QWidget* createCustomerTab();
    void showEmptyState(const QString& text);
    void showRun() override;
    void dropStaleWork() override;
    void forgetRuns(const std::vector<std::int64_t>& keep) override;
    bool showsRunData() const override;
    void onRunDataReady(std::int64_t key, std::shared_ptr<const RunData> data, const QString& error);
    void startImportance();
    void showImportance();
    void startDependence(const QString& column);
    void showDependence(const DependenceResult& result);
    void showLayer(int index);
    void showHeatMap(const LayerWeights& layer, const Matrix& weight, bool firstLayer);
    void showHistogram(const Matrix& weight);
    void onHeatMapHover(QMouseEvent* event);
    void onImportanceClick(QMouseEvent* event);
    void fillCustomerPicker();
    void onCustomerEntered();
    void startAttribution();
    void showCustomer(const CustomerExplanation& e);
    void drawWaterfall();
    /// Makes room in the waterfall for its value labels and marker labels at the chart's size.
    void fitWaterfall();
    void showReasons(const RowReasons& reasons);
    void cancelWork();
    void updateBusy();
    /// The customer's name as the user reads it: the id, else "row 12".
    QString customerName(std::int64_t row) const;

    std::shared_ptr<const RunData> m_data;
    std::map<std::int64_t, std::shared_ptr<const RunData>> m_runData;
    std::map<std::int64_t, ImportanceResult> m_importance;
    std::vector<LayerWeights> m_layers;
    std::vector<int> m_denseLayers; ///< Indices into m_layers of layers with a weight matrix.
    QString m_feature;
    std::int64_t m_customer = -1;
    ColumnWords m_words;
    double m_score = 0.0;
    double m_baselineScore = 0.0;
    double m_meanScore = 0.0;
    std::vector<WaterfallStep> m_waterfall;
    /// Results of work started before this number are stale.
    std::uint64_t m_generation = 0;
    QFutureWatcher<void>* m_dataJob = nullptr;
    QFutureWatcher<void>* m_importanceJob = nullptr;
    QFutureWatcher<void>* m_dependenceJob = nullptr;
    QFutureWatcher<void>* m_attributionJob = nullptr;
    bool m_busy = false;

    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QTabWidget* m_tabs = nullptr;

    QCustomPlot* m_importancePlot = nullptr;
    QCPBars* m_importanceBars = nullptr;
    QCPBars* m_importanceSelected = nullptr; ///< The bar of the column in the dependence chart, darker.
    QCPErrorBars* m_importanceErrors = nullptr;
    QLabel* m_importanceCaption = nullptr;
    QProgressBar* m_importanceProgress = nullptr;
    QPushButton* m_importanceCancel = nullptr;
    QCustomPlot* m_dependencePlot = nullptr;
    QLabel* m_dependenceCaption = nullptr;

    QComboBox* m_layerPicker = nullptr;
    QCustomPlot* m_heatPlot = nullptr;
    QCPColorMap* m_heatMap = nullptr;
    QCPColorScale* m_heatScale = nullptr;
    QLabel* m_heatCaption = nullptr;
    QCustomPlot* m_histogramPlot = nullptr;
    NetworkView* m_network = nullptr;
    QLabel* m_networkCaption = nullptr;
    std::vector<QString> m_heatInputs;  ///< Names along the heat map's x axis.
    std::vector<QString> m_heatOutputs; ///< Names along its y axis.

    QLineEdit* m_customerEdit = nullptr;
    QCompleter* m_completer = nullptr;
    QPushButton* m_customerShow = nullptr;
    QLabel* m_customerProblem = nullptr;
    QLabel* m_scoreLabel = nullptr;
    QLabel* m_averageLabel = nullptr;
    QCustomPlot* m_waterfallPlot = nullptr;
    QLabel* m_waterfallCaption = nullptr;
    QLabel* m_reasons = nullptr;
};

} // namespace neurolift

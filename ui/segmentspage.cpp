#include "segmentspage.h"

#include "exportdialog.h"
#include "pagekit.h"
#include "segmenteditor.h"

#include "explain/attribution.h"
#include "scoring/atomicfile.h"
#include "scoring/ranking.h"
#include "scoring/thresholds.h"
#include "training/pipeline.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>

namespace neurolift {

namespace {

enum TabIndex { ContactTab = 0, QualityTab = 1, SegmentsTab = 2, ExportsTab = 3 };

const QColor kModel = kPositiveColour;
const QColor kRandom(150, 150, 150);
const QColor kPerfect(22, 163, 74);
const QColor kOther(203, 213, 225);

constexpr int kHistogramBins = 20;

QString local(const std::string& text)
{
    return QString::fromStdString(text);
}

/// "Revenue = TRUE": the answer a yes/no model scores, as the file spells it.
QString positiveName(const TargetSpec& target, const Table& table)
{
    std::string value = target.classes.size() == 2 ? target.classes[1] : std::string("1");
    const Column* column = table.column(target.column);
    if (column && column->type == ColumnType::Boolean && column->levels.size() == 2 && value == "1") {
        value = column->levels[1]; // a yes/no column read from words: "TRUE", "yes"
    }
    return SegmentsPage::tr("%1 = %2").arg(local(target.column), local(value));
}

QCPGraph* addLine(QCustomPlot* plot, const QString& name, const QColor& colour, Qt::PenStyle style = Qt::SolidLine,
                  double width = 2.0)
{
    QCPGraph* graph = plot->addGraph();
    graph->setName(name);
    graph->setPen(QPen(colour, width, style));
    return graph;
}

QCPItemStraightLine* addMarker(QCustomPlot* plot)
{
    auto* line = new QCPItemStraightLine(plot);
    line->setPen(QPen(QColor(30, 30, 30), 1.5, Qt::DashLine));
    line->point1->setCoords(0, 0);
    line->point2->setCoords(0, 1);
    return line;
}

void placeMarker(QCPItemStraightLine* line, double x)
{
    line->point1->setCoords(x, 0);
    line->point2->setCoords(x, 1);
}

void setupLegend(QCustomPlot* plot, Qt::Alignment where)
{
    plot->legend->setVisible(true);
    plot->legend->setBrush(QColor(255, 255, 255, 220));
    plot->legend->setBorderPen(QPen(QColor(210, 210, 210)));
    plot->legend->setFont(scaledFont(plot->font(), 0.9));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, where);
}

QTableWidgetItem* cell(const QString& text, Qt::Alignment alignment = Qt::AlignRight | Qt::AlignVCenter)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QTableWidget* figureTable(QWidget* parent, const QString& name, const QStringList& headers)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QWidget* titled(QWidget* parent, const QString& title, QWidget* body, QLabel* caption = nullptr)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(titleLabel(title, box));
    if (caption) {
        layout->addWidget(caption);
    }
    layout->addWidget(body, 1);
    return box;
}

/// The number of `descending` scores at or above `threshold` (compared as float, like the scores).
std::size_t countAtLeast(const std::vector<float>& descending, double threshold)
{
    const float t = static_cast<float>(threshold);
    return static_cast<std::size_t>(std::upper_bound(descending.begin(), descending.end(), t, std::greater<>()) -
                                    descending.begin());
}

QString exportKindName(const ExportRecord& e)
{
    const std::string kind = e.details.is_object() && e.details.contains("kind") && e.details["kind"].is_string()
                                 ? e.details["kind"].get<std::string>()
                                 : std::string();
    const std::string format =
        e.details.is_object() && e.details.contains("format") && e.details["format"].is_string()
            ? e.details["format"].get<std::string>()
            : std::string();
    if (kind == "scores") {
        return format == "xlsx" ? SegmentsPage::tr("Scored customers (Excel)")
                                : SegmentsPage::tr("Scored customers (CSV)");
    }
    if (kind == "segment_summary") {
        return SegmentsPage::tr("Segment summary");
    }
    if (kind == "sql") {
        return SegmentsPage::tr("Model as SQL");
    }
    if (kind == "charts") {
        return SegmentsPage::tr("Charts");
    }
    return kind.empty() ? SegmentsPage::tr("Export") : local(kind);
}

} // namespace

/// What the page shows of one run, computed once on the thread pool.
struct SegmentsPage::RunData {
    TrainedModel model;
    std::int64_t runId = 0;
    std::vector<float> all;     ///< Every customer's score, in table order.
    std::vector<float> sorted;  ///< The same, highest first.
    std::vector<float> test;    ///< The test rows' scores...
    std::vector<float> labels;  ///< ...and answers (0/1 for yes/no models).
    std::optional<BinaryEvaluation> binary;
    std::optional<RegressionEvaluation> regression;
    QString positive; ///< "Revenue = TRUE"
    QString notes;
};

SegmentsPage::SegmentsPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("segmentsPage"));

    auto* heading = new QLabel(tr("Target the right customers"), this);
    heading->setObjectName(QStringLiteral("heading"));
    heading->setFont(scaledFont(font(), 1.6, QFont::Bold));
    m_runPicker = new QComboBox(this);
    m_runPicker->setObjectName(QStringLiteral("runPicker"));
    m_runPicker->setToolTip(tr("The training run whose scores this page shows."));
    m_runPicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_runSummary = new QLabel(this);
    m_runSummary->setObjectName(QStringLiteral("runSummary"));
    m_runSummary->setForegroundRole(QPalette::PlaceholderText);
    m_exportButton = new QPushButton(tr("Export"), this);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setToolTip(tr("Write scored customers, the segment summary, the charts or the model as SQL."));
    createExportMenu(m_exportButton);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(heading);
    runRow->addStretch();
    runRow->addWidget(new QLabel(tr("Run:"), this));
    runRow->addWidget(m_runPicker);
    runRow->addSpacing(8);
    runRow->addWidget(m_runSummary);
    runRow->addSpacing(12);
    runRow->addWidget(m_exportButton);
    connect(m_runPicker, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index != m_run) {
            selectRun(index);
        }
    });

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("emptyState"));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setFont(scaledFont(font(), 1.25));
    m_emptyLabel->setMargin(40);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("sections"));
    m_tabs->setDocumentMode(true);
    m_contactTab = createContactTab();
    m_tabs->addTab(m_contactTab, tr("Whom to contact"));
    m_tabs->addTab(createQualityTab(), tr("How good is the model"));
    m_segmentsTab = createSegmentsTab();
    m_tabs->addTab(m_segmentsTab, tr("Segments"));
    m_tabs->addTab(createExportsTab(), tr("Exports"));

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_tabs);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    layout->addLayout(runRow);
    layout->addWidget(m_stack, 1);
    m_stale = true; // shown when first visible
}

SegmentsPage::~SegmentsPage()
{
    cancelWork();
}

QWidget* SegmentsPage::createContactTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("contactTab"));

    // The slider and what it gives.
    m_slider = new QSlider(Qt::Horizontal, tab);
    m_slider->setObjectName(QStringLiteral("contactSlider"));
    m_slider->setRange(0, 100);
    m_slider->setValue(20);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_slider->setTickInterval(10);
    m_slider->setPageStep(5);
    m_slider->setToolTip(tr("The share of customers to contact, highest scores first."));
    m_shareLabel = new QLabel(tab);
    m_shareLabel->setObjectName(QStringLiteral("shareLabel"));
    m_shareLabel->setMinimumWidth(60);
    m_shareLabel->setFont(scaledFont(font(), 1.2, QFont::DemiBold));
    connect(m_slider, &QSlider::valueChanged, this, &SegmentsPage::onSliderMoved);
    auto* sliderRow = new QHBoxLayout;
    sliderRow->addWidget(new QLabel(tr("Contact the top"), tab));
    sliderRow->addWidget(m_slider, 1);
    sliderRow->addWidget(m_shareLabel);

    m_sentence = new QLabel(tab);
    m_sentence->setObjectName(QStringLiteral("contactSentence"));
    m_sentence->setWordWrap(true);
    m_sentence->setTextFormat(Qt::PlainText);
    m_sentence->setFont(scaledFont(font(), 1.3, QFont::DemiBold));
    m_sentence->setMinimumHeight(m_sentence->fontMetrics().height() * 3);
    m_sentence->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    // The confusion matrix, on the test rows.
    auto* matrix = new QWidget(tab);
    matrix->setObjectName(QStringLiteral("confusionMatrix"));
    auto* grid = new QGridLayout(matrix);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(6);
    const QFont headFont = scaledFont(font(), 0.95, QFont::DemiBold);
    auto head = [&](const QString& text, int row, int column) {
        auto* label = new QLabel(text, matrix);
        label->setFont(headFont);
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        grid->addWidget(label, row, column);
    };
    head(tr("Contacted"), 0, 1);
    head(tr("Not contacted"), 0, 2);
    m_positiveRow = new QLabel(matrix);
    m_positiveRow->setObjectName(QStringLiteral("positiveRow"));
    m_positiveRow->setFont(headFont);
    m_positiveRow->setWordWrap(true);
    grid->addWidget(m_positiveRow, 1, 0);
    auto* othersRow = new QLabel(tr("Others"), matrix);
    othersRow->setFont(headFont);
    grid->addWidget(othersRow, 2, 0);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    static const char* const kNames[4] = {"truePositives", "falseNegatives", "falsePositives", "trueNegatives"};
    static const char* const kColours[4] = {"#dbeafe", "#fef3c7", "#fef3c7", "#f1f5f9"};
    for (int i = 0; i < 4; ++i) {
        auto* label = new QLabel(matrix);
        label->setObjectName(QLatin1String(kNames[i]));
        label->setAlignment(Qt::AlignCenter);
        label->setFont(scaledFont(font(), 1.25, QFont::DemiBold));
        label->setMinimumSize(120, 48);
        label->setStyleSheet(QStringLiteral("background: %1; border-radius: 4px; padding: 6px;")
                                 .arg(QLatin1String(kColours[i])));
        m_cells[i] = label;
        grid->addWidget(label, 1 + i / 2, 1 + i % 2);
    }
    m_rates = new QLabel(tab);
    m_rates->setObjectName(QStringLiteral("rates"));
    m_rates->setWordWrap(true);
    m_rates->setTextFormat(Qt::PlainText);

    // Helpers that move the slider.
    auto* bestF1 = new QPushButton(tr("Best balance (F1)"), tab);
    bestF1->setObjectName(QStringLiteral("bestF1"));
    bestF1->setToolTip(tr("The cut that best balances reaching the positives (recall) and not contacting "
                          "the others (precision), measured on the test rows."));
    connect(bestF1, &QPushButton::clicked, this, &SegmentsPage::chooseBestF1);
    m_topN = new QSpinBox(tab);
    m_topN->setObjectName(QStringLiteral("contactTopN"));
    m_topN->setRange(0, 100'000'000);
    m_topN->setValue(1000);
    m_topN->setGroupSeparatorShown(true);
    auto* topN = new QPushButton(tr("Contact this many"), tab);
    topN->setObjectName(QStringLiteral("chooseTopN"));
    connect(topN, &QPushButton::clicked, this, &SegmentsPage::chooseTopN);
    m_cost = new QDoubleSpinBox(tab);
    m_cost->setObjectName(QStringLiteral("costPerContact"));
    m_cost->setRange(0.0, 1e9);
    m_cost->setValue(1.0);
    m_cost->setToolTip(tr("What contacting one customer costs (mail, call, discount)."));
    m_value = new QDoubleSpinBox(tab);
    m_value->setObjectName(QStringLiteral("valuePerConversion"));
    m_value->setRange(0.0, 1e9);
    m_value->setValue(20.0);
    m_value->setToolTip(tr("What one customer who says yes is worth."));
    m_budget = new QDoubleSpinBox(tab);
    m_budget->setObjectName(QStringLiteral("budget"));
    m_budget->setRange(0.0, 1e12);
    m_budget->setSpecialValueText(tr("No limit"));
    m_budget->setValue(0.0);
    auto* profit = new QPushButton(tr("Most profitable"), tab);
    profit->setObjectName(QStringLiteral("chooseProfit"));
    profit->setToolTip(tr("The cut with the highest expected profit, reading each score as the chance "
                          "that the customer says yes."));
    connect(profit, &QPushButton::clicked, this, [this] { chooseByProfit(true); });
    m_helperResult = captionLabel(tab, QStringLiteral("helperResult"));

    auto* helpers = new QFormLayout;
    helpers->addRow(bestF1);
    auto* topRow = new QHBoxLayout;
    topRow->addWidget(m_topN, 1);
    topRow->addWidget(topN);
    helpers->addRow(tr("Customers:"), topRow);
    helpers->addRow(tr("Cost per contact:"), m_cost);
    helpers->addRow(tr("Value per yes:"), m_value);
    helpers->addRow(tr("Budget:"), m_budget);
    helpers->addRow(profit);

    auto* left = new QWidget(tab);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 8, 0);
    leftLayout->addLayout(sliderRow);
    leftLayout->addWidget(m_sentence);
    leftLayout->addWidget(titleLabel(tr("On the test customers"), left));
    leftLayout->addWidget(matrix);
    leftLayout->addWidget(m_rates);
    leftLayout->addSpacing(8);
    leftLayout->addWidget(titleLabel(tr("Choose the cut for me"), left));
    leftLayout->addLayout(helpers);
    leftLayout->addWidget(m_helperResult);
    leftLayout->addStretch();

    // Charts: whom the cut reaches.
    m_gainsPlot = new QCustomPlot(tab);
    m_gainsPlot->setObjectName(QStringLiteral("gainsPlot"));
    stylePlot(m_gainsPlot, font());
    m_gainsPlot->xAxis->setLabel(tr("Customers contacted (%)"));
    m_gainsPlot->yAxis->setLabel(tr("Positives reached (%)"));
    addLine(m_gainsPlot, tr("This model"), kModel);
    addLine(m_gainsPlot, tr("At random"), kRandom, Qt::DashLine, 1.5);
    addLine(m_gainsPlot, tr("Perfect"), kPerfect, Qt::DotLine, 1.5);
    setupLegend(m_gainsPlot, Qt::AlignBottom | Qt::AlignRight);
    m_gainsMarker = addMarker(m_gainsPlot);

    m_histogramPlot = new QCustomPlot(tab);
    m_histogramPlot->setObjectName(QStringLiteral("scoreHistogram"));
    stylePlot(m_histogramPlot, font());
    m_histogramPlot->xAxis->setLabel(tr("Score"));
    m_histogramPlot->yAxis->setLabel(tr("Test customers"));
    auto* others = new QCPBars(m_histogramPlot->xAxis, m_histogramPlot->yAxis);
    others->setPen(Qt::NoPen);
    others->setBrush(kOther);
    others->setWidth(1.0 / kHistogramBins * 0.9);
    auto* positives = new QCPBars(m_histogramPlot->xAxis, m_histogramPlot->yAxis);
    positives->setPen(Qt::NoPen);
    positives->setBrush(kModel.lighter(130));
    positives->setWidth(1.0 / kHistogramBins * 0.9);
    positives->moveAbove(others);
    setupLegend(m_histogramPlot, Qt::AlignTop | Qt::AlignRight);
    m_histogramMarker = addMarker(m_histogramPlot);

    m_profitPlot = new QCustomPlot(tab);
    m_profitPlot->setObjectName(QStringLiteral("profitPlot"));
    stylePlot(m_profitPlot, font());
    m_profitPlot->xAxis->setLabel(tr("Customers contacted (%)"));
    m_profitPlot->yAxis->setLabel(tr("Expected profit"));
    addLine(m_profitPlot, tr("Expected profit"), kPerfect);
    m_profitMarker = addMarker(m_profitPlot);

    auto* charts = new QSplitter(Qt::Vertical, tab);
    charts->setChildrenCollapsible(false);
    charts->addWidget(titled(tab, tr("Whom the cut reaches (cumulative gains)"), m_gainsPlot));
    charts->addWidget(titled(tab, tr("Scores of the test customers"), m_histogramPlot));
    charts->addWidget(titled(tab, tr("Expected profit by how many are contacted"), m_profitPlot));
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    charts->setStretchFactor(2, 2);

    // The three charts share the height; the controls scroll on a small screen.
    for (QCustomPlot* plot : {m_gainsPlot, m_histogramPlot, m_profitPlot}) {
        plot->setMinimumHeight(110);
    }
    auto* scroll = new QScrollArea(tab);
    scroll->setObjectName(QStringLiteral("contactControls"));
    scroll->setWidget(left);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    left->setMinimumWidth(380);
    auto* splitter = new QSplitter(Qt::Horizontal, tab);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(scroll);
    splitter->addWidget(charts);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->addWidget(splitter);
    return tab;
}

QWidget* SegmentsPage::createQualityTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("qualityTab"));

    auto makePlot = [&](const QString& name, const QString& x, const QString& y) {
        auto* plot = new QCustomPlot(tab);
        plot->setObjectName(name);
        stylePlot(plot, font());
        plot->xAxis->setLabel(x);
        plot->yAxis->setLabel(y);
        return plot;
    };
    m_rocPlot = makePlot(QStringLiteral("rocPlot"), tr("False positive rate"), tr("True positive rate"));
    addLine(m_rocPlot, tr("This model"), kModel);
    addLine(m_rocPlot, tr("Guessing"), kRandom, Qt::DashLine, 1.5);
    setupLegend(m_rocPlot, Qt::AlignBottom | Qt::AlignRight);
    m_prPlot = makePlot(QStringLiteral("prPlot"), tr("Recall (positives reached)"),
                        tr("Precision (positives among contacted)"));
    addLine(m_prPlot, tr("This model"), kModel);
    addLine(m_prPlot, tr("Guessing"), kRandom, Qt::DashLine, 1.5);
    setupLegend(m_prPlot, Qt::AlignBottom | Qt::AlignLeft);
    m_liftPlot = makePlot(QStringLiteral("liftPlot"), tr("Customers contacted (%)"), tr("Lift (× random)"));
    addLine(m_liftPlot, tr("This model"), kModel);
    addLine(m_liftPlot, tr("At random"), kRandom, Qt::DashLine, 1.5);
    setupLegend(m_liftPlot, Qt::AlignTop | Qt::AlignRight);
    m_calibrationPlot = makePlot(QStringLiteral("calibrationPlot"), tr("Score"), tr("Observed rate"));
    QCPGraph* calibration = addLine(m_calibrationPlot, tr("This model"), kModel);
    calibration->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, kModel, Qt::white, 7));
    addLine(m_calibrationPlot, tr("Perfectly calibrated"), kRandom, Qt::DashLine, 1.5);
    setupLegend(m_calibrationPlot, Qt::AlignTop | Qt::AlignLeft);

    m_qualityCaption = captionLabel(tab, QStringLiteral("qualityCaption"));
    m_qualityCaption->setForegroundRole(QPalette::WindowText);
    m_qualityCaption->setFont(scaledFont(font(), 1.1));
    m_deciles = figureTable(tab, QStringLiteral("decileTable"),
                            {tr("Decile"), tr("Customers"), tr("Positives"), tr("Rate"), tr("Lift"),
                             tr("Cum. gain"), tr("Cum. lift"), tr("Scores")});
    m_deciles->horizontalHeaderItem(3)->setToolTip(tr("Response rate: the share of positives in the group."));
    m_deciles->horizontalHeaderItem(5)->setToolTip(
        tr("Cumulative gain: the share of all positives in this group and the ones above it."));
    m_deciles->horizontalHeaderItem(6)->setToolTip(
        tr("Cumulative lift: how many times the rate of random contacts this group and the ones above reach."));

    auto* grid = new QGridLayout;
    grid->setSpacing(10);
    grid->addWidget(titled(tab, tr("Lift by share contacted"), m_liftPlot), 0, 0);
    grid->addWidget(titled(tab, tr("ROC curve"), m_rocPlot), 0, 1);
    grid->addWidget(titled(tab, tr("Precision and recall"), m_prPlot), 1, 0);
    grid->addWidget(titled(tab, tr("Do scores mean what they say? (calibration)"), m_calibrationPlot), 1, 1);
    auto* chartBox = new QWidget(tab);
    chartBox->setLayout(grid);
    auto* binarySplitter = new QSplitter(Qt::Horizontal, tab);
    binarySplitter->setChildrenCollapsible(false);
    binarySplitter->addWidget(chartBox);
    binarySplitter->addWidget(titled(tab, tr("Customers in ten groups by score"), m_deciles));
    binarySplitter->setStretchFactor(0, 3);
    binarySplitter->setStretchFactor(1, 2);
    auto* binary = new QWidget(tab);
    auto* binaryLayout = new QVBoxLayout(binary);
    binaryLayout->setContentsMargins(0, 0, 0, 0);
    binaryLayout->addWidget(m_qualityCaption);
    binaryLayout->addWidget(binarySplitter, 1);

    // Number models.
    m_regressionCaption = captionLabel(tab, QStringLiteral("regressionCaption"));
    m_regressionCaption->setForegroundRole(QPalette::WindowText);
    m_regressionCaption->setFont(scaledFont(font(), 1.1));
    m_actualPlot = makePlot(QStringLiteral("actualPlot"), tr("Predicted"), tr("Actual"));
    m_residualPlot = makePlot(QStringLiteral("residualPlot"), tr("Predicted"), tr("Actual − predicted"));
    m_residualHistogram = makePlot(QStringLiteral("residualHistogram"), tr("Actual − predicted"),
                                   tr("Test customers"));
    auto* regressionCharts = new QHBoxLayout;
    regressionCharts->addWidget(titled(tab, tr("Predicted against actual"), m_actualPlot), 1);
    regressionCharts->addWidget(titled(tab, tr("Errors by prediction"), m_residualPlot), 1);
    regressionCharts->addWidget(titled(tab, tr("How large the errors are"), m_residualHistogram), 1);
    auto* regression = new QWidget(tab);
    auto* regressionLayout = new QVBoxLayout(regression);
    regressionLayout->setContentsMargins(0, 0, 0, 0);
    regressionLayout->addWidget(m_regressionCaption);
    regressionLayout->addLayout(regressionCharts, 1);

    m_qualityStack = new QStackedWidget(tab);
    m_qualityStack->addWidget(binary);
    m_qualityStack->addWidget(regression);
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->addWidget(m_qualityStack);
    return tab;
}

QWidget* SegmentsPage::createSegmentsTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("segmentsTab"));

    m_savedPicker = new QComboBox(tab);
    m_savedPicker->setObjectName(QStringLiteral("savedSegments"));
    m_savedPicker->setToolTip(tr("Segment definitions saved in this project."));
    m_saveSegments = new QPushButton(tr("Save As…"), tab);
    m_saveSegments->setObjectName(QStringLiteral("saveSegments"));
    m_saveSegments->setToolTip(tr("Keep these segments in the project under a name, for exports and the "
                                  "command line (neurolift-cli export --segment NAME)."));
    m_deleteSegments = new QPushButton(tr("Delete"), tab);
    m_deleteSegments->setObjectName(QStringLiteral("deleteSegments"));
    connect(m_savedPicker, &QComboBox::activated, this, &SegmentsPage::loadSavedSegments);
    connect(m_saveSegments, &QPushButton::clicked, this, &SegmentsPage::saveSegmentsAs);
    connect(m_deleteSegments, &QPushButton::clicked, this, &SegmentsPage::deleteSavedSegments);
    auto* savedRow = new QHBoxLayout;
    savedRow->addWidget(new QLabel(tr("Saved:"), tab));
    savedRow->addWidget(m_savedPicker, 1);
    savedRow->addWidget(m_saveSegments);
    savedRow->addWidget(m_deleteSegments);

    m_editor = new SegmentEditor(tab);
    m_editor->setObjectName(QStringLiteral("segmentEditor"));
    connect(m_editor, &SegmentEditor::definitionChanged, this, &SegmentsPage::summarise);
    auto* left = new QWidget(tab);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 8, 0);
    leftLayout->addWidget(titleLabel(tr("How to split the customers"), left));
    leftLayout->addLayout(savedRow);
    leftLayout->addWidget(m_editor, 1);

    m_segmentCaption = captionLabel(tab, QStringLiteral("segmentCaption"));
    m_summaryTable = figureTable(tab, QStringLiteral("segmentSummary"),
                                 {tr("Segment"), tr("Customers"), tr("Share"), tr("Scores"), tr("Expected rate"),
                                  tr("Expected lift"), tr("Test customers"), tr("Observed rate"),
                                  tr("Observed lift")});
    m_segmentPlot = new QCustomPlot(tab);
    m_segmentPlot->setObjectName(QStringLiteral("segmentPlot"));
    stylePlot(m_segmentPlot, font());
    m_segmentPlot->yAxis->setLabel(tr("Response rate (%)"));
    m_segmentPlot->xAxis->grid()->setVisible(false);
    auto* group = new QCPBarsGroup(m_segmentPlot);
    auto* expected = new QCPBars(m_segmentPlot->xAxis, m_segmentPlot->yAxis);
    expected->setName(tr("Expected (mean score)"));
    expected->setPen(Qt::NoPen);
    expected->setBrush(kModel.lighter(150));
    expected->setWidth(0.35);
    expected->setBarsGroup(group);
    auto* observed = new QCPBars(m_segmentPlot->xAxis, m_segmentPlot->yAxis);
    observed->setName(tr("Observed on test customers"));
    observed->setPen(Qt::NoPen);
    observed->setBrush(kModel);
    observed->setWidth(0.35);
    observed->setBarsGroup(group);
    setupLegend(m_segmentPlot, Qt::AlignTop | Qt::AlignRight);

    auto* right = new QSplitter(Qt::Vertical, tab);
    right->setChildrenCollapsible(false);
    right->addWidget(titled(tab, tr("The segments"), m_summaryTable, m_segmentCaption));
    right->addWidget(titled(tab, tr("Response rate by segment"), m_segmentPlot));
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 3);

    auto* splitter = new QSplitter(Qt::Horizontal, tab);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->addWidget(splitter);
    setSavedSegments({});
    return tab;
}

QWidget* SegmentsPage::createExportsTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("exportsTab"));
    m_exportTable = figureTable(tab, QStringLiteral("exportHistory"),
                                {tr("When"), tr("What"), tr("Run"), tr("Rows"), tr("File")});
    auto* caption = captionLabel(tab, QStringLiteral("exportsCaption"));
    caption->setText(tr("Every file written from this project, newest first. Use Export at the top right to "
                        "write scored customers (CSV or Excel), the segment summary, the charts, or the "
                        "model as SQL."));
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->addWidget(caption);
    layout->addWidget(m_exportTable, 1);
    return tab;
}

void SegmentsPage::createExportMenu(QPushButton* button)
{
    auto* menu = new QMenu(button);
    menu->setObjectName(QStringLiteral("exportMenu"));
    menu->addAction(tr("Scored Customers…"), this, &SegmentsPage::exportScoresWithDialog);
    menu->addAction(tr("Segment Summary…"), this, &SegmentsPage::exportSummaryWithDialog);
    menu->addAction(tr("Charts…"), this, &SegmentsPage::exportChartsWithDialog);
    menu->addAction(tr("Model as SQL…"), this, &SegmentsPage::exportSqlWithDialog);
    button->setMenu(menu);
}

// --- runs -------------------------------------------------------------------------------------

void SegmentsPage::setRuns(const std::vector<RunRecord>& runs)
{
    const std::int64_t shown = m_run >= 0 ? runKey(m_run) : 0;
    m_runs = runs;
    std::erase_if(m_runData, [this](const auto& entry) {
        for (int i = 0; i < static_cast<int>(m_runs.size()); ++i) {
            if (runKey(i) == entry.first) {
                return false;
            }
        }
        return true;
    });
    int next = static_cast<int>(m_runs.size()) - 1;
    for (int i = 0; i < static_cast<int>(m_runs.size()); ++i) {
        if (shown != 0 && runKey(i) == shown) {
            next = i;
        }
    }
    {
        const QSignalBlocker block(m_runPicker);
        m_runPicker->clear();
        for (const RunRecord& run : m_runs) {
            QString name = run.name.empty() ? tr("Run %1").arg(run.id) : local(run.name);
            if (run.metrics.contains("test_auc") && run.metrics["test_auc"].is_number()) {
                name += u' ' + tr("(AUC %1)").arg(localNumber(run.metrics["test_auc"].get<double>(), 3));
            }
            m_runPicker->addItem(name);
        }
        m_runPicker->setCurrentIndex(next);
    }
    const bool same = next >= 0 && runKey(next) == shown && m_data;
    m_run = next;
    if (!same) {
        refresh();
    }
}

void SegmentsPage::setTable(std::shared_ptr<const Table> table)
{
    if (table == m_table) {
        return;
    }
    m_table = std::move(table);
    m_runData.clear();
    refresh();
}

void SegmentsPage::setSavedSegments(const std::vector<SegmentRecord>& segments)
{
    m_saved = segments;
    const QString current = m_savedPicker->currentIndex() > 0 ? m_savedPicker->currentText() : QString();
    const QSignalBlocker block(m_savedPicker);
    m_savedPicker->clear();
    m_savedPicker->addItem(tr("(not saved)"));
    int select = 0;
    for (const SegmentRecord& s : m_saved) {
        m_savedPicker->addItem(local(s.name));
        if (local(s.name) == current) {
            select = m_savedPicker->count() - 1;
        }
    }
    m_savedPicker->setCurrentIndex(select);
    m_deleteSegments->setEnabled(select > 0);
}

void SegmentsPage::setExports(const std::vector<ExportRecord>& exports)
{
    m_exportTable->setRowCount(0);
    for (auto it = exports.rbegin(); it != exports.rend(); ++it) {
        const ExportRecord& e = *it;
        const int row = m_exportTable->rowCount();
        m_exportTable->insertRow(row);
        const QDateTime when = QDateTime::fromString(local(e.exportedAt), Qt::ISODate);
        m_exportTable->setItem(row, 0,
                               cell(when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)
                                                   : local(e.exportedAt),
                                    Qt::AlignLeft | Qt::AlignVCenter));
        m_exportTable->setItem(row, 1, cell(exportKindName(e), Qt::AlignLeft | Qt::AlignVCenter));
        m_exportTable->setItem(row, 2, cell(e.run ? QString::number(*e.run) : QString()));
        m_exportTable->setItem(row, 3, cell(e.rows ? localCount(e.rows) : QString()));
        m_exportTable->setItem(row, 4,
                               cell(QDir::toNativeSeparators(local(e.path)), Qt::AlignLeft | Qt::AlignVCenter));
    }
}

void SegmentsPage::refresh()
{
    if (isVisible()) {
        m_stale = false;
        showRun();
    } else {
        ++m_generation;
        if (m_dataJob) {
            m_dataJob->cancel();
        }
        m_stale = true;
    }
}

void SegmentsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        m_stale = false;
        showRun();
    }
}

void SegmentsPage::selectRun(int index)
{
    if (index < 0 || index >= static_cast<int>(m_runs.size())) {
        return;
    }
    m_run = index;
    if (m_runPicker->currentIndex() != index) {
        const QSignalBlocker block(m_runPicker);
        m_runPicker->setCurrentIndex(index);
    }
    showRun();
}

std::int64_t SegmentsPage::runKey(int index) const
{
    const RunRecord& run = m_runs[static_cast<std::size_t>(index)];
    return run.id != 0 ? run.id : -1 - index;
}

const RunRecord* SegmentsPage::shownRun() const
{
    return m_run >= 0 && m_run < static_cast<int>(m_runs.size()) ? &m_runs[static_cast<std::size_t>(m_run)]
                                                                  : nullptr;
}

bool SegmentsPage::isBusy() const
{
    return m_dataJob || m_summaryJob || m_exportJob;
}

void SegmentsPage::updateBusy()
{
    const bool busy = isBusy();
    if (busy != m_busy) {
        m_busy = busy;
        emit busyChanged(busy);
    }
}

void SegmentsPage::cancelWork()
{
    for (QFutureWatcher<void>* job : {m_dataJob, m_summaryJob, m_exportJob}) {
        if (job) {
            job->cancel();
        }
    }
}

void SegmentsPage::cancelExport()
{
    if (m_exportJob) {
        m_exportJob->cancel();
    }
}

void SegmentsPage::showEmptyState(const QString& text)
{
    m_emptyLabel->setText(text);
    m_stack->setCurrentWidget(m_emptyLabel);
    m_exportButton->setEnabled(false);
}

const BinaryEvaluation* SegmentsPage::evaluation() const
{
    return m_data && m_data->binary ? &*m_data->binary : nullptr;
}

const RegressionEvaluation* SegmentsPage::regression() const
{
    return m_data && m_data->regression ? &*m_data->regression : nullptr;
}

void SegmentsPage::showRun()
{
    ++m_generation;
    if (m_dataJob) {
        m_dataJob->cancel();
    }
    m_data.reset();
    m_summary.clear();
    const bool haveRuns = !m_runs.empty();
    m_runPicker->setVisible(haveRuns);
    m_runSummary->setVisible(haveRuns);
    const RunRecord* run = shownRun();
    if (!run) {
        m_runSummary->clear();
        showEmptyState(tr("Train a model on the Train page first.\n\nThen this page shows whom to contact: how "
                          "many of the customers you want a campaign reaches, segments such as hot, warm and "
                          "cold, and files to take into other tools."));
        return;
    }
    m_runSummary->setText(
        tr("%1 network, %2 epochs").arg(local(run->model.architecture.name)).arg(run->history.size()));
    if (!m_table) {
        showEmptyState(tr("Reading the customer data…"));
        return;
    }
    if (run->model.weights.empty()) {
        showEmptyState(tr("This run stopped before it learned anything, so it cannot score customers. "
                          "Choose another run, or train again."));
        return;
    }
    if (run->model.target.task == TaskKind::MultiClassification) {
        showEmptyState(tr("This run predicts one of %1 answers. Whom to contact, lift and segments need a "
                          "yes/no answer: choose a yes/no target on the Data page and train again.")
                           .arg(run->model.target.classes.size()));
        return;
    }
    if (!run->split.empty() && run->split.size() != m_table->rowCount()) {
        showEmptyState(tr("This run was trained on other data (%1 rows; the project's data has %2). "
                          "Choose another run, or train again on the current data.")
                           .arg(localCount(run->split.size()), localCount(m_table->rowCount())));
        return;
    }
    const std::int64_t key = runKey(m_run);
    if (const auto it = m_runData.find(key); it != m_runData.end()) {
        onRunDataReady(key, it->second, {});
        return;
    }
    showEmptyState(tr("Scoring %1 customers…").arg(localCount(m_table->rowCount())));
    const std::uint64_t generation = m_generation;
    const auto table = m_table;
    const RunRecord record = *run;
    m_dataJob = runJob<std::shared_ptr<const RunData>>(
        this,
        [table, record](const JobProgress&) {
            auto d = std::make_shared<RunData>();
            d->model = record.model;
            d->runId = record.id;
            d->all = scoreTable(*table, d->model, 0);
            d->sorted = d->all;
            std::sort(d->sorted.begin(), d->sorted.end(), std::greater<>());
            const TargetValues targets = targetValues(*table, d->model.target);
            std::vector<std::int64_t> rows = splitFromAssignment(record.split).test;
            if (rows.empty()) {
                for (std::size_t r = 0; r < table->rowCount(); ++r) {
                    if (!std::isnan(targets.values[r])) {
                        rows.push_back(static_cast<std::int64_t>(r));
                    }
                }
                d->notes = tr("This run does not say which rows it was tested on, so every customer with an "
                              "answer is used, also those it learned from: the figures look better than they "
                              "will be on new customers.");
            }
            const bool binary = d->model.target.task == TaskKind::BinaryClassification;
            for (const std::int64_t row : rows) {
                const float y = targets.values[static_cast<std::size_t>(row)];
                if (std::isnan(y)) {
                    continue;
                }
                d->test.push_back(d->all[static_cast<std::size_t>(row)]);
                d->labels.push_back(binary ? (y >= 0.5f ? 1.0f : 0.0f) : y);
            }
            if (d->test.empty()) {
                throw std::invalid_argument(tr("the run has no test customers with an answer").toStdString());
            }
            if (binary) {
                d->binary = evaluateBinary(d->test, d->labels);
                d->positive = positiveName(d->model.target, *table);
            } else {
                d->regression = evaluateRegression(d->test, d->labels);
            }
            return std::shared_ptr<const RunData>(std::move(d));
        },
        [this, generation, key](QFutureWatcher<void>*, std::optional<std::shared_ptr<const RunData>> ready,
                                const QString& error) {
            m_dataJob = nullptr;
            updateBusy();
            if (generation != m_generation) {
                return;
            }
            onRunDataReady(key, ready ? *ready : nullptr, error);
        });
    updateBusy();
}

void SegmentsPage::onRunDataReady(std::int64_t key, std::shared_ptr<const RunData> ready, const QString& error)
{
    if (!ready) {
        showEmptyState(error.isEmpty() ? tr("Scoring the customers was stopped.")
                                       : tr("This run cannot score the project's customers: %1").arg(error));
        return;
    }
    m_runData[key] = ready;
    m_data = ready;
    m_stack->setCurrentWidget(m_tabs);
    m_exportButton->setEnabled(true);
    if (m_data->binary) {
        showBinary();
    } else {
        showRegression();
    }
}

// --- yes/no models ----------------------------------------------------------------------------

void SegmentsPage::showBinary()
{
    const BinaryEvaluation& e = *m_data->binary;
    m_tabs->setTabEnabled(ContactTab, true);
    m_tabs->setTabEnabled(SegmentsTab, true);
    m_qualityStack->setCurrentIndex(0);

    m_qualityCaption->setText(
        tr("On %1 test customers the model did not learn from (%2 of them %3): AUC %4, so a customer with %3 "
           "scores higher than one without %5 of the time (guessing: 50 %). The top tenth holds %6 of the "
           "positives.")
            .arg(localCount(e.rows), localPercent(e.baseRate), m_data->positive, localNumber(e.auc, 3),
                 localPercent(e.auc),
                 localPercent(e.deciles.empty() ? 0.0 : e.deciles.front().cumulativeGain)) +
        (m_data->notes.isEmpty() ? QString() : u'\n' + m_data->notes));

    // Gains and lift.
    QVector<double> x, model, random, perfect, lift, one;
    for (const GainsPoint& p : e.gains) {
        x << 100.0 * p.contacted;
        model << 100.0 * p.model;
        random << 100.0 * p.random;
        perfect << 100.0 * p.perfect;
        lift << p.lift;
        one << 1.0;
    }
    m_gainsPlot->graph(0)->setData(x, model, true);
    m_gainsPlot->graph(1)->setData(x, random, true);
    m_gainsPlot->graph(2)->setData(x, perfect, true);
    m_gainsPlot->xAxis->setRange(0, 100);
    m_gainsPlot->yAxis->setRange(0, 102);
    m_liftPlot->graph(0)->setData(x.mid(1), lift.mid(1), true);
    m_liftPlot->graph(1)->setData(x, one, true);
    m_liftPlot->xAxis->setRange(0, 100);
    m_liftPlot->graph(0)->rescaleValueAxis();
    m_liftPlot->yAxis->setRangeLower(0);
    m_liftPlot->yAxis->setRangeUpper(std::max(1.2, m_liftPlot->yAxis->range().upper * 1.08));

    // ROC and precision-recall.
    QVector<double> fpr, tpr;
    for (const RocPoint& p : e.roc) {
        fpr << p.falsePositiveRate;
        tpr << p.truePositiveRate;
    }
    m_rocPlot->graph(0)->setData(fpr, tpr, true);
    m_rocPlot->graph(0)->setName(tr("This model (AUC %1)").arg(localNumber(e.auc, 3)));
    m_rocPlot->graph(1)->setData({0.0, 1.0}, {0.0, 1.0}, true);
    m_rocPlot->xAxis->setRange(0, 1);
    m_rocPlot->yAxis->setRange(0, 1.02);
    QVector<double> recall, precision;
    for (const PrPoint& p : e.pr) {
        recall << p.recall;
        precision << p.precision;
    }
    m_prPlot->graph(0)->setData(recall, precision, true);
    m_prPlot->graph(0)->setName(tr("This model (average precision %1)").arg(localNumber(e.averagePrecision, 3)));
    m_prPlot->graph(1)->setData({0.0, 1.0}, {e.baseRate, e.baseRate}, true);
    m_prPlot->xAxis->setRange(0, 1);
    m_prPlot->yAxis->setRange(0, 1.02);

    // Calibration.
    QVector<double> meanScore, observed;
    for (const CalibrationBin& b : e.calibration) {
        if (b.count > 0) {
            meanScore << b.meanScore;
            observed << b.observedRate;
        }
    }
    m_calibrationPlot->graph(0)->setData(meanScore, observed, true);
    m_calibrationPlot->graph(1)->setData({0.0, 1.0}, {0.0, 1.0}, true);
    m_calibrationPlot->xAxis->setRange(0, 1);
    m_calibrationPlot->yAxis->setRange(0, 1.02);

    // Deciles.
    m_deciles->setRowCount(0);
    for (const QuantileRow& r : e.deciles) {
        const int row = m_deciles->rowCount();
        m_deciles->insertRow(row);
        m_deciles->setItem(row, 0, cell(QString::number(r.group), Qt::AlignCenter));
        m_deciles->setItem(row, 1, cell(localCount(static_cast<unsigned long long>(r.customers))));
        m_deciles->setItem(row, 2, cell(localCount(static_cast<unsigned long long>(r.positives))));
        m_deciles->setItem(row, 3, cell(r.customers ? localPercent(r.responseRate) : QStringLiteral("–")));
        m_deciles->setItem(row, 4, cell(r.customers ? tr("%1×").arg(localNumber(r.lift, 2)) : QStringLiteral("–")));
        m_deciles->setItem(row, 5, cell(localPercent(r.cumulativeGain)));
        m_deciles->setItem(row, 6, cell(tr("%1×").arg(localNumber(r.cumulativeLift, 2))));
        m_deciles->setItem(row, 7,
                           cell(r.customers ? tr("%1 – %2").arg(localNumber(r.minScore, 3), localNumber(r.maxScore, 3))
                                            : QStringLiteral("–")));
    }

    // Wide enough for every column (the charts give way).
    m_deciles->resizeColumnsToContents();
    int width = 2 * m_deciles->frameWidth() + 24;
    for (int c = 0; c < m_deciles->columnCount(); ++c) {
        width += m_deciles->columnWidth(c);
    }
    m_deciles->setMinimumWidth(std::min(width, 640));

    // The test customers' scores, positives on top.
    QVector<double> centres(kHistogramBins), positives(kHistogramBins, 0.0), others(kHistogramBins, 0.0);
    for (int b = 0; b < kHistogramBins; ++b) {
        centres[b] = (b + 0.5) / kHistogramBins;
    }
    for (std::size_t i = 0; i < m_data->test.size(); ++i) {
        const int b = std::clamp(static_cast<int>(m_data->test[i] * kHistogramBins), 0, kHistogramBins - 1);
        (m_data->labels[i] >= 0.5f ? positives : others)[b] += 1.0;
    }
    auto* otherBars = qobject_cast<QCPBars*>(m_histogramPlot->plottable(0));
    auto* positiveBars = qobject_cast<QCPBars*>(m_histogramPlot->plottable(1));
    otherBars->setName(tr("Others"));
    positiveBars->setName(m_data->positive);
    otherBars->setData(centres, others, true);
    positiveBars->setData(centres, positives, true);
    m_histogramPlot->rescaleAxes();
    m_histogramPlot->xAxis->setRange(0, 1);
    m_histogramPlot->yAxis->setRangeLower(0);
    m_histogramPlot->yAxis->setRangeUpper(m_histogramPlot->yAxis->range().upper * 1.1);

    for (QCustomPlot* plot : {m_gainsPlot, m_liftPlot, m_rocPlot, m_prPlot, m_calibrationPlot, m_histogramPlot}) {
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
    m_profitPlot->graph(0)->data()->clear();
    m_helperResult->clear();
    onSliderMoved(m_slider->value());
    chooseByProfit(false);
    summarise();
}

double SegmentsPage::contactShare() const
{
    return m_slider->value() / 100.0;
}

void SegmentsPage::setContactShare(double share)
{
    m_slider->setValue(static_cast<int>(std::lround(std::clamp(share, 0.0, 1.0) * 100.0)));
}

void SegmentsPage::onSliderMoved(int percent)
{
    m_shareLabel->setText(localPercent(percent / 100.0));
    if (!m_data || !m_data->binary) {
        return;
    }
    const ThresholdChoice choice = topShareThreshold(m_data->sorted, percent / 100.0);
    m_threshold = choice.threshold;
    m_contacted = countAtLeast(m_data->sorted, m_threshold);
    m_helperResult->clear();
    updateContact();
}

/// Moves the slider to where `threshold` cuts, without recomputing the cut from the slider.
static void placeSlider(QSlider* slider, double share)
{
    const QSignalBlocker block(slider);
    slider->setValue(static_cast<int>(std::lround(share * 100.0)));
}

void SegmentsPage::updateContact()
{
    if (!m_data || !m_data->binary) {
        return;
    }
    const double all = static_cast<double>(m_data->all.size());
    const double share = m_contacted / all;
    m_shareLabel->setText(localPercent(share));
    m_confusion = confusionAt(m_data->test, m_data->labels, m_threshold);
    const ConfusionMatrix& c = m_confusion;
    const double testRows = static_cast<double>(m_data->test.size());
    const double testShare = (c.truePositives + c.falsePositives) / testRows;
    const double lift = testShare > 0 ? c.recall / testShare : 0.0;
    m_sentence->setText(contactSentence());

    m_positiveRow->setText(m_data->positive);
    //: Confusion-matrix cells; %1 is a number of customers.
    m_cells[0]->setText(tr("%1 reached").arg(localCount(static_cast<unsigned long long>(c.truePositives))));
    m_cells[1]->setText(tr("%1 missed").arg(localCount(static_cast<unsigned long long>(c.falseNegatives))));
    m_cells[2]->setText(tr("%1 contacted in vain").arg(localCount(static_cast<unsigned long long>(c.falsePositives))));
    m_cells[3]->setText(tr("%1 rightly left out").arg(localCount(static_cast<unsigned long long>(c.trueNegatives))));
    m_cells[0]->setToolTip(tr("True positives: contacted, and %1.").arg(m_data->positive));
    m_cells[1]->setToolTip(tr("False negatives: %1, but not contacted.").arg(m_data->positive));
    m_cells[2]->setToolTip(tr("False positives: contacted, but not %1.").arg(m_data->positive));
    m_cells[3]->setToolTip(tr("True negatives: not contacted, and not %1.").arg(m_data->positive));
    m_rates->setText(tr("Of those contacted, %1 are %2 (precision); %3 of all %2 are reached (recall); F1 %4; "
                        "%5 of the test customers are put on the right side (accuracy). Lift %6×. Score from %7.")
                         .arg(localPercent(c.precision), m_data->positive, localPercent(c.recall),
                              localNumber(c.f1, 3), localPercent(c.accuracy), localNumber(lift, 2),
                              localNumber(m_threshold, 3)));

    placeMarker(m_gainsMarker, 100.0 * share);
    placeMarker(m_histogramMarker, std::clamp(m_threshold, 0.0, 1.0));
    placeMarker(m_profitMarker, 100.0 * share);
    for (QCustomPlot* plot : {m_gainsPlot, m_histogramPlot, m_profitPlot}) {
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

QString SegmentsPage::contactSentence() const
{
    if (!m_data || !m_data->binary) {
        return {};
    }
    const ConfusionMatrix& c = m_confusion;
    const double share = static_cast<double>(m_contacted) / static_cast<double>(m_data->all.size());
    if (m_contacted == 0) {
        return tr("Contacting nobody reaches none of the customers with %1.").arg(m_data->positive);
    }
    const double testShare = static_cast<double>(c.truePositives + c.falsePositives) /
                             static_cast<double>(m_data->test.size());
    const double lift = testShare > 0 ? c.recall / testShare : 0.0;
    return tr("Contacting the top %1 (%2 customers, score %3 or more) reaches %4 of the customers with %5 "
              "— %6× random.")
        .arg(localPercent(share), localCount(m_contacted), localNumber(m_threshold, 3), localPercent(c.recall),
             m_data->positive, localNumber(lift, 1));
}

void SegmentsPage::chooseBestF1()
{
    if (!m_data || !m_data->binary) {
        return;
    }
    const ThresholdChoice best = bestF1Threshold(m_data->test, m_data->labels);
    m_threshold = best.threshold;
    m_contacted = countAtLeast(m_data->sorted, m_threshold);
    placeSlider(m_slider, static_cast<double>(m_contacted) / m_data->all.size());
    updateContact();
    m_helperResult->setText(tr("The best balance is at score %1: F1 %2 on the test customers.")
                                .arg(localNumber(best.threshold, 3), localNumber(best.f1, 3)));
}

void SegmentsPage::chooseTopN()
{
    if (!m_data || !m_data->binary) {
        return;
    }
    const auto n = static_cast<std::size_t>(m_topN->value());
    const ThresholdChoice choice = topNThreshold(m_data->sorted, n);
    m_threshold = choice.threshold;
    m_contacted = countAtLeast(m_data->sorted, m_threshold);
    placeSlider(m_slider, static_cast<double>(m_contacted) / m_data->all.size());
    updateContact();
    m_helperResult->setText(m_contacted > n ? tr("%1 customers: %2 more share the last score, so they are "
                                                 "contacted too.")
                                                  .arg(localCount(m_contacted), localCount(m_contacted - n))
                                            : tr("The %1 customers with the highest scores.").arg(localCount(m_contacted)));
}

void SegmentsPage::chooseByProfit(bool moveCut)
{
    if (!m_data || !m_data->binary) {
        return;
    }
    ProfitOptions options;
    options.costPerContact = m_cost->value();
    options.valuePerConversion = m_value->value();
    if (m_budget->value() > 0.0) {
        options.budget = m_budget->value();
    }
    const ProfitCurve curve = profitCurve(m_data->all, options);
    const double all = static_cast<double>(m_data->all.size());
    QVector<double> x, profit;
    x.reserve(static_cast<qsizetype>(curve.points.size()));
    profit.reserve(static_cast<qsizetype>(curve.points.size()));
    for (const ProfitPoint& p : curve.points) {
        x << 100.0 * p.contacted / all;
        profit << p.profit;
    }
    m_profitPlot->graph(0)->setData(x, profit, true);
    m_profitPlot->xAxis->setRange(0, 100);
    m_profitPlot->graph(0)->rescaleValueAxis();
    const QCPRange range = m_profitPlot->yAxis->range();
    const double pad = std::max(1.0, (range.upper - range.lower) * 0.08);
    m_profitPlot->yAxis->setRange(range.lower - pad, range.upper + pad);
    if (moveCut) {
        m_threshold = curve.best.contacted > 0 ? curve.best.threshold : m_data->sorted.front() + 1.0;
        m_contacted = curve.best.contacted;
        placeSlider(m_slider, m_contacted / all);
        updateContact();
        m_helperResult->setText(
            curve.best.contacted == 0
                ? tr("No cut is expected to make a profit at these prices: every contact costs more than the "
                     "yes it is likely to bring.")
                : tr("Contacting %1 customers (score %2 or more) is expected to bring %3 yes answers: cost %4, "
                     "value %5, profit %6.")
                      .arg(localCount(curve.best.contacted), localNumber(curve.best.threshold, 3),
                           localNumber(curve.best.conversions, 0), localNumber(curve.best.cost, 2),
                           localNumber(curve.best.revenue, 2), localNumber(curve.best.profit, 2)));
    }
    m_profitPlot->replot(QCustomPlot::rpQueuedReplot);
}

// --- number models ----------------------------------------------------------------------------

void SegmentsPage::showRegression()
{
    const RegressionEvaluation& e = *m_data->regression;
    m_tabs->setTabEnabled(ContactTab, false);
    m_tabs->setTabEnabled(SegmentsTab, false);
    m_tabs->setTabToolTip(ContactTab, tr("For yes/no models."));
    m_tabs->setTabToolTip(SegmentsTab, tr("For yes/no models."));
    m_tabs->setCurrentIndex(QualityTab);
    m_qualityStack->setCurrentIndex(1);
    m_regressionCaption->setText(
        tr("On %1 test customers the model did not learn from: typical error (RMSE) %2, mean absolute error %3, "
           "R² %4 (1 is perfect, 0 is no better than always predicting the average). On average the model "
           "predicts %5 too %6.")
            .arg(localCount(e.predictions.size()), localNumber(e.metrics.rmse, 3), localNumber(e.metrics.mae, 3),
                 localNumber(e.metrics.r2, 3), localNumber(std::abs(e.meanResidual), 3),
                 e.meanResidual > 0 ? tr("low") : tr("high")) +
        (m_data->notes.isEmpty() ? QString() : u'\n' + m_data->notes));
    QVector<double> predicted, actual, residual;
    for (std::size_t i = 0; i < e.predictions.size(); ++i) {
        predicted << e.predictions[i];
        actual << m_data->labels[i];
        residual << e.residuals[i];
    }
    auto scatter = [](QCustomPlot* plot, const QVector<double>& x, const QVector<double>& y) {
        plot->clearGraphs();
        QCPGraph* g = plot->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(37, 99, 235, 110), 4));
        g->setData(x, y);
        plot->rescaleAxes();
        return g;
    };
    scatter(m_actualPlot, predicted, actual);
    const QCPRange xr = m_actualPlot->xAxis->range();
    QCPGraph* diagonal = m_actualPlot->addGraph();
    diagonal->setPen(QPen(kRandom, 1.5, Qt::DashLine));
    diagonal->setData({xr.lower, xr.upper}, {xr.lower, xr.upper});
    scatter(m_residualPlot, predicted, residual);
    QCPGraph* zero = m_residualPlot->addGraph();
    zero->setPen(QPen(kRandom, 1.5, Qt::DashLine));
    zero->setData({m_residualPlot->xAxis->range().lower, m_residualPlot->xAxis->range().upper}, {0.0, 0.0});

    m_residualHistogram->clearPlottables();
    if (!residual.isEmpty()) {
        const auto [lo, hi] = std::minmax_element(residual.begin(), residual.end());
        const double width = std::max((*hi - *lo) / 30.0, 1e-9);
        QVector<double> centres(30), counts(30, 0.0);
        for (int b = 0; b < 30; ++b) {
            centres[b] = *lo + (b + 0.5) * width;
        }
        for (const double r : residual) {
            counts[std::clamp(static_cast<int>((r - *lo) / width), 0, 29)] += 1.0;
        }
        auto* bars = new QCPBars(m_residualHistogram->xAxis, m_residualHistogram->yAxis);
        bars->setPen(Qt::NoPen);
        bars->setBrush(kModel.lighter(140));
        bars->setWidth(width * 0.9);
        bars->setData(centres, counts, true);
        m_residualHistogram->rescaleAxes();
        m_residualHistogram->yAxis->setRangeLower(0);
    }
    for (QCustomPlot* plot : {m_actualPlot, m_residualPlot, m_residualHistogram}) {
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

// --- segments ---------------------------------------------------------------------------------

SegmentDefinition SegmentsPage::segmentDefinition() const
{
    return m_editor->definition();
}

void SegmentsPage::setSegmentDefinition(const SegmentDefinition& definition)
{
    m_editor->setDefinition(definition);
}

void SegmentsPage::summarise()
{
    if (!m_data || !m_data->binary) {
        return;
    }
    SegmentDefinition definition;
    try {
        definition = m_editor->definition();
    } catch (const std::invalid_argument&) {
        return; // the editor says why
    }
    if (m_summaryJob) {
        m_summaryJob->cancel();
    }
    const std::uint64_t generation = ++m_summaryGeneration;
    m_summary.clear();
    m_segmentCaption->setText(tr("Counting…"));
    const auto shown = m_data;
    m_summaryJob = runJob<std::vector<SegmentStats>>(
        this,
        [shown, definition](const JobProgress&) {
            return summariseSegments(definition, shown->all, shown->test, shown->labels);
        },
        [this, generation](QFutureWatcher<void>* job, std::optional<std::vector<SegmentStats>> summary,
                           const QString& error) {
            if (m_summaryJob == job) {
                m_summaryJob = nullptr;
                updateBusy();
            }
            if (generation != m_summaryGeneration) {
                return;
            }
            if (!summary) {
                m_segmentCaption->setText(error);
                return;
            }
            m_summary = std::move(*summary);
            showSummary();
        });
    updateBusy();
}

void SegmentsPage::showSummary()
{
    m_summaryTable->setRowCount(0);
    QVector<double> ticks, expected, observed;
    QVector<QString> labels;
    for (const SegmentStats& s : m_summary) {
        const int row = m_summaryTable->rowCount();
        m_summaryTable->insertRow(row);
        m_summaryTable->setItem(row, 0, cell(local(s.name), Qt::AlignLeft | Qt::AlignVCenter));
        m_summaryTable->setItem(row, 1, cell(localCount(s.customers)));
        m_summaryTable->setItem(row, 2, cell(localPercent(s.share)));
        m_summaryTable->setItem(row, 3,
                                cell(s.customers ? tr("%1 – %2").arg(localNumber(s.minScore, 3), localNumber(s.maxScore, 3))
                                                 : QStringLiteral("–")));
        m_summaryTable->setItem(row, 4, cell(s.customers ? localPercent(s.meanScore) : QStringLiteral("–")));
        m_summaryTable->setItem(row, 5,
                                cell(s.customers ? tr("%1×").arg(localNumber(s.expectedLift, 2)) : QStringLiteral("–")));
        m_summaryTable->setItem(row, 6, cell(localCount(s.testCustomers)));
        m_summaryTable->setItem(row, 7, cell(s.observedRate ? localPercent(*s.observedRate) : QStringLiteral("–")));
        m_summaryTable->setItem(row, 8,
                                cell(s.observedLift ? tr("%1×").arg(localNumber(*s.observedLift, 2)) : QStringLiteral("–")));
        ticks << row + 1;
        labels << local(s.name);
        expected << 100.0 * s.meanScore;
        observed << (s.observedRate ? 100.0 * *s.observedRate : 0.0);
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTicks(ticks, labels);
    m_segmentPlot->xAxis->setTicker(ticker);
    m_segmentPlot->xAxis->setRange(0.4, ticks.size() + 0.6);
    qobject_cast<QCPBars*>(m_segmentPlot->plottable(0))->setData(ticks, expected, true);
    qobject_cast<QCPBars*>(m_segmentPlot->plottable(1))->setData(ticks, observed, true);
    m_segmentPlot->rescaleAxes();
    m_segmentPlot->xAxis->setRange(0.4, ticks.size() + 0.6);
    m_segmentPlot->yAxis->setRange(0, std::max(5.0, m_segmentPlot->yAxis->range().upper * 1.15));
    m_segmentPlot->replot(QCustomPlot::rpQueuedReplot);
    m_segmentCaption->setText(
        tr("%1 customers in %2 segments. Expected rates are the mean scores of all customers; observed rates "
           "are counted on the %3 test customers.")
            .arg(localCount(m_data->all.size()))
            .arg(m_summary.size())
            .arg(localCount(m_data->test.size())));
}

void SegmentsPage::saveSegmentsAs()
{
    SegmentDefinition definition;
    try {
        definition = m_editor->definition();
    } catch (const std::invalid_argument& e) {
        QMessageBox::information(this, tr("Save Segments"), QString::fromUtf8(e.what()));
        return;
    }
    const QString suggested = m_savedPicker->currentIndex() > 0 ? m_savedPicker->currentText() : tr("segments");
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save Segments"), tr("Name:"), QLineEdit::Normal,
                                               suggested, &ok)
                             .trimmed();
    if (!ok || name.isEmpty()) {
        return;
    }
    nlohmann::json stored = definition.toJson();
    if (const RunRecord* run = shownRun(); run && run->id != 0) {
        stored["run"] = run->id;
    }
    // Selected once the owner stores it and gives the list back.
    const QSignalBlocker block(m_savedPicker);
    m_savedPicker->addItem(name);
    m_savedPicker->setCurrentIndex(m_savedPicker->count() - 1);
    emit segmentsSaved(name, stored);
}

void SegmentsPage::deleteSavedSegments()
{
    const int index = m_savedPicker->currentIndex();
    if (index <= 0) {
        return;
    }
    emit segmentsRemoved(m_savedPicker->currentText());
}

void SegmentsPage::loadSavedSegments(int index)
{
    m_deleteSegments->setEnabled(index > 0);
    if (index <= 0 || index > static_cast<int>(m_saved.size())) {
        return;
    }
    try {
        m_editor->setDefinition(SegmentDefinition::fromJson(m_saved[static_cast<std::size_t>(index - 1)].definition));
    } catch (const std::invalid_argument& e) {
        QMessageBox::warning(this, tr("Saved Segments"),
                             tr("The segments \"%1\" cannot be read: %2").arg(m_savedPicker->currentText(),
                                                                              QString::fromUtf8(e.what())));
    }
}

// --- exports ----------------------------------------------------------------------------------

QString SegmentsPage::suggestedName(const QString& what, const QString& suffix) const
{
    const RunRecord* run = shownRun();
    const QString name = run && run->id ? tr("%1-run-%2").arg(what).arg(run->id) : what;
    return QDir(QDir::homePath()).filePath(name + QLatin1Char('.') + suffix);
}

void SegmentsPage::record(ExportRecord record)
{
    emit exported(record);
}

void SegmentsPage::exportScoresWithDialog()
{
    if (!m_data || !m_table) {
        return;
    }
    QStringList columns, preselected;
    for (const Column& c : m_table->columns()) {
        columns << local(c.name);
    }
    if (!m_data->model.idColumn.empty()) {
        preselected << local(m_data->model.idColumn);
    }
    const bool segments = m_data->binary && m_editor->problem().isEmpty();
    ExportDialog dialog(columns, preselected, suggestedName(tr("scored-customers"), QStringLiteral("csv")), segments,
                        this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    ScoredExportOptions options = dialog.options();
    if (dialog.includeSegments()) {
        options.segments = m_editor->definition();
    }
    startScoreExport(std::move(options));
}

void SegmentsPage::startScoreExport(ScoredExportOptions options)
{
    const RunRecord* run = shownRun();
    if (!m_data || !m_table || !run || m_exportJob) {
        emit exportFinished(false, false, tr("Nothing to export yet, or an export is already running."));
        return;
    }
    const QString path = QString::fromStdString(options.path);
    const auto table = m_table;
    const auto shown = m_data;
    const std::vector<std::uint8_t> split = run->split;
    std::optional<std::int64_t> savedId;
    if (options.segments && m_savedPicker->currentIndex() > 0) {
        const SegmentRecord& saved = m_saved[static_cast<std::size_t>(m_savedPicker->currentIndex() - 1)];
        try {
            if (SegmentDefinition::fromJson(saved.definition) == *options.segments) {
                savedId = saved.id;
            }
        } catch (const std::invalid_argument&) {
        }
    }
    const std::int64_t runId = shown->runId;
    emit taskStarted(tr("Exporting customers to %1…").arg(QFileInfo(path).fileName()));
    m_exportJob = runJob<std::pair<ExportResult, ExportRecord>>(
        this,
        [table, shown, split, options, runId, savedId](const JobProgress& progress) mutable {
            if (options.reasons > 0) {
                const Split parts = splitFromAssignment(split);
                std::vector<std::int64_t> rows = parts.train;
                if (rows.empty()) {
                    rows.resize(table->rowCount());
                    for (std::size_t r = 0; r < rows.size(); ++r) {
                        rows[r] = static_cast<std::int64_t>(r);
                    }
                }
                options.baseline = meanBaseline(shown->model.recipe.transform(*table, rows));
            }
            ExportResult result = exportScores(*table, shown->model, options, progress);
            ExportRecord record = exportRecordFor(options, result, runId != 0 ? std::optional(runId) : std::nullopt,
                                                  savedId);
            return std::make_pair(std::move(result), std::move(record));
        },
        [this, path](QFutureWatcher<void>*, std::optional<std::pair<ExportResult, ExportRecord>> outcome,
                     const QString& error) {
            m_exportJob = nullptr;
            updateBusy();
            emit taskEnded();
            const QString file = QDir::toNativeSeparators(path);
            if (!outcome || outcome->first.cancelled) {
                emit exportFinished(false, error.isEmpty(), error.isEmpty() ? tr("The export to %1 was cancelled; no file was "
                                                                "written.")
                                                                 .arg(file)
                                                           : tr("Cannot export to %1: %2").arg(file, error));
                return;
            }
            record(outcome->second);
            emit exportFinished(true, false, tr("%1 customers exported to %2.").arg(localCount(outcome->first.rows), file));
        },
        [this](double fraction) { emit taskProgress(fraction); });
    updateBusy();
}

bool SegmentsPage::exportSegmentSummary(const QString& path, QString* error)
{
    if (m_summary.empty()) {
        if (error) {
            *error = tr("There are no segments to write yet.");
        }
        return false;
    }
    try {
        writeSegmentSummaryCsv(path.toStdString(), m_summary);
    } catch (const std::exception& e) {
        if (error) {
            *error = QString::fromUtf8(e.what());
        }
        return false;
    }
    ExportRecord e;
    e.path = QFileInfo(path).absoluteFilePath().toStdString();
    if (m_data && m_data->runId) {
        e.run = m_data->runId;
    }
    e.rows = m_summary.size();
    e.details = {{"kind", "segment_summary"}, {"format", "csv"}};
    if (m_savedPicker->currentIndex() > 0) {
        e.details["segments"] = m_savedPicker->currentText().toStdString();
        e.segment = m_saved[static_cast<std::size_t>(m_savedPicker->currentIndex() - 1)].id;
    }
    record(e);
    return true;
}

std::vector<QCustomPlot*> SegmentsPage::shownPlots() const
{
    switch (m_tabs->currentIndex()) {
    case QualityTab:
        return m_qualityStack->currentIndex() == 0
                   ? std::vector<QCustomPlot*>{m_liftPlot, m_rocPlot, m_prPlot, m_calibrationPlot}
                   : std::vector<QCustomPlot*>{m_actualPlot, m_residualPlot, m_residualHistogram};
    case SegmentsTab:
        return {m_segmentPlot};
    default:
        return {m_gainsPlot, m_histogramPlot, m_profitPlot};
    }
}

bool SegmentsPage::exportCharts(const QString& path)
{
    const std::vector<QCustomPlot*> plots = shownPlots();
    if (!m_data || !exportPlots(path, plots, tr("NeuroLift evaluation charts"), 1200,
                                static_cast<int>(450 * plots.size()))) {
        return false;
    }
    ExportRecord e;
    e.path = QFileInfo(path).absoluteFilePath().toStdString();
    if (m_data->runId) {
        e.run = m_data->runId;
    }
    e.details = {{"kind", "charts"}, {"format", QFileInfo(path).suffix().toLower().toStdString()}};
    record(e);
    return true;
}

bool SegmentsPage::exportSql(const QString& path, SqlDialect dialect, const QString& table, QString* error)
{
    if (!m_data) {
        return false;
    }
    try {
        SqlExportOptions options;
        options.dialect = dialect;
        options.table = table.toStdString();
        const std::string sql = modelSql(m_data->model, options);
        AtomicFile file(path.toStdString());
        file.write(sql);
        file.commit();
    } catch (const std::exception& e) {
        if (error) {
            *error = QString::fromUtf8(e.what());
        }
        return false;
    }
    ExportRecord e;
    e.path = QFileInfo(path).absoluteFilePath().toStdString();
    if (m_data->runId) {
        e.run = m_data->runId;
    }
    e.details = {{"kind", "sql"},
                 {"dialect", dialect == SqlDialect::Sqlite ? "sqlite" : "postgres"},
                 {"table", table.toStdString()}};
    record(e);
    return true;
}

void SegmentsPage::exportSummaryWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the Segment Summary"),
                                                      suggestedName(tr("segment-summary"), QStringLiteral("csv")),
                                                      tr("CSV file (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!exportSegmentSummary(path, &error)) {
        QMessageBox::warning(this, tr("Export the Segment Summary"), error);
    }
}

void SegmentsPage::exportChartsWithDialog()
{
    if (!m_data) {
        return;
    }
    const std::vector<QCustomPlot*> plots = shownPlots();
    const QString path = exportPlotsWithDialog(this, plots, tr("NeuroLift evaluation charts"),
                                               QFileInfo(suggestedName(tr("charts"), QStringLiteral("png")))
                                                   .completeBaseName());
    if (!path.isEmpty()) {
        ExportRecord e;
        e.path = QFileInfo(path).absoluteFilePath().toStdString();
        if (m_data->runId) {
            e.run = m_data->runId;
        }
        e.details = {{"kind", "charts"}, {"format", QFileInfo(path).suffix().toLower().toStdString()}};
        record(e);
    }
}

void SegmentsPage::exportSqlWithDialog()
{
    if (!m_data) {
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Export the Model as SQL"));
    auto* dialect = new QComboBox(&dialog);
    dialect->addItem(tr("SQLite"));
    dialect->addItem(tr("PostgreSQL"));
    auto* table = new QLineEdit(QStringLiteral("customers"), &dialog);
    table->setToolTip(tr("The table holding your customers, with the columns the model was trained on."));
    auto* note = captionLabel(&dialog, QStringLiteral("sqlNote"));
    note->setText(tr("One SELECT statement that computes the same score as NeuroLift, row by row, inside your "
                     "database."));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto* form = new QFormLayout(&dialog);
    form->addRow(note);
    form->addRow(tr("Database:"), dialect);
    form->addRow(tr("Customer table:"), table);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted || table->text().trimmed().isEmpty()) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the Model as SQL"),
                                                      suggestedName(tr("model"), QStringLiteral("sql")),
                                                      tr("SQL file (*.sql)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!exportSql(path, dialect->currentIndex() == 0 ? SqlDialect::Sqlite : SqlDialect::Postgres,
                   table->text().trimmed(), &error)) {
        QMessageBox::warning(this, tr("Export the Model as SQL"),
                             tr("The model cannot be written as SQL: %1").arg(error));
    }
}

} // namespace neurolift

#pragma once

// What the Segments page's parts share: includes, chart and table helpers,
// and the results of one run. Private to segmentspage*.cpp.

#include "segments/segmentspage.h"

#include "common/exportdialog.h"
#include "common/pagekit.h"
#include "segments/segmenteditor.h"

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
#include <QScrollBar>
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

namespace segmentsui {

enum TabIndex { ContactTab = 0, QualityTab = 1, SegmentsTab = 2, ExportsTab = 3 };

inline const QColor kModel = kPositiveColour;
inline const QColor kRandom(150, 150, 150);
inline const QColor kPerfect(22, 163, 74);
inline const QColor kOther(203, 213, 225);

inline constexpr int kHistogramBins = 20;

inline QString local(const std::string& text)
{
    return QString::fromStdString(text);
}

/// "Revenue = TRUE": the answer a yes/no model scores, as the file spells it.
inline QString positiveName(const TargetSpec& target, const Table& table)
{
    std::string value = target.classes.size() == 2 ? target.classes[1] : std::string("1");
    const Column* column = table.column(target.column);
    if (column && column->type == ColumnType::Boolean && column->levels.size() == 2 && value == "1") {
        value = column->levels[1]; // a yes/no column read from words: "TRUE", "yes"
    }
    return SegmentsPage::tr("%1 = %2").arg(local(target.column), local(value));
}

inline QCPGraph* addLine(QCustomPlot* plot, const QString& name, const QColor& colour,
                         Qt::PenStyle style = Qt::SolidLine, double width = 2.0)
{
    QCPGraph* graph = plot->addGraph();
    graph->setName(name);
    graph->setPen(QPen(colour, width, style));
    return graph;
}

inline QCPItemStraightLine* addMarker(QCustomPlot* plot)
{
    auto* line = new QCPItemStraightLine(plot);
    line->setPen(QPen(QColor(30, 30, 30), 1.5, Qt::DashLine));
    line->point1->setCoords(0, 0);
    line->point2->setCoords(0, 1);
    return line;
}

inline void placeMarker(QCPItemStraightLine* line, double x)
{
    line->point1->setCoords(x, 0);
    line->point2->setCoords(x, 1);
}

/// Lays `plot`'s legend items side by side when they fit its width, else one under the other.
inline void fitLegend(QCustomPlot* plot)
{
    QCPLegend* legend = plot->legend;
    legend->setWrap(0);
    legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    if (legend->minimumOuterSizeHint().width() > plot->width()) {
        legend->setWrap(1);
        legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    }
}

/// Keeps a plot's legend fitted to the plot's width as the plot is resized.
class LegendFitter : public QObject {
public:
    explicit LegendFitter(QCustomPlot* plot)
        : QObject(plot)
        , m_plot(plot)
    {
        plot->installEventFilter(this);
    }
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_plot && event->type() == QEvent::Resize) {
            fitLegend(m_plot);
        }
        return false;
    }

private:
    QCustomPlot* m_plot;
};

/// Shows `plot`'s legend under the axes, outside the plotted data, as wide as the plot allows.
inline void legendBelow(QCustomPlot* plot)
{
    QCPLegend* legend = plot->legend;
    legend->setVisible(true);
    legend->setBrush(Qt::NoBrush);
    legend->setBorderPen(Qt::NoPen);
    legend->setFont(scaledFont(plot->font(), 0.9));
    legend->setMargins(QMargins(4, 0, 4, 2));
    legend->setRowSpacing(0);
    legend->setColumnSpacing(12);
    plot->axisRect()->insetLayout()->take(legend);
    plot->plotLayout()->addElement(1, 0, legend);
    plot->plotLayout()->setRowStretchFactor(1, 0.001);
    plot->plotLayout()->setRowSpacing(0);
    new LegendFitter(plot);
    fitLegend(plot);
}

inline QTableWidgetItem* cell(const QString& text,
                              Qt::Alignment alignment = Qt::AlignRight | Qt::AlignVCenter)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

inline QTableWidget* figureTable(QWidget* parent, const QString& name, const QStringList& headers)
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

/// Keeps `table` wide enough for every column's header and cells, so none is cut.
inline void fitColumns(QTableWidget* table)
{
    const QAbstractItemView* view = table; // where sizeHintForColumn() is public
    int width = 2 * table->frameWidth() + table->verticalScrollBar()->sizeHint().width();
    for (int c = 0; c < table->columnCount(); ++c) {
        width += std::max(view->sizeHintForColumn(c), table->horizontalHeader()->sectionSizeHint(c));
    }
    table->setMinimumWidth(width);
}

inline QWidget* titled(QWidget* parent, const QString& title, QWidget* body, QLabel* caption = nullptr)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    QLabel* heading = titleLabel(title, box);
    heading->setWordWrap(true); // a long title takes two lines on a narrow chart
    layout->addWidget(heading);
    if (caption) {
        layout->addWidget(caption);
    }
    layout->addWidget(body, 1);
    return box;
}

/// The number of `descending` scores at or above `threshold` (compared as float, like the scores).
inline std::size_t countAtLeast(const std::vector<float>& descending, double threshold)
{
    const float t = static_cast<float>(threshold);
    return static_cast<std::size_t>(
        std::upper_bound(descending.begin(), descending.end(), t, std::greater<>()) - descending.begin());
}

inline QString exportKindName(const ExportRecord& e)
{
    const std::string kind =
        e.details.is_object() && e.details.contains("kind") && e.details["kind"].is_string()
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

} // namespace segmentsui

/// What the page shows of one run, computed once on the thread pool.
struct SegmentsPage::RunData {
    TrainedModel model;
    std::int64_t runId = 0;
    std::vector<float> all;    ///< Every customer's score, in table order.
    std::vector<float> sorted; ///< The same, highest first.
    std::vector<float> test;   ///< The test rows' scores...
    std::vector<float> labels; ///< ...and answers (0/1 for yes/no models).
    std::optional<BinaryEvaluation> binary;
    std::optional<RegressionEvaluation> regression;
    QString positive; ///< "Revenue = TRUE"
    QString notes;
};

} // namespace neurolift

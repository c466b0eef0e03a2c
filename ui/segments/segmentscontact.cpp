// The "Whom to contact" tab: the slider, the confusion matrix in words, the helpers.

#include "segments/segmentspage.h"
#include "segments/segmentspageparts.h"

namespace neurolift {

using namespace segmentsui;

namespace {

/// Room for a chart's axis titles, ticks and legend with some plotted area left.
constexpr int kContactChartHeight = 240;

} // namespace

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
    m_slider->setToolTip(tr("The share of all customers in the file to contact, highest scores first."));
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
    static const char* const kNames[4] = {"truePositives", "falseNegatives", "falsePositives",
                                          "trueNegatives"};
    static const char* const kColours[4] = {"#dbeafe", "#fef3c7", "#fef3c7", "#f1f5f9"};
    for (int i = 0; i < 4; ++i) {
        auto* label = new QLabel(matrix);
        label->setObjectName(QLatin1String(kNames[i]));
        label->setAlignment(Qt::AlignCenter);
        label->setFont(scaledFont(font(), 1.25, QFont::DemiBold));
        label->setWordWrap(true); // "693 rightly left out" takes two lines in a narrow cell
        label->setMargin(6);
        label->setMinimumSize(100, 48);
        label->setStyleSheet(
            QStringLiteral("background: %1; border-radius: 4px;").arg(QLatin1String(kColours[i])));
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
    // Which customers the matrix counts, and why its counts are not the sentence's.
    m_matrixTitle = titleLabel(QString(), left);
    m_matrixTitle->setObjectName(QStringLiteral("matrixTitle"));
    m_matrixTitle->setWordWrap(true);
    m_population = captionLabel(left, QStringLiteral("matrixPopulation"));
    leftLayout->addWidget(m_matrixTitle);
    leftLayout->addWidget(m_population);
    leftLayout->addWidget(matrix);
    leftLayout->addWidget(m_rates);
    leftLayout->addSpacing(8);
    QLabel* helpersTitle = titleLabel(tr("Choose the cut for me"), left);
    helpersTitle->setWordWrap(true);
    leftLayout->addWidget(helpersTitle);
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
    legendBelow(m_gainsPlot);
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
    legendBelow(m_histogramPlot);
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
    charts->addWidget(titled(tab, tr("Cumulative gains on the test customers"), m_gainsPlot));
    charts->addWidget(titled(tab, tr("Scores of the test customers"), m_histogramPlot));
    charts->addWidget(titled(tab, tr("Expected profit over all customers in the file"), m_profitPlot));
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    charts->setStretchFactor(2, 2);

    // The three charts share the height, each tall enough for its axis titles and legend;
    // on a small screen the charts and the controls scroll, each on their own.
    for (QCustomPlot* plot : {m_gainsPlot, m_histogramPlot, m_profitPlot}) {
        plot->setMinimumHeight(kContactChartHeight);
    }
    auto* chartScroll = new QScrollArea(tab);
    chartScroll->setObjectName(QStringLiteral("contactCharts"));
    chartScroll->setWidget(charts);
    chartScroll->setWidgetResizable(true);
    chartScroll->setFrameShape(QFrame::NoFrame);
    chartScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
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
    splitter->addWidget(chartScroll);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->addWidget(splitter);
    return tab;
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
    const auto testContacted = static_cast<unsigned long long>(c.truePositives + c.falsePositives);
    m_matrixTitle->setText(tr("On the %1 test customers").arg(localCount(m_data->test.size())));
    //: %1 test customers; %2 the score; %3 of them contacted (%4 %); %5 of all %6 customers (%7 %).
    m_population->setText(tr("The model was checked on %1 customers held out from training; the counts below "
                             "are theirs, not the whole file's. The same cut (score %2 or more) contacts %3 "
                             "of them (%4), and %5 of all %6 customers in the file (%7).")
                              .arg(localCount(m_data->test.size()), localNumber(m_threshold, 3),
                                   localCount(testContacted), localPercent(testShare),
                                   localCount(m_contacted), localCount(m_data->all.size()),
                                   localPercent(share)));

    m_positiveRow->setText(m_data->positive);
    //: Confusion-matrix cells; %1 is a number of customers.
    m_cells[0]->setText(tr("%1 reached").arg(localCount(static_cast<unsigned long long>(c.truePositives))));
    m_cells[1]->setText(tr("%1 missed").arg(localCount(static_cast<unsigned long long>(c.falseNegatives))));
    m_cells[2]->setText(
        tr("%1 contacted in vain").arg(localCount(static_cast<unsigned long long>(c.falsePositives))));
    m_cells[3]->setText(
        tr("%1 rightly left out").arg(localCount(static_cast<unsigned long long>(c.trueNegatives))));
    m_cells[0]->setToolTip(tr("True positives: contacted, and %1.").arg(m_data->positive));
    m_cells[1]->setToolTip(tr("False negatives: %1, but not contacted.").arg(m_data->positive));
    m_cells[2]->setToolTip(tr("False positives: contacted, but not %1.").arg(m_data->positive));
    m_cells[3]->setToolTip(tr("True negatives: not contacted, and not %1.").arg(m_data->positive));
    m_rates->setText(
        tr("Of those contacted, %1 are %2 (precision); %3 of all %2 are reached (recall); F1 %4; "
           "%5 of the test customers are put on the right side (accuracy). Lift %6×. Score from %7.")
            .arg(localPercent(c.precision), m_data->positive, localPercent(c.recall), localNumber(c.f1, 3),
                 localPercent(c.accuracy), localNumber(lift, 2), localNumber(m_threshold, 3)));

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
    const double testShare =
        static_cast<double>(c.truePositives + c.falsePositives) / static_cast<double>(m_data->test.size());
    const double lift = testShare > 0 ? c.recall / testShare : 0.0;
    //: %1 share of %2 all customers (%3 of them, score %4 or more); %5 recall of %6; %7 lift.
    return tr("Contacting the top %1 of all %2 customers in the file (%3 customers, score %4 or more) "
              "reaches %5 of those with %6 — %7× random, as measured on the test customers.")
        .arg(localPercent(share), localCount(m_data->all.size()), localCount(m_contacted),
             localNumber(m_threshold, 3), localPercent(c.recall), m_data->positive, localNumber(lift, 1));
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
    m_helperResult->setText(
        m_contacted > n ? tr("%1 customers: %2 more share the last score, so they are "
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
                : tr("Contacting %1 customers (score %2 or more) is expected to bring %3 yes answers: cost "
                     "%4, "
                     "value %5, profit %6.")
                      .arg(localCount(curve.best.contacted), localNumber(curve.best.threshold, 3),
                           localNumber(curve.best.conversions, 0), localNumber(curve.best.cost, 2),
                           localNumber(curve.best.revenue, 2), localNumber(curve.best.profit, 2)));
    }
    m_profitPlot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace neurolift

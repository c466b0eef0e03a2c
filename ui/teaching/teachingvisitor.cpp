#include "teaching/teachingvisitor.h"

#include "common/pagekit.h"

#include "nn/activation.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

namespace neurolift {

namespace {

constexpr int kCombinations = 1 << TeachingVisitor::kPageCount;

/// A number as the steps show it: two decimals, negative ones in brackets so "+ (−0.32)" reads.
QString shown(double v, bool bracketNegative = true)
{
    if (std::abs(v) < 0.005) {
        v = 0.0; // no "−0.00"
    }
    // The inputs are 0 and 1; whole numbers read best without decimals.
    const bool whole = v == std::round(v) && std::abs(v) < 1e6;
    const QString text = QLocale().toString(v, 'f', whole ? 0 : 2).replace(QLatin1Char('-'), QChar(0x2212));
    return bracketNegative && v < -0.005 ? QLatin1Char('(') + text + QLatin1Char(')') : text;
}

QString activationName(Activation a)
{
    const std::string_view id = activationId(a);
    return QString::fromLatin1(id.data(), static_cast<qsizetype>(id.size()));
}

} // namespace

TeachingVisitor::TeachingVisitor(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("teachingVisitor"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* pages = new QHBoxLayout;
    pages->addWidget(new QLabel(tr("The visitor saw:"), this));
    for (int p = 0; p < kPageCount; ++p) {
        m_pages[p] = new QCheckBox(pageName(p), this);
        m_pages[p]->setObjectName(QStringLiteral("page_%1").arg(p));
        pages->addWidget(m_pages[p]);
    }
    pages->addStretch(1);
    // The classic example: a visitor who looked at prices and built a car, but not the financing.
    m_pages[0]->setChecked(true);
    m_pages[1]->setChecked(true);
    layout->addLayout(pages);

    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("visitorVerdict"));
    m_verdict->setWordWrap(true);
    layout->addWidget(m_verdict);

    m_steps = new QLabel(this);
    m_steps->setObjectName(QStringLiteral("visitorSteps"));
    m_steps->setTextFormat(Qt::RichText);
    m_steps->setWordWrap(true);
    m_steps->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_steps->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_steps);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 3);

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("combinationsPlot"));
    m_plot->setMinimumHeight(220);
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(kPositiveColour.lighter(160));
    m_bars->setWidth(0.7);
    m_visitorBar = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_visitorBar->setPen(Qt::NoPen);
    m_visitorBar->setBrush(kPositiveColour);
    m_visitorBar->setWidth(0.7);
    // Each combination's label is a column of dots, one per page in the check boxes' order.
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int c = 0; c < kCombinations; ++c) {
        QStringList dots;
        for (int p = 0; p < kPageCount; ++p) {
            dots << (((c >> p) & 1) != 0 ? QStringLiteral("\u25cf") : QStringLiteral("\u25cb"));
        }
        ticker->addTick(c, dots.join(QLatin1Char('\n')));
    }
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.6, kCombinations - 0.4);
    m_plot->yAxis->setRange(0.0, 1.0);
    m_plot->yAxis->setLabel(tr("Ready to buy"));
    auto* caption = new QLabel(tr("Every combination of pages and how ready to buy the network thinks it is; "
                                  "\u25cf marks a page seen, top to bottom: pricing, configurator, "
                                  "specifications, financing. The dark bar is the visitor above."),
                               this);
    caption->setObjectName(QStringLiteral("combinationsCaption"));
    caption->setWordWrap(true);
    layout->addWidget(caption);
    layout->addWidget(m_plot, 2);
    for (QCheckBox* page : m_pages) {
        connect(page, &QCheckBox::toggled, this, &TeachingVisitor::recompute);
    }
    recompute();
}

QString TeachingVisitor::pageName(int page)
{
    switch (page) {
    case 0:
        return tr("Pricing");
    case 1:
        return tr("Car configurator");
    case 2:
        return tr("Specifications");
    default:
        return tr("Financing");
    }
}

std::array<bool, TeachingVisitor::kPageCount> TeachingVisitor::visitor() const
{
    std::array<bool, kPageCount> pages{};
    for (int p = 0; p < kPageCount; ++p) {
        pages[p] = m_pages[p]->isChecked();
    }
    return pages;
}

void TeachingVisitor::setVisitor(const std::array<bool, kPageCount>& pages)
{
    for (int p = 0; p < kPageCount; ++p) {
        const QSignalBlocker block(m_pages[p]);
        m_pages[p]->setChecked(pages[p]);
    }
    recompute();
}

int TeachingVisitor::combination() const
{
    int c = 0;
    for (int p = 0; p < kPageCount; ++p) {
        c |= m_pages[p]->isChecked() ? 1 << p : 0;
    }
    return c;
}

QString TeachingVisitor::stepsText() const
{
    return m_steps->text();
}

void TeachingVisitor::setNetwork(const std::vector<LayerWeights>& layers,
                                 const std::vector<float>& combinationScores)
{
    m_layers = layers;
    m_combinations = combinationScores;
    recompute();
}

void TeachingVisitor::recompute()
{
    const int visitorCombination = combination();
    QVector<double> keys, values, visitorKey, visitorValue;
    for (int c = 0; c < static_cast<int>(m_combinations.size()); ++c) {
        (c == visitorCombination ? visitorKey : keys).push_back(c);
        (c == visitorCombination ? visitorValue : values)
            .push_back(m_combinations[static_cast<std::size_t>(c)]);
    }
    m_bars->setData(keys, values, true);
    m_visitorBar->setData(visitorKey, visitorValue, true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    if (m_layers.empty()) {
        return;
    }

    std::vector<float> input;
    for (QCheckBox* page : m_pages) {
        input.push_back(page->isChecked() ? 1.0f : 0.0f);
    }
    const std::vector<LayerStep> steps = forwardSteps(m_layers, input);
    QStringList parts;
    QStringList seen;
    for (int p = 0; p < kPageCount; ++p) {
        seen << tr("%1 = %2")
                    .arg(pageName(p).toHtmlEscaped())
                    .arg(input[static_cast<std::size_t>(p)] > 0.5f ? 1 : 0);
    }
    int number = 1;
    parts << tr("<p><b>Step %1.</b> The inputs: 1 for each page the visitor saw, 0 for the others: %2.</p>")
                 .arg(number++)
                 .arg(seen.join(QStringLiteral(", ")));
    std::size_t dense = 0;
    const std::size_t denseCount = std::count_if(
        steps.begin(), steps.end(), [](const LayerStep& s) { return s.kind == LayerKind::Dense; });
    for (const LayerStep& step : steps) {
        if (step.kind != LayerKind::Dense) {
            continue;
        }
        ++dense;
        const bool output = dense == denseCount;
        QStringList lines;
        for (std::size_t u = 0; u < step.sum.size(); ++u) {
            QStringList terms;
            for (std::size_t i = 0; i < step.input.size(); ++i) {
                terms << QStringLiteral("%1\u00a0\u00d7\u00a0%2")
                             .arg(shown(step.weights[u][i]), shown(step.input[i]));
            }
            terms << shown(step.bias[u]);
            const QString who = output ? tr("Ready to buy") : tr("Neuron %1").arg(u + 1);
            lines << tr("%1: %2 = %3, and %4(%3) = <b>%5</b>")
                         .arg(who, terms.join(QStringLiteral(" + ")), shown(step.sum[u], false),
                              activationName(step.activation), shown(step.output[u], false));
        }
        const QString heading = output ? tr("The output weighs what came before, adds its bias and squashes "
                                            "the sum into 0 to 1 (sigmoid):")
                                       : tr("Hidden layer %1: each neuron weighs what came before, adds its "
                                            "bias and bends the sum (%2):")
                                             .arg(dense)
                                             .arg(activationName(step.activation));
        parts << tr("<p><b>Step %1.</b> %2<br>%3</p>")
                     .arg(number++)
                     .arg(heading, lines.join(QStringLiteral("<br>")));
    }
    m_score = steps.back().output.empty() ? 0.0 : steps.back().output.front();
    m_steps->setText(parts.join(QString()));
    m_verdict->setText(tr("This visitor is <b>%1</b> ready to buy.").arg(localPercent(m_score)));
}

void TeachingVisitor::applyFonts(const QFont& font)
{
    m_verdict->setFont(scaledFont(font, 1.3));
    stylePlot(m_plot, font);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace neurolift

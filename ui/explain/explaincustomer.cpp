// The "One customer" tab: the customer picker, the waterfall of attributions and the reasons.

#include "explain/explainpage.h"
#include "explain/explainpageparts.h"

namespace neurolift {

using namespace explainui;

/// What one customer's explanation shows.
struct ExplainPage::CustomerExplanation {
    std::int64_t row = -1;
    double score = 0.0;
    double baseline = 0.0;
    std::vector<std::pair<std::string, double>> effects; ///< Per source column.
    RowReasons reasons;
    double completenessError = 0.0;
    Index output = 0; ///< The output explained (multi-class: the customer's predicted class).
};

QWidget* ExplainPage::createCustomerTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("customerTab"));

    m_customerEdit = new QLineEdit(tab);
    m_customerEdit->setObjectName(QStringLiteral("customerEdit"));
    m_customerEdit->setClearButtonEnabled(true);
    m_customerEdit->setMinimumWidth(220);
    m_completer = new QCompleter(new QStringListModel(m_customerEdit), m_customerEdit);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setMaxVisibleItems(12);
    m_customerEdit->setCompleter(m_completer);
    m_customerShow = new QPushButton(tr("Explain"), tab);
    m_customerShow->setObjectName(QStringLiteral("customerShow"));
    m_customerShow->setToolTip(tr("Explain the score of this customer."));
    connect(m_customerEdit, &QLineEdit::returnPressed, this, &ExplainPage::onCustomerEntered);
    connect(m_customerShow, &QPushButton::clicked, this, &ExplainPage::onCustomerEntered);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this,
            [this](const QString& text) {
                m_customerEdit->setText(text);
                onCustomerEntered();
            });
    m_customerProblem = new QLabel(tab);
    m_customerProblem->setObjectName(QStringLiteral("customerProblem"));
    m_customerProblem->setTextFormat(Qt::PlainText);
    m_customerProblem->setStyleSheet(QStringLiteral("color: #b45309;"));

    m_scoreLabel = new QLabel(tab);
    m_scoreLabel->setObjectName(QStringLiteral("score"));
    m_scoreLabel->setTextFormat(Qt::PlainText);
    m_scoreLabel->setFont(scaledFont(font(), 1.3, QFont::DemiBold));
    m_scoreLabel->setWordWrap(true);
    m_averageLabel = new QLabel(tab);
    m_averageLabel->setObjectName(QStringLiteral("averageScore"));
    m_averageLabel->setTextFormat(Qt::PlainText);
    m_averageLabel->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Customer:"), tab));
    top->addWidget(m_customerEdit);
    top->addWidget(m_customerShow);
    top->addSpacing(12);
    top->addWidget(m_customerProblem, 1);

    m_waterfallPlot = new QCustomPlot(tab);
    m_waterfallPlot->setObjectName(QStringLiteral("waterfallPlot"));
    stylePlot(m_waterfallPlot, font());
    m_waterfallPlot->yAxis->grid()->setVisible(false);
    // The value labels and markers need room that depends on the chart's size: fit after each layout.
    connect(m_waterfallPlot, &QCustomPlot::afterLayout, this, &ExplainPage::fitWaterfall);
    m_waterfallCaption = captionLabel(tab, QStringLiteral("waterfallCaption"));
    auto* chartBox = new QWidget(tab);
    auto* chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(titleLabel(tr("From a customer with average values to this one"), chartBox));
    chartLayout->addWidget(m_waterfallCaption);
    chartLayout->addWidget(m_waterfallPlot, 1);

    m_reasons = new QLabel(tab);
    m_reasons->setObjectName(QStringLiteral("reasons"));
    m_reasons->setWordWrap(true);
    m_reasons->setTextFormat(Qt::RichText);
    m_reasons->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_reasons->setFont(scaledFont(font(), 1.1));
    auto* reasonsBox = new QWidget(tab);
    auto* reasonsLayout = new QVBoxLayout(reasonsBox);
    reasonsLayout->setContentsMargins(0, 0, 0, 0);
    reasonsLayout->addWidget(titleLabel(tr("The reasons, in words"), reasonsBox));
    reasonsLayout->addWidget(m_reasons, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, tab);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(chartBox);
    splitter->addWidget(reasonsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_scoreLabel);
    layout->addWidget(m_averageLabel);
    layout->addWidget(splitter, 1);
    return tab;
}

QString ExplainPage::customerName(std::int64_t row) const
{
    if (m_data && m_table && !m_data->model.idColumn.empty()) {
        if (const Column* ids = m_table->column(m_data->model.idColumn)) {
            return QString::fromStdString(ids->text(static_cast<std::size_t>(row)));
        }
    }
    return tr("row %1").arg(row + 1);
}

void ExplainPage::fillCustomerPicker()
{
    QStringList ids;
    const Column* idColumn =
        m_data->model.idColumn.empty() ? nullptr : m_table->column(m_data->model.idColumn);
    if (idColumn) {
        ids.reserve(static_cast<qsizetype>(m_table->rowCount()));
        for (std::size_t r = 0; r < m_table->rowCount(); ++r) {
            ids << QString::fromStdString(idColumn->text(r));
        }
        m_customerEdit->setPlaceholderText(tr("Type a customer's %1").arg(local(idColumn->name)));
    } else {
        m_customerEdit->setPlaceholderText(
            tr("Type a row number, 1 to %1")
                .arg(QLocale().toString(static_cast<qulonglong>(m_table->rowCount()))));
    }
    static_cast<QStringListModel*>(m_completer->model())->setStringList(ids);
    m_customerProblem->clear();
}

void ExplainPage::onCustomerEntered()
{
    if (!m_data || !m_table) {
        return;
    }
    const QString text = m_customerEdit->text().trimmed();
    m_customerProblem->clear();
    if (text.isEmpty()) {
        return;
    }
    const Column* idColumn =
        m_data->model.idColumn.empty() ? nullptr : m_table->column(m_data->model.idColumn);
    if (idColumn) {
        const std::string id = text.toStdString();
        for (std::size_t r = 0; r < m_table->rowCount(); ++r) {
            if (idColumn->text(r) == id) {
                selectCustomer(static_cast<std::int64_t>(r));
                return;
            }
        }
        m_customerProblem->setText(
            tr("No customer has the %1 \u201c%2\u201d.").arg(local(idColumn->name), text));
        return;
    }
    bool ok = false;
    const qlonglong row = QLocale().toLongLong(text, &ok);
    const qlonglong plain = ok ? row : text.toLongLong(&ok);
    if (!ok || plain < 1 || plain > static_cast<qlonglong>(m_table->rowCount())) {
        m_customerProblem->setText(
            tr("Type a row number from 1 to %1.")
                .arg(QLocale().toString(static_cast<qulonglong>(m_table->rowCount()))));
        return;
    }
    selectCustomer(plain - 1);
}

void ExplainPage::selectCustomer(std::int64_t row)
{
    if (!m_data || !m_table || row < 0 || static_cast<std::size_t>(row) >= m_table->rowCount()) {
        return;
    }
    m_customer = row;
    const QString name = customerName(row);
    if (m_customerEdit->text() != name &&
        !(m_data->model.idColumn.empty() && m_customerEdit->text() == QString::number(row + 1))) {
        m_customerEdit->setText(m_data->model.idColumn.empty() ? QString::number(row + 1) : name);
    }
    startAttribution();
}

void ExplainPage::setColumnWords(ColumnWords words)
{
    if (words == m_words) {
        return;
    }
    m_words = std::move(words);
    if (m_data && m_table && m_customer >= 0) {
        startAttribution(); // the shown reasons, in the new words
    }
}

void ExplainPage::startAttribution()
{
    if (m_attributionJob) {
        m_attributionJob->cancel();
    }
    m_scoreLabel->setText(tr("Explaining %1…").arg(customerName(m_customer)));
    const auto ready = m_data;
    const auto table = m_table;
    const std::int64_t row = m_customer;
    const std::uint64_t generation = m_generation;
    m_attributionJob = runJob<CustomerExplanation>(
        this,
        [ready, table, row, words = m_words](const JobProgress& progress) {
            const std::vector<std::int64_t> rows{row};
            const Matrix x = ready->model.recipe.transform(*table, rows);
            AttributionOptions options;
            options.output = ready->output;
            if (ready->task.kind == TaskKind::MultiClassification) {
                // Explain the class the network gives this customer.
                Matrix p;
                Network::Workspace ws;
                ready->network.predict(x, p, ws);
                p.col(0).maxCoeff(&options.output);
            }
            const AttributionResult a = attribute(ready->network, x, ready->baseline, options, progress);
            if (a.cancelled) {
                throw std::runtime_error("cancelled");
            }
            CustomerExplanation e;
            e.row = row;
            e.output = options.output;
            e.score = a.scores(0);
            e.baseline = a.baselineScore;
            e.completenessError = a.maxCompletenessError;
            const Matrix grouped = ready->groups.sum(a.values);
            for (std::size_t g = 0; g < ready->groups.size(); ++g) {
                e.effects.emplace_back(ready->groups.columns[g], grouped(static_cast<Index>(g), 0));
            }
            ReasonOptions reasons;
            reasons.words = &words;
            e.reasons = reasonCodes(a.values, ready->groups, *table, rows, reasons).front();
            return e;
        },
        [this, generation](QFutureWatcher<void>* job, std::optional<CustomerExplanation> result,
                           const QString& error) {
            if (m_attributionJob == job) {
                m_attributionJob = nullptr;
            }
            updateBusy();
            if (generation != m_generation || !result || result->row != m_customer) {
                if (!error.isEmpty() && generation == m_generation && m_attributionJob == nullptr) {
                    m_scoreLabel->setText(tr("This customer could not be explained: %1").arg(error));
                }
                return;
            }
            showCustomer(*result);
        },
        {});
    updateBusy();
}

void ExplainPage::showCustomer(const CustomerExplanation& e)
{
    m_score = e.score;
    m_baselineScore = e.baseline;
    const QString who = m_data->model.idColumn.empty() ? tr("Row %1").arg(e.row + 1) : customerName(e.row);
    const TargetSpec& target = m_data->model.target;
    const bool chance = m_data->task.kind != TaskKind::Regression;
    m_meanScore = e.output < m_data->meanScores.size() ? m_data->meanScores(e.output) : e.baseline;
    const QString customers = localCount(m_data->customers);
    if (chance) {
        m_scoreLabel->setText(
            tr("%1: the chance of %2 is %3 %")
                .arg(who, outcomeName(target, m_table.get(), e.output), localNumber(100.0 * e.score, 1)));
        // The baseline is not the mean score: a network is not linear, so the two differ.
        m_averageLabel->setText(
            tr("A customer with average values scores %1 % (the mean score of the %2 "
               "customers is %3 %).")
                .arg(localNumber(100.0 * e.baseline, 1), customers, localNumber(100.0 * m_meanScore, 1)));
    } else {
        m_scoreLabel->setText(
            tr("%1: predicted %2 is %3").arg(who, local(target.column), localNumber(e.score, 3)));
        m_averageLabel->setText(tr("A customer with average values is predicted %1 (the mean prediction for "
                                   "the %2 customers is %3).")
                                    .arg(localNumber(e.baseline, 3), customers, localNumber(m_meanScore, 3)));
    }

    // The waterfall: the strongest pushes one by one, the rest together.
    std::vector<std::pair<std::string, double>> effects = e.effects;
    std::stable_sort(effects.begin(), effects.end(),
                     [](const auto& a, const auto& b) { return std::abs(a.second) > std::abs(b.second); });
    m_waterfall.clear();
    double at = e.baseline;
    const std::size_t own = std::min<std::size_t>(effects.size(), kMaxWaterfallSteps);
    for (std::size_t k = 0; k < own; ++k) {
        m_waterfall.push_back({local(effects[k].first), at, at + effects[k].second});
        at += effects[k].second;
    }
    if (effects.size() > own) {
        double rest = 0.0;
        for (std::size_t k = own; k < effects.size(); ++k) {
            rest += effects[k].second;
        }
        m_waterfall.push_back({tr("%1 other columns").arg(effects.size() - own), at, at + rest});
    }
    drawWaterfall();
    m_waterfallCaption->setText(
        tr("Each bar is how far one column moved this customer's score away from the score of a customer "
           "with average values (integrated gradients); blue up, orange down. Together the bars add up to "
           "the difference, to within %1.")
            .arg(localNumber(std::max(e.completenessError, 0.005), 3)));
    showReasons(e.reasons);
}

void ExplainPage::drawWaterfall()
{
    QCustomPlot* plot = m_waterfallPlot;
    plot->clearItems();
    const int n = static_cast<int>(m_waterfall.size());
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const QFontMetrics names(plot->yAxis->tickLabelFont());
    for (int k = 0; k < n; ++k) {
        const WaterfallStep& s = m_waterfall[static_cast<std::size_t>(k)];
        const double key = n - k;
        // A long column name would squeeze the bars: elided here, whole in the reasons beside.
        ticker->addTick(key, names.elidedText(s.label, Qt::ElideMiddle, kMaxTickLabelWidth));
        auto* rect = new QCPItemRect(plot);
        rect->setObjectName(QStringLiteral("step"));
        rect->topLeft->setCoords(s.from, key + 0.35);
        rect->bottomRight->setCoords(s.to, key - 0.35);
        rect->setPen(Qt::NoPen);
        rect->setBrush(s.to >= s.from ? kPositive : kNegative);
        auto* value = new QCPItemText(plot);
        value->setObjectName(QStringLiteral("stepValue"));
        value->position->setCoords(std::max(s.from, s.to), key);
        value->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        value->setPadding(QMargins(6, 0, 0, 0));
        const double push = s.to - s.from;
        value->setText(std::abs(push) < 0.0005
                           ? localNumber(0.0, 3)
                           : QStringLiteral("%1%2").arg(push > 0.0 ? QStringLiteral("+") : QString(),
                                                        localNumber(push, 3)));
        value->setColor(kAxisText);
        value->setFont(scaledFont(font(), 0.9));
        if (k + 1 < n) { // a thin connector to the next bar
            auto* link = new QCPItemLine(plot);
            link->start->setCoords(s.to, key - 0.35);
            link->end->setCoords(s.to, key - 0.65);
            link->setPen(QPen(QColor(150, 150, 150), 1.0));
        }
    }
    // The two markers; fitWaterfall() places their labels.
    const auto marker = [&](double x, const QString& name, const QString& label, const QColor& colour) {
        auto* line = new QCPItemStraightLine(plot);
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        line->setPen(QPen(colour, 1.5, Qt::DashLine));
        auto* text = new QCPItemText(plot);
        text->setObjectName(name);
        text->position->setTypeX(QCPItemPosition::ptPlotCoords);
        text->position->setTypeY(QCPItemPosition::ptAbsolute);
        text->position->setCoords(x, 0);
        text->setPadding(QMargins(5, 1, 5, 1));
        text->setText(label);
        text->setColor(colour);
        text->setBrush(QBrush(QColor(255, 255, 255, 220)));
        text->setFont(scaledFont(font(), 0.9, QFont::DemiBold));
        text->setClipToAxisRect(false);
    };
    marker(m_baselineScore, QStringLiteral("baselineMarker"),
           tr("average values %1").arg(localNumber(m_baselineScore, 3)), kNeutral);
    marker(m_score, QStringLiteral("scoreMarker"), tr("this customer %1").arg(localNumber(m_score, 3)),
           QColor(30, 30, 30));
    plot->yAxis->setTicker(ticker);
    plot->xAxis->setLabel(m_data->task.kind == TaskKind::Regression ? tr("Predicted value")
                                                                    : tr("Score (chance)"));
    plot->replot(); // lays out, and fitWaterfall() then makes room for the labels
}

void ExplainPage::fitWaterfall()
{
    QCustomPlot* plot = m_waterfallPlot;
    const QRect area = plot->axisRect()->rect();
    const int n = static_cast<int>(m_waterfall.size());
    if (n == 0 || area.width() < 10 || area.height() < 10) {
        return;
    }
    double low = std::min(m_baselineScore, m_score);
    double high = std::max(m_baselineScore, m_score);
    for (const WaterfallStep& s : m_waterfall) {
        low = std::min({low, s.from, s.to});
        high = std::max({high, s.from, s.to});
    }
    const double pad = (high - low) * 0.05 + 1e-6;
    const double left = low - pad;
    double right = high + pad;
    // Each value label stands right of its bar: widen the range until the widest one ends inside the chart.
    QCPItemText* baselineText = nullptr;
    QCPItemText* scoreText = nullptr;
    for (int i = 0; i < plot->itemCount(); ++i) {
        auto* text = qobject_cast<QCPItemText*>(plot->item(i));
        if (!text) {
            continue;
        }
        if (text->objectName() == QStringLiteral("baselineMarker")) {
            baselineText = text;
        } else if (text->objectName() == QStringLiteral("scoreMarker")) {
            scoreText = text;
        } else {
            const QMargins padding = text->padding();
            const double needed = QFontMetrics(text->font()).horizontalAdvance(text->text()) +
                                  padding.left() + padding.right() + 4;
            const double share = std::min(needed / area.width(), 0.6);
            right = std::max(right, left + (text->position->coords().x() - left) / (1.0 - share));
        }
    }
    plot->xAxis->setRange(left, right);

    // The markers' labels on two rows above the bars, each on the side of its line with more room.
    const double middle = (left + right) / 2.0;
    int rowHeight = 0;
    int row = area.top() + 2;
    for (QCPItemText* text : {baselineText, scoreText}) {
        if (!text) {
            continue;
        }
        const double x = text->position->coords().x();
        text->setPositionAlignment((x > middle ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
        text->position->setCoords(x, row);
        rowHeight =
            QFontMetrics(text->font()).height() + text->padding().top() + text->padding().bottom() + 2;
        row += rowHeight;
    }
    // Room above the top bar (key n, its top at n + 0.35) for both rows.
    const double room = std::min(static_cast<double>(row - area.top() + 4) / area.height(), 0.5);
    const double bottom = 0.4;
    plot->yAxis->setRange(bottom, std::max(n + 0.6, (n + 0.35 - bottom * room) / (1.0 - room)));
}

void ExplainPage::showReasons(const RowReasons& reasons)
{
    QString html;
    const auto list = [&html](const QString& title, const std::vector<Reason>& items, const QString& none,
                              const QColor& colour) {
        html += QStringLiteral("<p style='margin-bottom:4px'><b style='color:%1'>%2</b></p>")
                    .arg(colour.name(), title.toHtmlEscaped());
        if (items.empty()) {
            html += QStringLiteral("<p style='margin-left:12px'>%1</p>").arg(none.toHtmlEscaped());
            return;
        }
        html += QStringLiteral("<ul style='margin-top:0px'>");
        for (const Reason& r : items) {
            html += QStringLiteral("<li>%1</li>").arg(local(r.text).toHtmlEscaped());
        }
        html += QStringLiteral("</ul>");
    };
    list(tr("What pushed the score up"), reasons.up, tr("Nothing pushed it up noticeably."), kPositive);
    list(tr("What pushed the score down"), reasons.down, tr("Nothing pushed it down noticeably."), kNegative);
    html += QStringLiteral("<p style='color:#64748b'>%1</p>")
                .arg(tr("The numbers in brackets are how much each column moved the score, compared with "
                        "a customer with average values.")
                         .toHtmlEscaped());
    m_reasons->setText(html);
}

} // namespace neurolift

#include "data/columnprofile.h"

#include "data/tablemodel.h"

#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace neurolift {

namespace {

constexpr int kNumberBins = 20;
constexpr std::size_t kTopLevels = 10;

/// Counts per level of a categorical or yes/no column, as (label, count) largest first.
std::vector<std::pair<QString, std::size_t>> levelCounts(const Column& c)
{
    std::vector<std::pair<QString, std::size_t>> out;
    if (c.type == ColumnType::Categorical) {
        std::vector<std::size_t> counts(c.levels.size(), 0);
        for (std::int32_t code : c.codes) {
            if (code >= 0) {
                ++counts[static_cast<std::size_t>(code)];
            }
        }
        for (std::size_t i = 0; i < counts.size(); ++i) {
            if (counts[i] > 0) {
                out.emplace_back(QString::fromStdString(c.levels[i]), counts[i]);
            }
        }
    } else {
        std::size_t yes = 0;
        std::size_t no = 0;
        for (std::size_t r = 0; r < c.size(); ++r) {
            if (!c.missing[r]) {
                (c.values[r] >= 0.5 ? yes : no) += 1;
            }
        }
        const auto label = [&](bool y) {
            return c.levels.size() == 2 ? QString::fromStdString(c.levels[y ? 1 : 0])
                                        : QString::fromLatin1(y ? "1" : "0");
        };
        out = {{label(false), no}, {label(true), yes}};
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

} // namespace

ColumnSummary summarizeColumn(const Column& c)
{
    ColumnSummary s;
    s.name = QString::fromStdString(c.name);
    s.type = c.type;
    s.rows = c.size();
    s.missing = c.missingCount();
    switch (c.type) {
    case ColumnType::Categorical:
    case ColumnType::Boolean: {
        const auto counts = levelCounts(c);
        s.distinct = static_cast<std::size_t>(
            std::count_if(counts.begin(), counts.end(), [](const auto& p) { return p.second > 0; }));
        for (std::size_t i = 0; i < counts.size() && i < kTopLevels; ++i) {
            s.topLevels.push_back(counts[i]);
            s.binLabels << counts[i].first;
            s.binStarts.push_back(static_cast<double>(i));
            s.binCounts.push_back(static_cast<double>(counts[i].second));
        }
        break;
    }
    case ColumnType::Numeric:
    case ColumnType::Date: {
        std::vector<double> v;
        v.reserve(s.rows - s.missing);
        for (std::size_t r = 0; r < s.rows; ++r) {
            if (!c.missing[r] && std::isfinite(c.values[r])) {
                v.push_back(c.values[r]);
            }
        }
        if (v.empty()) {
            break;
        }
        std::sort(v.begin(), v.end());
        s.distinct = static_cast<std::size_t>(std::unique(v.begin(), v.end()) - v.begin());
        s.min = v.front();
        s.max = v[s.distinct - 1];
        double sum = 0.0;
        for (std::size_t r = 0; r < s.rows; ++r) {
            if (!c.missing[r] && std::isfinite(c.values[r])) {
                sum += c.values[r];
            }
        }
        s.mean = sum / static_cast<double>(s.rows - s.missing);
        if (c.type == ColumnType::Date) {
            // By month, or by year when that would be more than five years of bars.
            int y0 = 0;
            int y1 = 0;
            unsigned m0 = 0;
            unsigned m1 = 0;
            unsigned d = 0;
            civilFromDays(static_cast<std::int64_t>(std::floor(s.min)), y0, m0, d);
            civilFromDays(static_cast<std::int64_t>(std::floor(s.max)), y1, m1, d);
            const long first = y0 * 12L + static_cast<long>(m0) - 1;
            const long months = y1 * 12L + static_cast<long>(m1) - 1 - first + 1;
            const bool byYear = months > 60;
            const long bins = byYear ? y1 - y0 + 1 : months;
            s.binCounts.assign(static_cast<std::size_t>(bins), 0.0);
            for (long b = 0; b < bins; ++b) {
                s.binStarts.push_back(static_cast<double>(b));
                const long m = first + b;
                s.binLabels << (byYear ? QString::number(y0 + b)
                                       : QStringLiteral("%1-%2").arg(m / 12).arg(m % 12 + 1, 2, 10,
                                                                                 QLatin1Char('0')));
            }
            for (std::size_t r = 0; r < s.rows; ++r) {
                if (c.missing[r] || !std::isfinite(c.values[r])) {
                    continue;
                }
                int y = 0;
                unsigned m = 0;
                civilFromDays(static_cast<std::int64_t>(std::floor(c.values[r])), y, m, d);
                const long b = byYear ? y - y0 : y * 12L + static_cast<long>(m) - 1 - first;
                s.binCounts[static_cast<std::size_t>(b)] += 1.0;
            }
            break;
        }
        const bool smallIntegers = s.distinct <= kNumberBins &&
                                   std::all_of(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(s.distinct),
                                               [](double x) { return std::trunc(x) == x; });
        if (smallIntegers) {
            // Codes and counts with few values: one bar per value.
            s.binWidth = 1.0;
            for (std::size_t i = 0; i < s.distinct; ++i) {
                s.binStarts.push_back(v[i] - 0.5);
            }
            s.binCounts.assign(s.distinct, 0.0);
            for (std::size_t r = 0; r < s.rows; ++r) {
                if (!c.missing[r] && std::isfinite(c.values[r])) {
                    const auto it = std::lower_bound(
                        v.begin(), v.begin() + static_cast<std::ptrdiff_t>(s.distinct), c.values[r]);
                    s.binCounts[static_cast<std::size_t>(it - v.begin())] += 1.0;
                }
            }
            break;
        }
        const double span = s.max > s.min ? s.max - s.min : 1.0;
        s.binWidth = span / kNumberBins;
        s.binCounts.assign(kNumberBins, 0.0);
        for (int b = 0; b < kNumberBins; ++b) {
            s.binStarts.push_back(s.min + b * s.binWidth);
        }
        for (std::size_t r = 0; r < s.rows; ++r) {
            if (!c.missing[r] && std::isfinite(c.values[r])) {
                const int b = std::min(kNumberBins - 1, static_cast<int>((c.values[r] - s.min) / s.binWidth));
                s.binCounts[static_cast<std::size_t>(b)] += 1.0;
            }
        }
        break;
    }
    case ColumnType::Identifier:
    case ColumnType::Text: {
        std::vector<std::string_view> v;
        v.reserve(s.rows);
        for (std::size_t r = 0; r < s.rows; ++r) {
            if (!c.missing[r]) {
                v.emplace_back(c.strings[r]);
            }
        }
        std::sort(v.begin(), v.end());
        s.distinct = static_cast<std::size_t>(std::unique(v.begin(), v.end()) - v.begin());
        break;
    }
    }
    return s;
}

ColumnProfile::ColumnProfile(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("profileTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("profileHint"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_hint);

    m_details = new QWidget(this);
    auto* form = new QFormLayout(m_details);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto value = [this](const char* name) {
        auto* l = new QLabel(m_details);
        l->setObjectName(QString::fromLatin1(name));
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return l;
    };
    m_type = value("profileType");
    m_missing = value("profileMissing");
    m_distinct = value("profileDistinct");
    m_range = value("profileRange");
    m_rangeLabel = new QLabel(m_details);

    // The column in the user's words, which reasons use instead of its name.
    auto* words = new QWidget(m_details);
    auto* wordsRow = new QHBoxLayout(words);
    wordsRow->setContentsMargins(0, 0, 0, 0);
    m_words = new QLineEdit(words);
    m_words->setObjectName(QStringLiteral("profileWords"));
    m_words->setClearButtonEnabled(true);
    m_words->setToolTip(
        tr("What this column is, in your words. Reasons for a customer's score use them: "
           "\u201cViewed the pricing page: no\u201d instead of \u201cviewed_pricing = 0\u201d. "
           "Kept in the project; leave it empty to show the column's name."));
    m_useSuggestion = new QPushButton(tr("Use suggestion"), words);
    m_useSuggestion->setObjectName(QStringLiteral("profileUseSuggestion"));
    m_useSuggestion->setToolTip(tr("Describe the column with the words made from its name"));
    wordsRow->addWidget(m_words, 1);
    wordsRow->addWidget(m_useSuggestion);
    m_wordsMessage = value("profileWordsMessage");
    m_wordsMessage->hide();
    connect(m_words, &QLineEdit::editingFinished, this, &ColumnProfile::commitWords);
    connect(m_useSuggestion, &QPushButton::clicked, this, [this] {
        m_words->setText(m_words->placeholderText());
        commitWords();
    });
    auto* wordsLabel = new QLabel(tr("Described as:"), m_details);
    wordsLabel->setBuddy(m_words);
    wordsLabel->setToolTip(m_words->toolTip());
    form->addRow(wordsLabel, words);
    form->addRow(m_wordsMessage);
    form->addRow(tr("Type:"), m_type);
    form->addRow(tr("Missing:"), m_missing);
    form->addRow(tr("Distinct values:"), m_distinct);
    form->addRow(m_rangeLabel, m_range);
    layout->addWidget(m_details);

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("profileHistogram"));
    m_plot->setMinimumHeight(170);
    m_plot->setBackground(palette().base());
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setPen(QPen(QColor(0xe3, 0xe6, 0xea)));
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setBasePen(QPen(QColor(0xb0, 0xb6, 0xbd)));
        axis->setTickPen(QPen(QColor(0xb0, 0xb6, 0xbd)));
        axis->setSubTickPen(Qt::NoPen);
        axis->setTickLabelColor(QColor(0x4a, 0x50, 0x57));
        axis->setLabelColor(QColor(0x4a, 0x50, 0x57));
    }
    m_plot->yAxis->setLabel(tr("Rows"));
    layout->addWidget(m_plot, 1);

    setColumn(nullptr, -1);
}

void ColumnProfile::setColumn(std::shared_ptr<const Table> table, int column)
{
    m_table = std::move(table);
    m_column =
        m_table && column >= 0 && static_cast<std::size_t>(column) < m_table->columnCount() ? column : -1;
    const std::uint64_t generation = ++m_generation;
    m_summary = ColumnSummary();
    showWords();
    if (m_column < 0 || m_table->rowCount() < kBackgroundRows) {
        if (m_column >= 0) {
            m_summary = summarizeColumn(m_table->column(static_cast<std::size_t>(m_column)));
        }
        m_busy = false;
        showSummary();
        emit summaryShown();
        return;
    }
    // Sorting a million values for the distinct count takes a noticeable moment: not on the GUI thread.
    m_busy = true;
    m_title->setText(QString::fromStdString(m_table->column(static_cast<std::size_t>(m_column)).name));
    m_hint->setText(tr("Summarising %1 rows\u2026").arg(QLocale().toString(qulonglong(m_table->rowCount()))));
    m_hint->show();
    m_details->hide();
    m_plot->hide();
    auto* watcher = new QFutureWatcher<ColumnSummary>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation) {
            m_summary = watcher->result();
            m_busy = false;
            showSummary();
            emit summaryShown();
        }
    });
    watcher->setFuture(QtConcurrent::run([table = m_table, k = static_cast<std::size_t>(m_column)] {
        return summarizeColumn(table->column(k));
    }));
}

void ColumnProfile::setColumnWords(const ColumnWords& words, const QString& problem)
{
    m_columnWords = words;
    m_wordsProblem = problem;
    showWords();
}

QString ColumnProfile::columnName() const
{
    return m_column >= 0 ? QString::fromStdString(m_table->column(static_cast<std::size_t>(m_column)).name)
                         : QString();
}

void ColumnProfile::showWords()
{
    const std::string name = columnName().toStdString();
    const auto it = m_columnWords.find(name);
    m_words->setText(it != m_columnWords.end() ? QString::fromStdString(it->second) : QString());
    m_words->setCursorPosition(0); // the words' start, when they are longer than the field
    m_words->setPlaceholderText(name.empty() ? QString() : QString::fromStdString(suggestedWords(name)));
    m_wordsMessage->setText(m_wordsProblem);
    m_wordsMessage->setVisible(!m_wordsProblem.isEmpty());
}

void ColumnProfile::commitWords()
{
    const QString column = columnName();
    if (column.isEmpty()) {
        return;
    }
    const QString text = m_words->text().trimmed();
    const auto it = m_columnWords.find(column.toStdString());
    if (text == (it != m_columnWords.end() ? QString::fromStdString(it->second) : QString())) {
        return; // unchanged (editingFinished comes again when the field loses focus)
    }
    QString refused;
    const qsizetype bytes = text.toUtf8().size();
    if (text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))) {
        refused = tr("Not kept: a description is one line.");
    } else if (bytes > static_cast<qsizetype>(kMaxColumnWords)) {
        refused = tr("Not kept: a description is a short phrase of at most %1 bytes (a Chinese character "
                     "takes 3), and this one has %2.")
                      .arg(kMaxColumnWords)
                      .arg(bytes);
    }
    m_wordsMessage->setText(refused.isEmpty() ? m_wordsProblem : refused);
    m_wordsMessage->setVisible(!m_wordsMessage->text().isEmpty());
    if (refused.isEmpty()) {
        emit wordsEdited(column, text);
    }
}

void ColumnProfile::showSummary()
{
    const bool shown = m_column >= 0;
    m_hint->setVisible(!shown);
    m_hint->setText(tr("Click a column in the table to see what it holds."));
    m_details->setVisible(shown);
    m_plot->setVisible(shown);
    m_title->setText(shown ? m_summary.name : tr("Column profile"));
    m_plot->clearPlottables();
    if (!shown) {
        return;
    }
    const ColumnSummary& s = m_summary;
    const QLocale locale;
    const auto count = [&](std::size_t n) { return locale.toString(static_cast<qulonglong>(n)); };
    m_type->setText(columnTypeName(s.type));
    const double share = s.rows ? 100.0 * static_cast<double>(s.missing) / static_cast<double>(s.rows) : 0.0;
    m_missing->setText(
        s.missing == 0 ? tr("none") : tr("%1 (%2 %)").arg(count(s.missing), locale.toString(share, 'f', 1)));
    m_distinct->setText(count(s.distinct));

    const bool numbers = s.type == ColumnType::Numeric || s.type == ColumnType::Date;
    const bool levels = s.type == ColumnType::Categorical || s.type == ColumnType::Boolean;
    if (numbers && s.distinct > 0) {
        m_rangeLabel->setText(tr("Range:"));
        if (s.type == ColumnType::Date) {
            const DateFormat& f = m_table->column(static_cast<std::size_t>(m_column)).dateFormat;
            m_range->setText(
                tr("%1 to %2").arg(formatDateAs(std::floor(s.min), f), formatDateAs(std::floor(s.max), f)));
        } else {
            m_range->setText(tr("%1 to %2, average %3")
                                 .arg(formatNumber(s.min), formatNumber(s.max),
                                      // four digits are plenty for an average
                                      QString::number(s.mean, 'g', 4)));
        }
    } else if (levels) {
        m_rangeLabel->setText(tr("Most common:"));
        QStringList top;
        for (std::size_t i = 0; i < s.topLevels.size() && i < 3; ++i) {
            const double pct = 100.0 * static_cast<double>(s.topLevels[i].second) /
                               static_cast<double>(std::max<std::size_t>(1, s.rows - s.missing));
            top << tr("%1 (%2 %)").arg(s.topLevels[i].first, locale.toString(pct, 'f', 1));
        }
        m_range->setText(top.join(QStringLiteral(", ")));
    } else {
        m_rangeLabel->setText(tr("Used as:"));
        m_range->setText(s.type == ColumnType::Identifier
                             ? tr("a name for each row, not an input to the model")
                             : tr("free text, not an input to the model"));
    }
    m_rangeLabel->setVisible(true);

    if (s.binCounts.empty()) {
        m_plot->setVisible(false);
        m_plot->replot();
        return;
    }
    auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    bars->setName(tr("Rows"));
    bars->setPen(Qt::NoPen);
    bars->setBrush(QColor(0x3b, 0x7d, 0xd8));
    QVector<double> keys(s.binStarts.begin(), s.binStarts.end());
    const QVector<double> values(s.binCounts.begin(), s.binCounts.end());
    if (s.type == ColumnType::Numeric) {
        for (double& k : keys) {
            k += s.binWidth / 2.0;
        }
        bars->setWidth(s.binWidth * (s.binWidth == 1.0 ? 0.8 : 0.95));
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        m_plot->xAxis->setTickLabelRotation(0);
        m_plot->xAxis->setRange(s.binStarts.front(), s.binStarts.back() + s.binWidth);
    } else {
        bars->setWidth(0.7);
        auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
        // Label every bar when they fit, else about ten of them.
        const qsizetype step = std::max<qsizetype>(1, keys.size() / 10);
        for (qsizetype i = 0; i < keys.size(); i += step) {
            QString label = s.binLabels[i];
            if (label.size() > 14) {
                label = label.left(13) + QChar(0x2026);
            }
            ticker->addTick(keys[i], label);
        }
        m_plot->xAxis->setTicker(ticker);
        m_plot->xAxis->setTickLabelRotation(keys.size() > 4 ? 40 : 0);
        m_plot->xAxis->setRange(-0.6, static_cast<double>(keys.size()) - 0.4);
    }
    bars->setData(keys, values, true);
    const double top = *std::max_element(values.begin(), values.end());
    m_plot->yAxis->setRange(0, top * 1.08 + 1e-9);
    m_plot->replot();
}

} // namespace neurolift

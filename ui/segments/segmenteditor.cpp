#include "segments/segmenteditor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>
#include <stdexcept>

namespace neurolift {

namespace {

enum KindIndex { BandsIndex = 0, QuantilesIndex = 1, TopIndex = 2 };

QTableWidgetItem* bandItem(const QString& text)
{
    return new QTableWidgetItem(text);
}

} // namespace

SegmentEditor::SegmentEditor(QWidget* parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_bands(new QTableWidget(0, 2, this))
    , m_addBand(new QPushButton(tr("Add Band"), this))
    , m_removeBand(new QPushButton(tr("Remove Band"), this))
    , m_restName(new QLineEdit(this))
    , m_quantiles(new QSpinBox(this))
    , m_byCount(new QRadioButton(tr("The best"), this))
    , m_byShare(new QRadioButton(tr("The best"), this))
    , m_topN(new QSpinBox(this))
    , m_topShare(new QDoubleSpinBox(this))
    , m_topName(new QLineEdit(this))
    , m_topRest(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    m_kind->setObjectName(QStringLiteral("segmentKind"));
    m_kind->addItem(tr("Score bands"));
    m_kind->addItem(tr("Equal groups (deciles, quintiles…)"));
    m_kind->addItem(tr("The best customers"));
    m_kind->setToolTip(tr("How customers are put into segments."));

    // Score bands.
    m_bands->setObjectName(QStringLiteral("bandTable"));
    m_bands->setHorizontalHeaderLabels({tr("Segment"), tr("Score from")});
    m_bands->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_bands->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_bands->verticalHeader()->setVisible(false);
    m_bands->setToolTip(tr("Each segment holds the customers whose score is at least its \"Score from\" "
                           "and below the segment above. Scores run from 0 to 1."));
    m_addBand->setObjectName(QStringLiteral("addBand"));
    m_removeBand->setObjectName(QStringLiteral("removeBand"));
    m_restName->setObjectName(QStringLiteral("restName"));
    m_restName->setToolTip(tr("The name of the customers below the last band."));
    auto* bandButtons = new QHBoxLayout;
    bandButtons->addWidget(m_addBand);
    bandButtons->addWidget(m_removeBand);
    bandButtons->addStretch();
    auto* restRow = new QHBoxLayout;
    restRow->addWidget(new QLabel(tr("Everyone else:"), this));
    restRow->addWidget(m_restName, 1);
    auto* bandsPage = new QWidget(this);
    auto* bandsLayout = new QVBoxLayout(bandsPage);
    bandsLayout->setContentsMargins(0, 0, 0, 0);
    m_bands->setMaximumHeight(240);
    bandsLayout->addWidget(m_bands);
    bandsLayout->addLayout(bandButtons);
    bandsLayout->addLayout(restRow);
    bandsLayout->addStretch();

    // Quantiles.
    m_quantiles->setObjectName(QStringLiteral("quantiles"));
    m_quantiles->setRange(2, 100);
    m_quantiles->setValue(10);
    m_quantiles->setToolTip(tr("10 gives deciles, 5 quintiles. Group 1 holds the highest scores; customers "
                               "with the same score are never split between groups."));
    auto* quantilesPage = new QWidget(this);
    auto* quantilesLayout = new QFormLayout(quantilesPage);
    quantilesLayout->setContentsMargins(0, 0, 0, 0);
    quantilesLayout->addRow(tr("Number of groups:"), m_quantiles);

    // Top customers.
    m_byCount->setObjectName(QStringLiteral("topByCount"));
    m_byShare->setObjectName(QStringLiteral("topByShare"));
    m_byCount->setChecked(true);
    m_topN->setObjectName(QStringLiteral("topN"));
    m_topN->setRange(1, 100'000'000);
    m_topN->setValue(1000);
    m_topN->setGroupSeparatorShown(true);
    m_topN->setSuffix(tr(" customers"));
    m_topShare->setObjectName(QStringLiteral("topShare"));
    m_topShare->setRange(0.1, 100.0);
    m_topShare->setDecimals(1);
    m_topShare->setValue(10.0);
    m_topShare->setSuffix(tr(" %"));
    m_topName->setObjectName(QStringLiteral("topName"));
    m_topRest->setObjectName(QStringLiteral("topRest"));
    auto* topPage = new QWidget(this);
    auto* topLayout = new QFormLayout(topPage);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addRow(m_byCount, m_topN);
    topLayout->addRow(m_byShare, m_topShare);
    topLayout->addRow(tr("Their segment:"), m_topName);
    topLayout->addRow(tr("Everyone else:"), m_topRest);

    m_pages->addWidget(bandsPage);
    m_pages->addWidget(quantilesPage);
    m_pages->addWidget(topPage);

    m_problem->setObjectName(QStringLiteral("segmentProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(QStringLiteral("color: #b45309;"));

    auto* kindRow = new QHBoxLayout;
    kindRow->addWidget(new QLabel(tr("Split by:"), this));
    kindRow->addWidget(m_kind, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(kindRow);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_problem);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_pages->setCurrentIndex(index);
        onEdited();
    });
    connect(m_bands, &QTableWidget::itemChanged, this, &SegmentEditor::onEdited);
    connect(m_addBand, &QPushButton::clicked, this, &SegmentEditor::addBand);
    connect(m_removeBand, &QPushButton::clicked, this, &SegmentEditor::removeBand);
    for (QLineEdit* edit : {m_restName, m_topName, m_topRest}) {
        connect(edit, &QLineEdit::textEdited, this, &SegmentEditor::onEdited);
    }
    connect(m_quantiles, &QSpinBox::valueChanged, this, &SegmentEditor::onEdited);
    connect(m_topN, &QSpinBox::valueChanged, this, &SegmentEditor::onEdited);
    connect(m_topShare, &QDoubleSpinBox::valueChanged, this, &SegmentEditor::onEdited);
    connect(m_byCount, &QRadioButton::toggled, this, &SegmentEditor::onEdited);

    setDefinition(SegmentDefinition::parseBands("hot:0.7,warm:0.4,cold"));
}

SegmentDefinition SegmentEditor::definition() const
{
    SegmentDefinition d;
    switch (m_kind->currentIndex()) {
    case QuantilesIndex:
        d = SegmentDefinition::byQuantiles(m_quantiles->value());
        break;
    case TopIndex:
        d = m_byCount->isChecked() ? SegmentDefinition::byTopN(static_cast<std::size_t>(m_topN->value()))
                                   : SegmentDefinition::byTopShare(m_topShare->value() / 100.0);
        if (!m_topName->text().trimmed().isEmpty()) {
            d.topName = m_topName->text().trimmed().toStdString();
        }
        if (!m_topRest->text().trimmed().isEmpty()) {
            d.restName = m_topRest->text().trimmed().toStdString();
        }
        break;
    default:
        d.kind = SegmentKind::ScoreBands;
        for (int row = 0; row < m_bands->rowCount(); ++row) {
            const QTableWidgetItem* name = m_bands->item(row, 0);
            const QTableWidgetItem* lower = m_bands->item(row, 1);
            const QString nameText = name ? name->text().trimmed() : QString();
            const QString lowerText = lower ? lower->text().trimmed() : QString();
            if (nameText.isEmpty()) {
                throw std::invalid_argument(tr("Band %1 has no name.").arg(row + 1).toStdString());
            }
            bool ok = false;
            double value = QLocale().toDouble(lowerText, &ok);
            if (!ok) {
                value = lowerText.toDouble(&ok);
            }
            if (!ok || !std::isfinite(value) || value < 0.0 || value > 1.0) {
                throw std::invalid_argument(
                    tr("The score of \"%1\" should be a number from 0 to 1, not \"%2\".")
                        .arg(nameText, lowerText)
                        .toStdString());
            }
            d.bands.push_back({nameText.toStdString(), value});
        }
        d.restName = m_restName->text().trimmed().toStdString();
        if (d.restName.empty()) {
            throw std::invalid_argument(tr("Give the customers below the last band a name.").toStdString());
        }
        break;
    }
    d.validate();
    return d;
}

void SegmentEditor::setDefinition(const SegmentDefinition& d)
{
    m_updating = true;
    m_bands->setRowCount(0);
    switch (d.kind) {
    case SegmentKind::ScoreBands:
        m_kind->setCurrentIndex(BandsIndex);
        for (const ScoreBand& band : d.bands) {
            const int row = m_bands->rowCount();
            m_bands->insertRow(row);
            m_bands->setItem(row, 0, bandItem(QString::fromStdString(band.name)));
            m_bands->setItem(row, 1, bandItem(QLocale().toString(band.lower, 'g', 6)));
        }
        m_restName->setText(QString::fromStdString(d.restName));
        break;
    case SegmentKind::Quantiles:
        m_kind->setCurrentIndex(QuantilesIndex);
        m_quantiles->setValue(d.quantiles);
        break;
    case SegmentKind::TopN:
        m_kind->setCurrentIndex(TopIndex);
        m_byShare->setChecked(d.topShare.has_value());
        m_byCount->setChecked(!d.topShare.has_value());
        if (d.topShare) {
            m_topShare->setValue(*d.topShare * 100.0);
        } else {
            m_topN->setValue(static_cast<int>(std::min<std::size_t>(d.topN, 100'000'000)));
        }
        m_topName->setText(QString::fromStdString(d.topName));
        m_topRest->setText(QString::fromStdString(d.restName));
        break;
    }
    if (d.kind != SegmentKind::ScoreBands && m_restName->text().isEmpty()) {
        m_restName->setText(tr("rest"));
    }
    if (d.kind != SegmentKind::TopN && m_topName->text().isEmpty()) {
        m_topName->setText(tr("top"));
        m_topRest->setText(tr("rest"));
    }
    m_pages->setCurrentIndex(m_kind->currentIndex());
    m_updating = false;
    onEdited();
}

QString SegmentEditor::problem() const
{
    try {
        definition();
        return {};
    } catch (const std::invalid_argument& e) {
        return QString::fromUtf8(e.what());
    }
}

void SegmentEditor::addBand()
{
    // A new band below the last one, halfway to 0.
    double lower = 0.5;
    const int rows = m_bands->rowCount();
    if (rows > 0) {
        bool ok = false;
        const QTableWidgetItem* last = m_bands->item(rows - 1, 1);
        const double above = last ? QLocale().toDouble(last->text(), &ok) : 0.0;
        lower = ok ? std::round(above * 50.0) / 100.0 : 0.1;
    }
    m_updating = true;
    m_bands->insertRow(rows);
    m_bands->setItem(rows, 0, bandItem(tr("band %1").arg(rows + 1)));
    m_bands->setItem(rows, 1, bandItem(QLocale().toString(lower, 'g', 6)));
    m_updating = false;
    m_bands->setCurrentCell(rows, 0);
    onEdited();
}

void SegmentEditor::removeBand()
{
    const int row = m_bands->currentRow() >= 0 ? m_bands->currentRow() : m_bands->rowCount() - 1;
    if (row >= 0 && m_bands->rowCount() > 1) {
        m_bands->removeRow(row);
        onEdited();
    }
}

void SegmentEditor::onEdited()
{
    if (m_updating) {
        return;
    }
    m_topN->setEnabled(m_byCount->isChecked());
    m_topShare->setEnabled(m_byShare->isChecked());
    m_removeBand->setEnabled(m_bands->rowCount() > 1);
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    if (why.isEmpty()) {
        emit definitionChanged();
    }
}

} // namespace neurolift

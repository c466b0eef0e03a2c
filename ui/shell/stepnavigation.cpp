#include "shell/stepnavigation.h"

#include "shell/appicon.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>

namespace neurolift {

namespace {

constexpr int kSidebarWidth = 210;
constexpr int kNavigationRowHeight = 40;
constexpr int kBadgeSize = 22;
// Transparent room right of the badge: item views put the text only a few pixels from the icon.
constexpr int kBadgeGap = 6;

/// The step's number in a filled circle: highlight on the plain row, inverted on the selected one.
QIcon stepBadge(int number, const QPalette& palette)
{
    const QColor highlight = palette.color(QPalette::Highlight);
    const QColor onHighlight = palette.color(QPalette::HighlightedText);
    QIcon icon;
    for (const qreal ratio : {1.0, 2.0}) {
        for (const auto& [mode, fill, text] : {std::tuple{QIcon::Normal, highlight, onHighlight},
                                               std::tuple{QIcon::Selected, onHighlight, highlight}}) {
            QPixmap pixmap(QSize(kBadgeSize + kBadgeGap, kBadgeSize) * ratio);
            pixmap.setDevicePixelRatio(ratio);
            pixmap.fill(Qt::transparent);
            QPainter p(&pixmap);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(Qt::NoPen);
            p.setBrush(fill);
            p.drawEllipse(QRectF(0.5, 0.5, kBadgeSize - 1, kBadgeSize - 1));
            QFont font = p.font();
            font.setPixelSize(kBadgeSize * 6 / 10);
            font.setWeight(QFont::Bold);
            p.setFont(font);
            p.setPen(text);
            p.drawText(QRectF(0, 0, kBadgeSize, kBadgeSize), Qt::AlignCenter, QString::number(number));
            p.end();
            icon.addPixmap(pixmap, mode);
        }
    }
    return icon;
}

} // namespace

StepNavigation::StepNavigation(QWidget* parent)
    : QFrame(parent)
{
    const QPalette pal = palette();
    setObjectName(QStringLiteral("sidebar"));
    setFixedWidth(kSidebarWidth);
    setStyleSheet(
        QStringLiteral("QFrame#sidebar { background: %1; border: none; border-right: 1px solid %2; }")
            .arg(pal.color(QPalette::Window).name(), pal.color(QPalette::Mid).lighter(125).name()));

    // The product's name above the steps, so the window says what it is at a glance.
    auto* logo = new QLabel(this);
    logo->setPixmap(appIcon().pixmap(QSize(32, 32)));
    auto* name = new QLabel(tr("NeuroLift"), this);
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.2);
    nameFont.setWeight(QFont::Bold);
    name->setFont(nameFont);
    auto* header = new QHBoxLayout;
    header->setContentsMargins(18, 16, 18, 14);
    header->setSpacing(10);
    header->addWidget(logo);
    header->addWidget(name, 1);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("navigation"));
    m_list->setAccessibleName(tr("Steps"));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setIconSize(QSize(kBadgeSize + kBadgeGap, kBadgeSize));
    m_list->setStyleSheet(
        QStringLiteral("QListWidget#navigation { background: transparent; outline: none; }"
                       "QListWidget#navigation::item { margin: 1px 10px; padding-left: 8px;"
                       " border-radius: 6px; color: palette(text); }"
                       "QListWidget#navigation::item:hover:!selected { background: %1; }"
                       "QListWidget#navigation::item:selected { background: palette(highlight);"
                       " color: palette(highlighted-text); }")
            .arg(pal.color(QPalette::Midlight).name()));
    for (const Step step : kSteps) {
        auto* item = new QListWidgetItem(stepBadge(static_cast<int>(step) + 1, pal), stepTitle(step), m_list);
        item->setSizeHint(QSize(0, kNavigationRowHeight));
    }
    m_list->setCurrentRow(0);
    // Rows are in workflow order, so a row is its step.
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0) {
            emit currentStepChanged(kSteps.at(static_cast<std::size_t>(row)));
        }
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_list, 1);
}

Step StepNavigation::currentStep() const
{
    return kSteps.at(static_cast<std::size_t>(std::max(0, m_list->currentRow())));
}

void StepNavigation::setCurrentStep(Step step)
{
    m_list->setCurrentRow(static_cast<int>(step));
}

QString StepNavigation::stepTitle(Step step)
{
    switch (step) {
    case Step::Data:
        return tr("Data");
    case Step::Model:
        return tr("Model");
    case Step::Train:
        return tr("Train");
    case Step::Explain:
        return tr("Explain");
    case Step::Segments:
        return tr("Segments");
    }
    return {};
}

} // namespace neurolift

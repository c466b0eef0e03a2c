#include "shell/noprojectpage.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace neurolift {

namespace {

// Long lines are hard to read; the text column stops growing at this width.
constexpr int kMaxTextWidth = 640;

QLabel* wrappedLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QFont scaledFont(QFont font, qreal factor, QFont::Weight weight)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setWeight(weight);
    return font;
}

} // namespace

NoProjectPage::NoProjectPage(const Content& content, QWidget* parent)
    : QWidget(parent)
{
    auto* column = new QWidget(this);
    column->setMaximumWidth(kMaxTextWidth);

    auto* caption = new QLabel(content.caption.toUpper(), column);
    caption->setObjectName(QStringLiteral("caption"));
    caption->setFont(scaledFont(font(), 0.9, QFont::DemiBold));
    caption->setForegroundRole(QPalette::Highlight);

    m_heading = wrappedLabel(content.heading, column);
    m_heading->setObjectName(QStringLiteral("heading"));
    m_heading->setFont(scaledFont(font(), 1.8, QFont::Bold));

    auto* summary = wrappedLabel(content.summary, column);
    summary->setObjectName(QStringLiteral("summary"));
    summary->setFont(scaledFont(font(), 1.1, QFont::Normal));

    auto* features = new QGridLayout;
    features->setContentsMargins(0, 0, 0, 0);
    features->setHorizontalSpacing(10);
    features->setVerticalSpacing(8);
    features->setColumnStretch(1, 1);
    for (int row = 0; row < content.features.size(); ++row) {
        auto* bullet = new QLabel(QStringLiteral("\u2022"), column);
        bullet->setForegroundRole(QPalette::Highlight);
        features->addWidget(bullet, row, 0, Qt::AlignTop);
        features->addWidget(wrappedLabel(content.features.at(row), column), row, 1);
    }

    auto* howToStart =
        new QLabel(tr("Open a project (File › Open) or start a new one (File › New) to begin"), column);
    howToStart->setObjectName(QStringLiteral("howToStart"));
    QColor tint = palette().color(QPalette::Highlight);
    tint.setAlpha(36);
    howToStart->setStyleSheet(QStringLiteral("QLabel#howToStart { background: rgba(%1, %2, %3, %4);"
                                             " border-radius: 11px; padding: 4px 12px; }")
                                  .arg(tint.red())
                                  .arg(tint.green())
                                  .arg(tint.blue())
                                  .arg(tint.alpha()));

    auto* text = new QVBoxLayout(column);
    text->setContentsMargins(0, 0, 0, 0);
    text->setSpacing(0);
    text->addWidget(caption);
    text->addSpacing(6);
    text->addWidget(m_heading);
    text->addSpacing(14);
    text->addWidget(summary);
    text->addSpacing(20);
    text->addLayout(features);
    text->addSpacing(28);
    text->addWidget(howToStart, 0, Qt::AlignLeft);

    // The column takes the width up to its maximum, the rest stays empty on the right;
    // the text starts at the top and free height stays below it.
    auto* row = new QHBoxLayout;
    row->addWidget(column, 1);
    row->addStretch(0);
    auto* page = new QVBoxLayout(this);
    page->setContentsMargins(48, 40, 48, 40);
    page->addLayout(row);
    page->addStretch(1);
}

QString NoProjectPage::heading() const
{
    return m_heading->text();
}

} // namespace neurolift

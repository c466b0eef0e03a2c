#include "shell/errorbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace neurolift {

namespace {

constexpr int kIconSize = 32;

} // namespace

ErrorBanner::ErrorBanner(QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("errorBanner"));
    // Fixed warm colours rather than the palette's: a warning must stand out in light and dark themes alike.
    setStyleSheet(QStringLiteral("QFrame#errorBanner { background: #fdecea; border: none;"
                                 " border-bottom: 1px solid #e8a09a; }"
                                 "QFrame#errorBanner QLabel { color: #5f1d18; background: transparent; }"));

    auto* icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(kIconSize, kIconSize));
    icon->setAlignment(Qt::AlignTop);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("errorBannerTitle"));
    QFont bold = m_title->font();
    bold.setWeight(QFont::Bold);
    m_title->setFont(bold);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("errorBannerMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText); // file names may hold '<'
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* close = new QToolButton(this);
    close->setObjectName(QStringLiteral("errorBannerClose"));
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Hide this message"));
    close->setAccessibleName(tr("Hide this message"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);

    auto* texts = new QVBoxLayout;
    texts->setSpacing(4);
    texts->addWidget(m_title);
    texts->addWidget(m_message);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 12, 12, 12);
    layout->setSpacing(12);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

void ErrorBanner::showError(const QString& title, const QString& message)
{
    m_title->setText(title);
    m_message->setText(message);
    setAccessibleDescription(message);
    show();
}

QString ErrorBanner::message() const
{
    return isVisibleTo(parentWidget()) ? m_message->text() : QString();
}

} // namespace neurolift

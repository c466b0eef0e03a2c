#include "shell/taskindicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>

namespace neurolift {

TaskIndicator::TaskIndicator(QWidget* parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("taskIndicator"));
    m_label->setObjectName(QStringLiteral("taskLabel"));
    m_bar->setObjectName(QStringLiteral("taskProgress"));
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(160);
    m_bar->setMaximumHeight(14);
    m_cancel->setObjectName(QStringLiteral("taskCancel"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop this task"));
    m_cancel->setAutoRaise(true);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (m_onCancel) {
            m_cancel->setEnabled(false);
            m_label->setText(tr("Cancelling\u2026"));
            m_onCancel();
        }
    });
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->setSpacing(8);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    hide();
}

void TaskIndicator::start(const QString& text, std::function<void()> cancel)
{
    m_busy = true;
    m_onCancel = std::move(cancel);
    m_label->setText(text);
    m_bar->setRange(0, 1000);
    m_bar->setValue(0);
    m_cancel->setVisible(static_cast<bool>(m_onCancel));
    m_cancel->setEnabled(true);
    show();
}

void TaskIndicator::setProgress(double fraction, const QString& text)
{
    if (fraction < 0) {
        m_bar->setRange(0, 0); // a moving bar: busy without an estimate
    } else {
        m_bar->setRange(0, 1000);
        m_bar->setValue(static_cast<int>(std::min(1.0, fraction) * 1000));
    }
    if (!text.isEmpty() && m_cancel->isEnabled()) {
        m_label->setText(text);
    }
}

void TaskIndicator::finish()
{
    m_busy = false;
    m_onCancel = {};
    hide();
}

QString TaskIndicator::text() const
{
    return m_label->text();
}

} // namespace neurolift

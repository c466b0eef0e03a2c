#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QToolButton;

namespace neurolift {

/// The status bar's view of background work (import, training, export): what
/// runs, how far it is, and a button to cancel it. Hidden while nothing runs.
class TaskIndicator : public QWidget {
    Q_OBJECT

public:
    explicit TaskIndicator(QWidget* parent = nullptr);

    /// Shows `text` with an empty bar; Cancel calls `cancel` (no button without one).
    void start(const QString& text, std::function<void()> cancel = {});
    /// `fraction` in [0, 1], or negative for "busy, no estimate"; `text` replaces the label when given.
    void setProgress(double fraction, const QString& text = {});
    /// Hides the indicator.
    void finish();
    bool isBusy() const { return m_busy; }
    QString text() const;

private:
    QLabel* m_label;
    QProgressBar* m_bar;
    QToolButton* m_cancel;
    std::function<void()> m_onCancel;
    bool m_busy = false;
};

} // namespace neurolift

#pragma once

#include <QFrame>

class QLabel;

namespace neurolift {

/// A strip across the top of the window that says what went wrong, in the
/// core's words, without stopping anything: the window stays usable under it
/// and the close button hides it. Used where no one is there to dismiss a
/// message box (a --screenshot run), so the picture shows the error.
class ErrorBanner : public QFrame {
    Q_OBJECT

public:
    explicit ErrorBanner(QWidget* parent = nullptr);

    /// Shows `title` in bold above `message`, replacing what was shown.
    void showError(const QString& title, const QString& message);
    /// The message shown (empty when hidden).
    QString message() const;

private:
    QLabel* m_title = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace neurolift

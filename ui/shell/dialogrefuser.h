#pragma once

#include <QObject>

class QDialog;

namespace neurolift {

/// For runs with no one at the screen (--screenshot): every modal dialog of
/// the application is closed the moment it opens, as if the user pressed
/// Escape (Cancel, or OK for a message), so that none can block the program.
/// Closing, never accepting: no question is answered in a way that changes
/// or discards anything.
class DialogRefuser : public QObject {
    Q_OBJECT

public:
    /// Watches the whole application while it exists.
    explicit DialogRefuser(QObject* parent = nullptr);
    ~DialogRefuser() override;

signals:
    /// A dialog was closed unanswered; `text` is what it said (its title when it has no text).
    void refused(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refuse(QDialog* dialog);
};

} // namespace neurolift

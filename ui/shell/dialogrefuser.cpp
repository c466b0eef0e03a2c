#include "shell/dialogrefuser.h"

#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QMessageBox>
#include <QPointer>

namespace neurolift {

DialogRefuser::DialogRefuser(QObject* parent)
    : QObject(parent)
{
    qApp->installEventFilter(this);
}

DialogRefuser::~DialogRefuser()
{
    qApp->removeEventFilter(this);
}

bool DialogRefuser::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Show) {
        auto* dialog = qobject_cast<QDialog*>(watched);
        if (dialog && dialog->isModal()) {
            refuse(dialog);
        }
    }
    return QObject::eventFilter(watched, event);
}

void DialogRefuser::refuse(QDialog* dialog)
{
    QString text = dialog->windowTitle();
    if (const auto* box = qobject_cast<QMessageBox*>(dialog)) {
        text = box->text();
        if (!box->informativeText().isEmpty()) {
            text += u' ' + box->informativeText();
        }
    }
    emit refused(text);
    // Once its own event loop runs: closing from inside show() would leave exec() waiting.
    QMetaObject::invokeMethod(
        dialog,
        [dialog = QPointer<QDialog>(dialog)] {
            if (!dialog) {
                return;
            }
            // A message box closes through its Escape button, so clickedButton() says "Cancel";
            // one without such a button ignores close(), and reject() ends it anyway.
            dialog->close();
            if (dialog && dialog->isVisible()) {
                dialog->reject();
            }
        },
        Qt::QueuedConnection);
}

} // namespace neurolift

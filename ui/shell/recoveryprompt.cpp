#include "shell/recoveryprompt.h"

#include "common/pagekit.h"
#include "shell/document.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace neurolift {

RecoveryPrompt::Answer RecoveryPrompt::askAboutChanges(QWidget* parent, const QString& file,
                                                       const QDateTime& lastChange)
{
    QMessageBox box(
        QMessageBox::Question, tr("Restore unsaved changes?"),
        tr("NeuroLift stopped before the changes to “%1” were saved.").arg(QFileInfo(file).fileName()),
        QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("restorePrompt"));
    box.setInformativeText(tr("The last change was made %1. Restore the changes, or open the project "
                              "as it was last saved and discard them?")
                               .arg(localDateTime(lastChange)));
    QPushButton* restore = box.addButton(tr("Restore Changes"), QMessageBox::AcceptRole);
    box.addButton(tr("Discard Changes"), QMessageBox::DestructiveRole);
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(restore);
    box.exec();
    if (box.clickedButton() == cancel) {
        return Answer::Cancel;
    }
    return box.clickedButton() == restore ? Answer::Restore : Answer::Discard;
}

QString RecoveryPrompt::chooseUntitledToRestore(QWidget* parent)
{
    for (const QString& file : Document::orphanedUntitled()) {
        QMessageBox box(QMessageBox::Question, tr("Restore an unsaved project?"),
                        tr("NeuroLift stopped before a new project was saved."), QMessageBox::NoButton,
                        parent);
        box.setObjectName(QStringLiteral("restoreUntitledPrompt"));
        box.setInformativeText(tr("Its last change was made %1. Restore it, or discard it for good?")
                                   .arg(localDateTime(QFileInfo(file).lastModified())));
        QPushButton* restore = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
        box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        box.setDefaultButton(restore);
        box.exec();
        if (box.clickedButton() == restore) {
            return file;
        }
        QFile::remove(file);
    }
    return {};
}

} // namespace neurolift

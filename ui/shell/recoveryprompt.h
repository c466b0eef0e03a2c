#pragma once

#include <QCoreApplication>
#include <QString>

class QDateTime;
class QWidget;

namespace neurolift {

/// The questions about work that a NeuroLift which stopped without saving left
/// behind: restore it or discard it. Only asks; the main window opens what was chosen.
class RecoveryPrompt {
    Q_DECLARE_TR_FUNCTIONS(neurolift::RecoveryPrompt)

public:
    enum class Answer { Restore, Discard, Cancel };

    /// Asks about the unsaved changes to the project at `file`, last made at
    /// `lastChange`: restore them, discard them, or cancel opening the project.
    static Answer askAboutChanges(QWidget* parent, const QString& file, const QDateTime& lastChange);
    /// Offers the untitled projects left behind one at a time and deletes each
    /// one the user discards. Returns the working file of the first one to
    /// restore (the rest are offered at the next start), or empty.
    static QString chooseUntitledToRestore(QWidget* parent);
};

} // namespace neurolift

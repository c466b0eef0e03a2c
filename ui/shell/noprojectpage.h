#pragma once

#include "shell/step.h"

#include <QStringList>
#include <QWidget>

class QLabel;

namespace neurolift {

/// The page each workflow step shows while no project is open: says in plain
/// words what the step lets the user do and how to begin (open or start a
/// project). One class for all steps; each step gets its own text.
class NoProjectPage : public QWidget {
    Q_OBJECT

public:
    /// What the page says, already translated.
    struct Content {
        QString caption;      ///< Small line above the heading ("Step 1 of 5").
        QString heading;      ///< What the step is about, as a short sentence.
        QString summary;      ///< One or two sentences on what the user will do here.
        QStringList features; ///< A few things the step will offer, one line each.
    };

    explicit NoProjectPage(const Content& content, QWidget* parent = nullptr);

    /// What the page of `step` says: the step's number and name, what it is for, what it offers.
    static Content contentFor(Step step);

    /// The heading shown at the top of the page.
    QString heading() const;

private:
    QLabel* m_heading = nullptr;
};

} // namespace neurolift

#pragma once

#include <QMenu>

namespace neurolift {

/// File › Open Recent: the projects opened or saved lately, most recent first,
/// kept in the settings. The menu lists those that still exist each time it opens.
class RecentProjectsMenu : public QMenu {
    Q_OBJECT

public:
    explicit RecentProjectsMenu(const QString& title, QWidget* parent = nullptr);

    /// Puts `path` at the top of the list (once), keeping the ten most recent.
    static void remember(const QString& path);

signals:
    /// The user chose the project at `path`.
    void projectChosen(const QString& path);

private:
    void fill();
};

} // namespace neurolift

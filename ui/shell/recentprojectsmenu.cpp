#include "shell/recentprojectsmenu.h"

#include "shell/settings.h"

#include <QDir>
#include <QFileInfo>

namespace neurolift {

namespace {

constexpr int kMaxRecentProjects = 10;

} // namespace

RecentProjectsMenu::RecentProjectsMenu(const QString& title, QWidget* parent)
    : QMenu(title, parent)
{
    setObjectName(QStringLiteral("menuRecent"));
    connect(this, &QMenu::aboutToShow, this, &RecentProjectsMenu::fill);
}

void RecentProjectsMenu::remember(const QString& path)
{
    QStringList recent = prefs::recentProjects.get();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentProjects) {
        recent.removeLast();
    }
    prefs::recentProjects.set(recent);
}

void RecentProjectsMenu::fill()
{
    clear();
    const QStringList recent = prefs::recentProjects.get();
    int number = 0;
    for (const QString& path : recent) {
        if (!QFileInfo::exists(path)) {
            continue;
        }
        ++number;
        // "&1 name" gives the first nine entries a key; the folder is in the tooltip and status tip.
        const QString label = number < 10 ? tr("&%1 %2").arg(number).arg(QFileInfo(path).fileName())
                                          : QFileInfo(path).fileName();
        QAction* a = addAction(label, this, [this, path] { emit projectChosen(path); });
        a->setStatusTip(QDir::toNativeSeparators(path));
        a->setToolTip(QDir::toNativeSeparators(path));
    }
    if (number == 0) {
        addAction(tr("No recent projects"))->setEnabled(false);
        return;
    }
    addSeparator();
    addAction(tr("&Clear Menu"), this, [] { prefs::recentProjects.reset(); });
}

} // namespace neurolift

#pragma once

#include <QByteArray>
#include <QSettings>
#include <QStringList>
#include <QVariant>

#include <utility>

namespace neurolift {

/// One user-interface setting: its key is written once, here, and every read
/// and write goes through this typed accessor instead of a string at the call site.
/// Values live in the platform's QSettings store for the application.
template <typename T>
class Preference {
public:
    /// `key` must outlive the preference (a string literal).
    explicit Preference(const char* key, T defaultValue = T{})
        : m_key(key)
        , m_default(std::move(defaultValue))
    {
    }

    /// The stored value, or the default when none was stored or it has the wrong type.
    T get() const
    {
        const QVariant v = QSettings().value(QLatin1StringView(m_key));
        return v.isValid() && v.canConvert<T>() ? v.value<T>() : m_default;
    }

    void set(const T& value) const
    {
        QSettings().setValue(QLatin1StringView(m_key), QVariant::fromValue(value));
    }

    /// Forgets the stored value, so get() returns the default again.
    void reset() const { QSettings().remove(QLatin1StringView(m_key)); }

    const char* key() const { return m_key; }

private:
    const char* m_key;
    T m_default;
};

/// The user-interface settings, one accessor per key.
namespace prefs {

/// QMainWindow::saveGeometry() of the main window.
inline const Preference<QByteArray> mainWindowGeometry{"mainwindow/geometry"};
/// Projects opened or saved lately, most recent first.
inline const Preference<QStringList> recentProjects{"files/recentProjects"};
/// The folder of the last file chosen in a file dialog.
inline const Preference<QString> lastFolder{"files/lastFolder"};

} // namespace prefs

} // namespace neurolift

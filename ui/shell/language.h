#pragma once

#include "shell/settings.h"

#include <QList>
#include <QLocale>
#include <QString>

namespace neurolift {

/// A language the interface is translated into.
struct InterfaceLanguage {
    QString code;       ///< "en", "zh_CN": the suffix of the translation files
    QString nativeName; ///< the language's name in itself, as a menu shows it
};

/// The interface's languages, English (the language of the sources) first.
QList<InterfaceLanguage> interfaceLanguages();

/// The language to show: `preference` when it names one of interfaceLanguages(),
/// otherwise the first of the system's preferred languages (`system.uiLanguages()`)
/// that NeuroLift is translated into, otherwise English.
QString chooseLanguage(const QString& preference, const QLocale& system);

/// The native name of `code`, or `code` itself when it is not an interface language.
QString languageName(const QString& code);

/// Makes the application speak `code`: NeuroLift's own translation (built into the
/// program) and Qt's, for the standard dialogs and buttons (installed with Qt;
/// the interface still works in part without them). Removes the translators of an
/// earlier call first. Widgets created afterwards use the new language.
/// Returns false when NeuroLift's own translation for `code` cannot be loaded.
bool installTranslators(const QString& code);

/// The language installTranslators() last installed ("en" before any call).
QString installedLanguage();

namespace prefs {

/// The language the user chose in Settings › Language; empty follows the system.
inline const Preference<QString> language{"interface/language"};

} // namespace prefs

} // namespace neurolift

#include "shell/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

#include <vector>

namespace neurolift {

namespace {

const QString kEnglish = QStringLiteral("en");

/// The translators installTranslators() put into the application, and their language.
struct Installed {
    std::vector<QPointer<QTranslator>> translators;
    QString language = kEnglish;
};

Installed& installed()
{
    static Installed state;
    return state;
}

} // namespace

QList<InterfaceLanguage> interfaceLanguages()
{
    return {{kEnglish, QStringLiteral("English")},
            {QStringLiteral("zh_CN"), QStringLiteral("\u7b80\u4f53\u4e2d\u6587")}};
}

QString chooseLanguage(const QString& preference, const QLocale& system)
{
    const QList<InterfaceLanguage> languages = interfaceLanguages();
    for (const InterfaceLanguage& l : languages) {
        if (l.code == preference) {
            return l.code;
        }
    }
    // uiLanguages() lists the user's languages in order of preference, as BCP 47
    // tags ("zh-Hans-CN", "zh-CN", "en-US"); the first one we speak wins.
    for (const QString& tag : system.uiLanguages()) {
        const QLocale locale(tag);
        if (locale.language() == QLocale::English) {
            return kEnglish;
        }
        // Simplified Chinese is written in China and Singapore; Taiwan, Hong Kong
        // and Macau write traditional characters, which this translation is not.
        if (locale.language() == QLocale::Chinese && locale.script() != QLocale::TraditionalChineseScript) {
            return QStringLiteral("zh_CN");
        }
    }
    return kEnglish;
}

QString languageName(const QString& code)
{
    const QList<InterfaceLanguage> languages = interfaceLanguages();
    for (const InterfaceLanguage& l : languages) {
        if (l.code == code) {
            return l.nativeName;
        }
    }
    return code;
}

bool installTranslators(const QString& code)
{
    Installed& state = installed();
    for (const QPointer<QTranslator>& t : state.translators) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t.data();
        }
    }
    state.translators.clear();
    state.language = kEnglish;
    if (code == kEnglish) {
        // English is the sources' language; its catalogue holds only the plural forms.
        auto* plurals = new QTranslator(QCoreApplication::instance());
        if (!plurals->load(QStringLiteral(":/i18n/neurolift_en.qm"))) {
            delete plurals;
            return false;
        }
        QCoreApplication::installTranslator(plurals);
        state.translators.emplace_back(plurals);
        return true;
    }

    auto* own = new QTranslator(QCoreApplication::instance());
    if (!own->load(QStringLiteral(":/i18n/neurolift_%1.qm").arg(code))) {
        delete own;
        return false;
    }
    // Qt's own texts (the wizard's Next and Back, file dialogs, message box buttons)
    // come from the qtbase catalogue Debian ships in qt6-translations-l10n.
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        state.translators.emplace_back(qt);
    } else {
        delete qt;
    }
    QCoreApplication::installTranslator(own);
    state.translators.emplace_back(own);
    state.language = code;
    return true;
}

QString installedLanguage()
{
    return installed().language;
}

} // namespace neurolift

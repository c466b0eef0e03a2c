// neurolift: the desktop workbench.

#include "buildinfo.h"
#include "shell/appicon.h"
#include "shell/dialogrefuser.h"
#include "shell/errorbanner.h"
#include "shell/language.h"
#include "shell/mainwindow.h"
#include "shell/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QImage>
#include <QLocale>
#include <QPixmap>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <optional>

namespace {

// Documentation screenshots have the same size on every machine.
constexpr QSize kScreenshotSize{1280, 800};

/// Whether the command line asks for the version (-v or --version), looked at before
/// QApplication exists: that needs a display, and `neurolift --version` must work without one.
bool asksForVersion(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const char* arg = argv[i];
        if (std::strcmp(arg, "--") == 0) {
            return false;
        }
        if (std::strcmp(arg, "--screenshot") == 0) {
            ++i; // its value is a file name, whatever it looks like
        } else if (std::strcmp(arg, "-v") == 0 || std::strcmp(arg, "--version") == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    if (asksForVersion(argc, argv)) {
        std::printf("%s\n", neurolift::versionLine("neurolift").c_str());
        return 0;
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("NeuroLift"));
    QApplication::setApplicationName(QStringLiteral("NeuroLift"));
    QApplication::setApplicationVersion(neurolift::versionString());
    QApplication::setWindowIcon(neurolift::appIcon());
    // Lets the desktop (Wayland's app id, task bars) match windows to packaging/'s desktop entry and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.neurolift.NeuroLift"));

    // The language first, so that even --help speaks it.
    neurolift::installTranslators(neurolift::chooseLanguage(neurolift::prefs::language.get(), QLocale::system()));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Build, train and explain neural networks on customer data."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a picture of the main window to <file> and quit."),
        QApplication::translate("main", "file"));
    parser.addOption(screenshot);
    QStringList languageCodes;
    for (const neurolift::InterfaceLanguage& l : neurolift::interfaceLanguages()) {
        languageCodes << l.code;
    }
    const QCommandLineOption language(
        QStringLiteral("language"),
        QApplication::translate("main", "Show the interface in <language> (%1) this time, whatever the settings say.")
            .arg(languageCodes.join(QStringLiteral(", "))),
        QApplication::translate("main", "language"));
    parser.addOption(language);
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "A NeuroLift project (.nlproj) to open."),
                                 QStringLiteral("[project]"));
    parser.process(app);

    // A screenshot neither reads nor writes the user's settings, so it looks the same everywhere.
    const QString screenshotPath = parser.value(screenshot);
    std::optional<QTemporaryDir> scratchSettings;
    if (!screenshotPath.isEmpty()) {
        scratchSettings.emplace();
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, scratchSettings->path());
    }
    if (parser.isSet(language)) {
        const QString code = parser.value(language);
        if (!languageCodes.contains(code)) {
            std::fprintf(stderr, "neurolift: %s\n",
                         qPrintable(QApplication::translate("main", "There is no interface language \u201c%1\u201d; "
                                                                   "choose one of %2.")
                                        .arg(code, languageCodes.join(QStringLiteral(", ")))));
            return 2;
        }
        neurolift::installTranslators(code);
    } else if (!screenshotPath.isEmpty()) {
        // Screenshots ignore the user's choice, like the rest of their settings.
        neurolift::installTranslators(neurolift::chooseLanguage(QString(), QLocale::system()));
    }

    neurolift::MainWindow window;
    // No one answers dialogs during a screenshot: errors go to the window's banner, and any
    // other question is closed unanswered (Cancel) rather than left waiting for ever.
    std::optional<neurolift::DialogRefuser> refuser;
    if (!screenshotPath.isEmpty()) {
        window.resize(kScreenshotSize);
        window.setUnattended(true);
        refuser.emplace();
        QObject::connect(&*refuser, &neurolift::DialogRefuser::refused, &window,
                         [&window](const QString& text) {
                             window.errorBanner()->showError(
                                 QApplication::translate("main", "A question was left unanswered"), text);
                             std::fprintf(stderr, "neurolift: %s\n", qPrintable(text));
                         });
    }
    // Errors go to stderr as well, in the core's words, as the command-line program gives them.
    bool errorShown = false;
    QObject::connect(&window, &neurolift::MainWindow::errorShown,
                     [&errorShown](const QString&, const QString& message) {
                         errorShown = true;
                         std::fprintf(stderr, "neurolift: %s\n", qPrintable(message));
                     });
    window.show();
    const QStringList files = parser.positionalArguments();
    bool opened = true;
    if (!files.isEmpty()) {
        opened = window.openProject(files.front());
    } else if (screenshotPath.isEmpty()) {
        // After the window is up, so the question appears over it.
        QTimer::singleShot(0, &window, [&window] { window.offerUnsavedWork(); });
    }

    if (!screenshotPath.isEmpty()) {
        // Grab once the event loop has run, after pending layouts are done.
        QTimer::singleShot(0, &window, [&window, &screenshotPath, &errorShown, opened] {
            // Texts set by the project just opened have asked for new layouts; lay out before grabbing.
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            const bool saved = window.grab().toImage().save(screenshotPath);
            if (!saved) {
                std::fprintf(stderr, "neurolift: cannot write %s\n", qPrintable(screenshotPath));
            }
            // A project that did not open, or a part of it that could not be read, fails
            // the run (2, as in the command-line program).
            QCoreApplication::exit(!saved ? 1 : opened && !errorShown ? 0 : 2);
        });
    }
    return QApplication::exec();
}

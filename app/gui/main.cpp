// neurolift: the desktop workbench.

#include "appicon.h"
#include "buildinfo.h"
#include "mainwindow.h"
#include "version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QImage>
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

    neurolift::MainWindow window;
    if (!screenshotPath.isEmpty()) {
        window.resize(kScreenshotSize);
    }
    window.show();
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty()) {
        window.openProject(files.front());
    } else if (screenshotPath.isEmpty()) {
        // After the window is up, so the question appears over it.
        QTimer::singleShot(0, &window, [&window] { window.offerUnsavedWork(); });
    }

    if (!screenshotPath.isEmpty()) {
        // Grab once the event loop has run, after pending layouts are done.
        QTimer::singleShot(0, &window, [&window, &screenshotPath] {
            const bool saved = window.grab().toImage().save(screenshotPath);
            if (!saved) {
                std::fprintf(stderr, "neurolift: cannot write %s\n", qPrintable(screenshotPath));
            }
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}

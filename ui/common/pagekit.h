#pragma once

// What the workbench's pages share: fonts and calm chart axes, captions and
// titles, background jobs with progress and cancel, and charts written to
// PNG, PDF or SVG.

#include <QColor>
#include <QFont>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QCustomPlot;
class QDateTime;
class QLabel;
class QWidget;

namespace neurolift {

/// The pages' sign colours, as in the drawn network: blue up, orange down.
inline const QColor kPositiveColour(37, 99, 235);
inline const QColor kNegativeColour(234, 88, 12);
inline const QColor kNeutralColour(100, 116, 139);

/// `font` scaled by `factor`, with `weight`.
QFont scaledFont(QFont font, qreal factor, QFont::Weight weight = QFont::Normal);
/// Calm axes with readable text, for every chart of a page.
void stylePlot(QCustomPlot* plot, const QFont& base);
/// A caption under a heading: plain words on what a chart shows.
QLabel* captionLabel(QWidget* parent, const QString& objectName);
/// A section title.
QLabel* titleLabel(const QString& text, QWidget* parent);
/// A count as the user's locale writes it ("12,330").
QString localCount(unsigned long long n);
/// A number with `decimals` decimals as the user's locale writes it.
QString localNumber(double v, int decimals = 3);
/// A share 0..1 as a percentage ("61 %" or "61.5 %" below 10 %).
QString localPercent(double share);
/// A moment in local time, short, in the interface's language with the user's regional
/// conventions ("12/3/26 5:10 PM" in English, "2026/12/3 17:10" in Chinese): the words and
/// order of a date follow the language the window speaks, not only the system's.
QString localDateTime(const QDateTime& when);
/// A run's or network's name as stored in a project, in the window's language when it is one
/// NeuroLift itself gave (the wizard's "Guided run" and "Automatic" network, stored in the
/// language the project was made in); any other name, the user's own, as it is.
QString storedName(const std::string& name);
/// localDateTime() of an ISO 8601 time stamp as the project stores it; the stamp itself when
/// it cannot be read.
QString localDateTime(const QString& iso);

/// Writes `plots` one above the other into `path` (.png, .pdf or .svg, by its suffix), each
/// `width` x `height` / plots. The file appears complete or not at all. False when it cannot
/// be written.
bool exportPlots(const QString& path, const std::vector<QCustomPlot*>& plots, const QString& title,
                 int width = 1200, int height = 900);
/// Asks where (offering PNG, PDF and SVG, `baseName` suggested) and exports; says so when it fails.
/// Returns the path written, or an empty string.
QString exportPlotsWithDialog(QWidget* parent, const std::vector<QCustomPlot*>& plots, const QString& title,
                              const QString& baseName, const QString& suffix = QStringLiteral("png"));

/// Progress 0..1 of background work; it returns false once the work is cancelled.
using JobProgress = std::function<bool(double)>;

/// Runs `work` on the thread pool with a progress callback that reports to the
/// returned watcher and stops when it is cancelled; `done` gets the watcher and the
/// result (or nothing, with the error's text, when it threw or was cancelled) on the GUI thread.
template <typename T>
QFutureWatcher<void>*
runJob(QObject* owner, std::function<T(const JobProgress&)> work,
       std::function<void(QFutureWatcher<void>*, std::optional<T>, const QString&)> done,
       std::function<void(double)> onProgress = {})
{
    struct Outcome {
        std::optional<T> value;
        QString error;
    };
    auto outcome = std::make_shared<Outcome>();
    auto* watcher = new QFutureWatcher<void>(owner);
    if (onProgress) {
        QObject::connect(watcher, &QFutureWatcher<void>::progressValueChanged, owner,
                         [onProgress](int value) { onProgress(value / 1000.0); });
    }
    QObject::connect(watcher, &QFutureWatcher<void>::finished, owner, [watcher, outcome, done] {
        const bool cancelled = watcher->isCanceled();
        watcher->deleteLater();
        if (cancelled) {
            done(watcher, std::nullopt, QString());
        } else {
            done(watcher, std::move(outcome->value), outcome->error);
        }
    });
    watcher->setFuture(QtConcurrent::run([work = std::move(work), outcome](QPromise<void>& promise) {
        promise.setProgressRange(0, 1000);
        const JobProgress progress = [&promise](double fraction) {
            promise.setProgressValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000.0));
            return !promise.isCanceled();
        };
        try {
            outcome->value = work(progress);
        } catch (const std::exception& e) {
            outcome->error = QString::fromUtf8(e.what());
        }
    }));
    return watcher;
}

} // namespace neurolift

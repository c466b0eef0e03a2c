#pragma once

#include "data/csvreader.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace neurolift {

/// Imports a whole CSV file on a worker thread: progress (0..1) through
/// queued signals, cancel at any time, and the core's result or its error
/// message (which names the file, line and column) back on the GUI thread.
class CsvImportJob : public QObject {
    Q_OBJECT

public:
    explicit CsvImportJob(QObject* parent = nullptr);
    /// Cancels a running import and waits for its thread to stop.
    ~CsvImportJob() override;

    /// Starts reading `path` with `options`; an import already running is cancelled first.
    void start(const QString& path, const CsvOptions& options);
    /// Asks the running import to stop; cancelled() follows.
    void cancel();
    /// Whether an import is running.
    bool isRunning() const { return m_running; }
    /// Blocks until the running import has ended (for command-line use and tests; not on a GUI).
    void waitForFinished();

signals:
    /// Share of the file read so far, 0..1, at most once per percent.
    void progressChanged(double fraction);
    /// The file was read; `result` holds the table, the detected format and the warnings.
    void succeeded(std::shared_ptr<neurolift::CsvResult> result);
    /// The file cannot be imported; `message` is the core's message as written.
    void failed(const QString& message);
    /// The import stopped because cancel() was called.
    void cancelled();

private:
    struct Outcome {
        std::shared_ptr<CsvResult> result;
        QString error;
        bool cancelled = false;
    };

    QFuture<Outcome> m_future;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false;
    std::uint64_t m_generation = 0;
};

} // namespace neurolift

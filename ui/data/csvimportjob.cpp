#include "data/csvimportjob.h"

#include <QFutureWatcher>
#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace neurolift {

CsvImportJob::CsvImportJob(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<neurolift::CsvResult>>();
}

CsvImportJob::~CsvImportJob()
{
    cancel();
    m_future.waitForFinished();
}

void CsvImportJob::start(const QString& path, const CsvOptions& options)
{
    cancel();
    m_future.waitForFinished(); // the cancelled read stops at its next progress report
    auto cancelFlag = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancelFlag;
    m_running = true;
    const std::uint64_t generation = ++m_generation;

    // Progress crosses to the GUI thread as queued calls; `this` outlives the
    // worker because the destructor waits for it.
    auto report = [this, cancelFlag, last = -1](double fraction) mutable {
        const int percent = static_cast<int>(std::floor(fraction * 100.0));
        if (percent != last) {
            last = percent;
            QMetaObject::invokeMethod(
                this, [this, fraction] { emit progressChanged(fraction); }, Qt::QueuedConnection);
        }
        return !cancelFlag->load();
    };
    m_future = QtConcurrent::run([file = path.toStdString(), options, report]() mutable {
        Outcome out;
        try {
            out.result = std::make_shared<CsvResult>(readCsv(file, options, report));
        } catch (const CsvCancelled&) {
            out.cancelled = true;
        } catch (const std::exception& e) {
            out.error = QString::fromUtf8(e.what());
        }
        return out;
    });
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation) {
            return; // superseded by a later start()
        }
        m_running = false;
        const Outcome out = watcher->result();
        if (out.cancelled) {
            emit cancelled();
        } else if (out.result) {
            emit succeeded(out.result);
        } else {
            emit failed(out.error);
        }
    });
    watcher->setFuture(m_future);
}

void CsvImportJob::cancel()
{
    if (m_cancel) {
        m_cancel->store(true);
    }
}

void CsvImportJob::waitForFinished()
{
    m_future.waitForFinished();
}

} // namespace neurolift

#pragma once

// Waiting for what is already on its way instead of for a while: events posted to the GUI thread,
// and calls queued to a worker thread. Neither depends on how fast the machine is.

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace neurolift::test {

/// Delivers the events posted to this thread so far and those they post in turn (queued replots,
/// layout requests, signals from workers that have arrived), without waiting on the clock.
inline void deliverPostedEvents()
{
    for (int round = 0; round < 3; ++round) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

/// Whether no single-shot timer under `root` is still to fire (a batched redraw, a deferred update):
/// QTRY_VERIFY on it waits for those events, not for a while.
inline bool noPendingSingleShots(const QObject* root)
{
    const QList<QTimer*> timers = root->findChildren<QTimer*>();
    return std::none_of(timers.begin(), timers.end(),
                        [](const QTimer* t) { return t->isSingleShot() && t->isActive(); });
}

/// Returns once `thread` has run every call queued to it before this one (its queue is first in,
/// first out), then delivers what it sent back meanwhile: after it, a worker told to stop has stopped.
inline void roundTrip(QThread* thread)
{
    QObject probe;
    probe.moveToThread(thread);
    // Run on `thread`, behind what was queued there; the probe comes back so it can die here.
    QMetaObject::invokeMethod(
        &probe, [&probe] { probe.moveToThread(QCoreApplication::instance()->thread()); },
        Qt::BlockingQueuedConnection);
    deliverPostedEvents();
}

} // namespace neurolift::test

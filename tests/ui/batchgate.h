#pragma once

// A hold on training for tests, through the trainer's batch hook: every Trainer built while a
// BatchGate exists reports each batch to it on the training thread, and the gate can hold training
// right after a chosen batch until the test lets it go. A test then knows that training is busy, or
// where a pause lands, from events instead of from timing, on any machine and under any load.

#include "training/trainer.h"

#include <QSemaphore>
#include <QTest>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

namespace neurolift::test {

class BatchGate {
public:
    /// Which batch to hold training after (none when empty). Called on the training thread, also while
    /// the gate goes away: capture by value.
    using HoldAt = std::function<bool(const BatchReport&)>;

    /// Hooks into every trainer built from now on, holding after each batch `holdAt` picks.
    explicit BatchGate(HoldAt holdAt = {})
        : m_state(std::make_shared<State>())
    {
        m_state->holdAt = std::move(holdAt);
        m_state->testThread = std::this_thread::get_id();
        // The trainers keep a copy of the hook, so the state it uses lives as long as they do.
        setBatchHookForTesting([state = m_state](const BatchReport& r) { state->batchDone(r); });
    }
    /// Lets held training go, holds no more, and unhooks (trainers built before keep reporting, harmlessly).
    ~BatchGate()
    {
        setBatchHookForTesting({});
        m_state->open = true;
        // Enough for a batch that passed the `open` check just before, too.
        m_state->holding = false;
        m_state->go.release(1 << 20);
    }
    BatchGate(const BatchGate&) = delete;
    BatchGate& operator=(const BatchGate&) = delete;

    /// Processes this thread's events until training is held; false when it is not within `ms`
    /// (a deadline for failing only).
    bool waitUntilHeld(int ms = 60000) const
    {
        return QTest::qWaitFor([this] { return m_state->holding.load(); }, ms);
    }
    /// Whether training is held now.
    bool isHeld() const { return m_state->holding.load(); }
    /// The batch training is held after (or was last held after).
    BatchReport heldAt() const
    {
        const std::lock_guard lock(m_state->mutex);
        return m_state->held;
    }
    /// Lets held training go on (nothing when none is held).
    void release()
    {
        if (m_state->holding.exchange(false)) {
            m_state->go.release();
        }
    }

    /// Batches trained since the gate was made.
    long long batches() const { return m_state->batches.load(); }
    /// The last batch trained.
    BatchReport lastBatch() const
    {
        const std::lock_guard lock(m_state->mutex);
        return m_state->last;
    }
    /// Whether any batch was trained on the thread that made the gate (the GUI thread, in GUI tests).
    bool trainedOnTestThread() const { return m_state->onTestThread.load() > 0; }

    /// While `idle` is true no training is expected (a run is paused or finished): batches trained
    /// meanwhile are counted by batchesWhileIdle().
    void expectIdle(bool idle) { m_state->idle = idle; }
    long long batchesWhileIdle() const { return m_state->whileIdle.load(); }

    /// A clock that moves `perBatch` with every batch trained, and not otherwise: a stand-in for
    /// the steady clock in the batch-report throttle, so a test counts reports against a known time.
    std::function<std::chrono::steady_clock::time_point()> batchClock(std::chrono::milliseconds perBatch)
    {
        m_state->msPerBatch = perBatch.count();
        return [state = m_state] {
            return std::chrono::steady_clock::time_point(std::chrono::milliseconds(state->clockMs.load()));
        };
    }
    /// How far batchClock() has moved.
    std::chrono::milliseconds clockElapsed() const
    {
        return std::chrono::milliseconds(m_state->clockMs.load());
    }

private:
    struct State {
        HoldAt holdAt;
        std::thread::id testThread;
        std::atomic<bool> open{false};
        std::atomic<bool> holding{false};
        QSemaphore go;
        std::atomic<long long> batches{0};
        std::atomic<long long> onTestThread{0};
        std::atomic<bool> idle{false};
        std::atomic<long long> whileIdle{0};
        std::atomic<long long> msPerBatch{0};
        std::atomic<long long> clockMs{0};
        mutable std::mutex mutex;
        BatchReport last;
        BatchReport held;

        void batchDone(const BatchReport& r)
        {
            clockMs += msPerBatch.load();
            ++batches;
            onTestThread += std::this_thread::get_id() == testThread ? 1 : 0;
            whileIdle += idle ? 1 : 0;
            {
                const std::lock_guard lock(mutex);
                last = r;
            }
            if (!open && holdAt && holdAt(r)) {
                {
                    const std::lock_guard lock(mutex);
                    held = r;
                }
                holding = true;
                go.acquire();
            }
        }
    };
    std::shared_ptr<State> m_state;
};

} // namespace neurolift::test

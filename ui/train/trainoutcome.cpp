// How a run ended, in words: kept apart from trainpage.cpp, which holds the page itself.

#include "train/trainpage.h"

#include <QLocale>

namespace neurolift {

QString TrainPage::outcomeText(const RunRecord& run)
{
    // Written here rather than taken from the engine, whose words are English only.
    const int epochs = static_cast<int>(run.history.size());
    // Only worth saying when an earlier epoch than the last was kept.
    const bool keptBest = run.bestEpoch > 0 && run.bestEpoch < epochs;
    const QString kept =
        keptBest
            ? QLatin1Char(' ') + tr("The weights of epoch %1, the best one, were kept.").arg(run.bestEpoch)
            : QString();
    if (run.status == "completed") {
        return tr("Trained for %1 epochs.").arg(epochs) + kept;
    }
    if (run.status == "cancelled") {
        return tr("Training was stopped after epoch %1.").arg(epochs) + kept;
    }
    if (run.status == "early_stopped" && run.bestEpoch > 0 && run.bestEpoch <= epochs) {
        const RunEpoch& best = run.history[static_cast<std::size_t>(run.bestEpoch - 1)];
        const bool validation = best.validationLoss.has_value();
        const double loss = validation ? *best.validationLoss : best.trainLoss;
        return (validation
                    ? tr("Stopped early after epoch %1: the validation loss had not improved for %2 epochs "
                         "(best %3).")
                    : tr("Stopped early after epoch %1: the training loss had not improved for %2 epochs "
                         "(best %3)."))
                   .arg(epochs)
                   .arg(epochs - run.bestEpoch)
                   .arg(QLocale().toString(loss, 'g', 4)) +
               kept;
    }
    return QString::fromStdString(run.message); // divergence and failures: the engine's own advice
}

} // namespace neurolift

#pragma once

// Choosing whom to contact: a threshold on the score, by F1, by head count or
// share, or by money (cost per contact, value per conversion, budget).

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace neurolift {

/// A threshold and what it selects: customers with score >= threshold.
/// Ties are never split (as in ScoreRanking): everybody tied with the last
/// customer selected is selected too, so `selected` may exceed what was asked.
struct ThresholdChoice {
    double threshold = 0;
    std::size_t selected = 0;
    double precision = 0; ///< With labels; else 0.
    double recall = 0;
    double f1 = 0;
};

/// The threshold (one of the scores) with the highest F1 on labelled rows; the highest
/// such threshold when several tie. Throws std::invalid_argument on empty or mismatched spans.
ThresholdChoice bestF1Threshold(std::span<const float> scores, std::span<const float> labels);
/// The threshold selecting the `n` highest-scored customers (the n-th score). `labels` may be
/// empty. n = 0 selects nobody (threshold above every score); n >= count selects everybody.
ThresholdChoice topNThreshold(std::span<const float> scores, std::size_t n,
                              std::span<const float> labels = {});
/// The threshold selecting the top `share` (0..1) of customers: topNThreshold(ceil(share x count)).
ThresholdChoice topShareThreshold(std::span<const float> scores, double share,
                                  std::span<const float> labels = {});

/// Money per contact and per conversion; an optional budget caps the contacts' cost.
struct ProfitOptions {
    double costPerContact = 1.0;
    double valuePerConversion = 10.0;
    std::optional<double> budget;
    /// Count conversions as observed in `labels` (test rows) instead of expected from the scores.
    bool observed = false;
};

/// One point of the profit curve: contacting everybody with score >= threshold.
struct ProfitPoint {
    double threshold = 0;
    std::size_t contacted = 0;
    double conversions = 0; ///< Expected (sum of scores) or observed.
    double cost = 0;
    double revenue = 0;
    double profit = 0;
};

struct ProfitCurve {
    std::vector<ProfitPoint>
        points;       ///< One per distinct score, highest first, after a "contact nobody" point.
    ProfitPoint best; ///< Highest profit within the budget (contact nobody if none profits).
};

/// The expected profit of each threshold. Scores are read as calibrated probabilities.
/// Throws std::invalid_argument on no scores, labels of another length when `observed`, or negative money.
ProfitCurve profitCurve(std::span<const float> scores, const ProfitOptions& options,
                        std::span<const float> labels = {});

} // namespace neurolift

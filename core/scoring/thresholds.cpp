#include "scoring/thresholds.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace neurolift {

namespace {

std::vector<std::size_t> descendingOrder(std::span<const float> scores)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    return order;
}

void fillRates(ThresholdChoice& c, double tp, double positives)
{
    c.precision = c.selected > 0 ? tp / static_cast<double>(c.selected) : 0.0;
    c.recall = positives > 0 ? tp / positives : 0.0;
    c.f1 = c.precision + c.recall > 0 ? 2 * c.precision * c.recall / (c.precision + c.recall) : 0.0;
}

} // namespace

ThresholdChoice bestF1Threshold(std::span<const float> scores, std::span<const float> labels)
{
    if (scores.empty() || scores.size() != labels.size()) {
        throw std::invalid_argument("best F1 threshold: give one label per score");
    }
    const auto order = descendingOrder(scores);
    double positives = 0;
    for (float y : labels) {
        positives += y >= 0.5f ? 1.0 : 0.0;
    }
    ThresholdChoice best;
    best.threshold = scores[order.front()];
    double tp = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        tp += labels[order[k]] >= 0.5f ? 1.0 : 0.0;
        if (k + 1 < order.size() && scores[order[k + 1]] == scores[order[k]]) {
            continue; // a threshold takes a whole run of ties
        }
        ThresholdChoice c;
        c.threshold = scores[order[k]];
        c.selected = k + 1;
        fillRates(c, tp, positives);
        if (c.f1 > best.f1) {
            best = c;
        }
    }
    if (best.selected == 0) { // no positive anywhere: F1 is 0 at every threshold
        best.selected = static_cast<std::size_t>(
            std::count_if(scores.begin(), scores.end(), [&](float s) { return s >= best.threshold; }));
    }
    return best;
}

ThresholdChoice topNThreshold(std::span<const float> scores, std::size_t n, std::span<const float> labels)
{
    if (scores.empty() || (!labels.empty() && labels.size() != scores.size())) {
        throw std::invalid_argument("top-N threshold: no scores, or not one label per score");
    }
    std::vector<float> sorted(scores.begin(), scores.end());
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    ThresholdChoice c;
    if (n == 0) {
        // The next float above the top score: still above it once rounded to float, as
        // confusionAt and the segments round thresholds.
        c.threshold = std::nextafter(sorted.front(), std::numeric_limits<float>::infinity());
    } else {
        c.threshold = sorted[std::min(n, sorted.size()) - 1];
    }
    double tp = 0;
    double positives = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const bool in = scores[i] >= c.threshold;
        c.selected += in ? 1 : 0;
        if (!labels.empty() && labels[i] >= 0.5f) {
            positives += 1;
            tp += in ? 1 : 0;
        }
    }
    fillRates(c, tp, positives);
    return c;
}

ThresholdChoice topShareThreshold(std::span<const float> scores, double share, std::span<const float> labels)
{
    if (!(share >= 0.0 && share <= 1.0)) {
        throw std::invalid_argument("top share: give a share between 0 and 1 (e.g. 0.1 for 10 %)");
    }
    const auto n = static_cast<std::size_t>(std::ceil(share * static_cast<double>(scores.size()) - 1e-9));
    return topNThreshold(scores, n, labels);
}

ProfitCurve profitCurve(std::span<const float> scores, const ProfitOptions& o, std::span<const float> labels)
{
    if (scores.empty()) {
        throw std::invalid_argument("profit curve: no scores");
    }
    if (o.observed && labels.size() != scores.size()) {
        throw std::invalid_argument("profit curve: observed conversions need one label per score");
    }
    if (o.costPerContact < 0 || o.valuePerConversion < 0 || (o.budget && *o.budget < 0)) {
        throw std::invalid_argument("profit curve: costs, values and budgets cannot be negative");
    }
    const auto order = descendingOrder(scores);
    ProfitCurve curve;
    ProfitPoint none;
    none.threshold =
        std::nextafter(static_cast<double>(scores[order.front()]), std::numeric_limits<double>::infinity());
    curve.points.push_back(none);
    curve.best = none;
    double conversions = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t i = order[k];
        conversions += o.observed ? (labels[i] >= 0.5f ? 1.0 : 0.0) : static_cast<double>(scores[i]);
        if (k + 1 < order.size() && scores[order[k + 1]] == scores[i]) {
            continue;
        }
        ProfitPoint pt;
        pt.threshold = scores[i];
        pt.contacted = k + 1;
        pt.conversions = conversions;
        pt.cost = o.costPerContact * static_cast<double>(pt.contacted);
        pt.revenue = o.valuePerConversion * conversions;
        pt.profit = pt.revenue - pt.cost;
        curve.points.push_back(pt);
        if ((!o.budget || pt.cost <= *o.budget) && pt.profit > curve.best.profit) {
            curve.best = pt;
        }
    }
    return curve;
}

} // namespace neurolift

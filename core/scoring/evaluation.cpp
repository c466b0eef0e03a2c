#include "scoring/evaluation.h"

#include "scoring/ranking.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace neurolift {

namespace {

void check(std::span<const float> scores, std::span<const float> labels)
{
    if (scores.empty() || scores.size() != labels.size()) {
        throw std::invalid_argument("cannot evaluate: " + std::to_string(scores.size()) + " scores for " +
                                    std::to_string(labels.size()) + " labels");
    }
    for (float s : scores) {
        if (std::isnan(s)) {
            throw std::invalid_argument("cannot evaluate: a score is not a number");
        }
    }
}

double ratio(double a, double b)
{
    return b > 0 ? a / b : 0.0;
}

/// The end of each run of tied scores, highest scores first: customers and positives so far.
struct TieStep {
    float score = 0;
    long long customers = 0;
    long long positives = 0;
};

std::vector<TieStep> tieSteps(std::span<const float> scores, std::span<const float> labels)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    std::vector<TieStep> steps;
    long long n = 0;
    long long p = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        ++n;
        p += labels[order[k]] >= 0.5f ? 1 : 0;
        if (k + 1 == order.size() || scores[order[k + 1]] != scores[order[k]]) {
            steps.push_back({scores[order[k]], n, p});
        }
    }
    return steps;
}

} // namespace

ConfusionMatrix confusionAt(std::span<const float> scores, std::span<const float> labels, double threshold)
{
    check(scores, labels);
    ConfusionMatrix m;
    m.threshold = threshold;
    // Compared in the scores' own precision, so a score of 0.7f counts at a threshold of 0.7.
    const auto t = static_cast<float>(threshold);
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const bool predicted = scores[i] >= t;
        const bool actual = labels[i] >= 0.5f;
        if (predicted) {
            (actual ? m.truePositives : m.falsePositives) += 1;
        } else {
            (actual ? m.falseNegatives : m.trueNegatives) += 1;
        }
    }
    const auto tp = static_cast<double>(m.truePositives);
    m.precision = ratio(tp, tp + static_cast<double>(m.falsePositives));
    m.recall = ratio(tp, tp + static_cast<double>(m.falseNegatives));
    m.f1 = ratio(2 * m.precision * m.recall, m.precision + m.recall);
    m.accuracy = (tp + static_cast<double>(m.trueNegatives)) / static_cast<double>(scores.size());
    return m;
}

std::vector<QuantileRow> quantileTable(std::span<const float> scores, std::span<const float> labels,
                                       int groups)
{
    check(scores, labels);
    if (groups < 1) {
        throw std::invalid_argument("the number of groups must be at least 1");
    }
    const ScoreRanking ranking(scores);
    std::vector<QuantileRow> rows(static_cast<std::size_t>(groups));
    long long positives = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        QuantileRow& r = rows[static_cast<std::size_t>(ranking.group(scores[i], groups) - 1)];
        const bool yes = labels[i] >= 0.5f;
        positives += yes ? 1 : 0;
        r.minScore = r.customers == 0 ? scores[i] : std::min<double>(r.minScore, scores[i]);
        r.maxScore = r.customers == 0 ? scores[i] : std::max<double>(r.maxScore, scores[i]);
        ++r.customers;
        r.positives += yes ? 1 : 0;
    }
    const double base = static_cast<double>(positives) / static_cast<double>(scores.size());
    long long cumN = 0;
    long long cumP = 0;
    for (int g = 0; g < groups; ++g) {
        QuantileRow& r = rows[static_cast<std::size_t>(g)];
        r.group = g + 1;
        cumN += r.customers;
        cumP += r.positives;
        r.responseRate = ratio(static_cast<double>(r.positives), static_cast<double>(r.customers));
        r.lift = ratio(r.responseRate, base);
        r.cumulativeCustomers = cumN;
        r.cumulativePositives = cumP;
        r.cumulativeGain = ratio(static_cast<double>(cumP), static_cast<double>(positives));
        r.cumulativeLift = ratio(ratio(static_cast<double>(cumP), static_cast<double>(cumN)), base);
    }
    return rows;
}

BinaryEvaluation evaluateBinary(std::span<const float> scores, std::span<const float> labels,
                                const EvaluationOptions& options)
{
    check(scores, labels);
    if (options.groups < 1 || options.calibrationBins < 1 || options.gainsPoints < 1) {
        throw std::invalid_argument("evaluation options: groups, bins and points must be at least 1");
    }
    BinaryEvaluation e;
    e.rows = static_cast<long long>(scores.size());
    for (float y : labels) {
        e.positives += y >= 0.5f ? 1 : 0;
    }
    const auto n = static_cast<double>(e.rows);
    const auto p = static_cast<double>(e.positives);
    const double negatives = n - p;
    e.baseRate = p / n;
    e.auc = rocAuc(scores, labels);
    e.averagePrecision = averagePrecision(scores, labels);
    e.confusion = confusionAt(scores, labels, options.threshold);
    e.deciles = quantileTable(scores, labels, options.groups);

    const std::vector<TieStep> steps = tieSteps(scores, labels);
    e.roc.push_back({std::numeric_limits<double>::infinity(), 0.0, 0.0});
    for (const TieStep& s : steps) {
        const auto tp = static_cast<double>(s.positives);
        const auto fp = static_cast<double>(s.customers - s.positives);
        e.roc.push_back({s.score, ratio(fp, negatives), ratio(tp, p)});
        e.pr.push_back({s.score, ratio(tp, p), tp / static_cast<double>(s.customers)});
    }

    // Gains: linear between the ends of tie runs, sampled at equal shares.
    const double topLift = ratio(
        ratio(static_cast<double>(steps.front().positives), static_cast<double>(steps.front().customers)),
        e.baseRate);
    std::size_t k = 0;
    for (int i = 0; i <= options.gainsPoints; ++i) {
        GainsPoint g;
        g.contacted = static_cast<double>(i) / options.gainsPoints;
        const double at = g.contacted * n; // customers contacted
        while (k < steps.size() && static_cast<double>(steps[k].customers) < at) {
            ++k;
        }
        double reached = 0;
        if (k < steps.size()) {
            const double n0 = k == 0 ? 0.0 : static_cast<double>(steps[k - 1].customers);
            const double p0 = k == 0 ? 0.0 : static_cast<double>(steps[k - 1].positives);
            const double n1 = static_cast<double>(steps[k].customers);
            const double p1 = static_cast<double>(steps[k].positives);
            reached = p0 + (p1 - p0) * ratio(at - n0, n1 - n0);
        } else {
            reached = p;
        }
        g.model = ratio(reached, p);
        g.random = g.contacted;
        g.perfect = p > 0 ? std::min(1.0, at / p) : 0.0;
        g.lift = i == 0 ? topLift : ratio(g.model, g.contacted);
        e.gains.push_back(g);
    }

    const int bins = options.calibrationBins;
    e.calibration.resize(static_cast<std::size_t>(bins));
    std::vector<double> sums(static_cast<std::size_t>(bins), 0.0);
    std::vector<double> hits(static_cast<std::size_t>(bins), 0.0);
    for (std::size_t i = 0; i < scores.size(); ++i) {
        // Bin edges rounded to float like the scores, so 0.9f falls in [0.9, 1].
        const float s = std::clamp(scores[i], 0.0f, 1.0f);
        int bin = std::min(bins - 1, static_cast<int>(static_cast<double>(s) * bins));
        const auto edge = [&](int at) { return static_cast<float>(static_cast<double>(at) / bins); };
        while (bin + 1 < bins && s >= edge(bin + 1)) {
            ++bin;
        }
        while (bin > 0 && s < edge(bin)) {
            --bin;
        }
        const auto b = static_cast<std::size_t>(bin);
        ++e.calibration[b].count;
        sums[b] += scores[i];
        hits[b] += labels[i] >= 0.5f ? 1.0 : 0.0;
    }
    for (int b = 0; b < bins; ++b) {
        CalibrationBin& c = e.calibration[static_cast<std::size_t>(b)];
        c.lower = static_cast<double>(b) / bins;
        c.upper = static_cast<double>(b + 1) / bins;
        c.meanScore = ratio(sums[static_cast<std::size_t>(b)], static_cast<double>(c.count));
        c.observedRate = ratio(hits[static_cast<std::size_t>(b)], static_cast<double>(c.count));
    }
    return e;
}

RegressionEvaluation evaluateRegression(std::span<const float> predictions, std::span<const float> targets)
{
    RegressionEvaluation e;
    e.metrics = regressionMetrics(predictions, targets);
    e.predictions.assign(predictions.begin(), predictions.end());
    e.residuals.resize(predictions.size());
    double sum = 0;
    for (std::size_t i = 0; i < predictions.size(); ++i) {
        e.residuals[i] = targets[i] - predictions[i];
        sum += e.residuals[i];
    }
    e.meanResidual = sum / static_cast<double>(predictions.size());
    return e;
}

} // namespace neurolift

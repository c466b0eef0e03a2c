#include "explain/importance.h"

#include "training/metrics.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace neurolift {

namespace {

/// SplitMix64: independent streams from (seed, repeat, column), so each
/// shuffle is the same whichever thread draws it.
std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b)
{
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (a + 1) + 0xBF58476D1CE4E5B9ULL * (b + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/// Rows scored per pass: the activations stay in the cache.
constexpr Index kChunk = 4096;

/// The quality of the rows `x` (contiguous, inputs x rows): ROC AUC of the logits
/// (the link keeps their order, and no probability saturates to a tie), or the mean loss.
/// Leaner than evaluate(), which also computes metrics this does not need.
double quality(const Network& net, const float* x, Index inputs, const float* y, Index targets, Index rows,
               bool auc, const LossSpec& loss, Network::Workspace& ws, Matrix& logits, std::vector<float>& scores)
{
    double lossSum = 0.0;
    scores.resize(static_cast<std::size_t>(rows));
    for (Index begin = 0; begin < rows; begin += kChunk) {
        const Index n = std::min(kChunk, rows - begin);
        net.predictLogits(ConstMatrixMap(x + begin * inputs, inputs, n), logits, ws);
        if (auc) {
            std::copy(logits.data(), logits.data() + n, scores.begin() + begin);
        } else {
            lossSum += computeLoss(loss, logits, ConstMatrixMap(y + begin * targets, targets, n)) *
                       static_cast<double>(n);
        }
    }
    if (auc) {
        return rocAuc(scores, std::span<const float>(y, static_cast<std::size_t>(rows)));
    }
    return lossSum / static_cast<double>(rows);
}

} // namespace

ImportanceResult permutationImportance(const Network& network, const TaskSpec& task, const LossSpec& loss,
                                       const ConstMatrixRef& x, const ConstMatrixRef& y,
                                       const FeatureGroups& groups, const ImportanceOptions& options,
                                       const ExplainProgress& progress)
{
    if (x.rows() != network.inputSize()) {
        throw std::invalid_argument("importance: the rows have " + std::to_string(x.rows()) +
                                    " inputs, the network expects " + std::to_string(network.inputSize()));
    }
    if (x.cols() < 2 || y.cols() != x.cols()) {
        throw std::invalid_argument("importance needs at least 2 rows with a target each");
    }
    if (options.repeats < 1) {
        throw std::invalid_argument("importance needs at least one repeat");
    }
    ImportanceResult result;
    // The data view needs contiguous columns; a block of rows is copied first.
    // A large held-out set is measured on a seeded sample of its rows, which
    // keeps importance interactive; the spread over the repeats still says how
    // firm the ranking is.
    Matrix xCopy;
    Matrix yCopy;
    const bool sample = options.maxRows > 0 && x.cols() > options.maxRows;
    if (sample) {
        Rng rng(mixSeed(options.seed, 0x5A4D504C45ull, 0)); // "SAMPLE": apart from the shuffles' streams
        std::vector<std::int64_t> rows = rng.permutation(x.cols());
        rows.resize(static_cast<std::size_t>(options.maxRows));
        std::sort(rows.begin(), rows.end());
        xCopy.resize(x.rows(), options.maxRows);
        yCopy.resize(y.rows(), options.maxRows);
        for (Index j = 0; j < options.maxRows; ++j) {
            xCopy.col(j) = x.col(rows[static_cast<std::size_t>(j)]);
            yCopy.col(j) = y.col(rows[static_cast<std::size_t>(j)]);
        }
        result.warnings.push_back("measured on a sample of " + std::to_string(options.maxRows) + " of the " +
                                  std::to_string(x.cols()) + " rows");
    } else {
        if (x.outerStride() != x.rows()) {
            xCopy = x;
        }
        if (y.outerStride() != y.rows()) {
            yCopy = y;
        }
    }
    const Index n = sample ? options.maxRows : x.cols();
    result.rows = n;
    const float* xData = xCopy.size() ? xCopy.data() : x.data();
    const float* yData = yCopy.size() ? yCopy.data() : y.data();
    const ConstMatrixMap xs(xData, x.rows(), n);
    const ConstMatrixMap ys(yData, y.rows(), n);
    LossSpec plain = loss; // unweighted, so that runs compare
    plain.classWeights.clear();
    bool useAuc = task.kind == TaskKind::BinaryClassification && y.rows() == 1;
    if (useAuc) {
        const float positives = ys.sum();
        if (positives < 0.5f || positives > static_cast<float>(n) - 0.5f) {
            useAuc = false;
            result.warnings.push_back("the rows hold one class only, so AUC is undefined; importance is the "
                                      "increase in loss instead");
        }
    }
    result.measure = useAuc ? "AUC" : "loss";
    {
        Network::Workspace ws;
        Matrix logits;
        std::vector<float> scores;
        result.baseline =
            quality(network, xData, x.rows(), yData, y.rows(), n, useAuc, plain, ws, logits, scores);
    }

    const auto groupCount = static_cast<long long>(groups.size());
    const long long tasks = groupCount * options.repeats;
    std::vector<double> drops(static_cast<std::size_t>(tasks), 0.0);
    const int threads = static_cast<int>(
        std::min<long long>(options.threads > 0 ? options.threads : omp_get_num_procs(), std::max(tasks, 1LL)));
    std::atomic<bool> cancel{false};
    std::atomic<long long> done{0};

#pragma omp parallel num_threads(threads) if (threads > 1)
    {
        Matrix work = xs; // each thread shuffles its own copy
        std::vector<std::int64_t> perm;
        Network::Workspace ws;
        Matrix logits;
        std::vector<float> scores;
#pragma omp for schedule(dynamic)
        for (long long t = 0; t < tasks; ++t) {
            if (cancel.load(std::memory_order_relaxed)) {
                continue;
            }
            const auto g = static_cast<std::size_t>(t / options.repeats);
            const auto r = static_cast<std::uint64_t>(t % options.repeats);
            Rng rng(mixSeed(options.seed, r, g));
            perm = rng.permutation(n);
            const auto& features = groups.features[g];
            for (const Index f : features) {
                for (Index j = 0; j < n; ++j) {
                    work(f, j) = xs(f, perm[static_cast<std::size_t>(j)]);
                }
            }
            const double q =
                quality(network, work.data(), work.rows(), yData, y.rows(), n, useAuc, plain, ws, logits, scores);
            drops[static_cast<std::size_t>(t)] = useAuc ? result.baseline - q : q - result.baseline;
            for (const Index f : features) {
                work.row(f) = xs.row(f);
            }
            const long long finished = done.fetch_add(1) + 1;
            if (omp_get_thread_num() == 0 && progress &&
                !progress(static_cast<double>(finished) / static_cast<double>(tasks))) {
                cancel = true;
            }
        }
    }
    // The calling thread may have had no shuffle to report from: ask once more.
    if (cancel || (progress && !progress(1.0))) {
        result.cancelled = true;
        return result;
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
        ColumnImportance c;
        c.column = groups.columns[g];
        c.features = groups.features[g];
        c.drops.assign(drops.begin() + static_cast<std::ptrdiff_t>(g * options.repeats),
                       drops.begin() + static_cast<std::ptrdiff_t>((g + 1) * options.repeats));
        c.mean = std::accumulate(c.drops.begin(), c.drops.end(), 0.0) / static_cast<double>(c.drops.size());
        double ss = 0.0;
        for (const double d : c.drops) {
            ss += (d - c.mean) * (d - c.mean);
        }
        c.spread = c.drops.size() > 1 ? std::sqrt(ss / static_cast<double>(c.drops.size() - 1)) : 0.0;
        result.columns.push_back(std::move(c));
    }
    std::stable_sort(result.columns.begin(), result.columns.end(),
                     [](const ColumnImportance& a, const ColumnImportance& b) { return a.mean > b.mean; });
    return result;
}

} // namespace neurolift

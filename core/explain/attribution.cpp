#include "explain/attribution.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <stdexcept>

namespace neurolift {

namespace {

/// Gradients evaluated per pass: large enough for efficient products, small enough for the cache.
constexpr Index kPathColumns = 4096;

/// Integrated gradients of the rows `x` (a block) with `steps` trapezoid intervals;
/// writes their attributions and explained outputs.
void integratedGradients(const Network& net, const ConstMatrixRef& x, const Vector& baseline, int steps,
                         Index output, Network::Workspace& ws, Eigen::Ref<Matrix> attributions,
                         Eigen::Ref<Vector> scores)
{
    const Index points = steps + 1;
    const Index rowsPerPass = std::max<Index>(1, kPathColumns / points);
    Matrix path;
    Matrix gradient;
    Matrix values;
    for (Index begin = 0; begin < x.cols(); begin += rowsPerPass) {
        const Index n = std::min(rowsPerPass, x.cols() - begin);
        path.resize(x.rows(), n * points);
        for (Index j = 0; j < n; ++j) {
            const Vector delta = x.col(begin + j) - baseline;
            for (Index k = 0; k < points; ++k) {
                const float alpha = static_cast<float>(k) / static_cast<float>(steps);
                path.col(j * points + k) = baseline + alpha * delta;
            }
        }
        net.inputGradient(path, output, true, gradient, ws, &values);
        for (Index j = 0; j < n; ++j) {
            // Trapezoid rule: half weight at both ends of the path.
            const auto g = gradient.middleCols(j * points, points);
            Vector mean = g.rowwise().sum() - 0.5f * (g.col(0) + g.col(steps));
            mean /= static_cast<float>(steps);
            attributions.col(begin + j) = (x.col(begin + j) - baseline).cwiseProduct(mean);
            scores(begin + j) = values(0, j * points + steps);
        }
    }
}

} // namespace

Vector meanBaseline(const ConstMatrixRef& xTrain)
{
    if (xTrain.cols() == 0) {
        throw std::invalid_argument("the baseline needs at least one training row");
    }
    return (xTrain.cast<double>().rowwise().sum() / static_cast<double>(xTrain.cols())).cast<float>();
}

AttributionResult attribute(const Network& network, const ConstMatrixRef& x, const Vector& baseline,
                            const AttributionOptions& options, const ExplainProgress& progress)
{
    if (x.rows() != network.inputSize() || baseline.size() != network.inputSize()) {
        throw std::invalid_argument("attributions: the rows have " + std::to_string(x.rows()) +
                                    " inputs and the baseline " + std::to_string(baseline.size()) +
                                    ", the network expects " + std::to_string(network.inputSize()));
    }
    if (options.steps < 1) {
        throw std::invalid_argument("integrated gradients need at least one step");
    }
    AttributionResult result;
    const Index rows = x.cols();
    result.values.resize(x.rows(), rows);
    result.scores.resize(rows);
    {
        Network::Workspace ws;
        Matrix gradient;
        Matrix value;
        network.inputGradient(baseline, options.output, true, gradient, ws, &value);
        result.baselineScore = value(0, 0);
    }
    const bool ig = options.method == AttributionMethod::IntegratedGradients;
    const Index blockRows = ig ? std::max<Index>(1, kPathColumns / (options.steps + 1)) : 1024;
    const Index blocks = (rows + blockRows - 1) / blockRows;
    const int threads = static_cast<int>(
        std::min<Index>(options.threads > 0 ? options.threads : omp_get_num_procs(), std::max<Index>(blocks, 1)));
    std::atomic<bool> cancel{false};
    std::atomic<Index> done{0};

#pragma omp parallel num_threads(threads) if (threads > 1)
    {
        Network::Workspace ws;
        Matrix gradient;
        Matrix values;
#pragma omp for schedule(dynamic)
        for (Index b = 0; b < blocks; ++b) {
            if (cancel.load(std::memory_order_relaxed)) {
                continue;
            }
            const Index begin = b * blockRows;
            const Index n = std::min(blockRows, rows - begin);
            const auto block = x.middleCols(begin, n);
            if (ig) {
                integratedGradients(network, block, baseline, options.steps, options.output, ws,
                                    result.values.middleCols(begin, n), result.scores.segment(begin, n));
            } else {
                network.inputGradient(block, options.output, true, gradient, ws, &values);
                result.values.middleCols(begin, n) =
                    (block.colwise() - baseline).cwiseProduct(gradient);
                result.scores.segment(begin, n) = values.row(0).transpose();
            }
            const Index finished = done.fetch_add(1) + 1;
            if (omp_get_thread_num() == 0 && progress &&
                !progress(0.95 * static_cast<double>(finished) / static_cast<double>(blocks))) {
                cancel = true;
            }
        }
    }
    // The calling thread may have had no block to report from: ask once more.
    if (cancel || (progress && !progress(0.95))) {
        result.cancelled = true;
        return result;
    }

    const auto errors = [&] {
        result.completenessError =
            (result.values.colwise().sum().transpose().cast<double>() -
             (result.scores.cast<double>().array() - result.baselineScore).matrix())
                .cwiseAbs()
                .cast<float>();
    };
    errors();
    if (ig) {
        // Kinks of ReLU-like layers on the path cost the trapezoid rule accuracy;
        // the few rows that need it get more steps.
        std::vector<Index> coarse;
        for (Index j = 0; j < rows; ++j) {
            if (result.completenessError(j) > options.tolerance) {
                coarse.push_back(j);
            }
        }
        result.refinedRows = static_cast<long long>(coarse.size());
#pragma omp parallel num_threads(threads) if (threads > 1 && coarse.size() > 1)
        {
            Network::Workspace ws;
            Matrix one(x.rows(), 1);
            Vector score(1);
#pragma omp for schedule(dynamic)
            for (std::size_t i = 0; i < coarse.size(); ++i) {
                const Index j = coarse[i];
                for (int steps = options.steps * 4; steps <= options.maxSteps; steps *= 4) {
                    integratedGradients(network, x.col(j), baseline, steps, options.output, ws, one, score);
                    const double err = std::abs(static_cast<double>(one.sum()) -
                                                (static_cast<double>(score(0)) - result.baselineScore));
                    if (err < result.completenessError(j)) {
                        result.values.col(j) = one;
                        result.completenessError(j) = static_cast<float>(err);
                    }
                    if (err <= options.tolerance) {
                        break;
                    }
                }
            }
        }
        const long long still = (result.completenessError.array() > options.tolerance).count();
        if (still > 0) {
            result.warnings.push_back(std::to_string(still) + " of " + std::to_string(rows) +
                                      " rows' attributions miss their score difference by more than " +
                                      std::to_string(options.tolerance) + " even with " +
                                      std::to_string(options.maxSteps) + " steps");
        }
    }
    result.maxCompletenessError = rows ? result.completenessError.maxCoeff() : 0.0;
    if (progress) {
        progress(1.0);
    }
    return result;
}

} // namespace neurolift

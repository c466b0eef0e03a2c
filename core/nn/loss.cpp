#include "nn/loss.h"

#include "nn/enumnames.h"

#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

namespace neurolift {

namespace {

constexpr std::array kLosses{
    EnumName<LossKind>{LossKind::BinaryCrossEntropy, "binary_cross_entropy", "Binary cross-entropy"},
    EnumName<LossKind>{LossKind::CrossEntropy, "cross_entropy", "Cross-entropy"},
    EnumName<LossKind>{LossKind::MeanSquaredError, "mse", "Mean squared error"},
    EnumName<LossKind>{LossKind::Huber, "huber", "Huber"},
};

float weightOf(const std::vector<float>& weights, Index cls)
{
    if (weights.empty()) {
        return 1.0f;
    }
    if (cls < 0 || cls >= static_cast<Index>(weights.size())) {
        throw std::invalid_argument("class " + std::to_string(cls) + " has no class weight (" +
                                    std::to_string(weights.size()) + " weights given)");
    }
    return weights[static_cast<std::size_t>(cls)];
}

double binaryCrossEntropy(const LossSpec& spec, const Matrix& z, const ConstMatrixRef& y, Matrix* grad)
{
    const Index n = z.cols();
    if (grad) {
        grad->resize(1, n);
    }
    if (spec.classWeights.empty()) {
        double sum = 0.0;
        const float inv = 1.0f / static_cast<float>(n);
        for (Index i = 0; i < n; ++i) {
            const float zi = z(0, i);
            const float yi = y(0, i);
            // max(z, 0) - z y + log(1 + exp(-|z|)): never overflows.
            sum += std::max(zi, 0.0f) - zi * yi + std::log1p(std::exp(-std::abs(zi)));
            if (grad) {
                const float p =
                    zi >= 0.0f ? 1.0f / (1.0f + std::exp(-zi)) : std::exp(zi) / (1.0f + std::exp(zi));
                (*grad)(0, i) = (p - yi) * inv;
            }
        }
        return sum / static_cast<double>(n);
    }
    double sum = 0.0;
    double wsum = 0.0;
    for (Index i = 0; i < n; ++i) {
        const float zi = z(0, i);
        const float yi = y(0, i);
        const float w = weightOf(spec.classWeights, yi >= 0.5f ? 1 : 0);
        sum += w * (std::max(zi, 0.0f) - zi * yi + std::log1p(std::exp(-std::abs(zi))));
        wsum += w;
    }
    if (grad) {
        const float inv = static_cast<float>(1.0 / wsum);
        for (Index i = 0; i < n; ++i) {
            const float zi = z(0, i);
            const float yi = y(0, i);
            const float w = weightOf(spec.classWeights, yi >= 0.5f ? 1 : 0);
            const float p = zi >= 0.0f ? 1.0f / (1.0f + std::exp(-zi)) : std::exp(zi) / (1.0f + std::exp(zi));
            (*grad)(0, i) = w * (p - yi) * inv;
        }
    }
    return sum / wsum;
}

double crossEntropy(const LossSpec& spec, const Matrix& z, const ConstMatrixRef& y, Matrix* grad)
{
    const Index k = z.rows();
    const Index n = z.cols();
    if (grad) {
        grad->resize(k, n);
    }
    double sum = 0.0;
    double wsum = 0.0;
    Vector e(k);
    for (Index i = 0; i < n; ++i) {
        const Index cls = static_cast<Index>(y(0, i));
        if (cls < 0 || cls >= k) {
            throw std::invalid_argument("target class " + std::to_string(cls) + " is outside 0.." +
                                        std::to_string(k - 1));
        }
        const float w = weightOf(spec.classWeights, cls);
        const auto col = z.col(i);
        const float mx = col.maxCoeff();
        e = (col.array() - mx).exp();
        const float s = e.sum();
        sum += w * (std::log(s) + mx - col(cls));
        wsum += w;
        if (grad) {
            grad->col(i) = e * (w / s);
            (*grad)(cls, i) -= w;
        }
    }
    if (grad) {
        *grad *= static_cast<float>(1.0 / wsum);
    }
    return sum / wsum;
}

double regressionLoss(const LossSpec& spec, const Matrix& z, const ConstMatrixRef& y, Matrix* grad)
{
    if (y.rows() != z.rows()) {
        throw std::invalid_argument("the network has " + std::to_string(z.rows()) +
                                    " outputs but the target has " + std::to_string(y.rows()) +
                                    " values per row");
    }
    const double count = static_cast<double>(z.size());
    const auto e = (z - y).array();
    if (spec.kind == LossKind::MeanSquaredError) {
        if (grad) {
            grad->array() = e * static_cast<float>(2.0 / count);
        }
        return e.cast<double>().square().sum() / count;
    }
    const float d = spec.huberDelta;
    if (grad) {
        grad->array() = e.cwiseMax(-d).cwiseMin(d) * static_cast<float>(1.0 / count);
    }
    const auto a = e.abs().cast<double>();
    return (a <= d).select(0.5 * a.square(), d * (a - 0.5 * d)).sum() / count;
}

} // namespace

std::string_view lossKindId(LossKind k)
{
    return enumEntry(kLosses, k).id;
}

std::optional<LossKind> lossKindFromId(std::string_view id)
{
    return enumFromId(kLosses, id);
}

LossKind defaultLoss(TaskKind task)
{
    switch (task) {
    case TaskKind::BinaryClassification:
        return LossKind::BinaryCrossEntropy;
    case TaskKind::MultiClassification:
        return LossKind::CrossEntropy;
    case TaskKind::Regression:
        return LossKind::MeanSquaredError;
    }
    return LossKind::MeanSquaredError;
}

bool lossFitsTask(LossKind loss, TaskKind task)
{
    switch (task) {
    case TaskKind::BinaryClassification:
        return loss == LossKind::BinaryCrossEntropy;
    case TaskKind::MultiClassification:
        return loss == LossKind::CrossEntropy;
    case TaskKind::Regression:
        return loss == LossKind::MeanSquaredError || loss == LossKind::Huber;
    }
    return false;
}

std::vector<float> balancedClassWeights(const std::vector<long long>& classCounts)
{
    long long total = 0;
    for (long long c : classCounts) {
        total += c;
    }
    std::vector<float> w;
    const double k = static_cast<double>(classCounts.size());
    for (long long c : classCounts) {
        w.push_back(c > 0 ? static_cast<float>(static_cast<double>(total) / (k * static_cast<double>(c)))
                          : 1.0f);
    }
    return w;
}

double lossNormalizer(const LossSpec& spec, const ConstMatrixRef& targets)
{
    switch (spec.kind) {
    case LossKind::BinaryCrossEntropy:
    case LossKind::CrossEntropy: {
        if (spec.classWeights.empty()) {
            return static_cast<double>(targets.cols());
        }
        double sum = 0.0;
        for (Index i = 0; i < targets.cols(); ++i) {
            const float y = targets(0, i);
            const Index cls =
                spec.kind == LossKind::BinaryCrossEntropy ? (y >= 0.5f ? 1 : 0) : static_cast<Index>(y);
            sum += weightOf(spec.classWeights, cls);
        }
        return sum;
    }
    case LossKind::MeanSquaredError:
    case LossKind::Huber:
        return static_cast<double>(targets.size());
    }
    return static_cast<double>(targets.cols());
}

double computeLoss(const LossSpec& spec, const Matrix& logits, const ConstMatrixRef& targets,
                   Matrix* gradLogits)
{
    if (logits.cols() != targets.cols()) {
        throw std::invalid_argument("the batch has " + std::to_string(logits.cols()) + " rows but " +
                                    std::to_string(targets.cols()) + " targets");
    }
    if (logits.cols() == 0) {
        throw std::invalid_argument("cannot compute a loss over an empty batch");
    }
    switch (spec.kind) {
    case LossKind::BinaryCrossEntropy:
        if (logits.rows() != 1) {
            throw std::invalid_argument("binary cross-entropy needs 1 output, the network has " +
                                        std::to_string(logits.rows()));
        }
        return binaryCrossEntropy(spec, logits, targets, gradLogits);
    case LossKind::CrossEntropy:
        return crossEntropy(spec, logits, targets, gradLogits);
    case LossKind::MeanSquaredError:
    case LossKind::Huber:
        if (gradLogits) {
            gradLogits->resize(logits.rows(), logits.cols());
        }
        return regressionLoss(spec, logits, targets, gradLogits);
    }
    return 0.0;
}

} // namespace neurolift

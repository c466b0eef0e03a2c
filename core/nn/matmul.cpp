#include "nn/matmul.h"

#include "nn/threading.h"

#ifdef NEUROLIFT_HAVE_OPENBLAS
#include <cblas.h>
#endif

namespace neurolift {

namespace {

using Packet = Eigen::internal::packet_traits<float>::type;
constexpr Index kLanes = Eigen::internal::packet_traits<float>::size;
/// Samples per register tile: 2 packets of units x 6 samples = 12 accumulators,
/// which with the 2 weight packets and a broadcast fits the 16 vector registers of AVX2.
constexpr Index kTileSamples = 6;

/// One tile: `Rows` packets of units (1 or 2) x `Cols` samples, over the whole depth k.
template <int Rows, int Cols>
inline void denseTile(const float* w, Index m, Index k, const float* bias, const float* x, Index ldx,
                      float* out, bool relu)
{
    using namespace Eigen::internal;
    Packet acc[Cols][Rows];
    for (int r = 0; r < Rows; ++r) {
        const Packet b = ploadu<Packet>(bias + r * kLanes);
        for (int c = 0; c < Cols; ++c) {
            acc[c][r] = b;
        }
    }
    for (Index d = 0; d < k; ++d) {
        Packet wp[Rows];
        for (int r = 0; r < Rows; ++r) {
            wp[r] = ploadu<Packet>(w + d * m + r * kLanes);
        }
        for (int c = 0; c < Cols; ++c) {
            const Packet xv = pset1<Packet>(x[c * ldx + d]);
            for (int r = 0; r < Rows; ++r) {
                acc[c][r] = pmadd(wp[r], xv, acc[c][r]);
            }
        }
    }
    const Packet zero = pzero(acc[0][0]);
    for (int c = 0; c < Cols; ++c) {
        for (int r = 0; r < Rows; ++r) {
            pstoreu(out + c * m + r * kLanes, relu ? pmax(acc[c][r], zero) : acc[c][r]);
        }
    }
}

template <int Rows>
void denseRowPanel(const float* w, Index m, Index k, const float* bias, const float* x, Index ldx, Index n,
                   float* out, bool relu)
{
    Index c = 0;
    for (; c + kTileSamples <= n; c += kTileSamples) {
        denseTile<Rows, kTileSamples>(w, m, k, bias, x + c * ldx, ldx, out + c * m, relu);
    }
    for (; c < n; ++c) {
        denseTile<Rows, 1>(w, m, k, bias, x + c * ldx, ldx, out + c * m, relu);
    }
}

} // namespace

void matmul(Matrix& out, const ConstMatrixRef& a, Op opA, const ConstMatrixRef& b, Op opB, bool accumulate)
{
    const Index m = opA == Op::Plain ? a.rows() : a.cols();
    const Index k = opA == Op::Plain ? a.cols() : a.rows();
    const Index n = opB == Op::Plain ? b.cols() : b.rows();
    if (!accumulate) {
        out.resize(m, n);
    }
#ifdef NEUROLIFT_HAVE_OPENBLAS
    if (isLargeProduct(m, n, k)) {
        // OpenBLAS's OpenMP build takes its thread count from the calling thread's
        // OpenMP setting, like Eigen, so ThreadCountScope governs both.
        cblas_sgemm(CblasColMajor, opA == Op::Plain ? CblasNoTrans : CblasTrans,
                    opB == Op::Plain ? CblasNoTrans : CblasTrans, static_cast<int>(m), static_cast<int>(n),
                    static_cast<int>(k), 1.0f, a.data(), static_cast<int>(a.outerStride()), b.data(),
                    static_cast<int>(b.outerStride()), accumulate ? 1.0f : 0.0f, out.data(),
                    static_cast<int>(out.rows()));
        return;
    }
#endif
    const SmallProductScope threads(m, n, k);
    if (!accumulate) {
        out.setZero();
    }
    if (opA == Op::Plain && opB == Op::Plain) {
        out.noalias() += a * b;
    } else if (opA == Op::Plain) {
        out.noalias() += a * b.transpose();
    } else if (opB == Op::Plain) {
        out.noalias() += a.transpose() * b;
    } else {
        out.noalias() += a.transpose() * b.transpose();
    }
}

void denseForward(const Matrix& w, const Matrix& bias, const ConstMatrixRef& x, Matrix& out, bool relu)
{
    const Index m = w.rows();
    const Index k = w.cols();
    const Index n = x.cols();
    // The tiled kernel keeps a 2-packet slice of the weights (2 x lanes x k floats) in L1.
    if (isLargeProduct(m, n, k) || m < kLanes || k > 512) {
        // Start from the bias and accumulate: BLAS then skips its pass zeroing the output.
        out.resize(m, n);
        out.colwise() = bias.col(0);
        matmul(out, w, Op::Plain, x, Op::Plain, true);
        if (relu) {
            out = out.cwiseMax(0.0f);
        }
        return;
    }
    out.resize(m, n);
    const float* wd = w.data();
    const float* bd = bias.data();
    const Index ldx = x.outerStride();
    Index r = 0;
    for (; r + 2 * kLanes <= m; r += 2 * kLanes) {
        denseRowPanel<2>(wd + r, m, k, bd + r, x.data(), ldx, n, out.data() + r, relu);
    }
    for (; r + kLanes <= m; r += kLanes) {
        denseRowPanel<1>(wd + r, m, k, bd + r, x.data(), ldx, n, out.data() + r, relu);
    }
    // Units left over after whole packets (e.g. 10 classes with 8 lanes).
    for (; r < m; ++r) {
        auto row = out.row(r);
        row.noalias() = w.row(r) * x;
        row.array() += bias(r, 0);
        if (relu) {
            row = row.cwiseMax(0.0f);
        }
    }
}

const char* matmulBackend()
{
#ifdef NEUROLIFT_HAVE_OPENBLAS
    return "eigen+openblas";
#else
    return "eigen";
#endif
}

} // namespace neurolift

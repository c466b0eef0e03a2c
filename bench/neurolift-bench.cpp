// Runs the standard workloads W1-W4 (../shared/bench/WORKLOADS.md) on the files
// that gen_data.py writes, and prints one line per (workload, threads) in the
// format peers.py prints, so that both compare side by side in one run.
//
//   neurolift-bench [W1 W2 W3 W4] [--reps N] [--threads 1,2] [--data DIR]

#include "data/csvreader.h"
#include "nn/batchscorer.h"
#include "nn/matmul.h"
#include "nn/threading.h"
#include "project/project.h"
#include "training/metrics.h"
#include "training/trainer.h"

#include <Eigen/Core>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

using namespace neurolift;

namespace {

struct Samples {
    Matrix x; ///< features x rows (the file's row-major layout, read as is)
    Matrix y; ///< 1 x rows, labels as floats
};

std::string g_dataDir = "/tmp/bench-data";
int g_reps = 3;

std::vector<char> readFile(const std::string& path, std::size_t expectedBytes)
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        throw std::runtime_error(path + ": cannot open (run ../shared/bench/gen_data.py first)");
    }
    const auto size = static_cast<std::size_t>(in.tellg());
    if (size != expectedBytes) {
        throw std::runtime_error(path + ": " + std::to_string(size) + " bytes, expected " +
                                 std::to_string(expectedBytes) + " (regenerate with gen_data.py)");
    }
    std::vector<char> bytes(size);
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    return bytes;
}

Samples load(const std::string& stem, Index rows, Index features)
{
    Samples t{Matrix(features, rows), Matrix(1, rows)};
    const auto x = readFile(g_dataDir + "/" + stem + "_X.f32", static_cast<std::size_t>(rows * features * 4));
    std::memcpy(t.x.data(), x.data(), x.size());
    const auto y = readFile(g_dataDir + "/" + stem + "_y.u8", static_cast<std::size_t>(rows));
    for (Index i = 0; i < rows; ++i) {
        t.y(0, i) = static_cast<float>(static_cast<unsigned char>(y[static_cast<std::size_t>(i)]));
    }
    return t;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

void report(const std::string& workload, int threads, const std::string& key,
            const std::vector<double>& rates, const std::string& extra)
{
    const auto [lo, hi] = std::minmax_element(rates.begin(), rates.end());
    std::printf("%s neurolift-%dt %s=%.0f min=%.0f max=%.0f %s\n", workload.c_str(), threads, key.c_str(),
                median(rates), *lo, *hi, extra.c_str());
    std::fflush(stdout);
}

std::string fmt4(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}

/// Trains `arch` as WORKLOADS.md prescribes (Adam 1e-3, PyTorch-Linear init, seed = repetition).
Network trainWorkload(const Architecture& arch, const TaskSpec& task, const DataView& train, int epochs,
                      int batch, int threads, int rep, double& seconds)
{
    Network net(arch, static_cast<int>(train.featureCount), static_cast<std::uint64_t>(rep));
    TrainSpec spec = TrainSpec::forTask(task);
    spec.optimizer.kind = OptimizerKind::Adam;
    spec.optimizer.learningRate = 1e-3f;
    spec.epochs = epochs;
    spec.batchSize = batch;
    spec.seed = static_cast<std::uint64_t>(rep);
    spec.threads = threads;
    spec.earlyStopping.enabled = false;
    Trainer trainer(net, spec, train);
    const auto t0 = std::chrono::steady_clock::now();
    trainer.run();
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return net;
}

Architecture mlp(std::initializer_list<int> hidden, const TaskSpec& task)
{
    Architecture a;
    for (int h : hidden) {
        a.layers.push_back(LayerSpec::dense(h, Activation::ReLU, WeightInit::TorchLinear));
    }
    a.layers.push_back(
        LayerSpec::dense(task.outputUnits(), task.outputActivation(), WeightInit::TorchLinear));
    return a;
}

std::optional<Network> g_w1Model;

void w1(int threads)
{
    static const Samples data = load("w1", 200000, 32);
    const Index n = 160000;
    const DataView all = DataView::of(data.x, data.y);
    const DataView train = all.slice(0, n);
    const DataView holdout = all.slice(n, all.rows);
    const TaskSpec task;
    std::vector<double> rates, losses, aucs;
    for (int rep = 0; rep < g_reps; ++rep) {
        double seconds = 0;
        Network net = trainWorkload(mlp({64, 32}, task), task, train, 5, 256, threads, rep, seconds);
        rates.push_back(static_cast<double>(n) * 5 / seconds);
        losses.push_back(evaluate(net, train, task, {}).loss);
        aucs.push_back(*evaluate(net, holdout, task, {}).auc);
        g_w1Model = std::move(net);
    }
    report("W1", threads, "samples_per_s", rates,
           "final_loss=" + fmt4(median(losses)) + " val_auc=" + fmt4(median(aucs)));
}

void w2(int threads)
{
    static const Samples data = load("w2", 100000, 128);
    const Index n = 80000;
    const DataView all = DataView::of(data.x, data.y);
    const DataView train = all.slice(0, n);
    const DataView holdout = all.slice(n, all.rows);
    const TaskSpec task{TaskKind::MultiClassification, 10, 1};
    LossSpec ce;
    ce.kind = LossKind::CrossEntropy;
    std::vector<double> rates, losses, accs;
    for (int rep = 0; rep < g_reps; ++rep) {
        double seconds = 0;
        Network net = trainWorkload(mlp({512, 512}, task), task, train, 3, 512, threads, rep, seconds);
        rates.push_back(static_cast<double>(n) * 3 / seconds);
        losses.push_back(evaluate(net, train, task, ce).loss);
        accs.push_back(*evaluate(net, holdout, task, ce).accuracy);
    }
    report("W2", threads, "samples_per_s", rates,
           "final_loss=" + fmt4(median(losses)) + " val_acc=" + fmt4(median(accs)));
}

void w3(int threads, Index chunk)
{
    if (!g_w1Model) {
        w1(2);
    }
    static const Samples data = load("w3", 1000000, 32);
    const Index rows = data.x.cols();
    std::vector<float> out(static_cast<std::size_t>(rows));
    const ThreadCountScope scope(threads);
    BatchScorer scorer(*g_w1Model, threads);
    std::vector<double> rates;
    for (int rep = 0; rep < g_reps; ++rep) {
        const auto t0 = std::chrono::steady_clock::now();
        for (Index begin = 0; begin < rows; begin += chunk) {
            const Index n = std::min(chunk, rows - begin);
            scorer.score(data.x.middleCols(begin, n), MatrixMap(out.data() + begin, 1, n));
        }
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        rates.push_back(static_cast<double>(rows) / s);
    }
    double sum = 0;
    for (float p : out) {
        sum += p;
    }
    const double auc = rocAuc(out, std::span<const float>(data.y.data(), static_cast<std::size_t>(rows)));
    report("W3", threads, "rows_per_s", rates,
           "chunk=" + std::to_string(chunk) + " mean_p=" + fmt4(sum / static_cast<double>(rows)) +
               " auc=" + fmt4(auc));
}

/// Correctly rounded sum (Shewchuk's exact partials, as Python's math.fsum).
class ExactSum {
public:
    void add(double x)
    {
        std::size_t i = 0;
        for (double y : m_partials) {
            if (std::fabs(x) < std::fabs(y)) {
                std::swap(x, y);
            }
            const double hi = x + y;
            const double lo = y - (hi - x);
            if (lo != 0.0) {
                m_partials[i++] = lo;
            }
            x = hi;
        }
        m_partials.resize(i);
        m_partials.push_back(x);
    }

    double value() const
    {
        // Sum the partials from the top, with fsum's half-way correction.
        if (m_partials.empty()) {
            return 0.0;
        }
        std::size_t n = m_partials.size();
        double hi = m_partials[--n];
        double lo = 0.0;
        while (n > 0) {
            const double x = hi;
            const double y = m_partials[--n];
            hi = x + y;
            const double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) {
                break;
            }
        }
        if (n > 0 && ((lo < 0.0 && m_partials[n - 1] < 0.0) || (lo > 0.0 && m_partials[n - 1] > 0.0))) {
            const double y = lo * 2.0;
            const double x = hi + y;
            if (y == x - hi) {
                hi = x;
            }
        }
        return hi;
    }

private:
    std::vector<double> m_partials;
};

/// Bytes the finished table holds (vectors' capacities, strings' heap blocks).
std::size_t tableBytes(const neurolift::Table& t)
{
    std::size_t bytes = 0;
    const auto stringBytes = [](const std::string& s) {
        return sizeof(std::string) + (s.capacity() > 15 ? s.capacity() + 1 : 0);
    };
    for (const Column& c : t.columns()) {
        bytes += c.values.capacity() * sizeof(double) + c.missing.capacity() + c.codes.capacity() * 4;
        for (const auto& s : c.strings) {
            bytes += stringBytes(s);
        }
        for (const auto& s : c.levels) {
            bytes += stringBytes(s);
        }
    }
    return bytes;
}

void w4(int threads)
{
    const std::string path = g_dataDir + "/w4.csv";
    const std::size_t fileBytes = readFile(path, 266893254).size(); // into the page cache, untimed
    CsvOptions options;
    options.threads = threads;
    std::vector<double> rates;
    std::vector<double> seconds;
    std::optional<CsvResult> result;
    for (int rep = 0; rep < g_reps; ++rep) {
        result.reset();
        const auto t0 = std::chrono::steady_clock::now();
        result = readCsv(path, options);
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        seconds.push_back(s);
        rates.push_back(static_cast<double>(fileBytes) / 1e6 / s);
    }
    // The checks of WORKLOADS.md, untimed.
    const neurolift::Table& t = result->table;
    long long sumId = 0;
    long long sumTarget = 0;
    long long nanCells = 0;
    std::size_t levels = 0;
    ExactSum sumNum;
    for (const Column& c : t.columns()) {
        if (c.name == "customer_id") {
            for (const std::string& id : c.strings) {
                long long v = 0;
                std::from_chars(id.data(), id.data() + id.size(), v);
                sumId += v;
            }
        } else if (c.name == "target") {
            for (double v : c.values) {
                sumTarget += static_cast<long long>(v);
            }
        } else if (c.name[0] == 'n') {
            for (double v : c.values) {
                if (std::isnan(v)) {
                    ++nanCells;
                } else {
                    sumNum.add(v);
                }
            }
        } else if (c.type == ColumnType::Categorical) {
            levels += c.levels.size();
        }
    }
    char sum[64];
    const auto end = std::to_chars(sum, sum + sizeof sum, sumNum.value()).ptr;
    *end = 0;
    const auto [lo, hi] = std::minmax_element(rates.begin(), rates.end());
    std::printf("W4 neurolift-%dt MB_per_s=%.1f min=%.1f max=%.1f rows_per_s=%.0f rows=%zu sum_id=%lld "
                "sum_target=%lld nan_cells=%lld sum_num=%s levels=%zu table_MB=%.1f\n",
                threads, median(rates), *lo, *hi, static_cast<double>(t.rowCount()) / median(seconds),
                t.rowCount(), sumId, sumTarget, nanCells, sum, levels,
                static_cast<double>(tableBytes(t)) / 1e6);
    std::fflush(stdout);
}

/// Saving the W4 table into a project file and opening it again (issue 4's
/// benchmark line): seconds of each, and the file's size against the CSV's.
void p4(int threads)
{
    const std::string csv = g_dataDir + "/w4.csv";
    const std::string file = g_dataDir + "/w4.nlproj";
    CsvOptions options;
    options.threads = threads;
    const CsvResult data = readCsv(csv, options);
    std::vector<double> saves;
    std::vector<double> opens;
    std::size_t rows = 0;
    for (int rep = 0; rep < g_reps; ++rep) {
        std::remove(file.c_str());
        const auto t0 = std::chrono::steady_clock::now();
        Project::create(file).saveDataset(data.table, {"w4.csv", 266893254, "", {}, ""});
        const auto t1 = std::chrono::steady_clock::now();
        rows = Project::open(file).loadDataset().rowCount();
        const auto t2 = std::chrono::steady_clock::now();
        saves.push_back(std::chrono::duration<double>(t1 - t0).count());
        opens.push_back(std::chrono::duration<double>(t2 - t1).count());
    }
    std::ifstream f(file, std::ios::binary | std::ios::ate);
    const auto bytes = static_cast<double>(f.tellg());
    std::printf(
        "P4 neurolift-%dt save_s=%.3f open_s=%.3f save_open_s=%.3f rows=%zu file_MB=%.1f csv_MB=266.9 "
        "size_ratio=%.3f\n",
        threads, median(saves), median(opens), median(saves) + median(opens), rows, bytes / 1e6,
        bytes / 266893254.0);
    std::fflush(stdout);
}

std::vector<int> parseThreads(const std::string& s)
{
    std::vector<int> v;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ',')) {
        v.push_back(std::stoi(item));
    }
    return v;
}

std::string simd()
{
    return Eigen::SimdInstructionSetsInUse();
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> workloads;
    std::vector<int> threads{1, 2};
    if (const char* d = std::getenv("BENCH_DATA")) {
        g_dataDir = d;
    }
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--reps" && i + 1 < argc) {
            g_reps = std::stoi(argv[++i]);
        } else if (a == "--threads" && i + 1 < argc) {
            threads = parseThreads(argv[++i]);
        } else if (a == "--data" && i + 1 < argc) {
            g_dataDir = argv[++i];
        } else if (a == "-h" || a == "--help") {
            std::puts("usage: neurolift-bench [W1 W2 W3 W4 P4] [--reps N] [--threads 1,2] [--data DIR]");
            return 0;
        } else {
            workloads.push_back(a);
        }
    }
    if (workloads.empty()) {
        workloads = {"W1", "W2", "W3"};
    }
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    char when[64];
    const std::time_t now = std::time(nullptr);
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S %Z", std::localtime(&now));
    std::printf("# %s %s neurolift=%s eigen=%d.%d.%d gemm=%s simd=\"%s\" reps=%d\n", when, host,
                NEUROLIFT_VERSION, EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION,
                matmulBackend(), simd().c_str(), g_reps);
    try {
        for (const auto& w : workloads) {
            for (int t : threads) {
                if (w == "W1") {
                    w1(t);
                } else if (w == "W2") {
                    w2(t);
                } else if (w == "W3") {
                    w3(t, 8192);
                } else if (w == "W4") {
                    w4(t);
                } else if (w == "P4") {
                    p4(t);
                } else {
                    std::cerr << "unknown workload " << w << " (known: W1 W2 W3 W4 P4)\n";
                    return 2;
                }
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "neurolift-bench: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

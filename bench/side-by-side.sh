#!/bin/sh
# Runs the peers (../shared/bench/peers.py: PyTorch and scikit-learn on OpenBLAS,
# as ../shared/bench/run_all.sh runs them) and neurolift-bench on the same
# workloads in one session, so their lines compare side by side.
#
#   bench/side-by-side.sh [BUILD_DIR] [REPS] [WORKLOADS]
#     (defaults: build/release, 5, "W1 W2 W3 W4 P4")
#
# P4 (ours only) saves the W4 table into a project file and opens it again;
# compare its save_open_s with pandas' W4 seconds (266.9 / MB_per_s).
#
# W4's peak memory is measured separately, one repetition on 2 threads under
# /usr/bin/time -v, and printed next to the table's own size.
#
# Needs: /usr/bin/python3 with python3-torch python3-sklearn python3-pandas
# python3-threadpoolctl, and the data from ../shared/bench/gen_data.py.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/release}
reps=${2:-5}
workloads=${3:-W1 W2 W3 W4 P4}
peers=$(echo "$workloads" | sed 's/P4//')
shared=$here/../shared/bench
data=${BENCH_DATA:-/tmp/bench-data}

[ -f "$data/w1_X.f32" ] && [ -f "$data/w4.csv" ] || /usr/bin/python3 "$shared/gen_data.py"
diff "$shared/expected.sha256" "$data/SHA256SUMS" >/dev/null || { echo "bench data differ from expected.sha256" >&2; exit 1; }
ob=$data/openblas/usr/lib/x86_64-linux-gnu/openblas-openmp
[ -d "$ob" ] || (cd "$data" && apt-get download libopenblas0-openmp && dpkg -x libopenblas0-openmp_*.deb openblas)

echo "## peers (OpenBLAS, its own core detection)"
# shellcheck disable=SC2086
env -u OPENBLAS_CORETYPE LD_LIBRARY_PATH="$ob" /usr/bin/python3 "$shared/peers.py" gemm $peers --reps "$reps"
echo "## neurolift"
# shellcheck disable=SC2086
"$build/bench/neurolift-bench" $workloads --reps "$reps"
case " $workloads " in
*" W4 "*)
    echo "## W4 peak memory (1 repetition, 2 threads)"
    /usr/bin/time -v "$build/bench/neurolift-bench" W4 --threads 2 --reps 1 2>&1 |
        sed -n -e 's/^W4 .*table_MB=\([0-9.]*\).*/table_MB=\1/p' -e 's/^[[:space:]]*Maximum resident set size (kbytes): /peak_RSS_kB=/p'
    ;;
esac

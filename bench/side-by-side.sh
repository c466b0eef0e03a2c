#!/bin/sh
# Runs the peers (../shared/bench/peers.py: PyTorch and scikit-learn on OpenBLAS,
# as ../shared/bench/run_all.sh runs them) and neurolift-bench on the same
# workloads in one session, so their lines compare side by side.
#
#   bench/side-by-side.sh [BUILD_DIR] [REPS]     (default build/release, 5)
#
# Needs: /usr/bin/python3 with python3-torch python3-sklearn python3-pandas
# python3-threadpoolctl, and the data from ../shared/bench/gen_data.py.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/release}
reps=${2:-5}
shared=$here/../shared/bench
data=${BENCH_DATA:-/tmp/bench-data}

[ -f "$data/w1_X.f32" ] || /usr/bin/python3 "$shared/gen_data.py"
diff "$shared/expected.sha256" "$data/SHA256SUMS" >/dev/null || { echo "bench data differ from expected.sha256" >&2; exit 1; }
ob=$data/openblas/usr/lib/x86_64-linux-gnu/openblas-openmp
[ -d "$ob" ] || (cd "$data" && apt-get download libopenblas0-openmp && dpkg -x libopenblas0-openmp_*.deb openblas)

echo "## peers (OpenBLAS, its own core detection)"
env -u OPENBLAS_CORETYPE LD_LIBRARY_PATH="$ob" /usr/bin/python3 "$shared/peers.py" gemm W1 W2 W3 --reps "$reps"
echo "## neurolift"
"$build/bench/neurolift-bench" W1 W2 W3 --reps "$reps"

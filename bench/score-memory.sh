#!/bin/sh
# Peak memory and time of `neurolift-cli score` on a large file: scoring reads
# the file in batches of 65,536 rows, so its peak RSS must not grow with the
# number of rows. Not a test (it takes a minute or two and ~350 MB of disk);
# run it after changing the CSV reader or the scorer and compare with README.
#
# Usage: bench/score-memory.sh [ROWS] [CLI]
#   ROWS  rows of the file to score (default 5000000)
#   CLI   neurolift-cli to measure (default build/release/app/neurolift-cli)
# Needs /usr/bin/time (Debian package `time`) and python3.
set -eu
rows=${1:-5000000}
cli=${2:-build/release/app/neurolift-cli}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The same columns as the training file: an id, numbers, a category, a date,
# a yes/no target; rows written by a seeded generator so runs compare.
python3 - "$work" "$rows" <<'PY'
import random, sys
work, rows = sys.argv[1], int(sys.argv[2])
def write(path, n, seed):
    rnd = random.Random(seed)
    plans = ["basic", "plus", "pro", "family"]
    with open(path, "w", buffering=1 << 20) as f:
        f.write("customer_id,visits,spend,plan,signup,tenure,bought\n")
        for i in range(n):
            visits = rnd.randint(0, 30)
            spend = round(rnd.uniform(0, 900), 2)
            plan = plans[rnd.randrange(4)]
            tenure = rnd.randint(1, 120)
            bought = "yes" if visits * 3 + spend / 50 + rnd.gauss(0, 10) > 60 else "no"
            f.write(f"C{i:08d},{visits},{spend},{plan},2024-{1 + i % 12:02d}-{1 + i % 28:02d},{tenure},{bought}\n")
write(f"{work}/train.csv", 5000, 1)
write(f"{work}/big.csv", rows, 2)
PY
"$cli" train "$work/train.csv" --target bought --model "$work/m.json" --epochs 20 >/dev/null 2>&1
size=$(du -m "$work/big.csv" | cut -f1)
/usr/bin/time -v "$cli" score --model "$work/m.json" "$work/big.csv" --out "$work/scored.csv" \
    2>"$work/time.txt" >/dev/null
peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
elapsed=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
scored=$(($(wc -l <"$work/scored.csv") - 1))
echo "score: $rows rows ($size MB) -> $scored scored rows in $elapsed (m:ss), peak RSS $((peak / 1024)) MB"

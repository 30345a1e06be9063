#!/usr/bin/env bash
# Benchmark of the sweep engine: the article's churn grid (6 initializers x 3 activations x 5 seeds,
# 90 trainings of 100 epochs, batch 10, 8,000 training rows) with 1 and with 2 threads.
# Prints the wall time of the training phase of each, the speedup, and the CPU load before the run
# (the machine is shared: a high load average makes the numbers meaningless).
# Usage: scripts/bench-sweep.sh [spec]   (builds nothing: run mvn package first)
set -euo pipefail
spec=${1:-examples/churn/sweep.yaml}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
for t in 1 2; do
  line=$(java -jar builder.jar sweep "$spec" --threads "$t" --out "$out/t$t" --quiet | tail -1)
  echo "threads=$t: $line"
  secs[$t]=$(echo "$line" | sed -E 's/.* in ([0-9.]+) s .*/\1/')
done
cut -d, -f1-12 "$out/t1/sweep.csv" > "$out/a"; cut -d, -f1-12 "$out/t2/sweep.csv" > "$out/b"
cmp -s "$out/a" "$out/b" && echo "sweep.csv identical for 1 and 2 threads (timing column excluded)" || echo "sweep.csv DIFFERS"
awk -v a="${secs[1]}" -v b="${secs[2]}" 'BEGIN { printf "speedup 1 -> 2 threads: %.2fx\n", a / b }'

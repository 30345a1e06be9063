#!/usr/bin/env bash
# Issue 21's table: what a user gets from `java -jar builder.jar SPEC`, cold, one process per run,
# next to PyTorch on the same numbers and the machine's dgemm/sgemm peak.
#   bench/table.sh [RUNS] [ROWS]      (defaults: 3 cold runs per configuration, 1,000,000 wide rows)
# Wide workload: 11-256-256-1 relu/relu/sigmoid, adam, batch 256, one epoch on ROWS * 0.99 training
# rows (test_split 0.01), read from a CSV by the CLI; samples/s = training rows / train_seconds of
# metrics.json. Churn: examples/churn/model.yaml (80,000 steps): train_seconds, and the whole
# process's wall time and peak RSS (/usr/bin/time). Every figure is the median of RUNS cold runs,
# with min-max. The runs go in rounds: each round runs every configuration once (PyTorch included),
# so a drift of the machine's speed over minutes (seen on this shared virtual machine: the same
# build 1.7x apart within minutes) falls on every configuration alike instead of on whichever ran
# in the slow minutes. Each round ends with FmaPeak, the cores' vector fma peak, as a probe of
# the host in that minute, and starts one configuration later than the round before.
# Configurations: "fresh machine" emulates one without an installed OpenBLAS: builder.jar's bundled
# one (-Dlamina.blas=bundled), what the README's commands give; "Vector API only" is the README's
# path before OpenBLAS was bundled (-Dlamina.blas=java); "OpenBLAS installed" uses Debian's
# libopenblas0-pthread (-Dlamina.blas=system, skipped when absent); "no relaunch" is the plain-Java
# path the README gave before issue 21 (-Dlamina.blas=java -Dlamina.relaunch=false). PyTorch runs when Debian's
# python3-torch is installed (float32, one intra-op thread, see bench/pytorch_bench.py); TORCH_CHURN=0
# skips its churn runs (about a minute each).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
rows="${2:-1000000}"
data="${BENCH_DATA:-target/bench-data}"
out="${BENCH_OUT:-target/bench-table}"
py=/usr/bin/python3
mkdir -p "$data" "$out"

mvn -o -q package -DskipTests -Dmaven.javadoc.skip
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
if [ ! -f "$data/wide_x.f64" ] || [ "$(stat -c %s "$data/wide_x.f64")" != "$((rows * 11 * 8))" ]; then
  java -cp "$cp" dev.lamina.bench.EndToEnd --export "$data" --rows "$rows" >/dev/null
  rm -f "$data/wide.csv"
fi
if [ ! -f "$data/wide.csv" ]; then
  # The same numbers as PyTorch's files, as the CSV the CLI reads (17 significant digits: exact).
  $py - "$data" <<'EOF'
import sys
import numpy as np
d = sys.argv[1]
x = np.fromfile(f"{d}/wide_x.f64", dtype="<f8").reshape(-1, 11)
y = np.fromfile(f"{d}/wide_y.f64", dtype="<f8").reshape(-1, 1)
np.savetxt(f"{d}/wide.csv", np.hstack([x, y]), delimiter=",", fmt="%.17g",
           header=",".join([f"x{i}" for i in range(11)] + ["label"]), comments="")
EOF
fi
for dtype in float64 float32; do
  cat > "$out/wide-$dtype.yaml" <<EOF
name: wide-$dtype
seed: 42
dtype: $dtype
data: {csv: $(realpath "$data/wide.csv"), target: label, scale: none, test_split: 0.01}
layers:
  - dense: {units: 256, activation: relu, kernel_initializer: he_uniform, input_dim: 11}
  - dense: {units: 256, activation: relu, kernel_initializer: he_uniform}
  - dense: {units: 1, activation: sigmoid, kernel_initializer: glorot_uniform}
compile: {optimizer: adam, loss: binary_crossentropy, metrics: [accuracy]}
fit: {epochs: 1, batch_size: 256}
EOF
done
train_rows=$(( rows - (rows + 99) / 100 ))

# median (min-max) of the numbers on stdin
stats() { sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
  printf "%.6g %.6g %.6g\n", m, v[1], v[NR] }'; }
seconds() { $py -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["train_seconds"])' "$1/metrics.json"; }

# wide_run NAME SPEC JVM-OPTIONS...: one cold CLI run; appends its samples/s to rate_NAME
wide_run() {
  local name="$1" spec="$2"; shift 2
  java "$@" -jar builder.jar "$spec" --quiet --out "$out/run" > "$out/last.log" 2>&1 \
    || { cat "$out/last.log" >&2; exit 1; }
  local rate
  rate="$(awk -v n="$train_rows" -v s="$(seconds "$out/run")" 'BEGIN { printf "%.0f", n / s }')"
  eval "rate_$name+=(\"\$rate\")"
  echo "  $name: $rate samples/s" >&2
}

have_blas=0
if ldconfig -p | grep -c "libopenblas.so.0" > /dev/null; then
  have_blas=1
fi
have_torch=0
if $py -c 'import torch' 2>/dev/null; then
  have_torch=1
fi
torch_workload=all
if [ "${TORCH_CHURN:-1}" = 0 ]; then torch_workload=wide; fi
fma=(java --add-modules jdk.incubator.vector -cp "$cp" dev.lamina.bench.FmaPeak)

# label|variable name|spec|JVM options, in the table's order
configs=("fresh machine (bundled OpenBLAS), float64: the README's command|f64|$out/wide-float64.yaml|-Dlamina.blas=bundled"
  "fresh machine (bundled OpenBLAS), dtype: float32|f32|$out/wide-float32.yaml|-Dlamina.blas=bundled"
  "Vector API only (no OpenBLAS), float64|vec64|$out/wide-float64.yaml|-Dlamina.blas=java"
  "Vector API only (no OpenBLAS), dtype: float32|vec32|$out/wide-float32.yaml|-Dlamina.blas=java")
if [ "$have_blas" = 1 ]; then
  configs+=("OpenBLAS installed, float64|blas64|$out/wide-float64.yaml|-Dlamina.blas=system"
    "OpenBLAS installed, dtype: float32|blas32|$out/wide-float32.yaml|-Dlamina.blas=system")
fi
configs+=("no relaunch (plain-Java kernels, the README before issue 21), float64|norelaunch|$out/wide-float64.yaml|-Dlamina.blas=java -Dlamina.relaunch=false")

echo "== $(date -u '+%F %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" | tee "$out/table.md"
: > "$out/pytorch.txt"
: > "$out/fma.txt"
churn_train=()
churn_wall=()
churn_rss=()
for r in $(seq "$runs"); do
  echo "  round $r of $runs ($(date -u +%H:%M:%S), load $(cut -d' ' -f1 /proc/loadavg))" >&2
  # Each round starts one configuration further down the list: the run right after a heavy one
  # (FmaPeak, which ends the round before) was measured slower (the twelfth and thirteenth
  # sessions' first row, 0.7x its neighbours), and rotating spreads that over every configuration.
  n=${#configs[@]}
  for ((i = 0; i < n; i++)); do
    c="${configs[$(( (i + r - 1) % n ))]}"
    IFS='|' read -r label name spec opts <<< "$c"
    # shellcheck disable=SC2086 # opts is a list of JVM options
    wide_run "$name" "$spec" $opts
  done
  if [ "$have_torch" = 1 ]; then
    $py bench/pytorch_bench.py --data "$data" --runs 1 --threads 1 --workload "$torch_workload" >> "$out/pytorch.txt"
    awk '$2 == "wide_samples_per_second" { print "  pytorch: " $4 " samples/s" }' "$out/pytorch.txt" | tail -1 >&2
  fi
  /usr/bin/time -f "%e %M" -o "$out/time.txt" java -jar builder.jar examples/churn/model.yaml --quiet --out "$out/churn" \
    > "$out/last.log" 2>&1 || { cat "$out/last.log" >&2; exit 1; }
  churn_train+=("$(seconds "$out/churn")")
  churn_wall+=("$(cut -d' ' -f1 "$out/time.txt")")
  churn_rss+=("$(awk '{ printf "%.0f", $2 / 1024 }' "$out/time.txt")")
  echo "  churn: train ${churn_train[-1]} s, whole ${churn_wall[-1]} s, ${churn_rss[-1]} MB" >&2
  "${fma[@]}" 2>/dev/null | tee -a "$out/fma.txt" | sed 's/^/  /' >&2
done

results=()
for c in "${configs[@]}"; do
  IFS='|' read -r label name spec opts <<< "$c"
  eval "vals=(\"\${rate_$name[@]}\")"
  results+=("$label|$(printf '%s\n' "${vals[@]}" | stats | tr ' ' '|')")
done
torch_wide=""
torch_churn=""
if [ "$have_torch" = 1 ]; then
  torch_wide=$(awk '$2 == "wide_samples_per_second" { print $4 }' "$out/pytorch.txt" | stats | awk '{ printf "%.0f|%.0f|%.0f", $1, $2, $3 }')
  if [ "$torch_workload" = all ]; then
    torch_churn=$(awk '$2 == "churn_seconds" { print $4 }' "$out/pytorch.txt" | stats | awk '{ printf "%.2f|%.2f|%.2f", $1, $2, $3 }')
  fi
fi

{
  echo
  echo "| wide 11-256-256-1, cold \`java -jar builder.jar\`, $train_rows rows | samples/s, median (min-max) of $runs | vs PyTorch |"
  echo "|---|---|---|"
  for line in "${results[@]}"; do
    IFS='|' read -r label med lo hi <<< "$line"
    ratio=""
    if [ -n "$torch_wide" ]; then ratio=$(awk -v a="$med" -v b="${torch_wide%%|*}" 'BEGIN { printf "%.2fx", a / b }'); fi
    echo "| $label | $med ($lo-$hi) | $ratio |"
  done
  if [ -n "$torch_wide" ]; then
    IFS='|' read -r med lo hi <<< "$torch_wide"
    echo "| PyTorch $($py -c 'import torch; print(torch.__version__)') float32, one intra-op thread | $med ($lo-$hi) | 1 |"
  fi
  echo
  echo "| churn (examples/churn/model.yaml: 100 epochs of 536 batches of 10, validation each epoch) | median (min-max) of $runs |"
  echo "|---|---|"
  read -r m lo hi <<< "$(printf '%s\n' "${churn_train[@]}" | stats)"
  echo "| Lamina training (train_seconds) | $m s ($lo-$hi) |"
  read -r m lo hi <<< "$(printf '%s\n' "${churn_wall[@]}" | stats)"
  echo "| Lamina whole process, wall | $m s ($lo-$hi) |"
  read -r m lo hi <<< "$(printf '%s\n' "${churn_rss[@]}" | stats)"
  echo "| Lamina whole process, peak RSS | $m MB ($lo-$hi) |"
  if [ -n "$torch_churn" ]; then
    IFS='|' read -r m lo hi <<< "$torch_churn"
    echo "| PyTorch training | $m s ($lo-$hi) |"
  fi
  echo
  echo "Physical limits, same run: numpy on the system BLAS, all cores (best of 7), and the cores' vector fma"
  echo "peak (FmaPeak, measured at the end of every round: median (min-max) of $runs):"
  $py bench/gemm_peak.py | sed 's/^RESULT /- /'
  for k in $(awk '{ print $2 }' "$out/fma.txt" | sort -u); do
    echo "- $k $(awk -v k="$k" '$2 == k { print $3 }' "$out/fma.txt" | stats | awk '{ printf "%s (%s-%s)", $1, $2, $3 }')"
  done
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$out/table.md"

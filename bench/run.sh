#!/usr/bin/env bash
# Runs issue 5's two workloads with Lamina's harness and (when Debian's python3-torch is installed)
# with PyTorch on the same exported data, in one go, and prints the ratio table.
#   bench/run.sh [RUNS] [ROWS]        (defaults: 5 runs, 1,000,000 wide rows)
# Lamina runs churn in float64 (its default) and wide in float32 (same precision as PyTorch's
# default) and in float64, with the Vector API kernels (LAMINA_SIMD=0 for the plain-Java ones) and
# the wide products on OpenBLAS when libopenblas0-pthread is installed (LAMINA_BLAS=java for the
# Java kernels).
# Environment: TORCH_DTYPE=float32|float64 (float32), TORCH_THREADS (1: torch's intra-op threads;
# OpenBLAS keeps its own, see bench/pytorch_bench.py), LAMINA_THREADS (processors), LAMINA_SIMD (1),
# LAMINA_BLAS (native|java).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
rows="${2:-1000000}"
data="${BENCH_DATA:-target/bench-data}"
out="${BENCH_OUT:-target/bench-results}"
mkdir -p "$data" "$out"

mvn -o -q package -pl bench -am -DskipTests -Dmaven.javadoc.skip
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
threads=()
if [ -n "${LAMINA_THREADS:-}" ]; then threads=(--threads "$LAMINA_THREADS"); fi

jvm=(--add-modules jdk.incubator.vector)
if [ "${LAMINA_SIMD:-1}" = 0 ]; then jvm=(); fi
jvm+=(-Dlamina.blas="${LAMINA_BLAS:-native}")

java -cp "$cp" dev.lamina.bench.EndToEnd --export "$data" --rows "$rows"
echo "== Lamina"
bench() { java "${jvm[@]}" -cp "$cp" dev.lamina.bench.EndToEnd --runs "$runs" --rows "$rows" "${threads[@]}" "$@" 2> >(grep -v "incubator modules" >&2); }
bench --workload churn | tee "$out/lamina.txt"
bench --workload wide --dtype float32 | tee "$out/lamina-wide32.txt"
bench --workload wide --dtype float64 | tee "$out/lamina-wide64.txt"

have_torch=0
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  have_torch=1
  echo "== PyTorch"
  /usr/bin/python3 bench/pytorch_bench.py --data "$data" --runs "$runs" --dtype "${TORCH_DTYPE:-float32}" \
    --threads "${TORCH_THREADS:-1}" \
    | tee "$out/pytorch.txt"
else
  echo "== PyTorch: python3-torch is not installed (apt-get install python3-torch); skipped"
fi

value() { awk -v k="$2" '$1 == "RESULT" && $2 == k { print $4 }' "$1"; }
acc() { awk '$1 == "RESULT" && $2 == "churn_test_accuracy" { print $3 }' "$1"; }
spread() { awk -v k="$2" '$1 == "RESULT" && $2 == k { print $6 "-" $8 }' "$1"; }
echo
echo "| workload | Lamina median (min-max) | PyTorch median (min-max) | Lamina advantage |"
echo "|---|---|---|---|"
lc=$(value "$out/lamina.txt" churn_seconds); lw=$(value "$out/lamina-wide32.txt" wide_samples_per_second)
lw64=$(value "$out/lamina-wide64.txt" wide_samples_per_second)
if [ "$have_torch" = 1 ]; then
  pc=$(value "$out/pytorch.txt" churn_seconds); pw=$(value "$out/pytorch.txt" wide_samples_per_second)
  echo "| churn 11-6-6-1, 100 epochs (s) | $lc ($(spread "$out/lamina.txt" churn_seconds)) | $pc ($(spread "$out/pytorch.txt" churn_seconds)) | $(awk -v a="$pc" -v b="$lc" 'BEGIN { printf "%.1fx faster", a / b }') |"
  echo "| wide 11-256-256-1, 1 epoch (samples/s), Lamina float32 | $lw ($(spread "$out/lamina-wide32.txt" wide_samples_per_second)) | $pw ($(spread "$out/pytorch.txt" wide_samples_per_second)) | $(awk -v a="$lw" -v b="$pw" 'BEGIN { printf "%.2fx", a / b }') |"
  echo "| wide, Lamina float64 | $lw64 ($(spread "$out/lamina-wide64.txt" wide_samples_per_second)) | $pw | $(awk -v a="$lw64" -v b="$pw" 'BEGIN { printf "%.2fx", a / b }') |"
  echo "| churn test accuracy | $(acc "$out/lamina.txt") | $(acc "$out/pytorch.txt") | |"
else
  echo "| churn 11-6-6-1, 100 epochs (s) | $lc | n/a | |"
  echo "| wide 11-256-256-1, 1 epoch (samples/s), float32 | $lw | n/a | |"
  echo "| wide, float64 | $lw64 | n/a | |"
fi

#!/usr/bin/env bash
# Soak test, bounded and on loopback only: wrk cycles valid requests (/v2 infer, 1 and 100 rows) and
# invalid ones (bad JSON, a bad value, an unknown category, a missing column, an unknown model, too
# many rows) for MINUTES minutes at 16 connections, while the server's resident memory is sampled.
# Then /metrics must show every /v2 infer answered 200 and every invalid request its 4xx, no 5xx.
# usage: bench/serve/soak.sh RUN_FOLDER [MINUTES, default 3]   (after mvn package)
set -euo pipefail
cd "$(dirname "$0")/../.."
run=${1:?usage: bench/serve/soak.sh RUN_FOLDER [MINUTES]}
minutes=${2:-3}
port=${PORT:-18081}
tmp=$(mktemp -d)
/usr/bin/python3 bench/serve/bodies.py data/churn.csv "$tmp"
java -Xmx256m -jar builder.jar serve "churn=$run" --port "$port" --max-rows 100 > "$tmp/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
until curl -sf "localhost:$port/v2/health/ready" > /dev/null; do sleep 0.2; done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
BODIES="$tmp" wrk -t2 -c16 -d${minutes}m -s bench/serve/soak.lua "http://127.0.0.1:$port" > "$tmp/wrk.txt" &
wrk_pid=$!
echo "rss_mb over time (every 15 s):"
while kill -0 $wrk_pid 2>/dev/null; do
  printf '%s ' "$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' /proc/$pid/status)"
  sleep 15
done
echo
wait $wrk_pid
grep -E 'Requests/sec|requests in' "$tmp/wrk.txt"
curl -s "localhost:$port/metrics" | grep '^lamina_requests_total' | tee "$tmp/metrics.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if ! grep -q 'endpoint="infer",code="200"' "$tmp/metrics.txt" || ! grep -q 'endpoint="predict",code="4' "$tmp/metrics.txt"; then
  echo "FAIL: the requests did not reach the endpoints"; exit 1
fi
if grep -q 'code="5' "$tmp/metrics.txt"; then echo "FAIL: a 5xx answer"; exit 1; fi
if grep 'endpoint="infer"' "$tmp/metrics.txt" | grep -vq 'code="200"'; then echo "FAIL: a valid request was refused"; exit 1; fi
if grep 'endpoint="predict"' "$tmp/metrics.txt" | grep -q 'code="200"'; then echo "FAIL: an invalid request was accepted"; exit 1; fi
echo "soak ok: every valid request 200, every invalid one 4xx, no 5xx"

#!/usr/bin/env bash
# Server throughput and latency with Debian's wrk on this machine (load generator and server share
# the 2 cores): single-row and 100-row requests, /v1 predict and /v2 infer, at 1, 16 and 64
# keep-alive connections. Prints one line per case and the load average before and after.
# usage: bench/serve/run.sh RUN_FOLDER [SECONDS per case, default 10]   (after mvn package)
set -euo pipefail
cd "$(dirname "$0")/../.."
run=${1:?usage: bench/serve/run.sh RUN_FOLDER [SECONDS]}
secs=${2:-10}
port=${PORT:-18080}
tmp=$(mktemp -d)
/usr/bin/python3 bench/serve/bodies.py data/churn.csv "$tmp"
java -Xmx512m -jar builder.jar serve "churn=$run" --port "$port" > "$tmp/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
until curl -sf "localhost:$port/v2/health/ready" > /dev/null; do sleep 0.2; done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
BODY="$tmp/v1-1.json" wrk -t2 -c16 -d5s -s bench/serve/post.lua "http://127.0.0.1:$port/v1/models/churn/predict" > /dev/null # warm-up
printf '%-7s %-5s %5s %12s %12s %9s %9s %8s\n' api rows conns requests/s rows/s p50 p99 non-2xx
for api in v1 v2; do
  path=$([ $api = v1 ] && echo /v1/models/churn/predict || echo /v2/models/churn/infer)
  for rows in 1 100; do
    for c in 1 16 64; do
      t=$([ "$c" = 1 ] && echo 1 || echo 2)
      out=$(BODY="$tmp/$api-$rows.json" wrk -t$t -c$c -d${secs}s --latency -s bench/serve/post.lua "http://127.0.0.1:$port$path")
      rps=$(awk '/^Requests\/sec/ {print $2}' <<< "$out")
      p50=$(awk '$1 == "50%" {print $2}' <<< "$out")
      p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
      bad=$(awk '/Non-2xx/ {print $NF}' <<< "$out")
      printf '%-7s %-5s %5s %12.0f %12.0f %9s %9s %8s\n' $api $rows $c "$rps" "$(awk "BEGIN {print $rps * $rows}")" "$p50" "$p99" "${bad:-0}"
    done
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# The sweep on three engines, on this machine: builder.jar with 2 threads, spark-submit local[2], and
# spark-submit to a 2-worker standalone cluster (master + 2 workers of 1 core each, started here as
# separate JVMs from the Maven jars of Spark, as tests do; started once, before the timings, as a
# real cluster is already up). Runs each engine REPS times, interleaved, and prints per run: the
# training phase (the "N runs in X s" line), the wall time of the whole command (JVM and Spark start,
# data preparation, reports), the load average, and whether sweep.csv equals the threads engine's
# (the seconds column excluded). Medians at the end.
# Usage: scripts/spark-bench.sh [REPS] [extra sweep args, e.g. --epochs 20]
# Needs: mvn -o package -DskipTests -pl core,dsl,spark (builder.jar, spark/target/lamina-spark.jar).
set -euo pipefail
reps=${1:-3}; shift || true
spec=examples/churn/sweep.yaml
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 1; rm -rf "$work"; }
trap cleanup EXIT

# Spark's own runtime class path (what a Spark 4.1.3 distribution's jars/ holds), from Maven.
mkdir -p "$work/dist" "$work/home/jars"
cat > "$work/dist/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>tmp</groupId><artifactId>sparkdist</artifactId><version>1</version>
<dependencies><dependency><groupId>org.apache.spark</groupId><artifactId>spark-core_2.13</artifactId>
<version>4.1.3</version></dependency></dependencies></project>
POM
(cd "$work/dist" && mvn -o -q dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=cp.txt)
for j in $(tr ':' ' ' < "$work/dist/cp.txt"); do ln -sf "$j" "$work/home/jars/"; done
export SPARK_HOME=$work/home SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
log4j=-Dlog4j2.configurationFile=$PWD/spark/src/test/resources/log4j2.properties
submit=(java "$log4j" -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit
  --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 --class dev.lamina.spark.SparkSweep)

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" \
  --webui-port 0 > "$work/master.log" 2>&1 & pids+=($!)
for w in 1 2; do
  java -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1g \
    --webui-port 0 --work-dir "$work/w$w" "spark://127.0.0.1:$port" > "$work/worker$w.log" 2>&1 & pids+=($!)
done
for _ in $(seq 100); do [ "$(grep -c 'Registering worker' "$work/master.log")" -ge 2 ] && break; sleep 0.3; done

run() { # engine rep
  local out=$work/$1-$2 t0 t1 line train same=reference
  t0=$(date +%s.%N)
  case $1 in
    threads) line=$(java -jar builder.jar sweep "$spec" --threads 2 --quiet --out "$out" "${extra[@]}" | tail -1) ;;
    local2) line=$("${submit[@]}" --master 'local[2]' spark/target/lamina-spark.jar "$spec" --quiet --out "$out" \
      "${extra[@]}" 2>/dev/null | tail -1) ;;
    cluster) line=$("${submit[@]}" --master "spark://127.0.0.1:$port" --executor-memory 512m \
      --conf spark.executor.cores=1 --total-executor-cores 2 spark/target/lamina-spark.jar "$spec" --quiet \
      --out "$out" "${extra[@]}" 2>/dev/null | tail -1) ;;
  esac
  t1=$(date +%s.%N)
  train=$(echo "$line" | sed -E 's/.* in ([0-9.]+) s .*/\1/')
  if [ "$1" != threads ]; then
    same=$(python3 - "$work/threads-$2/sweep.csv" "$out/sweep.csv" <<'PY'
import sys
def rows(p):
    lines = open(p).read().splitlines(); i = lines[0].split(",").index("seconds")
    return [",".join(c for k, c in enumerate(l.split(",")) if k != i) for l in lines]
print("same" if rows(sys.argv[1]) == rows(sys.argv[2]) else "DIFFERENT")
PY
)
  fi
  printf '%-8s rep %d  training %6.1f s  wall %6.1f s  load %s  sweep.csv %s\n' "$1" "$2" "$train" \
    "$(echo "$t1 - $t0" | bc)" "$(cut -d' ' -f1 /proc/loadavg)" "$same" | tee -a "$work/results.txt"
}
extra=("$@")
echo "cores $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg), extra args: ${extra[*]:-none}"
for r in $(seq "$reps"); do
  for e in threads local2 cluster; do run "$e" "$r"; done
done
median() { sort -n | awk '{v[NR]=$1} END {printf "%.1f", NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
echo "medians:"
for e in threads local2 cluster; do
  printf '  %-8s training %s s  wall %s s\n' "$e" "$(grep "^$e " "$work/results.txt" | awk '{print $5}' | median)" \
    "$(grep "^$e " "$work/results.txt" | awk '{print $8}' | median)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

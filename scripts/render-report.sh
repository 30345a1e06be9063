#!/usr/bin/env bash
# Renders a sweep report.html the way a person sees it: headless Chromium draws it to a PNG, and
# the script fails when the page logs a console error or a chart is missing.
#
# Usage: scripts/render-report.sh path/to/report.html [out.png]
#   out.png defaults to report.png beside the HTML.
# Checks: Chromium's console log (--enable-logging=stderr) has no error or uncaught exception; the
# rendered DOM has one <svg class="chart"> per "activation:" section (at least one), and every chart
# has a drawn curve (<polyline>) or says why it has none; the PNG exists and is not empty.
# Needs /usr/bin/chromium (Debian: apt-get update && apt-get install -y chromium); CHROMIUM=... overrides.
set -euo pipefail

html=${1:?usage: scripts/render-report.sh report.html [out.png]}
[ -f "$html" ] || { echo "render-report: no such file: $html" >&2; exit 2; }
abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
png=${2:-$(dirname "$abs")/report.png}
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "render-report: $chromium not found; install it with: apt-get update && apt-get install -y chromium" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --hide-scrollbars)

mkdir "$work/p1" "$work/p2"
"$chromium" "${flags[@]}" --user-data-dir="$work/p1" --enable-logging=stderr --v=0 \
  --screenshot="$png" --window-size=1200,3000 "file://$abs" > "$work/shot.out" 2> "$work/console.log" || {
  echo "render-report: chromium failed:" >&2; cat "$work/console.log" >&2; exit 1; }
"$chromium" "${flags[@]}" --user-data-dir="$work/p2" --enable-logging=stderr --v=0 \
  --dump-dom "file://$abs" > "$work/dom.html" 2>> "$work/console.log"

fail=0
if grep -E 'CONSOLE[(:]|Uncaught|ERROR:.*(file://|\.html)' "$work/console.log" | grep -v 'dbus\|gpu\|GPU\|sandbox' > "$work/errors"; then
  echo "render-report: console errors:" >&2; cat "$work/errors" >&2; fail=1
fi
count() { { grep -o "$1" "$work/dom.html" || true; } | wc -l; }
sections=$(count '<h2>activation: [^<]*</h2>\|<h2>All runs</h2>')
charts=$(count '<svg class="chart"')
curves=$(count '<polyline')
empty=$(count 'no finite losses to plot')
echo "render-report: $sections sections, $charts charts, $curves curves ($empty empty charts) -> $png"
if [ "$charts" -lt 1 ] || [ "$charts" -ne "$sections" ]; then
  echo "render-report: expected one chart per section, found $charts charts for $sections sections" >&2; fail=1
fi
if [ "$curves" -lt $((charts - empty)) ]; then
  echo "render-report: some charts have no curve" >&2; fail=1
fi
if [ ! -s "$png" ]; then
  echo "render-report: no screenshot written" >&2; fail=1
fi
exit $fail

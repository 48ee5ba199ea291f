#!/usr/bin/env bash
# Renders an HTML report in a real browser (headless Chromium, Debian package `chromium`,
# installed when missing) at phone and desktop widths, and checks that each PNG is not blank.
#
#   scripts/check-html-report.sh [REPORT.html]     (default: out/coverage.html)
set -euo pipefail
cd "$(dirname "$0")/.."

report=${1:-out/coverage.html}
[ -f "$report" ] || { echo "check-html-report: no report at $report" >&2; exit 1; }
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    chromium >&2
fi

status=0
for size in 412,1600 1280,1600; do
  png="${report%.html}-${size%,*}px.png"
  if ! chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$size" \
    --screenshot="$png" "file://$(realpath "$report")" >"$png.log" 2>&1; then
    echo "check-html-report: chromium failed; see $png.log" >&2
    status=1
    continue
  fi
  python3 scripts/png-not-blank.py "$png" || status=1
done
exit $status

#!/usr/bin/env bash
# Browser tests of `joblens serve` (scripts/browser_tests.py): installs headless Chromium and
# its driver (Debian `chromium`, `chromium-driver`) when missing and Selenium in a venv of its
# own (.venv-browser), builds joblens and the index when they are missing, and runs the tests.
# Screenshots go to out/browser-tests/.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for package in chromium chromium-driver; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "browser-tests: installing ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${missing[@]}" >&2
fi
if [ ! -x .venv-browser/bin/python ] || ! .venv-browser/bin/python -c "import selenium" 2>/dev/null; then
  python3 -m venv .venv-browser
  .venv-browser/bin/pip install -q --disable-pip-version-check "selenium>=4.20,<5"
fi
[ -x .build/release/joblens ] || swift build -c release --product joblens
[ -f Data/index/esco.jlidx ] || .build/release/joblens index build --out Data/index/esco.jlidx

.venv-browser/bin/python scripts/browser_tests.py

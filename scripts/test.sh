#!/usr/bin/env bash
# Runs the test suite (installing the Debian packages it needs when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift test "$@"

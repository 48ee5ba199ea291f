#!/usr/bin/env bash
# Runs the test suite (installing the Debian packages it needs when missing). Tests build in
# release mode: they import and index the whole ESCO download, which takes minutes unoptimised.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift test -c release -Xswiftc -enable-testing "$@"

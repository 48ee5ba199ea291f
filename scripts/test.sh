#!/usr/bin/env bash
# Runs the test suite (installing the Debian packages it needs when missing): the Swift tests,
# then the Python package's (scripts/test-python.sh). Tests build in
# release mode: many import and index the whole ESCO download (../shared/esco/v1.1.1), which
# takes minutes unoptimised; without it they are skipped with a message. The fixture-taxonomy
# unit tests are fast in debug too: `swift test --filter Fixture`.
# The import check makes the build fail when a target imports one it does not depend on, so
# the layering of docs/Architecture.md holds.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift test -c release -Xswiftc -enable-testing --explicit-target-dependency-import-check error "$@"
# The Python package's tests (pytest in a virtual environment of their own), against the
# binary just built; with arguments (a --filter), only the Swift tests run.
if [ $# -eq 0 ]; then
  scripts/test-python.sh
fi

#!/usr/bin/env bash
# Runs the Python package's tests (pytest, python/tests) against the binary built here
# (.build/release/joblens, or $JOBLENS_BINARY), in a virtual environment this script makes
# (.build/python-venv) with pandas and pytest from PyPI. The Spark test is skipped here: pyspark
# is not installed in this environment (scripts/check-spark.sh runs it).
#
#   scripts/test-python.sh [PYTEST ARGUMENTS…]
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.build/python-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check pandas pytest
export JOBLENS_BINARY=${JOBLENS_BINARY:-$PWD/.build/release/joblens}
if [ -z "${JOBLENS_INDEX:-}" ] && [ -f Data/index/esco.jlidx ]; then
  export JOBLENS_INDEX=$PWD/Data/index/esco.jlidx
fi
PYTHONPATH=$PWD/python "$venv/bin/python" -m pytest -q python/tests "$@"

#!/usr/bin/env bash
# The Spark check: PySpark in local mode (local[2], Java 17) runs joblens.spark.classify over
# ../shared/corpus_dev.jsonl through the wheel, each partition through the bundled binary, and
# checks every table against the command line's output, row for row
# (python/tests/test_spark.py). Prints how long it took; .ci/run runs it.
#
# Installs pyspark, pyarrow, pandas and pytest from PyPI into .build/spark-venv, and the wheel
# from dist/ (built by scripts/build-wheel.sh when there is none).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

command -v java >/dev/null || { echo "check-spark: needs Java 17 (java on PATH)" >&2; exit 1; }
venv=.build/spark-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check pyspark pyarrow pandas pytest
wheel=$(ls -t dist/joblens-*.whl 2>/dev/null | head -1 || true)
if [ -z "$wheel" ]; then
  scripts/build-wheel.sh >/dev/null
  wheel=$(ls -t dist/joblens-*.whl | head -1)
fi
"$venv/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps "$wheel"
installed=$(date +%s)

if [ -z "${JOBLENS_INDEX:-}" ] && [ -f Data/index/esco.jlidx ]; then
  export JOBLENS_INDEX=$PWD/Data/index/esco.jlidx
fi
# The installed package, not python/: no PYTHONPATH, and no JOBLENS_BINARY either.
unset PYTHONPATH JOBLENS_BINARY
export PYSPARK_PYTHON=$PWD/$venv/bin/python
"$venv/bin/python" -m pytest -q -p no:cacheprovider --disable-warnings python/tests/test_spark.py -rs
finished=$(date +%s)
echo "spark check: passed in $((finished - installed)) s" \
  "(plus $((installed - started)) s to install pyspark and the wheel)"

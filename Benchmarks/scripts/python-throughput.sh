#!/usr/bin/env bash
# Throughput of the Python package against the command line on ../shared/corpus_dev.jsonl, in one
# run of this script: each round runs `joblens classify CORPUS --out FILE` and then
# `joblens.classify(CORPUS)` (the same binary, the same options; the package streams the
# binary's tables into DataFrames), alternating, and the medians give postings/s for each and
# the ratio (target: the package at least 80% of the command line).
#
#   Benchmarks/scripts/python-throughput.sh [ROUNDS]     (default 5)
#
# The package comes from the wheel in dist/ when there is one (scripts/build-wheel.sh),
# installed into .build/bench-venv; else from python/ with .build/release/joblens.
set -euo pipefail
cd "$(dirname "$0")/../.."

rounds=${1:-5}
corpus=${CORPUS:-../shared/corpus_dev.jsonl}
venv=.build/bench-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check pandas
wheel=$(ls -t dist/joblens-*.whl 2>/dev/null | head -1 || true)
if [ -n "$wheel" ]; then
  "$venv/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps "$wheel"
else
  export PYTHONPATH=$PWD/python JOBLENS_BINARY=${JOBLENS_BINARY:-$PWD/.build/release/joblens}
fi
if [ -z "${JOBLENS_INDEX:-}" ] && [ -f Data/index/esco.jlidx ]; then
  export JOBLENS_INDEX=$PWD/Data/index/esco.jlidx
fi

"$venv/bin/python" - "$corpus" "$rounds" <<'PYTHON'
import os, resource, statistics, subprocess, sys, tempfile, time

import joblens

corpus, rounds = sys.argv[1], int(sys.argv[2])
binary = joblens.binary_path()
out = os.path.join(tempfile.mkdtemp(prefix="joblens-bench-"), "out.jsonl")
cli, package, python_cpu, binary_cpu = [], [], [], []
postings = None
for round in range(rounds):
    started = time.perf_counter()
    subprocess.run([binary, "classify", corpus, "--out", out, "--quiet"], check=True)
    cli.append(time.perf_counter() - started)
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = joblens.classify(corpus)
    package.append(time.perf_counter() - started)
    own_after = resource.getrusage(resource.RUSAGE_SELF)
    children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    python_cpu.append(own_after.ru_utime + own_after.ru_stime - own.ru_utime - own.ru_stime)
    binary_cpu.append(children_after.ru_utime + children_after.ru_stime
                      - children.ru_utime - children.ru_stime)
    postings = len(result.postings)
    print(f"round {round + 1}: command line {cli[-1]:.2f} s, package {package[-1]:.2f} s",
          file=sys.stderr)
cli_rate = postings / statistics.median(cli)
package_rate = postings / statistics.median(package)
cores = os.cpu_count()
print(f"corpus: {corpus} ({postings} postings), {rounds} rounds, {cores} cores, {binary}")
print(f"command line (joblens classify --out FILE): {cli_rate:.0f} postings/s "
      f"(median {statistics.median(cli):.2f} s; {min(cli):.2f}-{max(cli):.2f})")
print(f"Python package (joblens.classify -> DataFrames): {package_rate:.0f} postings/s "
      f"(median {statistics.median(package):.2f} s; {min(package):.2f}-{max(package):.2f})")
print(f"package / command line: {100 * package_rate / cli_rate:.0f}% (target >= 80%)")
print(f"CPU per package run (medians): binary {statistics.median(binary_cpu):.2f} s, "
      f"Python (reading the tables into DataFrames) {statistics.median(python_cpu):.2f} s")
PYTHON

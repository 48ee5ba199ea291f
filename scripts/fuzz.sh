#!/usr/bin/env bash
# Mutation fuzzing of joblens for a bounded time (default 60 s): real postings from
# ../shared/corpus_dev.jsonl and the default curriculum, mutated (bytes, JSON values, line ends,
# gzip, CSV delimiters, HTML, long runs) and run through classify (JSONL, CSV, TSV, gzip,
# directories; two jobs), explain, tokenize, skills and curriculum check. Fails on a crash, a
# hang or closing counts where read != analysed + failed; each failing input is kept under
# out/fuzz/ with its command. CI runs it for 60 s after the tests.
#
#   scripts/fuzz.sh               # 60 seconds
#   scripts/fuzz.sh 3600          # an hour (any number of seconds)
#   scripts/fuzz.sh 600 --seed 7  # repeat a run: the seed is printed at the start
#
# Further options go to scripts/fuzz.py (--timeout, --corpus, --out; see its --help).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
# The flags of scripts/test.sh, so that running this after the tests builds nothing again.
swift build -c release -Xswiftc -enable-testing --explicit-target-dependency-import-check error \
  --product joblens
joblens=".build/release/joblens"
index="${JOBLENS_INDEX:-Data/index/esco.jlidx}"
[ -f "$index" ] || "$joblens" index build --out "$index"

rm -rf out/fuzz
exec python3 scripts/fuzz.py --joblens "$joblens" --index "$index" "$@"

#!/usr/bin/env bash
# Sets up JobLens (Debian packages, release build, the ESCO index) and runs the main job on the
# default data: our sample VA postings analysed against ESCO, then the default VA curriculum
# measured against them.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build -c release --product joblens
joblens=".build/release/joblens"

# The index: built from the ESCO download found at $JOBLENS_ESCO, Data/esco/ or
# ../shared/esco/v1.1.1, with the posting zones learned from the background corpus
# ../shared/corpus_dev.jsonl (or $JOBLENS_BACKGROUND), written to Data/index/esco.jlidx (a few
# seconds), which the commands below read (an installed joblens keeps its index in
# ~/.local/share/joblens/ instead).
"$joblens" index build --out Data/index/esco.jlidx
export JOBLENS_INDEX=Data/index/esco.jlidx

mkdir -p out
# Analyses (JSON Lines with a run manifest first; near-duplicates marked, so that coverage counts
# them once) and a readable summary. Exit status 3 means
# that some records could not be read: they are error records in the output, the job goes on.
"$joblens" classify Data/samples/va-postings.jsonl --dedup --out out/va-postings.analysis.jsonl \
  || [ $? -eq 3 ]
"$joblens" classify Data/samples/va-postings.jsonl --format summary --quiet || [ $? -eq 3 ]
echo "analyses written to out/va-postings.analysis.jsonl"

# Coverage of the default curriculum, from the analyses above: the HTML report, then its
# headline figures and gaps on the terminal.
"$joblens" coverage --curriculum Data/curricula/va-vet.yaml out/va-postings.analysis.jsonl \
  --format html --out out/coverage.html || [ $? -eq 3 ]
{ "$joblens" coverage --curriculum Data/curricula/va-vet.yaml out/va-postings.analysis.jsonl \
  --quiet || [ $? -eq 3 ]; } | sed -n '1,5p;/^Gaps/,/^$/p' | head -20
echo "coverage report: out/coverage.html"

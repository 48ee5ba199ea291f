#!/usr/bin/env bash
# Sets up JobLens (Debian packages, release build) and runs the main job on the default data.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build -c release --product joblens
joblens=".build/release/joblens"

echo "== task phrases of Data/samples/va-posting.txt"
"$joblens" tokenize --phrases --format table Data/samples/va-posting.txt

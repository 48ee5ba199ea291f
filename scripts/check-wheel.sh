#!/usr/bin/env bash
# The Python package's acceptance check: the wheel (scripts/build-wheel.sh) into a new virtual
# environment with pandas, then five lines of Python classify ../shared/corpus_dev.jsonl into
# DataFrames, away from this checkout and offline (the index built into a fresh data
# directory), and the codes are compared with the command line's.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
esco=${JOBLENS_ESCO:-$root/../shared/esco/v1.1.1}
corpus=$root/../shared/corpus_dev.jsonl

[ -n "$(ls dist/joblens-*.whl 2>/dev/null)" ] || scripts/build-wheel.sh >/dev/null
wheel=$(ls -t "$root"/dist/joblens-*.whl | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check "$wheel" pandas

cd "$work"
unset JOBLENS_INDEX JOBLENS_BINARY PYTHONPATH
export XDG_DATA_HOME=$work/data
cat >five_lines.py <<PYTHON
import joblens
joblens.build_index(esco="$esco")
result = joblens.classify("$corpus")
print(result.postings[["id", "isco_code", "isco_label"]].head(), len(result.postings), sep="\n")
result.postings[["id", "isco_code"]].to_csv("python-codes.csv", index=False)
PYTHON
echo "five lines:" && sed 's/^/  /' five_lines.py
"$work/venv/bin/python" five_lines.py

# The command line of the same wheel, on the same corpus.
"$work/venv/bin/joblens" classify "$corpus" --out cli.jsonl --quiet
"$work/venv/bin/python" - <<'PYTHON'
import json, sys
import pandas as pd
python = pd.read_csv("python-codes.csv", dtype=str, keep_default_na=False)
cli = [json.loads(line) for line in open("cli.jsonl", encoding="utf-8")][1:]
codes = [(r["id"], (r.get("isco") or {}).get("code") or "") for r in cli]
same = list(zip(python["id"], python["isco_code"])) == codes
print(f"codes: {len(codes)} postings, {'the same as' if same else 'NOT the same as'} "
      "the command line's")
sys.exit(0 if same else 1)
PYTHON

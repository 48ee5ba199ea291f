#!/usr/bin/env bash
# End-to-end throughput on one core over a non-repeating corpus, beside raw ICU word break over
# the same bytes, in one run: corpus_dev (real postings) plus SYNTHETIC postings made without
# repeats (each sentence spliced from the first half of one corpus_dev sentence and the second
# half of another, chosen with a fixed seed, so the phrase cache has no trivial hits; titles
# likewise spliced). Prints, per binary, CPU seconds of `classify --jobs 1` pinned to one core
# (min and median of RUNS), start-up on empty input, postings/s with and without start-up,
# raw ICU's seconds and postings/s over the same text, and the ratio analysis / raw ICU.
#   Benchmarks/scripts/throughput.sh BINARY INDEX [RUNS] [SYNTHETIC] [BINARY2 INDEX2]
# With a second binary and index, both are run alternately (the machine's load hits both
# alike) and the ratio of their speeds is printed. Needs python3; taskset pins when present.
set -euo pipefail
binary=$1 index=$2
runs=${3:-5}
synthetic=${4:-1000}
binary2=${5:-} index2=${6:-}
shared=${JOBLENS_SHARED:-../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)

python3 - "$shared/corpus_dev.jsonl" "$synthetic" "$work" <<'PY'
import json, random, re, sys
source, count, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
postings = [json.loads(line) for line in open(source, encoding="utf-8") if line.strip()]
rng = random.Random(24)
splitter = re.compile(r"(?<=[.!?])\s+|\n+")
sentences = [s.split() for p in postings for s in splitter.split(p.get("description") or "")]
sentences = [s for s in sentences if len(s) >= 4]
titles = [(p.get("title") or "").split() for p in postings]
titles = [t for t in titles if t]
def splice(pool):
    a, b = rng.choice(pool), rng.choice(pool)
    return a[: len(a) // 2] + b[len(b) // 2 :]
seen = set()
out = []
for p in postings:
    out.append({"id": p["id"], "title": p.get("title") or "", "description": p.get("description") or ""})
    seen.add(out[-1]["description"])
made = 0
while made < count:
    lines = [" ".join(splice(sentences)) for _ in range(rng.randint(8, 40))]
    # Some postings as bullet lists, some as paragraphs, as in the real ones.
    text = "\n".join("- " + l for l in lines) if rng.random() < 0.5 else " ".join(lines)
    if text in seen:
        continue
    seen.add(text)
    out.append({"id": f"synthetic-{made}", "title": " ".join(splice(titles)), "description": text})
    made += 1
with open(f"{work}/corpus.jsonl", "w", encoding="utf-8") as f:
    for p in out:
        f.write(json.dumps(p, ensure_ascii=False) + "\n")
# The bytes the analyser reads, as the Analysis benchmark joins them: title, newline, text.
with open(f"{work}/corpus.txt", "w", encoding="utf-8") as f:
    f.write("\n".join(p["title"] + "\n" + p["description"] for p in out))
PY
: >"$work/empty.jsonl"
postings=$(wc -l <"$work/corpus.jsonl")
bytes=$(wc -c <"$work/corpus.txt")
echo "corpus: $postings postings (corpus_dev + $synthetic spliced), $bytes bytes of text"

cpu() { # binary index input → CPU seconds (user + system) of classify --jobs 1 on one core
  /usr/bin/time -f "%U %S" "${pin[@]}" "$1" classify --quiet --jobs 1 --index "$2" "$3" \
    --out /dev/null 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}'
}
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[1], a[int((NR+1)/2)]}'; }

declare -A times startups
binaries=("$binary")
indexes=("$index")
if [[ -n $binary2 ]]; then
  binaries+=("$binary2")
  indexes+=("$index2")
fi
# Raw ICU through the last binary given (`tokenize --icu-baseline` is newer than 79f130b).
icu_binary=${binaries[-1]}
icu=()
for _ in $(seq "$runs"); do
  for i in "${!binaries[@]}"; do
    times[$i]+="$(cpu "${binaries[$i]}" "${indexes[$i]}" "$work/corpus.jsonl") "
    startups[$i]+="$(cpu "${binaries[$i]}" "${indexes[$i]}" "$work/empty.jsonl") "
  done
  icu+=("$("${pin[@]}" "$icu_binary" tokenize --icu-baseline 3 "$work/corpus.txt" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["cpu_seconds_min"])')")
done
read -r icu_min icu_median <<<"$(stats "${icu[@]}")"
awk -v s="$icu_min" -v n="$postings" -v b="$bytes" 'BEGIN {
  printf "raw ICU word break: %.3f CPU s (min of runs) = %.1f MB/s = %.0f postings/s\n", s, b / s / 1e6, n / s }'
minima=()
for i in "${!binaries[@]}"; do
  # shellcheck disable=SC2086
  read -r t_min t_median <<<"$(stats ${times[$i]})"
  # shellcheck disable=SC2086
  read -r s_min _ <<<"$(stats ${startups[$i]})"
  minima+=("$t_min")
  echo "${binaries[$i]}: classify CPU s ${times[$i]}(start-up on empty input ${startups[$i]})"
  awk -v t="$t_min" -v m="$t_median" -v s="$s_min" -v n="$postings" -v icu="$icu_min" 'BEGIN {
    printf "  min %.2f s, median %.2f s: %.0f postings/s (%.0f without start-up %.2f s)\n", t, m, n / t, n / (t - s), s
    printf "  analysis / raw ICU: %.2f%% (%.2f%% without start-up)\n", 100 * icu / t, 100 * icu / (t - s) }'
done
if [[ ${#minima[@]} == 2 ]]; then
  awk -v o="${minima[0]}" -v n="${minima[1]}" 'BEGIN {printf "second / first speed (minima): %.3f\n", o / n}'
fi

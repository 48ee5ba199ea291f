#!/usr/bin/env bash
# Compares two builds of the analyser on one core: CPU time (user + system) of
# `classify --jobs 1` over the same corpus, the two run alternately RUNS times, so that the
# machine's load hits both alike; prints each run, the minimum and the median of each, and
# the ratio of the minima (how much of the old speed the new keeps).
#   Benchmarks/scripts/compare-analysis.sh OLD_BINARY OLD_INDEX NEW_BINARY NEW_INDEX [RUNS] [CORPUS]
# An old build: `git worktree add /tmp/old REV && (cd /tmp/old && swift build -c release)`,
# with an index that build writes (index formats differ between versions).
set -euo pipefail
old_binary=$1 old_index=$2 new_binary=$3 new_index=$4
runs=${5:-7}
corpus=${6:-../shared/corpus_dev.jsonl}
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
cpu() { # binary index → seconds of CPU
  /usr/bin/time -f "%U %S" "${pin[@]}" "$1" classify --quiet --jobs 1 --index "$2" "$corpus" \
    --out /dev/null 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}'
}
old=() new=()
for _ in $(seq "$runs"); do
  old+=("$(cpu "$old_binary" "$old_index")")
  new+=("$(cpu "$new_binary" "$new_index")")
done
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "min %.2f median %.2f", a[1], a[int((NR+1)/2)]}'; }
echo "old: ${old[*]} ($(stats "${old[@]}") s)"
echo "new: ${new[*]} ($(stats "${new[@]}") s)"
old_min=$(printf '%s\n' "${old[@]}" | sort -n | head -1)
new_min=$(printf '%s\n' "${new[@]}" | sort -n | head -1)
awk -v o="$old_min" -v n="$new_min" 'BEGIN {printf "new speed / old speed (minima): %.3f\n", o / n}'

#!/usr/bin/env bash
# Batch throughput and memory of `joblens classify` on a large corpus built by repeating
# ../shared/corpus_dev.jsonl (ids made unique).
#
#   Benchmarks/scripts/batch-scaling.sh [SIZE_MB] [SCALING_MB]
#
# 1. Scaling: the same SCALING_MB (default 20) corpus with --jobs 1 and --jobs 2, in one run of
#    this script; prints postings/s for each and the ratio.
# 2. Memory: SIZE_MB (default 1024) with --jobs 2 (all cores), sampling the resident memory
#    (VmRSS) every 10 s and printing the peak (VmHWM), so that growth over time shows.
set -euo pipefail
cd "$(dirname "$0")/../.."

size_mb=${1:-1024}
scaling_mb=${2:-20}
corpus=../shared/corpus_dev.jsonl
work=${TMPDIR:-/tmp}/joblens-batch
joblens=.build/release/joblens
mkdir -p "$work"
[ -x "$joblens" ] || swift build -c release --product joblens

# Repeats the corpus until it reaches $1 MB, suffixing ids with the round so that they stay unique.
make_corpus() {
  local target=$(($1 * 1024 * 1024)) out=$2 round=0
  : >"$out"
  while [ "$(stat -c %s "$out")" -lt "$target" ]; do
    sed "s/\"id\": \"\\([^\"]*\\)\"/\"id\": \"\\1-r$round\"/" "$corpus" >>"$out"
    round=$((round + 1))
  done
  head -c "$target" "$out" | sed '$d' >"$out.tmp" && mv "$out.tmp" "$out"
}

seconds() { date +%s.%N; }

make_corpus "$scaling_mb" "$work/scaling.jsonl"
records=$(wc -l <"$work/scaling.jsonl")
for jobs in 1 2; do
  start=$(seconds)
  "$joblens" classify "$work/scaling.jsonl" --text-field description --jobs "$jobs" --quiet \
    --out /dev/null
  end=$(seconds)
  rate[$jobs]=$(echo "$records / ($end - $start)" | bc -l)
  printf 'jobs %d: %d postings in %.1f s = %.0f postings/s\n' "$jobs" "$records" \
    "$(echo "$end - $start" | bc -l)" "${rate[$jobs]}"
done
printf 'scaling --jobs 2 / --jobs 1: %.2f\n' "$(echo "${rate[2]} / ${rate[1]}" | bc -l)"

make_corpus "$size_mb" "$work/large.jsonl"
records=$(wc -l <"$work/large.jsonl")
echo "memory run: $records postings, $(du -m "$work/large.jsonl" | cut -f1) MB, --jobs 2"
start=$(seconds)
"$joblens" classify "$work/large.jsonl" --text-field description --jobs 2 --quiet \
  --out /dev/null &
pid=$!
peak=0
while kill -0 "$pid" 2>/dev/null; do
  sleep 10
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status" 2>/dev/null || echo 0)
  hwm=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status" 2>/dev/null || echo "$peak")
  [ -n "$hwm" ] && peak=$hwm
  [ -n "$rss" ] && printf '  %6.0f s  resident %s MB\n' "$(echo "$(seconds) - $start" | bc -l)" "$rss"
done
wait "$pid"
end=$(seconds)
printf 'memory run: %.0f s, %.0f postings/s, peak resident %s MB\n' "$(echo "$end - $start" | bc -l)" \
  "$(echo "$records / ($end - $start)" | bc -l)" "$peak"

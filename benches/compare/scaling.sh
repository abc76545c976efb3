#!/usr/bin/env bash
# Throughput of `tag --jsonl` by thread count, and peak RSS.
#
#   benches/compare/scaling.sh [CORPUS.jsonl] [RUNS] [THREADS...]
#
# CORPUS defaults to ../shared/bench/news.jsonl, RUNS to 5, THREADS to
# "1 2". Prints a Markdown table: median wall seconds, MB/s of input file
# and of article text, speed-up over the first thread count, largest peak
# RSS (GNU time). Output goes to /dev/null. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/../.."

corpus="${1:-../shared/bench/news.jsonl}"
runs="${2:-5}"
shift $(($# > 2 ? 2 : $#))
threads=("$@")
[ ${#threads[@]} -eq 0 ] && threads=(1 2)
time_bin=/usr/bin/time
if [ ! -x "$time_bin" ]; then
    echo "scaling.sh: needs GNU time (apt-get install -y time)" >&2
    exit 2
fi

cargo build --release --quiet --example tag >&2
tag=target/release/examples/tag
file_bytes=$(stat -c %s "$corpus")
text_bytes=$(python3 -c '
import json, sys
n = 0
for line in open(sys.argv[1], "rb"):
    try:
        t = json.loads(line).get("text")
    except Exception:
        continue
    if isinstance(t, str):
        n += len(t.encode("utf-8"))
print(n)' "$corpus")

echo "corpus $corpus: $file_bytes bytes of file, $text_bytes bytes of text;" \
    "$(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)" >&2
echo "| threads | median s | MB/s (file) | MB/s (text) | speed-up | peak RSS MB |"
echo "| --- | --- | --- | --- | --- | --- |"
base=""
for t in "${threads[@]}"; do
    secs=()
    rss=0
    for _ in $(seq "$runs"); do
        start=$(date +%s.%N)
        kb=$("$time_bin" -f "%M" "$tag" --jsonl --quiet --threads "$t" "$corpus" 2>&1 >/dev/null | tail -1)
        end=$(date +%s.%N)
        secs+=("$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')")
        [ "$kb" -gt "$rss" ] && rss="$kb"
    done
    median=$(printf '%s\n' "${secs[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    [ -z "$base" ] && base="$median"
    awk -v t="$t" -v s="$median" -v f="$file_bytes" -v x="$text_bytes" -v b="$base" -v r="$rss" \
        'BEGIN { printf "| %s | %.2f | %.1f | %.1f | %.2f× | %.0f |\n", t, s, f/1e6/s, x/1e6/s, b/s, r/1024 }'
done

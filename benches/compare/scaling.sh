#!/usr/bin/env bash
# Throughput of `tag --jsonl` by thread count, and peak RSS.
#
#   benches/compare/scaling.sh [CORPUS.jsonl] [RUNS] [THREADS...]
#
# CORPUS defaults to ../shared/bench/news.jsonl, RUNS to 5, THREADS to
# "1 2". Prints a Markdown table: median wall seconds, MB/s of input file
# and of article text, speed-up over the first thread count, median CPU
# seconds (user + sys, all threads) and the text MB per CPU second, largest
# peak RSS (GNU time). Output goes to /dev/null. Not part of CI.
#
# On a busy machine the wall-clock figures say little (the process does not
# get its cores); CPU seconds are steadier: with one tagging thread, text MB
# per CPU second is close to what an idle core gives, and equal CPU seconds
# for 1 and 2 threads mean the threads add no work of their own.
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
echo "| threads | median s | MB/s (file) | MB/s (text) | speed-up | CPU s | text MB per CPU s | peak RSS MB |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
base=""
for t in "${threads[@]}"; do
    secs=()
    cpus=()
    rss=0
    for _ in $(seq "$runs"); do
        start=$(date +%s.%N)
        res=$("$time_bin" -f "%M %U %S" "$tag" --jsonl --quiet --threads "$t" "$corpus" 2>&1 >/dev/null | tail -1)
        end=$(date +%s.%N)
        read -r kb user sys <<<"$res"
        cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')")
        secs+=("$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')")
        [ "$kb" -gt "$rss" ] && rss="$kb"
    done
    median=$(printf '%s\n' "${secs[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    cpu=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    [ -z "$base" ] && base="$median"
    awk -v t="$t" -v s="$median" -v f="$file_bytes" -v x="$text_bytes" -v b="$base" -v r="$rss" -v c="$cpu" \
        'BEGIN { printf "| %s | %.2f | %.1f | %.1f | %.2f× | %.2f | %.1f | %.0f |\n", t, s, f/1e6/s, x/1e6/s, b/s, c, x/1e6/c, r/1024 }'
done

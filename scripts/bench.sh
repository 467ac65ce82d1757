#!/usr/bin/env bash
# Benchmarks essay-grader in a release build against the performance targets:
#   batch: COUNT essays of ~600 words graded to XML reports on disk in at most 3x
#          the time `wc -w` takes over the same files (measured in the same run);
#   memory: peak resident memory at most 200 MB, for COUNT and for 10x COUNT essays;
#   self-check: `essay-grader check ESSAY`, process start to exit, at most 50 ms.
# Usage: scripts/bench.sh [COUNT=5000] [--scaling]
# --scaling also grades 10x COUNT essays and one 50 MB essay (slow: minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-5000}
scaling=${2:-}
work=$(mktemp -d /tmp/essay-grader-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

swift build -c release >/dev/null
tool=.build/release/essay-grader
python3 scripts/make-corpus.py --count "$count" --out "$work/corpus"
files=$(find "$work/corpus" -name '*.txt' | wc -l)
bytes=$(find "$work/corpus" -name '*.txt' -print0 | xargs -0 cat | wc -c)
words=$(find "$work/corpus" -name '*.txt' -print0 | xargs -0 cat | wc -w)

# Best of three runs each, caches warm.
best() { sort -n | sed -n 1p; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }
wc_time=$(for i in 1 2 3; do seconds sh -c "find '$work/corpus' -name '*.txt' -print0 | xargs -0 wc -w"; done | best)
grade_runs=()
for i in 1 2 3; do
    rm -rf "$work/out"
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$tool" grade "$work/corpus" --format xml --output "$work/out" --quiet
    grade_runs+=("$(cat "$work/time.txt")")
done
grade_time=$(printf '%s\n' "${grade_runs[@]}" | sort -n | head -1 | cut -d' ' -f1)
grade_rss_kb=$(printf '%s\n' "${grade_runs[@]}" | sort -n | head -1 | cut -d' ' -f2)
reports=$(find "$work/out" -name '*.xml' | wc -l)
report_bytes=$(find "$work/out" -name '*.xml' -print0 | xargs -0 cat | wc -c)

# The disk's own floor: writing as many files of the same average size, each to a
# temporary name then renamed (as reports are), with nothing else to do.
floor_time=$(python3 - "$work/floor" "$reports" "$report_bytes" <<'PY'
import os, sys, time
folder, count, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(folder, exist_ok=True)
data = b"x" * max(1, total // max(1, count))
start = time.perf_counter()
for i in range(count):
    temporary, final = os.path.join(folder, ".r%d.tmp" % i), os.path.join(folder, "r%d.xml" % i)
    with open(temporary, "wb") as f:
        f.write(data)
    os.rename(temporary, final)
print("%.3f" % (time.perf_counter() - start))
PY
)

# The same grading with reports on tmpfs, when there is one: the grader's own speed.
tmpfs_time=""
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    shm=$(mktemp -d /dev/shm/essay-grader-bench.XXXXXX)
    tmpfs_time=$(for i in 1 2 3; do rm -rf "$shm/out"; seconds "$tool" grade "$work/corpus" --format xml --output "$shm/out" --quiet; done | best)
    rm -rf "$shm"
fi

one=$(find "$work/corpus" -name '*.txt' | sort | sed -n 1p)
check_ms=$(for i in $(seq 1 20); do seconds "$tool" check "$one"; done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] * 1000}')

ratio=$(echo "scale=2; $grade_time / $wc_time" | bc)
rss_mb=$(echo "scale=1; $grade_rss_kb / 1024" | bc)
verdict() { if [ "$(echo "$1" | bc)" = 1 ]; then echo "met"; else echo "NOT met"; fi; }

printf '\nessay-grader benchmark (%s cores)\n' "$(nproc)"
printf 'corpus: %d essays, %d words, %.1f MB\n' "$files" "$words" "$(echo "$bytes / 1000000" | bc -l)"
printf 'wc -w:        %6.3f s\n' "$wc_time"
printf 'grade → xml:  %6.3f s  %6.0f essays/s  %5.1f MB/s  (%d reports)\n' "$grade_time" \
    "$(echo "$files / $grade_time" | bc -l)" "$(echo "$bytes / 1000000 / $grade_time" | bc -l)" "$reports"
printf 'ratio to wc -w: %sx (target ≤ 3x: %s)\n' "$ratio" "$(verdict "$ratio <= 3")"
printf '  disk floor:   %6.3f s to write %d files of that size, temp + rename, nothing else (%.1fx wc -w)\n' \
    "$floor_time" "$reports" "$(echo "$floor_time / $wc_time" | bc -l)"
if [ -n "$tmpfs_time" ]; then
    printf '  on tmpfs:     %6.3f s, %.1fx wc -w (the grader without the disk)\n' "$tmpfs_time" "$(echo "$tmpfs_time / $wc_time" | bc -l)"
fi
printf 'peak memory:  %s MB (target ≤ 200 MB: %s)\n' "$rss_mb" "$(verdict "$rss_mb <= 200")"
printf 'self-check:   %s ms median of 20 (target ≤ 50 ms: %s)\n' "$check_ms" "$(verdict "$check_ms <= 50")"

if [ "$scaling" = "--scaling" ]; then
    big=$((count * 10))
    python3 scripts/make-corpus.py --count "$big" --out "$work/corpus10"
    rm -rf "$work/out10"
    /usr/bin/time -f "%e %M" -o "$work/time10.txt" "$tool" grade "$work/corpus10" --format xml --output "$work/out10" --quiet
    read -r t10 m10 < "$work/time10.txt"
    printf 'scaling: %d essays in %s s (%.2fx the time for 10x the essays), peak %.1f MB\n' "$big" "$t10" \
        "$(echo "$t10 / $grade_time" | bc -l)" "$(echo "$m10 / 1024" | bc -l)"
    python3 scripts/make-corpus.py --single-mb 50 --out "$work/huge"
    /usr/bin/time -f "%e %M" -o "$work/timehuge.txt" "$tool" check "$work/huge/huge.txt" --format xml >/dev/null
    read -r th mh < "$work/timehuge.txt"
    printf 'one 50 MB essay: %s s, peak %.1f MB\n' "$th" "$(echo "$mh / 1024" | bc -l)"
fi

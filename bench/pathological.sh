#!/usr/bin/env bash
# Linear-time check: writes the adversarial inputs of ../shared/commonmark/pathological.py
# at scale 1 and 2 and times `galley check` (release build) on each, best of 3 runs.
# Prints: pattern, bytes at scale 1, seconds at scale 1 and 2, and their ratio
# (about 2 for linear work; 4 would be quadratic).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release >/dev/null
galley=$PWD/.build/release/galley
work=${TMPDIR:-/tmp}/galley-pathological
rm -rf "$work"
python3 ../shared/commonmark/pathological.py "$work/1" --scale 1 >/dev/null
python3 ../shared/commonmark/pathological.py "$work/2" --scale 2 >/dev/null

best() {  # best wall time of 3 runs, in seconds
    local best=999
    for _ in 1 2 3; do
        local s e t
        s=$(date +%s.%N)
        "$galley" check "$1" >/dev/null 2>&1 || true
        e=$(date +%s.%N)
        t=$(echo "$e - $s" | bc)
        best=$(echo "if ($t < $best) $t else $best" | bc)
    done
    echo "$best"
}

printf "%-62s %10s %8s %8s %6s\n" pattern bytes "t1 (s)" "t2 (s)" ratio
for f in "$work"/1/*.md; do
    name=$(basename "$f")
    t1=$(best "$f")
    t2=$(best "$work/2/$name")
    ratio=$(echo "scale=2; if ($t1 > 0.005) $t2 / $t1 else 0" | bc)
    printf "%-62s %10s %8.3f %8.3f %6s\n" "$name" "$(stat -c %s "$f")" "$t1" "$t2" "$ratio"
done

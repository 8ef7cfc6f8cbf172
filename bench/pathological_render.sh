#!/usr/bin/env bash
# Linear-time check of the renderer: writes the adversarial inputs of
# ../shared/commonmark/pathological.py at scale 1 and 2 and times `galley render` on each
# in a release build, best of 3 runs. Prints: pattern, bytes at scale 1, how much larger
# the scale-2 input is (2 for most, 4 for the backtick patterns), seconds at scale 1 and 2,
# and their ratio (about the size factor for linear work, its square for quadratic work).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release >/dev/null
galley=$PWD/.build/release/galley
work=${TMPDIR:-/tmp}/galley-pathological-render
rm -rf "$work"
python3 ../shared/commonmark/pathological.py "$work/1" --scale 1 >/dev/null
python3 ../shared/commonmark/pathological.py "$work/2" --scale 2 >/dev/null

best() {  # best wall time of 3 runs of `galley render $1`, in seconds
    local best=999
    for _ in 1 2 3; do
        local s e t
        s=$(date +%s.%N)
        "$galley" render "$1" >/dev/null 2>&1 || true
        e=$(date +%s.%N)
        t=$(echo "$e - $s" | bc)
        best=$(echo "if ($t < $best) $t else $best" | bc)
    done
    echo "$best"
}

printf "%-58s %9s %6s %9s %9s %6s\n" pattern bytes "size x" "render t1" "render t2" ratio
for f in "$work"/1/*.md; do
    name=$(basename "$f")
    t1=$(best "$f")
    t2=$(best "$work/2/$name")
    ratio=$(echo "scale=2; if ($t1 > 0.005) $t2 / $t1 else 0" | bc)
    b1=$(stat -c %s "$f")
    grow=$(echo "scale=1; $(stat -c %s "$work/2/$name") / $b1" | bc)
    printf "%-58s %9s %6s %9.3f %9.3f %6s\n" "$name" "$b1" "$grow" "$t1" "$t2" "$ratio"
done

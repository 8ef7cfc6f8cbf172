#!/usr/bin/env bash
# Linear-time check: writes the adversarial inputs of ../shared/commonmark/pathological.py
# at scale 1 and 2 and times, in a release build, best of 3 runs each:
#   - `galley scan`: the whole scanner (blocks, then inlines and emphasis for every
#     paragraph), which `check` only runs as far as the enabled rules ask;
#   - `galley check` with the default rules.
# Prints: pattern, bytes at scale 1, how much larger the scale-2 input is (2 for most;
# 4 for the backtick patterns, whose size grows with the square of the repetitions),
# seconds at scale 1 and 2 and their ratio for scan (about the size factor for linear
# work, its square for quadratic work), and check's seconds at scale 1 and 2.
# Then the same for the rules' own adversarial inputs (bench/rule_pathological.py), where
# the ratio is that of check.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release >/dev/null
galley=$PWD/.build/release/galley
work=${TMPDIR:-/tmp}/galley-pathological
rm -rf "$work"
python3 ../shared/commonmark/pathological.py "$work/1" --scale 1 >/dev/null
python3 ../shared/commonmark/pathological.py "$work/2" --scale 2 >/dev/null

best() {  # best wall time of 3 runs of `galley $1 $2`, in seconds
    local best=999
    for _ in 1 2 3; do
        local s e t
        s=$(date +%s.%N)
        "$galley" "$1" "$2" >/dev/null 2>&1 || true
        e=$(date +%s.%N)
        t=$(echo "$e - $s" | bc)
        best=$(echo "if ($t < $best) $t else $best" | bc)
    done
    echo "$best"
}

printf "%-58s %9s %6s %8s %8s %6s %9s %9s\n" pattern bytes "size x" "scan t1" "scan t2" ratio "check t1" "check t2"
for f in "$work"/1/*.md; do
    name=$(basename "$f")
    t1=$(best scan "$f")
    t2=$(best scan "$work/2/$name")
    c1=$(best check "$f")
    c2=$(best check "$work/2/$name")
    ratio=$(echo "scale=2; if ($t1 > 0.005) $t2 / $t1 else 0" | bc)
    b1=$(stat -c %s "$f")
    grow=$(echo "scale=1; $(stat -c %s "$work/2/$name") / $b1" | bc)
    printf "%-58s %9s %6s %8.3f %8.3f %6s %9.3f %9.3f\n" "$name" "$b1" "$grow" "$t1" "$t2" "$ratio" "$c1" "$c2"
done

python3 bench/rule_pathological.py "$work/rules1" --scale 1
python3 bench/rule_pathological.py "$work/rules2" --scale 2
echo
printf "%-58s %9s %9s %9s %6s\n" "rule input" bytes "check t1" "check t2" ratio
for f in "$work"/rules1/*.md; do
    name=$(basename "$f")
    c1=$(best check "$f")
    c2=$(best check "$work/rules2/$name")
    ratio=$(echo "scale=2; if ($c1 > 0.005) $c2 / $c1 else 0" | bc)
    printf "%-58s %9s %9.3f %9.3f %6s\n" "$name" "$(stat -c %s "$f")" "$c1" "$c2" "$ratio"
done

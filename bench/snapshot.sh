#!/usr/bin/env bash
# Records what a galley binary reports and writes, to compare two builds byte for byte
# (a refactoring must not change them):
#
#   bench/snapshot.sh GALLEY OUTDIR      then   diff -r OUTDIR-before OUTDIR-after
#
# FIXTURES=DIR takes the fixtures from DIR (the same inputs for both builds).
#
# Inputs: the seed post, every fixture, and generated 1,000-post corpora (plain and
# --migration, seed 1) in $TMPDIR. For each: `check` in every format, `--statistics`, `fix --diff`,
# `--write-baseline`, and the bytes
# after `fix` and `fix --unsafe-fixes` on a copy (as a sha256 list and the fixed files).
set -uo pipefail
galley=$(realpath "$1")
out=$(realpath -m "$2")
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=${TMPDIR:-/tmp}
rm -rf "$out" && mkdir -p "$out"
for kind in plain migration; do
    dir="$tmp/galley-snapshot-$kind"
    if [ ! -d "$dir/_posts" ]; then
        flag=""; [ "$kind" = migration ] && flag=--migration
        python3 "$repo/../shared/bench/gen_corpus.py" --out "$dir" --files 1000 --seed 1 $flag >/dev/null
    fi
done
work=$(mktemp -d "$tmp/galley-snap.XXXXXX")
mkdir "$work/seed" && cp "$repo/../shared/seed/000_d78fb32e70f7dcdf.txt" "$work/seed/seed.md"
cp -r "${FIXTURES:-$repo/fixtures}" "$work/fixtures"
cp -r "$tmp/galley-snapshot-plain" "$work/plain"
cp -r "$tmp/galley-snapshot-migration" "$work/migration"
snap() {  # name, directory to run in, path argument
    local name=$1 dir=$2 arg=$3
    (cd "$dir" && "$galley" check --no-git "$arg" > "$out/$name.check.txt" 2>&1; echo "exit $?" >> "$out/$name.check.txt")
    (cd "$dir" && "$galley" check --no-git --format json "$arg" > "$out/$name.check.json" 2>/dev/null)
    for format in sarif github junit; do
        (cd "$dir" && "$galley" check --no-git --format $format "$arg" > "$out/$name.check.$format" 2>&1; echo "exit $?" >> "$out/$name.check.$format")
    done
    (cd "$dir" && "$galley" check --no-git --statistics --format json "$arg" > "$out/$name.statistics.txt" 2>&1)
    (cd "$dir" && "$galley" fix --no-git --diff "$arg" > "$out/$name.diff" 2>&1; echo "exit $?" >> "$out/$name.diff")
    (cd "$dir" && "$galley" check --no-git --write-baseline "$out/$name.baseline.json" "$arg" > /dev/null 2>&1)
    for level in safe unsafe; do
        local copy="$work/copy-$name-$level"
        rm -rf "$copy" && cp -r "$dir" "$copy"
        local flag=""; [ "$level" = unsafe ] && flag=--unsafe-fixes
        (cd "$copy" && "$galley" fix --no-git $flag "$arg" > "$out/$name.fix-$level.txt" 2>&1; echo "exit $?" >> "$out/$name.fix-$level.txt")
        (cd "$copy" && find . -type f \( -name '*.md' -o -name '*.markdown' \) -print0 | sort -z | xargs -0 sha256sum) > "$out/$name.fix-$level.sha256"
    done
}
snap seed "$work/seed" seed.md
snap fixtures "$work/fixtures" .
snap plain "$work/plain" _posts
snap migration "$work/migration" _posts
sed -i "s#$work#WORK#g" "$out"/*
rm -rf "$work"
echo "snapshot of $galley in $out: $(ls "$out" | wc -l) files"

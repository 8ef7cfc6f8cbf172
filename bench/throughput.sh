#!/usr/bin/env bash
# Scanner throughput on a large generated corpus (release build), beside the time `cat`
# takes to read the same files:
#   - `galley scan`: the whole scanner (blocks, inlines, emphasis) on every file, one core;
#   - `galley check`: the default rules on both cores (inlines only as far as rules ask).
#
#   bench/throughput.sh [FILES]     (default 20000; needs hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-20000}
out=${TMPDIR:-/tmp}/galley-corpus-$files
swift build -c release >/dev/null
galley=$PWD/.build/release/galley
[ -d "$out/_posts" ] || python3 ../shared/bench/gen_corpus.py --out "$out" --files "$files" --seed 1 >/dev/null
bytes=$(find "$out/_posts" -name '*.md' -printf '%s\n' | awk '{s += $1} END {print s}')
echo "corpus: $files posts, $bytes bytes"
cd "$out"
hyperfine --warmup 1 --runs 5 -i --export-json /tmp/galley-throughput.json \
    "find _posts -name '*.md' -print0 | xargs -0 cat > /dev/null" \
    "$galley scan _posts/*.md > /dev/null" \
    "$galley check _posts > /dev/null"
python3 - "$bytes" <<'PY'
import json, sys
size = int(sys.argv[1])
for r in json.load(open("/tmp/galley-throughput.json"))["results"]:
    print(f"{r['mean']:.3f} s  {size / r['mean'] / 1e6:7.1f} MB/s  {r['command']}")
PY

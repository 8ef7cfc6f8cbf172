#!/usr/bin/env bash
# Times `galley check` and `galley fix` on a generated corpus of Ghost-export posts
# (../shared/bench/gen_corpus.py) in a release build, reports peak memory, and
# compares the findings per rule with the generator's ground truth.
#
#   bench/corpus.sh [FILES]        (default 1000; needs hyperfine: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-1000}
out=${TMPDIR:-/tmp}/galley-corpus-$files
shared=../shared

swift build -c release >/dev/null
galley=$PWD/.build/release/galley
rm -rf "$out" "$out-migration"
python3 "$shared/bench/gen_corpus.py" --out "$out" --files "$files" --seed 1 >/dev/null
echo "corpus: $files posts, $(du -sh "$out/_posts" | cut -f1), $(find "$out/_posts" -name '*.md' | wc -l) files"

# From the corpus's directory, so that its content/images tree is the site of missing-image.
repo=$PWD
cd "$out"
hyperfine --warmup 2 --runs 10 -i \
    "$galley check _posts" \
    "$galley check --jobs 1 _posts" \
    --prepare "rm -rf fix && cp -r _posts fix" \
    "$galley fix fix"

echo "peak memory (check):"
/usr/bin/time -f "  %e s wall, %M KB max RSS" "$galley" check _posts >/dev/null || true
cd "$repo"

echo "per file, against the manifest and markdown-it-py:"
python3 bench/compare_corpus.py "$out" "$galley"
echo "mismatched-emphasis, per case, against the manifest:"
python3 bench/emphasis_corpus.py "$out" "$galley"
echo "precision and recall per rule (a --migration corpus of 1,000 posts, and fixtures/):"
python3 bench/precision.py "$galley"

echo "ghost-link-tracking and old-site-link, per file, against a --migration corpus:"
python3 "$shared/bench/gen_corpus.py" --out "$out-migration" --files "$files" --seed 1 --migration >/dev/null
python3 bench/compare_links.py "$out-migration" "$galley" || true

echo "findings per rule (galley) vs ground truth (summary.json):"
(cd "$out" && "$galley" check _posts) | grep -o '\[[a-z-]*\]' | sort | uniq -c || true
python3 - "$out/summary.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))["totals"]
print(f"  nbsp_prose {t['nbsp_prose']} (nbsp_code {t['nbsp_code']} and nbsp_html {t['nbsp_html']} must not be flagged)")
print(f"  kg_markers {t['kg_markers']} (kg_in_code {t['kg_in_code']} must not be flagged)")
PY

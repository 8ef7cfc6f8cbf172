#!/usr/bin/env bash
# What the proof costs (issue #8's budget: check and fix within 1.5x of the build before
# the proof): galley at BASE (default 8dea537, the last commit before the proof) against
# this checkout, on POSTS generated posts (default 5000, seed 1), --jobs 1, hyperfine
# (RUNS runs, default 3). This checkout runs with the rules BASE had (the four rules
# added since are ignored) and with every rule.
#
#   bench/proof_cost.sh [POSTS] [BASE] [RUNS]
#
# Builds BASE in a git worktree under .build-bench/ (kept for later runs), unless
# BASE_GALLEY names a galley binary built from it.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
posts=${1:-5000}
base=${2:-8dea537}
runs=${3:-3}
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install -y hyperfine)" >&2; exit 2; }

swift build -c release --product galley 2>&1 | tail -n 1
main="$root/.build/release/galley"
tree="$root/.build-bench/base-$base"
if [ -n "${BASE_GALLEY:-}" ]; then
    old="$BASE_GALLEY"
elif [ ! -x "$tree/.build/release/galley" ]; then
    rm -rf "$tree"
    git worktree add --force --detach "$tree" "$base" >/dev/null 2>&1 || git worktree add -f "$tree" "$base"
    (cd "$tree" && swift build -c release --product galley 2>&1 | tail -n 1)
fi
old="${BASE_GALLEY:-$tree/.build/release/galley}"

work=$(mktemp -d "${TMPDIR:-/tmp}/galley-proof.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 ../shared/bench/gen_corpus.py --out "$work/site" --files "$posts" --seed 1 >/dev/null
rules="--ignore ghost-card,ghost-rendered-markdown,ghost-link-tracking,old-site-link"
cd "$work/site"
hyperfine --style basic --runs "$runs" -i --export-json "$work/check.json" \
    -n base "$old check --quiet --jobs 1 ." \
    -n "main, base rules" "$main check --quiet --jobs 1 $rules ." \
    -n "main, every rule" "$main check --quiet --jobs 1 ." >/dev/null
# fix on a copy, inside the site's folder (the copy is remade before each run)
hyperfine --style basic --runs "$runs" -i --export-json "$work/fix.json" \
    --prepare "rm -rf $work/copy && cp -a $work/site $work/copy" \
    -n base "cd $work/copy && $old fix --quiet --jobs 1 ." \
    -n "main, base rules" "cd $work/copy && $main fix --quiet --jobs 1 $rules ." \
    -n "main, every rule" "cd $work/copy && $main fix --quiet --jobs 1 ." >/dev/null
python3 - "$work" "$posts" "$base" <<'EOF'
import json, sys
work, posts, base = sys.argv[1:]
print(f"{posts} posts (gen_corpus.py --seed 1), --jobs 1, mean of hyperfine runs; user CPU in brackets")
print(f"| command | {base} (before the proof) | main, rules of {base} | main, every rule |")
print("|---|---|---|---|")
for name in ("check", "fix"):
    r = {x["command"]: x for x in json.load(open(f"{work}/{name}.json"))["results"]}
    b = r["base"]
    cells = [f'{b["mean"]:.2f} s (user {b["user"]:.2f} s)']
    for k in ("main, base rules", "main, every rule"):
        m = r[k]
        cells.append(f'{m["mean"]:.2f} s, {m["mean"] / b["mean"]:.2f}x (user {m["user"]:.2f} s, {m["user"] / b["user"]:.2f}x)')
    label = "`check --quiet --jobs 1`" if name == "check" else "`fix --quiet --jobs 1` on a copy"
    print(f"| {label} | " + " | ".join(cells) + " |")
EOF

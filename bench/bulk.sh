#!/usr/bin/env bash
# The bulk-migration budgets of issue 16, measured on the release build:
#
#   bench/bulk.sh [FILES] [MEMORY_SIZES]     (defaults: 20000, "5000 20000"; add 80000 to see it flat further)
#
# Generates (or reuses) $TMPDIR/galley-bulk-N with ../shared/bench/gen_corpus.py --seed 1,
# times with hyperfine (RUNS runs after one warm-up, default 2) and prints the ratios:
#   check --quiet / cat, text / cat, json and sarif / text, --jobs 1 / all cores,
#   one post inside the site (POST_RUNS runs without a shell, default 40: galley as the
#   pre-commit hook runs it, `galley check POST`,
#   with the listing's record of the warm-up run; with --no-cache; with --no-git, which
#   changes nothing for a file but is an option, so the command line goes through
#   ArgumentParser; vs rumdl when rumdl is installed),
#   fix on a copy / (cat of every post + cp -a of the files fix changes),
# then the peak RSS of every format (/usr/bin/time -f %M) and of check and json at each of
# MEMORY_SIZES posts (memory must not grow with the corpus). Needs hyperfine, GNU time.
# Reports go to files in the corpus folder (not /dev/null), so writing them is timed.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
files=${1:-20000}
sizes=${2:-5000 20000}
runs=${RUNS:-2}
tmp=${TMPDIR:-/tmp}
command -v hyperfine >/dev/null || { echo "bulk.sh needs hyperfine (apt-get install -y hyperfine)"; exit 2; }
[ -x /usr/bin/time ] || { echo "bulk.sh needs GNU time (apt-get install -y time)"; exit 2; }
swift build -c release >/dev/null
galley=$repo/.build/release/galley
corpus() {  # N -> folder
    local dir="$tmp/galley-bulk-$1"
    [ -d "$dir/_posts" ] || python3 "$repo/../shared/bench/gen_corpus.py" --out "$dir" --files "$1" --seed 1 >/dev/null
    echo "$dir"
}
dir=$(corpus "$files")
cd "$dir"
find _posts -name '*.md' -print0 | sort -z > all.list
bytes=$(xargs -0 cat < all.list | wc -c)
largest=$(xargs -0 stat -c %s < all.list | sort -n | tail -1)
one=$(tr '\0' '\n' < all.list | sed -n "$(( files < 1000 ? 1 : 1000 ))p")
echo "corpus: $files posts, $bytes bytes, largest $largest bytes; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# The files fix changes, for the fix baseline (cat of every post + cp -a of those).
rm -rf fixcopy && cp -a _posts fixcopy
"$galley" fix --no-git --quiet fixcopy >/dev/null 2>&1 || true
(cd _posts && find . -name '*.md' -print0 | while IFS= read -r -d '' f; do cmp -s "$f" "../fixcopy/$f" || printf '%s\0' "_posts/${f#./}"; done) > changed.list
changed=$(tr -cd '\0' < changed.list | wc -c)
echo "fix changes $changed of $files posts"

have_rumdl=0
# The real binary: pyenv's shim alone takes about 100 ms to start.
rumdl=$( (command -v pyenv >/dev/null && pyenv which rumdl 2>/dev/null) || command -v rumdl || true)
[ -n "$rumdl" ] && have_rumdl=1
cmds=(
    "xargs -0 cat < all.list > /dev/null"
    "$galley check --no-git --quiet _posts > out-quiet.txt"
    "$galley check --no-git _posts > out.txt"
    "$galley check --no-git --format json _posts > out.json"
    "$galley check --no-git --format sarif _posts > out.sarif 2>/dev/null"
    "$galley check --no-git --quiet --jobs 1 _posts > out-quiet1.txt"
)
hyperfine --warmup 1 --runs "$runs" -i --export-json "$tmp/galley-bulk-check.json" "${cmds[@]}" >/dev/null
# One post: milliseconds, so many runs, without a shell (hyperfine discards the output).
post_cmds=("$galley check $one" "$galley check --no-git --no-cache $one" "$galley check --no-git $one")
[ $have_rumdl = 1 ] && post_cmds+=("$rumdl check $one")
hyperfine -N --warmup 5 --runs "${POST_RUNS:-40}" -i --export-json "$tmp/galley-bulk-post.json" "${post_cmds[@]}" >/dev/null
hyperfine --runs "$runs" -i --export-json "$tmp/galley-bulk-fix.json" \
    --prepare "rm -rf fixcopy cpcopy && cp -a _posts fixcopy && sync" \
    "$galley fix --no-git --quiet fixcopy > /dev/null" \
    "xargs -0 cat < all.list > /dev/null && mkdir cpcopy && xargs -0 cp -a --parents -t cpcopy < changed.list" >/dev/null

rss() {  # label, command...: peak resident set in MB
    local label=$1; shift
    local kb
    kb=$(/usr/bin/time -f %M -o "$tmp/galley-bulk-rss.time" "$@" > "$tmp/galley-bulk-rss.out" 2>/dev/null; tail -1 "$tmp/galley-bulk-rss.time")
    echo "$label $kb"
}
{
    for format in text json sarif github junit; do rss "$format" "$galley" check --no-git --format $format _posts; done
    rss quiet "$galley" check --no-git --quiet _posts
    rm -rf fixcopy && cp -a _posts fixcopy
    rss fix "$galley" fix --no-git --quiet --report "$tmp/galley-bulk-report.json" fixcopy
    rss cat sh -c 'xargs -0 cat < all.list' 
    for n in $sizes; do
        d=$(corpus "$n")
        (cd "$d" && rss "check@$n" "$galley" check --no-git --quiet _posts && rss "json@$n" "$galley" check --no-git --format json _posts)
    done
} > "$tmp/galley-bulk-rss.txt" 2>/dev/null

python3 - "$tmp" "$files" "$largest" "$have_rumdl" <<'PY'
import json, sys
tmp, files, largest, have_rumdl = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
check = [r["median"] for r in json.load(open(f"{tmp}/galley-bulk-check.json"))["results"]]
fix = [r["median"] for r in json.load(open(f"{tmp}/galley-bulk-fix.json"))["results"]]
cat, quiet, text, js, sarif, one_core = check[:6]
posts = [r["median"] for r in json.load(open(f"{tmp}/galley-bulk-post.json"))["results"]]
post, post_uncached, post_parsed = posts[:3]
rumdl = posts[3] if have_rumdl else None
rss = {}
for line in open(f"{tmp}/galley-bulk-rss.txt"):
    label, kb = line.split()
    rss[label] = int(kb) / 1024
gate_mb = 64 + 4 * largest / 2**20
print(f"\n| measure ({files:,} posts) | measured | gate | goal |")
print("|---|---|---|---|")
print(f"| `check --quiet` / `cat` | {quiet/cat:.1f}× ({quiet:.2f} s / {cat:.2f} s) | ≤ 5× | ≤ 2× |")
print(f"| text output / `cat` | {text/cat:.1f}× ({text:.2f} s) | ≤ 6× | ≤ 2.5× |")
print(f"| JSON, SARIF / text | {js/text:.2f}×, {sarif/text:.2f}× ({js:.2f} s, {sarif:.2f} s) | ≤ 1.5× | ≤ 1.3× |")
print(f"| `--jobs 1` / all cores | {one_core/quiet:.2f}× ({one_core:.2f} s) | ≥ 1.6× | ≥ 1.8× |")
formats = ", ".join(f"{k} {rss[k]:.0f}" for k in ["quiet", "text", "json", "sarif", "github", "junit", "fix"])
print(f"| peak RSS, MB | {formats} (cat {rss['cat']:.0f}) | ≤ {gate_mb:.0f} (64 + 4× largest file) | flat 5k→80k |")
sizes = sorted({int(k.split('@')[1]) for k in rss if '@' in k})
print("| RSS by corpus size, MB | " + "; ".join(f"{n:,}: check {rss[f'check@{n}']:.0f}, json {rss[f'json@{n}']:.0f}" for n in sizes) + " | flat | flat |")
versus = f" / rumdl {rumdl*1000:.1f} ms" if rumdl else ""
print(f"| one post inside the site (`galley check POST`, the hook) | {post*1000:.1f} ms; through ArgumentParser "
      f"{post_parsed*1000:.1f} ms with --no-git, {post_uncached*1000:.1f} ms with --no-git --no-cache{versus} | ≤ rumdl | ≤ 10 ms |")
print(f"| `fix` on a copy / (`cat` + `cp -a` of the changed files) | {fix[0]/fix[1]:.1f}× ({fix[0]:.2f} s / {fix[1]:.2f} s) | ≤ 5× | ≤ 3× |")
PY
rm -rf fixcopy cpcopy

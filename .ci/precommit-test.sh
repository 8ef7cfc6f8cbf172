#!/usr/bin/env bash
# Proves .pre-commit-hooks.yaml offline: a throwaway git repository uses this checkout
# (cloned, at its HEAD commit) as a pre-commit hook repository. pre-commit builds galley
# with `swift build -c release` in its own clone; then a post with debris makes the
# `galley` hook fail, the `galley-fix` hook rewrites it, and the next run passes.
# Only committed files take part: the clone is of HEAD.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
start=$(date +%s)

if ! command -v pre-commit >/dev/null 2>&1; then
    python3 -m pip install --quiet pre-commit 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages pre-commit
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/galley-precommit.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"  # an empty cache: the hook is built from scratch
git() { command git -c user.name=galley-ci -c user.email=ci@galley.invalid -c init.defaultBranch=main "$@"; }

git clone --quiet "$root" "$work/hookrepo"
rev="$(git -C "$work/hookrepo" rev-parse HEAD)"
pre-commit validate-manifest "$work/hookrepo/.pre-commit-hooks.yaml"

mkdir "$work/site"
cd "$work/site"
git init --quiet .
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hookrepo
    rev: $rev
    hooks:
      - id: galley
      - id: galley-fix
YAML
mkdir -p content/posts
printf -- '---\ntitle: A post\n---\n\nHello&nbsp;world.\n\n<!--kg-card-end: markdown-->\n' > content/posts/bad.md
printf 'Clean notes, not Markdown.&nbsp;\n' > notes.txt
git add -A
git commit --quiet -m "a post with debris"

expect_status() {  # expected-status description command...
    local want=$1 what=$2; shift 2
    local status=0
    "$@" >"$work/out.txt" 2>&1 || status=$?
    if [ "$status" -ne "$want" ]; then
        cat "$work/out.txt" >&2
        echo "precommit-test: $what: expected exit $want, got $status" >&2
        exit 1
    fi
}

# 1. The lint hook alone fails on the bad post and leaves it alone.
expect_status 1 "galley hook on a bad post" pre-commit run galley --all-files
grep -q 'content/posts/bad.md:5:6: warning \[nbsp-entity\]' "$work/out.txt" \
    || { cat "$work/out.txt" >&2; echo "precommit-test: the galley hook did not report the finding" >&2; exit 1; }
grep -q 'notes.txt' "$work/out.txt" && { echo "precommit-test: a .txt file reached the hook" >&2; exit 1; }
git diff --quiet || { echo "precommit-test: the galley hook modified files" >&2; exit 1; }

# 2. The fix hook rewrites the post (pre-commit fails a hook that modifies files).
expect_status 1 "galley-fix hook on a bad post" pre-commit run galley-fix --all-files
grep -q 'files were modified by this hook' "$work/out.txt" \
    || { cat "$work/out.txt" >&2; echo "precommit-test: galley-fix did not modify the post" >&2; exit 1; }
printf -- '---\ntitle: A post\n---\n\nHello world.\n' > "$work/expected.md"
cmp -s content/posts/bad.md "$work/expected.md" \
    || { cat content/posts/bad.md >&2; echo "precommit-test: unexpected fix result" >&2; exit 1; }

# 3. With the fix staged, every hook passes.
git add -A
expect_status 0 "all hooks after the fix" pre-commit run --all-files

echo "precommit-test: passed in $(( $(date +%s) - start )) s (first run includes swift build -c release)"

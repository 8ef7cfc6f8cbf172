#!/usr/bin/env python3
"""Per-file comparison of galley with the ground truth of a generated corpus.

usage: compare_corpus.py CORPUS GALLEY

- findings of nbsp-entity and ghost-card-marker per file (`galley check`) against the
  generator's manifest.jsonl (nbsp_prose, kg_markers), and missing-image's "not found"
  findings against img_missing + fm_img_missing (the corpus has its content/images tree);
- code spans and links per file (`galley scan`) against the manifest;
- fenced code, indented code and HTML blocks per file against markdown-it-py 4.x
  (CommonMark 0.31.2), when it is installed; the manifest counts these its own way.
"""
import collections, json, os, re, subprocess, sys

corpus, galley = sys.argv[1], sys.argv[2]
manifest = {}
for line in open(os.path.join(corpus, "manifest.jsonl")):
    entry = json.loads(line)
    manifest[entry["file"]] = entry
files = sorted(manifest)

check = subprocess.run([galley, "check", *files], cwd=corpus, capture_output=True, text=True).stdout
found = collections.Counter()
for line in check.splitlines():
    m = re.match(r"^(.*?):\d+:\d+: \w+ \[([a-z-]+)\]", line)
    if m:
        found[m.group(1), m.group(2)] += 1
missing = collections.Counter()
for line in check.splitlines():
    m = re.match(r"^(.*?):\d+:\d+: \w+ \[missing-image\] image `.*?` not found", line)
    if m:
        missing[m.group(1)] += 1
wrong = [f for f in files if missing[f] != manifest[f]["img_missing"] + manifest[f]["fm_img_missing"]]
print(f"missing-image (not found): {sum(missing.values())}, ground truth img_missing + fm_img_missing "
      f"{sum(manifest[f]['img_missing'] + manifest[f]['fm_img_missing'] for f in files)}, files that differ: {len(wrong)} {wrong[:3]}")
for rule, key in [("nbsp-entity", "nbsp_prose"), ("ghost-card-marker", "kg_markers")]:
    wrong = [f for f in files if found[f, rule] != manifest[f][key]]
    total = sum(found[f, rule] for f in files)
    print(f"{rule}: {total} findings, ground truth {key} {sum(manifest[f][key] for f in files)}, files that differ: {len(wrong)} {wrong[:3]}")

scan = subprocess.run([galley, "scan", *files], cwd=corpus, capture_output=True, text=True).stdout
rx = re.compile(r"^(.*?): \d+ lines, \d+ blocks \((\d+) fenced, (\d+) indented, (\d+) html, \d+ tables\), "
                r"\d+ definitions, \d+ inline ranges \((\d+) code spans\), (\d+) links")
counts = {}
for line in scan.splitlines():
    m = rx.match(line)
    if m:
        counts[m.group(1)] = [int(g) for g in m.groups()[1:]]
for i, key in [(3, "code_spans"), (4, "links")]:
    wrong = [f for f in files if counts[f][i] != manifest[f][key]]
    print(f"{key}: {sum(counts[f][i] for f in files)}, ground truth {sum(manifest[f][key] for f in files)}, files that differ: {len(wrong)} {wrong[:3]}")

try:
    from markdown_it import MarkdownIt
except ImportError:
    sys.exit("markdown-it-py is not installed: block counts not compared")
md = MarkdownIt("commonmark")
wrong = []
totals = [0, 0, 0]
for f in files:
    text = open(os.path.join(corpus, f), encoding="utf-8-sig").read()
    if text.startswith("---\n"):  # front matter: keep its lines, blank
        end = text.find("\n---\n", 4)
        if end >= 0:
            text = "\n" * text[: end + 5].count("\n") + text[end + 5:]
    tokens = md.parse(text)
    ref = [sum(1 for t in tokens if t.type == k) for k in ("fence", "code_block", "html_block")]
    totals = [a + b for a, b in zip(totals, ref)]
    if ref != counts[f][:3]:
        wrong.append(f)
print(f"fenced/indented/HTML blocks: galley {[sum(counts[f][i] for f in files) for i in range(3)]}, "
      f"markdown-it-py {totals}, files that differ: {len(wrong)} {wrong[:3]}")

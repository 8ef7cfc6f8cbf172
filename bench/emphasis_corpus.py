#!/usr/bin/env python3
"""Precision and recall of mismatched-emphasis on a generated corpus, per case, against
the generator's manifest.jsonl.

usage: emphasis_corpus.py CORPUS GALLEY [--show N]

ME1 (spaced pair, ME1b included) against emph_underscore_wrap + emph_space_inside,
ME4 (leftover escape) against emph_escaped_tail, ME2 (unclosed) against emph_unclosed;
ME3 has no ground truth and is counted. Per file, matches are min(galley, truth); the
rest are extras (false positives) or misses. With --show, prints the lines of up to N
files with extras or misses for each case.
"""
import collections, json, os, re, subprocess, sys

corpus, galley = sys.argv[1], sys.argv[2]
show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
manifest = {json.loads(l)["file"]: json.loads(l) for l in open(os.path.join(corpus, "manifest.jsonl"))}
files = sorted(manifest)

def case(message):
    if "closed by" in message and "cannot close it" in message: return "ME3"
    if message.startswith("escaped"): return "ME4"
    if "never closed" in message or "closes nothing" in message: return "ME2"
    return "ME1"

out = subprocess.run([galley, "check", "--select", "mismatched-emphasis", *files], cwd=corpus,
                     capture_output=True, text=True).stdout
found = collections.Counter()
where = collections.defaultdict(list)
for line in out.splitlines():
    m = re.match(r"^(.*?):(\d+):(\d+): \w+ \[mismatched-emphasis\] (.*)$", line)
    if m:
        c = case(m.group(4))
        found[m.group(1), c] += 1
        where[m.group(1), c].append(int(m.group(2)))

truth_keys = {"ME1": ["emph_underscore_wrap", "emph_space_inside"], "ME4": ["emph_escaped_tail"], "ME2": ["emph_unclosed"]}
for c, keys in truth_keys.items():
    tp = fp = fn = 0
    odd = []
    for f in files:
        g, t = found[f, c], sum(manifest[f][k] for k in keys)
        tp += min(g, t)
        fp += max(0, g - t)
        fn += max(0, t - g)
        if g != t:
            odd.append((f, g, t))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"{c}: galley {tp + fp}, truth {tp + fn}; precision {precision:.4f} ({fp} extra), recall {recall:.4f} ({fn} missed)")
    for f, g, t in odd[:show]:
        lines = open(os.path.join(corpus, f), encoding="utf-8-sig").read().split("\n")
        print(f"  {f}: galley {g}, truth {t}, flagged lines {where[f, c]}")
        for n in where[f, c]:
            print(f"    {n}: {lines[n - 1][:160]}")
print(f"ME3: {sum(found[f, 'ME3'] for f in files)} findings (no ground truth)")

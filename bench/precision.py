#!/usr/bin/env python3
"""Precision and recall per rule: on a generated migration corpus (against its manifest)
and on the real-shaped fixtures (against each case's truth.txt).

usage: precision.py GALLEY [CORPUS]

CORPUS is a directory written by `gen_corpus.py --migration` (default: one is generated
with 1,000 posts, seed 1, in $TMPDIR). Prints a Markdown table. On the corpus:

- mismatched-emphasis against emph_underscore_wrap + emph_space_inside + emph_escaped_tail
  + emph_unclosed; doubled-emphasis against emph_quad (the `****text****` lines);
- nbsp-char against nbsp_char_code (runs in code); a finding in prose is a false alarm
  (the corpus's prose U+00A0 are number-and-unit pairs, nbsp_char, which must stay);
- front-matter-syntax against fm_surrogate, and after `fix --select front-matter-syntax`
  missing-image's "not found" against img_missing + fm_img_missing (run from the
  corpus's directory, so its content/images is the site);
- unclosed-fence: the corpus closes every fence, so any finding is a false alarm.

Per file, matches are min(found, truth); the rest are false alarms or misses.
"""
import collections, json, os, shutil, subprocess, sys, tempfile

galley = os.path.abspath(sys.argv[1])
here = os.path.dirname(os.path.abspath(__file__))
corpus = sys.argv[2] if len(sys.argv) > 2 else None
if corpus is None:
    corpus = os.path.join(tempfile.gettempdir(), "galley-precision-corpus")
    if not os.path.isdir(os.path.join(corpus, "_posts")):
        subprocess.run([sys.executable, os.path.join(here, "..", "..", "shared", "bench", "gen_corpus.py"), "--out", corpus,
                        "--files", "1000", "--seed", "1", "--migration"], check=True, capture_output=True)
manifest = {json.loads(l)["file"]: json.loads(l) for l in open(os.path.join(corpus, "manifest.jsonl"))}
files = sorted(manifest)


def check(cwd, args):
    out = subprocess.run([galley, "check", "--format", "json", *args], cwd=cwd, capture_output=True, text=True).stdout
    return json.loads(out)["findings"]


def score(found, truth):
    tp = sum(min(found[k], truth[k]) for k in set(found) | set(truth))
    fp = sum(max(0, found[k] - truth[k]) for k in set(found) | set(truth))
    fn = sum(max(0, truth[k] - found[k]) for k in set(found) | set(truth))
    return tp, fp, fn


def cell(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"{tp + fn} | {tp + fp} | {p:.1%} | {r:.1%}"


rows = collections.OrderedDict()
findings = check(corpus, files)
per = collections.defaultdict(collections.Counter)
for f in findings:
    per[f["rule"]][f["path"]] += 1
prose_nbsp = collections.Counter(f["path"] for f in findings if f["rule"] == "nbsp-char" and "in code" not in f["message"])


def truth(*keys):
    return collections.Counter({f: sum(manifest[f][k] for k in keys) for f in files})


rows["mismatched-emphasis"] = score(per["mismatched-emphasis"],
                                    truth("emph_underscore_wrap", "emph_space_inside", "emph_escaped_tail", "emph_unclosed"))
rows["doubled-emphasis"] = score(per["doubled-emphasis"], truth("emph_quad"))
rows["nbsp-char"] = score(per["nbsp-char"], truth("nbsp_char_code"))
rows["front-matter-syntax"] = score(per["front-matter-syntax"], truth("fm_surrogate"))
rows["unclosed-fence"] = score(per["unclosed-fence"], collections.Counter())

work = tempfile.mkdtemp()
try:
    copy = os.path.join(work, "c")
    shutil.copytree(corpus, copy)
    subprocess.run([galley, "fix", "--select", "front-matter-syntax", *files], cwd=copy, capture_output=True)
    after = check(copy, ["--select", "front-matter-syntax,missing-image", *files])
    left = sum(1 for f in after if f["rule"] == "front-matter-syntax")
    missing = collections.Counter(f["path"] for f in after if f["rule"] == "missing-image" and "not found" in f["message"])
    rows["missing-image, after the front matter repairs"] = score(missing, truth("img_missing", "fm_img_missing"))
finally:
    shutil.rmtree(work)

# The fixtures: each case with a truth.txt, checked in its own directory.
fixtures = os.path.join(here, "..", "fixtures")
fx = collections.defaultdict(lambda: [0, 0, 0])
cases = 0
for case in sorted(os.listdir(fixtures)):
    tfile = os.path.join(fixtures, case, "truth.txt")
    if not os.path.isfile(tfile):
        continue
    cases += 1
    expected = collections.Counter(tuple(l.split()) for l in open(tfile) if l.strip())
    got = collections.Counter((f"{f['start']['line']}:{f['start']['column']}", f["rule"])
                              for f in check(os.path.join(fixtures, case), ["input.md"]))
    for rule in {r for _, r in expected} | {r for _, r in got}:
        tp, fp, fn = score(collections.Counter({k: v for k, v in got.items() if k[1] == rule}),
                           collections.Counter({k: v for k, v in expected.items() if k[1] == rule}))
        fx[rule][0] += tp; fx[rule][1] += fp; fx[rule][2] += fn

print(f"| rule | corpus: truth | found | precision | recall | fixtures: truth | found | precision | recall |")
print("|---|---|---|---|---|---|---|---|---|")
none = "– | – | – | –"
for rule, s in rows.items():
    name, _, note = rule.partition(",")
    print(f"| `{name}`{',' + note if note else ''} | {cell(*s)} | {cell(*fx[rule]) if rule in fx else none} |")
for rule in sorted(set(fx) - set(rows)):
    print(f"| `{rule}` | {none} | {cell(*fx[rule])} |")
print()
print(f"corpus: {len(files)} posts ({corpus}); nbsp-char findings in prose: {sum(prose_nbsp.values())} "
      f"(the {sum(manifest[f]['nbsp_char'] for f in files)} nbsp_char pairs must stay); "
      f"front-matter-syntax findings left after the repairs: {left}; fixtures: {cases} cases with truth.txt")

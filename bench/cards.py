#!/usr/bin/env python3
"""Ghost cards before and after `galley fix --unsafe-fixes` on a generated migration corpus.

usage: cards.py GALLEY [--files 1000] [--seed 1] [--keep DIR] [--time-files 20000] [--runs 3]

- writes a corpus with ../shared/bench/gen_corpus.py --migration (or $GEN_CORPUS);
- counts each card kind in the files before and after `galley fix --unsafe-fixes`
  (kg card HTML by class, hr cards, html cards of Markdown, markdown cards of rendered
  HTML, `<p></p>` spacers);
- checks that each card's content (manifest.jsonl `cards`) is still in its file: image
  file and alt, caption, bookmark target, title and description, code lines, callout and
  toggle text, button target and text, gallery images, rendered Markdown text and code;
- checks that no `<pre>` is cut by a blank line, no `<hN id=` or `<pre><code` is left,
  and that a second `fix --unsafe-fixes` changes nothing;
- with --time-files N: the time `fix --unsafe-fixes` takes on an N-post corpus with and
  without the two card rules (hyperfine, a fresh copy for every run).
"""
import argparse, collections, hashlib, json, os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.environ.get("GEN_CORPUS", os.path.join(HERE, "..", "..", "shared", "bench", "gen_corpus.py"))

KINDS = [
    ("image", r'class="kg-card kg-image-card'),
    ("gallery", r'class="kg-card kg-gallery-card'),
    ("bookmark", r'class="kg-card kg-bookmark-card'),
    ("code", r'class="kg-card kg-code-card'),
    ("callout", r'class="kg-card kg-callout-card'),
    ("toggle", r'class="kg-card kg-toggle-card'),
    ("button", r'class="kg-card kg-button-card'),
    ("hr", r"<!--kg-card-begin: hr--><hr>|^<hr>$"),
    ("embed (kept)", r'class="kg-card kg-embed-card'),
    ("html card of Markdown", r"<!--kg-card-begin: html-->\["),
    ("rendered markdown card", r"<!--kg-card-begin: markdown--><(?:p|h[1-6]|pre|ul|ol|blockquote)\b"),
    ("<p></p> spacer", r"<p></p>"),
    ("<hN id=", r"<h[1-6] id="),
    ("<pre><code", r"<pre><code"),
]


def read_all(root):
    out = {}
    for dirpath, _, names in os.walk(root):
        for n in names:
            if n.endswith(".md"):
                p = os.path.join(dirpath, n)
                out[os.path.relpath(p, root)] = open(p, encoding="utf-8", newline="").read()
    return out


def count(texts):
    c = collections.Counter()
    for t in texts.values():
        for kind, rx in KINDS:
            c[kind] += len(re.findall(rx, t, re.M))
    return c


def cut_pres(text):
    n = 0
    for m in re.finditer(r"<pre\b", text, re.I):
        end = text.find("</pre>", m.end())
        if end >= 0 and re.search(r"\n[ \t]*\r?\n", text[m.end():end]):
            n += 1
    return n


def plain(text):
    """The file's words with Markdown and HTML markup taken out, whitespace collapsed."""
    t = re.sub(r"</?[A-Za-z][^<>\n]*>", " ", text)
    t = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r" \1 ", t)
    t = t.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ")
    t = re.sub(r"\\(.)", r"\1", t, flags=re.S)
    t = re.sub(r"[*_`>]", " ", t)
    return " ".join(t.replace("\u00a0", " ").split())


def norm(s):
    return " ".join(re.sub(r"[*_`]", " ", s.replace("\u00a0", " ")).split())


def basename(url):
    return url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]


def check_card(card, text, words):
    """The parts of the card that are no longer in the file."""
    lost = []
    k = card["kind"]

    def has_words(s, what):
        if s and norm(s) not in words:
            lost.append(what)

    def has(s, what):
        if s and s not in text:
            lost.append(what)

    if k == "image":
        has(basename(card["src"]), "image file")
        if card.get("alt"):
            has("![%s]" % card["alt"], "alt")
        has_words(card.get("caption"), "caption")
    elif k == "gallery":
        for s in card["srcs"]:
            has(basename(s), "gallery image")
    elif k == "bookmark":
        has(card["href"].split("?ref=")[0], "bookmark target")
        has_words(card["title"], "bookmark title")
        has_words(card["description"], "bookmark description")
    elif k == "code":
        for line in card["code"].splitlines():
            has(line, "code line")
        has_words(card.get("caption"), "code caption")
    elif k == "callout":
        has(card["emoji"], "callout emoji")
        has_words(card["text"], "callout text")
    elif k == "toggle":
        has_words(card["heading"], "toggle heading")
        has_words(card["text"], "toggle text")
    elif k == "button":
        has(card["href"], "button target")
        has_words(card["text"], "button text")
    elif k == "embed":
        has(card["src"], "embed")
    elif k == "html-markdown":
        has(card["src"], "image")
        has(card["href"], "link")
    elif k == "rendered-markdown":
        for part in card["text"]:
            if part.endswith("\n"):
                for line in part.splitlines():
                    has(line, "code line")
            else:
                has_words(part, "text")
    return lost


def digest(root):
    h = hashlib.sha256()
    for p, t in sorted(read_all(root).items()):
        h.update(p.encode() + b"\0" + t.encode() + b"\0")
    return h.hexdigest()


def fix(galley, root):
    r = subprocess.run([galley, "fix", "--unsafe-fixes", "."], cwd=root, capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit("galley fix failed (%d): %s" % (r.returncode, r.stderr[-2000:]))
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("galley")
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep")
    ap.add_argument("--time-files", type=int, default=0)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    galley = os.path.abspath(a.galley)
    work = a.keep or tempfile.mkdtemp(prefix="cards-")
    src, dst = os.path.join(work, "corpus"), os.path.join(work, "fixed")
    shutil.rmtree(src, ignore_errors=True)
    shutil.rmtree(dst, ignore_errors=True)
    subprocess.run([sys.executable, GEN, "--out", src, "--files", str(a.files), "--seed", str(a.seed), "--migration"],
                   check=True, capture_output=True)
    shutil.copytree(src, dst)
    before = read_all(src)
    fix(galley, dst)
    after = read_all(dst)
    b, c = count(before), count(after)
    print("| card | before | after |")
    print("|---|---:|---:|")
    for kind, _ in KINDS:
        print("| %s | %d | %d |" % (kind, b[kind], c[kind]))
    cut_b = sum(cut_pres(t) for t in before.values())
    cut_a = sum(cut_pres(t) for t in after.values())
    print("| `<pre>` cut by a blank line | %d | %d |" % (cut_b, cut_a))

    lost = collections.Counter()
    cards = collections.Counter()
    examples = []
    for line in open(os.path.join(src, "manifest.jsonl")):
        entry = json.loads(line)
        text = after.get(entry["file"], "")
        words = plain(text)
        for card in entry.get("cards", []):
            cards[card["kind"]] += 1
            for what in check_card(card, text, words):
                lost[card["kind"], what] += 1
                if len(examples) < 5:
                    examples.append((entry["file"], card["kind"], what))
    print()
    print("cards in the manifest: %s" % dict(sorted(cards.items())))
    print("content lost: %d %s" % (sum(lost.values()), dict(lost) if lost else ""))
    for e in examples:
        print("  e.g.", e)

    first = digest(dst)
    fix(galley, dst)
    stable = digest(dst) == first
    print("second run changes nothing: %s" % stable)

    if a.time_files:
        big = os.path.join(work, "big")
        shutil.rmtree(big, ignore_errors=True)
        subprocess.run([sys.executable, GEN, "--out", big, "--files", str(a.time_files), "--seed", str(a.seed), "--migration"],
                       check=True, capture_output=True)
        run = os.path.join(work, "run")
        prepare = "rm -rf %s && cp -r %s %s" % (run, big, run)
        cmd = "cd %s && %s fix --unsafe-fixes . > /dev/null; true" % (run, galley)
        without = "cd %s && %s fix --unsafe-fixes --ignore ghost-card,ghost-rendered-markdown . > /dev/null; true" % (run, galley)
        subprocess.run(["hyperfine", "--runs", str(a.runs), "--prepare", prepare, "-n", "with the card rules", cmd,
                        "-n", "without them", without], check=True)
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    bad = cut_a or c["<hN id="] or c["<pre><code"] or sum(lost.values()) or not stable
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

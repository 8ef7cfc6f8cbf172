#!/usr/bin/env python3
"""Does galley's renderer agree with markdown-it-py (CommonMark 0.31.2, `commonmark`
preset with GFM tables) on generated posts and random mutations of them? Prints the
count of agreeing documents and, for each disagreement, the file and the first differing
line. Front matter is cut off before markdown-it sees the body (galley skips it); every
document ends with a line break (see the known disagreement below).

Usage: bench/render_oracle.py GALLEY [--files N] [--seed S] [--mutations K] [--show N]"""
import argparse, os, random, subprocess, sys, tempfile

from markdown_it import MarkdownIt

gen = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../shared/bench/gen_corpus.py")


def body(data):
    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    if text.startswith("---\n") or text.startswith("---\r\n"):
        lines = text.splitlines(keepends=True)
        for i in range(1, len(lines)):
            if lines[i].rstrip("\r\n") in ("---", "..."):
                return "".join(lines[i + 1:])
    return text


def mutate(data, r):
    b = bytearray(data)
    kind = r.randrange(5)
    if kind == 0 and b:
        lines = bytes(b).split(b"\n")
        for _ in range(3):
            i, j = r.randrange(len(lines)), r.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines)
    if kind == 1:
        marks = b"*_[]()!<>#`&;-\\|~\n "
        for _ in range(6):
            i = r.randrange(len(b))
            if b[i] < 0x80:
                b[i] = marks[r.randrange(len(marks))]
        return bytes(b)
    if kind == 2:
        cut = r.randrange(len(b))
        while cut < len(b) and 0x80 <= b[cut] < 0xC0:
            cut += 1
        return bytes(b[:cut])
    if kind == 3:
        return bytes(b).replace(b"\n", b"\r\n", r.randrange(1, 50))
    return bytes(b)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("galley")
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mutations", type=int, default=2)
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("--keep", help="write each disagreeing document into this directory")
    args = ap.parse_args()
    md = MarkdownIt("commonmark").enable("table")
    r = random.Random(args.seed)
    docs = []
    with tempfile.TemporaryDirectory() as out:
        for migration in (False, True):
            d = os.path.join(out, str(migration))
            cmd = [sys.executable, gen, "--out", d, "--files", str(args.files // 2), "--seed", str(args.seed)]
            subprocess.run(cmd + (["--migration"] if migration else []), check=True, stdout=subprocess.DEVNULL)
            for base, _, names in os.walk(d):
                for n in sorted(names):
                    if n.endswith(".md"):
                        data = open(os.path.join(base, n), "rb").read()
                        docs.append((n, data))
                        for k in range(args.mutations):
                            docs.append((f"{n}~{k}", mutate(data, r)))
    agree, shown, unclosed = 0, 0, 0
    for name, data in docs:
        # Known disagreement, left out: front matter that never closes. galley then takes
        # the whole file for front matter (front-matter-syntax reports it, and no rule
        # looks further), where markdown-it sees a thematic break and the rest.
        first = data.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].rstrip(b"\r \t")
        if first == b"---" and body(data) == data.decode("utf-8").lstrip("\ufeff"):
            unclosed += 1
            continue
        # Known disagreement, left out: markdown-it ends a code block at the end of a file
        # without a final line break with no line break; the spec's reference (cmark, and
        # galley) ends every code line with one. A final line break is added for both.
        if not data.endswith(b"\n"):
            data += b"\n"
        # galley skips the front matter itself; markdown-it gets the body.
        ours = subprocess.run([args.galley, "render", "--stdin"], input=data, capture_output=True).stdout.decode()
        theirs = md.render(body(data))
        if ours == theirs:
            agree += 1
            continue
        if args.keep:
            os.makedirs(args.keep, exist_ok=True)
            open(os.path.join(args.keep, name.replace("~", "_")), "wb").write(data)
        if shown < args.show:
            shown += 1
            a, b = ours.splitlines(), theirs.splitlines()
            i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
            print(f"{name}: line {i + 1}\n  galley:      {a[i] if i < len(a) else '(end)'}\n  markdown-it: {b[i] if i < len(b) else '(end)'}")
    compared = len(docs) - unclosed
    print(f"{agree} of {compared} documents render the same ({unclosed} with front matter never closed left out)")
    sys.exit(0 if agree == compared else 1)


main()

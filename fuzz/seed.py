#!/usr/bin/env python3
"""Writes the seed corpora of fuzz/corpus/<target>/ from the repository: the fixtures,
the rule pages (whole and their fenced examples), the CommonMark spec examples
(Tests/Data/commonmark/spec.json), configuration files, and generated posts when
../shared/bench/gen_corpus.py is there. Seeds are named by content hash, so running it
again adds nothing twice. Usage: fuzz/seed.py [--generated N]"""
import argparse, hashlib, json, os, pathlib, re, subprocess, sys, tempfile

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "fuzz" / "corpus"
MAX = 64 * 1024  # libFuzzer's default -max_len is 4096; longer seeds are still read whole


def add(target, data):
    if not data or len(data) > MAX:
        return
    d = corpus / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def markdown(data):
    for t in ("FuzzMarkdown", "FuzzRender", "FuzzFix", "FuzzFrontMatter"):
        add(t, data)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--generated", type=int, default=40)
    args = ap.parse_args()
    for p in sorted((root / "fixtures").rglob("*.md")):
        markdown(p.read_bytes())
    fence = re.compile(rb"^```[a-z]+[^\n]*\n(.*?)^```\s*$", re.S | re.M)
    for p in sorted((root / "rules").glob("*.md")):
        page = p.read_bytes()
        markdown(page)
        for m in fence.finditer(page):
            markdown(m.group(1))
            add("FuzzConfig", m.group(1))  # some pages show .galley.yml sections
    spec = json.loads((root / "Tests/Data/commonmark/spec.json").read_text())
    for ex in spec:
        data = ex["markdown"].encode()
        for t in ("FuzzMarkdown", "FuzzRender", "FuzzFix"):
            add(t, data)
    for p in sorted(root.rglob(".galley.yml")):
        if ".build" not in str(p):
            add("FuzzConfig", p.read_bytes())
            add("FuzzFrontMatter", b"---\n" + p.read_bytes() + b"---\nbody\n")
    gen = root.parent / "shared" / "bench" / "gen_corpus.py"
    if gen.exists() and args.generated:
        for seed, migration in ((1, False), (2, True)):
            with tempfile.TemporaryDirectory() as out:
                cmd = [sys.executable, str(gen), "--out", out, "--files", str(args.generated), "--seed", str(seed)]
                if migration:
                    cmd.append("--migration")
                subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
                for p in sorted(pathlib.Path(out).rglob("*.md")):
                    markdown(p.read_bytes())
    for t in sorted(os.listdir(corpus)):
        print(t, len(os.listdir(corpus / t)))


main()

#!/usr/bin/env python3
"""What a reader sees, before and after a fix, judged by markdown-it-py (CommonMark 0.31.2).

usage: reader_diff.py BEFORE_DIR AFTER_DIR [--list N]

For every Markdown file under BEFORE_DIR whose bytes differ in AFTER_DIR, both versions are
rendered by markdown-it-py (an oracle independent of galley's own renderer) and reduced to
what a reader sees: the headings (level and text), each code block (its bytes), the number
of links and images with their alt text, and the visible words in order, HTML taken apart
into its text. What galley's fixes are allowed to change is normalized away on both sides
and nothing else: marker comments, U+00A0 as a space, emphasis delimiters shown as
characters, link and image targets (ghost-link-tracking, old-site-link and missing-image
change targets by design; their counts and alt text must stay). Prints the number of changed
files and, per part of the reader's view, the files where it differs.
"""
import html, os, re, sys

from markdown_it import MarkdownIt

md = MarkdownIt("commonmark").enable("table")
COMMENT = re.compile(r"<!--.*?-->", re.S)
JSX_MARKER = re.compile(r"\{/\*\s*kg-card-(?:begin|end):\s*[\w-]+\s*\*/\}")
TAG = re.compile(r"<[^>]*>")
FRONT = re.compile(rb"\A(?:\xef\xbb\xbf)?---\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def body(data):
    m = FRONT.match(data)
    return data[m.end():] if m else data


def visible(text):
    """Words as shown: delimiters a fix may remove or keep are not words."""
    text = text.replace("\u00a0", " ")
    text = re.sub(r"[*_\\]", "", text)
    return text.split()


def html_words(raw):
    raw = COMMENT.sub(" ", raw)
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", raw)
    return visible(html.unescape(TAG.sub(" ", raw)))


def view(data):
    text = body(data).decode("utf-8", "replace").replace("\r\n", "\n")
    text = JSX_MARKER.sub("", text)
    headings, code, links, images, words = [], [], [], [], []
    tokens = md.parse(text)
    heading = None
    for i, t in enumerate(tokens):
        if t.type == "heading_open":
            heading = (t.tag, [])
        elif t.type == "heading_close":
            headings.append((heading[0], " ".join(heading[1])))
            heading = None
        elif t.type in ("fence", "code_block"):
            code.append(t.content.replace("\u00a0", " "))
        elif t.type == "html_block":
            words += html_words(t.content)
            links += re.findall(r"(?i)<a\b", COMMENT.sub("", t.content))
        elif t.type == "inline":
            for c in t.children or []:
                if c.type == "text":
                    w = visible(c.content)
                elif c.type == "code_inline":
                    w = c.content.replace("\u00a0", " ").split()
                    code.append(c.content.replace("\u00a0", " "))
                elif c.type == "html_inline":
                    w = html_words(c.content)
                elif c.type == "image":
                    images.append(visible(c.content))
                    w = []
                elif c.type == "link_open":
                    links.append("a")
                    w = []
                else:
                    w = []
                words += w
                if heading is not None:
                    heading[1].extend(w)
    return {"headings": headings, "code": code, "links": len(links), "images": images, "words": words}


def main():
    before, after = sys.argv[1], sys.argv[2]
    listing = int(sys.argv[sys.argv.index("--list") + 1]) if "--list" in sys.argv else 3
    changed = 0
    differ = {k: [] for k in ("headings", "code", "links", "images", "words")}
    for root, dirs, files in os.walk(before):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.endswith((".md", ".markdown")):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, before)
            old = open(path, "rb").read()
            new = open(os.path.join(after, rel), "rb").read()
            if old == new:
                continue
            changed += 1
            a, b = view(old), view(new)
            for key in differ:
                if a[key] != b[key]:
                    differ[key].append(rel)
    print(f"changed files: {changed}")
    anywhere = set()
    for key, files in differ.items():
        anywhere.update(files)
        print(f"  {key} differ: {len(files)} {files[:listing]}")
    print(f"files where the reader sees a difference: {len(anywhere)}")
    return 1 if anywhere else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""What a reader sees, before and after a fix, judged by markdown-it-py (CommonMark 0.31.2).

usage: reader_diff.py BEFORE_DIR AFTER_DIR [--list N] [--served-cards]

For every Markdown file under BEFORE_DIR whose bytes differ in AFTER_DIR, both versions are
rendered by markdown-it-py (an oracle independent of galley's own renderer) and reduced to
what a reader sees: the headings (level and text), each code block (its bytes), the number
of links and images with their alt text, and the visible words in order, HTML taken apart
into its text. What galley's fixes are allowed to change is normalized away on both sides
and nothing else: marker comments, U+00A0 as a space, emphasis delimiters shown as
characters, link and image targets (ghost-link-tracking, old-site-link and missing-image
change targets by design; their counts and alt text must stay). An `<img>` in HTML is an
image with its alt text, as a Markdown image is. Prints the number of changed files and, per
part of the reader's view, the files where it differs.

HTML blocks are read as fragments, as a browser shows them; what ghost-card drops by design
(a bookmark's icon, thumbnail and metadata, a toggle's icon) is not read, and a toggle's
heading reads as words (it becomes the bold summary of a `<details>`).

With --served-cards, a Ghost Markdown card exported as rendered HTML (`<!--kg-card-begin:
markdown-->` followed by HTML, up to its end marker) is read as one HTML fragment, as Ghost
served it and a browser shows it (a `<pre>` whole, whatever blank lines it holds), not as
CommonMark cuts it, and an html card holding Markdown on one line (a converter's leftover) as
that Markdown: the readings ghost-rendered-markdown's and ghost-card's conversions are proven
against.
"""
import html, os, re, sys
from html.parser import HTMLParser

from markdown_it import MarkdownIt

md = MarkdownIt("commonmark").enable("table")
COMMENT = re.compile(r"<!--.*?-->", re.S)
JSX_MARKER = re.compile(r"\{/\*\s*kg-card-(?:begin|end):\s*[\w-]+\s*\*/\}")
TAG = re.compile(r"<[^>]*>")
IMG_ALT = re.compile(r"""(?is)<img\b(?:[^>"']|"[^"]*"|'[^']*')*?\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
IMG = re.compile(r"(?i)<img\b")
MARKDOWN_CARD = re.compile(r"<!--kg-card-begin: markdown-->[ \t]*(<.*?)<!--kg-card-end: markdown-->", re.S)
HTML_CARD_OF_MARKDOWN = re.compile(r"<!--kg-card-begin: html-->[ \t]*([^<\s][^\n]*?)[ \t]*<!--kg-card-end: html-->")
SERVED = "GALLEYSERVEDCARD"
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


def html_images(raw):
    """The alt text of every `<img>` in raw HTML (comments removed), decoded as a browser does."""
    raw = COMMENT.sub(" ", raw)
    out = []
    for tag in re.finditer(r"(?is)<img\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", raw):
        m = IMG_ALT.match(tag.group(0))
        alt = "" if m is None else next(g for g in m.groups() if g is not None)
        out.append(visible(html.unescape(alt)))
    return out


# What ghost-card drops by design (a bookmark's icon, thumbnail and metadata, a toggle's
# icon) is not part of what a reader is promised; a toggle's heading becomes its summary,
# a bold line: read as words, not as a heading.
DROPPED = {"kg-bookmark-thumbnail", "kg-bookmark-icon", "kg-bookmark-metadata", "kg-toggle-card-icon"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Fragment(HTMLParser):
    """HTML read as one fragment: headings, code (a `<pre>` whole, an inline `<code>`),
    links, images and words, as the Markdown side counts them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings, self.code, self.links, self.images, self.words = [], [], 0, [], []
        self.heading = None
        self.pre = None
        self.inline = None
        self.skip = None
        self.open = []          # the open non-void elements
        self.dropped = None     # depth of the open element whose content is dropped

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        if tag not in VOID:
            self.open.append(tag)
        if self.dropped is not None:
            return
        if classes & DROPPED:
            if tag not in VOID:
                self.dropped = len(self.open)
            return
        if tag in ("script", "style"):
            self.skip = tag
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and "kg-toggle-heading-text" in classes:
            pass
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading = (tag, [])
        elif tag == "pre":
            self.pre = []
        elif tag == "code" and self.pre is None:
            self.inline = []
        elif tag == "a":
            self.links += 1
        elif tag == "img":
            self.images.append(visible(dict(attrs).get("alt") or ""))

    def handle_endtag(self, tag):
        if tag in self.open:
            depth = len(self.open) - self.open[::-1].index(tag)
            del self.open[depth - 1:]
            if self.dropped is not None:
                if depth <= self.dropped:
                    self.dropped = None
                return
        elif self.dropped is not None:
            return
        if tag == self.skip:
            self.skip = None
        elif self.heading is not None and tag == self.heading[0]:
            self.headings.append((tag, " ".join(self.heading[1])))
            self.heading = None
        elif tag == "pre" and self.pre is not None:
            text = "".join(self.pre)
            self.code.append(text.replace("\u00a0", " "))
            self.pre = None
        elif tag == "code" and self.inline is not None:
            text = "".join(self.inline).replace("\u00a0", " ")
            self.code.append(text)
            self.words += text.split()
            self.inline = None

    def handle_data(self, data):
        if self.skip is not None or self.dropped is not None:
            return
        if self.pre is not None:
            self.pre.append(data)
            return
        if self.inline is not None:
            self.inline.append(data)
            return
        w = visible(data)
        self.words += w
        if self.heading is not None:
            self.heading[1].extend(w)


def read_fragment(raw):
    f = Fragment()
    f.feed(COMMENT.sub(" ", raw))
    f.close()
    return f


def view(data, served_cards=False):
    text = body(data).decode("utf-8", "replace").replace("\r\n", "\n")
    text = JSX_MARKER.sub("", text)
    fragments = []
    if served_cards:
        def park(m):
            fragments.append(m.group(1))
            return f"\n\n{SERVED}{len(fragments) - 1}\n\n"
        text = MARKDOWN_CARD.sub(park, text)
        # An html card holding Markdown (a converter's leftover): the Markdown it was.
        text = HTML_CARD_OF_MARKDOWN.sub(lambda m: f"\n\n{m.group(1)}\n\n", text)
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
            f = read_fragment(t.content)
            headings += f.headings
            code += f.code
            links += ["a"] * f.links
            images += f.images
            words += f.words
        elif t.type == "inline":
            served = re.fullmatch(SERVED + r"(\d+)", t.content.strip())
            if served:
                f = read_fragment(fragments[int(served.group(1))])
                headings += f.headings
                code += f.code
                links += ["a"] * f.links
                images += f.images
                words += f.words
                continue
            for c in t.children or []:
                if c.type == "text":
                    w = visible(c.content)
                elif c.type == "code_inline":
                    w = c.content.replace("\u00a0", " ").split()
                    code.append(c.content.replace("\u00a0", " "))
                elif c.type == "html_inline":
                    w = html_words(c.content)
                    images += html_images(c.content)
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
    served = "--served-cards" in sys.argv
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
            a, b = view(old, served), view(new, served)
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

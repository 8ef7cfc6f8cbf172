#!/usr/bin/env python3
"""Adversarial inputs for galley's own rules (what pathological.py does not cover).

usage: rule_pathological.py OUTDIR [--scale F]

Each case is written to OUTDIR/<name>.md, with n = round(base * F) repetitions, so that
`galley check` at scale 1 and 2 shows whether a rule's work grows linearly.
"""
import argparse, os

NB = "\u00a0"
PROSE = "Write a settings file next to your posts and list the rules you want to turn off."

CASES = {
    # nbsp-char: every code line would close the fence once fixed (each needs a proof).
    "nbsp-char fence lines": (20000, lambda n: "```\n" + ("```" + NB + "\n") * n + "```\n"),
    "nbsp-char prose": (50000, lambda n: ("a" + NB) * n + "\n"),
    "nbsp-char code span": (50000, lambda n: "`" + ("x" + NB) * n + "`\n"),
    # doubled-emphasis: one paragraph full of doubled pairs, and of empty strongs.
    "doubled pairs in a paragraph": (5000, lambda n: "****a**** " * n + "\n"),
    "empty strongs in a paragraph": (10000, lambda n: "a **** " * n + "b\n"),
    # mismatched-emphasis: glued identifiers, each segment reading its word.
    "dotted identifiers glued": (20000, lambda n: "x " + "a.b._" * n + "\n"),
    # front-matter-syntax: a block of values that each need quoting.
    "front matter to repair": (5000, lambda n: "---\n" + "".join("k%d: a: b\n" % i for i in range(n)) + "---\n\nBody.\n"),
    "front matter surrogates": (5000, lambda n: "---\ntitle: \"" + "\\ud83d\\ude80" * n + "\"\n---\n\nBody.\n"),
    # unclosed-fence: open fences in list items (each closed by its item), with evidence.
    "unclosed fences in items": (300, lambda n: ("- ```\n  npm i\n\n  ## Heading\n\n  " + PROSE + "\n\n") * n),
    "one long unclosed fence": (50000, lambda n: "```\n" + "npm i;\n" * n + "\n## Heading\n\n" + PROSE + "\n"),
    # ghost-card-marker: card pairs whose removal waits for the card's conversion (each a
    # search among the other rules' unsafe edits), and pairs of plain html cards.
    "hr card pairs": (20000, lambda n: "Intro.\n\n" + "<!--kg-card-begin: hr-->\n<hr>\n<!--kg-card-end: hr-->\n\n" * n),
    "html card pairs": (20000, lambda n: "Intro.\n\n" + "<!--kg-card-begin: html-->\n<div>x</div>\n<!--kg-card-end: html-->\n\n" * n),
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for name, (base, make) in CASES.items():
        with open(os.path.join(a.out, name.replace(" ", "-") + ".md"), "w", encoding="utf-8") as f:
            f.write(make(max(1, round(base * a.scale))))


if __name__ == "__main__":
    main()

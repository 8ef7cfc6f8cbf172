#!/usr/bin/env python3
"""Bad input at scale: each case at 1x and 2x size, `galley check` (and `fix` for the
big post) on the release binary, with wall time, peak memory (GNU time's maximum resident set),
exit status and the first message. A case passes when it ends (no crash, no time-out)
with findings or a clear error, and 2x takes under 2.5 times as long as 1x.

Usage: bench/bad_input.py [--galley PATH] [--quick] [--only NAME]   (prints a Markdown table)
--quick runs the cases at a tenth of their size."""
import argparse, os, shutil, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MB = 1 << 20
PARA = b"A paragraph of ordinary prose with *emphasis*, a [link](https://example.com) and `code`.\n\n"


def big_post(n):  # n bytes of paragraphs, a fenced block every 40 paragraphs, a few &nbsp;
    unit = PARA * 39 + b"```sh\nmake all\n```\n\n" + b"Spaced&nbsp;out.\n\n"
    return unit * (n // len(unit) + 1)


def one_line(n):
    return b"word " * (n // 5) + b"end&nbsp;\n"


CASES = [
    # name, what, make(scale) -> {relative path: bytes} or None for a directory builder, command
    ("100 MB post", "fix", lambda s: {"p.md": big_post(int(50 * MB * s))}),
    ("one 50 MB line", "check", lambda s: {"p.md": one_line(int(25 * MB * s))}),
    ("100,000 nested `- `", "check", lambda s: {"p.md": b"- " * int(50_000 * s) + b"x\n"}),
    ("100,000 nested `> `", "check", lambda s: {"p.md": b"> " * int(50_000 * s) + b"x\n"}),
    ("50,000 `[`", "check", lambda s: {"p.md": b"[" * int(25_000 * s) + b"x\n"}),
    ("50,000 `*`", "check", lambda s: {"p.md": b"*" * int(25_000 * s) + b"x\n"}),
    ("10 MB front matter", "check", lambda s: {"p.md": b"---\n" + b"".join(
        b"key%d: value number %d&nbsp;\n" % (i, i) for i in range(int(5 * MB * s) // 28)) + b"---\nBody&nbsp;text.\n"}),
    ("100,000 files in one directory", "check", lambda s: {"d/p%d.md" % i: b"Post&nbsp;%d.\n" % i for i in range(int(50_000 * s))}),
]


def run(galley, args, cwd, timeout):
    """Wall time, peak resident memory in KB (GNU time's %M), exit status, stderr."""
    start = time.monotonic()
    with tempfile.NamedTemporaryFile() as rss_file:
        try:
            p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file.name, galley] + args, cwd=cwd,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
            status, err = p.returncode, p.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            status, err = "timeout", ""
        wall = time.monotonic() - start
        text = open(rss_file.name).read().split()
        rss = int(text[-1]) if text and text[-1].isdigit() else 0
    return wall, rss, status, err


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--galley", default=os.path.join(root, ".build/release/galley"))
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--only", help="run only the cases whose name contains this")
    args = ap.parse_args()
    args.galley = os.path.abspath(args.galley)
    factor = 0.1 if args.quick else 1.0
    print("| input | command | 1x: s | 2x: s | ratio | peak MB (2x) | input MB (2x) | exit | result |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    ok = True
    for name, command, make in CASES:
        if args.only and args.only not in name:
            continue
        walls, result = [], None
        for scale in (factor, 2 * factor):
            d = tempfile.mkdtemp(prefix="galley-bad-")
            try:
                size = 0
                for rel, data in make(scale).items():
                    path = os.path.join(d, rel)
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    with open(path, "wb") as f:
                        f.write(data)
                    size += len(data)
                cmd = [command, "--no-git", "--format", "json", "."]
                wall, rss, status, err = run(args.galley, cmd, d, args.timeout)
                walls.append(wall)
                result = (rss, size, status, err)
            finally:
                shutil.rmtree(d, ignore_errors=True)
        rss, size, status, err = result
        ratio = walls[1] / max(walls[0], 1e-3)
        first = (err.strip().splitlines() or ["findings"])[0][:70]
        good = status in (0, 1, 2) and ratio < 2.5 and "Fatal error" not in err
        ok &= good
        print(f"| {name} | {command} | {walls[0]:.2f} | {walls[1]:.2f} | {ratio:.2f} | {rss / 1024:.0f} | "
              f"{size / MB:.1f} | {status} | {'ok' if good else 'FAIL'}: {first} |")
    # A file name that is not UTF-8: reported and skipped.
    if args.only:
        sys.exit(0 if ok else 1)
    d = tempfile.mkdtemp(prefix="galley-bad-")
    try:
        with open(os.path.join(d.encode(), b"caf\xe9.md"), "wb") as f:
            f.write(b"Post&nbsp;text.\n")
        with open(os.path.join(d, "good.md"), "wb") as f:
            f.write(b"Post&nbsp;text.\n")
        wall, rss, status, err = run(args.galley, ["check", "--no-git", "."], d, args.timeout)
        good = status == 2 and "good.md" not in err and err.strip() != ""
        ok &= good
        print(f"| file name not UTF-8 | check | {wall:.2f} | | | {rss / 1024:.0f} | 0.0 | {status} | "
              f"{'ok' if good else 'FAIL'}: {err.strip().splitlines()[0][:70] if err.strip() else ''} |")
    finally:
        shutil.rmtree(d, ignore_errors=True)
    sys.exit(0 if ok else 1)


main()

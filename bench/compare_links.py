#!/usr/bin/env python3
"""ghost-link-tracking and old-site-link, file by file, against a --migration corpus.

usage: compare_links.py CORPUS GALLEY

CORPUS is made by `gen_corpus.py --migration` (its old site is summary.json's
params.old_host). The script works on a copy with a `.galley.yml` naming that host in
`site.url`, and checks issue 14's "done when":

- ghost-link-tracking finds exactly `ref_tracking` per file, old-site-link exactly
  `link_old_host + link_ghost_url`;
- after `galley fix` (safe fixes) no `ref=<old host>` is left, every other `ref=` value is
  byte-identical, and a fix of ghost-link-tracking alone changes nothing but the tags;
- after `galley fix --unsafe-fixes` no link (not image) to an old-site page or
  `__GHOST_URL__` page is left, and old-site-link alone changes nothing but those links.
"""
import collections, json, os, re, shutil, subprocess, sys, tempfile

corpus, galley = sys.argv[1], os.path.abspath(sys.argv[2])
host = json.load(open(os.path.join(corpus, "summary.json")))["params"]["old_host"]
manifest = {}
for line in open(os.path.join(corpus, "manifest.jsonl")):
    entry = json.loads(line)
    manifest[entry["file"]] = entry
files = sorted(manifest)
work = tempfile.mkdtemp(prefix="galley-links-")


def copy(name):
    target = os.path.join(work, name)
    shutil.copytree(corpus, target)
    with open(os.path.join(target, ".galley.yml"), "w") as f:
        f.write(f"site:\n  url: https://{host}\n")
    return target


def run(directory, *args):
    return subprocess.run([galley, *args, "--no-git", "_posts"], cwd=directory, capture_output=True, text=True)


def read(directory, f):
    return open(os.path.join(directory, f), "rb").read()


site = copy("check")
report = json.loads(run(site, "check", "--select", "ghost-link-tracking,old-site-link", "--format", "json").stdout)
found = collections.Counter((f["path"], f["rule"]) for f in report["findings"])
applicability = collections.Counter((f["rule"], f["fix"]["applicability"] if f["fix"] else "none") for f in report["findings"])
ok = True
for rule, keys in [("ghost-link-tracking", ["ref_tracking"]), ("old-site-link", ["link_old_host", "link_ghost_url"])]:
    wrong = [f for f in files if found[f, rule] != sum(manifest[f][k] for k in keys)]
    ok &= not wrong
    print(f"{rule}: {sum(found[f, rule] for f in files)} findings, ground truth {' + '.join(keys)} "
          f"{sum(sum(manifest[f][k] for k in keys) for f in files)}, files that differ: {len(wrong)} {wrong[:3]}")
print("fixes:", ", ".join(f"{rule} {a} {n}" for (rule, a), n in sorted(applicability.items())))

tag = re.compile(rb"[?&]ref=" + re.escape(host.encode()) + rb"(?=[)\"#\s>&]|$)")
other_ref = re.compile(rb"[?&;]ref=(?!" + re.escape(host.encode()) + rb")[^\s)\"&#<>]*")
old_page = re.compile(rb"(?<!!)\[[^\]]*\]\((?:https?://(?:www\.)?" + re.escape(host.encode()) + rb"|__ghost_url__)(?!/content/images/)", re.I)
old_href = re.compile(rb"<a [^>]*href=\"(?:https?://(?:www\.)?" + re.escape(host.encode()) + rb"|__ghost_url__)", re.I)

safe = copy("safe")
run(safe, "fix")
left = sum(len(tag.findall(read(safe, f))) for f in files)
others_before = [other_ref.findall(read(site, f)) for f in files]
others_after = [other_ref.findall(read(safe, f)) for f in files]
print(f"after `galley fix`: `ref={host}` left: {left}; other `ref=` values: {sum(map(len, others_before))} before, "
      f"{'byte-identical' if others_before == others_after else 'CHANGED'} after")
ok &= left == 0 and others_before == others_after

alone = copy("tracking-alone")
run(alone, "fix", "--select", "ghost-link-tracking")
h = re.escape(host.encode())
def untagged(b):
    b = re.sub(rb"\?ref=" + h + rb"&", b"?", b)     # the first of several parameters
    return re.sub(rb"[?&]ref=" + h + rb"(?=[)\"#\s>&]|$)", b"", b)
unexpected = [f for f in files if untagged(read(site, f)) != read(alone, f)]
print(f"ghost-link-tracking alone: {sum(read(site, f) != read(alone, f) for f in files)} files changed, "
      f"{len(unexpected)} with other changes {unexpected[:3]}")
ok &= not unexpected

unsafe = copy("unsafe")
run(unsafe, "fix", "--unsafe-fixes")
left = sum(len(old_page.findall(read(unsafe, f))) + len(old_href.findall(read(unsafe, f))) for f in files)
before = sum(len(old_page.findall(read(site, f))) + len(old_href.findall(read(site, f))) for f in files)
print(f"after `galley fix --unsafe-fixes`: old-site and __GHOST_URL__ page links {before} before, {left} left")
ok &= left == 0

alone = copy("old-alone")
run(alone, "fix", "--unsafe-fixes", "--select", "old-site-link")
def relative(b):
    b = re.sub(rb"(?<!!)(\[[^\]]*\]\()(?:https?://(?:www\.)?" + re.escape(host.encode()) + rb"|__ghost_url__)(?=/)", rb"\1", b, flags=re.I)
    return b
unexpected = [f for f in files if relative(read(site, f)) != read(alone, f)]
print(f"old-site-link alone: {sum(read(site, f) != read(alone, f) for f in files)} files changed, "
      f"{len(unexpected)} with other changes {unexpected[:3]}")
ok &= not unexpected

shutil.rmtree(work)
sys.exit(0 if ok else 1)

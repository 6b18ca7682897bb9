#!/usr/bin/env python3
"""Recall of the spacing checks on damage injected into clean text.

    scripts/eval-spacing.py [--vnlint build/vnlint] [--corpus build/corpus]
                            [--lines 600] [--seed 7] [--show N] [--misses N]

For each damage type, N corpus lines (8 words or more, with Vietnamese
letters) get one damage each, at a random place where it can be made:

  space-before    a space typed before a comma or period that ends a word
                  ("Hà Nội, nơi" -> "Hà Nội , nơi")   punctuation/space-before
  missing-after   the space after such a comma or period deleted
                  ("Hà Nội, nơi" -> "Hà Nội,nơi")     punctuation/missing-space-after
  double-space    a space between two words doubled   whitespace/repeated-space
  ellipsis        a document of five lines, each ending in an ellipsis:
                  four in one style ("…" or "...", half the documents each)
                  and one in the other               punctuation/ellipsis-style

Each line is a paragraph of its own; each ellipsis document is a file of its
own. Printed per type: injected, caught (a finding of the rule on the damage),
fixed (its first suggestion, applied, gives back the clean line) and alarms
of the rule on the same lines (documents) left undamaged.
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

from vncorpus import walk_txt

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VN = re.compile("[ăâêôơưđàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]",
                re.I)
LETTER = r"[^\W\d_]"
# A comma or period that ends a word and is followed by a space and a word.
MARK = re.compile(r"(?<=%s)([,.]) (?=%s)" % (LETTER, LETTER))
BETWEEN = re.compile(r"(?<=%s) (?=%s)" % (LETTER, LETTER))
ELLIPSES = ("\u2026", "...")


def corpus_lines(root):
    out = []
    for path in walk_txt(root):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.rstrip("\n")
                if len(line.split()) >= 8 and VN.search(line):
                    out.append(line)
    return out


def run(vnlint, paths):
    r = subprocess.run([vnlint, "--no-config", "--no-model", "--format",
                        "jsonl"] + paths, capture_output=True)
    if r.returncode not in (0, 1):
        sys.exit("eval-spacing: vnlint failed: "
                 + r.stderr.decode("utf-8", "replace"))
    return [json.loads(l) for l in r.stdout.decode("utf-8").splitlines()]


def damage_line(kind, line, rng):
    """(damaged line, byte offset of the damage) or None."""
    if kind == "double-space":
        sites = [m.start() for m in BETWEEN.finditer(line)]
        if not sites:
            return None
        at = rng.choice(sites)
        return line[:at] + " " + line[at:], len(line[:at].encode())
    sites = list(MARK.finditer(line))
    if not sites:
        return None
    m = rng.choice(sites)
    if kind == "space-before":
        bad = line[:m.start()] + " " + line[m.start():]
    else:
        bad = line[:m.end() - 1] + line[m.end():]
    return bad, len(line[:m.start()].encode())


def write_lines(path, lines):
    """Write lines as paragraphs; return each line's byte offset."""
    offs, pos = [], 0
    with open(path, "w", encoding="utf-8") as fh:
        for line in lines:
            offs.append(pos)
            data = line + "\n\n"
            fh.write(data)
            pos += len(data.encode())
    return offs


def locate(offs, off):
    """Index of the line holding byte offset off."""
    lo, hi = 0, len(offs)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if offs[mid] <= off:
            lo = mid
        else:
            hi = mid
    return lo


def apply(line_bytes, start, length, sugg):
    return (line_bytes[:start] + sugg.encode() + line_bytes[start + length:]).decode()


def eval_lines(a, kind, rule, lines, rng, tmp):
    clean, bad, where = [], [], []
    for line in lines:
        if len(bad) >= a.lines:
            break
        d = damage_line(kind, line, rng)
        if d:
            clean.append(line)
            bad.append(d[0])
            where.append(d[1])
    bpath, cpath = os.path.join(tmp, kind + ".txt"), os.path.join(tmp, kind + "-clean.txt")
    boffs, coffs = write_lines(bpath, bad), write_lines(cpath, clean)
    caught, fixed = set(), set()
    for d in run(a.vnlint, [bpath]):
        if d.get("rule") != rule:
            continue
        k = locate(boffs, d["byte_offset"])
        start = d["byte_offset"] - boffs[k]
        # the finding must touch the damage (a space and a mark around it)
        if abs(start - where[k]) > 2:
            continue
        caught.add(k)
        if d.get("suggestions") and apply(bad[k].encode(), start, d["byte_length"],
                                          d["suggestions"][0]) == clean[k]:
            fixed.add(k)
    for k in [k for k in range(len(bad)) if k not in caught][:a.misses]:
        print("  missed: %s" % bad[k][max(0, where[k] - 60):where[k] + 40],
              file=sys.stderr)
    alarms = [d for d in run(a.vnlint, [cpath]) if d.get("rule") == rule]
    for d in alarms[:a.show]:
        k = locate(coffs, d["byte_offset"])
        print("  alarm: %s" % clean[k][:160], file=sys.stderr)
    return len(bad), len(caught), len(fixed), len(alarms)


def eval_ellipsis(a, rule, lines, rng, tmp):
    """Documents of four lines in one style and one in the other; the
    undamaged copy has all five in the majority style."""
    usable = [l for l in lines if "..." not in l and "\u2026" not in l]
    bad_paths, clean_paths, odd = [], [], []
    for n in range(a.lines):
        major, minor = ELLIPSES[n % 2], ELLIPSES[1 - n % 2]
        doc = [l.rstrip(".") for l in rng.sample(usable, 5)]
        pos = rng.randrange(5)
        clean = [l + major for l in doc]
        bad = list(clean)
        bad[pos] = doc[pos] + minor
        for kind, text, paths in (("bad", bad, bad_paths),
                                  ("clean", clean, clean_paths)):
            p = os.path.join(tmp, "ell-%s-%04d.txt" % (kind, n))
            write_lines(p, text)
            paths.append(p)
        # the minority ellipsis ends line pos
        off = sum(len((l + "\n\n").encode()) for l in bad[:pos]) + \
            len(doc[pos].encode())
        odd.append((off, doc[pos], clean[pos]))
    index = {p: i for i, p in enumerate(bad_paths)}
    caught = fixed = 0
    for d in run(a.vnlint, bad_paths):
        if d.get("rule") != rule or d["byte_offset"] != odd[index[d["path"]]][0]:
            continue
        off, head, want = odd[index[d["path"]]]
        caught += 1
        if d.get("suggestions") and head + d["suggestions"][0] == want:
            fixed += 1
    alarms = sum(1 for d in run(a.vnlint, clean_paths) if d.get("rule") == rule)
    return len(bad_paths), caught, fixed, alarms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vnlint", default=os.path.join(REPO, "build/vnlint"))
    ap.add_argument("--corpus", default=os.path.join(REPO, "build/corpus"))
    ap.add_argument("--lines", type=int, default=600)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", type=int, default=0,
                    help="print up to N alarms on the undamaged lines")
    ap.add_argument("--misses", type=int, default=0,
                    help="print up to N damaged lines that were not caught")
    a = ap.parse_args()
    lines = corpus_lines(a.corpus)
    if not lines:
        sys.exit("eval-spacing: no corpus lines under " + a.corpus)
    tmp = tempfile.mkdtemp(prefix="eval-spacing.")
    try:
        print("%-15s %-32s %8s %7s %7s %6s %7s" % (
            "damage", "rule", "injected", "caught", "recall", "fixed", "alarms"))
        for kind, rule in (("space-before", "punctuation/space-before"),
                           ("missing-after", "punctuation/missing-space-after"),
                           ("double-space", "whitespace/repeated-space"),
                           ("ellipsis", "punctuation/ellipsis-style")):
            rng = random.Random("%s-%d" % (kind, a.seed))
            pool = list(lines)
            rng.shuffle(pool)
            if kind == "ellipsis":
                r = eval_ellipsis(a, rule, pool, rng, tmp)
            else:
                r = eval_lines(a, kind, rule, pool, rng, tmp)
            n, c, f, al = r
            print("%-15s %-32s %8d %7d %6.1f%% %6d %7d" % (
                kind, rule, n, c, 100.0 * c / n if n else 0, f, al))
    finally:
        shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())

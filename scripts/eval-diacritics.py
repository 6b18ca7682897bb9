#!/usr/bin/env python3
"""Recall of input/no-diacritics on text stripped of its marks.

    scripts/eval-diacritics.py [--vnlint build/vnlint] [--corpus build/corpus]
                               [--lines 600] [--seed 7]

Takes N corpus lines of at least 8 words with Vietnamese marks (shuffled
with the seed; never the held-out packages), strips every tone and vowel
mark (and đ -> d) as an ASCII-folding system or a keyboard without an
input method would, and lints each stripped line as its own document.
Caught: input/no-diacritics reports the line. The unstripped copies are
linted too: an alarm there is a false alarm. Lines are split by length,
since the check needs 8 words and a quarter of them common words."""
import argparse
import json
import random
import subprocess
import sys
import tempfile
import unicodedata

from vncorpus import corpus_files, count_words

RULE = "input/no-diacritics"


def strip(text):
    out = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    out = "".join(c for c in out if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", out)


def flagged(vnlint, lines):
    """Indices of the lines (each linted as its own document) flagged."""
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for i, line in enumerate(lines):
            p = "%s/%05d.txt" % (d, i)
            with open(p, "w", encoding="utf-8") as f:
                f.write(line + "\n")
            paths.append(p)
        r = subprocess.run([vnlint, "--format", "jsonl", "--disable", "all",
                            "--enable", RULE, "--jobs", "2"] + paths,
                           capture_output=True, text=True)
        hit = set()
        for row in r.stdout.splitlines():
            d_ = json.loads(row)
            if d_.get("rule") == RULE:
                hit.add(int(d_["path"].rsplit("/", 1)[1][:5]))
        return hit


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vnlint", default="build/vnlint")
    ap.add_argument("--corpus", default="build/corpus")
    ap.add_argument("--lines", type=int, default=600)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    pool = []
    for p in corpus_files(a.corpus):
        for line in open(p, encoding="utf-8", errors="replace"):
            line = line.strip()
            if count_words(line) >= 8 and strip(line) != line:
                pool.append(line)
    random.Random(a.seed).shuffle(pool)
    lines = pool[: a.lines]
    stripped = [strip(x) for x in lines]
    hit = flagged(a.vnlint, stripped)
    false = flagged(a.vnlint, lines)
    print("%-24s %6s %6s %7s" % ("words per line", "lines", "caught", "recall"))
    for lo, hi in ((8, 15), (15, 30), (30, 10 ** 9)):
        idx = [i for i, x in enumerate(lines) if lo <= count_words(x) < hi]
        c = sum(1 for i in idx if i in hit)
        label = "%d-%d" % (lo, hi - 1) if hi < 10 ** 9 else "%d+" % lo
        print("%-24s %6d %6d %6.1f%%" % (label, len(idx), c, 100.0 * c / max(1, len(idx))))
    print("%-24s %6d %6d %6.1f%%" % ("all", len(lines), len(hit), 100.0 * len(hit) / max(1, len(lines))))
    print("false alarms on the unstripped lines: %d" % len(false))


if __name__ == "__main__":
    sys.exit(main())

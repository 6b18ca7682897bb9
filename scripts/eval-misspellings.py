#!/usr/bin/env python3
"""Recall of vnlint on an independently collected misspelling list.

Usage: scripts/eval-misspellings.py [--vnlint build/vnlint]
       [--list tests/eval/misspellings.tsv] [--show]

For every row (wrong, right, class, sentence) vnlint lints the sentence. The
row is *caught* when a diagnostic covers the wrong form (on syllable
boundaries) and suggests the right one (kỉ/kỷ, kĩ/kỹ, lí/lý, mĩ/mỹ count as
the same); *flagged* when a diagnostic covers it with another suggestion
or none; *missed* otherwise. Prints totals and per-class counts."""
import argparse
import collections
import json
import re
import subprocess
import unicodedata

VARIANTS = str.maketrans({"ỉ": "ỷ", "ĩ": "ỹ", "í": "ý", "ì": "ỳ", "ị": "ỵ"})


def same(a, b):
    n = lambda s: unicodedata.normalize("NFC", s).lower().translate(VARIANTS)
    return n(a) == n(b)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vnlint", default="build/vnlint")
    ap.add_argument("--list", default="tests/eval/misspellings.tsv")
    ap.add_argument("--show", action="store_true", help="print the misses")
    args = ap.parse_args()
    rows = []
    for line in open(args.list, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        wrong, right, cls, sentence = line.rstrip("\n").split("\t")
        rows.append((wrong, right, cls, sentence))
    # One file per sentence in a single run: paragraphs separated by blank lines.
    text = "\n\n".join(r[3] for r in rows) + "\n"
    out = subprocess.run([args.vnlint, "--format", "json", "-"], input=text.encode(),
                         capture_output=True)
    rep = json.loads(out.stdout)
    diags = rep["files"][0]["diagnostics"]
    data = text.encode()
    starts, pos = [], 0
    for r in rows:
        starts.append(pos)
        pos += len(r[3].encode()) + 2
    by_class = collections.defaultdict(collections.Counter)
    misses = []
    for (wrong, right, cls, sentence), base in zip(rows, starts):
        m = re.search(r"(?<!\w)" + re.escape(wrong) + r"(?!\w)", sentence.lower())
        s = base + len(sentence[:m.start()].encode())
        e = s + len(sentence[m.start():m.end()].encode())
        verdict = "missed"
        end = base + len(sentence.encode())
        for d in diags:
            ds, de = d["byte_offset"], d["byte_offset"] + d["byte_length"]
            if de <= s or ds >= e or ds < base or de > end:
                continue  # does not touch the wrong form
            # Apply each suggestion to the sentence: is the right form now
            # where the wrong one was?
            for sg in d["suggestions"]:
                fixed = (data[base:ds] + sg.encode() + data[de:end]).decode()
                at = len(data[base:min(s, ds)].decode())
                if same(fixed[at:at + len(right)], right):
                    verdict = "caught"
                    break
            if verdict == "caught":
                break
            verdict = "flagged"
        by_class[cls][verdict] += 1
        by_class["all"][verdict] += 1
        if verdict != "caught":
            misses.append((verdict, wrong, right, cls))
    print("%-10s %6s %7s %7s %6s" % ("class", "rows", "caught", "flagged", "missed"))
    for cls in sorted(by_class, key=lambda c: (c == "all", c)):
        c = by_class[cls]
        n = sum(c.values())
        print("%-10s %6d %7d %7d %6d" % (cls, n, c["caught"], c["flagged"], c["missed"]))
    a = by_class["all"]
    print("recall: %d of %d caught with the right suggestion (%.0f%%)"
          % (a["caught"], sum(a.values()), 100 * a["caught"] / sum(a.values())))
    if args.show:
        for v in misses:
            print("  %-7s %s -> %s (%s)" % v)


if __name__ == "__main__":
    main()

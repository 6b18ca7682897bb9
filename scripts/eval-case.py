#!/usr/bin/env python3
"""Recall of the casing checks on damage injected into clean text.

    scripts/eval-case.py [--vnlint build/vnlint] [--corpus build/corpus]
                         [--lines 600] [--seed 7] [--no-model]

capital: in each of N corpus lines, one lower-case Vietnamese word inside a
sentence (after a lower-case word, before another word) gets a capital
letter, as when a heading runs into the text or machine translation keeps
a capital: "trách nhiệm nhiệm vụ" -> "trách nhiệm Nhiệm vụ".
Caught: case/capital-mid-sentence reports a span that covers that word.

lower: in each of N corpus lines, one capitalised sentence start (the
first word of the line, or the word after ". ", "? ", "! ") is put in lower
case. Caught: case/lowercase-sentence-start or
punctuation/lowercase-after-period reports that word (each owns its own
places; the table shows both).

Each damaged line is linted as its own document, and so is its undamaged
copy: alarms of the rule on the undamaged copies are false alarms. The
lines are those of at least 8 words with Vietnamese marks, shuffled with
the seed; never the held-out packages. Besides the totals, the tables
split the injections by the shape the rules look for (a capital starting
a word of dict/common-words.txt in a sentence that ends with a mark; a
start in a paragraph of two or more sentences), so misses by design are
told from misses by accident."""
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
WORD = re.compile(r"[^\W\d_]+")
MARKS = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợ"
                   "ùúủũụưừứửữựỳýỷỹỵđ]", re.I)
FINAL = re.compile(r"[.?!][\"”’)\]]*\s*$")


def corpus_lines(root):
    out = []
    for path in walk_txt(root):
        with open(path, encoding="utf-8") as fh:
            out += [l.rstrip("\n") for l in fh
                    if len(l.split()) >= 8 and MARKS.search(l)]
    return out


def load_list(path):
    with open(path, encoding="utf-8") as fh:
        return {l.strip() for l in fh if l.strip() and not l.startswith("#")}


def words_of(line):
    """(start, end, word) for each run of letters standing alone between
    spaces (not glued to digits, marks of code or punctuation inside)."""
    out = []
    for m in WORD.finditer(line):
        s, e = m.start(), m.end()
        before = line[s - 1] if s else " "
        after = line[e] if e < len(line) else " "
        out.append((s, e, m.group(), before, after))
    return out


def inject_capital(line, rng, common):
    """Capitalise one lower-case word between two lower-case words of the
    same sentence. Returns (damaged line, column, targeted) or None."""
    ws = words_of(line)
    cands = []
    for k in range(1, len(ws) - 1):
        s, e, w, before, after = ws[k]
        ps, pe, pw, _, _ = ws[k - 1]
        ns, ne, nw, _, nafter = ws[k + 1]
        if not (w.islower() and pw.islower() and len(w) > 1 and len(pw) > 1):
            continue
        if line[pe:s] != " " or line[e:ns] != " ":
            continue
        cands.append(k)
    if not cands:
        return None
    k = rng.choice(cands)
    s, e, w, _, _ = ws[k]
    nw = ws[k + 1][2]
    bad = line[:s] + w[0].upper() + w[1:] + line[e:]
    targeted = (w + " " + nw).lower() in common and bool(FINAL.search(line))
    return bad, s, targeted


def inject_lower(line, rng):
    """Lower-case one capitalised sentence start. Returns (damaged line,
    column, where, sentences) or None; where is "paragraph" or "mark"."""
    starts = []
    m = re.match(r"\s*([^\W\d_]+)", line)
    if m:
        starts.append((m.start(1), m.group(1), "paragraph"))
    for m in re.finditer(r"[.?!] ([^\W\d_]+)", line):
        starts.append((m.start(1), m.group(1), "mark"))
    nsent = len(starts)
    starts = [x for x in starts
              if x[1][0].isupper() and x[1][1:].islower() and len(x[1]) > 1]
    if not starts:
        return None
    s, w, where = rng.choice(starts)
    return line[:s] + w[0].lower() + line[s + 1:], s, where, nsent


def run(vnlint, texts, rules, no_model):
    """Lint each text as its own file; returns the set of (index, column,
    rule, end column) of the rules' diagnostics on the first line (columns
    0-based, in code points)."""
    tmp = tempfile.mkdtemp(prefix="eval-case-")
    try:
        paths = []
        for i, t in enumerate(texts):
            p = os.path.join(tmp, "%04d.txt" % i)
            with open(p, "w", encoding="utf-8") as fh:
                fh.write(t + "\n")
            paths.append(p)
        hits = set()
        for b in range(0, len(paths), 200):
            cmd = [vnlint, "--no-config", "--format", "jsonl"]
            if no_model:
                cmd.append("--no-model")
            for r in rules:
                cmd += ["--enable", r]
            r = subprocess.run(cmd + paths[b:b + 200], capture_output=True,
                               text=True)
            if r.returncode not in (0, 1):
                sys.exit("eval-case: vnlint failed: " + r.stderr)
            for l in r.stdout.splitlines():
                d = json.loads(l)
                if d.get("rule") in rules and d.get("line") == 1:
                    i = int(os.path.basename(d["path"])[:4])
                    end = d["end_column"] - 1 if d.get("end_line") == 1 else 10**9
                    hits.add((i, d["column"] - 1, d["rule"], end))
        return hits
    finally:
        shutil.rmtree(tmp)


def pct(a, b):
    return "%6.1f%%" % (100.0 * a / b) if b else "     -"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--vnlint", default=os.path.join(REPO, "build", "vnlint"))
    ap.add_argument("--corpus", default=os.path.join(REPO, "build", "corpus"))
    ap.add_argument("--lines", type=int, default=600)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-model", action="store_true",
                    help="lint without the context model")
    a = ap.parse_args()
    lines = corpus_lines(a.corpus)
    if not lines:
        sys.exit("eval-case: no corpus lines under %s" % a.corpus)
    common = load_list(os.path.join(REPO, "dict", "common-words.txt"))

    # capital/mid-sentence
    rng = random.Random(a.seed)
    order = lines[:]
    rng.shuffle(order)
    bad, clean, cols, tgt = [], [], [], []
    for line in order:
        if len(bad) >= a.lines:
            break
        r = inject_capital(line, rng, common)
        if r:
            bad.append(r[0])
            clean.append(line)
            cols.append(r[1])
            tgt.append(r[2])
    rule = "case/capital-mid-sentence"
    hits = run(a.vnlint, bad, [rule], a.no_model)
    covers = {(h[0], cols[h[0]]) for h in hits if h[1] <= cols[h[0]] < h[3]}
    caught = [(i, cols[i]) in covers for i in range(len(bad))]
    false = {h[0] for h in run(a.vnlint, clean, [rule], a.no_model)}
    other = len({h[0] for h in hits if not h[1] <= cols[h[0]] < h[3]})
    nt = sum(tgt)
    ct = sum(1 for i in range(len(bad)) if tgt[i] and caught[i])
    print("case/capital-mid-sentence (%s)" % ("no model" if a.no_model else "model"))
    print("  %-52s %8s %7s %7s" % ("injected", "count", "caught", "recall"))
    print("  %-52s %8d %7d %s" % ("all", len(bad), sum(caught), pct(sum(caught), len(bad))))
    print("  %-52s %8d %7d %s" % ("listed word, sentence ends with a mark", nt, ct, pct(ct, nt)))
    print("  other alarms on the damaged lines: %d; lines with alarms on the "
          "undamaged copies: %d of %d" % (other, len(false), len(clean)))

    # lower/sentence start
    rng = random.Random(a.seed + 1)
    order = lines[:]
    rng.shuffle(order)
    bad, clean, info = [], [], []
    for line in order:
        if len(bad) >= a.lines:
            break
        r = inject_lower(line, rng)
        if r:
            bad.append(r[0])
            clean.append(line)
            info.append(r[1:])
    rules = ["case/lowercase-sentence-start", "punctuation/lowercase-after-period"]
    hits = run(a.vnlint, bad, rules, a.no_model)
    false = run(a.vnlint, clean, rules[:1], a.no_model)
    by_line = {}
    for h in hits:
        by_line.setdefault(h[0], []).append(h)

    def got(i, rule):
        col = info[i][0]
        return any(h[0] == i and h[2] == rule and h[1] <= col < h[3]
                   for h in by_line.get(i, ()))

    print()
    print("sentence start put in lower case")
    print("  %-36s %8s %9s %9s %9s" % ("injected", "count", "case/", "punct/", "either"))
    groups = [
        ("all", lambda i: True),
        ("paragraph start", lambda i: info[i][1] == "paragraph"),
        ("  in a paragraph of 2+ sentences", lambda i: info[i][1] == "paragraph" and info[i][2] >= 2),
        ("after . ? ! on the line", lambda i: info[i][1] == "mark"),
    ]
    for name, sel in groups:
        idx = [i for i in range(len(bad)) if sel(i)]
        c1 = sum(1 for i in idx if got(i, rules[0]))
        c2 = sum(1 for i in idx if got(i, rules[1]))
        ce = sum(1 for i in idx if got(i, rules[0]) or got(i, rules[1]))
        print("  %-36s %8d %9s %9s %9s" % (name, len(idx), "%d" % c1, "%d" % c2,
                                           "%d %s" % (ce, pct(ce, len(idx)).strip())))
    print("  case/lowercase-sentence-start on the undamaged copies: %d alarms "
          "in %d lines" % (len(false), len({h[0] for h in false})))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Recall of the document-structure checks on damage injected into clean
documents, and their alarms on the same documents undamaged.

    scripts/eval-structure.py [--corpus build/corpus] [--vnlint build/vnlint]
                              [--seed S] [--show N]

Each corpus document (paragraphs separated by blank lines) gets one damage
of each kind, in a separate copy:

  truncation   a paragraph that ends with a full stop is cut just after a
               comma or a conjunction or preposition of its last sentence
               (the words after it are dropped), at least four words in;
  duplicate    an earlier paragraph is copied to a later place, as is or
               with one or two words replaced by other words of the
               document;
  boilerplate  a line of web-page residue is inserted as a paragraph of
               its own (a related-articles header, a sharing label, a
               source credit, a cookie notice, written with varied case
               and decoration); "weak" labels (Chia sẻ, Xem thêm, Quay
               lại) are inserted alone and in pairs.

A damage counts as caught when the rule reports on the damaged paragraph's
line. Recall is printed per kind and per group (truncation: source and where
the cut is; duplicate: length in letter words and words changed;
boilerplate: kind of line), then the alarms of the three rules on the
undamaged documents. Deterministic for a given seed. Never reads the held-out
packages."""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RULES = {
    "truncation": "structure/truncated-paragraph",
    "duplicate": "structure/duplicate-paragraph",
    "boilerplate": "structure/boilerplate",
}
# Where a sentence can be cut so that it visibly stops: commas and the
# common conjunctions and prepositions of Vietnamese prose. Chosen for the
# damage, not copied from dict/linking-words.txt: "thì", "cho", "từ",
# "khi" are here although the check leaves them alone.
CUT_WORDS = ["và", "nhưng", "hoặc", "của", "với", "để", "là", "mà", "thì",
             "vì", "nếu", "cho", "từ", "khi", "các", "những", "rằng"]
STRONG = ["Tin liên quan", "TIN LIÊN QUAN", "Bài viết liên quan:",
          "» Tin cùng chuyên mục", "Về đầu trang", "Lên đầu trang ↑",
          "Chia sẻ Facebook", "Đọc tiếp...", "Xem tiếp »", "Tags: kinh tế, xã hội",
          "Theo VnExpress", "Theo Tuổi Trẻ", "Theo báo Thanh Niên",
          "Theo TTXVN.", "Theo Dân trí", "Bản quyền thuộc về Báo Điện tử ABC",
          "Có thể bạn quan tâm", "Viết bình luận", "Gửi bài viết",
          "In bài viết", "Ý kiến bạn đọc",
          "Trang web này sử dụng cookie để cải thiện trải nghiệm của bạn."]
WEAK = ["Chia sẻ", "Bình luận (12)", "Xem thêm", "Quay lại", "Thích",
        "Trang chủ", "In"]
WORD = re.compile(r"[^\W\d_]+")


def corpus_docs(root):
    out = []
    for d, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".txt"):
                out.append(os.path.join(d, f))
    return out


def paragraphs(text):
    return [p for p in re.split(r"\n[ \t]*\n", text.strip("\n")) if p.strip()]


def words(p):
    """Words as vnlint counts them, roughly: paths, URLs and addresses
    are not words."""
    return sum(len(WORD.findall(t)) for t in p.split()
               if not t.startswith(("/", "~/", "./")) and "://" not in t
               and "@" not in t)


def starts_upper(p):
    m = re.search(r"[^\W\d_]", p)
    return bool(m and m.start() < 3 and m.group().isupper())


def line_of(paras, i):
    """1-based first line of paragraph i when joined by blank lines."""
    return 1 + sum(p.count("\n") + 2 for p in paras[:i])


def truncate(paras, rng):
    """Cut a prose paragraph after a comma or a cut word of its last
    sentence; returns (paras, index, group) or None."""
    cands = [i for i, p in enumerate(paras)
             if words(p) >= 8 and starts_upper(p) and p.rstrip()[-1:] in ".!?"]
    rng.shuffle(cands)
    for i in cands:
        p = paras[i]
        m = list(re.finditer(r"[.!?…:;]\s", p.rstrip()[:-1]))
        start = m[-1].end() if m else 0
        cuts = []
        for c in re.finditer(r",|(?<!\w)(%s)(?!\w)" % "|".join(CUT_WORDS), p[start:]):
            if words(p[start:start + c.start()]) >= 4:
                cuts.append((start + c.end(), "comma" if c.group() == "," else "word"))
        if not cuts:
            continue
        end, kind = rng.choice(cuts)
        out = list(paras)
        out[i] = p[:end]
        return out, i, kind
    return None


def duplicate(paras, rng):
    cands = [i for i, p in enumerate(paras[:-1]) if words(p) >= 8]
    if not cands:
        return None
    i = rng.choice(cands)
    j = rng.randrange(i + 1, len(paras) + 1)
    copy = paras[i]
    changes = rng.choice([0, 1, 2])
    vocab = WORD.findall(" ".join(paras))
    for _ in range(changes):
        ws = list(WORD.finditer(copy))
        w = rng.choice(ws)
        new = rng.choice([v for v in vocab if v.lower() != w.group().lower()] or ["khác"])
        copy = copy[:w.start()] + new + copy[w.end():]
    out = paras[:j] + [copy] + paras[j:]
    n = words(copy)
    size = "8-19" if n < 20 else "20-39" if n < 40 else "40+"
    return out, j, "%-5s words, %d changed" % (size, changes)


def boilerplate(paras, rng):
    kind = rng.choice(["strong", "weak alone", "weak pair"])
    j = rng.randrange(1, len(paras) + 1)
    if kind == "strong":
        lines = [rng.choice(STRONG)]
    elif kind == "weak alone":
        lines = [rng.choice(WEAK)]
    else:
        a, b = rng.sample(WEAK, 2)
        lines = [a, b]
    out = paras[:j] + lines + paras[j:]
    return out, j, kind


def run(vnlint, rule, root):
    r = subprocess.run([vnlint, "--no-config", "--format", "jsonl", "--disable",
                        "all", "--enable", rule, root],
                       capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit("eval-structure: vnlint failed: " + r.stderr)
    hits = defaultdict(set)
    for line in r.stdout.splitlines():
        d = json.loads(line)
        hits[os.path.relpath(d["path"], root)].add(d["line"])
    return hits


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.path.join(REPO, "build", "corpus"))
    ap.add_argument("--vnlint", default=os.path.join(REPO, "build", "vnlint"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", type=int, default=0, help="print N misses per kind")
    a = ap.parse_args()
    docs = corpus_docs(a.corpus)
    if not docs:
        sys.exit("eval-structure: no corpus in %s" % a.corpus)
    rng = random.Random(a.seed)
    tmp = tempfile.mkdtemp(prefix="eval-structure.")
    try:
        expected = {k: {} for k in RULES}
        for path in docs:
            rel = os.path.relpath(path, a.corpus)
            src = rel.split(os.sep)[0]
            with open(path, encoding="utf-8") as fh:
                paras = paragraphs(fh.read())
            if len(paras) < 2:
                continue
            for kind, fn in (("truncation", truncate), ("duplicate", duplicate),
                             ("boilerplate", boilerplate)):
                got = fn(paras, rng)
                if got is None:
                    continue
                out, i, group = got
                dest = os.path.join(tmp, kind, rel)
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                with open(dest, "w", encoding="utf-8") as fh:
                    fh.write("\n\n".join(out) + "\n")
                lines = [line_of(out, i)]
                if kind == "boilerplate" and group == "weak pair":
                    lines.append(line_of(out, i + 1))
                if kind == "truncation":
                    group = "%s / %s" % (src, group)
                expected[kind][rel] = (lines, group, out[i])
        print("%-12s %-40s %8s %7s %7s" % ("damage", "group", "injected", "caught",
                                          "recall"))
        for kind, rule in RULES.items():
            hits = run(a.vnlint, rule, os.path.join(tmp, kind))
            tot, groups, misses = Counter(), defaultdict(Counter), []
            for rel, (lines, group, text) in sorted(expected[kind].items()):
                for ln in lines:
                    ok = ln in hits.get(rel, ())
                    groups[group]["n"] += 1
                    groups[group]["ok"] += ok
                    tot["n"] += 1
                    tot["ok"] += ok
                    if not ok:
                        misses.append((rel, ln, group, text))
            for g in sorted(groups):
                c = groups[g]
                print("%-12s %-40s %8d %7d %6.1f%%" % (kind, g, c["n"], c["ok"],
                                                       100.0 * c["ok"] / c["n"]))
            print("%-12s %-40s %8d %7d %6.1f%%" % (kind, "ALL", tot["n"], tot["ok"],
                                                   100.0 * tot["ok"] / max(1, tot["n"])))
            for rel, ln, group, text in misses[:a.show]:
                print("  miss %s:%d [%s] %s" % (rel, ln, group, text[-100:].replace("\n", " ")))
        print()
        print("alarms on the undamaged documents (%d files):" % len(docs))
        for kind, rule in RULES.items():
            hits = run(a.vnlint, rule, a.corpus)
            print("  %-32s %d" % (rule, sum(len(v) for v in hits.values())))
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.exit(main())

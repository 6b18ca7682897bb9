#!/usr/bin/env python3
"""Recall of input/ime-residue on Telex, VNI and VIQR typing injected into
clean text, and its false alarms on the same lines left undamaged.

    scripts/eval-ime.py [--lines N] [--seed S] [--corpus DIR] [--show K]

Takes corpus lines of at least 8 words with Vietnamese marks, and in each
re-types one random marked word the way it is typed with the input method
switched off, in one of several common key orders:

  Telex  end       hats right after their vowel, tone key last   vieetj
         vowels    tone key right after the vowels               vieejt
         marked    tone key right after the marked vowel         nguwowfi
         (ươ is typed uwow or uow, ư after consonants uw or w, Đ DD or Dd)
  VNI    end       vie6t5       vowels  vie65t      marked  ngu7o72i
         (ươ is typed u7o7 or uo7)
  VIQR   vowels    Tie^ng'      marked  Tie^'ng, ngu+o+`i  (no "end": a
         mark after the last letter is left alone by design, see the rule)

N lines are damaged with Telex, N others with VNI and N with VIQR (--viqr
0 leaves VIQR out). Each line is its own
paragraph. Reports per method and key order: injected, caught (a finding
on exactly the re-typed word), correct (its first suggestion is the
original word) and restored by --fix; then the findings on the undamaged
copies of the same lines (false alarms).

Uses build/vnlint and build/corpus (make build/vnlint corpus); never the
held-out packages."""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata

from vncorpus import walk_txt

HAT = {"\u0302": "circ", "\u0306": "breve", "\u031b": "horn"}
TONE = {"\u0300": ("f", "2"), "\u0301": ("s", "1"), "\u0309": ("r", "3"),
        "\u0303": ("x", "4"), "\u0323": ("j", "5")}
TELEX_HAT = {("a", "circ"): "aa", ("e", "circ"): "ee", ("o", "circ"): "oo",
             ("a", "breve"): "aw", ("o", "horn"): "ow", ("u", "horn"): "uw"}
VNI_HAT = {"circ": "6", "horn": "7", "breve": "8"}
VIQR_HAT = {"circ": "^", "horn": "+", "breve": "("}
VIQR_TONE = {"\u0300": "`", "\u0301": "'", "\u0309": "?", "\u0303": "~",
             "\u0323": "."}
METHODS = ("telex", "vni", "viqr")
VOWELS = set("aeiouy")
WORD = re.compile(r"(?<![\w.@/\\-])[^\W\d_]{1,7}(?![\w@/\\-])")
ORDERS = ("end", "vowels", "marked")


def letters(word):
    """[(base, hat or None, upper)] and (tone mark or None, index)."""
    out, tone, at = [], None, None
    for ch in word:
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        if base in "đĐ":
            out.append(("d", "stroke", base == "Đ"))
            continue
        hat = None
        for m in marks:
            if m in HAT:
                hat = HAT[m]
            elif m in TONE:
                tone, at = m, len(out)
        out.append((base.lower(), hat, base.isupper()))
    return out, tone, at


def retype(word, method, order, rng):
    """The keys typed for word, or None if it has no mark to type."""
    ls, tone, at = letters(word)
    if tone is None and not any(h for _, h, _ in ls):
        return None
    keys = []            # one string per letter
    horn_pair = rng.random() < 0.5   # ươ as uow / uo7
    bare_w = rng.random() < 0.5      # ư after consonants as w
    dd_caps = rng.random() < 0.5     # Đ as DD rather than Dd
    caps = len(ls) > 1 and all(u for _, _, u in ls)
    for i, (base, hat, upper) in enumerate(ls):
        k = base
        if hat == "stroke":
            k = "d9" if method == "vni" else "dd"
            if upper:
                k = "D9" if method == "vni" else ("DD" if dd_caps else "Dd")
                keys.append(k)
                continue
        elif hat:
            pair_next = (base == "u" and hat == "horn" and i + 1 < len(ls)
                         and ls[i + 1][:2] == ("o", "horn"))
            if pair_next and horn_pair and method != "viqr":
                k = base          # the o's key does both
            elif method == "telex":
                alone = (base == "u" and hat == "horn" and bare_w and
                         all(b not in VOWELS for b, _, _ in ls[:i]) and i > 0)
                k = "w" if alone else TELEX_HAT[(base, hat)]
            elif method == "vni":
                k = base + VNI_HAT[hat]
            else:
                k = base + VIQR_HAT[hat]
        if caps:
            k = k.upper()     # caps lock: every key in capitals
        elif upper:
            k = k[0].upper() + k[1:]
        keys.append(k)
    if tone is not None:
        if method == "viqr":
            t = VIQR_TONE[tone]
        else:
            t = TONE[tone][0 if method == "telex" else 1]
            t = t.upper() if caps else t
        vowel_idx = [i for i, (b, _, _) in enumerate(ls) if b in VOWELS]
        if order == "end":
            pos = len(ls) - 1
        elif order == "vowels":
            pos = vowel_idx[-1]
        else:
            pos = at
        keys[pos] += t
    return "".join(keys)


def english_words(words):
    """The words en_US knows, by the hunspell command (empty if absent)."""
    try:
        r = subprocess.run(["hunspell", "-d", "en_US", "-l"],
                           input="\n".join(words), capture_output=True,
                           text=True)
    except OSError:
        return set()
    unknown = set(r.stdout.split())
    return {w for w in words if w not in unknown} if r.returncode == 0 else set()


def corpus_lines(root):
    lines = []
    for path in walk_txt(root):
        with open(path, encoding="utf-8") as fh:
            for l in fh:
                l = l.rstrip("\n")
                if len(l.split()) >= 8 and re.search("[ạ-ỹđ]", l):
                    lines.append(l)
    return lines


def run(vnlint, lines, extra):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False,
                                     encoding="utf-8") as tf:
        tf.write("\n\n".join(lines) + "\n")
    try:
        cmd = [vnlint, "--no-config", "--disable", "all", "--enable",
               "input/ime-residue"] + extra + [tf.name]
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode not in (0, 1):
            sys.exit("eval-ime: %s failed: %s" % (vnlint, res.stderr))
        return res.stdout
    finally:
        os.unlink(tf.name)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=600)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--viqr", type=int, default=None,
                    help="VIQR lines (default: as many as --lines)")
    ap.add_argument("--corpus", default="build/corpus")
    ap.add_argument("--vnlint", default="build/vnlint")
    ap.add_argument("--show", type=int, default=0,
                    help="print up to K missed words per method")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    lines = corpus_lines(a.corpus)
    rng.shuffle(lines)
    cases = []  # (method, order, line index, start, damaged word, original)
    damaged, clean = [], []
    it = iter(lines)
    wanted = {"telex": a.lines, "vni": a.lines,
              "viqr": a.lines if a.viqr is None else a.viqr}
    for method in METHODS:
        n = 0
        for line in it:
            if n >= wanted[method]:
                break
            words = [m for m in WORD.finditer(line)
                     if re.search("[^\x00-\x7f]", m.group())]
            rng.shuffle(words)
            for m in words:
                order = rng.choice(ORDERS[1:] if method == "viqr" else ORDERS)
                keys = retype(m.group(), method, order, rng)
                if keys is None:
                    continue
                cases.append((method, order, len(damaged), m.start(), keys,
                              m.group()))
                damaged.append(line[:m.start()] + keys + line[m.end():])
                clean.append(line)
                n += 1
                break
    found = {}
    for l in run(a.vnlint, damaged, ["--format", "jsonl"]).splitlines():
        d = json.loads(l)
        found[((d["line"] - 1) // 2, d["column"] - 1)] = d
    # --fix on standard input prints the fixed text.
    r = subprocess.run([a.vnlint, "--no-config", "--disable", "all",
                        "--enable", "input/ime-residue", "--fix", "-"],
                       input="\n\n".join(damaged) + "\n", capture_output=True,
                       text=True)
    fixed = r.stdout.split("\n\n")
    stats, missed = {}, {}
    for method, order, li, start, keys, orig in cases:
        # columns count code points, as in the line
        d = found.get((li, start))
        caught = d is not None and d["text"] == keys
        right = caught and d.get("suggestions", [None])[0] == orig
        restored = li < len(fixed) and fixed[li].rstrip("\n") == clean[li]
        for key in ((method, order), (method, "all")):
            s = stats.setdefault(key, [0, 0, 0, 0])
            s[0] += 1
            s[1] += caught
            s[2] += right
            s[3] += restored
        if not caught:
            line = damaged[li]
            missed.setdefault(method, []).append((keys, orig, line, start))
    print(f"{'method':6} {'order':7} {'injected':>8} {'caught':>7} "
          f"{'correct':>8} {'fixed':>6} {'recall':>7}")
    for method in METHODS:
        for order in ORDERS + ("all",):
            s = stats.get((method, order))
            if s:
                print(f"{method:6} {order:7} {s[0]:8} {s[1]:7} {s[2]:8} "
                      f"{s[3]:6} {s[1] / s[0]:7.1%}")
    fa = run(a.vnlint, clean, ["--format", "jsonl"]).splitlines()
    words = sum(len(l.split()) for l in clean)
    print(f"false alarms on the {len(clean)} undamaged lines "
          f"({words} words): {len(fa)}")
    for l in fa:
        d = json.loads(l)
        print("  ", d["text"], "->", d.get("suggestions"))
    english = english_words([k for ws in missed.values() for k, _, _, _ in ws])
    for method, ws in missed.items():
        why = {}
        for keys, orig, line, start in ws:
            if keys.isupper() and len(keys) > 1:
                r = "all capitals"
            elif method == "viqr" and not keys[-1].isalpha():
                r = "a mark at the end"
            elif method != "viqr" and keys in english:
                r = "an English word"
            else:
                r = "context"
            why[r] = why.get(r, 0) + 1
        print("missed %s: %s" % (method, ", ".join(
            "%d %s" % (n, r) for r, n in sorted(why.items(), key=lambda x: -x[1]))))
        for keys, orig, line, start in ws[:a.show]:
            print("  %s (%s)  …%s«%s»%s…" % (
                keys, orig, line[max(0, start - 40):start], keys,
                line[start + len(keys):start + len(keys) + 40]))


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Recall and precision of encoding/mojibake on Vietnamese text damaged by a
wrong decoding: corpus lines are encoded as UTF-8, TCVN3 (iconv
TCVN5712-1), VNI-Windows (the table of scripts/gen-legacy-tables.py),
VISCII (iconv) and Windows-1258 (iconv CP1258), and the bytes decoded as
Windows-1252 (Latin-1 for its five undefined bytes), as a misconfigured
program would.

    scripts/eval-encodings.py [--lines 600] [--seed 3] [--vnlint build/vnlint]
                              [--corpus build/corpus] [--show N] [--isolated]

The same random lines are used for every encoding: lines of at least four
words with a Vietnamese letter that every encoding can write. Each damaged
line is its own paragraph of one file, as in a misdecoded document; with
--isolated each is a file of its own, so no line has damaged surroundings.
Reported per encoding:
  lines     damaged lines (a line of plain ASCII is not damaged)
  found     lines with at least one finding
  words     damaged words
  repaired  damaged words that the findings turn back into the original
  wrong     words that a finding changes into something else (each finding
            whose suggestion is not the original text counts its words)
  findings  findings, and bad: those whose suggestion is not the original
            text (precision = 1 - bad / findings)
  fixed     lines that `vnlint --fix` turns back into the original exactly
  runs      findings that cover more than one word
Never uses the held-out packages."""
import argparse
import importlib.util
import os
import random
import re
import subprocess
import sys
import json
import tempfile
import unicodedata

from vncorpus import walk_txt

HERE = os.path.dirname(os.path.abspath(__file__))
RULE = "encoding/mojibake"
UNDEF = b"\x81\x8d\x8f\x90\x9d"


def load_vni():
    spec = importlib.util.spec_from_file_location(
        "gen_legacy_tables", os.path.join(HERE, "gen-legacy-tables.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    table = {}
    for v in mod.VOWELS:
        for t in mod.TONES:
            lo = unicodedata.normalize("NFC", v + t)
            table[lo] = mod.vni_spelling(lo)
            table[lo.upper()] = mod.upper_spelling(table[lo])
    table["đ"] = mod.vni_spelling("đ")
    table["Đ"] = mod.upper_spelling(table["đ"])
    return table


VNI = load_vni()


def shown_as_cp1252(b):
    return "".join(chr(x) if x in UNDEF else bytes([x]).decode("cp1252")
                   for x in b)


def encode(enc, line):
    """The bytes of line in enc, or None if enc cannot write it."""
    if enc == "UTF-8":
        return line.encode("utf-8")
    if enc == "VNI-Windows":
        out = bytearray()
        for ch in line:
            if ch in VNI:
                out += VNI[ch]
            elif ord(ch) < 0x80:
                out.append(ord(ch))
            else:
                return None
        return bytes(out)
    r = subprocess.run(["iconv", "-f", "UTF-8", "-t", enc],
                       input=line.encode("utf-8"), capture_output=True)
    return r.stdout if r.returncode == 0 else None


ENCODINGS = ["UTF-8", "TCVN5712-1", "VNI-Windows", "VISCII", "CP1258"]


def corpus_lines(root):
    out = []
    for path in walk_txt(root):
        with open(path, encoding="utf-8") as fh:
            for l in fh:
                l = l.strip()
                if len(l.split()) >= 4 and re.search("[à-ỹđ]", l, re.I):
                    out.append(l)
    return out


def lint(vnlint, paths, extra):
    r = subprocess.run([vnlint, "--no-config", "--disable", "all",
                        "--enable", RULE] + extra + paths, capture_output=True)
    if r.returncode not in (0, 1):
        sys.exit("eval-encodings: %s failed: %s" % (vnlint, r.stderr))
    return r.stdout


def evaluate(vnlint, bad, isolated):
    """Findings per line index, and the text --fix makes of each line."""
    tmp = tempfile.mkdtemp()
    if isolated:
        paths = [os.path.join(tmp, "l%04d.txt" % k) for k in range(len(bad))]
        for p, line in zip(paths, bad):
            with open(p, "w", encoding="utf-8") as fh:
                fh.write(line + "\n")
    else:
        paths = [os.path.join(tmp, "all.txt")]
        with open(paths[0], "w", encoding="utf-8") as fh:
            fh.write("\n\n".join(bad) + "\n")
    found = {}
    for l in lint(vnlint, paths, ["--format", "jsonl"]).decode().splitlines():
        d = json.loads(l)
        if d["rule"] != RULE:
            continue
        k = (paths.index(d["path"]) if isolated else (d["line"] - 1) // 2)
        found.setdefault(k, []).append(d)
    lint(vnlint, paths, ["-q", "--fix"])
    fixed = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            fixed += [x.rstrip("\n") for x in fh.read().split("\n\n")]
        os.unlink(p)
    os.rmdir(tmp)
    return found, fixed


def words_of(line):
    """Words split at ASCII blanks only: damage can make U+00A0 or U+0085,
    which str.split() would also split at."""
    return [w for w in re.split("[ \t]+", line) if w]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=600)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--vnlint", default="build/vnlint")
    ap.add_argument("--corpus", default="build/corpus")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--isolated", action="store_true")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    pool = corpus_lines(a.corpus)
    rng.shuffle(pool)
    chosen = []
    damaged = {e: [] for e in ENCODINGS}
    for line in pool:
        if len(chosen) >= a.lines:
            break
        bs = [encode(e, line) for e in ENCODINGS]
        if any(b is None for b in bs):
            continue
        chosen.append(line)
        for e, b in zip(ENCODINGS, bs):
            damaged[e].append(shown_as_cp1252(b))
    print("%d lines from %s (seed %d)" % (len(chosen), a.corpus, a.seed))
    print("%-12s %6s %6s %6s %8s %6s %8s %4s %6s %6s" % (
        "encoding", "lines", "found", "words", "repaired", "wrong",
        "findings", "bad", "fixed", "runs"))
    for e in ENCODINGS:
        bad = damaged[e]
        per_line, fixed = evaluate(a.vnlint, bad, a.isolated)
        # Where each line starts in its file.
        base, pos = [], 0
        for line in bad:
            base.append(0 if a.isolated else pos)
            pos += len(line.encode("utf-8")) + 2
        n_lines = n_found = n_words = n_rep = n_wrong = n_fixed = n_runs = 0
        n_finds = n_bad = 0
        shown = 0
        for k, (orig, dmg) in enumerate(zip(chosen, bad)):
            if orig == dmg:
                continue
            n_lines += 1
            if fixed[k] == orig:
                n_fixed += 1
            ow, dw = words_of(orig), words_of(dmg)
            damaged_idx = {i for i, (x, y) in enumerate(zip(ow, dw)) if x != y}
            n_words += len(damaged_idx)
            finds = per_line.get(k, [])
            if finds:
                n_found += 1
            line_b = dmg.encode("utf-8")
            for d in finds:
                n_finds += 1
                off = d["byte_offset"] - base[k]
                ln = d["byte_length"]
                sugg = d["suggestions"][0].encode("utf-8")
                new = (line_b[:off] + sugg + line_b[off + ln:]).decode("utf-8")
                # The words the span touches: by character offsets.
                c0 = len(line_b[:off].decode("utf-8"))
                c1 = c0 + len(line_b[off:off + ln].decode("utf-8"))
                idx, pos = [], 0
                for i, w in enumerate(dw):
                    s = dmg.index(w, pos)
                    pos = s + len(w)
                    if s < c1 and pos > c0:
                        idx.append(i)
                if len(idx) > 1:
                    n_runs += 1
                nw = words_of(new)
                ok = len(nw) == len(ow) and all(nw[i] == ow[i] for i in idx)
                if ok:
                    n_rep += len([i for i in idx if i in damaged_idx])
                else:
                    n_bad += 1
                    bad_w = [i for i in idx
                             if i >= len(nw) or i >= len(ow) or nw[i] != ow[i]]
                    n_wrong += len(bad_w)
                    if shown < a.show:
                        shown += 1
                        print("  WRONG %s: %r -> %r (original %r)" % (
                            e, d["text"], d["suggestions"][0],
                            " ".join(ow[i] for i in idx)))
            if not finds and shown < a.show:
                shown += 1
                print("  MISSED %s: %s" % (e, dmg[:100]))
        print("%-12s %6d %6d %6d %8d %6d %8d %4d %6d %6d" % (
            e, n_lines, n_found, n_words, n_rep, n_wrong, n_finds, n_bad,
            n_fixed, n_runs))


if __name__ == "__main__":
    sys.exit(main())

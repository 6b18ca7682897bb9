#!/usr/bin/env python3
"""Recall of the OCR word-shape checks on damage injected into clean text,
and their alarms on the same lines undamaged:

  split    a random syllable with Vietnamese marks broken by a space at a
           random inner position ("người" -> "ngư ời")   ocr/split-word
  join     the space between two random adjacent words deleted
           ("hệ thống" -> "hệthống")                      ocr/joined-words
  m>rn, d>cl, l>I, h>li
           one letter of a random word replaced by the group OCR takes it
           for ("một" -> "rnột")                          ocr/letter-confusion

One damage per line, on a random Vietnamese word (a syllable of hunspell's
vi_VN.dic; English words of the technical corpus are not damaged) of a line
with at least 8 words and Vietnamese marks. A damage is caught when the
rule reports a span that overlaps it, and correct when the first
suggestion is the original text. "marked" counts the damages whose
word(s) carry Vietnamese marks: the rules leave unmarked words alone by
design, as they are as often English, names or codes.

    scripts/eval-ocr.py [--corpus build/corpus] [--lines 600] [--seed 7]
                        [--show N] [--no-model]

Uses build/vnlint; never the held-out packages."""
import argparse, json, os, random, re, subprocess, sys, tempfile, unicodedata

WORD = re.compile(r"[^\W\d_]+")
MARKED = re.compile("[à-ỹđĐÀ-Ỹ]")
PAIR = re.compile(r"(?<![\w.@/-])([^\W\d_]+) ([^\W\d_]+)(?![\w@/-])")
LETTERS = {"m>rn": ("m", "rn"), "d>cl": ("d", "cl"), "l>I": ("l", "I"),
           "h>li": ("h", "li")}
RULE = {"split": "ocr/split-word", "join": "ocr/joined-words"}
RULE.update({k: "ocr/letter-confusion" for k in LETTERS})
HELD_OUT = ("libreoffice-help-vi", "firefox-esr-l10n-vi")


def syllables(path="/usr/share/hunspell/vi_VN.dic"):
    with open(path, encoding="utf-8") as fh:
        next(fh)
        return {unicodedata.normalize("NFC", l.split("/")[0].strip()).lower()
                for l in fh if l.strip()}


def marked(w):
    return MARKED.search(w) is not None


def damage(kind, line, rng, vi):
    """(damaged line, start, end of the damage in it, original text) or None."""
    if kind == "join":
        pairs = [m for m in PAIR.finditer(line)
                 if m.group(1).lower() in vi and m.group(2).lower() in vi]
        if not pairs:
            return None
        m = rng.choice(pairs)
        joined = m.group(1) + m.group(2)
        return (line[:m.start()] + joined + line[m.end():], m.start(),
                m.start() + len(joined), m.group(0))
    words = list(WORD.finditer(line))
    rng.shuffle(words)
    for m in words:
        w = m.group()
        if w.lower() not in vi:
            continue
        if kind == "split":
            if len(w) < 2 or not marked(w):
                continue
            k = rng.randrange(1, len(w))
            bad = w[:k] + " " + w[k:]
        else:
            seen, meant = LETTERS[kind]
            pos = [i for i, c in enumerate(w) if c == seen]
            if not pos:
                continue
            i = rng.choice(pos)
            bad = w[:i] + meant + w[i + 1:]
        return (line[:m.start()] + bad + line[m.end():], m.start(),
                m.start() + len(bad), w)
    return None


def lint(rule, lines, extra=()):
    """{line number (1-based in lines): [diagnostics]} for rule."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False,
                                     encoding="utf-8") as tf:
        tf.write("\n\n".join(lines) + "\n")
    try:
        res = subprocess.run(["build/vnlint", "--no-config", "--format",
                              "jsonl", "--disable", "all", "--enable", rule,
                              *extra, tf.name], capture_output=True, text=True)
    finally:
        os.unlink(tf.name)
    if res.returncode not in (0, 1):
        sys.exit("eval-ocr: vnlint failed: " + res.stderr)
    out = {}
    for l in res.stdout.splitlines():
        d = json.loads(l)
        if d.get("rule") == rule:
            out.setdefault((d["line"] + 1) // 2, []).append(d)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="build/corpus")
    ap.add_argument("--lines", type=int, default=600)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", type=int, default=0,
                    help="print up to N misses and wrong fixes per kind")
    ap.add_argument("--no-model", action="store_true",
                    help="lint without the shipped model, which learned from"
                    " the same corpus and ranks two equally short splits")
    a = ap.parse_args()
    if any(h in os.path.abspath(a.corpus) for h in HELD_OUT):
        sys.exit("eval-ocr: refusing the held-out corpus")
    rng = random.Random(a.seed)
    vi = syllables()
    lines = []
    for root, dirs, files in os.walk(a.corpus):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".txt"):
                with open(os.path.join(root, f), encoding="utf-8") as fh:
                    lines += [l.rstrip("\n") for l in fh
                              if len(l.split()) >= 8 and MARKED.search(l)]
    rng.shuffle(lines)
    print(f"{'damage':8} {'rule':22} {'injected':>8} {'caught':>7} "
          f"{'recall':>7} {'correct':>8} {'marked':>7} {'caught':>7} "
          f"{'recall':>7} {'clean alarms':>12}")
    for kind, rule in RULE.items():
        bad, clean, spans = [], [], []
        for line in lines:
            if len(bad) >= a.lines:
                break
            d = damage(kind, line, rng, vi)
            if d:
                bad.append(d[0])
                clean.append(line)
                spans.append(d[1:])
        extra = ["--no-model"] if a.no_model else []
        found = lint(rule, bad, extra)
        alarms = sum(len(v) for v in lint(rule, clean, extra).values())
        caught = correct = nmarked = mcaught = 0
        shown = []
        for n, (start, end, orig) in enumerate(spans, 1):
            nmarked += marked(orig)
            # columns are 1-based code points of the line
            hit = [d for d in found.get(n, [])
                   if d["column"] - 1 < end and d["end_column"] - 1 > start]
            if hit:
                caught += 1
                mcaught += marked(orig)
                sugg = hit[0].get("suggestions") or []
                if sugg and sugg[0] == orig:
                    correct += 1
                elif len(shown) < a.show:
                    shown.append(f"  wrong: {bad[n-1][start:end]!r} -> "
                                 f"{sugg} (was {orig!r})")
            elif len(shown) < a.show:
                shown.append(f"  miss:  {bad[n-1][start:end]!r} (was {orig!r})")
        print(f"{kind:8} {rule:22} {len(spans):8} {caught:7} "
              f"{caught / max(len(spans), 1):7.1%} {correct:8} "
              f"{nmarked:7} {mcaught:7} {mcaught / max(nmarked, 1):7.1%} "
              f"{alarms:12}")
        for s in shown:
            print(s)


if __name__ == "__main__":
    sys.exit(main())

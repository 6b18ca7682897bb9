#!/usr/bin/env python3
"""Recall of the Unicode-hygiene and glyph checks on damage injected into
clean text: ZWSP / soft hyphen / BOM inside words (unicode/invisible-char),
Cyrillic look-alikes (unicode/confusable), o->0 and l/i->1
(ocr/digit-in-word). One damage per line, on a random Vietnamese word.

    scripts/eval-hygiene.py [--lines N] [--seed S]

Uses build/vnlint and build/corpus (make build/vnlint corpus); never the
held-out packages."""
import argparse, json, os, random, re, subprocess, sys, tempfile

KINDS = {
    "invisible-char": "unicode/invisible-char",
    "confusable": "unicode/confusable",
    "digit-in-word": "ocr/digit-in-word",
}
CYR = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "c": "\u0441",
       "p": "\u0440", "x": "\u0445", "y": "\u0443", "i": "\u0456"}
WORD = re.compile(r"\b[^\W\d_]{2,}\b")


def damage(kind, word, rng):
    if kind == "invisible-char":
        k = rng.randrange(1, len(word))
        return word[:k] + rng.choice(["\u200b", "\u00ad", "\ufeff", "\u2060"]) + word[k:]
    if kind == "confusable":
        pos = [i for i, ch in enumerate(word) if ch in CYR]
        if not pos:
            return None
        i = rng.choice(pos)
        return word[:i] + CYR[word[i]] + word[i + 1:]
    pos = [i for i, ch in enumerate(word) if ch in "oli"]
    if not pos:
        return None
    i = rng.choice(pos)
    return word[:i] + ("0" if word[i] == "o" else "1") + word[i + 1:]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=600)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    lines = []
    for root, _, files in sorted(os.walk("build/corpus")):
        for f in sorted(files):
            if f.endswith(".txt") and f != "SOURCES.tsv":
                with open(os.path.join(root, f), encoding="utf-8") as fh:
                    lines += [l.rstrip("\n") for l in fh
                              if len(l.split()) >= 8 and re.search("[ạ-ỹđ]", l)]
    rng.shuffle(lines)
    print(f"{'rule':28} {'injected':>8} {'caught':>7} {'recall':>7}")
    for kind, rule in KINDS.items():
        out, spans = [], []
        for line in lines:
            if len(out) >= a.lines:
                break
            words = [m for m in WORD.finditer(line)]
            rng.shuffle(words)
            for m in words:
                bad = damage(kind, m.group(), rng)
                if bad:
                    out.append(line[:m.start()] + bad + line[m.end():])
                    spans.append((len(out), m.start(), m.start() + len(bad)))
                    break
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False,
                                         encoding="utf-8") as tf:
            tf.write("\n\n".join(out) + "\n")
        res = subprocess.run(["build/vnlint", "--no-config", "--format",
                              "jsonl", "--enable", rule, tf.name],
                             capture_output=True, text=True)
        os.unlink(tf.name)
        hits = set()
        for l in res.stdout.splitlines():
            d = json.loads(l)
            if d.get("rule") == rule:
                hits.add((d["line"] + 1) // 2)
        caught = sum(1 for n, _, _ in spans if n in hits)
        print(f"{rule:28} {len(spans):8} {caught:7} {caught / len(spans):7.1%}")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Evaluate vnlint's context model (rule context/unlikely-syllable).

    scripts/eval-context.py [--vnlint build/vnlint] [--corpus build/corpus]
                            [--out build/eval] [--thresholds 2,3,4,5,6,7,8,10]
                            [--profile ocr|typing] [--rate 0.05] [--seed 1]
                            [--show N] [--examples N] [--model FILE]
                            [--inject-only] [--self-test]

1. Split build/corpus by file: a file is TEST when
   int(sha1(relative path).hexdigest(), 16) % 10 == 0, else TRAIN.
   (The held-out libreoffice-help-vi / firefox-esr-l10n-vi corpus is never
   read; the script refuses a corpus that contains them.)
2. `vnlint train -o OUT/train.model TRAIN-FILES...`.
3. OUT/clean.txt: the TEST paragraphs with at least 5 Vietnamese syllables.
4. OUT/damaged.txt: the same paragraphs with about RATE of the eligible
   words (lowercase, Vietnamese letters only, a syllable of hunspell's
   vi_VN.dic, with at least one confusion) replaced by one OCR-type
   confusion that is itself in vi_VN.dic -- never two adjacent words.
   OUT/truth.jsonl: one line per injected word (byte offset and length in
   damaged.txt, original, wrong, class).  Classes: tone (another of the six
   tones), vowel (a/ă/â, o/ô/ơ, u/ư, e/ê, with or without a tone change),
   d-dd (initial d <-> đ), l-t (initial l <-> t).  The class is drawn
   uniformly among the classes that have a candidate, then the candidate
   uniformly within the class.
5. For each threshold: `vnlint --model M --context-threshold X --profile P
   --disable all --enable context/unlikely-syllable --format json` on
   damaged.txt and clean.txt; prints detections, true positives (a
   detection whose span is exactly an injected word), precision, recall,
   correction accuracy (TP whose first suggestion is the original word, tone
   placement hoà/hòa ignored), and false alarms per 1,000 words on
   clean.txt (words: whitespace tokens with a letter); recall per class;
   and recommends the smallest threshold with precision >= 0.90 and at most
   1 false alarm per 1,000 words.
6. --show N: N false alarms on clean.txt, N missed injections, N wrong
   corrections and N detections on damaged.txt that are not injected words,
   with 40 characters of context, at the recommended threshold (or
   --show-threshold).  --examples N: N injected words per class.

Python 3 standard library only; deterministic for a given corpus, seed and
vnlint.  Exit status 0, 2 on a usage error or if vnlint fails.
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import unicodedata

from vncorpus import corpus_files, count_words

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RULE = "context/unlikely-syllable"
HELD_OUT = ("libreoffice-help-vi", "firefox-esr-l10n-vi", "corpus-eval")
CONTEXT = 40
ARG_LIMIT = 64 * 1024  # bytes of paths on the train command line; else a symlink dir
CLASSES = ("tone", "vowel", "d-dd", "l-t")

# Tone marks in NFD, index = tone number (0 = none).
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
TONE_SET = set(TONES[1:])
BASE_VOWELS = set("aeiouy")
VOWEL_GROUPS = ("aăâ", "oôơ", "uư", "eê")
VOWEL_ALT = {c: g for g in VOWEL_GROUPS for c in g}
# Vietnamese letters (lowercase): the Latin alphabet without f j w z, with
# đ and every vowel with its marks.
VN_BASE = set("abcdđeghiklmnopqrstuvxy")
OPENING = "\"'“‘«([{"
CLOSING = "\"'”’»)]},.;:!?…"


def die(msg):
    print("eval-context: " + msg, file=sys.stderr)
    sys.exit(2)


# ------------------------------------------------------------ syllables

def is_vn_letters(w):
    """True if w (NFC, lowercase) is made only of Vietnamese letters."""
    if not w:
        return False
    for ch in w:
        base = unicodedata.normalize("NFD", ch)[0] if ch != "đ" else ch
        if base not in VN_BASE:
            return False
        for m in unicodedata.normalize("NFD", ch)[1:]:
            if m not in TONE_SET and m not in ("\u0302", "\u0306", "\u031b"):
                return False
    return True


def split_tone(w):
    """(skeleton, tone): w without its tone mark (NFC) and the tone 0..5."""
    nfd = unicodedata.normalize("NFD", w)
    tone = 0
    out = []
    for ch in nfd:
        if ch in TONE_SET:
            tone = TONES.index(ch)
        else:
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)), tone


def place_at(skel, tone, i):
    """Skeleton with the tone mark on its i-th letter (NFC)."""
    if not tone:
        return skel
    ch = unicodedata.normalize("NFD", skel[i])
    return unicodedata.normalize("NFC", skel[:i] + ch + TONES[tone] + skel[i + 1:])


def placements(skel, tone):
    """Every way to put the tone mark on a vowel of the skeleton."""
    if not tone:
        return [skel]
    return [place_at(skel, tone, i) for i, ch in enumerate(skel)
            if unicodedata.normalize("NFD", ch)[0] in BASE_VOWELS]


_OPEN = re.compile(r"(?:^|[^q])(?:oa|oe|uy)$")


def to_reformed(w):
    """hòa -> hoà, khỏe -> khoẻ, thủy -> thuỷ (open oa/oe/uy); else w."""
    skel, tone = split_tone(w)
    if tone and _OPEN.search(skel) and w == place_at(skel, tone, len(skel) - 2):
        return place_at(skel, tone, len(skel) - 1)
    return w


def to_traditional(w):
    """hoà -> hòa, khoẻ -> khỏe, thuỷ -> thủy; else w."""
    skel, tone = split_tone(w)
    if tone and _OPEN.search(skel) and w == place_at(skel, tone, len(skel) - 1):
        return place_at(skel, tone, len(skel) - 2)
    return w


def same_syllable(a, b):
    """Equal after NFC, lowercase and ignoring the hoà/hòa placement."""
    n = lambda s: to_reformed(unicodedata.normalize("NFC", s).lower())
    return n(a) == n(b)


def load_dic(path):
    """The lowercase entries of a hunspell .dic made of Vietnamese letters."""
    words = set()
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
    except OSError as e:
        die("cannot read %s: %s (install hunspell-vi)" % (path, e))
    for line in lines[1:]:
        w = unicodedata.normalize("NFC", line.split("/")[0].strip())
        if w and w == w.lower() and is_vn_letters(w):
            words.add(w)
    if not words:
        die("no entries in %s" % path)
    return words


class Confusions:
    """OCR-type confusions of a syllable, restricted to vi_VN.dic."""

    def __init__(self, dic):
        self.dic = dic
        self.cache = {}

    def valid(self, w):
        return to_reformed(w) in self.dic

    def _in_dic(self, skel, tone):
        return [p for p in placements(skel, tone) if p in self.dic]

    def candidates(self, w):
        """{class: sorted candidates in the dictionary's (reformed) form}."""
        w = to_reformed(w)
        if w in self.cache:
            return self.cache[w]
        out = {}
        if w in self.dic:
            skel, tone = split_tone(w)
            found = {c: set() for c in CLASSES}
            for t in range(6):
                if t != tone:
                    found["tone"].update(self._in_dic(skel, t))
            for i, ch in enumerate(skel):
                for alt in VOWEL_ALT.get(ch, ""):
                    if alt != ch:
                        s2 = skel[:i] + alt + skel[i + 1:]
                        for t in range(6):
                            found["vowel"].update(self._in_dic(s2, t))
            swap = {"d": ("đ", "d-dd"), "đ": ("d", "d-dd"),
                    "l": ("t", "l-t"), "t": ("l", "l-t")}
            if skel[0] in swap:
                alt, cls = swap[skel[0]]
                found[cls].update(self._in_dic(alt + skel[1:], tone))
            for c in CLASSES:
                found[c].discard(w)
                if found[c]:
                    out[c] = sorted(found[c])
        self.cache[w] = out
        return out


# --------------------------------------------------------------- corpus

def is_test(rel):
    return int(hashlib.sha1(rel.encode("utf-8")).hexdigest(), 16) % 10 == 0


def split_corpus(root):
    if any(h in os.path.abspath(root) for h in HELD_OUT):
        die("%s is held out for independent evaluation; never use it here" % root)
    files = corpus_files(root)
    train, test = [], []
    for f in files:
        rel = os.path.relpath(f, root).replace(os.sep, "/")
        if any(h in rel for h in HELD_OUT):
            die("%s is held out for independent evaluation; never use it here" % f)
        (test if is_test(rel) else train).append((rel, f))
    return train, test


def tokens(par):
    """(start, end, core) for every whitespace token: core is the token
    without leading opening and trailing closing punctuation, start/end its
    character span in par."""
    out = []
    for m in re.finditer(r"\S+", par):
        s, e = m.start(), m.end()
        while s < e and par[s] in OPENING:
            s += 1
        while e > s and par[e - 1] in CLOSING:
            e -= 1
        out.append((s, e, par[s:e]))
    return out


def vn_syllables(par, conf):
    n = 0
    for _, _, core in tokens(par):
        w = unicodedata.normalize("NFC", core).lower()
        if w and is_vn_letters(w) and conf.valid(w):
            n += 1
    return n


def paragraphs(text):
    for p in re.split(r"\n[ \t]*\n+", text):
        p = p.strip("\n")
        if p.strip():
            yield p


def eligible(core, conf):
    return (core == core.lower() and core == unicodedata.normalize("NFC", core)
            and is_vn_letters(core) and conf.valid(core)
            and bool(conf.candidates(core)))


def choose_style(cand, original, freq):
    """Spell the candidate hoà or hòa: as the original word does when it is
    itself such a syllable with a tone (OCR misreads a mark where it is),
    otherwise as the training text does more often."""
    trad = to_traditional(cand)
    if trad == cand:
        return cand
    if to_reformed(original) != original:
        return trad
    if to_traditional(original) != original:
        return cand
    if freq.get(trad, 0) > freq.get(cand, 0):
        return trad
    return cand


def inject(pars, conf, freq, rate, seed):
    """Damage the paragraphs.  pars: [(rel, index, text)].  Returns
    (clean_text, damaged_text, truth) with byte offsets into damaged_text."""
    clean_parts, dam_parts, truth = [], [], []
    clean_pos = dam_pos = 0
    for rel, pi, par in pars:
        rng = random.Random("%s:%s:%d" % (seed, rel, pi))
        toks = tokens(par)
        chosen = {}
        prev = False
        for ti, (s, e, core) in enumerate(toks):
            pick = False
            if not prev and eligible(core, conf) and rng.random() < rate:
                cands = conf.candidates(core)
                cls = rng.choice(sorted(cands))
                wrong = choose_style(rng.choice(cands[cls]), core, freq)
                chosen[ti] = (cls, wrong)
                pick = True
            prev = pick
        out = []
        last = 0
        for ti, (cls, wrong) in sorted(chosen.items()):
            s, e, core = toks[ti]
            out.append(par[last:s])
            prefix_b = len("".join(out).encode("utf-8"))
            clean_b = len(par[:s].encode("utf-8"))
            truth.append({"offset": dam_pos + prefix_b,
                          "length": len(wrong.encode("utf-8")),
                          "original": core, "wrong": wrong, "class": cls,
                          "clean_offset": clean_pos + clean_b,
                          "file": rel, "paragraph": pi})
            out.append(wrong)
            last = e
        out.append(par[last:])
        dpar = "".join(out)
        clean_parts.append(par)
        dam_parts.append(dpar)
        clean_pos += len(par.encode("utf-8")) + 2
        dam_pos += len(dpar.encode("utf-8")) + 2
    return "\n\n".join(clean_parts) + "\n", "\n\n".join(dam_parts) + "\n", truth


def verify_truth(clean, damaged, truth, conf):
    """Every record points at its words; fails loudly otherwise."""
    cb, db = clean.encode("utf-8"), damaged.encode("utf-8")
    for t in truth:
        w = db[t["offset"]:t["offset"] + t["length"]].decode("utf-8")
        o = cb[t["clean_offset"]:t["clean_offset"] + len(t["original"].encode("utf-8"))]
        assert w == t["wrong"], (t, w)
        assert o.decode("utf-8") == t["original"], t
        assert not same_syllable(t["wrong"], t["original"]), t
        assert conf.valid(t["wrong"]) and conf.valid(t["original"]), t
        assert re.fullmatch(r"\w+", t["wrong"]) and " " not in t["wrong"], t
        before = db[:t["offset"]].decode("utf-8")[-1:]
        after = db[t["offset"] + t["length"]:].decode("utf-8")[:1]
        assert not before.isalnum() and not after.isalnum(), t
    offs = [t["offset"] for t in truth]
    assert offs == sorted(offs) and len(set(offs)) == len(offs)


# ---------------------------------------------------------------- vnlint

def run_json(cmd):
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        die("cannot run %s: %s" % (cmd[0], e))
    if r.returncode not in (0, 1):
        sys.stderr.write(r.stderr.decode("utf-8", "replace"))
        die("%s exited with status %d" % (" ".join(cmd), r.returncode))
    try:
        return json.loads(r.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        sys.stderr.write(r.stderr.decode("utf-8", "replace"))
        die("invalid JSON from %s: %s" % (" ".join(cmd), e))


def diagnostics(doc, rule=RULE):
    out = []
    for fe in doc.get("files", []):
        for d in fe.get("diagnostics", []) or []:
            if d.get("rule") == rule:
                out.append(d)
    return sorted(out, key=lambda d: (d["byte_offset"], d["byte_length"]))


def lint_cmd(args, model, threshold, path):
    return [args.vnlint, "--no-config", "--model", model,
            "--context-threshold", str(threshold), "--profile", args.profile,
            "--disable", "all", "--enable", RULE, "--format", "json", path]


def train(args, files, model):
    cmd = [args.vnlint, "train", "-o", model]
    paths = [f for _, f in files]
    tmp = None
    if sum(len(p) + 1 for p in paths) > ARG_LIMIT:
        tmp = tempfile.mkdtemp(prefix="vnlint-train-")
        for i, (rel, f) in enumerate(files):
            os.symlink(os.path.abspath(f),
                       os.path.join(tmp, "%05d-%s" % (i, rel.replace("/", "_"))))
        paths = [tmp]
    t0 = time.time()
    try:
        r = subprocess.run(cmd + paths, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        die("cannot run %s: %s" % (args.vnlint, e))
    finally:
        if tmp:
            for f in os.listdir(tmp):
                os.unlink(os.path.join(tmp, f))
            os.rmdir(tmp)
    if r.returncode != 0 or not os.path.isfile(model):
        sys.stderr.write(r.stderr.decode("utf-8", "replace"))
        die("training failed (status %d): %s train -o %s ..." % (r.returncode, args.vnlint, model))
    return time.time() - t0


# --------------------------------------------------------------- scoring

def score(truth, dam_diags, clean_diags, clean_words):
    """Metrics for one threshold.  Pure: the self-test feeds it fake reports."""
    by_span = {(t["offset"], t["length"]): t for t in truth}
    tp, correct = [], []
    hit = set()
    fp = []
    for d in dam_diags:
        key = (d["byte_offset"], d["byte_length"])
        t = by_span.get(key)
        if t is not None and key not in hit:
            hit.add(key)
            tp.append((d, t))
            sg = d.get("suggestions") or []
            if sg and same_syllable(sg[0], t["original"]):
                correct.append((d, t))
        else:
            fp.append(d)
    n = len(dam_diags)
    per_class = {}
    for c in CLASSES:
        inj = sum(1 for t in truth if t["class"] == c)
        got = sum(1 for _, t in tp if t["class"] == c)
        per_class[c] = (got, inj)
    missed = [t for t in truth if (t["offset"], t["length"]) not in hit]
    wrong_fix = [(d, t) for d, t in tp if (d, t) not in correct]
    return {
        "detections": n, "tp": len(tp), "injected": len(truth),
        "precision": len(tp) / n if n else float("nan"),
        "recall": len(tp) / len(truth) if truth else float("nan"),
        "correction": len(correct) / len(tp) if tp else float("nan"),
        "clean_alarms": len(clean_diags),
        "fa_per_1000": 1000.0 * len(clean_diags) / clean_words if clean_words else float("nan"),
        "per_class": per_class, "missed": missed, "wrong_fix": wrong_fix,
        "fp": fp, "clean_diags": clean_diags,
    }


def recommend(results, min_precision, max_fa):
    ok = [t for t, m in results if m["detections"] and m["precision"] >= min_precision
          and m["fa_per_1000"] <= max_fa]
    return min(ok) if ok else None


def fmt(x, spec="%.3f"):
    return "n/a" if x != x else spec % x


def print_table(results):
    print("%6s %7s %6s %6s %7s %7s %7s %7s %8s" % (
        "thresh", "detect", "TP", "inj", "prec", "recall", "corr", "FA", "FA/1000"))
    for t, m in results:
        print("%6s %7d %6d %6d %7s %7s %7s %7d %8s" % (
            "%g" % t, m["detections"], m["tp"], m["injected"], fmt(m["precision"]),
            fmt(m["recall"]), fmt(m["correction"]), m["clean_alarms"],
            fmt(m["fa_per_1000"])))
    print()
    print("recall per class (TP/injected)")
    print("%6s " % "thresh" + " ".join("%14s" % c for c in CLASSES))
    for t, m in results:
        cells = []
        for c in CLASSES:
            got, inj = m["per_class"][c]
            cells.append("%14s" % ("%d/%d %s" % (got, inj, fmt(got / inj if inj else float("nan"), "%.2f"))))
        print("%6s " % ("%g" % t) + " ".join(cells))


# ------------------------------------------------------------------ show

def pick(items, n):
    """Up to n items spread evenly over the list: deterministic."""
    if n <= 0 or not items:
        return []
    if len(items) <= n:
        return list(items)
    return [items[i * len(items) // n] for i in range(n)]


def in_context(data, off, length):
    left = data[max(0, off - 4 * CONTEXT):off].decode("utf-8", "replace")[-CONTEXT:]
    span = data[off:off + length].decode("utf-8", "replace")
    right = data[off + length:off + length + 4 * CONTEXT].decode("utf-8", "replace")[:CONTEXT]
    flat = lambda s: s.replace("\n", "⏎")
    return "…%s«%s»%s…" % (flat(left), flat(span), flat(right))


def show(m, n, clean_b, dam_b):
    print()
    print("== false alarms on clean.txt (%d shown of %d)" % (min(n, len(m["clean_diags"])), len(m["clean_diags"])))
    for d in pick(m["clean_diags"], n):
        sg = (d.get("suggestions") or ["-"])[0]
        print("  @%d %s → %s  %s" % (d["byte_offset"], d.get("text", ""), sg,
                                     in_context(clean_b, d["byte_offset"], d["byte_length"])))
    print()
    print("== missed injections (%d shown of %d)" % (min(n, len(m["missed"])), len(m["missed"])))
    for t in pick(m["missed"], n):
        print("  @%d %s ← %s [%s]  %s" % (t["offset"], t["wrong"], t["original"], t["class"],
                                          in_context(dam_b, t["offset"], t["length"])))
    print()
    print("== detected with a wrong first suggestion (%d shown of %d)" % (
        min(n, len(m["wrong_fix"])), len(m["wrong_fix"])))
    for d, t in pick(m["wrong_fix"], n):
        print("  @%d %s ← %s [%s], suggested %s  %s" % (
            t["offset"], t["wrong"], t["original"], t["class"],
            "/".join(d.get("suggestions") or ["-"]),
            in_context(dam_b, t["offset"], t["length"])))
    print()
    print("== detections on damaged.txt that are not injected words (%d shown of %d)" % (
        min(n, len(m["fp"])), len(m["fp"])))
    for d in pick(m["fp"], n):
        sg = (d.get("suggestions") or ["-"])[0]
        print("  @%d %s → %s  %s" % (d["byte_offset"], d.get("text", ""), sg,
                                     in_context(dam_b, d["byte_offset"], d["byte_length"])))


# ------------------------------------------------------------- self-test

def self_test(conf, clean, damaged, truth, clean_words):
    """Checks of the syllable surgery and of the scorer on fake reports."""
    assert to_reformed("hòa") == "hoà" and to_reformed("khỏe") == "khoẻ"
    assert to_reformed("thủy") == "thuỷ" and to_reformed("hoàn") == "hoàn"
    assert to_reformed("quý") == "quý" and to_reformed("qúy") == "qúy"
    assert to_traditional("hoá") == "hóa" and to_traditional("hoàn") == "hoàn"
    assert choose_style("tuỷ", "tùy", {}) == "tủy" and choose_style("tuỷ", "tuý", {}) == "tuỷ"
    assert choose_style("hoá", "hoa", {"hóa": 2, "hoá": 1}) == "hóa"
    assert choose_style("hoá", "hoa", {}) == "hoá" and choose_style("tán", "tàn", {}) == "tán"
    assert same_syllable("hòa", "hoà") and not same_syllable("hòa", "hoá")
    assert split_tone("người") == ("ngươi", 1)
    assert "người" in placements("ngươi", 1)
    assert conf.valid("hòa") and conf.valid("hoà") and not conf.valid("hòan")
    assert is_vn_letters("đường") and not is_vn_letters("web") and not is_vn_letters("a1")
    c = conf.candidates("đất")
    assert "dất" not in conf.dic or "dất" in c.get("d-dd", []), c
    assert c["tone"] == ["đật"] and "đất" not in c["vowel"], c
    assert "đát" in c["vowel"] and "đặt" in c["vowel"], c
    c = conf.candidates("làm")
    assert "tàm" in c.get("l-t", []) or "tàm" not in conf.dic, c
    c = conf.candidates("mặt")
    assert c["tone"] == ["mắt"] and "mật" in c["vowel"] and "mất" in c["vowel"], c
    assert [x[2] for x in tokens("(nhà, “cửa”) file.txt -n")] == ["nhà", "cửa", "file.txt", "-n"]
    assert not eligible("file.txt", conf) and not eligible("Nhà", conf)

    # Scorer on a fake report: i%4 == 0 exact span, right suggestion (the
    # other tone placement); 1 exact span, wrong suggestion; 2 off by a
    # byte; 3 nothing.  Plus 7 detections elsewhere and 5 on clean text.
    fake = []
    exp_tp = exp_corr = 0
    for i, t in enumerate(truth):
        k = i % 4
        if k == 0:
            fake.append({"rule": RULE, "byte_offset": t["offset"], "byte_length": t["length"],
                         "suggestions": [to_traditional(to_reformed(t["original"])), "x"]})
            exp_tp += 1
            exp_corr += 1
        elif k == 1:
            fake.append({"rule": RULE, "byte_offset": t["offset"], "byte_length": t["length"],
                         "suggestions": [t["wrong"]]})
            exp_tp += 1
        elif k == 2:
            fake.append({"rule": RULE, "byte_offset": t["offset"] + 1, "byte_length": t["length"],
                         "suggestions": [t["original"]]})
    for j in range(7):
        fake.append({"rule": RULE, "byte_offset": 3 + j * 1000003 % max(1, len(damaged)),
                     "byte_length": 2, "suggestions": []})
    fake.append({"rule": "spelling/invalid-syllable", "byte_offset": truth[3]["offset"],
                 "byte_length": truth[3]["length"], "suggestions": [truth[3]["original"]]})
    doc = {"files": [{"path": "damaged.txt", "diagnostics": fake}]}
    cdoc = {"files": [{"path": "clean.txt", "diagnostics": [
        {"rule": RULE, "byte_offset": i * 10, "byte_length": 3, "suggestions": ["a"]}
        for i in range(5)]}]}
    m = score(truth, diagnostics(doc), diagnostics(cdoc), clean_words)
    n = len(truth)
    exp_det = sum(1 for i in range(n) if i % 4 != 3) + 7
    assert m["detections"] == exp_det, (m["detections"], exp_det)
    assert m["tp"] == exp_tp and abs(m["precision"] - exp_tp / exp_det) < 1e-12
    assert abs(m["recall"] - exp_tp / n) < 1e-12
    assert abs(m["correction"] - exp_corr / exp_tp) < 1e-12
    assert abs(m["fa_per_1000"] - 5000.0 / clean_words) < 1e-12
    assert len(m["missed"]) == n - exp_tp
    assert sum(g for g, _ in m["per_class"].values()) == exp_tp
    assert sum(i for _, i in m["per_class"].values()) == n
    # A duplicate detection of the same span counts once as TP.
    m2 = score(truth[:1], [fake[0], dict(fake[0])], [], clean_words)
    assert m2["tp"] == 1 and m2["detections"] == 2
    assert recommend([(2, {"detections": 10, "precision": 0.8, "fa_per_1000": 0.5}),
                      (3, {"detections": 10, "precision": 0.95, "fa_per_1000": 1.5}),
                      (4, {"detections": 10, "precision": 0.93, "fa_per_1000": 0.9}),
                      (5, {"detections": 10, "precision": 0.99, "fa_per_1000": 0.1})],
                     0.9, 1.0) == 4
    print("self-test: ok (%d injections, fake report: TP %d of %d detections)"
          % (n, exp_tp, exp_det))


# ------------------------------------------------------------------ main

def main():
    class Fmt(argparse.RawDescriptionHelpFormatter):
        pass
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=Fmt,
                                 epilog=__doc__.split("\n\n", 2)[2])
    ap.add_argument("--vnlint", default=os.path.join(REPO, "build", "vnlint"),
                    help="the vnlint to train and run (default: %(default)s)")
    ap.add_argument("--corpus", default=os.path.join(REPO, "build", "corpus"),
                    help="clean corpus (make corpus) (default: %(default)s)")
    ap.add_argument("--out", default=os.path.join(REPO, "build", "eval"),
                    help="where train.model, clean.txt, damaged.txt, truth.jsonl go (default: %(default)s)")
    ap.add_argument("--dic", default="/usr/share/hunspell/vi_VN.dic",
                    help="the syllables that count as valid (default: %(default)s)")
    ap.add_argument("--thresholds", default="2,3,4,5,6,7,8,10",
                    help="comma-separated --context-threshold values (default: %(default)s)")
    ap.add_argument("--profile", default="ocr", choices=("ocr", "typing"),
                    help="vnlint --profile (the injected errors are OCR-type either way) (default: %(default)s)")
    ap.add_argument("--rate", type=float, default=0.05,
                    help="probability of damaging an eligible word (default: %(default)s)")
    ap.add_argument("--seed", default="1", help="injection seed (default: %(default)s)")
    ap.add_argument("--model", help="use this model instead of training OUT/train.model")
    ap.add_argument("--min-precision", type=float, default=0.90,
                    help="precision the recommended threshold must reach (default: %(default)s)")
    ap.add_argument("--max-fa", type=float, default=1.0,
                    help="false alarms per 1,000 clean words the recommended threshold may have (default: %(default)s)")
    ap.add_argument("--show", type=int, default=0, metavar="N",
                    help="print N false alarms, misses, wrong corrections and non-injected detections")
    ap.add_argument("--show-threshold", type=float,
                    help="threshold for --show (default: the recommended one)")
    ap.add_argument("--examples", type=int, default=0, metavar="N",
                    help="print N injected words per class")
    ap.add_argument("--jobs", type=int, default=2, help="vnlint runs at a time (default: %(default)s)")
    ap.add_argument("--inject-only", action="store_true",
                    help="write clean.txt, damaged.txt and truth.jsonl, then stop")
    ap.add_argument("--self-test", action="store_true",
                    help="check the injection and the scorer on a fake report, then stop")
    args = ap.parse_args()
    try:
        thresholds = sorted({float(x) for x in args.thresholds.split(",") if x.strip()})
    except ValueError:
        die("--thresholds: comma-separated numbers expected")
    if not thresholds and not (args.inject_only or args.self_test):
        die("--thresholds: no threshold")
    if not 0 < args.rate < 1:
        die("--rate must be between 0 and 1")

    train_files, test_files = split_corpus(args.corpus)
    if not test_files or not train_files:
        die("no .txt files under %s (run `make corpus`)" % args.corpus)
    conf = Confusions(load_dic(args.dic))

    # Word frequencies of the training text: to spell an injected hoà/hòa
    # the way the corpus usually does.
    freq = {}
    train_words = 0
    for _, f in train_files:
        with open(f, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        for w in text.split():
            train_words += any(c.isalpha() for c in w)
        for _, _, core in tokens(text):
            freq[core] = freq.get(core, 0) + 1

    pars = []
    for rel, f in test_files:
        with open(f, encoding="utf-8", errors="replace") as fh:
            for pi, p in enumerate(paragraphs(fh.read())):
                if vn_syllables(p, conf) >= 5:
                    pars.append((rel, pi, p))
    clean, damaged, truth = inject(pars, conf, freq, args.rate, args.seed)
    verify_truth(clean, damaged, truth, conf)
    clean_words = count_words(clean)
    n_elig = sum(1 for _, _, p in pars for _, _, c in tokens(p) if eligible(c, conf))

    os.makedirs(args.out, exist_ok=True)
    for name, text in (("clean.txt", clean), ("damaged.txt", damaged)):
        with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    with open(os.path.join(args.out, "truth.jsonl"), "w", encoding="utf-8") as fh:
        for i, t in enumerate(truth):
            fh.write(json.dumps(dict(id=i, **t), ensure_ascii=False, sort_keys=True) + "\n")

    print("corpus %s: %d train files (%d words), %d test files" % (
        args.corpus, len(train_files), train_words, len(test_files)))
    print("clean.txt: %d paragraphs, %d words, %d eligible words" % (len(pars), clean_words, n_elig))
    by_cls = {c: [t for t in truth if t["class"] == c] for c in CLASSES}
    print("damaged.txt: %d injected (%.2f%% of eligible; seed %s, rate %g): %s" % (
        len(truth), 100.0 * len(truth) / max(1, n_elig), args.seed, args.rate,
        ", ".join("%s %d" % (c, len(by_cls[c])) for c in CLASSES)))
    if args.examples:
        for c in CLASSES:
            print("  %s: %s" % (c, "  ".join("%s→%s" % (t["original"], t["wrong"])
                                             for t in pick(by_cls[c], args.examples))))
    if args.self_test:
        self_test(conf, clean, damaged, truth, clean_words)
        return 0
    if args.inject_only:
        return 0

    if not os.path.isfile(args.vnlint) or not os.access(args.vnlint, os.X_OK):
        die("%s not found or not executable (run `make build/vnlint`)" % args.vnlint)
    model = args.model
    if not model:
        model = os.path.join(args.out, "train.model")
        secs = train(args, train_files, model)
        print("trained %s in %.1f s (%d bytes)" % (model, secs, os.path.getsize(model)))

    dam_path = os.path.join(args.out, "damaged.txt")
    clean_path = os.path.join(args.out, "clean.txt")
    jobs = [(t, p) for t in thresholds for p in (dam_path, clean_path)]
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        docs = list(ex.map(lambda j: run_json(lint_cmd(args, model, j[0], j[1])), jobs))
    secs = time.time() - t0
    reports = {(t, p): d for (t, p), d in zip(jobs, docs)}
    results = []
    for t in thresholds:
        results.append((t, score(truth, diagnostics(reports[(t, dam_path)]),
                                 diagnostics(reports[(t, clean_path)]), clean_words)))
    print("linted %d times in %.1f s; profile %s; model %s" % (len(jobs), secs, args.profile, model))
    print()
    print_table(results)
    best = recommend(results, args.min_precision, args.max_fa)
    print()
    if best is None:
        print("recommendation: no threshold reaches precision >= %.2f with <= %g false alarms "
              "per 1,000 words" % (args.min_precision, args.max_fa))
    else:
        print("recommendation: --context-threshold %g (smallest with precision >= %.2f and "
              "<= %g false alarms per 1,000 words)" % (best, args.min_precision, args.max_fa))
        if best == thresholds[0]:
            print("  (the smallest threshold of the sweep: a lower one may qualify too; "
                  "try --thresholds with smaller values)")
    if args.show > 0:
        st = args.show_threshold
        if st is None:
            st = best if best is not None else thresholds[-1]
        m = dict(results).get(st)
        if m is None:
            m = score(truth, diagnostics(run_json(lint_cmd(args, model, st, dam_path))),
                      diagnostics(run_json(lint_cmd(args, model, st, clean_path))), clean_words)
        with open(clean_path, "rb") as fh:
            clean_b = fh.read()
        with open(dam_path, "rb") as fh:
            dam_b = fh.read()
        print()
        print("examples at --context-threshold %g" % st)
        show(m, args.show, clean_b, dam_b)
    return 0


if __name__ == "__main__":
    sys.exit(main())

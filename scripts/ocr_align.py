#!/usr/bin/env python3
"""Real-OCR experiment for vnlint: select, render, align, classify, score.

    ocr_align.py select  [--corpus build/corpus] [--out build/ocr]
    ocr_align.py render  [--out build/ocr] [--only COND...] [--limit N]
    ocr_align.py join    [--out build/ocr] [--src ocr] [--dst ocr-joined]
    ocr_align.py heldout [--corpus build/corpus] [--out build/ocr]
    ocr_align.py analyse [--out build/ocr] [--vnlint build/vnlint]
                         [--ocrdirs DIR...] [--variant NAME=OPTIONS]...
                         [--detail 0,2] [--show N] [--tag TAG]

Driven by scripts/ocr-experiment.sh (which also installs the packages, runs
tesseract and trains the models); the numbers are in docs/ocr-experiment.md.

select   picks prose paragraphs deterministically from three sources of the
         measurement corpus (maint-guide-vi, installation-guide-amd64,
         thunderbird-l10n-vi) -> OUT/clean/pNNN.txt (one paragraph, NFC,
         one line) and OUT/SELECTED.tsv.
render   renders every paragraph under every condition of CONDITIONS ->
         OUT/img/pNNN-COND.png (PIL + FreeType, seeded numpy noise, so the
         images are the same on every run).
join     copies OCR output with the line breaks inside paragraphs turned
         into spaces (same offsets).
heldout  copies the corpus without the selected paragraphs -> OUT/train,
         for a context model that has not seen them.
analyse  aligns OUT/<ocrdir>/pNNN-COND.txt to the clean text token by token
         (difflib on NFC tokens, then a small dynamic programme inside each
         replaced block so that splits and joins pair up), classifies every
         differing token, runs `vnlint --format json` on the OCR files (and
         on the clean text, as a baseline) once per --variant (extra vnlint
         options), and reports which errors vnlint flagged and fixed, per
         class, kind, condition and rule, and which of its alarms fell on
         correct tokens.  Writes OUT/report[-TAG].txt and .json and prints
         the report.

Only the Python standard library plus PIL and numpy (render) are used; the
syllable check is `hunspell -d vi_VN -l` (one batch call per OCR directory).
"""
import argparse
import difflib
import glob
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict

SOURCES = [
    # (corpus directory, paragraphs to take)
    ("maint-guide-vi", 50),
    ("installation-guide-amd64", 100),
    ("thunderbird-l10n-vi", 40),
]
FORBIDDEN = ("libreoffice-help-vi", "firefox-esr-l10n-vi")
MIN_WORDS = 60          # a paragraph of running prose, not a UI label
MIN_VI_RATIO = 0.5      # at least half of the words carry a Vietnamese mark

FONTS = {
    # Times New Roman's metric twin: the usual face of Vietnamese print.
    "serif": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    # Noto Sans: full Vietnamese coverage with properly stacked marks.
    "sans": "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
}

# name: (font, point size, dpi, degradation or None)
# degradation: blur radius (px), noise sigma (of 255), rotation (deg),
# JPEG quality (0 = none), threshold for a bilevel image (0 = stay greyscale)
CONDITIONS = {
    # clean renderings: what a good scan of a laser print looks like
    "serif11-200": ("serif", 11, 200, None),
    "sans10-150": ("sans", 10, 150, None),
    # greyscale office scan: blur, sensor noise, a skew, JPEG at quality 30-35
    "serif10-150-scan": ("serif", 10, 150,
                         dict(blur=0.7, noise=14, rot=0.6, jpeg=35, thr=0)),
    "sans10-150-scan": ("sans", 10, 150,
                        dict(blur=0.9, noise=18, rot=-0.7, jpeg=30, thr=0)),
    # bilevel photocopy / fax: blurred, noisy, then thresholded, so thin
    # strokes (dots below, hooks, breves) break up or vanish
    "serif11-150-copy": ("serif", 11, 150,
                         dict(blur=0.9, noise=10, rot=-0.4, jpeg=0, thr=165)),
    "sans10-150-copy": ("sans", 10, 150,
                        dict(blur=0.9, noise=10, rot=0.5, jpeg=0, thr=140)),
}

TONE_MARKS = {"\u0300": "grave", "\u0301": "acute", "\u0309": "hook",
              "\u0303": "tilde", "\u0323": "dot"}
VOWEL_MARKS = {"\u0306", "\u0302", "\u031b"}   # breve, circumflex, horn
WORD_RE = re.compile(r"[^\W_]+|[^\w\s]|_", re.UNICODE)


# ----------------------------------------------------------------- select

def paragraphs(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for i, p in enumerate(re.split(r"\n\s*\n", text)):
        p = " ".join(p.split())
        if p:
            yield i, unicodedata.normalize("NFC", p)


def is_candidate(p):
    words = [w for w in p.split() if any(c.isalpha() for c in w)]
    if len(p.split()) < MIN_WORDS or not words:
        return False
    vi = sum(1 for w in words if any(c.isalpha() and ord(c) > 127 for c in w))
    if vi / len(words) < MIN_VI_RATIO:
        return False
    if p[-1] not in ".:!?)":
        return False
    return "://" not in p and "%s" not in p and "{" not in p


def cmd_select(a):
    clean = os.path.join(a.out, "clean")
    os.makedirs(clean, exist_ok=True)
    for f in glob.glob(os.path.join(clean, "*.txt")):
        os.remove(f)
    rows = []
    n = 0
    for src, quota in SOURCES:
        assert src not in FORBIDDEN
        files = sorted(glob.glob(os.path.join(a.corpus, src, "**", "*.txt"),
                                 recursive=True))
        if not files:
            sys.exit("ocr_align: no corpus files under %s/%s (run make corpus)"
                     % (a.corpus, src))
        cands = []
        for f in files:
            for i, p in paragraphs(f):
                if is_candidate(p):
                    cands.append((os.path.relpath(f, a.corpus), i, p))
        step = len(cands) / quota if len(cands) > quota else 1.0
        picked = [cands[int(k * step)] for k in range(min(quota, len(cands)))]
        for rel, i, p in picked:
            n += 1
            pid = "p%03d" % n
            with open(os.path.join(clean, pid + ".txt"), "w",
                      encoding="utf-8") as out:
                out.write(p + "\n")
            rows.append((pid, rel, i, len(p.split())))
        print("select: %-26s %4d candidates, took %3d (every %.2f-th)"
              % (src, len(cands), len(picked), step))
    with open(os.path.join(a.out, "SELECTED.tsv"), "w", encoding="utf-8") as f:
        f.write("id\tfile\tparagraph\twords\n")
        for r in rows:
            f.write("%s\t%s\t%d\t%d\n" % r)
    print("select: %d paragraphs, %d words -> %s"
          % (len(rows), sum(r[3] for r in rows), clean))


# ----------------------------------------------------------------- render

def wrap(text, font, width):
    lines, cur = [], ""
    for w in text.split():
        t = (cur + " " + w) if cur else w
        if not cur or font.getlength(t) <= width:
            cur = t
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def render(text, cond, seed):
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
    import numpy as np
    face, pt, dpi, deg = CONDITIONS[cond]
    px = round(pt * dpi / 72)
    font = ImageFont.truetype(FONTS[face], px)
    width = round(15.0 / 2.54 * dpi)            # a 15 cm text column
    margin = round(0.5 * dpi)
    lines = wrap(text, font, width)
    lead = round(px * 1.4)                      # stacked marks need room
    img = Image.new("L", (width + 2 * margin, 2 * margin + lead * len(lines)),
                    255)
    d = ImageDraw.Draw(img)
    for k, line in enumerate(lines):
        d.text((margin, margin + k * lead + round(px * 0.25)), line, font=font,
               fill=0)
    if not deg:
        return img
    rng = np.random.default_rng(seed)
    if deg["rot"]:
        img = img.rotate(deg["rot"], resample=Image.BICUBIC, expand=True,
                         fillcolor=255)
    if deg["blur"]:
        img = img.filter(ImageFilter.GaussianBlur(deg["blur"]))
    arr = np.asarray(img).astype(np.float32)
    if deg["noise"]:
        arr = arr + rng.normal(0, deg["noise"], arr.shape)
    arr = np.clip(arr, 0, 255)
    if deg["thr"]:
        arr = np.where(arr < deg["thr"], 0, 255)
    img = Image.fromarray(arr.astype(np.uint8))
    if deg["jpeg"]:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=deg["jpeg"])
        buf.seek(0)
        img = Image.open(buf).convert("L")
    return img


def cmd_render(a):
    clean = sorted(glob.glob(os.path.join(a.out, "clean", "p*.txt")))
    imgdir = os.path.join(a.out, "img")
    os.makedirs(imgdir, exist_ok=True)
    conds = a.only or list(CONDITIONS)
    n = 0
    for ci, cond in enumerate(CONDITIONS):
        if cond not in conds:
            continue
        for path in clean:
            pid = os.path.basename(path)[:-4]
            if a.limit and int(pid[1:]) > a.limit:
                continue
            with open(path, encoding="utf-8") as f:
                text = f.read().strip()
            img = render(text, cond, seed=1000 * ci + int(pid[1:]))
            img.save(os.path.join(imgdir, "%s-%s.png" % (pid, cond)),
                     dpi=(CONDITIONS[cond][2],) * 2)
            n += 1
    print("render: %d images -> %s" % (n, imgdir))


# ----------------------------------------------------------------- syllables

def strip_tone(s):
    d = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in d
                                                 if c not in TONE_MARKS))


def tone_of(s):
    d = unicodedata.normalize("NFD", s)
    return [TONE_MARKS[c] for c in d if c in TONE_MARKS]


def strip_all(s):
    d = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in d if not unicodedata.combining(c))


def other_placement(w):
    """hòa <-> hoà, thủy <-> thuỷ: the same syllable with the tone mark on
    the other vowel of an open oa/oe/uy rime (hunspell-vi knows only the
    reformed placement)."""
    d = unicodedata.normalize("NFD", w)
    base = [c for c in d if c not in TONE_MARKS]
    marks = [c for c in d if c in TONE_MARKS]
    if len(marks) != 1:
        return None
    b = "".join(base).lower()
    m = re.search(r"(o[ae]|uy)$", b)
    if not m or (b[:m.start()].endswith("q") and b[m.start()] == "u"):
        return None
    # the mark follows the base letter it sits on: move it from the first
    # vowel of the rime to the second, or back
    nbase = len([c for c in d[:d.index(marks[0])] if c not in TONE_MARKS])
    on_first = nbase <= m.start() + 1
    ins = m.start() + 2 if on_first else m.start() + 1
    out = "".join(base[:ins]) + marks[0] + "".join(base[ins:])
    return unicodedata.normalize("NFC", out)


class Hunspell:
    def __init__(self, words):
        words = sorted({w for w in words if w and any(c.isalpha() for c in w)})
        alt = {w: other_placement(w) for w in words}
        probe = sorted(set(words) | {v for v in alt.values() if v})
        env = dict(os.environ, LC_ALL="C.UTF-8")
        r = subprocess.run(["hunspell", "-d", "vi_VN", "-i", "utf-8", "-l"],
                           input="\n".join(probe).encode("utf-8"),
                           stdout=subprocess.PIPE, env=env, check=True)
        bad = set(r.stdout.decode("utf-8").split())
        self.ok = {w for w in words
                   if w not in bad or (alt[w] and alt[w] not in bad)}

    def valid(self, w):
        # hunspell passes anything with a digit; no syllable has one
        return w in self.ok and not any(c.isdigit() for c in w)


# ----------------------------------------------------------------- align

def tokens(text):
    """[(token NFC, start char, end char)] of the raw text."""
    out = []
    for m in WORD_RE.finditer(text):
        out.append((unicodedata.normalize("NFC", m.group()), m.start(),
                    m.end()))
    return out


def is_word(t):
    return any(c.isalnum() for c in t)


def dist(a, b):
    """Normalised character distance, 0 = equal."""
    if a == b:
        return 0.0
    return 1.0 - difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def align_block(A, B):
    """Minimum-cost alignment of two short token lists; returns
    [(list of A tokens, list of B tokens)] with 1:1, 0:1, 1:0 and k:1/1:k
    (k <= 3) groups."""
    n, m = len(A), len(B)
    INF = float("inf")
    cost = [[INF] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            c0 = cost[i][j]
            if c0 == INF:
                continue
            moves = [(1, 0, 1.0), (0, 1, 1.0)]
            for di, dj in ((1, 1), (2, 1), (3, 1), (1, 2), (1, 3)):
                if i + di <= n and j + dj <= m and ((di, dj) == (1, 1) or all(
                        is_word(t[0]) for t in A[i:i + di] + B[j:j + dj])):
                    sa = "".join(t[0] for t in A[i:i + di])
                    sb = "".join(t[0] for t in B[j:j + dj])
                    d = dist(strip_all(sa).lower(), strip_all(sb).lower())
                    d = 0.5 * d + 0.1 * dist(sa, sb)
                    if (di, dj) != (1, 1):
                        d = d * 1.2 + 0.05 * (di + dj - 2)
                    moves.append((di, dj, d))
            for di, dj, d in moves:
                if i + di <= n and j + dj <= m and c0 + d < cost[i + di][j + dj]:
                    cost[i + di][j + dj] = c0 + d
                    back[i + di][j + dj] = (di, dj)
    out = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        out.append((A[i - di:i], B[j - dj:j]))
        i, j = i - di, j - dj
    out.reverse()
    return out


def subclass(c, o):
    """Kind of real-word substitution c -> o (both valid syllables)."""
    cl, ol = c.lower(), o.lower()
    if strip_all(cl) == strip_all(ol):
        kinds = []
        if strip_tone(cl).replace("đ", "d") != strip_tone(ol).replace("đ", "d"):
            kinds.append("vowel mark")
        if tone_of(cl) != tone_of(ol):
            kinds.append("tone")
        if ("đ" in cl) != ("đ" in ol):
            kinds.append("d/đ")
        if not kinds:
            return "case"
        if len(kinds) == 1:
            return kinds[0]
        return "+".join(kinds)
    sc, so = strip_all(cl), strip_all(ol)
    if len(sc) == len(so):
        diffs = {(x, y) for x, y in zip(sc, so) if x != y}
        if diffs and all({x, y} == {"l", "t"} for x, y in diffs):
            return "l/t"
        if diffs and all({x, y} == {"i", "t"} for x, y in diffs):
            return "i/t"            # nối→nốt, với→vớt, gói→gót
        return "other letter"
    if abs(len(sc) - len(so)) == 1:
        short, long_ = sorted((sc, so), key=len)
        if any(long_[:k] + long_[k + 1:] == short for k in range(len(long_))):
            return "letter lost" if len(so) < len(sc) else "letter added"
    return "other"


VI_LETTERS = set("abcdefghijklmnopqrstuvwxyzđ")
for _v in "aăâeêioôơuưy":
    for _t in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"):
        VI_LETTERS.add(unicodedata.normalize("NFC", _v + _t))


def shape(o):
    """What a token that is no valid syllable looks like, which decides
    which check of vnlint can see it."""
    if any(c.isalpha() and c.lower() not in VI_LETTERS for c in o):
        return "non-Vietnamese letter"      # ä ö ï ÿ ð ß ...
    if any(c.isdigit() for c in o):
        return "letters and digits"
    if any(c.isupper() for c in o[1:]):
        return "capitals inside"
    if all(ord(c) < 128 for c in o):
        return "no marks"
    return "with marks"


def classify(cgroup, ogroup, hun):
    """Return (class, subclass) for one aligned group."""
    ctoks = [t[0] for t in cgroup]
    otoks = [t[0] for t in ogroup]
    if not ogroup:
        return ("d", "deleted word" if any(is_word(t) for t in ctoks)
                else "deleted punctuation")
    if not cgroup:
        return ("d", "inserted word" if any(is_word(t) for t in otoks)
                else "inserted punctuation")
    if len(cgroup) != 1 or len(ogroup) != 1:
        if all(is_word(t) for t in ctoks + otoks) or \
                "".join(ctoks) == "".join(otoks):
            kind = "split" if len(ogroup) > len(cgroup) else "joined"
            if "".join(ctoks).lower() != "".join(otoks).lower():
                kind += " + changed"
            return ("c", kind)
        return ("d", "punctuation")
    c, o = ctoks[0], otoks[0]
    if not is_word(c) or not is_word(o):
        return ("d", "punctuation")
    if c.lower() == o.lower():
        return ("d", "case")
    if c.isdigit() or o.isdigit():
        return ("d", "digits")
    if not hun.valid(o):
        return ("a", shape(o))
    return ("b", subclass(c, o))


# ----------------------------------------------------------------- analyse

def run_vnlint(vnlint, paths, extra):
    out = {}
    for k in range(0, len(paths), 200):
        batch = paths[k:k + 200]
        r = subprocess.run([vnlint, "--format", "json", "--no-config"] + extra
                           + batch, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        if r.returncode not in (0, 1):
            sys.stderr.write(r.stderr.decode("utf-8", "replace"))
            sys.exit("ocr_align: vnlint %s exited with %d"
                     % (" ".join(extra), r.returncode))
        for f in json.loads(r.stdout.decode("utf-8"))["files"]:
            out[os.path.normpath(f["path"])] = f["diagnostics"]
    return out


def char_spans(path, diags):
    """The diagnostics with their byte offsets turned into [cs, ce) character
    offsets of the file decoded as UTF-8."""
    with open(path, "rb") as f:
        text = f.read().decode("utf-8", "replace")
    b2c = {}
    bi = 0
    for ci, ch in enumerate(text):
        b2c[bi] = ci
        bi += len(ch.encode("utf-8"))
    b2c[bi] = len(text)
    out = []
    for d in diags:
        s = b2c.get(d["byte_offset"])
        e = b2c.get(d["byte_offset"] + d["byte_length"])
        if s is None or e is None:
            continue
        out.append(dict(d, cs=s, ce=max(e, s + 1)))
    return out


def pct(a, b):
    return "%5.1f%%" % (100.0 * a / b) if b else "    -"


def words_in(text):
    return sum(1 for w in text.split() if any(c.isalpha() for c in w))


CLASS_NAMES = {
    "a": "(a) not a valid syllable",
    "b": "(b) valid syllable, wrong one",
    "c": "(c) split / joined",
    "d": "(d) punctuation / other",
}


def align_doc(ct, ot):
    """Aligned groups [(clean tokens, OCR tokens)] that differ, plus the
    pairs (clean token, OCR token) that came through unchanged."""
    sm = difflib.SequenceMatcher(None, [t[0] for t in ct], [t[0] for t in ot],
                                 autojunk=False)
    groups, same = [], []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            same += [(ct[i1 + k], ot[j1 + k]) for k in range(i2 - i1)]
        elif tag == "replace" and i2 - i1 == j2 - j1 and all(
                is_word(ct[i1 + k][0]) == is_word(ot[j1 + k][0]) and
                dist(strip_all(ct[i1 + k][0]).lower(),
                     strip_all(ot[j1 + k][0]).lower()) < 0.5
                for k in range(i2 - i1)):
            groups += [([ct[i1 + k]], [ot[j1 + k]]) for k in range(i2 - i1)]
        else:
            groups += align_block(ct[i1:i2], ot[j1:j2])
    return groups, same


def load(a, ocrdir, clean):
    """Align every OCR file of OUT/ocrdir; return (docs, errors, stats)."""
    files = sorted(glob.glob(os.path.join(a.out, ocrdir, "p*.txt")))
    docs = []
    allw = set()
    for path in files:
        pid, cond = os.path.basename(path)[:-4].split("-", 1)
        with open(path, encoding="utf-8", errors="replace") as f:
            otext = f.read()
        ct, ot = tokens(clean[pid]), tokens(otext)
        allw.update(t[0] for t in ct)
        allw.update(t[0] for t in ot)
        docs.append(dict(path=path, pid=pid, cond=cond, text=otext, ct=ct,
                         ot=ot))
    hun = Hunspell(allw)
    errors = []
    stats = dict(tokens=Counter(), words=Counter(), same=0, files=len(files))
    for doc in docs:
        stats["tokens"][doc["cond"]] += len(doc["ct"])
        stats["words"][doc["cond"]] += words_in(clean[doc["pid"]])
        groups, same = align_doc(doc["ct"], doc["ot"])
        stats["same"] += len(same)
        doc["same"] = same
        doc["errspans"] = []
        for cg, og in groups:
            cls, sub = classify(cg, og, hun)
            otext = doc["text"]
            if og:
                s, e = og[0][1], og[-1][2]
            else:               # a deletion: nothing in the OCR text to flag
                s = e = None
            err = dict(pid=doc["pid"], cond=doc["cond"], cls=cls, sub=sub,
                       clean=" ".join(t[0] for t in cg),
                       ocr=" ".join(t[0] for t in og),
                       clean_vi=bool(cg) and all(hun.valid(t[0]) for t in cg
                                                 if is_word(t[0])),
                       path=doc["path"], s=s, e=e)
            if og:
                err["where"] = "%s:%d" % (os.path.relpath(doc["path"], a.out),
                                          otext.count("\n", 0, s) + 1)
                err["ctx"] = " ".join(otext[max(0, s - 30):e + 30].split())
                doc["errspans"].append((s, e))
            errors.append(err)
    return docs, errors, stats


QUOTE_RULES = ("punctuation/mixed-quotes", "punctuation/unbalanced-quote")
QUOTES = set("\"'“”‘’«»`")


def same_word(x, y):
    x, y = x.lower(), y.lower()
    return x == y or other_placement(x) == y


def score(a, docs, errors, extra, cdiags):
    """Run vnlint with EXTRA options on the OCR files; mark each error with
    the rules that overlap it (e["rules"]) and the rule whose first
    suggestion restores the clean word (e["fix"]); return the diagnostics
    that overlap no error, and per rule how many diagnostics it gave and
    how many of them overlap an error.  CDIAGS: the same run on the clean
    text, to tell alarms the OCR caused from those the source text has."""
    diags = run_vnlint(a.vnlint, [d["path"] for d in docs], extra)
    ndiag, ndiag_err = Counter(), Counter()
    bypath = defaultdict(list)
    for e in errors:
        bypath[e["path"]].append(e)
    alarms = []
    for doc in docs:
        ds = char_spans(doc["path"], diags.get(os.path.normpath(doc["path"]),
                                               []))
        used = [False] * len(ds)
        for e in bypath[doc["path"]]:
            e["rules"] = []
            e["fix"] = None
            if e["s"] is None:
                continue
            hit = [k for k, d in enumerate(ds)
                   if d["cs"] < e["e"] and e["s"] < d["ce"]]
            for k in hit:
                used[k] = True
                d = ds[k]
                if e["fix"] is None and d["cs"] == e["s"] and \
                        d["ce"] == e["e"] and d.get("suggestions") and \
                        same_word(d["suggestions"][0], e["clean"]):
                    e["fix"] = d["rule"]
            e["rules"] = sorted({ds[k]["rule"] for k in hit})
        for k, d in enumerate(ds):
            ndiag[d["rule"]] += 1
            ndiag_err[d["rule"]] += used[k]
        # the clean paragraph's diagnostics, on clean-token spans
        cpath = os.path.join(a.out, "clean", doc["pid"] + ".txt")
        cds = char_spans(cpath, cdiags.get(os.path.normpath(cpath), []))
        o2c = {o[1]: c for c, o in doc["same"]}
        # a false alarm "next to" an error: an error token within one word
        # of the diagnostic (a bigram model sees damage from both sides)
        words = [t for t in doc["ot"] if is_word(t[0])]
        for k, d in enumerate(ds):
            if used[k]:
                continue
            idx = [i for i, t in enumerate(words)
                   if t[1] < d["ce"] and d["cs"] < t[2]]
            near = False
            if idx:
                lo = words[max(0, idx[0] - 1)][1]
                hi = words[min(len(words) - 1, idx[-1] + 1)][2]
                near = any(s < hi and lo < e for s, e in doc["errspans"])
            if d["rule"] in QUOTE_RULES and any(
                    QUOTES & set(e["clean"] + e["ocr"])
                    for e in bypath[doc["path"]]):
                near = True         # the partner of a misread quote
            # the same rule on the same words of the clean text?
            src = False
            for i in idx:
                c = o2c.get(words[i][1])
                if c and any(cd["rule"] == d["rule"] and cd["cs"] < c[2] and
                             c[1] < cd["ce"] for cd in cds):
                    src = True
            alarms.append(dict(d, pid=doc["pid"], cond=doc["cond"], near=near,
                               source=src,
                               where="%s:%d:%d" % (
                                   os.path.relpath(doc["path"], a.out),
                                   d["line"], d["column"]),
                               ctx=" ".join(doc["text"][max(0, d["cs"] - 30):
                                                        d["ce"] + 30].split())))
    return alarms, ndiag, ndiag_err


def parse_variants(specs):
    """"NAME=OPTIONS" -> [(name, [options])]"""
    out = []
    for spec in specs:
        name, _, opts = spec.partition("=")
        out.append((name, opts.split()))
    return out


def cmd_analyse(a):
    clean = {}
    for path in sorted(glob.glob(os.path.join(a.out, "clean", "p*.txt"))):
        with open(path, encoding="utf-8") as f:
            clean[os.path.basename(path)[:-4]] = f.read()
    if not clean:
        sys.exit("ocr_align: no clean paragraphs in %s/clean" % a.out)
    variants = parse_variants(a.variant) or [("defaults", [])]
    detailed = {int(x) for x in a.detail.split(",") if x}
    cpaths = [os.path.join(a.out, "clean", p + ".txt") for p in sorted(clean)]
    clean_words = sum(words_in(t) for t in clean.values())
    report = {"clean_words": clean_words, "paragraphs": len(clean),
              "conditions": {k: list(v[:3]) + [v[3]]
                             for k, v in CONDITIONS.items()},
              "ocrdirs": {}}
    lines = []

    def P(s=""):
        lines.append(s)

    # vnlint on the clean text, once per variant
    cdiags, cbase = [], []
    for name, extra in variants:
        cd = run_vnlint(a.vnlint, cpaths, extra)
        base = Counter(d["rule"] for p in cpaths
                       for d in cd.get(os.path.normpath(p), [])
                       if d["severity"] in ("error", "warning"))
        cdiags.append(cd)
        cbase.append(base)
    summary = []
    for n, ocrdir in enumerate(a.ocrdirs):
        if not glob.glob(os.path.join(a.out, ocrdir, "p*.txt")):
            continue
        docs, errors, stats = load(a, ocrdir, clean)
        rep = report["ocrdirs"][ocrdir] = {"variants": {}}
        rep["errors"] = describe_errors(a, ocrdir, errors, stats, clean_words,
                                        P, detail=(n == 0))
        for k, (name, extra) in enumerate(variants):
            alarms, ndiag, ndiag_err = score(a, docs, errors, extra,
                                             cdiags[k])
            res = describe_detection(
                a, name, extra, errors, alarms, stats, cbase[k], clean_words,
                P, (ndiag, ndiag_err), detail=(n == 0 and k in detailed))
            rep["variants"][name] = res
            summary.append((ocrdir, name, res))
        if n == 0:
            rep["examples"] = examples(errors)

    P("=" * 78)
    P("SUMMARY: %d paragraphs, %d words, rendered under %d conditions; share "
      "of the OCR errors" % (len(clean), clean_words, len(CONDITIONS)))
    P("that vnlint flags (any diagnostic overlapping the OCR token), and "
      "its alarms on correct text")
    P("=" * 78)
    errs = {d: r["errors"]["per_condition"]["all"]
            for d, r in report["ocrdirs"].items()}
    P("%-11s %7s %7s %6s %6s %5s %5s" % ("OCR text", "tokens", "errors",
                                          "(a)", "(b)", "(c)", "(d)"))
    for d, e in errs.items():
        P("%-11s %7d %7d %6d %6d %5d %5d" % (d, e["tokens"], e["errors"],
                                             e["a"], e["b"], e["c"], e["d"]))
    P()
    P("%-11s %-30s %6s %6s %6s %6s %6s %6s %6s %6s %5s" % (
        "OCR text", "vnlint run", "(a)", "(a)vi", "(b)", "(b)fix", "(c)",
        "(d)", "all", "false", "new"))
    for ocrdir, name, r in summary:
        c = r["classes"]
        fl = sum(c[k]["flaggable"] for k in "abcd")
        hit = sum(c[k]["flagged"] for k in "abcd")
        P("%-11s %-30s %6s %6s %6s %6s %6s %6s %6s %6.2f %5.2f" % (
            ocrdir, name[:30],
            pct(c["a"]["flagged"], c["a"]["flaggable"]),
            pct(c["a"]["vi_flagged"], c["a"]["vi_flaggable"]),
            pct(c["b"]["flagged"], c["b"]["flaggable"]),
            pct(c["b"]["fixed"], c["b"]["flaggable"]),
            pct(c["c"]["flagged"], c["c"]["flaggable"]),
            pct(c["d"]["flagged"], c["d"]["flaggable"]),
            pct(hit, fl), r["false_per_1k"], r["false_other_per_1k"]))
    P("(a) not a valid syllable, (a)vi: of those, where the clean word was a "
      "Vietnamese syllable;")
    P("(b) a valid but wrong syllable, (b)fix: vnlint's first suggestion "
      "restores it; (c) split/")
    P("joined; (d) punctuation/other; all: (a)-(d), deleted tokens excluded; "
      "false: errors+warnings")
    P("on correct OCR text per 1,000 OCR'd words; new: those of them that "
      "are neither on the clean")
    P("text nor next to an OCR error (a misread quote's partner counts as "
      "next to it)")
    name = "report" + ("-" + a.tag if a.tag else "")
    with open(os.path.join(a.out, name + ".txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(a.out, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False, indent=1, sort_keys=True)
    print("\n".join(lines))


def examples(errors):
    """The most frequent error pairs per class and kind, for the JSON."""
    out = defaultdict(dict)
    for k in "abcd":
        es = [e for e in errors if e["cls"] == k]
        for sub in sorted({e["sub"] for e in es}):
            out[k][sub or "-"] = [
                [c, o, m] for (c, o), m in Counter(
                    (e["clean"], e["ocr"]) for e in es
                    if e["sub"] == sub).most_common(10)]
    return out


def fmt_examples(pairs):
    return ", ".join("%s→%s%s" % (c or "∅", o or "∅",
                                   "×%d" % m if m > 1 else "")
                     for (c, o), m in pairs)


def describe_errors(a, ocrdir, errors, stats, clean_words, P, detail):
    conds = [c for c in CONDITIONS if c in stats["tokens"]]
    res = {}
    P("=" * 78)
    P("OCR output %s/%s: %d files = %d paragraphs (%d words) x %d conditions"
      % (a.out, ocrdir, stats["files"], stats["files"] // max(1, len(conds)),
         clean_words, len(conds)))
    P("=" * 78)
    P()
    P("Errors per condition (tokens = words and punctuation marks of the "
      "clean text)")
    P("%-18s %7s %7s %6s %6s %5s %5s %7s %8s" % (
        "condition", "tokens", "errors", "(a)", "(b)", "(c)", "(d)", "rate",
        "words/err"))
    per = defaultdict(Counter)
    for e in errors:
        per[e["cond"]][e["cls"]] += 1
    res["per_condition"] = {}
    for c in conds + ["all"]:
        if c == "all":
            cnt = Counter()
            for x in conds:
                cnt.update(per[x])
            tok = sum(stats["tokens"].values())
            wd = sum(stats["words"].values())
        else:
            cnt, tok, wd = per[c], stats["tokens"][c], stats["words"][c]
        n = sum(cnt.values())
        P("%-18s %7d %7d %6d %6d %5d %5d %7s %8s" % (
            c, tok, n, cnt["a"], cnt["b"], cnt["c"], cnt["d"], pct(n, tok),
            "%.0f" % (wd / n) if n else "-"))
        res["per_condition"][c] = dict(tokens=tok, errors=n,
                                       **{k: cnt[k] for k in "abcd"})
    P()
    if not detail:
        return res
    for k in "bcd":
        es = [e for e in errors if e["cls"] == k]
        if not es:
            continue
        P("%s, by kind (clean → OCR)" % CLASS_NAMES[k])
        for sub, n in Counter(e["sub"] for e in es).most_common():
            sel = [e for e in es if e["sub"] == sub]
            P("  %-22s %5d  %s" % (sub, n, fmt_examples(Counter(
                (e["clean"], e["ocr"]) for e in sel).most_common(6))))
        P()
    P("%s, most frequent (clean → OCR)" % CLASS_NAMES["a"])
    for vi in (True, False):
        sel = [e for e in errors if e["cls"] == "a" and e["clean_vi"] == vi]
        P("  %s (%d): %s" % ("on Vietnamese words" if vi else
                             "on other words (English, names, code)",
                             len(sel), fmt_examples(Counter(
                                 (e["clean"], e["ocr"])
                                 for e in sel).most_common(14))))
    P()
    return res


def describe_detection(a, name, extra, errors, alarms, stats, base,
                       clean_words, P, ndiags, detail):
    ndiag, ndiag_err = ndiags
    res = {"options": extra}
    ocr_words = sum(stats["words"].values())
    P("--- vnlint --format json %s  [%s]" % (" ".join(extra) or "(defaults)",
                                            name))
    P("%-36s %7s %9s %8s %7s %7s" % ("class", "errors", "flaggable",
                                     "flagged", "share", "fixed"))
    res["classes"] = {}
    for k in "abcd":
        es = [e for e in errors if e["cls"] == k]
        fl = [e for e in es if e["ocr"]]
        hit = [e for e in fl if e["rules"]]
        fix = [e for e in fl if e["fix"]]
        P("%-36s %7d %9d %8d %7s %7s" % (CLASS_NAMES[k], len(es), len(fl),
                                         len(hit), pct(len(hit), len(fl)),
                                         pct(len(fix), len(fl))))
        r = res["classes"][k] = dict(
            errors=len(es), flaggable=len(fl), flagged=len(hit),
            fixed=len(fix),
            context=sum(1 for e in hit
                        if "context/unlikely-syllable" in e["rules"]))
        if k in "ab":
            vi = [e for e in fl if e["clean_vi"]]
            vh = [e for e in vi if e["rules"]]
            vf = [e for e in vi if e["fix"]]
            P("%-36s %7s %9d %8d %7s %7s" % (
                "    on a Vietnamese word", "", len(vi), len(vh),
                pct(len(vh), len(vi)), pct(len(vf), len(vi))))
            r.update(vi_flaggable=len(vi), vi_flagged=len(vh))
    fa = [d for d in alarms if d["severity"] in ("error", "warning")]
    fsrc = [d for d in fa if d["source"]]
    fnear = [d for d in fa if not d["source"] and d["near"]]
    fnew = [d for d in fa if not d["source"] and not d["near"]]
    res.update(false_alarms=len(fa), false_source=len(fsrc),
               false_near=len(fnear), false_other=len(fnew),
               false_per_1k=1000.0 * len(fa) / ocr_words,
               false_other_per_1k=1000.0 * len(fnew) / ocr_words,
               infos_on_correct=len(alarms) - len(fa),
               clean_alarms=sum(base.values()),
               clean_per_1k=1000.0 * sum(base.values()) / clean_words)
    P("('fixed': a diagnostic on exactly the token whose first suggestion is "
      "the clean word)")
    P("errors+warnings on correct OCR text: %d = %.2f per 1,000 OCR'd words:"
      % (len(fa), res["false_per_1k"]))
    P("  %d also on the same words of the clean text (the source's own "
      "typos and alarms)," % len(fsrc))
    P("  %d next to an OCR error, %d elsewhere (%.2f per 1,000 words)"
      % (len(fnear), len(fnew), res["false_other_per_1k"]))
    P("errors+warnings on the clean text: %d = %.2f per 1,000 words"
      % (res["clean_alarms"], res["clean_per_1k"]))
    P()

    # (a) by shape, (b) by kind, per condition
    res["a_shapes"], res["b_kinds"], res["per_condition"] = {}, {}, {}
    for k, key in (("a", "a_shapes"), ("b", "b_kinds")):
        es = [e for e in errors if e["cls"] == k]
        if detail:
            P("%s by %s" % (CLASS_NAMES[k], "shape" if k == "a" else "kind"))
            P("  %-22s %6s %8s %7s %7s   flagged | missed" %
              ("", "errors", "flagged", "share", "fixed"))
        for sub, n in Counter(e["sub"] for e in es).most_common():
            sel = [e for e in es if e["sub"] == sub]
            hit = [e for e in sel if e["rules"]]
            fix = [e for e in sel if e["fix"]]
            res[key][sub] = dict(errors=n, flagged=len(hit), fixed=len(fix))
            if detail:
                miss = [e for e in sel if not e["rules"]]
                P("  %-22s %6d %8d %7s %7s   %s | %s" % (
                    sub, n, len(hit), pct(len(hit), n), pct(len(fix), n),
                    fmt_examples(Counter((e["clean"], e["ocr"])
                                         for e in hit).most_common(3)),
                    fmt_examples(Counter((e["clean"], e["ocr"])
                                         for e in miss).most_common(3))))
        if detail:
            P()
    conds = [c for c in CONDITIONS if c in stats["tokens"]]
    if detail:
        P("Per condition: flagged share of (a) and (b); errors+warnings on "
          "correct text")
        P("  %-18s %6s %7s %6s %7s %7s" % ("condition", "(a)", "share", "(b)",
                                           "share", "false"))
    for c in conds:
        ea = [e for e in errors if e["cond"] == c and e["cls"] == "a"]
        eb = [e for e in errors if e["cond"] == c and e["cls"] == "b"]
        fc = sum(1 for d in fa if d["cond"] == c)
        ha = sum(1 for e in ea if e["rules"])
        hb = sum(1 for e in eb if e["rules"])
        res["per_condition"][c] = dict(a=len(ea), a_flagged=ha, b=len(eb),
                                       b_flagged=hb, false=fc)
        if detail:
            P("  %-18s %6d %7s %6d %7s %7d" % (c, len(ea), pct(ha, len(ea)),
                                               len(eb), pct(hb, len(eb)), fc))
    if detail:
        P()

    # per rule
    rc = defaultdict(Counter)
    fixes = Counter(e["fix"] for e in errors if e["fix"])
    for e in errors:
        for r in e["rules"]:
            rc[r][e["cls"]] += 1
    far = Counter(d["rule"] for d in fa)
    fsr = Counter(d["rule"] for d in fsrc)
    fnr = Counter(d["rule"] for d in fnear)
    rules = sorted(set(ndiag) | set(base),
                   key=lambda r: (-ndiag[r], r))
    res["rules"] = {}
    if detail:
        P("Per rule: diagnostics on the OCR text, how many overlap an OCR "
          "error (prec.), the errors")
        P("they overlap by class, how many they fix; errors+warnings on "
          "correct text (src: also on")
        P("the clean text, near: next to an error); errors+warnings on the "
          "clean text")
        P("  %-34s %5s %6s %5s %5s %3s %3s %5s %5s %4s %4s %5s" % (
            "rule", "diags", "prec.", "(a)", "(b)", "(c)", "(d)", "fixed",
            "false", "src", "near", "clean"))
    for r in rules:
        res["rules"][r] = dict(diagnostics=ndiag[r], on_errors=ndiag_err[r],
                               hits={k: rc[r][k] for k in "abcd"},
                               fixed=fixes[r], on_correct=far[r],
                               on_correct_source=fsr[r],
                               on_correct_near=fnr[r], clean=base[r])
        if detail:
            P("  %-34s %5d %6s %5d %5d %3d %3d %5d %5d %4d %4d %5d" % (
                r, ndiag[r], pct(ndiag_err[r], ndiag[r]), rc[r]["a"],
                rc[r]["b"], rc[r]["c"], rc[r]["d"], fixes[r], far[r], fsr[r],
                fnr[r], base[r]))
    if detail:
        P()
    if detail and a.show:
        es = [e for e in errors if e["cls"] == "b"]
        P("Class (b) in context, flagged and missed (picked evenly):")
        for flagged in (True, False):
            sel = [e for e in es if bool(e["rules"]) == flagged]
            step = max(1, len(sel) // a.show)
            for e in sel[::step][:a.show]:
                P("  %s %-16s %s→%s  «%s»" % (
                    "FLAGGED" if flagged else "missed ", e["sub"], e["clean"],
                    e["ocr"], e["ctx"]))
        P()
        P("Errors+warnings on correct OCR text that the clean text does not "
          "have (picked evenly):")
        sel = fnear + fnew
        step = max(1, len(sel) // a.show)
        for d in sel[::step][:a.show]:
            P("  %s %s%s «%s» in «%s»" % (d["where"], d["rule"],
                                          " (near an error)" if d["near"]
                                          else "", d["text"], d["ctx"]))
        P()
    return res


def cmd_join(a):
    """OUT/DST/x.txt = OUT/SRC/x.txt with each line break inside a paragraph
    turned into a space (blank lines kept).  Same length, same offsets, so
    the alignment does not change; only what vnlint sees as context does
    (it takes a line break for a sentence boundary)."""
    src, dst = os.path.join(a.out, a.src), os.path.join(a.out, a.dst)
    os.makedirs(dst, exist_ok=True)
    n = 0
    for path in sorted(glob.glob(os.path.join(src, "p*.txt"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        text = re.sub(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)",
                      lambda m: " " * len(m.group()), text)
        with open(os.path.join(dst, os.path.basename(path)), "w",
                  encoding="utf-8") as f:
            f.write(text)
        n += 1
    print("join: %d files -> %s (line breaks inside paragraphs -> spaces)"
          % (n, dst))


def cmd_heldout(a):
    """Copy the corpus to OUT/train without the selected paragraphs (and any
    other copy of the same text), for a model that has not seen them."""
    import shutil
    sel = set()
    for path in glob.glob(os.path.join(a.out, "clean", "p*.txt")):
        with open(path, encoding="utf-8") as f:
            sel.add(" ".join(f.read().split()))
    dst = os.path.join(a.out, "train")
    if os.path.isdir(dst):
        shutil.rmtree(dst)
    dropped = kept = 0
    for d, dirs, files in os.walk(a.corpus):
        dirs.sort()
        for fn in sorted(files):
            if not fn.endswith(".txt"):
                continue
            src = os.path.join(d, fn)
            with open(src, encoding="utf-8") as f:
                blocks = re.split(r"\n\s*\n", f.read())
            out = []
            for b in blocks:
                if unicodedata.normalize("NFC", " ".join(b.split())) in sel:
                    dropped += 1
                else:
                    out.append(b)
                    kept += 1
            to = os.path.join(dst, os.path.relpath(src, a.corpus))
            os.makedirs(os.path.dirname(to), exist_ok=True)
            with open(to, "w", encoding="utf-8") as f:
                f.write("\n\n".join(out))
    print("heldout: %d paragraphs kept, %d dropped (the selected ones and "
          "their copies) -> %s" % (kept, dropped, dst))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("select")
    s.add_argument("--corpus", default="build/corpus")
    s.add_argument("--out", default="build/ocr")
    r = sub.add_parser("render")
    r.add_argument("--out", default="build/ocr")
    r.add_argument("--only", nargs="*")
    r.add_argument("--limit", type=int, default=0)
    n = sub.add_parser("analyse")
    n.add_argument("--out", default="build/ocr")
    n.add_argument("--vnlint", default="build/vnlint")
    n.add_argument("--ocrdirs", nargs="*", default=["ocr", "ocr-psm6"])
    n.add_argument("--variant", action="append", default=[],
                   help="NAME=VNLINT OPTIONS, repeatable; the first one is "
                   "reported in full")
    n.add_argument("--detail", default="0",
                   help="comma-separated indexes of the variants reported in "
                   "full for the first OCR directory (default 0)")
    n.add_argument("--show", type=int, default=10)
    n.add_argument("--tag", default="",
                   help="write report-TAG.txt/.json instead")
    j = sub.add_parser("join")
    j.add_argument("--out", default="build/ocr")
    j.add_argument("--src", default="ocr")
    j.add_argument("--dst", default="ocr-joined")
    h = sub.add_parser("heldout")
    h.add_argument("--corpus", default="build/corpus")
    h.add_argument("--out", default="build/ocr")
    a = ap.parse_args()
    {"select": cmd_select, "render": cmd_render, "analyse": cmd_analyse,
     "join": cmd_join, "heldout": cmd_heldout}[a.cmd](a)


if __name__ == "__main__":
    main()

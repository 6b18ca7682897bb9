#!/usr/bin/env bash
# extract-corpus.sh [--eval] [OUTDIR]
#
# Builds a corpus of clean Vietnamese running text from Debian packages, for
# measuring vnlint's false alarms and speed (see docs/corpus.md).
#
#   default : manpages-vi, maint-guide-vi, installation-guide-amd64 (if it
#             ships Vietnamese), thunderbird-l10n-vi and the Vietnamese
#             gettext catalogues of a fixed list of packages
#             -> OUTDIR (default build/corpus)
#   --eval  : ONLY libreoffice-help-vi and firefox-esr-l10n-vi, which are held
#             out for independent evaluation -> OUTDIR-eval (build/corpus-eval)
#
# Output: one UTF-8 NFC .txt file per source document, paragraphs separated by
# blank lines, every paragraph containing at least one Vietnamese letter with a
# diacritic (or đ); plus OUTDIR/SOURCES.tsv.  Deterministic and idempotent: the
# directories it owns are rebuilt from scratch on every run.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)

mode=default
outdir=
for a in "$@"; do
    case $a in
        --eval) mode="eval" ;;
        -h|--help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "extract-corpus: unknown option $a" >&2; exit 2 ;;
        *) outdir=$a ;;
    esac
done
[ -n "$outdir" ] || outdir=$repo/build/corpus
outdir=${outdir%/}
[ "$mode" = eval ] && outdir=$outdir-eval

# Packages whose Vietnamese gettext catalogues (.mo) go into the corpus.  A
# fixed list (not "whatever happens to be installed") keeps the corpus the same
# on every machine.
GETTEXT_PKGS="adduser apt bash binutils-common coreutils diffutils dpkg findutils
gettext gettext-base git grep iso-codes libapt-pkg6.0 libc-l10n libglib2.0-data
libgtk-3-common libpam-runtime login make man-db procps psmisc sed
shared-mime-info tar wget xkb-data xz-utils"

DOC_PKGS="manpages-vi maint-guide-vi installation-guide-amd64 thunderbird-l10n-vi"
TOOL_PKGS="groff-base bsdextrautils python3"
EVAL_PKGS="libreoffice-help-vi firefox-esr-l10n-vi"

installed() { [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]; }

if [ "$mode" = default ]; then want="$TOOL_PKGS $DOC_PKGS $GETTEXT_PKGS"; else want="python3"; fi
# shellcheck disable=SC2086
sh "$here/deps.sh" $want

# The held-out packages are NOT installed (they would pull in LibreOffice and
# Firefox): their .debs are fetched with `apt-get download` and unpacked into a
# scratch directory, unless they happen to be installed already.
evalroot=
cleanup() { [ -z "$evalroot" ] || rm -rf "$evalroot"; }
trap cleanup EXIT
if [ "$mode" = eval ]; then
    evalroot=$(mktemp -d)
    for p in $EVAL_PKGS; do
        if installed "$p"; then
            ln -s / "$evalroot/$p"
            continue
        fi
        mkdir -p "$evalroot/$p.deb.d"
        if ! (cd "$evalroot/$p.deb.d" && apt-get download -q "$p" >/dev/null 2>&1); then
            if [ "$(id -u)" = 0 ]; then apt-get update -q >/dev/null; fi
            (cd "$evalroot/$p.deb.d" && apt-get download -q "$p" >/dev/null)
        fi
        deb=$(ls "$evalroot/$p.deb.d"/*.deb)
        mkdir -p "$evalroot/$p"
        dpkg-deb -x "$deb" "$evalroot/$p"
        dpkg-deb -f "$deb" Version > "$evalroot/$p.version"
    done
fi

mkdir -p "$outdir"
export CORPUS_MODE=$mode CORPUS_OUT=$outdir CORPUS_EVALROOT=$evalroot CORPUS_GETTEXT_PKGS="$GETTEXT_PKGS"
python3 - <<'PY'
import glob, gzip, html, html.parser, os, re, shutil, struct, subprocess, sys
import unicodedata, zipfile

MODE = os.environ["CORPUS_MODE"]
OUT = os.environ["CORPUS_OUT"]
EVALROOT = os.environ.get("CORPUS_EVALROOT", "")
GETTEXT_PKGS = os.environ["CORPUS_GETTEXT_PKGS"].split()

# --------------------------------------------------------------- text helpers
def nfc(s):
    return unicodedata.normalize("NFC", s)

VN = set("ăâêôơưđĂÂÊÔƠƯĐ")
for b in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY":
    for t in "\u0300\u0301\u0309\u0303\u0323":
        VN.add(nfc(b + t))

def has_vn(s):
    return any(c in VN for c in s)

def words(s):
    return sum(1 for w in s.split() if any(c.isalpha() for c in w))

# Some documents (notably the installation guide) still have untranslated
# English paragraphs, which may quote a Vietnamese section title and so do
# contain Vietnamese letters.  A paragraph is taken for English when it has at
# least 3 common English function words and more than half as many of them as
# words with Vietnamese letters.
EN_STOP = set("""the of and to is are be will this that with for from by you your if it
its can on as an or not have has which when may should would must into also such
these those there their was were then than only been being does do how what
where while""".split())

def is_english(s):
    en = vn = 0
    for w in s.split():
        if any(c in VN for c in w):
            vn += 1
        elif re.sub(r"\W", "", w.lower()) in EN_STOP:
            en += 1
    return en >= 3 and 2 * en > vn

# Characters that are never wanted in clean text: controls (except \n),
# backspace overstrikes, soft hyphens, zero-width characters, BOM.
_JUNK = dict.fromkeys(list(range(0, 9)) + list(range(11, 32)) + [0x7F, 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF])

def clean_line(s):
    s = s.replace("\t", " ").replace("\u00a0", " ").translate(_JUNK)
    return re.sub(r"[ \u2000-\u200a\u202f\u205f\u3000]+", " ", s).strip()

def paragraphs_text(paras, keep_newlines=False):
    """Normalise paragraphs; keep those with a Vietnamese letter; drop exact
    duplicates inside one document; return file text (or '' if none)."""
    out, seen = [], set()
    for p in paras:
        p = nfc(p)
        if keep_newlines:
            lines = [clean_line(l) for l in p.split("\n")]
            p = "\n".join(l for l in lines if l)
        else:
            p = clean_line(p.replace("\n", " "))
        if not p or not has_vn(p) or "\ufffd" in p or is_english(p) or p in seen:
            continue
        seen.add(p)
        out.append(p)
    return "\n\n".join(out) + "\n" if out else ""

# ------------------------------------------------------------- package facts
_pkgcache = {}

def pkg_version(pkg):
    if MODE == "eval" and os.path.exists(os.path.join(EVALROOT, pkg + ".version")):
        return open(os.path.join(EVALROOT, pkg + ".version")).read().strip()
    r = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True)
    return r.stdout.strip() or "?"

# Short names for packages whose copyright file is not machine-readable or
# whose "Files: *" stanza does not describe the translated text we use.
LICENCE_OVERRIDE = {
    "installation-guide-amd64": "GPL-2",
    "thunderbird-l10n-vi": "MPL-2.0",
    "firefox-esr-l10n-vi": "MPL-2.0",
    "libreoffice-help-vi": "MPL-2.0",
    "maint-guide-vi": "GPL-2.0+",
    "findutils": "GPL-3+",
    "libc-l10n": "LGPL-2.1+",
    "binutils-common": "GPL-3+",
    "gettext": "GPL-3+",
    "gettext-base": "GPL-3+",
    "wget": "GPL-3+",
    "xkb-data": "MIT/X11",
    "shared-mime-info": "GPL-2+",
    "xz-utils": "public-domain",
    "libglib2.0-data": "LGPL-2.1+",
    "libgtk-3-common": "LGPL-2.1+",
    "libpam-runtime": "BSD-3-clause or GPL",
}

def copyright_path(pkg):
    p = "/usr/share/doc/%s/copyright" % pkg
    if MODE == "eval":
        q = os.path.join(EVALROOT, pkg, "usr/share/doc/%s/copyright" % pkg)
        if os.path.exists(q):
            return q
    return p

def pkg_licence(pkg):
    if pkg in LICENCE_OVERRIDE:
        return LICENCE_OVERRIDE[pkg]
    try:
        text = open(copyright_path(pkg), encoding="utf-8", errors="replace").read()
    except OSError:
        return "unknown"
    if re.match(r"Format:", text):
        # DEP-5: the licence of the "Files: *" stanza, else the first one.
        for stanza in re.split(r"\n\s*\n", text):
            if re.search(r"^Files:\s*\*\s*$", stanza, re.M):
                m = re.search(r"^License:\s*(.+)$", stanza, re.M)
                if m:
                    return m.group(1).strip()
        m = re.search(r"^License:\s*(.+)$", text, re.M)
        if m:
            return m.group(1).strip()
    t = re.sub(r"\s+", " ", text)
    lesser = re.search(r"Lesser General Public|Library General Public|LGPL", t)
    m = re.search(r"(?:General Public License|GPL),? [Vv]ersion (\d(?:\.\d)?)", t)
    if m or "General Public License" in t or "GPL" in t:
        v = m.group(1) if m else ""
        plus = "+" if re.search(r"or \(at your option\) any later version|or later", t) else ""
        return ("LGPL" if lesser else "GPL") + ("-" + v if v else "") + plus
    return "see copyright"

def pkg_info(pkg):
    if pkg not in _pkgcache:
        _pkgcache[pkg] = (pkg_version(pkg), pkg_licence(pkg))
    return _pkgcache[pkg]

# ------------------------------------------------------------------- output
RECORDS = []  # (relpath, package, bytes, words)

def write_doc(rel, pkg, text):
    if not text:
        return
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    RECORDS.append((rel, pkg, len(data), words(text)))

def safe_name(s):
    return re.sub(r"[^A-Za-z0-9._+@-]", "_", s)

# ---------------------------------------------------------------- man pages
def man_source_fixup(src):
    # Drop explicit .TP/.IP indents so that every tag is wider than the
    # (tiny) indent and groff puts the tag and its body on separate lines.
    out = []
    for line in src.split("\n"):
        if re.match(r"\.TP\b", line):
            line = ".TP"
        elif re.match(r"\.IP\b", line):
            m = re.match(r'\.IP\s+("(?:[^"]|"")*"|\S+)', line)
            line = ".IP " + m.group(1) if m else ".IP"
        out.append(line)
    return "\n".join(out)

def render_man(path):
    with gzip.open(path, "rb") as f:
        src = f.read().decode("utf-8", errors="replace")
    src = man_source_fixup(src)
    # -k: preconv (the pages are UTF-8); very long line length so that every
    # filled paragraph comes out as one line; no hyphenation; tiny indent so
    # .TP tags get a line of their own; -P-bcou: no bold/underline overstrike.
    r = subprocess.run(
        ["groff", "-k", "-Kutf8", "-Tutf8", "-mandoc", "-t", "-rLL=30000n", "-rHY=0",
         "-rIN=1n", "-rcR=1", "-P-bcou"],
        input=src.encode("utf-8"), capture_output=True, env=dict(os.environ, MANWIDTH="30000"))
    r2 = subprocess.run(["col", "-bx"], input=r.stdout, capture_output=True)
    lines = r2.stdout.decode("utf-8", errors="replace").split("\n")
    nonblank = [i for i, l in enumerate(lines) if l.strip()]
    # first and last non-blank lines are the page header and footer
    if len(nonblank) >= 2:
        lines = lines[nonblank[0] + 1:nonblank[-1]]
    # every output line is a paragraph, a heading or a tag
    return paragraphs_text(lines)

def do_manpages():
    pkg = "manpages-vi"
    base = "/usr/share/man/vi"
    for path in sorted(glob.glob(base + "/**/*.gz", recursive=True)):
        if os.path.islink(path):
            continue
        rel = os.path.relpath(path, base)[:-3]  # man1/ls.1
        write_doc(os.path.join(pkg, safe_name(rel.replace("/", "_")) + ".txt"), pkg, render_man(path))

# --------------------------------------------------------------------- HTML
BLOCK = set("""address article blockquote body br caption center dd details div dl
dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main ol p section
summary table tbody td tfoot th thead tr ul""".split())
SKIP = set("head script style pre nav aside header footer button noscript svg select textarea sup template".split())
SKIP_CLASS = set("navheader navfooter toc list-of-tables list-of-figures list-of-examples".split())
VOID = set("area base br col embed hr img input link meta param source track wbr".split())

class HtmlText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paras, self.cur = [], []
        self.skip = []  # stack of tags being skipped, with nesting depth

    def _flush(self):
        t = "".join(self.cur)
        if t.strip():
            self.paras.append(t)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if self.skip:
            if tag == self.skip[-1][0] and tag not in VOID:
                self.skip[-1][1] += 1
            return
        cls = set((dict(attrs).get("class") or "").split())
        if tag in SKIP or cls & SKIP_CLASS:
            if tag not in VOID:
                self.skip.append([tag, 1])
            return
        if tag in BLOCK:
            self._flush()

    def handle_startendtag(self, tag, attrs):
        if not self.skip and tag in BLOCK:
            self._flush()

    def handle_endtag(self, tag):
        if self.skip:
            if tag == self.skip[-1][0]:
                self.skip[-1][1] -= 1
                if self.skip[-1][1] == 0:
                    self.skip.pop()
            return
        if tag in BLOCK:
            self._flush()

    def handle_data(self, data):
        if not self.skip:
            self.cur.append(data)

    def close(self):
        super().close()
        self._flush()

def html_to_text(path):
    p = HtmlText()
    with open(path, encoding="utf-8", errors="replace") as f:
        p.feed(f.read())
    p.close()
    return paragraphs_text(p.paras)

def do_html(pkg, base, pattern, name_fn):
    for path in sorted(glob.glob(os.path.join(base, pattern), recursive=True)):
        if os.path.islink(path):
            continue
        write_doc(os.path.join(pkg, name_fn(os.path.relpath(path, base))), pkg, html_to_text(path))

def strip_html_ext(rel):
    rel = re.sub(r"(\.vi)?\.html?$", "", rel)
    return rel + ".txt"

# ------------------------------------------------------------ Mozilla l10n
TAG_RE = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")

def strip_tags(s):
    s = re.sub(r"<br\s*/?>", " ", s, flags=re.I)
    return TAG_RE.sub("", s)

# keyboard shortcuts and layout values are not text
SKIP_KEY = re.compile(r"(?i)(accesskey|commandkey|\.key|\.keycode|\.modifiers|\.style|\.width|\.height)$")

def ftl_entries(text):
    """Yield (id, attr_or_None, raw_pattern) from a Fluent file."""
    cur_id, cur_attr, buf, depth = None, None, None, 0
    def emit():
        if cur_id is not None and buf is not None:
            yield (cur_id, cur_attr, "\n".join(buf).strip())
    for line in text.split("\n"):
        m = re.match(r"(-?[A-Za-z][\w-]*)\s*=\s?(.*)$", line)
        if m and not line[:1].isspace():
            yield from emit()
            cur_id, cur_attr, buf = m.group(1), None, [m.group(2)]
            depth = m.group(2).count("{") - m.group(2).count("}")
            continue
        if line.startswith("#") or (line and not line[:1].isspace()):
            yield from emit()
            cur_id, buf, depth = None, None, 0
            continue
        if cur_id is None:
            continue
        m = re.match(r"\s+\.([A-Za-z][\w-]*)\s*=\s?(.*)$", line)
        if m and depth <= 0:
            yield from emit()
            cur_attr, buf = m.group(1), [m.group(2)]
            depth = m.group(2).count("{") - m.group(2).count("}")
            continue
        buf.append(line.strip())
        depth += line.count("{") - line.count("}")
    yield from emit()

def _match_brace(s, i):
    """s[i] == '{'; return index of the matching '}' (or len(s))."""
    depth, j, n = 0, i, len(s)
    while j < n:
        c = s[j]
        if c == '"':
            j += 1
            while j < n and s[j] != '"':
                j += 2 if s[j] == "\\" else 1
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return n

PLACEHOLDER = "%s"

def ftl_resolve(pat, terms, msgs, depth=0):
    if depth > 10:
        return PLACEHOLDER
    out, i = [], 0
    while i < len(pat):
        c = pat[i]
        if c != "{":
            out.append(c)
            i += 1
            continue
        j = _match_brace(pat, i)
        expr = pat[i + 1:j].strip()
        i = j + 1
        # select expression: take the default variant
        k, arrow = 0, -1
        d = 0
        while k < len(expr) - 1:
            if expr[k] == "{": d += 1
            elif expr[k] == "}": d -= 1
            elif expr[k] == "-" and expr[k + 1] == ">" and d == 0:
                arrow = k
                break
            k += 1
        if arrow >= 0:
            body = expr[arrow + 2:]
            # scan for the variant keys ([key] / *[key]) outside placeables
            p, keys = 0, []
            while p < len(body):
                ch = body[p]
                if ch == "{":
                    p = _match_brace(body, p) + 1
                    continue
                if ch == "[" or (ch == "*" and body[p + 1:p + 2] == "["):
                    q = body.find("]", p)
                    if q < 0:
                        break
                    keys.append((p, q + 1, ch == "*"))
                    p = q + 1
                    continue
                p += 1
            chosen = None
            for n, (a, b, star) in enumerate(keys):
                end = keys[n + 1][0] if n + 1 < len(keys) else len(body)
                if star or chosen is None:
                    chosen = body[b:end]
                    if star:
                        break
            out.append(ftl_resolve((chosen or "").strip(), terms, msgs, depth + 1))
            continue
        if expr.startswith('"'):
            lit = expr[1:-1] if expr.endswith('"') else expr[1:]
            lit = re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m.group(1), 16)), lit)
            out.append(lit.replace('\\"', '"').replace("\\\\", "\\"))
            continue
        m = re.match(r"-([A-Za-z][\w-]*)", expr)
        if m:
            name = "-" + m.group(1)
            out.append(ftl_resolve(terms[name], terms, msgs, depth + 1) if name in terms else PLACEHOLDER)
            continue
        m = re.match(r"([A-Za-z][\w-]*)(?:\.([A-Za-z][\w-]*))?\s*$", expr)
        if m and (m.group(1), m.group(2)) in msgs:
            out.append(ftl_resolve(msgs[(m.group(1), m.group(2))], terms, msgs, depth + 1))
            continue
        if re.match(r"-?\d+(\.\d+)?$", expr):
            out.append(expr)
            continue
        out.append(PLACEHOLDER)  # $variable, FUNCTION($x), unknown reference
    return "".join(out)

def props_entries(text):
    logical, buf = [], ""
    for line in text.split("\n"):
        s = line.lstrip() if buf == "" else line.lstrip()
        if buf == "" and (s.startswith("#") or s.startswith("!") or not s):
            continue
        n = len(s) - len(s.rstrip("\\"))
        if n % 2 == 1:
            buf += s[:-1]
            continue
        logical.append(buf + s)
        buf = ""
    if buf:
        logical.append(buf)
    for l in logical:
        m = re.match(r"((?:[^\\:=\s]|\\.)+)\s*[=:]?\s*(.*)$", l)
        if not m:
            continue
        key, val = m.group(1), m.group(2)
        val = re.sub(r"\\u([0-9A-Fa-f]{4})", lambda mm: chr(int(mm.group(1), 16)), val)
        val = re.sub(r"\\(.)", lambda mm: {"n": "\n", "t": " ", "r": ""}.get(mm.group(1), mm.group(1)), val)
        yield key, val

DTD_RE = re.compile(r"<!ENTITY\s+([\w.-]+)\s+(?:\"([^\"]*)\"|'([^']*)')\s*>", re.S)

def dtd_entries(text):
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    for m in DTD_RE.finditer(text):
        yield m.group(1), m.group(2) if m.group(2) is not None else m.group(3)

STD_ENT = set("amp lt gt quot apos nbsp".split())

def dtd_resolve(val, ents, depth=0):
    def rep(m):
        name = m.group(1)
        if name in STD_ENT:
            return m.group(0)
        if name in ents and depth < 10:
            return dtd_resolve(ents[name], ents, depth + 1)
        return PLACEHOLDER
    return re.sub(r"&([A-Za-z][\w.-]*);", rep, val)

def do_langpack(pkg, xpi):
    z = zipfile.ZipFile(xpi)
    names = sorted(n for n in z.namelist() if not n.endswith("/"))
    texts = {n: z.read(n).decode("utf-8", errors="replace") for n in names
             if n.endswith((".ftl", ".properties", ".dtd"))}
    terms, ents = {}, {}
    for n, t in texts.items():
        if n.endswith(".ftl"):
            for ident, attr, pat in ftl_entries(t):
                if ident.startswith("-") and attr is None:
                    terms[ident] = pat
        elif n.endswith(".dtd"):
            for k, v in dtd_entries(t):
                ents.setdefault(k, v)
    for n, t in sorted(texts.items()):
        vals = []
        if n.endswith(".ftl"):
            entries = list(ftl_entries(t))
            msgs = {(i, a): p for i, a, p in entries if not i.startswith("-")}
            for ident, attr, pat in entries:
                key = ident + ("." + attr if attr else "")
                if SKIP_KEY.search(key):
                    continue
                # Fluent values are markup: drop tags, decode entities
                vals.append(html.unescape(strip_tags(ftl_resolve(pat, terms, msgs))))
        elif n.endswith(".properties"):
            for key, val in props_entries(t):
                if SKIP_KEY.search(key):
                    continue
                vals.append(val)
        else:
            for key, val in dtd_entries(t):
                if SKIP_KEY.search(key):
                    continue
                vals.append(html.unescape(dtd_resolve(val, ents)))
        vals = [v for v in vals if len(v.strip()) > 1]
        write_doc(os.path.join(pkg, n + ".txt"), pkg, paragraphs_text(vals))

# ---------------------------------------------------------------- gettext
def mo_strings(path):
    data = open(path, "rb").read()
    if len(data) < 28:
        return []
    magic = struct.unpack("<I", data[:4])[0]
    end = "<" if magic == 0x950412DE else ">"
    _, _rev, n, orig, trans = struct.unpack(end + "5I", data[:20])
    charset = "utf-8"
    out = []
    for i in range(n):
        olen, ooff = struct.unpack(end + "2I", data[orig + 8 * i: orig + 8 * i + 8])
        tlen, toff = struct.unpack(end + "2I", data[trans + 8 * i: trans + 8 * i + 8])
        msgid = data[ooff:ooff + olen]
        msgstr = data[toff:toff + tlen]
        if msgid == b"":
            m = re.search(rb"charset=([\w-]+)", msgstr)
            if m:
                charset = m.group(1).decode()
            continue
        out.append(msgstr)
    res = []
    for s in out:
        for form in s.split(b"\0"):
            res.append(form.decode(charset, errors="replace"))
    return res

# iso_3166-2 is a list of subdivision names, mostly non-Vietnamese proper names.
MO_EXCLUDE = {"iso_3166-2"}
# xkeyboard-config's messages come from XML and keep its entity escapes.
MO_UNESCAPE = {"xkeyboard-config"}

def do_gettext():
    base = "/usr/share/locale/vi/LC_MESSAGES"
    for pkg in sorted(GETTEXT_PKGS):
        r = subprocess.run(["dpkg-query", "-L", pkg], capture_output=True, text=True)
        mos = sorted(p for p in r.stdout.split("\n")
                     if p.startswith(base + "/") and p.endswith(".mo") and os.path.isfile(p)
                     and not os.path.islink(p))
        if not mos:
            print("extract-corpus: note: %s has no Vietnamese catalogue" % pkg, file=sys.stderr)
        for mo in mos:
            dom = os.path.basename(mo)[:-3]
            if dom in MO_EXCLUDE:
                continue
            strs = [s.rstrip("\n") for s in mo_strings(mo)]
            if dom in MO_UNESCAPE:
                strs = [html.unescape(s) for s in strs]
            text = paragraphs_text(strs, keep_newlines=True)
            write_doc(os.path.join("gettext", safe_name(dom) + ".txt"), pkg, text)

# ------------------------------------------------------------------- main
DEFAULT_DIRS = ["manpages-vi", "maint-guide-vi", "installation-guide-amd64", "thunderbird-l10n-vi", "gettext"]
EVAL_DIRS = ["libreoffice-help-vi", "firefox-esr-l10n-vi"]

for d in (DEFAULT_DIRS if MODE == "default" else EVAL_DIRS):
    shutil.rmtree(os.path.join(OUT, d), ignore_errors=True)

if MODE == "default":
    do_manpages()
    do_html("maint-guide-vi", "/usr/share/doc/maint-guide-vi/html", "*.html", strip_html_ext)
    ig = "/usr/share/doc/installation-guide-amd64/vi"
    if glob.glob(ig + "/*.html"):
        do_html("installation-guide-amd64", ig, "*.html", strip_html_ext)
    else:
        print("extract-corpus: note: installation-guide-amd64 ships no Vietnamese; skipped", file=sys.stderr)
    xpis = sorted(glob.glob("/usr/lib/thunderbird/extensions/langpack-vi@*.xpi"))
    if not xpis:
        sys.exit("extract-corpus: thunderbird-l10n-vi langpack not found")
    do_langpack("thunderbird-l10n-vi", xpis[0])
    do_gettext()
else:
    root = os.path.join(EVALROOT, "libreoffice-help-vi")
    lo = os.path.join(root, "usr/share/libreoffice/help/vi")
    do_html("libreoffice-help-vi", lo, "**/*.html", lambda r: strip_html_ext(r))
    root = os.path.join(EVALROOT, "firefox-esr-l10n-vi")
    xpis = sorted(glob.glob(os.path.join(root, "usr/lib/firefox-esr/browser/extensions/langpack-vi@*.xpi")))
    if not xpis:
        sys.exit("extract-corpus: firefox-esr-l10n-vi langpack not found")
    do_langpack("firefox-esr-l10n-vi", xpis[0])

RECORDS.sort()
with open(os.path.join(OUT, "SOURCES.tsv"), "w", encoding="utf-8") as f:
    f.write("file\tpackage\tversion\tlicence\tbytes\twords\n")
    for rel, pkg, b, w in RECORDS:
        ver, lic = pkg_info(pkg)
        f.write("%s\t%s\t%s\t%s\t%d\t%d\n" % (rel, pkg, ver, lic, b, w))

groups = {}
for rel, pkg, b, w in RECORDS:
    g = groups.setdefault(rel.split("/")[0], [0, 0, 0])
    g[0] += 1; g[1] += b; g[2] += w
tot = [sum(g[i] for g in groups.values()) for i in range(3)]
print("corpus: %s" % OUT)
print("%-26s %7s %9s %10s" % ("source", "files", "MB", "words"))
for name in sorted(groups):
    g = groups[name]
    print("%-26s %7d %9.3f %10d" % (name, g[0], g[1] / 1e6, g[2]))
print("%-26s %7d %9.3f %10d" % ("total", tot[0], tot[1] / 1e6, tot[2]))
PY

#!/usr/bin/env bash
# bench.sh [VNLINT]
#
# Throughput benchmark of vnlint against hunspell and wc on clean Vietnamese
# text (see docs/corpus.md).  VNLINT defaults to build/vnlint.
#
# Builds build/bench/clean.txt (>= 8 MB: the corpus files of build/corpus,
# sorted, concatenated and repeated as needed; runs extract-corpus.sh first if
# there is no corpus) and build/bench/small.txt (~1 KB), then prints one
# fixed-width line per measurement: `name value unit`.  MB = 10^6 bytes.
#
#   vnlint   best of 3:  VNLINT --quiet --format json FILE > /dev/null
#   hunspell best of 3:  hunspell -d vi_VN -l < FILE > /dev/null
#            (on the first 2 MB instead if one run over the whole file takes
#            more than 60 s)
#   wc       best of 3:  wc -w < FILE
#   peak RSS of vnlint on FILE (/usr/bin/time -f %M)
#   start-up: median of 20 vnlint runs on the 1 KB file
#   instructions: callgrind on the first MB of the text, minus start-up
#            (repeatable where seconds are not)
#   rule packs: vnlint without the shipped packs, and with synthetic packs
#            of 10 and 1,000 rules (build/bench/rules-N), best of 3 each
#   --jobs 1 and 2 over the same text as one file per document
#   corpus mode (--corpus, --jobs 1 and 2): MB/s of text and documents/s
#   linear cost: MB/s on the text repeated to 1, 10 and 100 MB
# A missing or crashing vnlint is reported as n/a; the other lines still print.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
vnlint=${1:-$repo/build/vnlint}
case $vnlint in -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
corpus=$repo/build/corpus
benchdir=$repo/build/bench

# tools: hunspell + Vietnamese dictionary, GNU time
missing=
for p in hunspell hunspell-vi time python3; do
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" = installed ] || missing="$missing $p"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "bench: missing packages:$missing" >&2
        echo "run as root:  apt-get install -y --no-install-recommends$missing" >&2
        exit 2
    fi
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086
    if ! apt-get install -y -q --no-install-recommends $missing >/dev/null; then
        apt-get update -q >/dev/null
        apt-get install -y -q --no-install-recommends $missing >/dev/null
    fi
fi

if [ ! -s "$corpus/SOURCES.tsv" ]; then
    "$here/extract-corpus.sh" "$corpus" >&2
fi

mkdir -p "$benchdir"
export LC_ALL=C.UTF-8
export BENCH_VNLINT=$vnlint BENCH_CORPUS=$corpus BENCH_DIR=$benchdir
python3 - <<'PY'
import os, statistics, subprocess, sys, time

vnlint = os.environ["BENCH_VNLINT"]
corpus = os.environ["BENCH_CORPUS"]
bdir = os.environ["BENCH_DIR"]
MB = 1e6
TARGET = 8 * 1000 * 1000
HUNSPELL_LIMIT = float(os.environ.get("BENCH_HUNSPELL_LIMIT", "60"))
SLOW = 45.0  # a vnlint run slower than this is not repeated (keeps bench < 3 min)

def out(name, value, unit=""):
    print("%-30s %14s %s" % (name, value, unit), flush=True)

# ---- inputs -------------------------------------------------------------
files = []
for d, dirs, fs in os.walk(corpus):
    dirs.sort()
    files += [os.path.join(d, f) for f in fs if f.endswith(".txt")]
files.sort()
if not files:
    sys.exit("bench: empty corpus %s" % corpus)
docs = [open(f, "rb").read().rstrip(b"\n") + b"\n" for f in files]
buf, size = [], 0
while size < TARGET:
    for d in docs:
        buf.append(d)
        size += len(d) + 1
        if size >= TARGET:
            break
data = b"\n".join(buf)
clean = os.path.join(bdir, "clean.txt")
small = os.path.join(bdir, "small.txt")
head2 = os.path.join(bdir, "clean-2mb.txt")

def write_if_changed(path, content):
    try:
        if open(path, "rb").read() == content:
            return
    except OSError:
        pass
    with open(path, "wb") as f:
        f.write(content)

def cut(content, n):
    """First n bytes of content, cut back to the end of a line."""
    c = content[:n]
    i = c.rfind(b"\n")
    return c[:i + 1] if i > 0 else c

write_if_changed(clean, data)
# the 1 KB start-up file: prose (the first maint-guide-vi page) when there is some
prose = [f for f in files if os.path.relpath(f, corpus).startswith("maint-guide-vi" + os.sep)]
write_if_changed(small, cut(open(prose[0], "rb").read() if prose else data, 1024))
write_if_changed(head2, cut(data, 2 * 1000 * 1000))
size = len(data)

# ---- timing helpers ------------------------------------------------------
DEVNULL = subprocess.DEVNULL

def run_once(cmd, stdin_path=None, timeout=None):
    """Wall time of one run; returns (seconds, returncode)."""
    fin = open(stdin_path, "rb") if stdin_path else DEVNULL
    try:
        t0 = time.perf_counter()
        p = subprocess.run(cmd, stdin=fin, stdout=DEVNULL, stderr=DEVNULL, timeout=timeout)
        return time.perf_counter() - t0, p.returncode
    finally:
        if stdin_path:
            fin.close()

def best_of(n, cmd, stdin_path=None, ok=(0,), slow=None):
    """Best wall time of n runs (fewer if a run takes more than `slow` s)."""
    best = None
    for _ in range(n):
        t, rc = run_once(cmd, stdin_path)
        if rc not in ok:
            return None, rc
        best = t if best is None else min(best, t)
        if slow is not None and t > slow:
            break
    return best, 0

wc_words = int(subprocess.run(["wc", "-w"], stdin=open(clean, "rb"), capture_output=True).stdout.split()[0])
out("input_file", os.path.relpath(clean), "")
out("input_size", "%.2f" % (size / MB), "MB")
out("input_words", wc_words, "words (wc -w)")

# ---- vnlint --------------------------------------------------------------
VN_OK = (0, 1)
vn_cmd = [vnlint, "--quiet", "--format", "json"]
have_vnlint = os.path.isfile(vnlint) and os.access(vnlint, os.X_OK)
vn_t = None
if not have_vnlint:
    out("vnlint", "n/a", "(%s not found)" % vnlint)
else:
    vn_t, rc = best_of(3, vn_cmd + [clean], ok=VN_OK, slow=SLOW)
    if vn_t is None:
        out("vnlint", "n/a", "(exit status %d)" % rc)
    else:
        out("vnlint_time_best_of_3", "%.3f" % vn_t, "s" if vn_t <= SLOW else "s (1 run only: too slow to repeat)")
        out("vnlint_throughput", "%.2f" % (size / MB / vn_t), "MB/s")

# ---- hunspell ------------------------------------------------------------
hs_cmd = ["hunspell", "-d", "vi_VN", "-l"]
hs_file, hs_note = clean, ""
try:
    t1, rc = run_once(hs_cmd, clean, timeout=HUNSPELL_LIMIT)
except subprocess.TimeoutExpired:
    t1, rc = None, 0
    hs_file, hs_note = head2, "(whole file took > %d s: first 2 MB only)" % HUNSPELL_LIMIT
if rc != 0:
    out("hunspell", "n/a", "(exit status %d)" % rc)
    hs_t = None
else:
    hs_t, rc = best_of(2 if t1 is not None else 3, hs_cmd, hs_file)
    if hs_t is not None and t1 is not None:
        hs_t = min(hs_t, t1)
    hs_size = os.path.getsize(hs_file)
    if hs_note:
        out("hunspell_input", "%.2f" % (hs_size / MB), "MB " + hs_note)
    out("hunspell_time_best_of_3", "%.3f" % hs_t, "s")
    out("hunspell_throughput", "%.2f" % (hs_size / MB / hs_t), "MB/s")

# ---- wc -w ---------------------------------------------------------------
wc_t, _ = best_of(3, ["wc", "-w"], clean)
out("wc_time_best_of_3", "%.3f" % wc_t, "s")
out("wc_throughput", "%.2f" % (size / MB / wc_t), "MB/s")

# ---- ratios --------------------------------------------------------------
if vn_t and hs_t:
    out("ratio_vnlint_over_hunspell", "%.2f" % ((size / vn_t) / (hs_size / hs_t)), "x (throughput)")
else:
    out("ratio_vnlint_over_hunspell", "n/a", "")
if vn_t:
    out("ratio_wc_over_vnlint", "%.2f" % ((size / wc_t) / (size / vn_t)), "x (throughput)")
else:
    out("ratio_wc_over_vnlint", "n/a", "")

# ---- memory and start-up -------------------------------------------------
if vn_t:
    tf = os.path.join(bdir, ".time-rss")
    subprocess.run(["/usr/bin/time", "-f", "%M", "-o", tf] + vn_cmd + [clean], stdout=DEVNULL, stderr=DEVNULL)
    try:
        kb = int(open(tf).read().strip().splitlines()[-1])
        out("vnlint_peak_rss", "%.1f" % (kb / 1024), "MiB")
    except (OSError, ValueError, IndexError):
        out("vnlint_peak_rss", "n/a", "")
    finally:
        if os.path.exists(tf):
            os.remove(tf)
    ts = []
    for _ in range(20):
        t, rc = run_once(vn_cmd + [small])
        ts.append(t)
    out("vnlint_startup_median_of_20", "%.2f" % (statistics.median(ts) * 1000), "ms (%d-byte file)" % os.path.getsize(small))
else:
    out("vnlint_peak_rss", "n/a", "")
    out("vnlint_startup_median_of_20", "n/a", "")

# ---- rule packs ----------------------------------------------------------
# Throughput without the shipped packs, then with synthetic packs of 10 and
# 1,000 rules (90% table rows, 10% patterns whose triggers are drawn from
# the dictionary like real ones): dispatch by word should keep them close.
import random

def synthetic(n):
    d = os.path.join(bdir, "rules-%d" % n)
    os.makedirs(d, exist_ok=True)
    rng = random.Random(42)
    words = [w.strip().lower() for w in open("/usr/share/hunspell/vi_VN.dic", encoding="utf-8")][1:]
    words = sorted(set(w for w in words if w.isalpha()))
    rows = max(1, n * 9 // 10)
    with open(os.path.join(d, "synthetic.tsv"), "w", encoding="utf-8") as f:
        for _ in range(rows):
            a, b, c = rng.sample(words, 3)
            f.write("%s %s\t%s %s\tsynthetic\n" % (a, b, a, c))
    with open(os.path.join(d, "synthetic.rules"), "w", encoding="utf-8") as f:
        f.write("[pack]\nid = synthetic\n\n[rule table]\nkind = substitution\n"
                "table = synthetic.tsv\nmessage.en = {match}\n"
                "bad = x [[qwxz qwxz]] => x\ngood = y\n"
                "entry = qwxz qwxz -> x\n")
        for i in range(n - rows):
            w = rng.choice(words)
            f.write("\n[rule p%d]\nkind = pattern\npattern = \\b%s (qwxz)\\b\n"
                    "trigger = %s\nmessage.en = {match}\nbad = %s [[qwxz]]\n"
                    "good = %s\n" % (i, w, w, w, w))
    return d

if vn_t:
    t, rc = best_of(3, vn_cmd + ["--no-model", clean], ok=VN_OK, slow=SLOW)
    if t:
        out("vnlint_no_model_throughput", "%.2f" % (size / MB / t), "MB/s (--no-model)")
        out("ratio_model_cost", "%.2f" % (vn_t / t), "x time with the context model")
    model = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(vnlint))), "dict", "vi.model")
    if os.path.exists(model):
        out("model_size", "%.0f" % (os.path.getsize(model) / 1024), "KiB (%s)" % os.path.relpath(model))
        ts = []
        for _ in range(20):
            t1, _ = run_once(vn_cmd + [small])
            t2, _ = run_once(vn_cmd + ["--no-model", small])
            ts.append(t1 - t2)
        out("model_load_median_of_20", "%.2f" % (statistics.median(ts) * 1000), "ms (start-up with minus without)")
    t, rc = best_of(3, vn_cmd + ["--no-default-rules", clean], ok=VN_OK, slow=SLOW)
    if t:
        out("vnlint_no_packs_throughput", "%.2f" % (size / MB / t), "MB/s (--no-default-rules)")
        out("ratio_packs_cost", "%.2f" % (vn_t / t), "x time with the shipped packs")
    times = {}
    for n in (10, 1000):
        t, rc = best_of(3, vn_cmd + ["--no-default-rules", "--rules", synthetic(n), clean],
                        ok=VN_OK, slow=SLOW)
        times[n] = t
        out("vnlint_%d_rules_throughput" % n, "%.2f" % (size / MB / t) if t else "n/a", "MB/s (synthetic packs)")
    if times.get(10) and times.get(1000):
        out("ratio_1000_over_10_rules", "%.2f" % (times[1000] / times[10]), "x time")
    # Instructions, not seconds: repeatable on a noisy machine. The first
    # MB of the bench text under callgrind, minus a run on the 1 KB file
    # (start-up: dictionaries, packs, model).
    one = os.path.join(bdir, "one-mb.txt")
    write_if_changed(one, cut(data, int(MB)))
    def instructions(path):
        try:
            r = subprocess.run(["valgrind", "--tool=callgrind",
                                "--callgrind-out-file=/dev/null"] + vn_cmd + [path],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, timeout=900)
        except (OSError, subprocess.TimeoutExpired):
            return None
        for line in r.stderr.splitlines():
            if "Collected :" in line:
                return int(line.split(":")[-1])
        return None
    i1, i0 = instructions(one), instructions(small)
    if i1 and i0:
        out("instructions_per_mb", "%.0f" % ((i1 - i0) / (os.path.getsize(one) / MB) / 1e6),
            "million (callgrind, 1 MB minus start-up)")
        out("instructions_startup", "%.0f" % (i0 / 1e6), "million (callgrind, 1 KB file)")
    else:
        out("instructions_per_mb", "n/a", "(valgrind missing)")

# ---- threads, corpus mode, linear cost ------------------------------------
# --jobs over many files: the bench text's documents as separate files.
# Corpus mode: the same documents as JSON Lines (each file's text cut
# into documents of about 4 KB at paragraph breaks), one thread and two.
# Linear cost: the bench text repeated to 1, 10 and 100 MB, same MB/s.
import json, shutil
if vn_t:
    fdir = os.path.join(bdir, "files")
    stamp = os.path.join(fdir, ".size")
    if not os.path.exists(stamp) or open(stamp).read() != str(size):
        shutil.rmtree(fdir, ignore_errors=True)
        os.makedirs(fdir)
        for i, d in enumerate(buf):
            with open(os.path.join(fdir, "%05d.txt" % i), "wb") as f:
                f.write(d)
        with open(stamp, "w") as f:
            f.write(str(size))
    t1, _ = best_of(3, vn_cmd + [fdir], ok=VN_OK, slow=SLOW)
    t2, _ = best_of(3, vn_cmd + ["--jobs", "2", fdir], ok=VN_OK, slow=SLOW)
    if t1 and t2:
        out("files", len(buf), "files")
        out("vnlint_files_jobs1_throughput", "%.2f" % (size / MB / t1), "MB/s")
        out("vnlint_files_jobs2_throughput", "%.2f" % (size / MB / t2), "MB/s (--jobs 2)")
        out("ratio_jobs2_over_jobs1", "%.2f" % (t1 / t2), "x (2 cores)")
    jl = os.path.join(bdir, "corpus.jsonl")
    lines, text_bytes = [], 0
    for d in buf:
        text = d.decode("utf-8", "replace")
        cur = ""
        for para in text.split("\n\n"):
            cur = cur + "\n\n" + para if cur else para
            if len(cur) >= 4000:
                lines.append(cur)
                cur = ""
        if cur:
            lines.append(cur)
    enc = b"".join(json.dumps({"id": i, "text": t}, ensure_ascii=False).encode() + b"\n"
                   for i, t in enumerate(lines))
    text_bytes = sum(len(t.encode()) for t in lines)
    write_if_changed(jl, enc)
    for j in ("1", "2"):
        t, _ = best_of(3, [vnlint, "--corpus", "--jobs", j, jl], slow=SLOW)
        if t:
            out("corpus_jobs%s_throughput" % j, "%.2f" % (text_bytes / MB / t),
                "MB/s of text, %.0f docs/s (%d docs, %.2f MB of JSON Lines)"
                % (len(lines) / t, len(lines), len(enc) / MB))
    for n in (1, 10, 100):
        path = os.path.join(bdir, "linear-%d.txt" % n)
        want = n * int(MB)
        if not os.path.exists(path) or os.path.getsize(path) < want * 0.99:
            with open(path, "wb") as f:
                while f.tell() < want:
                    f.write(cut(data, want - f.tell()) or data[: want - f.tell()])
        t, _ = best_of(1 if n == 100 else 3, vn_cmd + [path], ok=VN_OK)
        if t:
            out("vnlint_%dmb_throughput" % n, "%.2f" % (os.path.getsize(path) / MB / t), "MB/s (%d MB file)" % n)
PY

#!/bin/bash
# Corpus mode as a pipeline stage (docs/corpus-mode.md): the output is the
# same bytes however the input is split, compressed or spread over
# threads and processes; one record per line with the input's ids; memory
# does not grow with the input; faults end the run as documented.
#   tests/corpus.sh VNLINT
set -u
V=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
same() { # NAME FILE: FILE must equal the single-process output
	if cmp -s "$tmp/one.out" "$2"; then ok; else bad "$1 differs from one process"; fi
}

# Documents: the golden fixtures, every text fixture as a document and
# each of its paragraphs as another, repeated to about 600 KB.
python3 "$here/corpus-input.py" "$tmp/in.jsonl" 600000
lines=$(wc -l <"$tmp/in.jsonl")

# One process is the reference.
"$V" --corpus "$tmp/in.jsonl" >"$tmp/one.out" 2>"$tmp/one.err"
rc=$?
[ $rc = 0 ] && [ ! -s "$tmp/one.err" ] && ok || bad "one process: exit $rc"
[ "$(wc -l <"$tmp/one.out")" = "$lines" ] && ok ||
	bad "$(wc -l <"$tmp/one.out") records for $lines lines"
python3 "$here/check-corpus.py" "$here/../docs/corpus-mode.schema.json" \
	"$tmp/one.out" "$tmp/in.jsonl" >"$tmp/check" && ok ||
	{ bad "records do not match the input:"; head "$tmp/check"; }

# Standard input, threads, split and concatenated.
"$V" --corpus <"$tmp/in.jsonl" >"$tmp/stdin.out"
same "standard input" "$tmp/stdin.out"
"$V" --corpus --jobs 2 "$tmp/in.jsonl" >"$tmp/jobs2.out"
same "--jobs 2" "$tmp/jobs2.out"
"$V" --corpus --jobs 7 "$tmp/in.jsonl" >"$tmp/jobs7.out"
same "--jobs 7" "$tmp/jobs7.out"
(cd "$tmp" && split -l 173 in.jsonl part.)
"$V" --corpus "$tmp"/part.* >"$tmp/parts.out"
same "split files as arguments" "$tmp/parts.out"
for p in "$tmp"/part.*; do "$V" --corpus "$p"; done >"$tmp/cat.out"
same "split, one process each, concatenated" "$tmp/cat.out"

# GNU parallel cutting the file into blocks, in order.
if command -v parallel >/dev/null; then
	parallel --will-cite --pipe-part -a "$tmp/in.jsonl" --block 50k \
		--keep-order "$V" --corpus >"$tmp/parallel.out"
	same "parallel --pipe-part --keep-order" "$tmp/parallel.out"
else
	bad "GNU parallel is not installed (scripts/deps.sh installs it)"
fi

# Compressed input, detected by magic bytes; concatenated gzip members.
gzip -c "$tmp/in.jsonl" >"$tmp/in.gz"
"$V" --corpus "$tmp/in.gz" >"$tmp/gz.out"
same "gzip" "$tmp/gz.out"
head -n 100 "$tmp/in.jsonl" | gzip -c >"$tmp/cat.gz"
tail -n +101 "$tmp/in.jsonl" | gzip -c >>"$tmp/cat.gz"
"$V" --corpus - <"$tmp/cat.gz" >"$tmp/catgz.out"
same "two gzip members on standard input" "$tmp/catgz.out"
zstd -q -c "$tmp/in.jsonl" >"$tmp/in.zst"
"$V" --corpus --jobs 2 "$tmp/in.zst" >"$tmp/zst.out"
same "zstd with --jobs 2" "$tmp/zst.out"

# A truncated archive: exit 3, a message naming it, and every record
# before the cut intact.
head -c 30000 "$tmp/in.gz" >"$tmp/cut.gz"
"$V" --corpus "$tmp/cut.gz" >"$tmp/cut.out" 2>"$tmp/cut.err"
rc=$?
[ $rc = 3 ] && ok || bad "truncated gzip: exit $rc, expected 3"
grep -q "cut.gz: truncated gzip data" "$tmp/cut.err" && ok ||
	bad "truncated gzip: message '$(cat "$tmp/cut.err")'"
n=$(wc -l <"$tmp/cut.out")
if [ "$n" -gt 0 ] && head -n "$n" "$tmp/one.out" | cmp -s - "$tmp/cut.out"; then
	ok
else
	bad "truncated gzip: the $n records before the cut differ"
fi
head -c 20000 "$tmp/in.zst" >"$tmp/cut.zst"
"$V" --corpus "$tmp/cut.zst" >/dev/null 2>"$tmp/cutz.err"
rc=$?
[ $rc = 3 ] && grep -q "truncated zstd data" "$tmp/cutz.err" && ok ||
	bad "truncated zstd: exit $rc, '$(cat "$tmp/cutz.err")'"

# A reader that goes away ends the run quietly and successfully.
"$V" --corpus "$tmp/in.jsonl" 2>"$tmp/head.err" | head -n 1 >"$tmp/head.out"
rc=${PIPESTATUS[0]}
[ $rc = 0 ] && [ ! -s "$tmp/head.err" ] && ok ||
	bad "| head -1: exit $rc, '$(cat "$tmp/head.err")'"
head -n 1 "$tmp/one.out" | cmp -s - "$tmp/head.out" && ok || bad "| head -1 output"
# A full disk is an I/O error.
"$V" --corpus "$tmp/in.jsonl" >/dev/full 2>"$tmp/full.err"
rc=$?
[ $rc = 3 ] && grep -q "cannot write output" "$tmp/full.err" && ok ||
	bad "/dev/full: exit $rc, '$(cat "$tmp/full.err")'"
# A closed standard input is an I/O error too.
"$V" --corpus <&- >/dev/null 2>"$tmp/closed.err"
rc=$?
[ $rc = 3 ] && ok || bad "closed stdin: exit $rc, '$(cat "$tmp/closed.err")'"

# --stats adds up.
"$V" --corpus --emit filter --min-score 0.9 --stats "$tmp/stats.json" \
	"$tmp/in.jsonl" >"$tmp/filter.out"
python3 - "$tmp/stats.json" "$lines" "$(wc -l <"$tmp/filter.out")" <<'EOF' && ok || bad "--stats totals"
import json, sys
s = json.load(open(sys.argv[1]))
lines, kept = int(sys.argv[2]), int(sys.argv[3])
errs = sum(s["line_errors"].values())
assert s["lines"] == lines, s
assert s["documents"] + errs == lines, s
assert s["passed"] == kept and s["passed"] + s["dropped"] == lines, s
assert sum(s["counts"].values()) == s["findings"], s
EOF

# Dolma attributes made from the records by scripts/dolma-attributes.jq:
# one line per input line, the same ids, the score and every span.
if command -v jq >/dev/null; then
	jq -c -f "$here/../scripts/dolma-attributes.jq" "$tmp/one.out" >"$tmp/dolma.out"
	python3 - "$tmp/one.out" "$tmp/dolma.out" <<'EOF' && ok || bad "Dolma attributes"
import json, re, sys
recs = [json.loads(l) for l in open(sys.argv[1], "rb")]
dolma = [json.loads(l) for l in open(sys.argv[2], "rb")]
assert len(recs) == len(dolma), (len(recs), len(dolma))
for r, d in zip(recs, dolma):
    assert set(d) == {"id", "attributes"}, d
    # jq 1.6 holds numbers as doubles (as the .jq file says): a numeric
    # id beyond 2^53 comes out rounded; Dolma's ids are strings.
    big = isinstance(r["id"], int) and abs(r["id"]) > 2**53
    assert (float(d["id"]) == float(r["id"]) if big else d["id"] == r["id"]), (r, d)
    a = d["attributes"]
    if "vnlint" not in r:
        assert a == {}, d
        continue
    v = r["vnlint"]
    assert a.pop("vnlint__vnlint__score") == [[0, v["chars"], v["score"]]], d
    want = {}
    for s, e, rule in v["spans"]:
        want.setdefault("vnlint__vnlint__" + re.sub("[/-]", "_", rule), []).append([s, e, 1])
    assert a == want, (r, d)
EOF
else
	bad "jq is not installed (scripts/deps.sh installs it)"
fi

# Memory does not grow with the input: 10 MB and 300 MB of documents
# (mostly padding, every 40th a real text) streamed in.
python3 - "$tmp/in.jsonl" "$tmp/block" <<'EOF'
import sys
real = open(sys.argv[1], "rb").read().split(b"\n")[:40]
pad = b'{"id":0,"text":"Xin ch\xc3\xa0o.","pad":"' + b"x" * 4000 + b'"}\n'
with open(sys.argv[2], "wb") as f:
    while f.tell() < 1 << 20:
        for r in real:
            f.write(r + b"\n" if r else pad)
            f.write(pad)
EOF
rss() { # MB: peak RSS in KB of linting that many copies of the block
	for _ in $(seq "$1"); do cat "$tmp/block"; done |
		/usr/bin/time -f %M "$V" --corpus --spans none 2>&1 >/dev/null | tail -n 1
}
small=$(rss 10)
large=$(rss 300)
if [ "$small" -gt 0 ] && [ $((large * 100)) -le $((small * 110)) ]; then
	ok
else
	bad "peak RSS ${small} KB on 10 MB, ${large} KB on 300 MB"
fi
echo "corpus: $pass passed, $fail failed (peak RSS ${small} KB on 10 MB, ${large} KB on 300 MB)"
[ "$fail" = 0 ]

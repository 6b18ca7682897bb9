#!/bin/sh
# Pathological input: each case must finish and stay within memory limits
# so generous that only a blow-up (a quadratic path, memory per token that
# is never released) fails them. Speed itself is measured by `make bench`.
# Usage: tests/limits.sh VNLINT
set -u
vnlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
LC_ALL=C.UTF-8
export LC_ALL
unset VNLINT_RULES_DIR
if [ -n "${VNLINT_TEST_DATA_DIR:-}" ]; then
	VNLINT_DATA_DIR=$VNLINT_TEST_DATA_DIR
	export VNLINT_DATA_DIR
fi
cd "$tmp" || exit 2
pass=0
fail=0

python3 - <<'EOF'
def w(name, s):
    with open(name, "w", encoding="utf-8") as f:
        f.write(s)
w("repeats.txt", "tránh " * 1000000)                       # one finding
w("paragraphs.txt", "Hôm nay tôi đi học ở trường và gặp nhiều bạn mới.\n\n" * 100000)
w("quotes.txt", "“mở \" đóng ” và \" " * 20000 + "\n")     # unbalanced
w("longword.txt", "việt" * 10000 + "\n")                   # no spaces
w("marks.txt", "a" + "\u0301" * 3000000 + "\n")            # one letter
w("findings.txt", "tránh tránh né " * 300000 + "\n")       # one per word
w("dots.txt", "." * 5000000 + "\n")
EOF

# limit NAME SECONDS MEGABYTES FILE: vnlint on FILE must end within
# SECONDS with a peak RSS under MEGABYTES (exit status 0 or 1).
limit() {
	/usr/bin/time -f %M -o rss timeout "$2" "$vnlint" -q "$4" >/dev/null 2>err
	rc=$?
	kb=$(tail -1 rss)
	if [ "$rc" -gt 1 ]; then
		echo "FAIL limits $1: exit status $rc"
		head -3 err
		fail=$((fail + 1))
	elif [ "$kb" -gt $(($3 * 1024)) ]; then
		echo "FAIL limits $1: peak RSS $((kb / 1024)) MB > $3 MB"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

limit "a million repeated syllables" 60 200 repeats.txt
limit "100,000 identical paragraphs" 60 200 paragraphs.txt
limit "20,000 unbalanced quotes" 60 200 quotes.txt
limit "a 10,000-syllable word" 60 100 longword.txt
limit "3 million combining marks" 60 200 marks.txt
limit "900,000 findings" 120 1024 findings.txt
limit "5 million periods" 60 200 dots.txt

echo "limits: $pass passed, $fail failed"
[ "$fail" = 0 ]

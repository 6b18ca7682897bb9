#!/bin/sh
# Bad input: every case of the table in docs/bad-input.md, each with its
# documented outcome (exit status, and the message or finding it gives).
# Usage: tests/badinput.sh VNLINT
set -u
vnlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp"; rm -rf "$tmp"' EXIT
LC_ALL=C.UTF-8
export LC_ALL
unset NO_COLOR VNLINT_RULES_DIR
if [ -n "${VNLINT_TEST_DATA_DIR:-}" ]; then
	VNLINT_DATA_DIR=$VNLINT_TEST_DATA_DIR
	export VNLINT_DATA_DIR
fi
cd "$tmp" || exit 2
pass=0
fail=0

# expect NAME RC PATTERN COMMAND...: run COMMAND (stdout and stderr
# together, at most 60 s), check its exit status and that the output
# matches the extended regular expression PATTERN ('' for none).
expect() {
	name=$1 want=$2 pat=$3
	shift 3
	timeout 60 "$@" >out 2>&1 </dev/null
	rc=$?
	if [ "$rc" != "$want" ]; then
		echo "FAIL bad-input $name: exit status $rc, expected $want"
		sed 's/^/  | /' out | head -5
		fail=$((fail + 1))
	elif [ -n "$pat" ] && ! grep -Eq "$pat" out; then
		echo "FAIL bad-input $name: no line matches /$pat/"
		sed 's/^/  | /' out | head -5
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

: >empty.txt
expect "empty file" 0 '^0 errors, 0 warnings, 0 infos in 1 file$' \
	"$vnlint" empty.txt
printf '  \n\t\n\r\n \n' >blank.txt
expect "whitespace only" 0 '^0 errors.* in 1 file$' "$vnlint" blank.txt

# Invalid UTF-8, one kind per line: each is an encoding/invalid-utf8 error
# at its own line and column, and the rest of the file is still read.
printf 'overlong \300\257 x\nsurrogate \355\240\200 x\ntruncated \341\200 x\nhigh \365 x\nff \377 x\nlone continuation \200 x\nfour-byte overlong \360\200\200\257 x\nabove U+10FFFF \364\220\200\200 x\nlast line tránh tránh\n' >utf8.txt
"$vnlint" --format gnu utf8.txt >utf8.out 2>&1
for lc in 1:10 2:11 3:11 4:6 5:4 6:19 7:20 8:16; do
	if grep -q "^utf8.txt:$lc: error: .*\[encoding/invalid-utf8\]" utf8.out; then
		pass=$((pass + 1))
	else
		echo "FAIL bad-input invalid UTF-8: nothing at $lc"
		fail=$((fail + 1))
	fi
done
expect "text after invalid UTF-8 still checked" 1 \
	'^utf8.txt:9:11: error: .*repetition/duplicate-syllable' \
	"$vnlint" --format gnu utf8.txt

printf 'Xin chào\000Việt Nam\n' >nul.txt
expect "NUL bytes: skipped as binary, named" 0 \
	'^vnlint: nul.txt: binary file \(NUL bytes\), skipped$' "$vnlint" nul.txt
printf 'Xin chào.\n\357\273\277Việt Nam.\n' >bom.txt
expect "BOM in mid-file" 0 '^bom.txt:2:1: warning: .*\[unicode/invisible-char\]' \
	"$vnlint" --format gnu bom.txt
printf '\357\273\277Xin chào.\n' >lead-bom.txt
expect "leading BOM is not a finding" 0 '^0 errors, 0 warnings' \
	"$vnlint" lead-bom.txt
printf 'Dòng một.\rDòng hai của của né.\rDòng ba.\r' >cr.txt
expect "CR-only line ends count as lines" 1 \
	'^cr.txt:2:10: error: .*repetition/duplicate-syllable' \
	"$vnlint" --format gnu cr.txt

expect "missing path" 2 '^vnlint: missing.txt: No such file or directory$' \
	"$vnlint" missing.txt
mkdir -p tree/sub
printf 'tránh tránh né\n' >tree/sub/a.txt
ln -s ../.. tree/sub/up
ln -s up tree/sub/up2
expect "directory symlink loop is not followed" 1 \
	'^1 error, 0 warnings, 0 infos in 1 file$' "$vnlint" tree
mkfifo fifo
(printf 'tránh tránh né\n' >fifo &)
expect "FIFO is read like a file" 1 'repetition/duplicate-syllable' \
	"$vnlint" fifo
expect "directory as stdin" 2 '^vnlint: <stdin>: ' sh -c "\"$vnlint\" - <tree"
expect "closed stdin" 2 '^vnlint: <stdin>: Bad file descriptor$' \
	sh -c "\"$vnlint\" - <&-"
printf 'x\n' >locked.txt
chmod 000 locked.txt
if [ "$(id -u)" = 0 ]; then
	# root reads anything: drop to nobody for this case
	chmod 755 "$tmp"
	expect "unreadable file" 2 '^vnlint: locked.txt: Permission denied$' \
		setpriv --reuid 65534 --regid 65534 --clear-groups "$vnlint" \
		locked.txt
else
	expect "unreadable file" 2 '^vnlint: locked.txt: Permission denied$' \
		"$vnlint" locked.txt
fi
if [ -w /dev/full ]; then
	expect "full disk on stdout" 2 '^vnlint: ' sh -c \
		"\"$vnlint\" --format json \"$here/cli/spelling.txt\" >/dev/full"
fi

# A 100 MB line without a newline: linted, bounded memory, no hang.
python3 - <<'EOF'
s = "Hôm nay chúng tôi kiểm tra một dòng rất dài không có ký tự xuống dòng, "
with open("long.txt", "w", encoding="utf-8") as f:
    f.write(s * (100 * 1000 * 1000 // len(s.encode())))
EOF
expect "100 MB single line" 0 '^0 errors, 0 warnings, 0 infos in 1 file$' \
	"$vnlint" long.txt

# Broken rule files: one line naming file:line:col, exit 2 (more cases,
# and the catastrophic regex, are golden tests in tests/cli).
mkdir rules
printf '[pack]\nid = p\n[rule r]\nkind = pattern\nseverity = error\npattern = (a\ntrigger = a\nmessage.en = m\nbad = [[a]]\ngood = b\n' >rules/x.rules
expect "rule file with a broken regex" 2 '^vnlint: .*x.rules:6:[0-9]+: ' \
	"$vnlint" --rules rules empty.txt

echo "bad-input: $pass passed, $fail failed"
[ "$fail" = 0 ]

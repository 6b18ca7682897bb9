#!/bin/sh
# --fix and --diff: fixes are applied exactly, a clean file stays byte for
# byte the same, fixing twice changes nothing, the diff applies with patch(1)
# to the same result, the file keeps its mode, standard input is a filter;
# whole lines of TCVN3 and VNI mojibake are repaired to the original text.
set -u
vnlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/cli" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset NO_COLOR
pass=0
fail=0
check() {
	if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL fix: $1"; fi
}
cp fixme.txt clean.txt "$tmp/"
chmod 640 "$tmp/fixme.txt"
"$vnlint" -q --diff "$tmp/fixme.txt" | sed "s|$tmp/||g" >"$tmp/out.diff"
check "diff output" 'cmp -s "$tmp/out.diff" fixme.diff'
"$vnlint" -q --fix "$tmp/fixme.txt" "$tmp/clean.txt"
check "fixed text" 'cmp -s "$tmp/fixme.txt" fixme.fixed'
check "clean file unchanged" 'cmp -s "$tmp/clean.txt" clean.txt'
check "mode kept" '[ "$(stat -c %a "$tmp/fixme.txt")" = 640 ]'
check "no temporary file left" '[ "$(ls -A "$tmp" | grep -c vnlint-)" = 0 ]'
cp "$tmp/fixme.txt" "$tmp/again.txt"
"$vnlint" -q --fix "$tmp/again.txt"
check "fixing twice changes nothing" 'cmp -s "$tmp/again.txt" fixme.fixed'
cp fixme.txt "$tmp/p.txt"
"$vnlint" -q --diff "$tmp/p.txt" >"$tmp/p.diff"
(cd "$tmp" && patch -s -p0 p.txt <p.diff) 2>/dev/null ||
	patch -s "$tmp/p.txt" <"$tmp/p.diff"
check "patch(1) gives the same text" 'cmp -s "$tmp/p.txt" fixme.fixed'
"$vnlint" --fix - <fixme.txt >"$tmp/stdin.out"
check "stdin is a filter" 'cmp -s "$tmp/stdin.out" fixme.fixed'
for enc in tcvn3 vni; do
	cp "mojibake-$enc.txt" "$tmp/"
	"$vnlint" -q --fix "$tmp/mojibake-$enc.txt"
	check "$enc mojibake repaired" 'cmp -s "$tmp/mojibake-$enc.txt" mojibake-repaired.txt'
done
"$vnlint" -q --diff clean.txt >"$tmp/none.diff"
check "--diff exit 0 and no output on a clean file" '[ $? -eq 0 ] && [ ! -s "$tmp/none.diff" ]'
"$vnlint" -q --diff fixme.txt >/dev/null
check "--diff exit 1 when there are fixes" '[ $? -eq 1 ]'
echo "fix: $pass passed, $fail failed"
[ "$fail" = 0 ]

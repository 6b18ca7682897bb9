#!/bin/sh
# --jobs N lints files on N threads; what it prints (standard output and
# standard error), its exit status and what --fix writes must be exactly
# those of one thread, for every output format, configuration files,
# unreadable paths and binary files.
#   tests/jobs.sh VNLINT
set -u
V=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/cli" || exit 2
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp"; rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8
unset NO_COLOR
pass=0
fail=0

# Fixtures: every text fixture, the configured trees, a binary file, a
# missing path, an unreadable directory entry (when not root: root reads
# everything) and standard input.
printf 'a\0b' >"$tmp/binary.txt"
mkdir "$tmp/locked" && cp tree/a.txt "$tmp/locked/" && chmod 000 "$tmp/locked"
set -- *.txt tree conf bpconf "$tmp/binary.txt" no-such-file.txt "$tmp"
compare() { # DESCRIPTION ARGS...: one thread against 2 and 5
	d=$1
	shift
	"$V" "$@" <tree/a.txt >"$tmp/1.out" 2>"$tmp/1.err"
	rc1=$?
	for j in 2 5; do
		"$V" --jobs $j "$@" <tree/a.txt >"$tmp/j.out" 2>"$tmp/j.err"
		rcj=$?
		if cmp -s "$tmp/1.out" "$tmp/j.out" && cmp -s "$tmp/1.err" "$tmp/j.err" &&
			[ $rc1 = $rcj ]; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL --jobs $j $d: exit $rcj (one thread: $rc1)"
			diff "$tmp/1.out" "$tmp/j.out" | head -5
			diff "$tmp/1.err" "$tmp/j.err" | head -5
		fi
	done
}
for f in text json jsonl gnu sarif; do
	compare "--format $f" --format "$f" --color never "$@" -
done
compare "--quiet" -q "$@"
compare "--fail-on info" --fail-on info --format gnu "$@"
compare "--diff" --diff "$@"
compare "--lang vi" --lang vi --format gnu "$@"
compare "--config" --config conf/.vnlint.ini --format gnu "$@"
compare "--no-config" --no-config --format gnu "$@"

# --fix on copies: the same files come out.
for j in 1 3; do
	rm -rf "$tmp/fix$j" && mkdir "$tmp/fix$j" && cp ./*.txt "$tmp/fix$j/"
	(cd "$tmp/fix$j" && "$V" --jobs $j --fix --format gnu . >../fix$j.out 2>../fix$j.err)
	echo $? >"$tmp/fix$j.rc"
done
if diff -r "$tmp/fix1" "$tmp/fix3" >/dev/null && cmp -s "$tmp/fix1.out" "$tmp/fix3.out" &&
	cmp -s "$tmp/fix1.err" "$tmp/fix3.err" && cmp -s "$tmp/fix1.rc" "$tmp/fix3.rc"; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "FAIL --jobs 3 --fix: files or report differ"
fi
"$V" --jobs 0 x.txt >/dev/null 2>&1
[ $? = 2 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL --jobs 0 accepted"; }
echo "jobs: $pass passed, $fail failed"
[ "$fail" = 0 ]

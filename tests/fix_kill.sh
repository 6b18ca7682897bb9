#!/bin/sh
# --fix is crash-safe (docs/robustness.md): vnlint --fix on a large damaged
# file is killed with SIGKILL at random points, and each time the file must
# be byte for byte either the original or the completely fixed text, and
# no file but it may be left in its directory (a complete temporary file
# .NAME.vnlint-XXXXXX only if the kill fell between link and rename, which
# is reported).
# Usage: tests/fix_kill.sh VNLINT [KILLS] [COPIES]
#   KILLS (default 14): half at a uniformly random time over a run, half
#   right after or a random 0-20 ms after the fixed text has been written
#   (then come fsync, the check of the original, link and rename);
#   COPIES (default 12000, 2.4 MB): copies of tests/cli/fixme.txt.
set -u
vnlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
kills=${2:-14}
copies=${3:-12000}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset NO_COLOR
if [ -n "${VNLINT_TEST_DATA_DIR:-}" ]; then
	VNLINT_DATA_DIR=$VNLINT_TEST_DATA_DIR
	export VNLINT_DATA_DIR
fi
fail=0
pass=0

# The damaged file, and the fixed text from a run that is not killed.
mkdir "$tmp/w"
i=0
while [ $i -lt 100 ]; do cat "$here/cli/fixme.txt"; i=$((i + 1)); done >"$tmp/100"
i=0
while [ $i -lt $((copies / 100)) ]; do cat "$tmp/100"; i=$((i + 1)); done >"$tmp/orig.txt"
cp "$tmp/orig.txt" "$tmp/w/big.txt"
t0=$(date +%s%N)
"$vnlint" -q --fix "$tmp/w/big.txt"
t1=$(date +%s%N)
mv "$tmp/w/big.txt" "$tmp/fixed.txt"
if cmp -s "$tmp/orig.txt" "$tmp/fixed.txt"; then
	echo "FAIL fix-kill: --fix changed nothing"
	exit 1
fi
if [ -n "$(ls -A "$tmp/w")" ]; then
	echo "FAIL fix-kill: a run that was not killed left files: $(ls -A "$tmp/w")"
	exit 1
fi
orig=$(sha256sum <"$tmp/orig.txt" | cut -d' ' -f1)
fixed=$(sha256sum <"$tmp/fixed.txt" | cut -d' ' -f1)
run_ms=$(((t1 - t0) / 1000000))
[ "$run_ms" -gt 0 ] || run_ms=1

# A random number in [0, n) (awk: no $RANDOM in POSIX sh).
seed=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
rand() {
	seed=$(awk -v s="$seed" 'BEGIN { print (s * 1103515245 + 12345) % 2147483648 }')
	echo $((seed % $1))
}

# Has the process written the fixed text (to its temporary file)? Its
# write count in /proc/PID/io reaches the size of the fixed text: after
# that come fsync, the check that the original is unchanged, the link and
# the rename. Read with shell built-ins only, so the poll is fast.
fixed_size=$(wc -c <"$tmp/fixed.txt")
written() {
	wchar=0
	while read -r key val; do
		if [ "$key" = "wchar:" ]; then
			wchar=$val
			break
		fi
	done <"/proc/$1/io"
	[ "$wchar" -ge "$fixed_size" ]
} 2>/dev/null

t_orig=0 n_orig=0 n_fixed=0 n_tmp=0 n_write=0 n_done=0
k=0
while [ $k -lt "$kills" ]; do
	cp "$tmp/orig.txt" "$tmp/w/big.txt"
	"$vnlint" -q --fix "$tmp/w/big.txt" >/dev/null 2>&1 &
	pid=$!
	if [ $((k % 2)) = 0 ]; then
		# Anywhere in the run.
		ms=$(rand $((run_ms + 1)))
		sleep "$(awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }')"
	else
		# Once the fixed text is written: poll for that, then kill at
		# once or up to 20 ms later.
		w=0
		while kill -0 "$pid" 2>/dev/null && ! written "$pid"; do
			w=$((w + 1))
			[ $w -lt 200000 ] || break
		done
		if kill -0 "$pid" 2>/dev/null && written "$pid"; then
			n_write=$((n_write + 1))
		fi
		ms=$(rand 21)
		if [ $((k % 4)) = 1 ]; then
			:
		else
			sleep "$(awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }')"
		fi
	fi
	if kill -9 "$pid" 2>/dev/null; then :; else n_done=$((n_done + 1)); fi
	wait "$pid" 2>/dev/null
	got=$(sha256sum <"$tmp/w/big.txt" | cut -d' ' -f1)
	if [ "$got" = "$orig" ]; then
		n_orig=$((n_orig + 1))
		[ $((k % 2)) = 0 ] || t_orig=$((t_orig + 1))
	elif [ "$got" = "$fixed" ]; then
		n_fixed=$((n_fixed + 1))
	else
		echo "FAIL fix-kill: kill $k: the file is neither the original nor the fixed text"
		fail=$((fail + 1))
	fi
	for f in "$tmp/w"/* "$tmp/w"/.*; do
		case $f in
		"$tmp/w/big.txt" | "$tmp/w/." | "$tmp/w/.." | "$tmp/w/*" | "$tmp/w/.*") ;;
		"$tmp/w/.big.txt.vnlint-"??????)
			# Killed between link and rename: the complete fixed text.
			if cmp -s "$f" "$tmp/fixed.txt"; then
				n_tmp=$((n_tmp + 1))
			else
				echo "FAIL fix-kill: kill $k: an incomplete temporary file $(basename "$f") is left"
				fail=$((fail + 1))
			fi
			rm -f "$f" ;;
		*)
			echo "FAIL fix-kill: kill $k: a stray file $(basename "$f") is left"
			fail=$((fail + 1))
			rm -f "$f" ;;
		esac
	done
	k=$((k + 1))
done
pass=$((kills - fail))
[ $pass -ge 0 ] || pass=0
echo "fix-kill: $kills kills of --fix on a $(($(wc -c <"$tmp/orig.txt") / 1000)) kB file (a run takes $run_ms ms): $n_orig left the original, $n_fixed the fixed text; $n_write killed after the write ($t_orig of them before the rename), $n_done after the process ended, $n_tmp left a complete temporary file"
echo "fix-kill: $pass passed, $fail failed"
[ $fail = 0 ]

#!/bin/sh
# Golden tests of the vnlint command. Each case NAME has:
#   NAME.cmd   the arguments, one line (paths relative to tests/cli)
#   NAME.out   the expected standard output
#   NAME.rc    the expected exit status
# and optionally NAME.err, the expected standard error.
# Usage: tests/cli/run.sh VNLINT [CASE...]; UPDATE=1 rewrites the goldens.
set -u
vnlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
here=$(cd "$(dirname "$0")" && pwd)
cd "$here" || exit 2
# Messages in English, no colour, data from the checkout.
LC_ALL=C.UTF-8
LANG=C.UTF-8
export LC_ALL LANG
unset NO_COLOR LC_MESSAGES VNLINT_DATA_DIR VNLINT_RULES_DIR
# A binary outside build/ (the sanitizer build) is told where dict/ and
# rules/ are; the plain build must find them by itself.
if [ -n "${VNLINT_TEST_DATA_DIR:-}" ]; then
	VNLINT_DATA_DIR=$VNLINT_TEST_DATA_DIR
	VNLINT_RULES_DIR=$VNLINT_TEST_RULES_DIR
	export VNLINT_DATA_DIR VNLINT_RULES_DIR
fi
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cases=${*:-$(ls *.cmd | sed 's/\.cmd$//')}
for c in $cases; do
	args=$(cat "$c.cmd")
	# shellcheck disable=SC2086
	if [ -f "$c.stdin" ]; then
		eval "\"$vnlint\" $args" <"$c.stdin" >"$tmp/out" 2>"$tmp/err"
	else
		eval "\"$vnlint\" $args" </dev/null >"$tmp/out" 2>"$tmp/err"
	fi
	rc=$?
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$tmp/out" "$c.out"
		echo "$rc" >"$c.rc"
		[ -s "$tmp/err" ] && cp "$tmp/err" "$c.err"
		[ -s "$tmp/err" ] || rm -f "$c.err"
	fi
	ok=1
	if ! diff -u "$c.out" "$tmp/out" >"$tmp/diff"; then
		ok=0
		echo "FAIL $c: stdout differs"
		cat "$tmp/diff"
	fi
	if [ "$rc" != "$(cat "$c.rc")" ]; then
		ok=0
		echo "FAIL $c: exit status $rc, expected $(cat "$c.rc")"
	fi
	if [ -f "$c.err" ] && ! diff -u "$c.err" "$tmp/err"; then
		ok=0
		echo "FAIL $c: stderr differs"
	fi
	# Every JSON report must validate against the published schema, every
	# SARIF log against the official one (kept outside the repository).
	case " $args " in
	*--corpus*--emit\ filter* | *--corpus*--stats*) ;;
	*--corpus*)
		if [ -s "$tmp/out" ] && ! python3 ../check-corpus.py \
			../../docs/corpus-mode.schema.json "$tmp/out"; then
			ok=0
			echo "FAIL $c: corpus records do not validate"
		fi
		;;
	*sarif*)
		if [ -s "$tmp/out" ] && ! python3 ../check-sarif.py "$tmp/out" . \
			</dev/null; then
			ok=0
			echo "FAIL $c: SARIF log does not validate"
		fi
		;;
	*jsonl*)
		if [ -s "$tmp/out" ] && ! python3 ../check-jsonl.py \
			../../docs/jsonl.schema.json "$tmp/out" .; then
			ok=0
			echo "FAIL $c: JSON Lines do not validate"
		fi
		;;
	*json*)
		if [ -s "$tmp/out" ] && ! python3 ../check-json.py \
			../../docs/report.schema.json "$tmp/out" .; then
			ok=0
			echo "FAIL $c: JSON report does not validate"
		fi
		;;
	esac
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
done
echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]

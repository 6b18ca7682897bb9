#!/bin/sh
# fuzz.sh SECONDS [TARGET...]
#
# Build the libFuzzer targets of fuzz/ with clang (AddressSanitizer, UBSan,
# libFuzzer) into build/fuzz and run each for SECONDS, starting from a seed
# corpus made of the test fixtures. The corpus grows in build/fuzz/corpus/T
# (kept between runs, never committed; FUZZ_DIR moves build/fuzz); a
# crash leaves its input in build/fuzz/crash-T-* and makes the script
# exit 1. Prints one line per
# target: executions, corpus size, outcome. Targets: lint rules config lsp
# corpus.
set -eu
cd "$(dirname "$0")/.."
secs=${1:-60}
shift || true
targets=${*:-lint rules config lsp corpus}
B=${FUZZ_DIR:-build/fuzz}

# clang and its libFuzzer runtime (a separate package on Debian).
sh scripts/deps.sh clang
probe=$B/probe.c
mkdir -p $B
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n){(void)d;(void)n;return 0;}\n' >$probe
if ! clang -fsanitize=fuzzer $probe -o $B/probe 2>/dev/null; then
	major=$(clang -dumpversion | cut -d. -f1)
	sh scripts/deps.sh "libclang-rt-$major-dev"
fi

pkgs="hunspell libpcre2-8 libutf8proc libcjson inih zlib libzstd"
cflags="-std=c11 -g -O1 -fno-omit-frame-pointer \
-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
-Isrc $(pkg-config --cflags $pkgs)"
libs="$(pkg-config --libs $pkgs) -lm -pthread"
lib=$(make -s -f Makefile print-lib-src)
cli="src/out_text.c src/out_json.c src/out_jsonl.c src/out_sarif.c \
src/out_diff.c src/config.c src/lsp.c src/corpus.c src/json_scan.c \
src/instream.c"

seed() { # target -> seed files
	case $1 in
	lint) ls tests/cli/*.txt tests/cli/*.md tests/spec/*.txt 2>/dev/null ;;
	rules) ls rules/*.rules tests/rules/*/*.rules ;;
	config) find tests -name '*.ini' ;;
	lsp) ls fuzz/seeds/lsp/* ;;
	corpus) ls tests/cli/corpus/* ;;
	esac
}

# The library and writers once (with -fsanitize=fuzzer-no-link), then
# one link per target.
mkdir -p $B/obj
objs=
for f in $lib $cli; do
	objs="$objs $B/obj/$(basename "$f" .c).o"
done
for f in $lib $cli; do
	o=$B/obj/$(basename "$f" .c).o
	if [ ! -e "$o" ] || [ "$f" -nt "$o" ] || [ src/internal.h -nt "$o" ]; then
		echo "$f $o"
	fi
done | xargs -r -n 2 -P 2 sh -c \
	"clang $(echo "$cflags" | sed 's/fuzzer,/fuzzer-no-link,/') -c \$0 -o \$1"

status=0
for t in $targets; do
	# shellcheck disable=SC2086
	clang $cflags fuzz/fuzz_$t.c $objs $libs -o $B/fuzz_$t
	mkdir -p $B/corpus/$t
	for f in $(seed $t); do
		cp "$f" "$B/corpus/$t/seed-$(basename "$f")"
	done
	if [ "$t" = corpus ]; then # compressed input is told by its magic
		gzip -c tests/cli/corpus/docs.in >$B/corpus/$t/seed-docs.gz
		zstd -q -c tests/cli/corpus/docs.in >$B/corpus/$t/seed-docs.zst
	fi
	log=$B/fuzz_$t.log
	if $B/fuzz_$t -max_total_time="$secs" -max_len=65536 -timeout=30 \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix=$B/crash-$t- $B/corpus/$t >$log 2>&1; then
		outcome=ok
	else
		outcome="CRASH (see $log)"
		status=1
	fi
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' $log)
	printf '%-7s %10s executions in %ss, corpus %s files: %s\n' \
		"$t" "${runs:-?}" "$secs" "$(ls $B/corpus/$t | wc -l)" "$outcome"
done
exit $status

#!/bin/sh
# make install into a scratch DESTDIR: the installed binary must find its
# data without flags and report like the build; make uninstall must remove
# every file it installed.
set -eu
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
make -s install DESTDIR="$dest" PREFIX=/usr B=build/install >/dev/null
for f in usr/bin/vnlint usr/include/vnlint.h usr/lib/libvnlint.a \
	usr/lib/libvnlint.so.0 usr/share/man/man1/vnlint.1 \
	usr/share/vnlint/reduplication.txt usr/share/vnlint/README.md \
	usr/share/vnlint/rules/ocr.rules usr/share/vnlint/rules/ocr/d-stroke.tsv \
	usr/share/man/man5/vnlint-rules.5 usr/lib/pkgconfig/vnlint.pc; do
	[ -e "$dest/$f" ] || { echo "install: $f missing"; exit 1; }
done
out=$(cd tests/cli && env -u VNLINT_DATA_DIR LC_ALL=C.UTF-8 \
	"$dest/usr/bin/vnlint" --color=never duplicate.txt || true)
if [ "$out" != "$(cat tests/cli/duplicate.out)" ]; then
	echo "install: installed binary reports differently"
	exit 1
fi
# the pkg-config file names the installed library
grep -q '^Version: [0-9]' "$dest/usr/lib/pkgconfig/vnlint.pc" ||
	{ echo "install: vnlint.pc has no version"; exit 1; }
# the installed packs are found and pass their own examples
(cd / && "$dest/usr/bin/vnlint" --test-rules "$dest/usr/share/vnlint/rules" \
	>/dev/null) || { echo "install: installed rule packs fail"; exit 1; }
make -s uninstall DESTDIR="$dest" PREFIX=/usr B=build/install >/dev/null
left=$(find "$dest" -type f | sed "s|$dest/||")
if [ -n "$left" ]; then
	echo "install: uninstall left: $left"
	exit 1
fi
echo "install: 1 passed, 0 failed"

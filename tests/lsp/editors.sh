#!/bin/sh
# Check the editor set-ups of docs/editors.md with the editors Debian 12
# ships (apt-get install neovim emacs-nox elpa-eglot): Neovim 0.7 and
# Emacs 28 with Eglot 1.9, headless. Not part of `make test`: editors are
# not build dependencies. An editor that is not installed is skipped.
# Usage: tests/lsp/editors.sh VNLINT
set -u
bindir=$(cd "$(dirname "$1")" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
# The set-ups run "vnlint" from PATH, as an installed one would be.
if [ "$(basename "$1")" != vnlint ]; then
	echo "editors: VNLINT must be named vnlint" >&2
	exit 2
fi
PATH=$bindir:$PATH
LC_ALL=C.UTF-8
export PATH LC_ALL
unset VNLINT_DATA_DIR VNLINT_RULES_DIR
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
setup() {
	printf 'Vui 😀😀 quá, hòan thành.\nTôi né tránh tránh, trách nhiệm.\n' \
		>"$tmp/test.txt"
	printf '# Tiêu đề\n\nXin chào `hòan` và hòan.\n' >"$tmp/test.md"
}
check() { # NAME: compare $tmp/out with $tmp/want
	if diff -u "$tmp/want" "$tmp/out"; then
		echo "ok   $1"
	else
		echo "FAIL $1"
		fail=1
	fi
}
if command -v nvim >/dev/null; then
	setup
	# Positions are Neovim's: 0-based, byte columns.
	cat >"$tmp/want" <<'END'
test.md 2:22-2:27 [spelling/invalid-syllable]
test.txt 0:19-0:24 [spelling/invalid-syllable]
test.txt 1:9-1:22 [repetition/duplicate-syllable]
servers: 1
first action: Replace with “hoàn”
line 1: Vui 😀😀 quá, hoàn thành.
diagnostics after the fix: 1
END
	# Headless Neovim prints to stderr, without a final newline.
	(cd "$tmp" && timeout 120 nvim --headless -u "$here/editors/nvim-init.lua" \
		-c "luafile $here/editors/nvim-check.lua" 2>&1; echo) |
		tr -d '\r' | sed '/^$/d' >"$tmp/out"
	check "neovim $(nvim --version | head -1)"
else
	echo "skip neovim: not installed"
fi
if command -v emacs >/dev/null; then
	setup
	cat >"$tmp/want" <<'END'
test.txt "hòan"
test.txt "tránh tránh"
first action: Replace with “hoàn”
line 1: Vui 😀😀 quá, hoàn thành.
diagnostics after the fix: 1
END
	(cd "$tmp" && timeout 120 emacs --batch -l "$here/editors/eglot-check.el" \
		2>/dev/null) >"$tmp/out"
	check "emacs $(emacs --version | head -1 | cut -d' ' -f3) eglot"
else
	echo "skip emacs: not installed"
fi
exit $fail

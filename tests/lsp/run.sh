#!/bin/sh
# Conversations with `vnlint --lsp` driven by tests/lsp/client.py.
# Usage: tests/lsp/run.sh VNLINT; prints "lsp: N passed, M failed".
set -u
vnlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
# Messages in English, data from the checkout (as tests/cli/run.sh).
LC_ALL=C.UTF-8
LANG=C.UTF-8
export LC_ALL LANG
unset LC_MESSAGES VNLINT_DATA_DIR VNLINT_RULES_DIR
# The sanitizer build lives outside build/ and is told where the data is.
if [ -n "${VNLINT_TEST_DATA_DIR:-}" ]; then
	VNLINT_DATA_DIR=$VNLINT_TEST_DATA_DIR
	VNLINT_RULES_DIR=$VNLINT_TEST_RULES_DIR
	export VNLINT_DATA_DIR VNLINT_RULES_DIR
fi
exec python3 "$here/client.py" "$vnlint"

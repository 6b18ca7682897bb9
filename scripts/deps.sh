#!/bin/sh
# Install the Debian packages vnlint needs to build and test, if missing.
# As root it runs apt-get; otherwise it prints the command and fails.
set -eu
PKGS="gcc make pkg-config libhunspell-dev hunspell hunspell-vi hunspell-en-us \
libpcre2-dev libutf8proc-dev libcmocka-dev libcjson-dev libinih-dev python3 \
python3-jsonschema"
missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "vnlint: missing packages:$missing" >&2
	echo "run: sudo apt-get install -y$missing" >&2
	exit 2
fi
echo "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || true
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing

#!/bin/sh
# Install Debian packages that are missing: those given as arguments, or
# by default the ones vnlint needs to build and test. As root it runs
# apt-get (updating the package lists only if the first attempt fails);
# otherwise it prints the command and exits 2. Messages go to stderr.
#   scripts/deps.sh [PKG...]
set -eu
if [ $# -gt 0 ]; then
	PKGS="$*"
else
	PKGS="gcc make pkg-config libhunspell-dev hunspell hunspell-vi hunspell-en-us \
libpcre2-dev libutf8proc-dev libcmocka-dev libcjson-dev libinih-dev zlib1g-dev \
libzstd-dev python3 parallel zstd gzip \
python3-jsonschema time openssh-server openssh-client procps \
python3-distributed jq"
fi
missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "vnlint: missing packages:$missing" >&2
	echo "run: sudo apt-get install -y --no-install-recommends$missing" >&2
	exit 2
fi
echo "installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
if ! apt-get install -y -qq --no-install-recommends $missing >&2; then
	apt-get update -qq >&2 || true
	apt-get install -y -qq --no-install-recommends $missing >&2
fi

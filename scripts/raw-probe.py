#!/usr/bin/env python3
"""Vietnamese text with its whitespace as published, for the whitespace
checks: the corpus (scripts/extract-corpus.sh) squeezes every run of spaces
to one, so it cannot show a doubled space.

    scripts/raw-probe.py OUTDIR

Writes OUTDIR/mo/NAME.txt, the translations of the Vietnamese gettext
catalogues of the corpus's packages (the GETTEXT_PKGS list of
extract-corpus.sh), one message per paragraph, spaces and line breaks kept;
and OUTDIR/man/NAME.txt, the Vietnamese man pages (manpages-vi) rendered by
groff at its usual 80 columns, justified and indented as man(1) shows them.
Never the held-out packages. Needs the packages installed (extract-corpus.sh
installs them) and groff.
"""
import glob
import gzip
import os
import re
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def gettext_packages():
    with open(os.path.join(HERE, "extract-corpus.sh"), encoding="utf-8") as f:
        m = re.search(r'^GETTEXT_PKGS="([^"]*)"', f.read(), re.M)
    return m.group(1).split()


def mo_messages(path):
    data = open(path, "rb").read()
    end = "<" if struct.unpack("<I", data[:4])[0] == 0x950412DE else ">"
    _, _, n, orig, trans = struct.unpack(end + "5I", data[:20])
    for i in range(n):
        olen, _ = struct.unpack(end + "2I", data[orig + 8 * i:orig + 8 * i + 8])
        tlen, toff = struct.unpack(end + "2I", data[trans + 8 * i:trans + 8 * i + 8])
        if olen == 0:
            continue  # the header
        for form in data[toff:toff + tlen].split(b"\0"):
            text = form.decode("utf-8", "replace").strip("\n")
            if text.strip():
                yield text


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(os.path.join(out, "mo"), exist_ok=True)
    os.makedirs(os.path.join(out, "man"), exist_ok=True)
    base = "/usr/share/locale/vi/LC_MESSAGES/"
    for pkg in gettext_packages():
        files = subprocess.run(["dpkg-query", "-L", pkg], capture_output=True,
                               text=True).stdout.split("\n")
        for mo in sorted(f for f in files if f.startswith(base) and
                         f.endswith(".mo") and os.path.isfile(f)):
            name = os.path.basename(mo)[:-3] + ".txt"
            with open(os.path.join(out, "mo", name), "w", encoding="utf-8") as f:
                f.write("\n\n".join(mo_messages(mo)) + "\n")
    for page in sorted(glob.glob("/usr/share/man/vi/**/*.gz", recursive=True)):
        if os.path.islink(page):
            continue
        with gzip.open(page) as f:
            src = f.read()
        r = subprocess.run(["groff", "-k", "-Kutf8", "-Tutf8", "-mandoc", "-t",
                            "-P-bcou"], input=src, capture_output=True)
        text = subprocess.run(["col", "-bx"], input=r.stdout,
                              capture_output=True).stdout
        with open(os.path.join(out, "man", os.path.basename(page)[:-3] + ".txt"),
                  "wb") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

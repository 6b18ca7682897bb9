#!/usr/bin/env python3
"""Write a JSON Lines corpus for the corpus-mode tests: the golden
fixtures, every text fixture of tests/cli as a document and each of its
paragraphs as another, repeated to at least BYTES bytes.
    tests/corpus-input.py OUT [BYTES]   (default 600000)"""
import glob
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1]
size = int(sys.argv[2]) if len(sys.argv) > 2 else 600_000
docs = []
for p in sorted(glob.glob(os.path.join(here, "cli", "*.txt"))):
    t = open(p, "rb").read().decode("utf-8", "replace").replace("\0", "")
    docs.append({"id": os.path.basename(p), "text": t})
    for i, para in enumerate(t.split("\n\n")):
        docs.append({"id": [os.path.basename(p), i], "text": para})
fixture = open(os.path.join(here, "cli", "corpus", "docs.in"), "rb").read()
with open(out, "wb") as f:
    n = 0
    while f.tell() < size:
        for d in docs:
            d = dict(d, n=n)
            f.write(json.dumps(d, ensure_ascii=n % 2 == 0).encode() + b"\n")
        f.write(fixture + b"\n")
        n += 1

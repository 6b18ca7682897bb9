#!/usr/bin/env python3
"""Validate vnlint JSON Lines output against docs/jsonl.schema.json, line by
line, and check what the schema cannot: every line is one object ending in
a newline, each file's lines are together and sorted by position, and
"text" equals the file's bytes at the span.

Usage: tests/check-jsonl.py SCHEMA OUTPUT.jsonl [FILE-ROOT]"""
import json
import os
import sys

import jsonschema


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        v = jsonschema.Draft7Validator(json.load(f))
    out = sys.argv[2]
    root = sys.argv[3] if len(sys.argv) > 3 else "."
    failures = 0
    last = {}  # path -> (offset, length) of its last line
    prev_path = None
    with open(out, "rb") as f:
        raw = f.read()
    if raw and not raw.endswith(b"\n"):
        print(f"{out}: last line has no newline")
        failures += 1
    for n, line in enumerate(raw.decode("utf-8").splitlines(), 1):
        where = f"{out}:{n}"
        try:
            d = json.loads(line)
        except ValueError as e:
            print(f"{where}: not one JSON value: {e}")
            failures += 1
            continue
        errors = list(v.iter_errors(d))
        for e in errors:
            print(f"{where}: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
        failures += len(errors)
        if errors:
            continue
        p, pos = d["path"], (d["byte_offset"], d["byte_length"])
        if p != prev_path and p in last:
            print(f"{where}: lines of {p} are not together")
            failures += 1
        if p in last and pos < last[p]:
            print(f"{where}: lines of {p} not sorted by position")
            failures += 1
        last[p], prev_path = pos, p
        if (d["end_line"], d["end_column"]) < (d["line"], d["column"]):
            print(f"{where}: end before start")
            failures += 1
        fp = os.path.join(root, p)
        if os.path.isfile(fp):
            with open(fp, "rb") as src:
                span = src.read()[pos[0]:pos[0] + pos[1]]
            if span.decode("utf-8", "replace") != d["text"]:
                print(f"{where}: text {d['text']!r} != file bytes {span!r}")
                failures += 1
        elif p != "<stdin>":
            print(f"{where}: {p}: no such file under {root}")
            failures += 1
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

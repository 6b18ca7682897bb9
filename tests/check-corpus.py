#!/usr/bin/env python3
"""Check vnlint --corpus output: every record validates against
docs/corpus-mode.schema.json; with the input, also what the schema cannot:
one record per input line, ids copied, "chars" equal to Python's len() of
the decoded text, spans inside it, bad_chars no more than chars and the
score equal to 1 - bad_chars/chars when no --weights were given.

Usage: tests/check-corpus.py SCHEMA OUTPUT [INPUT [--input lines]]"""
import json
import sys

import jsonschema


def main():
    args = [a for a in sys.argv[1:] if a != "--input-lines"]
    lines_mode = "--input-lines" in sys.argv
    if len(args) not in (2, 3):
        sys.exit(__doc__)
    with open(args[0], encoding="utf-8") as f:
        v = jsonschema.Draft7Validator(json.load(f))
    with open(args[1], "rb") as f:
        raw = f.read()
    failures = 0
    if raw and not raw.endswith(b"\n"):
        print(f"{args[1]}: last line has no newline")
        failures += 1
    records = raw.decode("utf-8").split("\n")[:-1] if raw else []
    inputs = None
    if len(args) == 3:
        with open(args[2], "rb") as f:
            data = f.read()
        inputs = data.split(b"\n")
        if data.endswith(b"\n"):
            inputs.pop()
        if len(inputs) != len(records):
            print(f"{len(records)} records for {len(inputs)} input lines")
            failures += 1
    for n, line in enumerate(records, 1):
        where = f"{args[1]}:{n}"
        try:
            d = json.loads(line)
        except ValueError as e:
            print(f"{where}: not one JSON value: {e}")
            failures += 1
            continue
        for e in v.iter_errors(d):
            print(f"{where}: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
            failures += 1
        if inputs is None or n > len(inputs):
            continue
        src = inputs[n - 1]
        try:
            text = src.decode("utf-8")
            doc = None if lines_mode else json.loads(text)
        except ValueError:
            if "line_error" not in d:
                print(f"{where}: unreadable input line without line_error")
                failures += 1
            continue
        if lines_mode:
            text = text[:-1] if text.endswith("\r") else text
            want_id = n
        elif not isinstance(doc, dict):
            continue
        else:
            want_id = doc.get("id")
            text = doc.get("text")
        if d.get("id") != want_id and "vnlint" in d:
            print(f"{where}: id {d.get('id')!r}, input has {want_id!r}")
            failures += 1
        r = d.get("vnlint")
        if r is None or not isinstance(text, str):
            continue
        if r["chars"] != len(text):
            print(f"{where}: chars {r['chars']}, Python's len() {len(text)}")
            failures += 1
        if r["bad_chars"] > r["chars"]:
            print(f"{where}: bad_chars above chars")
            failures += 1
        for s, e, rule in r.get("spans", []):
            if not 0 <= s <= e <= len(text):
                print(f"{where}: span [{s},{e}] outside the text ({rule})")
                failures += 1
        if "weights:" not in r["version"] and r["chars"]:
            want = round(1 - r["bad_chars"] / r["chars"], 4)
            if abs(r["score"] - want) > 1e-9:
                print(f"{where}: score {r['score']}, expected {want}")
                failures += 1
    sys.exit(1 if failures else 0)


main()

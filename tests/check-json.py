#!/usr/bin/env python3
"""Validate vnlint JSON reports against docs/report.schema.json and check
what the schema cannot: diagnostics sorted by position, summary counts equal
to the diagnostics, and "text" equal to the file's bytes at the span.

Usage: tests/check-json.py SCHEMA REPORT.json [FILE-ROOT]"""
import json
import os
import sys

import jsonschema


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    root = sys.argv[3] if len(sys.argv) > 3 else "."
    failures = 0
    for path in sys.argv[2:3]:
        rep = json.load(open(path, encoding="utf-8"))
        jsonschema.validate(rep, schema)
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in rep["files"]:
            pos = [(d["byte_offset"], d["byte_length"]) for d in f["diagnostics"]]
            if pos != sorted(pos):
                print(f"{path}: {f['path']}: diagnostics not sorted")
                failures += 1
            src = None
            fp = os.path.join(root, f["path"])
            if os.path.isfile(fp):
                src = open(fp, "rb").read()
            for d in f["diagnostics"]:
                counts[d["severity"]] += 1
                if d["end_line"] < d["line"] or (
                        d["end_line"] == d["line"] and d["end_column"] < d["column"]):
                    print(f"{path}: end before start: {d}")
                    failures += 1
                if src is not None:
                    span = src[d["byte_offset"]:d["byte_offset"] + d["byte_length"]]
                    if span.decode("utf-8", "replace") != d["text"]:
                        print(f"{path}: text {d['text']!r} != file bytes {span!r}")
                        failures += 1
        s = rep["summary"]
        if (s["errors"], s["warnings"], s["infos"]) != (
                counts["error"], counts["warning"], counts["info"]):
            print(f"{path}: summary {s} does not match diagnostics {counts}")
            failures += 1
        if s["files"] != len(rep["files"]):
            print(f"{path}: summary files {s['files']} != {len(rep['files'])}")
            failures += 1
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

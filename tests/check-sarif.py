#!/usr/bin/env python3
"""Validate a vnlint SARIF log against the official SARIF 2.1.0 schema and
check what the schema cannot: every region (lines, code-point columns) names
the same bytes as its byteOffset/byteLength in the file, ruleIndex points to
the rule with that ruleId (and not a disabled one), artifact URIs decode
back to files that exist, fixes replace exactly the result's region, and
results are in file order.

Usage: tests/check-sarif.py LOG.sarif [FILE-ROOT]

FILE-ROOT (default .) is what relative artifact URIs are resolved against.
The schema is ../shared/schemas/sarif-2.1.0.json beside the repository: a
reference file kept outside it, never copied in."""
import base64
import json
import os
import re
import sys
import urllib.parse

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "schemas",
                                       "sarif-2.1.0.json"))
BOM = b"\xef\xbb\xbf"
REGION_KEYS = ("startLine", "startColumn", "endLine", "endColumn",
               "byteOffset", "byteLength")

# RFC 3986: only these characters, and '%' only in a valid escape.
URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def is_uri_reference(s):
    if not isinstance(s, str):
        return True  # not a string: the "type" keyword reports it
    if not URI_CHARS.match(s):
        return False
    # A relative reference may not have ':' in its first segment: it
    # would read as a scheme.
    first = re.split(r"[/?#]", s, maxsplit=1)[0]
    return ":" not in first or bool(SCHEME.match(s))


def is_uri(s):
    return not isinstance(s, str) or (is_uri_reference(s) and bool(SCHEME.match(s)))


def format_checker():
    # python3-jsonschema checks "uri" only with optional modules that Debian
    # does not pull in; these two are what the SARIF schema needs.
    fc = jsonschema.FormatChecker()
    fc.checks("uri")(is_uri)
    fc.checks("uri-reference")(is_uri_reference)
    return fc


def count_chars(b):
    """Code points in b as vnlint counts them: a valid UTF-8 sequence is one,
    so is each byte that is not part of one."""
    n = i = 0
    while i < len(b):
        c = b[i]
        k = (1 if c < 0x80 else 2 if 0xC2 <= c <= 0xDF else
             3 if 0xE0 <= c <= 0xEF else 4 if 0xF0 <= c <= 0xF4 else 0)
        try:
            b[i:i + k].decode("utf-8", "strict")
            ok = k > 0 and i + k <= len(b)
        except UnicodeDecodeError:
            ok = False
        i += k if ok else 1
        n += 1
    return n


def position(data, off):
    """(line, column) of byte off: lines end at LF (so the CR of a CRLF is
    the last character of its line), a leading BOM is not a column."""
    line = 1 + data.count(b"\n", 0, off)
    start = data.rfind(b"\n", 0, off) + 1
    seg = data[start:off]
    if start == 0 and seg.startswith(BOM):
        seg = seg[len(BOM):]
    return line, 1 + count_chars(seg)


def artifact_path(uri, root):
    """The file a URI names, or None for standard input."""
    if uri.startswith("file://"):
        path = urllib.parse.unquote_to_bytes(uri[len("file://"):])
        if not path.startswith(b"/"):
            raise ValueError(f"file URI with a host: {uri}")
        return os.fsdecode(path)
    if SCHEME.match(uri):
        raise ValueError(f"unexpected URI scheme: {uri}")
    path = os.fsdecode(urllib.parse.unquote_to_bytes(uri))
    return None if path == "<stdin>" else os.path.join(root, path)


class Checker:
    def __init__(self, name, root):
        self.name, self.root, self.failures = name, root, 0
        self.files = {}

    def fail(self, what):
        print(f"{self.name}: {what}")
        self.failures += 1

    def file_bytes(self, uri):
        if uri not in self.files:
            try:
                path = artifact_path(uri, self.root)
            except ValueError as e:
                self.fail(str(e))
                path = None
            data = None
            if path is not None:
                if not os.path.exists(path):
                    self.fail(f"{uri}: decodes to {path!r}, which does not exist")
                elif os.path.isfile(path):  # not /dev/stdin and the like
                    with open(path, "rb") as f:
                        data = f.read()
            self.files[uri] = data
        return self.files[uri]

    def region(self, where, reg, data):
        if any(k not in reg for k in REGION_KEYS):
            self.fail(f"{where}: region lacks some of {REGION_KEYS}: {reg}")
            return
        off, n = reg["byteOffset"], reg["byteLength"]
        if data is None:
            return
        if off + n > len(data):
            self.fail(f"{where}: bytes {off}+{n} past the end ({len(data)})")
            return
        got = position(data, off) + position(data, off + n)
        want = tuple(reg[k] for k in REGION_KEYS[:4])
        if got != want:
            self.fail(f"{where}: bytes {off}+{n} ({data[off:off + n]!r}) are "
                      f"line:col {got[0]}:{got[1]}-{got[2]}:{got[3]}, region says "
                      f"{want[0]}:{want[1]}-{want[2]}:{want[3]}")

    def result(self, k, res, rules):
        where = f"result {k} ({res.get('ruleId')})"
        idx = res.get("ruleIndex")
        if idx is None:
            self.fail(f"{where}: no ruleIndex")
        elif not 0 <= idx < len(rules) or rules[idx]["id"] != res["ruleId"]:
            self.fail(f"{where}: ruleIndex {idx} is rule "
                      f"{rules[idx]['id'] if 0 <= idx < len(rules) else 'none'}")
        elif not rules[idx].get("defaultConfiguration", {}).get("enabled", True):
            self.fail(f"{where}: a result of a rule marked disabled")
        locs = res.get("locations", [])
        if len(locs) != 1:
            self.fail(f"{where}: {len(locs)} locations, expected 1")
            return None
        phys = locs[0]["physicalLocation"]
        uri = phys["artifactLocation"]["uri"]
        reg = phys["region"]
        data = self.file_bytes(uri)
        self.region(f"{where} at {uri}", reg, data)
        for j, fix in enumerate(res.get("fixes", [])):
            fw = f"{where} fix {j}"
            changes = fix["artifactChanges"]
            if len(changes) != 1 or changes[0]["artifactLocation"].get("uri") != uri:
                self.fail(f"{fw}: must change exactly the result's file {uri}")
                continue
            reps = changes[0]["replacements"]
            if len(reps) != 1 or reps[0]["deletedRegion"] != reg:
                self.fail(f"{fw}: deletedRegion differs from the result's region")
                continue
            ins = reps[0].get("insertedContent", {})
            text = ins.get("text")
            if text is None or base64.b64decode(ins.get("binary", "")) != text.encode():
                self.fail(f"{fw}: insertedContent binary is not the UTF-8 of text")
        return uri, reg.get("byteOffset", 0), reg.get("byteLength", 0)

    def log(self, log):
        if log.get("$schema") != "https://json.schemastore.org/sarif-2.1.0.json":
            self.fail(f"$schema is {log.get('$schema')!r}")
        if len(log["runs"]) != 1:
            self.fail(f"{len(log['runs'])} runs, expected 1")
            return
        run = log["runs"][0]
        if run.get("columnKind") != "unicodeCodePoints":
            self.fail(f"columnKind is {run.get('columnKind')!r}")
        rules = run["tool"]["driver"].get("rules", [])
        ids = [r["id"] for r in rules]
        if len(set(ids)) != len(ids):
            self.fail("rule ids are not unique")
        seen = {}  # uri -> (offset, length) of its last result
        last_uri = None
        for k, res in enumerate(run.get("results", [])):
            key = self.result(k, res, rules)
            if key is None:
                continue
            uri, pos = key[0], key[1:]
            if uri != last_uri and uri in seen:
                self.fail(f"result {k}: results of {uri} are not together")
            if uri in seen and pos < seen[uri]:
                self.fail(f"result {k}: results of {uri} not sorted by position")
            seen[uri], last_uri = pos, uri
        invs = run.get("invocations", [])
        if len(invs) != 1:
            self.fail(f"{len(invs)} invocations, expected 1")


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    if not os.path.isfile(SCHEMA):
        sys.exit(f"check-sarif.py: the SARIF 2.1.0 schema is missing: {SCHEMA}\n"
                 "  It is the official OASIS schema (oasis-tcs/sarif-spec, "
                 "sarif-2.1/schema/sarif-schema-2.1.0.json), kept outside the\n"
                 "  repository in ../shared/schemas/; CI provides it.")
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    try:
        with open(sys.argv[1], encoding="utf-8") as f:
            log = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"{sys.argv[1]}: not a JSON document: {e}")
    c = Checker(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ".")
    v = jsonschema.Draft4Validator(schema, format_checker=format_checker())
    errors = sorted(v.iter_errors(log), key=lambda e: [str(p) for p in e.absolute_path])
    for e in errors[:10]:
        c.fail(f"schema: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
    if not errors:
        c.log(log)
    sys.exit(1 if c.failures else 0)


if __name__ == "__main__":
    main()

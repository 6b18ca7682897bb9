#!/usr/bin/env python3
"""Measure vnlint's false-alarm rate on the clean corpus.

    scripts/false-alarms.py [--vnlint build/vnlint] [--corpus build/corpus]
                            [--show N] [--rule RULE] [--batch 200]

The corpus (scripts/extract-corpus.sh) is published, proofread Vietnamese, so
every error or warning vnlint reports on it is counted as a false alarm (a few
will be real mistakes in the packages; --show lets you look).  Infos are
counted separately and are not alarms.

Runs `vnlint --format json --fail-on error PATH...` on all .txt files of the
corpus, 200 paths per call (exit status 1 just means "found errors"), and
prints: words (whitespace-separated tokens with at least one letter), errors
and warnings per 1,000 words overall, per source and per rule, and with
--show N up to N examples per rule:

    path:line:col: rule: «span»  …40 chars before«span»40 chars after…

Exit status 0, or 2 if vnlint is missing, crashes or prints invalid JSON.
"""
import argparse
import json
import os
import subprocess
import sys

from vncorpus import corpus_files, count_words

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ALARM = ("error", "warning")
CONTEXT = 40


def run_vnlint(vnlint, paths):
    cmd = [vnlint, "--format", "json", "--fail-on", "error"] + paths
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        sys.exit("false-alarms: cannot run %s: %s" % (vnlint, e))
    if r.returncode not in (0, 1):
        sys.stderr.write(r.stderr.decode("utf-8", "replace"))
        print("false-alarms: %s exited with status %d on a batch starting at %s"
              % (vnlint, r.returncode, paths[0]), file=sys.stderr)
        sys.exit(2)
    try:
        return json.loads(r.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        sys.stderr.write(r.stderr.decode("utf-8", "replace"))
        print("false-alarms: invalid JSON from %s: %s" % (vnlint, e), file=sys.stderr)
        sys.exit(2)


def span_and_context(diag, lines, data):
    """Return (span, left, right) using the file's own line for context."""
    line_no = diag.get("line") or 0
    col = diag.get("column") or 0
    text = diag.get("text")
    if 1 <= line_no <= len(lines) and col >= 1:
        line = lines[line_no - 1]
        start = min(col - 1, len(line))
        if diag.get("end_line", line_no) == line_no and diag.get("end_column"):
            end = min(max(diag["end_column"] - 1, start), len(line))
        elif text is not None and "\n" not in text:
            end = min(start + len(text), len(line))
        else:
            end = len(line)
        span = line[start:end]
        if text is None:
            text = span
        return text, line[max(0, start - CONTEXT):start], line[end:end + CONTEXT]
    if text is None and diag.get("byte_offset") is not None:
        b, n = diag["byte_offset"], diag.get("byte_length", 0)
        text = data[b:b + n].decode("utf-8", "replace")
    return text or "", "", ""


def pick(items, n):
    """Up to n items spread evenly over the (sorted) list: deterministic."""
    if n <= 0 or not items:
        return []
    if len(items) <= n:
        return items
    return [items[i * len(items) // n] for i in range(n)]


def per1000(n, words):
    return 1000.0 * n / words if words else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--vnlint", default=os.path.join(REPO, "build", "vnlint"))
    ap.add_argument("--corpus", default=os.path.join(REPO, "build", "corpus"))
    ap.add_argument("--show", type=int, default=0, metavar="N",
                    help="print up to N examples per rule")
    ap.add_argument("--rule", help="only report (and show) this rule")
    ap.add_argument("--batch", type=int, default=200, help="paths per vnlint call")
    args = ap.parse_args()

    if not os.path.isfile(args.vnlint) or not os.access(args.vnlint, os.X_OK):
        sys.exit("false-alarms: %s not found or not executable (build it first)" % args.vnlint)
    files = corpus_files(args.corpus)
    if not files:
        sys.exit("false-alarms: no .txt files under %s (run scripts/extract-corpus.sh)" % args.corpus)

    words = {}
    for f in files:
        with open(f, "rb") as fh:
            words[f] = count_words(fh.read().decode("utf-8", "replace"))
    total_words = sum(words.values())

    def source_of(path):
        rel = os.path.relpath(path, args.corpus)
        return rel.split(os.sep)[0] if os.sep in rel else "."

    by_norm = {os.path.normpath(os.path.abspath(f)): f for f in files}
    diags = []  # (path, diag)
    for i in range(0, len(files), args.batch):
        batch = files[i:i + args.batch]
        doc = run_vnlint(args.vnlint, batch)
        for fe in doc.get("files", []):
            p = fe.get("path", "")
            path = by_norm.get(os.path.normpath(os.path.abspath(p)), p)
            for d in fe.get("diagnostics", []) or []:
                diags.append((path, d))

    sev_total = {"error": 0, "warning": 0, "info": 0}
    rules = {}      # rule -> {"error": n, "warning": n, "info": n}
    sources = {}    # source -> [words, alarms]
    for f in files:
        sources.setdefault(source_of(f), [0, 0])[0] += words[f]
    for path, d in diags:
        sev = d.get("severity", "warning")
        sev_total[sev] = sev_total.get(sev, 0) + 1
        r = rules.setdefault(d.get("rule", "?"), {})
        r[sev] = r.get(sev, 0) + 1
        if sev in ALARM:
            sources.setdefault(source_of(path), [0, 0])[1] += 1

    alarms = sev_total["error"] + sev_total["warning"]
    print("vnlint false alarms on %s" % args.corpus)
    print("%-24s %10d" % ("files", len(files)))
    print("%-24s %10d" % ("words", total_words))
    print("%-24s %10d %9.3f /1000 words" % ("errors", sev_total["error"], per1000(sev_total["error"], total_words)))
    print("%-24s %10d %9.3f /1000 words" % ("warnings", sev_total["warning"], per1000(sev_total["warning"], total_words)))
    print("%-24s %10d %9.3f /1000 words" % ("alarms (errors+warnings)", alarms, per1000(alarms, total_words)))
    print("%-24s %10d %9.3f /1000 words (not alarms)" % ("infos", sev_total["info"], per1000(sev_total["info"], total_words)))

    print()
    print("%-28s %10s %10s %9s" % ("source", "words", "alarms", "per-1000"))
    for s in sorted(sources):
        w, a = sources[s]
        print("%-28s %10d %10d %9.3f" % (s, w, a, per1000(a, w)))

    def alarm_count(r):
        return sum(n for s, n in rules[r].items() if s in ALARM)

    shown = sorted(rules, key=lambda r: (-alarm_count(r), -rules[r].get("info", 0), r))
    if args.rule:
        shown = [r for r in shown if r == args.rule]
        if not shown:
            print("\nrule %s: no diagnostics" % args.rule)
    if shown:
        rw = max([32] + [len(r) for r in shown])
        print()
        print("%-*s %-8s %8s %9s %8s" % (rw, "rule", "severity", "count", "per-1000", "infos"))
        for r in shown:
            sevs = [s for s in ("error", "warning") if rules[r].get(s)]
            sev = "/".join(sevs) if sevs else "info"
            a = alarm_count(r)
            print("%-*s %-8s %8d %9.3f %8d" % (rw, r, sev, a, per1000(a, total_words), rules[r].get("info", 0)))

    if args.show > 0:
        cache = {}
        for r in shown:
            items = sorted(((p, d) for p, d in diags if d.get("rule", "?") == r),
                           key=lambda x: (x[0], x[1].get("line", 0), x[1].get("column", 0)))
            alarms_only = [x for x in items if x[1].get("severity") in ALARM]
            items = alarms_only or items
            print()
            print("== %s (%d shown of %d)" % (r, min(args.show, len(items)), len(items)))
            for p, d in pick(items, args.show):
                if p not in cache:
                    try:
                        with open(p, "rb") as fh:
                            data = fh.read()
                    except OSError:
                        data = b""
                    cache[p] = (data.decode("utf-8", "replace").split("\n"), data)
                lines, data = cache[p]
                span, left, right = span_and_context(d, lines, data)
                span = span.replace("\r", "\\r").replace("\n", "\\n")
                rel = os.path.relpath(p, args.corpus)
                print("%s:%s:%s: %s: «%s»  …%s«%s»%s…" % (
                    rel, d.get("line", "?"), d.get("column", "?"), r, span, left, span, right))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A small LSP client that talks to `vnlint --lsp` through pipes and checks
whole conversations: positions in UTF-16 and UTF-8, CRLF, invalid UTF-8,
code actions, document life cycle, errors and exit statuses.

Usage: client.py VNLINT   (prints "lsp: N passed, M failed"; exit 1 on failure)
"""
import json
import os
import random
import select
import statistics
import subprocess
import sys
import time

VNLINT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "build/vnlint"
# Generous: the sanitizer build is several times slower.
TIMEOUT = float(os.environ.get("LSP_TIMEOUT", "60"))
URI = "file:///tmp/vnlint-lsp-test/a.txt"

passed = 0
failed = 0
SERVERS = []  # killed after each test, so a failed test leaves none behind


class Fail(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Fail(what)


def eq(got, want, what):
    if got != want:
        raise Fail("%s: got %r, want %r" % (what, got, want))


class Server:
    """One `vnlint --lsp` process and its framed JSON-RPC stream."""

    def __init__(self):
        SERVERS.append(self)
        self.p = subprocess.Popen([VNLINT, "--lsp"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE)
        self.buf = b""
        self.next_id = 0

    def send_raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, obj, raw_utf8=False):
        # ensure_ascii=False + surrogateescape lets a test put raw invalid
        # bytes inside a JSON string, as a sloppy client could.
        body = json.dumps(obj, ensure_ascii=not raw_utf8).encode(
            "utf-8", "surrogateescape")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params=None, raw_utf8=False):
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg, raw_utf8)
        return self.next_id

    def notify(self, method, params, raw_utf8=False):
        self.send({"jsonrpc": "2.0", "method": method, "params": params},
                  raw_utf8)

    def _fill(self, deadline):
        fd = self.p.stdout.fileno()
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise Fail("no answer within %.0f s" % TIMEOUT)
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            raise Fail("server closed its output")
        self.buf += chunk

    def recv(self):
        deadline = time.monotonic() + TIMEOUT
        while b"\r\n\r\n" not in self.buf:
            self._fill(deadline)
        head, rest = self.buf.split(b"\r\n\r\n", 1)
        length = None
        for line in head.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        check(length is not None, "no Content-Length in %r" % head)
        self.buf = rest
        while len(self.buf) < length:
            self._fill(deadline)
        body, self.buf = self.buf[:length], self.buf[length:]
        return json.loads(body.decode("utf-8"))

    def response(self, rid):
        """The response to request rid; notifications before it are kept."""
        self.pending = getattr(self, "pending", [])
        while True:
            m = self.recv()
            if "method" not in m:
                eq(m.get("id"), rid, "response id")
                return m
            self.pending.append(m)

    def call(self, method, params=None):
        m = self.response(self.request(method, params))
        check("error" not in m, "%s failed: %r" % (method, m.get("error")))
        return m.get("result")

    def diagnostics(self, uri=URI):
        """The next publishDiagnostics for uri."""
        self.pending = getattr(self, "pending", [])
        while True:
            if self.pending:
                m = self.pending.pop(0)
            else:
                m = self.recv()
            if m.get("method") == "textDocument/publishDiagnostics" and \
                    m["params"]["uri"] == uri:
                return m["params"]

    def initialize(self, encodings=None):
        caps = {"textDocument": {"publishDiagnostics": {}}}
        if encodings is not None:
            caps["general"] = {"positionEncodings": encodings}
        r = self.call("initialize", {"processId": None, "rootUri": None,
                                     "capabilities": caps})
        self.notify("initialized", {})
        return r

    def open(self, text, uri=URI, version=1, lang="plaintext", raw_utf8=False):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": lang, "version": version,
            "text": text}}, raw_utf8)
        return self.diagnostics(uri)

    def change(self, text, version, uri=URI):
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": text}]})
        return self.diagnostics(uri)

    def finish(self):
        """Close stdin and wait: the exit status."""
        try:
            self.p.stdin.close()
        except BrokenPipeError:
            pass
        try:
            rc = self.p.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
            raise Fail("server did not exit")
        self.stderr = self.p.stderr.read().decode("utf-8", "replace")
        self.p.stdout.close()
        self.p.stderr.close()
        # A sanitizer report fails the test whatever the status.
        check("Sanitizer" not in self.stderr and "runtime error" not in
              self.stderr, "sanitizer: " + self.stderr)
        return rc

    def shutdown_exit(self):
        eq(self.call("shutdown"), None, "shutdown result")
        self.notify("exit", None)
        eq(self.finish(), 0, "exit status after shutdown+exit")


# ------------------------------------------------------------- positions
# Expected positions are computed here independently of the server: Python
# strings are code points, so UTF-16 units and UTF-8 bytes are measured by
# encoding the prefix of the line.

def units(prefix, enc):
    if enc == "utf-16":
        return len(prefix.encode("utf-16-le", "surrogatepass")) // 2
    return len(prefix.encode("utf-8", "surrogateescape"))


def span(text, needle, enc, nth=0):
    """LSP range of the nth occurrence of needle in text (lines split at
    \\r\\n, \\n and \\r)."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)

    def pos(i):
        before = text[:i]
        line = 0
        start = 0
        j = 0
        while j < len(before):
            if before[j] == "\n" or (before[j] == "\r" and text[j + 1:j + 2] != "\n"):
                line += 1
                start = j + 1
            j += 1
        return {"line": line, "character": units(text[start:i], enc)}
    return {"start": pos(at), "end": pos(at + len(needle))}


def find(diags, code, rng=None):
    hits = [d for d in diags if d["code"] == code and (rng is None or d["range"] == rng)]
    check(hits, "no %s at %s in %s" % (code, rng, json.dumps(diags, ensure_ascii=False)))
    return hits[0]


def apply_edit(text, rng, new, enc):
    """Apply one TextEdit the way a client does, to check ranges end to end."""
    lines = text.split("\n")

    def index(p):
        off = sum(len(line) + 1 for line in lines[:p["line"]])
        line = lines[p["line"]]
        n = 0
        for k, ch in enumerate(line):
            if n >= p["character"]:
                return off + k
            n += units(ch, enc)
        return off + len(line)
    return text[:index(rng["start"])] + new + text[index(rng["end"]):]


VI = "Tôi né tránh tránh, trách nhiệm hòan thành.\nBy so sánh với năm ngoái.\n"

# ------------------------------------------------------------------ tests


def t_initialize_utf16():
    s = Server()
    r = s.initialize()
    c = r["capabilities"]
    eq(c["positionEncoding"], "utf-16", "default encoding")
    eq(c["textDocumentSync"], {"openClose": True, "change": 1,
                               "save": {"includeText": False}}, "sync")
    eq(c["codeActionProvider"], {"codeActionKinds": ["quickfix"]}, "code actions")
    version = subprocess.run([VNLINT, "--version"], capture_output=True,
                             text=True).stdout.split()[-1]
    eq(r["serverInfo"], {"name": "vnlint", "version": version}, "serverInfo")
    s.shutdown_exit()


def t_initialize_utf8():
    s = Server()
    eq(s.initialize(["utf-16", "utf-8"])["capabilities"]["positionEncoding"],
       "utf-8", "utf-8 offered")
    s.shutdown_exit()
    s = Server()
    eq(s.initialize(["utf-32", "utf-16"])["capabilities"]["positionEncoding"],
       "utf-16", "utf-8 not offered")
    s.shutdown_exit()


def vietnamese(enc):
    s = Server()
    s.initialize(["utf-8"] if enc == "utf-8" else None)
    p = s.open(VI, version=7)
    eq(p["version"], 7, "version")
    d = p["diagnostics"]
    eq(len(d), 3, "number of diagnostics")
    dup = find(d, "repetition/duplicate-syllable", span(VI, "tránh tránh", enc))
    eq(dup["severity"], 1, "error severity")
    eq(dup["source"], "vnlint", "source")
    eq(dup["data"]["suggestions"], ["tránh"], "suggestions")
    check("tránh" in dup["message"], "message")
    sp = find(d, "spelling/invalid-syllable", span(VI, "hòan", enc))
    eq(sp["data"]["suggestions"][0], "hoàn", "first suggestion")
    by = find(d, "mt/stray-english", span(VI, "By", enc))
    eq(by["severity"], 2, "warning severity")
    # Sorted as the library sorts them: by position.
    eq([x["code"] for x in d], ["repetition/duplicate-syllable",
                                "spelling/invalid-syllable", "mt/stray-english"],
       "order")
    s.shutdown_exit()


def t_vietnamese_utf16():
    vietnamese("utf-16")


def t_vietnamese_utf8():
    vietnamese("utf-8")


EMOJI = "Vui 😀😀 quá, hòan thành 😀 rồi.\n😀 Ông ấy By the way nói.\n"


def emoji(enc):
    s = Server()
    s.initialize(["utf-8"] if enc == "utf-8" else None)
    d = s.open(EMOJI)["diagnostics"]
    r = span(EMOJI, "hòan", enc)
    # "Vui " + two emoji (2 UTF-16 units, 4 UTF-8 bytes each) + " quá, "
    # (6 units, 7 bytes).
    eq(r["start"]["character"], 14 if enc == "utf-16" else 19, "emoji offset")
    find(d, "spelling/invalid-syllable", r)
    s.shutdown_exit()


def t_emoji_utf16():
    emoji("utf-16")


def t_emoji_utf8():
    emoji("utf-8")


def t_crlf():
    text = "Dòng một né tránh tránh.\r\nhòan\r\nBy so sánh với năm ngoái.\r\n"
    s = Server()
    s.initialize()
    d = s.open(text)["diagnostics"]
    find(d, "repetition/duplicate-syllable",
         {"start": {"line": 0, "character": 12}, "end": {"line": 0, "character": 23}})
    # At the end of its line: the CR is not a character of the line.
    find(d, "spelling/invalid-syllable",
         {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 4}})
    find(d, "mt/stray-english", span(text, "By", "utf-16"))
    # A lone CR ends a line for LSP too.
    d = s.change("abc\rhòan thành\n", 2)["diagnostics"]
    find(d, "spelling/invalid-syllable",
         {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 4}})
    s.shutdown_exit()


def t_invalid_utf8():
    # A raw 0xFF byte inside the JSON string (surrogateescape), then a
    # misspelling after it on the same line: one unit per invalid byte.
    text = "abc\udcff\udcfe hòan thành\n"
    for enc in ("utf-16", "utf-8"):
        s = Server()
        s.initialize(["utf-8"] if enc == "utf-8" else None)
        d = s.open(text, raw_utf8=True)["diagnostics"]
        inv = [x for x in d if x["code"] == "encoding/invalid-utf8"]
        check(inv, "invalid UTF-8 reported")
        eq(inv[0]["range"]["start"], {"line": 0, "character": 3}, "invalid byte")
        find(d, "spelling/invalid-syllable",
             {"start": {"line": 0, "character": 6}, "end": {"line": 0, "character": 10 if enc == "utf-16" else 11}})
        s.shutdown_exit()


def t_change_updates():
    s = Server()
    s.initialize()
    eq(len(s.open(VI)["diagnostics"]), 3, "before")
    fixed = VI.replace("hòan", "hoàn")
    p = s.change(fixed, 2)
    eq(p["version"], 2, "version after change")
    eq(sorted(x["code"] for x in p["diagnostics"]),
       ["mt/stray-english", "repetition/duplicate-syllable"], "after fix")
    # Several changes in one notification: the last one is the text.
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": URI, "version": 3},
        "contentChanges": [{"text": VI}, {"text": "Sạch sẽ.\n"}]})
    p = s.diagnostics()
    eq((p["version"], p["diagnostics"]), (3, []), "last change wins")
    s.notify("textDocument/didSave", {"textDocument": {"uri": URI}})
    p = s.diagnostics()
    eq((p["version"], p["diagnostics"]), (3, []), "save re-publishes")
    s.shutdown_exit()


def code_action(s, diag, uri=URI):
    return s.call("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diag["range"],
        "context": {"diagnostics": [diag]}})


def t_code_action():
    for enc in ("utf-16", "utf-8"):
        s = Server()
        s.initialize(["utf-8"] if enc == "utf-8" else None)
        d = s.open(EMOJI)["diagnostics"]
        sp = find(d, "spelling/invalid-syllable")
        acts = code_action(s, sp)
        eq([a["title"] for a in acts],
           ["Replace with “hoàn”", "Replace with “hoan”", "Replace with “hoãn”"],
           "titles")
        a = acts[0]
        eq(a["kind"], "quickfix", "kind")
        eq(a["diagnostics"], [sp], "diagnostics of the action")
        eq(a.get("isPreferred"), True, "first is preferred")
        edits = a["edit"]["changes"][URI]
        eq(edits, [{"range": sp["range"], "newText": "hoàn"}], "edit")
        eq(apply_edit(EMOJI, edits[0]["range"], "hoàn", enc),
           EMOJI.replace("hòan", "hoàn"), "edit applied")
        # Neovim 0.7 sends byte columns back whatever the encoding: still
        # matched, and the edit carries the range in the negotiated units.
        nv = dict(sp, range=span(EMOJI, "hòan", "utf-8"))
        acts = code_action(s, nv)
        eq(len(acts), 3, "byte-column diagnostic matched")
        eq(acts[0]["edit"]["changes"][URI][0]["range"], sp["range"],
           "edit range in the negotiated encoding")
        # A diagnostic the server did not publish (stale range) gets none.
        stale = json.loads(json.dumps(sp))
        stale["range"]["start"]["character"] += 1
        eq(code_action(s, stale), [], "stale diagnostic")
        s.shutdown_exit()
    s = Server()
    s.initialize()
    d = s.open(VI)["diagnostics"]
    dup = find(d, "repetition/duplicate-syllable")
    acts = code_action(s, dup)
    eq(len(acts), 1, "one fix")
    e = acts[0]["edit"]["changes"][URI][0]
    eq(e["newText"], "tránh", "newText")
    eq(apply_edit(VI, e["range"], e["newText"], "utf-16"),
       VI.replace("tránh tránh", "tránh"), "duplicate removed")
    # No suggestion: no action.
    eq(code_action(s, find(d, "mt/stray-english")), [], "no suggestion")
    s.shutdown_exit()


def t_close_clears():
    s = Server()
    s.initialize()
    d = s.open(VI)["diagnostics"]
    s.notify("textDocument/didClose", {"textDocument": {"uri": URI}})
    p = s.diagnostics()
    eq(p["diagnostics"], [], "cleared")
    eq(code_action(s, d[0]), [], "closed document has no actions")
    # Changes to a closed document are ignored: the next message is the
    # shutdown response.
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": URI, "version": 9},
        "contentChanges": [{"text": VI}]})
    s.shutdown_exit()


def t_two_documents():
    s = Server()
    s.initialize()
    u2 = "file:///tmp/vnlint-lsp-test/b.txt"
    s.open(VI)
    eq(s.open("Sạch.\n", uri=u2)["diagnostics"], [], "second document")
    eq(len(s.change(VI + "hòan\n", 2)["diagnostics"]), 4, "first document")
    s.notify("textDocument/didClose", {"textDocument": {"uri": u2}})
    eq(s.diagnostics(u2)["diagnostics"], [], "second closed")
    s.shutdown_exit()


def t_markdown():
    text = "# Tiêu đề\n\nXin chào `hòan` và hòan.\n\n```\nhòan\n```\n"
    s = Server()
    s.initialize()
    d = s.open(text, uri="untitled:Untitled-1", lang="markdown")["diagnostics"]
    eq([x["range"] for x in d], [span(text, "hòan", "utf-16", 1)],
       "code is not prose")
    s.shutdown_exit()


def t_shutdown_exit():
    s = Server()
    s.initialize()
    s.shutdown_exit()


def t_exit_without_shutdown():
    s = Server()
    s.initialize()
    s.notify("exit", None)
    eq(s.finish(), 1, "exit status")
    s = Server()  # before initialize, too
    s.notify("exit", None)
    eq(s.finish(), 1, "exit status before initialize")


def t_errors():
    s = Server()
    # Before initialize: requests refused, notifications dropped.
    m = s.response(s.request("textDocument/codeAction", {}))
    eq(m["error"]["code"], -32002, "not initialized")
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": URI, "languageId": "plaintext", "version": 1, "text": VI}})
    s.initialize()
    # Garbage: parse error with id null, and the server goes on.
    for junk in (b"{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\"", b"\xff\xfe",
                 b"", b"{} trailing"):
        s.send_raw(b"Content-Length: %d\r\n\r\n" % len(junk) + junk)
        m = s.recv()
        eq((m["id"], m["error"]["code"]), (None, -32700), "parse error %r" % junk)
    for bad in ([], 42, {"jsonrpc": "2.0", "id": {"x": 1}, "method": "shutdown"}):
        s.send(bad)
        m = s.recv()
        eq((m["id"], m["error"]["code"]), (None, -32600), "invalid request %r" % bad)
    m = s.response(s.request("workspace/symbol", {"query": ""}))
    eq(m["error"]["code"], -32601, "unknown request")
    m = s.response(s.request("initialize", {"capabilities": {}}))
    eq(m["error"]["code"], -32600, "second initialize")
    # Unknown notifications get no answer: the next message answers the
    # next request. A string id is echoed as a string.
    s.notify("$/cancelRequest", {"id": 1})
    s.notify("workspace/didChangeConfiguration", {"settings": {}})
    s.send({"jsonrpc": "2.0", "id": "abc", "method": "shutdown"})
    m = s.recv()
    eq((m["id"], m["result"]), ("abc", None), "string id")
    m = s.response(s.request("textDocument/codeAction", {}))
    eq(m["error"]["code"], -32600, "request after shutdown")
    s.notify("exit", None)
    eq(s.finish(), 0, "exit status")


def broken(data, what):
    s = Server()
    try:
        s.send_raw(data)
    except BrokenPipeError:
        pass  # it may give up before reading all of it: that is the point
    eq(s.finish(), 2, what)


def t_broken_streams():
    init = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                       "params": {"capabilities": {}}}).encode()
    broken(b"", "end of input without exit")
    broken(b"Content-Length: %d\r\n\r\n" % len(init) + init, "end after initialize")
    broken(b"Content-Length: 100\r\n\r\n{}", "truncated body")
    broken(b"Content-Type: x\r\n\r\n{}", "no Content-Length")
    broken(b"Content-Length: 12x\r\n\r\n{}", "bad Content-Length")
    broken(b"garbage without colon\r\n\r\n", "not a header")
    broken(b"X-" + b"a" * 100000 + b": 1\r\n\r\n", "header line too long")
    broken(b"Content-Length: 99999999999999999999999999\r\n\r\n", "huge length")
    # 64 MiB + 1: refused from the header, without reading the body.
    broken(b"Content-Length: %d\r\n\r\n" % ((64 << 20) + 1), "length over the limit")


def t_latency_100k():
    """Re-lint of a ~100 KB document on each didChange: time from sending
    the change to receiving its publishDiagnostics."""
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "..", "examples", "bao-cao-kinh-te.txt"),
              encoding="utf-8") as f:
        para = f.read()
    text = (para + "\n") * (100000 // len(para.encode()) + 1)
    s = Server()
    s.initialize()
    start = time.monotonic()
    n0 = len(s.open(text)["diagnostics"])
    first = time.monotonic() - start
    check(n0 > 100, "findings in the big document")
    times = []
    for v in range(2, 12):
        # Alternate between fixing and keeping the first error.
        t = text.replace("hòan", "hoàn", 1) if v % 2 else text
        start = time.monotonic()
        p = s.change(t, v)
        times.append(time.monotonic() - start)
        eq(p["version"], v, "version")
        eq(len(p["diagnostics"]), n0 - 1 if v % 2 else n0, "diagnostics count")
    s.shutdown_exit()
    med = statistics.median(times) * 1000
    print("   latency per didChange on %d bytes, %d diagnostics: median %.1f ms, "
          "max %.1f ms (didOpen, cold caches: %.1f ms)"
          % (len(text.encode()), n0, med, max(times) * 1000, first * 1000))
    check(med < float(os.environ.get("LSP_MAX_MS", "5000")), "too slow")


def t_long_line():
    """Many diagnostics on one 100 KB line: positions stay exact."""
    unit = "😀 hòan "
    text = unit * 8000
    for enc in ("utf-16", "utf-8"):
        s = Server()
        s.initialize(["utf-8"] if enc == "utf-8" else None)
        d = s.open(text)["diagnostics"]
        eq(len(d), 8000, "one finding per repeat")
        w = units(unit, enc)
        for i in (0, 1, 4999, 7999):
            eq(d[i]["range"]["start"], {"line": 0, "character": i * w + units("😀 ", enc)},
               "start %d" % i)
        s.shutdown_exit()


def lsp_pos(data, off, enc):
    """LSP position of byte offset off in data (bytes), computed apart from
    the server: lines end at \\n, \\r\\n or \\r; a byte that is not UTF-8
    is one unit."""
    line, start, i = 0, 0, 0
    while i < off:
        if data[i:i + 1] == b"\n" or (data[i:i + 1] == b"\r" and data[i + 1:i + 2] != b"\n"):
            line, start = line + 1, i + 1
        i += 1
    if data[off - 1:off + 1] == b"\r\n" and off > start:
        off -= 1  # inside a CRLF: the end of the line
    prefix = data[start:off].decode("utf-8", "surrogateescape")
    if enc == "utf-8":
        return {"line": line, "character": off - start}
    return {"line": line, "character": sum(2 if ord(c) > 0xFFFF else 1 for c in prefix)}


def t_random_texts():
    """Random mixes of Vietnamese, errors, emoji, line ends and invalid
    bytes: every range equals the one computed from the byte offsets that
    `vnlint --format json` reports for the same bytes."""
    parts = ["Tôi ", "né tránh tránh, ", "hòan ", "By so sánh ", "thành ",
             "😀", "𝔸 ", "\r\n", "\n", "\r", "\udcff", "\udcc3", " ",
             "nghành ", "của của ", "e\u0323\u0302 ", "“vì sao ", "1,322 triệu "]
    rng = random.Random(20240611)
    for enc in ("utf-16", "utf-8"):
        s = Server()
        s.initialize(["utf-8"] if enc == "utf-8" else None)
        for k in range(25):
            text = "".join(rng.choice(parts) for _ in range(rng.randint(1, 40)))
            data = text.encode("utf-8", "surrogateescape")
            cli = subprocess.run([VNLINT, "--format", "json", "-"], input=data,
                                 capture_output=True)
            want = [(d["rule"], {"start": lsp_pos(data, d["byte_offset"], enc),
                                 "end": lsp_pos(data, d["byte_offset"] + d["byte_length"], enc)})
                    for d in json.loads(cli.stdout)["files"][0]["diagnostics"]]
            uri = "file:///tmp/vnlint-lsp-test/r%d.txt" % k
            got = [(d["code"], d["range"]) for d in s.open(text, uri=uri, raw_utf8=True)["diagnostics"]]
            eq(got, want, "%s ranges of %r" % (enc, text))
        s.shutdown_exit()


TESTS = [v for k, v in list(globals().items()) if k.startswith("t_")]


def main():
    global passed, failed
    for t in TESTS:
        name = t.__name__[2:]
        try:
            t()
        except Exception as e:  # a crash of the client is a failure too
            failed += 1
            print("FAIL %s: %s: %s" % (name, type(e).__name__, e))
        else:
            passed += 1
            print("ok   %s" % name)
        for srv in SERVERS:
            if srv.p.poll() is None:
                srv.p.kill()
                srv.p.wait()
        SERVERS.clear()
    print("lsp: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Checks that rust-analyzer sees the user's code inside generators, not the expansion.

1. Writes src/twins.rs from src/gens.rs: the same text on the same lines, with each generator
   turned into a plain function (attribute removed, return type removed, `async` added to
   stream generators) and `yield_!` / `iter!` / `stream!` taken from the trivial stand-ins in
   src/lib.rs. rust-analyzer's answers on the twin are the ground truth.
2. Starts `rust-analyzer` over stdio (LSP), waits until it is quiescent and has expanded the
   generator macros (checked with `rust-analyzer/expandMacro`).
3. Finds every identifier in the twins whose definition is a local of the same function (a
   `let`/pattern/parameter binding or `self`), both the bindings themselves and their uses.
4. Asks `textDocument/definition` and `textDocument/hover` at the same token in gens.rs and
   requires: exactly the twin's definitions (position-shifted), one hover entry, and the same
   type as the twin's hover.

Prints a table and exits 1 on any FAIL, 2 if rust-analyzer cannot be driven at all.
Options: --verbose (log LSP traffic summary to stderr), --timeout SECONDS (default 900),
--only NAME (substring filter on the sample name), --details (hover texts for every row).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time
import queue
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENS = HERE / "src" / "gens.rs"
TWINS = HERE / "src" / "twins.rs"

FLAVOURS = [  # name prefix -> flavour label, longest prefix first
    ("stream_expr_", "stream!"),
    ("iter_expr_", "iter!"),
    ("stream_", "stream"),
    ("boxed_", "boxed"),
    ("flat_", "flat"),
]

KEYWORDS = set(
    """as async await break const continue crate dyn else enum extern false fn for if impl in
    let loop match mod move mut pub ref return static struct super trait true type unsafe use
    where while Self""".split()
)


# --------------------------------------------------------------------------------------------
# The twin


class Edits:
    """Per-line insertions made in the twin, to map twin columns back to gens.rs columns."""

    def __init__(self):
        self.inserts = {}  # line -> list of (twin col, length)

    def insert(self, line, col, length):
        self.inserts.setdefault(line, []).append((col, length))

    def to_gen(self, line, col):
        """gens.rs column of a twin position, or None inside inserted text."""
        shift = 0
        for c, n in self.inserts.get(line, []):
            if col >= c + n:
                shift += n
            elif col >= c:
                return None
        return col - shift

    def to_twin(self, line, col):
        shift = 0
        for c, n in sorted(self.inserts.get(line, [])):
            if col + shift >= c:
                shift += n
        return col + shift


ATTR_RE = re.compile(r"^(\s*)#\[generator(\([^)]*\))?\]\s*$")
SIG_RE = re.compile(r"^(?P<head>.*?\bfn\s+\w+.*\))\s*->\s*impl\s+(?P<ret>.*?)\s*\{\s*$")


def make_twin(text):
    """The twin's text and its Edits. Raises ValueError on a layout it does not understand."""
    lines = text.split("\n")
    out = []
    edits = Edits()
    pending_attr = None
    for i, line in enumerate(lines):
        if line.startswith("use gen_core::"):
            out.append("use crate::plain::*;")
            continue
        m = ATTR_RE.match(line)
        if m:
            pending_attr = i
            out.append("")
            continue
        if pending_attr is not None:
            if line.strip().startswith("///") or line.strip().startswith("#["):
                out.append(line)
                continue
            s = SIG_RE.match(line)
            if not s:
                raise ValueError(
                    f"gens.rs:{i + 1}: the line after `#[generator]` must be a one-line "
                    f"signature `fn name(..) -> impl Trait {{`, found: {line.strip()}"
                )
            head = s.group("head")
            if re.search(r"\bStream\s*<", s.group("ret")):
                col = re.search(r"\bfn\s", head).start()
                head = head[:col] + "async " + head[col:]
                edits.insert(i, col, len("async "))
            out.append(head + " {")
            pending_attr = None
            continue
        out.append(line)
    header = "// Written by check.py from gens.rs; do not edit (see README.md).\n"
    # The header replaces gens.rs's first line, which must be a comment, to keep lines aligned.
    if not out[0].startswith("//"):
        raise ValueError("gens.rs must start with a comment line")
    out[0] = header.rstrip("\n")
    return "\n".join(out), edits


# --------------------------------------------------------------------------------------------
# Tokens


def identifier_tokens(text, ranges):
    """(line, col, name) of identifiers and `self` inside the given line ranges."""
    toks = []
    for ln, line in enumerate(text.split("\n")):
        if not any(a <= ln <= b for a, b in ranges):
            continue
        # blank out comments and string literals, keeping columns
        code = re.sub(r'"(?:\\.|[^"\\])*"', lambda m: " " * len(m.group(0)), line)
        cut = code.find("//")
        if cut >= 0:
            code = code[:cut]
        for m in re.finditer(r"(?<![\w'])[A-Za-z_][A-Za-z0-9_]*", code):
            name = m.group(0)
            if name in KEYWORDS or name == "_":
                continue
            # macro names (`yield_!`) are not locals
            if code[m.end() : m.end() + 1] == "!":
                continue
            toks.append((ln, m.start(), name))
    return toks


# --------------------------------------------------------------------------------------------
# LSP client


class LspError(Exception):
    pass


class Lsp:
    def __init__(self, cmd, root, verbose=False):
        self.verbose = verbose
        self.proc = subprocess.Popen(
            cmd,
            cwd=root,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=open(root / "target" / "rust-analyzer.log", "w"),
        )
        self.next_id = 0
        self.responses = {}
        self.cv = threading.Condition()
        self.notifications = queue.Queue()
        self.config = {}
        self.dead = False
        threading.Thread(target=self._reader, daemon=True).start()

    def _send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _reader(self):
        f = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = f.readline()
                    if not line:
                        raise EOFError
                    line = line.strip()
                    if not line:
                        break
                    k, _, v = line.decode().partition(":")
                    if k.lower() == "content-length":
                        length = int(v)
                msg = json.loads(f.read(length))
                if "id" in msg and "method" in msg:
                    self._server_request(msg)
                elif "id" in msg:
                    with self.cv:
                        self.responses[msg["id"]] = msg
                        self.cv.notify_all()
                else:
                    self.notifications.put(msg)
        except (EOFError, ValueError, OSError):
            with self.cv:
                self.dead = True
                self.cv.notify_all()
            self.notifications.put(None)

    def _server_request(self, msg):
        method = msg["method"]
        if method == "workspace/configuration":
            result = [self.config for _ in msg["params"]["items"]]
        else:  # window/workDoneProgress/create, client/registerCapability, ...
            result = None
        self._send({"jsonrpc": "2.0", "id": msg["id"], "result": result})

    def request(self, method, params, timeout=120):
        self.next_id += 1
        rid = self.next_id
        if self.verbose:
            print(f"-> {method} {json.dumps(params)[:160]}", file=sys.stderr)
        self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        deadline = time.time() + timeout
        with self.cv:
            while rid not in self.responses:
                if self.dead:
                    raise LspError("rust-analyzer exited (see target/rust-analyzer.log)")
                left = deadline - time.time()
                if left <= 0:
                    raise LspError(f"no answer to {method} in {timeout}s")
                self.cv.wait(left)
            msg = self.responses.pop(rid)
        if "error" in msg:
            raise LspError(f"{method}: {msg['error']}")
        return msg.get("result")

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def close(self):
        try:
            self.request("shutdown", None, timeout=30)
            self.notify("exit", None)
            self.proc.wait(timeout=30)
        except Exception:
            self.proc.kill()
            self.proc.wait()


def request_retrying(lsp, method, params, tries=20):
    """rust-analyzer answers `content modified` (-32801) while it re-analyses; retry then."""
    for attempt in range(tries):
        try:
            return lsp.request(method, params)
        except LspError as e:
            if "-32801" in str(e) or "content modified" in str(e).lower():
                time.sleep(0.5 * (attempt + 1))
                continue
            raise
    raise LspError(f"{method}: still `content modified` after {tries} tries")


# --------------------------------------------------------------------------------------------
# Hover parsing


def hover_text(result):
    if not result:
        return ""
    c = result.get("contents")
    if isinstance(c, dict):
        return c.get("value", "")
    if isinstance(c, list):
        return "\n".join(x if isinstance(x, str) else x.get("value", "") for x in c)
    return str(c)


CODE_RE = re.compile(r"```rust\n(.*?)\n```", re.S)


def hover_entries(text):
    """The ```rust blocks of a hover: one per entity rust-analyzer found."""
    return CODE_RE.findall(text)


def hover_type(text):
    """`u32` from `let mut x: u32` / `x: u32` / `self: &Words`; '' if none."""
    blocks = hover_entries(text)
    if not blocks:
        return ""
    first = blocks[0].strip().split("\n")[-1]
    if ": " in first:
        return first.split(": ", 1)[1].strip()
    return first


def decl_name(decl):
    """`x` from `let mut x: u32`."""
    m = re.search(r"(\w+)\s*:", decl)
    return m.group(1) if m else decl


def hover_decl(text):
    blocks = hover_entries(text)
    return blocks[0].strip().split("\n")[-1] if blocks else ""


# --------------------------------------------------------------------------------------------
# Main


def locations(result):
    if not result:
        return []
    if isinstance(result, dict):
        result = [result]
    out = []
    for loc in result:
        uri = loc.get("uri") or loc.get("targetUri")
        rng = loc.get("range") or loc.get("targetSelectionRange")
        out.append((uri, rng["start"]["line"], rng["start"]["character"],
                    rng["end"]["line"], rng["end"]["character"]))
    return out


def fmt_loc(loc, root_uri):
    uri, l, c, _, _ = loc
    name = uri[len(root_uri):].lstrip("/") if uri.startswith(root_uri) else uri
    return f"{name}:{l + 1}:{c + 1}"


def line_of(uri, line):
    if not uri.startswith("file://"):
        return ""
    try:
        return Path(uri[7:]).read_text().split("\n")[line].strip()
    except (OSError, IndexError):
        return ""


def flavour_of(name):
    for prefix, label in FLAVOURS:
        if name.startswith(prefix):
            return label
    return None


def sample_functions(symbols):
    """(name, start line, end line) of the sample functions in a documentSymbol answer."""
    out = []

    def walk(syms):
        for s in syms or []:
            if s.get("kind") in (6, 12) and flavour_of(s["name"]):
                r, sel = s["range"], s["selectionRange"]["start"]
                out.append((s["name"], r["start"]["line"], r["end"]["line"],
                            (sel["line"], sel["character"])))
            walk(s.get("children"))

    walk(symbols)
    return out


def macro_positions(text):
    """(line, col) of each `#[generator]` name and each `iter!`/`stream!` name in gens.rs."""
    out = []
    for i, line in enumerate(text.split("\n")):
        if ATTR_RE.match(line):
            out.append((i, line.index("#") + 2))
        for m in re.finditer(r"\b(iter|stream)!\s*\{", line):
            out.append((i, m.start()))
    return out


def wait_ready(lsp, gens_uri, attr_positions, timeout, verbose):
    """Waits for quiescence, then for every generator attribute to expand."""
    deadline = time.time() + timeout
    quiescent = False
    progress = {}
    while not quiescent:
        left = deadline - time.time()
        if left <= 0:
            raise LspError(f"rust-analyzer not quiescent after {timeout}s; progress: {progress}")
        try:
            msg = lsp.notifications.get(timeout=left)
        except queue.Empty:
            continue
        if msg is None:
            raise LspError("rust-analyzer exited (see target/rust-analyzer.log)")
        method = msg.get("method")
        params = msg.get("params") or {}
        if method == "experimental/serverStatus":
            if verbose:
                print(f"<- serverStatus {params}", file=sys.stderr)
            if params.get("health") == "error":
                raise LspError(f"rust-analyzer status error: {params.get('message')}")
            quiescent = params.get("quiescent", False)
            if quiescent and params.get("message"):
                print(f"rust-analyzer status: {params.get('health')}: {params['message']}")
        elif method == "$/progress":
            v = params.get("value", {})
            progress[params.get("token")] = v.get("title") or v.get("message") or v.get("kind")
            if verbose:
                print(f"<- progress {params.get('token')}: {v}", file=sys.stderr)
    # Proc macros must really be expanded, else every check would pass on the unexpanded body.
    expansions = {}
    while True:
        missing = []
        for line, col in attr_positions:
            r = request_retrying(lsp, "rust-analyzer/expandMacro", {
                "textDocument": {"uri": gens_uri}, "position": {"line": line, "character": col}})
            exp = (r or {}).get("expansion", "")
            if "__private" not in exp:
                missing.append((line + 1, (r or {}).get("name"), exp[:300]))
            expansions[line] = r
        if not missing:
            return expansions
        if time.time() > deadline:
            raise LspError(
                "rust-analyzer did not expand the generator macros (is the proc-macro server "
                f"working?): {missing}")
        time.sleep(2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--only", default="")
    ap.add_argument("--rust-analyzer", default=os.environ.get("RUST_ANALYZER", "rust-analyzer"))
    ap.add_argument("--dump-expansions", metavar="FILE",
                    help="write rust-analyzer's expansion of every generator macro to FILE")
    ap.add_argument("--twin-only", action="store_true", help="only (re)write src/twins.rs")
    args = ap.parse_args()

    gens_text = GENS.read_text()
    try:
        twin_text, edits = make_twin(gens_text)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if not TWINS.exists() or TWINS.read_text() != twin_text:
        TWINS.write_text(twin_text)
        print("wrote src/twins.rs")
    if args.twin_only:
        return 0
    (HERE / "target").mkdir(exist_ok=True)

    root_uri = HERE.as_uri()
    gens_uri, twins_uri = GENS.as_uri(), TWINS.as_uri()
    lsp = Lsp([args.rust_analyzer], HERE, verbose=args.verbose)
    lsp.config = {
        "checkOnSave": False,
        "cachePriming": {"enable": True},
        "procMacro": {"enable": True},
        "cargo": {"buildScripts": {"enable": True}},
        "diagnostics": {"enable": False},
    }
    try:
        lsp.request("initialize", {
            "processId": os.getpid(),
            "rootUri": root_uri,
            "workspaceFolders": [{"uri": root_uri, "name": "ide"}],
            "initializationOptions": lsp.config,
            "capabilities": {
                "textDocument": {
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                    "definition": {"linkSupport": False},
                    "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
                },
                "window": {"workDoneProgress": True},
                "workspace": {"configuration": True},
                "experimental": {"serverStatusNotification": True},
            },
        }, timeout=60)
        lsp.notify("initialized", {})
        for uri, text in ((gens_uri, gens_text), (twins_uri, twin_text)):
            lsp.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "rust", "version": 1, "text": text}})

        attr_positions = macro_positions(gens_text)
        print(f"waiting for rust-analyzer to load and expand {len(attr_positions)} "
              f"generator macros ...", flush=True)
        t0 = time.time()
        expansions = wait_ready(lsp, gens_uri, attr_positions, args.timeout, args.verbose)
        print(f"ready after {time.time() - t0:.0f}s", flush=True)
        if args.dump_expansions:
            with open(args.dump_expansions, "w") as f:
                for line, r in sorted(expansions.items()):
                    f.write(f"// ===== gens.rs:{line + 1} {r.get('name')}\n{r.get('expansion')}\n\n")

        symbols = request_retrying(lsp, "textDocument/documentSymbol",
                                   {"textDocument": {"uri": twins_uri}})
        funcs = [f for f in sample_functions(symbols) if args.only in f[0]]
        if not funcs:
            raise LspError(f"no sample functions found (documentSymbol answered {symbols!r})")

        rows = []
        item_names = {f[3] for f in funcs}
        for fname, start, end, _ in funcs:
            flavour = flavour_of(fname)
            for ln, col, name in identifier_tokens(twin_text, [(start, end)]):
                pos = {"line": ln, "character": col}
                tdefs = locations(request_retrying(lsp, "textDocument/definition", {
                    "textDocument": {"uri": twins_uri}, "position": pos}))
                # a local: every definition is in the twin, inside this function
                if not tdefs or not all(d[0] == twins_uri and start <= d[1] <= end
                                        and (d[1], d[2]) not in item_names for d in tdefs):
                    continue
                gcol = edits.to_gen(ln, col)
                if gcol is None:
                    continue
                is_binding = any(d[1] == ln and d[2] == col for d in tdefs)
                thover = hover_text(request_retrying(lsp, "textDocument/hover", {
                    "textDocument": {"uri": twins_uri}, "position": pos}))
                gpos = {"line": ln, "character": gcol}
                gdefs = locations(request_retrying(lsp, "textDocument/definition", {
                    "textDocument": {"uri": gens_uri}, "position": gpos}))
                ghover = hover_text(request_retrying(lsp, "textDocument/hover", {
                    "textDocument": {"uri": gens_uri}, "position": gpos}))
                expected = sorted((gens_uri, d[1], edits.to_gen(d[1], d[2]), d[3],
                                   edits.to_gen(d[3], d[4])) for d in tdefs)
                problems = []
                notes = []
                if len(tdefs) != 1:
                    notes.append(f"the plain twin itself has {len(tdefs)} definitions")
                if sorted(gdefs) != expected:
                    problems.append("definitions differ from the plain twin's")
                if len(gdefs) != 1:
                    problems.append(f"{len(gdefs)} definitions")
                for d in gdefs:
                    if d[0] == gens_uri and ATTR_RE.match(gens_text.split("\n")[d[1]]):
                        problems.append("a definition on the #[generator] line")
                n_entries = len(hover_entries(ghover))
                if n_entries != len(hover_entries(thover)):
                    problems.append(f"{n_entries} hover entries")
                gtype, ttype = hover_type(ghover), hover_type(thover)
                gdecl, tdecl = hover_decl(ghover), hover_decl(thover)
                if gtype != ttype:
                    problems.append(f"hover type `{gtype}`, plain twin `{ttype}`")
                if decl_name(gdecl) != decl_name(tdecl):
                    problems.append(f"hover shows `{gdecl}`, plain twin `{tdecl}`")
                elif gdecl != tdecl:
                    notes.append(f"hover shows `{gdecl}`, plain twin `{tdecl}`")
                rows.append({
                    "flavour": flavour, "fn": fname, "local": name,
                    "kind": "binding" if is_binding else "use",
                    "pos": f"gens.rs:{ln + 1}:{gcol + 1}",
                    "defs": [fmt_loc(d, root_uri) for d in gdefs],
                    "defs_raw": gdefs,
                    "expected": [fmt_loc(d, root_uri) for d in expected],
                    "type": gtype if n_entries == 1 else
                    f"{n_entries} entries: " + " | ".join(
                        b.strip().split("\n")[-1] for b in hover_entries(ghover)),
                    "twin_type": ttype,
                    "hover": ghover, "twin_hover": thover,
                    "status": "FAIL" if problems else "PASS",
                    "problems": problems, "notes": notes,
                })
    except LspError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    finally:
        lsp.close()

    print_report(rows, root_uri, gens_text, args.details)
    return 1 if any(r["status"] == "FAIL" for r in rows) else 0


def print_report(rows, root_uri, gens_text, details):
    head = ("flavour", "local", "kind", "position", "definitions found", "hover type", "result")
    table = [head] + [(r["flavour"], r["local"], r["kind"], r["pos"], ", ".join(r["defs"]) or "-",
                       r["type"] or "-", r["status"]) for r in rows]
    widths = [max(len(t[i]) for t in table) for i in range(len(head))]
    for i, t in enumerate(table):
        print("  ".join(c.ljust(w) for c, w in zip(t, widths)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    fails = [r for r in rows if r["status"] == "FAIL"]
    noted = [r for r in rows if r["notes"]]
    print()
    for r in fails:
        print(f"FAIL {r['flavour']} `{r['local']}` ({r['kind']}) at {r['pos']} in {r['fn']}: "
              f"{'; '.join(r['problems'])}")
        print(f"    expected definition: {', '.join(r['expected'])}")
        for d, raw in zip(r["defs"], r["defs_raw"]):
            print(f"    definition {d}: {line_of(raw[0], raw[1])}")
        print("    hover:\n" + indent(r["hover"], 8))
        print("    plain twin hover:\n" + indent(r["twin_hover"], 8))
    for r in noted:
        print(f"note {r['flavour']} `{r['local']}` ({r['kind']}) at {r['pos']}: "
              f"{'; '.join(r['notes'])}")
    if details:
        for r in rows:
            print(f"--- {r['pos']} `{r['local']}`\n{r['hover']}\n--- twin\n{r['twin_hover']}")
    by = {}
    for r in rows:
        by.setdefault(r["flavour"], [0, 0])[r["status"] == "FAIL"] += 1
    print()
    for fl, (p, f) in by.items():
        print(f"{fl}: {p} passed, {f} failed")
    print(f"{len(rows) - len(fails)} passed, {len(fails)} failed")


def indent(text, n):
    return "\n".join(" " * n + l for l in (text or "(none)").split("\n"))


if __name__ == "__main__":
    sys.exit(main())

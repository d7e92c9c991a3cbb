#!/usr/bin/env python3
"""Mutation fuzzer for gol's type checker and code generator.

The golden programs are valid (or deliberately wrong) Go; small mutations of
them — tokens deleted, duplicated, swapped or replaced, lines deleted,
duplicated or moved, lines spliced in from another program, type names
exchanged — are mostly still parseable, so they reach the checker and the code
generator with shapes those never see in the tests. Each mutant is compiled
with `gol disasm` (compile only, nothing runs) and must end in exit status 0
or 1 with no sanitizer report and no "internal error"; a signal, another exit
status, a sanitizer report or a compile slower than --timeout is a finding.
Findings are written to --out (the mutant, and with --minimize a reduced one)
and make the exit status 1.

The run is deterministic for a given --seed and corpus; mutant i is derived
from Random(seed * 1_000_003 + i), so one mutant can be replayed alone with
--only i.

  python3 tests/fuzz/fuzz.py --gol build-asan/gol --count 20000 --jobs 2
  python3 tests/fuzz/fuzz.py --gol build/gol --seed 1 --count 300 --time-budget 50   # the ctest smoke run
"""

import argparse
import concurrent.futures
import os
import random
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(os.path.dirname(HERE), "programs")

TOKEN_RE = re.compile(
    r"""//[^\n]*|/\*.*?\*/|`[^`]*`|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'"""
    r"""|0[xX][0-9a-fA-F_.pP+-]+|[0-9][0-9_.eE]*(?:[eE][+-]?[0-9]+)?|[A-Za-z_][A-Za-z0-9_]*"""
    r"""|<<=|>>=|&\^=|\.\.\.|&&|\|\||<-|\+\+|--|==|!=|<=|>=|:=|[-+*/%&|^]=|<<|>>|&\^|\S|\s+""",
    re.S,
)

TYPE_NAMES = ["int", "int8", "uint8", "uint", "int64", "uint64", "float32", "float64", "string", "bool",
              "rune", "byte", "error", "any", "[]int", "map[string]int", "*int", "[3]int", "struct{}",
              "interface{}", "func()", "chan int", "[]string", "func(int) int"]
EXTRA_TOKENS = ["nil", "iota", "true", "_", "0", "1", "-1", "1<<63", "1e400", "0.5", "'x'", '""', "len",
                "cap", "append", "make", "new", "panic", "recover", "copy", "delete", "close", "go", "defer",
                "return", "break", "continue", "fallthrough", "goto", "...", ".", ",", ";", "(", ")", "{",
                "}", "[", "]", ":", ":=", "=", "&", "*", "<-", "range", "for", "if", "else", "switch",
                "case", "default", "select", "type", "func", "var", "const", "struct", "interface", "map",
                "chan", "main", "x", "T", "init"]


def tokens(src):
    return TOKEN_RE.findall(src)


def is_code(tok):
    return not tok.isspace() and not tok.startswith("//") and not tok.startswith("/*")


class Mutator:
    def __init__(self, corpus):
        self.corpus = corpus  # list of (path, source)
        self.vocab = sorted({t for _, s in corpus for t in tokens(s) if is_code(t) and len(t) < 40})

    def mutate(self, rng):
        path, src = self.corpus[rng.randrange(len(self.corpus))]
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 5))):
            src = self.one(rng, src)
        return path, src

    def one(self, rng, src):
        kind = rng.randrange(11)
        if kind <= 5:
            toks = tokens(src)
            idx = [i for i, t in enumerate(toks) if is_code(t)]
            if not idx:
                return src
            i = rng.choice(idx)
            if kind == 0:
                del toks[i]
            elif kind == 1:
                toks.insert(i, toks[i] + " ")
            elif kind == 2:
                j = rng.choice(idx)
                toks[i], toks[j] = toks[j], toks[i]
            elif kind == 3:
                toks[i] = rng.choice(self.vocab)
            elif kind == 4:
                toks[i] = rng.choice(EXTRA_TOKENS) + " "
            else:
                named = [k for k in idx if toks[k] in TYPE_NAMES or toks[k] in ("int", "string", "float64")]
                if named:
                    toks[rng.choice(named)] = rng.choice(TYPE_NAMES)
                else:
                    toks.insert(i, rng.choice(TYPE_NAMES) + " ")
            return "".join(toks)
        lines = src.split("\n")
        if len(lines) < 2:
            return src
        i = rng.randrange(len(lines))
        if kind == 6:
            del lines[i]
        elif kind == 7:
            lines.insert(rng.randrange(len(lines)), lines[i])
        elif kind == 8:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            # Splice a run of lines from another program: foreign declarations and statements.
            _, other = self.corpus[rng.randrange(len(self.corpus))]
            olines = other.split("\n")
            a = rng.randrange(len(olines))
            b = min(len(olines), a + rng.randint(1, 8))
            lines[i:i] = olines[a:b]
        return "\n".join(lines)


SANITIZER_MARKS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:", "SUMMARY: UndefinedBehaviorSanitizer")


def classify(gol, src, timeout, workdir):
    """Returns None for an acceptable outcome, else a short description."""
    fd, path = tempfile.mkstemp(suffix=".gol", dir=workdir)
    with os.fdopen(fd, "w") as f:
        f.write(src)
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0:abort_on_error=0", UBSAN_OPTIONS="print_stacktrace=1")
    try:
        r = subprocess.run([gol, "disasm", path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return "hang (> %gs)" % timeout
    finally:
        os.unlink(path)
    err = r.stderr.decode("utf-8", "replace")
    # "runtime error:" is UBSan's marker; compile errors never contain it.
    for mark in SANITIZER_MARKS:
        if mark in err:
            line = next((l for l in err.splitlines() if mark in l), mark)
            return "sanitizer: " + line.strip()[:200]
    if r.returncode < 0:
        return "signal %d" % -r.returncode
    if r.returncode not in (0, 1):
        return "exit status %d: %s" % (r.returncode, err.strip()[-200:])
    m = re.search(r"internal error[^\n]*", err)
    if m:
        return m.group(0)[:200]
    return None


def minimize(gol, src, timeout, workdir, want):
    """Line-wise then token-wise delta reduction keeping the same finding class."""
    def same(s):
        got = classify(gol, s, timeout, workdir)
        return got is not None and got.split(":")[0] == want.split(":")[0]

    for unit in ("line", "token"):
        parts = src.split("\n") if unit == "line" else tokens(src)
        join = "\n".join if unit == "line" else "".join
        chunk = max(1, len(parts) // 2)
        while chunk >= 1:
            i = 0
            while i < len(parts):
                trial = parts[:i] + parts[i + chunk:]
                if trial and same(join(trial)):
                    parts = trial
                else:
                    i += chunk
            chunk //= 2
        src = join(parts)
    return src


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gol", required=True, help="the gol binary (preferably an ASan+UBSan build)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=1000, help="mutants to try")
    ap.add_argument("--only", type=int, help="replay mutant number N alone")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=5.0, help="seconds before a compile counts as a hang")
    ap.add_argument("--time-budget", type=float, help="stop starting new mutants after this many seconds")
    ap.add_argument("--out", help="directory for findings (default: none written)")
    ap.add_argument("--minimize", action="store_true", help="reduce each finding before writing it")
    ap.add_argument("--corpus", default=PROGRAMS, help="directory of .gol seed programs")
    args = ap.parse_args()

    corpus = []
    for root, _, files in sorted(os.walk(args.corpus)):
        for name in sorted(files):
            if name.endswith(".gol"):
                p = os.path.join(root, name)
                with open(p, encoding="utf-8", errors="replace") as f:
                    corpus.append((os.path.relpath(p, args.corpus), f.read()))
    if not corpus:
        sys.exit("fuzz.py: no .gol programs under " + args.corpus)
    mutator = Mutator(corpus)
    indices = [args.only] if args.only is not None else range(args.count)
    workdir = tempfile.mkdtemp(prefix="gol-fuzz-")
    start = time.monotonic()
    findings, done = [], 0

    def run(i):
        if args.time_budget is not None and time.monotonic() - start > args.time_budget:
            return i, None, None, True
        rng = random.Random(args.seed * 1_000_003 + i)
        origin, src = mutator.mutate(rng)
        return i, origin, src, classify(args.gol, src, args.timeout, workdir)

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for i, origin, src, what in pool.map(run, indices):
            if what is True:
                continue
            done += 1
            if what is None:
                continue
            findings.append((i, origin, what))
            print("mutant %d (from %s): %s" % (i, origin, what), flush=True)
            if args.out:
                os.makedirs(args.out, exist_ok=True)
                base = os.path.join(args.out, "seed%d_%d" % (args.seed, i))
                with open(base + ".gol", "w") as f:
                    f.write(src)
                if args.minimize:
                    with open(base + ".min.gol", "w") as f:
                        f.write(minimize(args.gol, src, args.timeout, workdir, what))
    os.rmdir(workdir)
    print("fuzz.py: %d mutants compiled in %.1fs, %d findings" % (done, time.monotonic() - start, len(findings)))
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Golden-program harness for gol (stdlib only).

Runs every tests/programs/**/*.gol under `gol run FILE` (or, with --go, under
the Go toolchain) and checks it against the expectations written in the file
and in FILE.out. The annotation format is documented in docs/testing.md; in
short:

    // errorcheck          first line: a compile-error test
    // ERROR "regex"       on a line: a diagnostic on that line must match
    // exit: N             expected exit status (default 0; errorcheck: 1)
    // stderr: TEXT        TEXT must occur in stderr (substring)
    // args: a b c         command-line arguments
    // stdin: FILE         stdin (relative to the program); default: empty
    // env: K=V            extra environment variable (repeatable)
    // timeout: N          seconds (default 30)

Known gol failures are listed in tests/xfail.txt and known differences from
Go 1.19 (the installed oracle) in tests/go_differences.txt; both hold lines
`path reason`, paths relative to the programs directory. Nothing is skipped
silently: an xfail that passes is an error, and every --go skip is printed.

The last line printed is always `N passed, N failed`, followed by
`, N skipped` when --go skipped listed differences and `, N xfailed` when
known gol failures failed as expected. The exit status is 1 on any failure.
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile

DEFAULT_TIMEOUT = 30
# Sanitizer builds run several times slower: GOL_TIMEOUT_SCALE multiplies every program's limit.
TIMEOUT_SCALE = float(os.environ.get("GOL_TIMEOUT_SCALE", "1"))
# A diagnostic is `FILE:LINE:COL: message` (Go prints `./main.go:3:2: ...`).
DIAG_RE = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): (?P<msg>.*)$")
ANNOT_RE = re.compile(r"^\s*//\s*(exit|stderr|args|stdin|env|timeout):\s?(.*)$")
# `// ERROR "re"` or `// ERROR `re``; several quoted regexes mean several
# diagnostics on that line, as in Go's own test suite.
ERROR_RE = re.compile(r"//\s*ERROR\s+((?:\"(?:[^\"\\]|\\.)*\"|`[^`]*`)(?:\s+(?:\"(?:[^\"\\]|\\.)*\"|`[^`]*`))*)")
QUOTED_RE = re.compile(r"\"((?:[^\"\\]|\\.)*)\"|`([^`]*)`")
MAX_DIFF_LINES = 12


class Spec:
    """Expectations parsed from one program."""

    def __init__(self, path, rel):
        self.path = path
        self.rel = rel
        self.errorcheck = False
        self.exit = None
        self.stderr = []
        self.args = []
        self.stdin = None
        self.env = {}
        self.timeout = DEFAULT_TIMEOUT
        self.errors = []  # (line, [regex source])
        self.problems = []  # malformed annotations

    @property
    def expected_exit(self):
        if self.exit is not None:
            return self.exit
        return 1 if self.errorcheck else 0

    @property
    def out_path(self):
        return self.path[: -len(".gol")] + ".out"


def unquote(raw, backquoted):
    if backquoted:
        return raw
    # Go-style interpreted string: only \" and \\ matter for regexes here.
    return re.sub(r"\\([\"\\])", r"\1", raw)


def parse_spec(path, rel):
    spec = Spec(path, rel)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[0].strip() == "// errorcheck":
        spec.errorcheck = True
    for number, text in enumerate(lines, start=1):
        m = ANNOT_RE.match(text)
        if m:
            key, value = m.group(1), m.group(2).rstrip()
            if key == "exit":
                try:
                    spec.exit = int(value)
                except ValueError:
                    spec.problems.append(f"line {number}: bad exit status {value!r}")
            elif key == "stderr":
                if not value:
                    spec.problems.append(f"line {number}: empty // stderr:")
                spec.stderr.append(value)
            elif key == "args":
                spec.args = shlex.split(value)
            elif key == "stdin":
                spec.stdin = value.strip()
            elif key == "env":
                k, eq, v = value.partition("=")
                if not eq or not k.strip():
                    spec.problems.append(f"line {number}: bad // env: {value!r}")
                spec.env[k.strip()] = v
            elif key == "timeout":
                try:
                    spec.timeout = float(value)
                except ValueError:
                    spec.problems.append(f"line {number}: bad timeout {value!r}")
        e = ERROR_RE.search(text)
        if e:
            regexes = []
            for q in QUOTED_RE.finditer(e.group(1)):
                src = unquote(q.group(1), False) if q.group(1) is not None else q.group(2)
                try:
                    re.compile(src)
                except re.error as err:
                    spec.problems.append(f"line {number}: bad regex {src!r}: {err}")
                    continue
                regexes.append(src)
            spec.errors.append((number, regexes))
    if spec.errors and not spec.errorcheck:
        spec.problems.append("// ERROR annotations need `// errorcheck` on the first line")
    if spec.errorcheck and not spec.errors:
        spec.problems.append("// errorcheck file has no // ERROR annotation")
    return spec


def read_list(path):
    """Reads a `path reason` list; '#' starts a comment line."""
    entries = {}
    if not path or not os.path.exists(path):
        return entries
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            rel, _, reason = line.partition(" ")
            if not reason.strip():
                sys.exit(f"{path}:{number}: entry {rel!r} needs a reason")
            entries[rel] = reason.strip()
    return entries


class Result:
    def __init__(self, rel, status, detail="", details=""):
        self.rel = rel
        self.status = status  # pass, fail, skip, xfail, xpass
        self.detail = detail  # one line
        self.details = details  # indented diff / stderr excerpts, may be empty


def failed(rel, problems):
    """One summary line (each problem's first line, joined) plus the
    indented details of every problem."""
    heads, bodies = [], []
    for p in problems:
        head, _, body = p.partition("\n")
        heads.append(head)
        if body:
            bodies.append(body)
    return Result(rel, "fail", "; ".join(heads), "\n".join(bodies))


def run_process(argv, spec, cwd):
    env = dict(os.environ)
    env.update(spec.env)
    # stdin is an empty pipe (what /dev/null gives: immediate EOF) or the
    # `// stdin:` file's bytes; a pipe does not depend on /dev/null existing.
    data = b""
    if spec.stdin:
        with open(os.path.join(os.path.dirname(spec.path), spec.stdin), "rb") as f:
            data = f.read()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(input=data, timeout=spec.timeout * TIMEOUT_SCALE)
    except subprocess.TimeoutExpired:
        # The program runs in its own session: kill the whole group.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
        return None, out, err
    return proc.returncode, out, err


def short_diff(expected, actual, what):
    exp = expected.decode("utf-8", "replace").splitlines()
    act = actual.decode("utf-8", "replace").splitlines()
    lines = list(difflib.unified_diff(exp, act, f"expected {what}", f"actual {what}", n=1, lineterm=""))
    if len(lines) > MAX_DIFF_LINES:
        lines = lines[:MAX_DIFF_LINES] + [f"... ({len(lines) - MAX_DIFF_LINES} more diff lines)"]
    if not lines and expected != actual:
        lines = ["(difference in trailing newline or line endings)"]
    return "\n".join("    " + line for line in lines)


def excerpt(data, limit=600):
    text = data.decode("utf-8", "replace")
    if len(text) > limit:
        text = text[:limit] + "..."
    return "\n".join("    | " + line for line in text.splitlines())


def check_errors(spec, stderr, basename):
    """Go's errorcheck rule: each regex must match a diagnostic on its line;
    every diagnostic it matches is consumed; leftovers are unexpected."""
    diags = {}
    for line in stderr.decode("utf-8", "replace").splitlines():
        m = DIAG_RE.match(line)
        if m and os.path.basename(m.group("file")) == basename:
            diags.setdefault(int(m.group("line")), []).append(m.group("msg"))
    problems = []
    for number, regexes in spec.errors:
        for src in regexes:
            rx = re.compile(src)
            here = diags.get(number, [])
            matched = [d for d in here if rx.search(d)]
            if not matched:
                got = "; ".join(here) if here else "no diagnostic"
                problems.append(f"line {number}: missing error matching {src!r} (got: {got})")
                continue
            diags[number] = [d for d in here if not rx.search(d)]
    for number in sorted(diags):
        for msg in diags[number]:
            problems.append(f"line {number}: unexpected error: {msg}")
    return problems


def check(spec, code, out, err, basename):
    """Returns a list of failure descriptions (empty = pass)."""
    if code is None:
        return [f"timed out after {spec.timeout * TIMEOUT_SCALE:g}s" + ("\n" + excerpt(err) if err else "")]
    problems = []
    if spec.errorcheck:
        problems += check_errors(spec, err, basename)
        if code != spec.expected_exit:
            problems.append(f"exit status {code}, want {spec.expected_exit}")
        return problems
    if code != spec.expected_exit:
        problems.append(f"exit status {code}, want {spec.expected_exit}" +
                        ("\n" + excerpt(err) if err else ""))
    if not os.path.exists(spec.out_path):
        problems.append(f"missing {os.path.basename(spec.out_path)} (generate it with --go --update)")
    else:
        with open(spec.out_path, "rb") as f:
            want = f.read()
        if out != want:
            problems.append("stdout differs\n" + short_diff(want, out, "stdout"))
    text = err.decode("utf-8", "replace")
    for s in spec.stderr:
        if s not in text:
            problems.append(f"stderr lacks {s!r}\n" + excerpt(err))
    if not spec.stderr and spec.expected_exit == 0 and code == 0 and err:
        problems.append("unexpected stderr (add `// stderr:` lines if intended)\n" + excerpt(err))
    return problems


def run_gol(spec, gol):
    cwd = os.path.dirname(spec.path)
    basename = os.path.basename(spec.path)
    code, out, err = run_process([gol, "run", basename] + spec.args, spec, cwd)
    return check(spec, code, out, err, basename)


def run_go(spec, update):
    """Builds the program with Go and runs the binary directly, so the exit
    status is the program's own (`go run` would turn every non-zero status
    into 1 plus an `exit status N` line)."""
    tmp = tempfile.mkdtemp(prefix="golden-go-")
    try:
        main = os.path.join(tmp, "main.go")
        shutil.copyfile(spec.path, main)
        binary = os.path.join(tmp, "prog")
        # GOPATH mode builds a lone file without a go.mod; a cold build cache
        # can make the first builds slow, hence the generous limit.
        env = dict(os.environ, GO111MODULE="off", CGO_ENABLED="0")
        proc = subprocess.run(["go", "build", "-o", binary, "main.go"], cwd=tmp, env=env,
                              input=b"", capture_output=True, timeout=max(spec.timeout, 120))
        if spec.errorcheck:
            problems = check_errors(spec, proc.stderr, "main.go")
            if proc.returncode == 0:
                problems.append("go compiled it, but it is an errorcheck test")
            return problems
        if proc.returncode != 0:
            return ["go build failed\n" + excerpt(proc.stderr)]
        code, out, err = run_process([binary] + spec.args, spec, os.path.dirname(spec.path))
        if update and code is not None:
            with open(spec.out_path, "wb") as f:
                f.write(out)
        return check(spec, code, out, err, "main.go")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run_one(spec, opts, xfails, differences):
    if spec.problems:
        return Result(spec.rel, "fail", "malformed annotations: " + "; ".join(spec.problems))
    if opts.go:
        if spec.rel in differences:
            return Result(spec.rel, "skip", differences[spec.rel])
        try:
            problems = run_go(spec, opts.update)
        except subprocess.TimeoutExpired:
            problems = ["go build timed out"]
        if problems:
            return failed(spec.rel, problems)
        return Result(spec.rel, "pass")
    problems = run_gol(spec, opts.gol)
    if spec.rel in xfails:
        if problems:
            return Result(spec.rel, "xfail", xfails[spec.rel])
        return Result(spec.rel, "xpass", "passes but is listed in xfail.txt (remove the entry)")
    if problems:
        return failed(spec.rel, problems)
    return Result(spec.rel, "pass")


# ---------------------------------------------------------------------------
# --self-test: proves that the harness can fail. A fake `gol` replays canned
# results (stdout, stderr, exit status, a delay) stored beside each program, so
# the check needs neither gol nor Go.

FAKE_GOL = r'''#!/usr/bin/env python3
import json, os, sys, time
assert sys.argv[1] == "run"
with open(sys.argv[2] + ".fake", encoding="utf-8") as f:
    r = json.load(f)
time.sleep(r.get("sleep", 0))
stdin = sys.stdin.read()
def fill(s):
    return (s.replace("{args}", "|".join(sys.argv[3:])).replace("{stdin}", stdin)
             .replace("{env}", os.environ.get("SELFTEST_VAR", "unset")))
sys.stdout.write(fill(r.get("stdout", "")))
sys.stderr.write(fill(r.get("stderr", "")))
sys.exit(r.get("exit", 0))
'''

RUN_BODY = "func main() {}\n"
CHECK = "// errorcheck\n\npackage main\n\nfunc main() {\n\tx := 1 // ERROR \"declared and not used: x\"\n}\n"
# (name, extra annotation lines, .out or None, fake result, expected status)
SELF_TESTS = [
    ("pass", "", "hi\n", {"stdout": "hi\n"}, "pass"),
    ("wrong_stdout", "", "hi\n", {"stdout": "ho\n"}, "fail"),
    ("missing_newline", "", "hi\n", {"stdout": "hi"}, "fail"),
    ("missing_out", "", None, {"stdout": "hi\n"}, "fail"),
    ("wrong_exit", "// exit: 3\n", "", {"exit": 4}, "fail"),
    ("exit_expected", "// exit: 3\n", "", {"exit": 3}, "pass"),
    ("nonzero_exit_unexpected", "", "", {"exit": 2, "stderr": "panic: x\n"}, "fail"),
    ("stderr_present", "// exit: 2\n// stderr: panic: boom\n", "a\n",
     {"stdout": "a\n", "stderr": "panic: boom\n\ngoroutine 1 [running]:\n", "exit": 2}, "pass"),
    ("stderr_missing", "// exit: 2\n// stderr: panic: boom\n", "",
     {"stderr": "panic: bang\n", "exit": 2}, "fail"),
    ("stderr_unexpected", "", "", {"stderr": "warning\n"}, "fail"),
    ("args_stdin_env", "// args: a \"b c\"\n// stdin: in.txt\n// env: SELFTEST_VAR=set\n",
     "a|b c in set\n", {"stdout": "{args} {stdin} {env}\n"}, "pass"),
    ("timeout", "// timeout: 0.5\n", "", {"sleep": 5}, "fail"),
    ("malformed", "// exit: two\n", "", {}, "fail"),
    ("xfail_failing", "", "hi\n", {"stdout": "no\n"}, "xfail"),
    ("xfail_passing", "", "hi\n", {"stdout": "hi\n"}, "xpass"),
    ("check_pass", None, None, {"stderr": "check_pass.gol:6:2: declared and not used: x\n", "exit": 1},
     "pass"),
    ("check_wrong_message", None, None, {"stderr": "check_wrong_message.gol:6:2: x declared but not used\n",
                                         "exit": 1}, "fail"),
    ("check_wrong_line", None, None, {"stderr": "check_wrong_line.gol:5:2: declared and not used: x\n",
                                      "exit": 1}, "fail"),
    ("check_extra_error", None, None, {"stderr": "check_extra_error.gol:6:2: declared and not used: x\n"
                                                 "check_extra_error.gol:7:1: undefined: y\n", "exit": 1},
     "fail"),
    ("check_exit_zero", None, None, {"stderr": "check_exit_zero.gol:6:2: declared and not used: x\n"},
     "fail"),
]


def self_test():
    import json
    tmp = tempfile.mkdtemp(prefix="golden-selftest-")
    try:
        gol = os.path.join(tmp, "fakegol")
        with open(gol, "w", encoding="utf-8") as f:
            f.write(FAKE_GOL)
        os.chmod(gol, 0o755)
        with open(os.path.join(tmp, "in.txt"), "w", encoding="utf-8") as f:
            f.write("in")
        xfails = {"xfail_failing.gol": "known", "xfail_passing.gol": "stale"}
        opts = argparse.Namespace(go=False, gol=gol, update=False)
        bad = 0
        for name, annotations, out, fake, want in SELF_TESTS:
            path = os.path.join(tmp, name + ".gol")
            with open(path, "w", encoding="utf-8") as f:
                f.write(CHECK if annotations is None else "package main\n\n" + annotations + RUN_BODY)
            if out is not None:
                with open(path[:-4] + ".out", "w", encoding="utf-8") as f:
                    f.write(out)
            with open(path + ".fake", "w", encoding="utf-8") as f:
                json.dump(fake, f)
            got = run_one(parse_spec(path, name + ".gol"), opts, xfails, {})
            if got.status != want:
                bad += 1
                print(f"self-test {name}: harness said {got.status} ({got.detail}), want {want}")
        print(f"self-test: {len(SELF_TESTS) - bad} of {len(SELF_TESTS)} harness checks behaved")
        return 1 if bad else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Run gol's golden programs.")
    ap.add_argument("root", nargs="?", default=os.path.join(here, "programs"),
                    help="directory searched for **/*.gol (default: tests/programs)")
    ap.add_argument("--gol", help="path to the gol binary")
    ap.add_argument("--go", action="store_true", help="run the programs under Go instead of gol")
    ap.add_argument("--update", action="store_true",
                    help="with --go: rewrite each .out from Go's stdout")
    ap.add_argument("-j", type=int, default=2, help="parallel jobs (default 2)")
    ap.add_argument("--filter", help="only programs whose relative path matches this regex")
    ap.add_argument("--xfail", default=os.path.join(here, "xfail.txt"),
                    help="known gol failures (default tests/xfail.txt)")
    ap.add_argument("--differences", default=os.path.join(here, "go_differences.txt"),
                    help="known differences from Go (default tests/go_differences.txt)")
    ap.add_argument("-v", "--verbose", action="store_true", help="also print passing programs")
    ap.add_argument("--self-test", action="store_true",
                    help="check the harness itself against a fake gol (needs neither gol nor Go)")
    opts = ap.parse_args()
    if opts.self_test:
        return self_test()
    if opts.update and not opts.go:
        ap.error("--update regenerates .out files from Go: use it with --go (never from gol)")
    if not opts.go and not opts.gol:
        ap.error("--gol PATH is required (or --go)")
    if opts.gol and not opts.go:
        opts.gol = os.path.abspath(opts.gol)
        if not os.access(opts.gol, os.X_OK):
            ap.error(f"--gol {opts.gol}: not an executable file")
    if opts.go and shutil.which("go") is None:
        ap.error("--go needs the `go` command on PATH")

    root = os.path.abspath(opts.root)
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".gol"):
                path = os.path.join(dirpath, name)
                files.append((path, os.path.relpath(path, root).replace(os.sep, "/")))
    xfails = read_list(opts.xfail)
    differences = read_list(opts.differences)
    known = {rel for _, rel in files}
    stale = [f"{listname}: {rel} names no program"
             for listname, entries in (("xfail.txt", xfails), ("go_differences.txt", differences))
             for rel in entries if rel not in known]
    if opts.filter:
        rx = re.compile(opts.filter)
        files = [(p, r) for p, r in files if rx.search(r)]

    specs = [parse_spec(p, r) for p, r in files]
    counts = {"pass": 0, "fail": 0, "skip": 0, "xfail": 0, "xpass": 0}
    for line in stale:
        print("FAIL " + line)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, opts.j)) as pool:
        futures = [pool.submit(run_one, s, opts, xfails, differences) for s in specs]
        for fut in futures:  # in file order, so the report is stable
            r = fut.result()
            counts[r.status] += 1
            if r.status == "fail" or r.status == "xpass":
                print(f"FAIL {r.rel}: {r.detail}")
                if r.details:
                    print(r.details)
            elif r.status == "skip":
                print(f"SKIP {r.rel}: {r.detail}")
            elif r.status == "xfail":
                print(f"XFAIL {r.rel}: {r.detail}")
            elif opts.verbose:
                print(f"ok   {r.rel}")
            sys.stdout.flush()
    failed = counts["fail"] + counts["xpass"] + len(stale)
    summary = f"{counts['pass']} passed, {failed} failed"
    if counts["skip"]:
        summary += f", {counts['skip']} skipped"
    if counts["xfail"]:
        summary += f", {counts['xfail']} xfailed"
    print(summary)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Run gol's benchmarks side by side with Go, Lua 5.4 and LuaJIT.

Every benchmark is a Go program (bench/<set>/NAME.go). gol runs that very
file; Go runs it compiled once with `go build` into bench/out/; lua5.4 and
luajit run the twin bench/<set>/NAME.lua when there is one. Each
implementation runs --runs times, interleaved round-robin so that load from
other processes spreads over all of them; the table shows the median wall time
(or CPU time, with --metric cpu) and the peak RSS. Go's stdout is the reference: an implementation whose output
differs is reported as MISMATCH and not timed further, one that exits non-zero
or crashes is FAIL (with the first line of its stderr), one that overruns
--timeout is TIMEOUT. None of these stops the run.

Standard library only. See docs/benchmarks.md for what each benchmark
measures and how to read the ratios.
"""

import argparse
import json
import math
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
OUT_DIR = BENCH_DIR / "out"
SETS = ("cpu", "conc", "gc")
IMPLS = ("gol", "go", "lua5.4", "luajit")

# Benchmarks that run more than once with different arguments or environment.
# Each entry: row suffix, extra argv, extra environment. Everything else runs
# once, with no arguments and the inherited environment.
VARIANTS = {
    ("conc", "cpu_split"): [
        ("cpu_split_P1", [], {"GOMAXPROCS": "1"}),
        ("cpu_split_P2", [], {"GOMAXPROCS": "2"}),
    ],
    ("gc", "binary_trees"): [
        ("binary_trees_16", ["16"], {}),
        ("binary_trees_18", ["18"], {}),
    ],
    # The same allocation work on one and on two Ps: compare CPU time (--metric cpu) to see what
    # allocator contention between Ms costs (docs/gc.md).
    ("gc", "alloc_parallel"): [
        ("alloc_parallel_P1", [], {"GOMAXPROCS": "1"}),
        ("alloc_parallel_P2", [], {"GOMAXPROCS": "2"}),
    ],
}

# Pairs of rows whose time ratio is a result of its own (issue 3: the
# 2-goroutine CPU job must be at least 1.8x faster at GOMAXPROCS=2).
SPEEDUPS = [("conc/cpu_split_P1", "conc/cpu_split_P2", 1.8)]

# Rows whose peak RSS is divided by a goroutine count (issue 3: a parked
# goroutine's cost; Go needs about 2.7 KB each).
PER_GOROUTINE_RSS = {"conc/parked": 1000000}

# Benchmarks whose runs may take a multiple of --timeout. Go itself needs
# 10-30 s for conc/parked on a quiet 2-core VM (page faults on a million fresh
# stacks) and over 100 s under heavy load; Lua needs ~20-60 s for depth 18.
TIMEOUT_SCALE = {"conc/parked": 4, "gc/binary_trees_18": 2}

# Statuses other than "ok". A row's cell shows the status instead of a time.
FAIL, MISMATCH, TIMEOUT, NOREF = "FAIL", "MISMATCH", "TIMEOUT", "NOREF"


@dataclass
class Bench:
    set: str
    name: str  # row name within the set, e.g. "binary_trees_18"
    source: Path  # the .go file
    lua: Optional[Path]  # the Lua twin, if any
    args: List[str]
    env: Dict[str, str]

    @property
    def key(self) -> str:
        return f"{self.set}/{self.name}"

    @property
    def go_binary(self) -> Path:
        return OUT_DIR / f"{self.set}_{self.source.stem}"


@dataclass
class Result:
    status: str = "ok"
    times: List[float] = field(default_factory=list)
    cpu_times: List[float] = field(default_factory=list)
    rss_kb: List[int] = field(default_factory=list)
    error: str = ""
    metric: str = "wall"  # what median reports: "wall" or "cpu" (user+system)

    @property
    def ok(self) -> bool:
        return self.status == "ok" and bool(self.times)

    @property
    def median(self) -> Optional[float]:
        return self.median_cpu if self.metric == "cpu" else self.median_wall

    @property
    def median_wall(self) -> Optional[float]:
        return statistics.median(self.times) if self.times else None

    @property
    def median_cpu(self) -> Optional[float]:
        return statistics.median(self.cpu_times) if self.cpu_times else None

    @property
    def peak_rss_kb(self) -> Optional[int]:
        return max(self.rss_kb) if self.rss_kb else None

    def to_json(self) -> dict:
        return {
            "status": self.status,
            "metric": self.metric,
            "median_s": self.median,
            "median_wall_s": self.median_wall,
            "median_cpu_s": self.median_cpu,
            "times_s": self.times,
            "cpu_s": self.cpu_times,
            "peak_rss_kb": self.peak_rss_kb,
            "error": self.error,
        }


@dataclass
class RunOutcome:
    wall: float
    cpu: float
    rss_kb: int
    exit_code: Optional[int]  # None when killed by a signal
    signal: Optional[int]
    timed_out: bool
    stdout: bytes
    stderr: bytes


def discover() -> List[Bench]:
    benches = []
    for set_name in SETS:
        for src in sorted((BENCH_DIR / set_name).glob("*.go")):
            lua = src.with_suffix(".lua")
            lua = lua if lua.exists() else None
            variants = VARIANTS.get((set_name, src.stem), [(src.stem, [], {})])
            for name, args, env in variants:
                benches.append(Bench(set_name, name, src, lua, list(args), dict(env)))
    return benches


def run_once(cmd: List[str], env: Dict[str, str], timeout: float,
             helper: Optional[Path]) -> RunOutcome:
    """Runs cmd to completion; wall time, CPU time and peak RSS from wait4.

    With the rusage helper (see tools/rusage/main.go) the helper does the
    wait4 so that Python's own RSS does not leak into the child's peak RSS;
    without it Python waits, and small programs show Python's ~17 MB floor.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "rusage.json"
        argv = [str(helper), str(report)] + cmd if helper else cmd
        timed_out = threading.Event()
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=env,
            # Own process group, so a timeout kills the helper, the program
            # and anything it spawned, and nothing else.
            start_new_session=True,
        )

        def kill():
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        # We reaped the child ourselves; tell Popen so it does not try again.
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        exit_code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        cpu = usage.ru_utime + usage.ru_stime
        rss_kb = usage.ru_maxrss  # kilobytes on Linux
        stderr = err.read()
        if helper and report.exists():
            r = json.loads(report.read_text())
            wall, cpu, rss_kb = r["wall_s"], r["user_s"] + r["sys_s"], r["maxrss_kb"]
            exit_code = r["exit"] if r["exit"] >= 0 else None
            sig = r["signal"] or None
            if r.get("error"):
                stderr = r["error"].encode() + b"\n" + stderr
        return RunOutcome(
            wall=wall,
            cpu=cpu,
            rss_kb=rss_kb,
            exit_code=exit_code,
            signal=sig,
            timed_out=timed_out.is_set(),
            stdout=out.read(),
            stderr=stderr,
        )


def build_helper(log) -> Optional[Path]:
    """Builds tools/rusage; None (with a warning) if that fails."""
    OUT_DIR.mkdir(exist_ok=True)
    target = OUT_DIR / "rusage"
    src = BENCH_DIR / "tools" / "rusage" / "main.go"
    proc = subprocess.run(["go", "build", "-o", str(target), str(src)],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=str(src.parent))
    if proc.returncode != 0:
        log(f"warning: cannot build {src}: {first_line(proc.stdout)}; "
            "peak RSS will include Python's own (~17 MB floor)")
        return None
    return target


def first_line(data: bytes) -> str:
    for line in data.decode("utf-8", "replace").splitlines():
        if line.strip():
            return line.strip()[:160]
    return ""


def build_go(benches: List[Bench], results: Dict[str, Dict[str, Result]], metric: str, log) -> None:
    """go build each distinct source once; a failed build fails its rows."""
    OUT_DIR.mkdir(exist_ok=True)
    built = {}
    for b in benches:
        if b.source in built:
            ok, msg = built[b.source]
        else:
            log(f"go build {b.source.relative_to(REPO_DIR)}")
            proc = subprocess.run(
                ["go", "build", "-o", str(b.go_binary), str(b.source)],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                cwd=str(b.source.parent),
            )
            ok, msg = proc.returncode == 0, first_line(proc.stdout)
            built[b.source] = (ok, msg)
        if not ok:
            results[b.key]["go"] = Result(status=FAIL, error=f"go build: {msg}", metric=metric)


def command_for(impl: str, b: Bench, args) -> Optional[List[str]]:
    if impl == "gol":
        fields = {"gol": args.gol, "src": str(b.source)}
        if "{golsrc}" in args.gol_cmd:
            # The same program under a .gol name, for a gol that insists on
            # its own extension.
            copy = OUT_DIR / f"{b.set}_{b.source.stem}.gol"
            shutil.copyfile(b.source, copy)
            fields["golsrc"] = str(copy)
        return [part.format(**fields) for part in shlex.split(args.gol_cmd)] + b.args
    if impl == "go":
        return [str(b.go_binary)] + b.args
    if b.lua is None or shutil.which(impl) is None:
        return None
    return [impl, str(b.lua)] + b.args


def judge(outcome: RunOutcome, reference: Optional[bytes], res: Result, timeout: float) -> None:
    """Updates res with one run: records the time or sets a failure status."""
    if outcome.timed_out:
        res.status, res.error = TIMEOUT, f"killed after the {timeout:g}s timeout"
        return
    if outcome.exit_code != 0:
        how = f"signal {outcome.signal}" if outcome.signal else f"exit {outcome.exit_code}"
        line = first_line(outcome.stderr) or first_line(outcome.stdout)
        res.status, res.error = FAIL, f"{how}: {line}" if line else how
        return
    if reference is not None and outcome.stdout != reference:
        got = outcome.stdout.decode("utf-8", "replace").splitlines()
        want = reference.decode("utf-8", "replace").splitlines()
        detail = "output differs from Go's"
        for i in range(max(len(got), len(want))):
            g = got[i] if i < len(got) else "<missing>"
            w = want[i] if i < len(want) else "<missing>"
            if g != w:
                detail = f"line {i + 1}: got {g[:60]!r}, want {w[:60]!r}"
                break
        res.status, res.error = MISMATCH, detail
        return
    res.times.append(outcome.wall)
    res.cpu_times.append(outcome.cpu)
    res.rss_kb.append(outcome.rss_kb)


def perf_profile(cmd: List[str], env: Dict[str, str], b: Bench, timeout: float,
                 top: int) -> List[str]:
    """One extra gol run under `perf record`; the hottest symbols, or why not.

    Issue 2 asks where gol's time goes; the flat profile answers that for the
    runtime, the collector, maps and strings (the interpreter loop itself is
    one symbol: use `perf annotate` on the saved data for its opcodes).
    """
    if shutil.which("perf") is None:
        return ["perf is not installed"]
    data = OUT_DIR / f"perf_{b.set}_{b.name}.data"
    try:
        rec = subprocess.run(["perf", "record", "-q", "-o", str(data), "--"] + cmd, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             timeout=timeout)
    except subprocess.TimeoutExpired:
        return ["perf record timed out"]
    if rec.returncode != 0 or not data.exists():
        return [f"perf record failed: {first_line(rec.stderr)}"]
    rep = subprocess.run(["perf", "report", "-i", str(data), "--stdio", "--no-children",
                          "--sort", "dso,symbol", "--percent-limit", "1"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    # Some perf versions append empty "-" columns; drop them.
    lines = [re.sub(r"(\s+-)+$", "", ln.rstrip())
             for ln in rep.stdout.decode("utf-8", "replace").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return lines[:top] + [f"(data: {data.relative_to(REPO_DIR)})"]


def run_bench(b: Bench, impls: List[str], args, row: Dict[str, Result], log) -> None:
    timeout = args.timeout * TIMEOUT_SCALE.get(b.key, 1)
    env = dict(os.environ)
    env.update(b.env)
    cmds = {}
    for impl in impls:
        if impl in row:  # already failed (e.g. go build)
            continue
        cmd = command_for(impl, b, args)
        if cmd is None:
            continue  # no twin or interpreter: the cell shows "-"
        row[impl] = Result(metric=args.metric)
        if impl == "gol" and not Path(args.gol).exists():
            row[impl] = Result(status=FAIL, error=f"gol binary not found: {args.gol}",
                               metric=args.metric)
            continue
        cmds[impl] = cmd

    # The reference output comes from Go's first run. Go must be correct; if
    # it fails there is nothing to compare with, and the others are NOREF.
    reference = None
    if "go" in cmds:
        outcome = run_once(cmds["go"], env, timeout, args.helper)
        judge(outcome, None, row["go"], timeout)
        if row["go"].ok:
            reference = outcome.stdout
    for r in range(args.runs):
        for impl, cmd in cmds.items():
            res = row[impl]
            if res.status != "ok":
                continue
            if impl == "go" and r == 0:
                continue  # the reference run above is Go's first timed run
            if reference is None:
                res.status, res.error = NOREF, "no reference output (Go failed)"
                continue
            judge(run_once(cmd, env, timeout, args.helper), reference, res, timeout)
    parts = []
    for impl in impls:
        if impl in row:
            res = row[impl]
            parts.append(f"{impl} {res.median:.3f}s" if res.ok else f"{impl} {res.status}")
    log(f"{b.key}: " + ", ".join(parts))
    if args.perf and "gol" in cmds and row["gol"].ok:
        args.profiles[b.key] = perf_profile(cmds["gol"], env, b, timeout, args.perf_top)


def ratio(row: Dict[str, Result], a: str, b: str) -> Optional[float]:
    ra, rb = row.get(a), row.get(b)
    if ra and rb and ra.ok and rb.ok and rb.median > 0:
        return ra.median / rb.median
    return None


def geomean(values: List[float]) -> Optional[float]:
    values = [v for v in values if v and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fmt_time(res: Optional[Result]) -> str:
    if res is None:
        return "-"
    return f"{res.median:.3f}" if res.ok else res.status


def fmt_ratio(x: Optional[float]) -> str:
    return "-" if x is None else f"{x:.2f}"


def fmt_rss(res: Optional[Result]) -> str:
    if res is None or not res.ok:
        return "-"
    return f"{res.peak_rss_kb / 1024:.0f}"


def print_table(benches, results, impls, out) -> None:
    headers = ["benchmark"] + [f"{i} s" for i in impls]
    ratio_pairs = [("gol", o) for o in impls if o != "gol"] if "gol" in impls else []
    headers += [f"gol/{o}" for _, o in ratio_pairs]
    headers += [f"RSS MB {i}" for i in impls]
    rows = []
    for b in benches:
        row = results[b.key]
        cells = [b.key] + [fmt_time(row.get(i)) for i in impls]
        cells += [fmt_ratio(ratio(row, g, o)) for g, o in ratio_pairs]
        cells += [fmt_rss(row.get(i)) for i in impls]
        rows.append(cells)
    widths = [max(len(r[c]) for r in rows + [headers]) for c in range(len(headers))]

    def line(cells):
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:])]
        return "  ".join([first] + rest)

    print(line(headers), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for r in rows:
        print(line(r), file=out)


def summarize(benches, results) -> dict:
    """Geometric means over the cpu set and the derived per-issue figures."""
    cpu = [results[b.key] for b in benches if b.set == "cpu"]
    summary = {}
    for a, b in [("gol", "lua5.4"), ("gol", "go"), ("gol", "luajit"),
                 ("lua5.4", "go"), ("luajit", "go"), ("luajit", "lua5.4")]:
        values = [ratio(row, a, b) for row in cpu]
        values = [v for v in values if v is not None]
        summary[f"geomean_cpu_{a}/{b}"] = {"value": geomean(values), "count": len(values)}
    speedups = {}
    for slow, fast, target in SPEEDUPS:
        for impl in IMPLS:
            a, b = results.get(slow, {}).get(impl), results.get(fast, {}).get(impl)
            if a and b and a.ok and b.ok and b.median_wall > 0:
                # Always wall time: the point is finishing sooner on 2 cores.
                # CPU time over wall time of the parallel run: near 2 when both
                # goroutines really ran at once, near 1 when they took turns.
                parallelism = b.median_cpu / b.median_wall
                speedups[f"{slow} / {fast} {impl}"] = {
                    "value": a.median_wall / b.median_wall, "target": target,
                    "parallelism": parallelism}
    summary["speedups"] = speedups
    per_g = {}
    for key, count in PER_GOROUTINE_RSS.items():
        for impl, res in results.get(key, {}).items():
            if res.ok:
                per_g[f"{key} {impl}"] = {"kb_per_goroutine": res.peak_rss_kb / count,
                                          "peak_rss_mb": res.peak_rss_kb / 1024}
    summary["rss_per_goroutine"] = per_g
    summary["targets"] = targets(benches, results, summary)
    return summary


def targets(benches, results, summary) -> List[dict]:
    """The issues' numeric targets for gol, for those benchmarks in this run."""
    out = []

    def add(label, value, op, limit):
        met = None if value is None else (value <= limit if op == "<=" else value >= limit)
        out.append({"target": f"{label} {op} {limit:g}", "value": value, "met": met})

    def gol_ratio(key, other):
        return ratio(results[key], "gol", other) if key in results else None

    if any(b.set == "cpu" for b in benches):
        add("issue 2: geomean gol/lua5.4 over cpu", summary["geomean_cpu_gol/lua5.4"]["value"],
            "<=", 1.5)
    for key in ("conc/pingpong", "conc/spawn"):
        if key in results:
            add(f"issue 3: {key} gol/go", gol_ratio(key, "go"), "<=", 2.0)
    if "conc/parked" in results:
        res = results["conc/parked"].get("gol")
        gib = res.peak_rss_kb / 2**20 if res is not None and res.ok else None
        add("issue 3: conc/parked gol peak RSS GiB", gib, "<=", 4.0)
    for slow, fast, limit in SPEEDUPS:
        if slow in results and fast in results:
            s = summary["speedups"].get(f"{slow} / {fast} gol")
            add(f"issue 3: gol {slow} / {fast}", s["value"] if s else None, ">=", limit)
    return out


def print_summary(benches, results, summary, impls, out) -> None:
    print(file=out)
    in_cpu = any(b.set == "cpu" for b in benches)
    if in_cpu:
        print("Geometric means over the cpu set (lower is better for the first name):", file=out)
        for key, v in summary.items():
            if not key.startswith("geomean_cpu_"):
                continue
            a, b = key[len("geomean_cpu_"):].split("/")
            if a not in impls or b not in impls:
                continue
            value = "n/a" if v["value"] is None else f"{v['value']:.2f}"
            print(f"  {a}/{b}: {value}  ({v['count']} benchmarks)", file=out)
    for key, v in summary["speedups"].items():
        verdict = "meets" if v["value"] >= v["target"] else "below"
        print(f"Speedup {key}: {v['value']:.2f}x ({verdict} target {v['target']}x; "
              f"cpu/wall of the parallel run {v['parallelism']:.2f})", file=out)
    for key, v in summary["rss_per_goroutine"].items():
        print(f"Peak RSS {key}: {v['peak_rss_mb']:.0f} MB = {v['kb_per_goroutine']:.2f} KB per goroutine",
              file=out)
    if summary["targets"]:
        print("Targets for gol:", file=out)
        for t in summary["targets"]:
            verdict = {None: "n/a (gol not timed)", True: "met", False: "MISSED"}[t["met"]]
            value = "" if t["value"] is None else f"{t['value']:.2f}: "
            print(f"  {t['target']}: {value}{verdict}", file=out)
    problems = []
    for b in benches:
        for impl in impls:
            res = results[b.key].get(impl)
            if res is not None and not res.ok:
                problems.append(f"  {b.key} {impl}: {res.status}: {res.error}")
    if problems:
        print("Not timed:", file=out)
        for p in problems:
            print(p, file=out)


def compare_baseline(path: Path, base: dict, results, threshold: float, metric: str, out) -> int:
    """Prints regressions against a stored --json file; returns their count."""
    old = {r["name"]: r["impls"] for r in base.get("results", [])}
    metrics = {i.get("metric", "wall") for r in old.values() for i in r.values()}
    if metrics - {metric}:
        print(f"warning: baseline {path} was measured with --metric {'/'.join(sorted(metrics))}, "
              f"this run with --metric {metric}", file=out)
    regressions = 0
    lines = []
    for key, row in results.items():
        for impl, res in row.items():
            prev = old.get(key, {}).get(impl)
            if not res.ok or not prev or prev.get("status") != "ok" or not prev.get("median_s"):
                continue
            change = res.median / prev["median_s"] - 1.0
            if change > threshold:
                regressions += 1
                lines.append(f"  REGRESSION {key} {impl}: {prev['median_s']:.3f}s -> "
                             f"{res.median:.3f}s (+{change * 100:.0f}%)")
            elif change < -threshold:
                lines.append(f"  improved   {key} {impl}: {prev['median_s']:.3f}s -> "
                             f"{res.median:.3f}s ({change * 100:.0f}%)")
    print(file=out)
    print(f"Against baseline {path} (threshold {threshold * 100:.0f}%): "
          f"{regressions} regression(s)", file=out)
    for line in lines:
        print(line, file=out)
    return regressions


def tool_version(cmd: List[str]) -> str:
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=10)
        return first_line(p.stdout)
    except (OSError, subprocess.SubprocessError):
        return ""


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--gol", default=str(REPO_DIR / "build" / "gol"),
                   help="gol executable (default: build/gol in the repository)")
    p.add_argument("--gol-cmd", default="{gol} run {src}",
                   help="how to run a benchmark under gol: {gol} is the executable, {src} the .go "
                        "file, {golsrc} a copy of it named .gol (default: '{gol} run {src}')")
    p.add_argument("--runs", type=int, default=3, help="timed runs per implementation (default 3)")
    p.add_argument("--set", choices=SETS + ("all",), default="all", help="which benchmarks")
    p.add_argument("--only", metavar="REGEX", help="only benchmarks whose set/name matches")
    p.add_argument("--impls", default=",".join(IMPLS),
                   help=f"comma-separated implementations (default {','.join(IMPLS)})")
    p.add_argument("--metric", choices=("wall", "cpu"), default="wall",
                   help="time shown and compared: wall clock (default) or user+system CPU time, "
                        "steadier on a loaded machine for single-threaded benchmarks")
    p.add_argument("--timeout", type=float, default=120.0,
                   help="seconds per run (default 120; conc/parked gets 4x, "
                        "gc/binary_trees_18 2x)")
    p.add_argument("--json", metavar="FILE", help="write all results as JSON")
    p.add_argument("--baseline", metavar="FILE", help="compare with a JSON file from --json")
    p.add_argument("--threshold", type=float, default=10.0,
                   help="regression threshold in percent for --baseline (default 10)")
    p.add_argument("--fail-on-regression", action="store_true",
                   help="exit with status 3 when --baseline finds a regression")
    p.add_argument("--perf", action="store_true",
                   help="after timing, run gol once more under perf record and print its "
                        "hottest symbols per benchmark")
    p.add_argument("--perf-top", type=int, default=12, metavar="N",
                   help="symbols shown per benchmark with --perf (default 12)")
    p.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = p.parse_args(argv)

    impls = [i.strip() for i in args.impls.split(",") if i.strip()]
    unknown = [i for i in impls if i not in IMPLS]
    if unknown:
        p.error(f"unknown implementation(s): {', '.join(unknown)}")
    if "go" not in impls:
        p.error("go is the reference implementation and cannot be left out")
    if args.runs < 1:
        p.error("--runs must be at least 1")
    if shutil.which("go") is None:
        p.error("the go toolchain is required (it builds the reference binaries)")

    benches = discover()
    if args.set != "all":
        benches = [b for b in benches if b.set == args.set]
    if args.only:
        rx = re.compile(args.only)
        benches = [b for b in benches if rx.search(b.key)]
    if args.list:
        for b in benches:
            extra = " ".join(b.args + [f"{k}={v}" for k, v in b.env.items()])
            twin = "lua" if b.lua else "   "
            print(f"{b.key:28} {twin} {extra}")
        return 0
    if not benches:
        p.error("no benchmark matches")
    args.gol = str(Path(args.gol).resolve()) if Path(args.gol).exists() else args.gol

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    baseline = None
    if args.baseline:
        try:
            baseline = json.loads(Path(args.baseline).read_text())
        except (OSError, ValueError) as e:
            p.error(f"cannot read --baseline {args.baseline}: {e}")

    args.profiles = {}
    results: Dict[str, Dict[str, Result]] = {b.key: {} for b in benches}
    started = time.time()
    args.helper = build_helper(log)
    build_go(benches, results, args.metric, log)
    for i, b in enumerate(benches, 1):
        log(f"[{i}/{len(benches)}] {b.key}")
        run_bench(b, impls, args, results[b.key], log)
    summary = summarize(benches, results)
    if args.json:
        # Written before anything is printed, so a closed stdout cannot lose it.
        write_json(Path(args.json), args, benches, results, summary)

    # Columns only for implementations that have a cell somewhere (no Lua
    # columns for the conc set, which has no twins).
    shown = [i for i in impls if any(i in results[b.key] for b in benches)]
    print()
    print_table(benches, results, shown, sys.stdout)
    print_summary(benches, results, summary, shown, sys.stdout)
    for key, lines in args.profiles.items():
        print(f"\nWhere gol's time goes in {key} (perf, self time):")
        for line in lines:
            print(f"  {line}")
    what = "CPU time (user+system)" if args.metric == "cpu" else "wall time"
    print(f"\n{args.runs} run(s) each, median {what} in seconds; total {time.time() - started:.0f}s")

    if baseline is not None:
        regressions = compare_baseline(Path(args.baseline), baseline, results,
                                       args.threshold / 100, args.metric, sys.stdout)
        if regressions and args.fail_on_regression:
            return 3
    return 0


def write_json(path: Path, args, benches, results, summary) -> None:
    doc = {
        "meta": {
            "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "host": platform.node(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg(),
            "runs": args.runs,
            "metric": args.metric,
            "gol": args.gol,
            "versions": {
                "gol": tool_version([args.gol, "version"]) if Path(args.gol).exists() else "",
                "go": tool_version(["go", "version"]),
                "lua5.4": tool_version(["lua5.4", "-v"]) if shutil.which("lua5.4") else "",
                "luajit": tool_version(["luajit", "-v"]) if shutil.which("luajit") else "",
            },
        },
        "results": [
            {"name": b.key, "set": b.set, "args": b.args, "env": b.env,
             "impls": {k: v.to_json() for k, v in results[b.key].items()}}
            for b in benches
        ],
        "summary": summary,
    }
    path.write_text(json.dumps(doc, indent=2) + "\n")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Stop-the-world pause percentiles of gol's collector (concurrent and stop-the-world modes) and
of Go, on bench/gc/pauses.go with a given live heap.

Each run prints one gctrace line per cycle (GOLDEBUG=gctrace=1 for gol, GODEBUG=gctrace=1 for
Go), `gc N @Ts P%: a+b+c ms clock, ...`, where a is the pause that starts marking and c the pause
that ends it (gol's stop-the-world mode has one pause per cycle, a). This script collects every
pause and prints count, p50, p99 and max, the live heap the program built (measured with
runtime.ReadMemStats by the program itself), the largest heap seen, wall and CPU time, and the
load average before and after (the machine is shared: pauses are time to reach a safepoint as
much as work). For gol it also runs with GOLDEBUG=gcpauses=1 and prints each kind of pause split
into stop (every P reaching a safepoint), work (the collector with the world stopped) and
restart.

    python3 bench/gc/pauses.py --gol build/gol --mb 1024 [--turnover 3] [--modes concurrent,stw,go]
"""

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIVE = re.compile(r"^pauses: \d+ records of \d+ bytes, live heap (\d+) MiB")
LINE = re.compile(r"^gc (\d+) @[\d.]+s \d+%: ([\d.]+)\+([\d.]+)\+([\d.]+) ms clock, .*?(\d+)->(\d+)->(\d+) MB")


def pct(xs, p):
    if not xs:
        return 0.0
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * (len(xs) - 1) + 0.5))]


def run(cmd, env):
    t0 = time.time()
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.time() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime)
    if p.returncode != 0:
        sys.exit(f"{cmd[0]} failed ({p.returncode}): {p.stderr[-2000:]}")
    pauses, heap, cycles, live, parts = [], 0, 0, 0, []
    for line in p.stderr.splitlines():
        lm = LIVE.match(line)
        if lm:
            live = int(lm.group(1))
        if line.startswith("gc pauses: ") and "(p50/p99/max ms)" in line:
            parts.append(line[len("gc pauses: "):])
        m = LINE.match(line)
        if not m:
            continue
        cycles += 1
        a, c = float(m.group(2)), float(m.group(4))
        pauses.append(a)
        if float(m.group(3)) > 0 or c > 0:
            pauses.append(c)
        heap = max(heap, int(m.group(5)), int(m.group(6)))
    return p.stdout.strip(), pauses, cycles, live, heap, wall, cpu, parts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gol", default=str(HERE.parent.parent / "build" / "gol"))
    ap.add_argument("--mb", type=int, default=256, help="live heap in MiB")
    ap.add_argument("--turnover", type=int, default=3, help="times the live heap is replaced")
    ap.add_argument("--modes", default="concurrent,stw,go")
    args = ap.parse_args()
    src = HERE / "pauses.go"
    print(f"live heap {args.mb} MiB, turnover {args.turnover}; pauses in ms; "
          f"load average {os.getloadavg()[0]:.1f} at the start")
    print(f"{'mode':<11} {'cycles':>6} {'pauses':>6} {'p50':>8} {'p99':>8} {'max':>8} {'live MB':>8} "
          f"{'max MB':>8} {'wall s':>7} {'cpu s':>7} {'load':>5}")
    breakdown = []
    for mode in args.modes.split(","):
        env = dict(os.environ)
        if mode == "go":
            out_bin = Path(tempfile.gettempdir()) / "gol_bench_pauses"
            subprocess.run(["go", "build", "-o", str(out_bin), str(src)], check=True)
            cmd = [str(out_bin), str(args.mb), str(args.turnover)]
            env["GODEBUG"] = "gctrace=1"
        else:
            cmd = [args.gol, "run", str(src), str(args.mb), str(args.turnover)]
            env["GOLDEBUG"] = "gctrace=1,gcpauses=1" + (",gcconcurrent=0" if mode == "stw" else "")
        out, pauses, cycles, live, heap, wall, cpu, parts = run(cmd, env)
        print(f"{mode:<11} {cycles:>6} {len(pauses):>6} {pct(pauses, .5):>8.3f} {pct(pauses, .99):>8.3f} "
              f"{max(pauses, default=0):>8.3f} {live:>8} {heap:>8} {wall:>7.1f} {cpu:>7.1f} "
              f"{os.getloadavg()[0]:>5.1f}   ({out})", flush=True)
        breakdown += [f"  {mode}: {p}" for p in parts]
    if breakdown:
        print("gol's pauses by kind, total = stop + work + restart (GOLDEBUG=gcpauses=1):")
        print("\n".join(breakdown))


if __name__ == "__main__":
    main()

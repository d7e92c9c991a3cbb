#!/usr/bin/env python3
"""Stop-the-world pause percentiles of gol's collector (concurrent and stop-the-world modes) and
of Go, on bench/gc/pauses.go with a given live heap.

Each run prints one gctrace line per cycle (GOLDEBUG=gctrace=1 for gol, GODEBUG=gctrace=1 for
Go), `gc N @Ts P%: a+b+c ms clock, ...`, where a is the pause that starts marking and c the pause
that ends it (gol's stop-the-world mode has one pause per cycle, a). This script collects every
pause and prints count, p50, p99 and max, the largest heap seen, wall time and peak RSS.

    python3 bench/gc/pauses.py --gol build/gol --mb 1024 [--modes concurrent,stw,go]
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
LINE = re.compile(r"^gc (\d+) @[\d.]+s \d+%: ([\d.]+)\+([\d.]+)\+([\d.]+) ms clock, .*?(\d+)->(\d+)->(\d+) MB")


def pct(xs, p):
    if not xs:
        return 0.0
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * (len(xs) - 1) + 0.5))]


def run(cmd, env):
    t0 = time.time()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.time() - t0
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if p.returncode != 0:
        sys.exit(f"{cmd[0]} failed ({p.returncode}): {p.stderr[-2000:]}")
    pauses, heap, cycles = [], 0, 0
    for line in p.stderr.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        cycles += 1
        a, c = float(m.group(2)), float(m.group(4))
        pauses.append(a)
        if float(m.group(3)) > 0 or c > 0:
            pauses.append(c)
        heap = max(heap, int(m.group(5)), int(m.group(6)))
    return p.stdout.strip(), pauses, cycles, heap, wall, max(rss, before)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gol", default=str(HERE.parent.parent / "build" / "gol"))
    ap.add_argument("--mb", type=int, default=256, help="live heap in MiB")
    ap.add_argument("--modes", default="concurrent,stw,go")
    args = ap.parse_args()
    src = HERE / "pauses.go"
    print(f"live heap {args.mb} MiB; pauses in ms")
    print(f"{'mode':<11} {'cycles':>6} {'pauses':>6} {'p50':>8} {'p99':>8} {'max':>8} {'heap MB':>8} {'wall s':>7}")
    for mode in args.modes.split(","):
        env = dict(os.environ)
        if mode == "go":
            out_bin = Path(tempfile.gettempdir()) / "gol_bench_pauses"
            subprocess.run(["go", "build", "-o", str(out_bin), str(src)], check=True)
            cmd = [str(out_bin), str(args.mb)]
            env["GODEBUG"] = "gctrace=1"
        else:
            cmd = [args.gol, "run", str(src), str(args.mb)]
            env["GOLDEBUG"] = "gctrace=1" + (",gcconcurrent=0" if mode == "stw" else "")
        out, pauses, cycles, heap, wall, _ = run(cmd, env)
        print(f"{mode:<11} {cycles:>6} {len(pauses):>6} {pct(pauses, .5):>8.3f} {pct(pauses, .99):>8.3f} "
              f"{max(pauses, default=0):>8.3f} {heap:>8} {wall:>7.1f}   ({out})")


if __name__ == "__main__":
    main()

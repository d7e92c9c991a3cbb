#!/usr/bin/env python3
"""Run a command and print its resident set size (VmRSS) every --every seconds, then the peak.

For the steady-state benchmark, whose RSS must stay flat while it runs (docs/gc.md):

    python3 bench/tools/rss_over_time.py -- build/gol bench/gc/steady_state.go 10000000
    python3 bench/tools/rss_over_time.py -- bench/out/gc_steady_state 10000000

Linux only (reads /proc/PID/status). The command's stdout is discarded.
"""

import argparse
import subprocess
import time


def rss_mb(pid: int):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--every", type=float, default=2.0, help="seconds between samples (default 2)")
    ap.add_argument("cmd", nargs="+", help="the command (after --)")
    a = ap.parse_args()
    start = time.monotonic()
    proc = subprocess.Popen(a.cmd, stdout=subprocess.DEVNULL)
    samples = []
    while proc.poll() is None:
        r = rss_mb(proc.pid)
        if r is not None:
            samples.append((time.monotonic() - start, r))
            print(f"{samples[-1][0]:6.1f}s {r:7.1f} MB", flush=True)
        time.sleep(a.every)
    if samples:
        print(f"peak {max(r for _, r in samples):.1f} MB over {samples[-1][0]:.0f}s; exit status {proc.returncode}")
    return proc.returncode


if __name__ == "__main__":
    raise SystemExit(main())

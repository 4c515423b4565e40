#!/usr/bin/env python3
"""Runs a command and writes `WALL USER SYS MAXRSS_KB` to OUT: seconds to the microsecond (GNU time
prints hundredths, too coarse for a 3-secondary setup's 40 ms of CPU), and the largest resident
set of the command or any process it waited for. Standard streams pass through; the exit code is
the command's.

    measure.py OUT COMMAND [ARG...]
"""
import resource
import subprocess
import sys
import time

out, command = sys.argv[1], sys.argv[2:]
started = time.perf_counter()
code = subprocess.call(command)
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out, "w") as handle:
    handle.write(f"{wall:.6f} {usage.ru_utime:.6f} {usage.ru_stime:.6f} {usage.ru_maxrss}\n")
sys.exit(code)

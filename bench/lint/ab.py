#!/usr/bin/env python3
"""Interleaved A/B timing of whole commands, for changes smaller than the noise of a shared machine.

    bench/lint/ab.py RUNS 'COMMAND A' 'COMMAND B' [...]

Each round runs every command once, in turn, so drift in machine load hits them alike (hyperfine runs all of
one command first). Prints, per command, the median / 25th percentile / minimum wall time and the median CPU
(user + system) in ms. Commands are split on spaces (no shell); output goes to /dev/null.
"""
import os
import resource
import statistics
import subprocess
import sys
import time

runs = int(sys.argv[1])
commands = sys.argv[2:]
wall = [[] for _ in commands]
cpu = [[] for _ in commands]
with open(os.devnull, "w") as devnull:
    for command in commands:  # warm-up: page cache, binaries
        for _ in range(3):
            subprocess.run(command.split(), stdout=devnull, stderr=devnull)
    for _ in range(runs):
        for k, command in enumerate(commands):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command.split(), stdout=devnull, stderr=devnull)
            wall[k].append((time.perf_counter() - start) * 1000)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[k].append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
for k, command in enumerate(commands):
    times = sorted(wall[k])
    print(f"median {statistics.median(times):6.1f} ms  p25 {times[len(times) // 4]:6.1f}  min {times[0]:6.1f}"
          f"  cpu {statistics.median(cpu[k]):6.1f} ms  :: {command[:80]}")

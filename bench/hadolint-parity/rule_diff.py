#!/usr/bin/env python3
"""Findings per rule and severity of two berth builds over the same Dockerfiles, and the rules whose counts differ.

Usage: rule_diff.py "BERTH_BEFORE" "BERTH_AFTER" PATH...
  e.g. rule_diff.py "dotnet /tmp/old/berth.dll" "dotnet tests/Berth.Tests/bin/Debug/net10.0/berth.dll" bench/corpus
"""
import collections
import json
import shlex
import subprocess
import sys


def counts(berth, paths):
    result = subprocess.run(shlex.split(berth) + ["lint", "--format", "json", "--fail-on", "error"] + paths, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit(f"{berth} exited {result.returncode}: {result.stderr.strip()[:2000]}")
    return collections.Counter((f["rule"], f["severity"]) for f in json.loads(result.stdout)["findings"])


def main():
    before_cmd, after_cmd, *paths = sys.argv[1:]
    before, after = counts(before_cmd, paths), counts(after_cmd, paths)
    print(f"findings: {sum(before.values())} -> {sum(after.values())}")
    print("| rule | severity | before | after |")
    print("|---|---|---|---|")
    for key in sorted(set(before) | set(after)):
        if before[key] != after[key]:
            print(f"| {key[0]} | {key[1]} | {before[key]} | {after[key]} |")


if __name__ == "__main__":
    main()

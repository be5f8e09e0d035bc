#!/usr/bin/env python3
"""CPU of each thread (by id) whose name starts with PREFIX between two docs/perf/thread-cpu.py snapshots.

Usage: thread-by-id.py BEFORE.json AFTER.json [PREFIX]     (PREFIX: smallrye by default)
"""
import json, sys

before, after = (json.load(open(path)) for path in sys.argv[1:3])
prefix = sys.argv[3] if len(sys.argv) > 3 else "smallrye"
wall = after["wall"][1] - before["wall"][1]
for tid, (name, ticks) in after.items():
    if tid in ("wall", "process") or not name.startswith(prefix):
        continue
    spent = (ticks - before.get(tid, [name, 0])[1]) / 100  # clock ticks of 10 ms
    print(f"{tid} {name} {spent:.2f} s = {1000 * spent / wall:.1f} ms/s")
print(f"wall {wall:.1f} s")

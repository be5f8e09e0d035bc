#!/usr/bin/env python3
"""CPU per thread of a running process, from /proc (the JIT and GC threads included, which JFR's samples miss).

Usage: docs/perf/thread-cpu.py PID OUT.json        (a snapshot of every thread's CPU ticks)
       docs/perf/thread-cpu.py BEFORE.json AFTER.json   (CPU seconds between two snapshots, by thread name with
                                                      digits folded: "alerter-match-N", "C2 CompilerThreadN")
"""
import collections, json, os, re, sys


def snapshot(pid):
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            name = open(f"/proc/{pid}/task/{tid}/comm").read().strip()
            stat = open(f"/proc/{pid}/task/{tid}/stat").read()
        except OSError:
            continue  # the thread ended meanwhile
        fields = stat[stat.rindex(")") + 2:].split()
        threads[tid] = [name, int(fields[11]) + int(fields[12])]  # utime + stime
    return threads


def main():
    if sys.argv[1].isdigit():
        with open(sys.argv[2], "w") as out:
            json.dump(snapshot(sys.argv[1]), out)
        return
    before, after = (json.load(open(path)) for path in sys.argv[1:3])
    hz = os.sysconf("SC_CLK_TCK")
    groups = collections.Counter()
    for tid, (name, ticks) in after.items():
        groups[re.sub(r"\d+", "N", name)] += ticks - before.get(tid, [name, 0])[1]
    total = sum(groups.values())
    print(f"total {total / hz:.1f} CPU-s")
    for name, ticks in groups.most_common():
        if ticks:
            print(f"{100 * ticks / max(total, 1):6.1f}%  {ticks / hz:7.2f} s  {name}")


if __name__ == "__main__":
    main()

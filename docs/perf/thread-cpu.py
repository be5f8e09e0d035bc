#!/usr/bin/env python3
"""CPU per thread of a running process, from /proc (the JIT and GC threads included, which JFR's samples miss).

Usage: docs/perf/thread-cpu.py PID OUT.json        (a snapshot of every thread's CPU ticks)
       docs/perf/thread-cpu.py BEFORE.json AFTER.json   (CPU seconds between two snapshots, by thread name with
                                                      digits folded: "alerter-match-N", "C2 CompilerThreadN";
                                                      "(threads ended meanwhile)": the process's CPU that no
                                                      thread alive at the second snapshot accounts for)
"""
import collections, json, os, re, sys, time


def ticks(stat):
    fields = stat[stat.rindex(")") + 2:].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def snapshot(pid):
    # the process's own counters include its threads that have ended (a thread per task: their CPU is gone from
    # /proc/PID/task by the second snapshot)
    threads = {"process": ["(process)", ticks(open(f"/proc/{pid}/stat").read())], "wall": ["(wall)", time.time()]}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            name = open(f"/proc/{pid}/task/{tid}/comm").read().strip()
            stat = open(f"/proc/{pid}/task/{tid}/stat").read()
        except OSError:
            continue  # the thread ended meanwhile
        threads[tid] = [name, ticks(stat)]
    return threads


def main():
    if sys.argv[1].isdigit():
        with open(sys.argv[2], "w") as out:
            json.dump(snapshot(sys.argv[1]), out)
        return
    before, after = (json.load(open(path)) for path in sys.argv[1:3])
    hz = os.sysconf("SC_CLK_TCK")
    groups = collections.Counter()
    process = [snap.pop("process", None) for snap in (before, after)]
    wall = [snap.pop("wall", None) for snap in (before, after)]
    for tid, (name, count) in after.items():
        groups[re.sub(r"\d+", "N", name)] += count - before.get(tid, [name, 0])[1]
    if None not in process:
        groups["(threads ended meanwhile)"] = process[1][1] - process[0][1] - sum(groups.values())
    total = sum(groups.values())
    seconds = wall[1][1] - wall[0][1] if None not in wall else None
    print(f"total {total / hz:.1f} CPU-s" + (f" in {seconds:.1f} s ({1000 * total / hz / seconds:.0f} ms per s)" if seconds else ""))
    for name, count in groups.most_common():
        if count:
            print(f"{100 * count / max(total, 1):6.1f}%  {count / hz:7.2f} s  {name}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""CPU a running process spends per thread name over a window, from /proc (Linux).

usage: python3 docs/perf/thread-cpu.py PID SECONDS
Threads of one pool (data-plane-kafka-request-handler-0..7) are summed under their name without the number.
"""
import os
import sys
import time

TICK_MS = 1000 / os.sysconf('SC_CLK_TCK')


def snapshot(pid):
    threads = {}
    for tid in os.listdir(f'/proc/{pid}/task'):
        try:
            stat = open(f'/proc/{pid}/task/{tid}/stat').read()
        except OSError:
            continue  # the thread ended meanwhile
        name = stat[stat.index('(') + 1:stat.rindex(')')]
        fields = stat[stat.rindex(')') + 2:].split()
        threads[tid] = (name, int(fields[11]) + int(fields[12]))  # utime + stime
    return threads


def main():
    pid, seconds = sys.argv[1], float(sys.argv[2])
    before = snapshot(pid)
    time.sleep(seconds)
    after = snapshot(pid)
    by_name = {}
    for tid, (name, ticks) in after.items():
        pool = name.rstrip('0123456789#-')
        by_name[pool] = by_name.get(pool, 0) + ticks - before.get(tid, (name, 0))[1]
    total = sum(by_name.values()) * TICK_MS
    print(f'total {total:.0f} ms of CPU in {seconds:.0f} s ({total / seconds:.1f} ms a second)')
    for pool, ticks in sorted(by_name.items(), key=lambda item: -item[1]):
        if ticks:
            print(f'{ticks * TICK_MS:8.0f} ms  {pool}')


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Share of samples whose stack holds a frame containing each pattern, and the threads' shares, of a collapsed
profile (docs/perf/fold.py's output).

Usage: docs/perf/poller-session9/shares.py FILE.collapsed.gz PATTERN...
"""
import collections, gzip, sys

stacks = [(l.rsplit(" ", 1)[0].split(";"), int(l.rsplit(" ", 1)[1])) for l in gzip.open(sys.argv[1], "rt")]
total = sum(n for _, n in stacks)
for pattern in sys.argv[2:]:
    count = sum(n for frames, n in stacks if any(pattern in f for f in frames))
    print(f"{100 * count / total:5.1f}%  {pattern}")
threads = collections.Counter()
for frames, n in stacks:
    threads[frames[0]] += n
print("threads:", ", ".join(f"{t} {100 * n / total:.1f}%" for t, n in threads.most_common(6)), f"({total} samples)")

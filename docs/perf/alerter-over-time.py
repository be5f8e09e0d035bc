#!/usr/bin/env python3
"""Per sampling interval of docs/perf/alerter-over-time.sh: articles, process CPU ms per article, the share of each
thread group (JIT compilers, matching, the batch thread, GC, Kafka clients, topic tables), code cache used, C2 queue.
Usage: docs/perf/alerter-over-time.py OUT-DIR"""
import json, os, re, sys, collections
d = sys.argv[1]
hz = os.sysconf("SC_CLK_TCK")
rows = [l.split() for l in open(f"{d}/samples.txt")]
def groups(i):
    snap = json.load(open(f"{d}/t-{i}.json"))
    return snap
def cc(i):
    try:
        t = open(f"{d}/cc-{i}.txt").read()
    except OSError:
        return ""
    m = re.search(r"CodeCache: size=\d+Kb,? used=(\d+)Kb", t); used = int(m.group(1)) if m else 0
    return f"{used/1024:.0f}MB"
def q(i):
    try:
        t = open(f"{d}/q-{i}.txt").read()
    except OSError:
        return ""
    return str(len(re.findall(r"^\s*\d+\s+\d+", t, re.M)))
print("t(s)  articles  load  ms/art  art/s   JIT%  match%  exec%  GC%  kafka%  tables%  other%  codecache  queue")
for k in range(1, len(rows)):
    i0, t0, n0, _ = rows[k-1]; i1, t1, n1, load = rows[k]
    a, b = groups(i0), groups(i1)
    g = collections.Counter()
    for tid, (name, ticks) in b.items():
        g[re.sub(r"\d+", "N", name)] += ticks - a.get(tid, [name, 0])[1]
    tot = sum(g.values()) / hz
    def share(pred):
        return 100 * sum(v for k_, v in g.items() if pred(k_)) / hz / max(tot, 1e-9)
    jit = share(lambda n: "Compiler" in n)
    match = share(lambda n: n.startswith("alerter-match"))
    ex = share(lambda n: n.startswith("executor"))
    gc = share(lambda n: n.startswith("G") and ("Conc" in n or "GC" in n or "Refine" in n or "Service" in n) or n.startswith("GC"))
    kafka = share(lambda n: n.startswith("smallrye-kafka") or n.startswith("kafka-"))
    tables = share(lambda n: n.startswith("table-"))
    n = int(n1) - int(n0); dt = int(t1) - int(t0)
    other = 100 - jit - match - ex - gc - kafka - tables
    print(f"{int(t1)-int(rows[0][1]):4d}  {int(n1):7d}  {float(load):5.1f}  {1000*tot/max(n,1):6.2f}  {n/dt:5.0f}  {jit:5.1f}  {match:5.1f}  {ex:5.1f}  {gc:4.1f}  {kafka:5.1f}  {tables:5.1f}  {other:5.1f}  {cc(i1):>8}  {q(i1)}")

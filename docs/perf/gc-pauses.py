#!/usr/bin/env python3
"""Which JVM pauses land on the alert path of a `./newswatch bench` run, from its JSON report and the GC logs that
NEWSWATCH_GC_LOG=on makes (libs/local-stack GcLog: .newswatch/logs/gc/<process>-<start>.log, the JDK's unified
logging with utctime; the bench's own process writes bench-<start>.log there too).

For each process, over the bench's measured window: its safepoints (every stop of the application threads: the
collections' pauses and the rest), count, total, p99 and longest, the longest time to reach a safepoint, the
collections' pauses by kind, and the collector threads' CPU against wall time (Real well above User+Sys: the
collector waited for a core). Then the alerts: each webhook alert of the window is split into its hops (the report's
`webhookHopsEach`), each hop runs in some processes (poll: the poller and the bench's feeds; raw -> enriched: the
enricher and Kafka; enriched -> alert: the alerter and Kafka; delivery: the alerter and the bench's webhook), and a
process' stops that overlap its hops are counted against that alert. Printed for all alerts and for the slowest
ones (at or above the run's p99, and over 500 ms).

Usage: docs/perf/gc-pauses.py .newswatch/bench/RUN.json [GC_LOG_DIR...]
       (GC_LOG_DIR defaults to the report's ../logs/gc; add Elasticsearch's logs folder, where its own gc.log is,
       to see it too: .newswatch/logs/elasticsearch, or as root /var/lib/newswatch/stacks/<stack>/logs)
"""
import glob, json, os, re, statistics, sys
from datetime import datetime, timezone

LINE = re.compile(r"^\[(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+)([+-]\d{4})\]\[[^]]*\]\[(\w+)\s*\]\[([^]]*)\] (.*)$")
SAFEPOINT = re.compile(r'Safepoint "([^"]+)".*?Reaching safepoint: (\d+) ns.*?Total: (\d+) ns')
PAUSE = re.compile(r"GC\(\d+\) (Pause [A-Za-z ]+?(?: ?\([^)]*\))*) [\d.]+[KMG]->.*? ([\d.]+)ms$")
PAUSE_BARE = re.compile(r"GC\(\d+\) (Pause \w+(?: \w+)?).*? ([\d.]+)ms$")
CPU = re.compile(r"User=([\d.]+)s Sys=([\d.]+)s Real=([\d.]+)s")
STARTED = re.compile(r"-(\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d)\.log(\.\d+)?$")

# which processes each hop of poll -> webhook runs through (BenchReport.HOPS' order)
HOPS = [("poll -> raw", ["feed-poller", "bench"]), ("raw -> enriched", ["enricher", "kafka"]),
        ("enriched -> alert", ["alerter", "kafka"]), ("alert -> webhook", ["alerter", "bench"])]


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def process_of(path, run):
    if os.path.basename(path).startswith("gc.log"):
        return "elasticsearch"  # its own jvm.options' log, in its logs folder
    name = STARTED.sub("", os.path.basename(path))
    return name[len(run) + 1:] if name.startswith(run + "-") else name


def parse(path):
    stops, pauses, cpu = [], [], []
    with open(path, errors="replace") as f:
        for line in f:
            m = LINE.match(line.rstrip("\n"))
            if not m:
                continue
            stamp, zone, _level, tags, message = m.groups()
            at = datetime.strptime(stamp + zone, "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
            tags = tags.strip()
            if tags == "safepoint":
                s = SAFEPOINT.search(message)
                if s:
                    total = int(s.group(3)) / 1e6
                    stops.append((at - total / 1000, at, total, int(s.group(2)) / 1e6, s.group(1)))
            elif tags == "gc":
                p = PAUSE.search(message) or PAUSE_BARE.search(message)
                if p and message.split(") ", 1)[-1].startswith("Pause"):
                    kind = p.group(1).strip()  # "Pause Young (Normal) (G1 Evacuation Pause)" -> "Young (Normal)"
                    kind = kind[6:kind.index(")") + 1] if kind.startswith("Pause Young (") else " ".join(kind.split()[1:2])
                    pauses.append((at, kind, float(p.group(2))))
            elif tags == "gc,cpu":
                c = CPU.search(message)
                if c:
                    cpu.append((at, float(c.group(1)) + float(c.group(2)), float(c.group(3))))
    return stops, pauses, cpu


def pct(values, q):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    report = json.load(open(sys.argv[1]))
    run = report["run"]
    start, end = instant(report["window"]["from"]), instant(report["window"]["to"])
    dirs = sys.argv[2:] or [os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), "..", "logs", "gc")]
    processes = {}
    for d in dirs:
        for path in sorted(glob.glob(os.path.join(d, "*.log*"))):
            stops, pauses, cpu = parse(path)
            if not stops or stops[-1][1] < start or stops[0][0] > end + 30:
                continue  # another run's
            name = process_of(path, run)
            entry = processes.setdefault(name, ([], [], []))
            for into, items in zip(entry, (stops, pauses, cpu)):
                into.extend(items)
    if not processes:
        sys.exit(f"no GC log covers {run}'s window in {dirs} (was it run with NEWSWATCH_GC_LOG=on?)")

    seconds = end - start
    # articles each process handled in the window, as docs/perf/per-article.py counts them
    rates = {k: float(v) if v == "NaN" else v for k, v in report["articlesPerSecond"].items()}
    stage = {"feed-poller": "poller", "enricher": "enricher", "indexer": "indexer", "alerter": "alerter",
             "kafka": "indexer", "elasticsearch": "indexer", "bench": "offered"}
    measured = report["window"]["seconds"]
    print(f"{run}: window {report['window']['from']} .. {report['window']['to']} ({seconds:.0f} s), "
          f"load {report['machine']['loadBefore'].split()[0]} / {report['machine']['loadAfter'].split()[0]}")
    print()
    print("| process | stops | per 1,000 articles | stopped ms (% of window) | stop p50 / p99 / max ms | reach max ms "
          "| GC pauses by kind: count, max ms | GC CPU s / wall s | GC CPU ms per article |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, (stops, pauses, cpu) in sorted(processes.items()):
        w = [s for s in stops if s[1] >= start and s[0] <= end]
        totals = [s[2] for s in w]
        kinds = {}
        for at, kind, ms in pauses:
            if start <= at <= end:
                count, longest = kinds.get(kind, (0, 0.0))
                kinds[kind] = (count + 1, max(longest, ms))
        told = "; ".join(f"{k} {c}, {m:.0f}" for k, (c, m) in sorted(kinds.items(), key=lambda kv: -kv[1][0]))
        c = [x for x in cpu if start <= x[0] <= end]
        articles = rates.get(stage.get(name, ""), float("nan")) * measured
        ok = articles == articles and articles > 0
        print(f"| {name} | {len(w)} | {1000 * len(w) / articles if ok else float('nan'):.1f} | "
              f"{sum(totals):.0f} ({100 * sum(totals) / 1000 / seconds:.1f}%) | "
              f"{pct(totals, 0.5):.1f} / {pct(totals, 0.99):.0f} / {max(totals, default=0):.0f} | "
              f"{max((s[3] for s in w), default=0):.0f} | {told or '-'} | "
              f"{sum(x[1] for x in c):.2f} / {sum(x[2] for x in c):.2f} | "
              f"{1000 * sum(x[1] for x in c) / articles if ok else float('nan'):.3f} |")

    rows = report["latencyMs"].get("webhookHopsEach", {}).get("rows", [])
    if not rows:
        return
    alerts = []
    for row in rows:
        at = start + row[0] / 1000
        bounds, t = [], at
        for hop in row[1:5]:
            bounds.append((t, t + max(0.0, hop) / 1000))
            t += max(0.0, hop) / 1000
        overlap = {}
        for i, (lo, hi) in enumerate(bounds):
            for name in HOPS[i][1]:
                if name not in processes:
                    continue
                for s in processes[name][0]:
                    if s[1] > lo and s[0] < hi:
                        key = (name, HOPS[i][0])
                        overlap[key] = overlap.get(key, 0.0) + (min(hi, s[1]) - max(lo, s[0])) * 1000
        alerts.append((sum(row[1:5]), overlap))
    p99 = pct([a[0] for a in alerts], 0.99)
    print()
    print(f"webhook alerts in the window: {len(alerts)}; poll -> webhook (sum of hops) p50 "
          f"{pct([a[0] for a in alerts], 0.5):.0f} ms, p99 {p99:.0f} ms")
    keys = sorted({k for _, o in alerts for k in o})
    groups = [("all", alerts), (f">= p99 ({p99:.0f} ms)", [a for a in alerts if a[0] >= p99]),
              ("> 500 ms", [a for a in alerts if a[0] > 500])]
    print("| stops of process in hop | " + " | ".join(f"{g} ({len(a)}): share hit, mean ms" for g, a in groups) + " |")
    print("|---|" + "---|" * len(groups))
    for key in keys:
        cells = []
        for _, group in groups:
            hit = [a[1][key] for a in group if key in a[1]]
            cells.append(f"{100 * len(hit) / len(group):.0f}%, {statistics.mean(hit):.0f}" if hit and group
                         else "0%" if group else "-")
        print(f"| {key[0]} in {key[1]} | " + " | ".join(cells) + " |")
    slow = sorted(alerts, key=lambda a: -a[0])[:5]
    print()
    print("slowest alerts: total ms, then the stops that overlap their hops (process in hop: ms)")
    for total, overlap in slow:
        told = ", ".join(f"{n} in {h}: {ms:.0f}" for (n, h), ms in sorted(overlap.items(), key=lambda kv: -kv[1]))
        print(f"  {total:6.0f}  {told or 'no stop overlaps'}")


if __name__ == "__main__":
    main()

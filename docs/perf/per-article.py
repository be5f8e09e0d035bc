#!/usr/bin/env python3
"""CPU ms per article per process from `./newswatch bench` JSON reports (.newswatch/bench/RUN.json): each stage's
process divided by the articles that stage handled in the window; Kafka and Elasticsearch per indexed article (as
issue 14 counts them); the sum; and how loaded the machine was. Reports that calibrated the bench's searchable probe
(since 2026-12-06) give Elasticsearch without the probe's requests ("ES" then excludes them; "probe" is their share);
older reports include the probe in "ES". The stories are the enricher's, counted in the run's articles index, as
"stories (median / largest articles per story)".

Usage: docs/perf/per-article.py .newswatch/bench/RUN.json...
"""
import json, sys

STAGES = [("feed-poller", "poller"), ("enricher", "enricher"), ("indexer", "indexer"), ("alerter", "alerter"),
          ("kafka", "indexer"), ("elasticsearch", "indexer")]

print("| run | load before / after | poller | enricher | indexer | alerter | Kafka | ES | probe | total | matched "
      "| alerts/article | stories |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for path in sys.argv[1:]:
    r = json.load(open(path))
    seconds = r["window"]["seconds"]
    # a stage whose counter was not read in the window is "NaN" in the report
    rates = {k: float(v) if v == "NaN" else v for k, v in r["articlesPerSecond"].items()}
    cells, total = [], 0.0
    probe_cpu = (r.get("searchProbe") or {}).get("elasticsearchCpuSecondsInWindow")
    for process, stage in STAGES:
        cpu = r["processes"][process]["cpuSeconds"]
        if process == "elasticsearch" and probe_cpu is not None:
            cpu -= probe_cpu
        articles = rates[stage] * seconds
        ms = 1000 * cpu / articles if articles and articles == articles else float("nan")
        total += ms
        cells.append(f"{ms:.2f}")
    indexed = rates["indexer"] * seconds
    cells.append(f"{1000 * probe_cpu / indexed:.2f}" if probe_cpu is not None and indexed and indexed == indexed
                 else "in ES")
    matched = rates.get("alerter: matched")
    share = f"{100 * matched / rates['alerter']:.0f}%" if matched is not None and rates["alerter"] else "?"
    load = r["machine"]["loadBefore"].split()[0] + " / " + r["machine"]["loadAfter"].split()[0]
    stories = (r.get("stories") or {}).get("indexed")
    told = f"{stories['stories']:,} ({stories['median']} / {stories['max']})" if stories else "?"
    print(f"| {r['run']} ({r['options']['rate']}/s, {r['options']['rules']} rules) | {load} | " + " | ".join(cells)
          + f" | {total:.1f} | {share} | {rates['alerts raised'] / rates['alerter']:.2f} | {told} |")

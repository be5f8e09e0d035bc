#!/usr/bin/env bash
# docs/perf/poller-alone/run.sh with the poller's CPU by thread over the window (JIT and GC threads included,
# which JFR's samples miss): PollerAlone takes docs/perf/thread-cpu.py snapshots of the process it started (its
# pid, not a search by name: pgrep found nothing in sessions 9 and 14) at the window's start and end.
# RATE 0: no new article, the feeds unchanged (the poller's idle).
# Usage: docs/perf/poller-session9/poller-alone-threads.sh APP-DIR LABEL RATE [JFR-FILE]
#        (snapshots in /tmp/LABEL.t0.json and /tmp/LABEL.t1.json; [WARMUP=30] [WINDOW=60])
set -euo pipefail
cd "$(dirname "$0")/../../.."
app="$1"; label="$2"; rate="$3"; jfr="${4:-}"
THREADS="/tmp/$label" exec docs/perf/poller-alone/run.sh "$app" "$label" "${WARMUP:-30}" "${WINDOW:-60}" "$rate" $jfr

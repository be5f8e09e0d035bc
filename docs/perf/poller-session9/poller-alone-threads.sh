#!/usr/bin/env bash
# docs/perf/poller-alone/run.sh with the poller's CPU by thread over the window (JIT and GC threads included,
# which JFR's samples miss): docs/perf/thread-cpu.py snapshots 30 s after the poller is ready and 60 s later.
# (Session 9's runs did not get the thread snapshots: the poller's pid was not found; fixed after them, untested.)
# Usage: docs/perf/poller-session9/poller-alone-threads.sh APP-DIR LABEL RATE [JFR-FILE]   (results in /tmp/LABEL.*)
set -euo pipefail
cd "$(dirname "$0")/../../.."
app="$1"; label="$2"; rate="$3"; jfr="${4:-}"
(
  until curl -sf localhost:18481/q/health/ready >/dev/null; do sleep 0.5; done
  pid=$(pgrep -n -f -- "$app/quarkus-run.jar" || true)
  sleep 30; docs/perf/thread-cpu.py "$pid" "/tmp/$label.t0.json"
  sleep 60; docs/perf/thread-cpu.py "$pid" "/tmp/$label.t1.json"
) &
docs/perf/poller-alone/run.sh "$app" "$label" 30 60 "$rate" $jfr 2>&1 | grep "^$label"
wait
docs/perf/thread-cpu.py "/tmp/$label.t0.json" "/tmp/$label.t1.json" | head -12

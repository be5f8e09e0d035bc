#!/bin/bash
# consumer-threads.sh OUT PATTERN: snapshots (docs/perf/thread-cpu.py) of every process whose command line matches
# PATTERN (e.g. 'quarkus-app/quarkus-run.jar' of the IndexerCostBenchmark's builds) every 5 s while it runs, as
# OUT/PID-N.json. Compare two with: python3 thread-by-id.py OUT/PID-004.json OUT/PID-012.json smallrye
# (ms of CPU per second of each thread id; the channel of each smallrye-kafka-consumer-thread-N is in the line
# SRMSG18257 the indexer logs at start, and `jcmd PID Thread.print` gives each thread name's nid = thread id).
out=$1; pattern=$2; here=$(dirname "$0"); mkdir -p "$out"
declare -A n
while true; do
  for pid in $(pgrep -f "$pattern"); do
    i=${n[$pid]:-0}; n[$pid]=$((i+1))
    python3 "$here/../thread-cpu.py" "$pid" "$out/$pid-$(printf %03d "$i").json" 2>/dev/null
  done
  sleep 5
done

#!/usr/bin/env bash
# Profiles a `./newswatch bench` run with JFR (built into the JDK; async-profiler is not served by this machine's
# Maven mirror): once the bench prints its "publishing" line, waits out the warm-up, then records every service
# process (and Kafka and Elasticsearch) for the measured window with `jcmd PID JFR.start settings=profile`.
# Usage: docs/perf/profile-bench.sh OUT-DIR [bench flags...]   (the bench's own output goes to OUT-DIR/bench.txt)
# Then: docs/perf/fold.py OUT-DIR/*.jfr   (collapsed stacks, one file per process, for any flame graph viewer)
set -euo pipefail
out="$1"; shift
mkdir -p "$out"
out=$(cd "$out" && pwd)
jdk=$(ls -d /usr/lib/jvm/*25* | head -1)
warmup=30; seconds=60
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in --warmup) warmup="${args[i+1]}" ;; --seconds) seconds="${args[i+1]}" ;; esac
done
./newswatch bench "$@" > "$out/bench.txt" 2>&1 &
bench=$!
until grep -q '^publishing' "$out/bench.txt" 2>/dev/null; do
  kill -0 $bench 2>/dev/null || { cat "$out/bench.txt"; exit 1; }
  sleep 1
done
sleep "$warmup"
run=$(grep -o 'benchmark bench-[0-9-]*' "$out/bench.txt" | head -1 | cut -d' ' -f2)
for pidfile in .newswatch/run/"$run"-*.pid .newswatch/run/kafka*.pid .newswatch/run/elasticsearch*.pid; do
  [ -f "$pidfile" ] || continue
  name=$(basename "$pidfile" .pid); name=${name#"$run"-}
  "$jdk/bin/jcmd" "$(cut -d" " -f1 "$pidfile")" JFR.start name=perf settings=profile duration="${seconds}s" \
    filename="$out/$name.jfr" > /dev/null || echo "no JFR for $name"
done
wait $bench

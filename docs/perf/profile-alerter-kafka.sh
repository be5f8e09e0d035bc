#!/usr/bin/env bash
# Profiles the alerter alone through Kafka (services/alerter -Pbench-kafka: the packaged service works through a
# backlog of generated articles): once it has matched START articles, records it with JFR for SECONDS and takes the
# CPU of each of its threads before and after (docs/perf/thread-cpu.py: the JIT and GC, which JFR's samples miss).
# Usage: docs/perf/profile-alerter-kafka.sh OUT-DIR [START [SECONDS [BENCH ARGS...]]]   (defaults: 2500 40 10000 5000 log)
# Then: docs/perf/fold.py OUT-DIR/alerter.jfr   (NO_JFR=1: the thread CPU only)
# With a 7th bench argument (idle seconds), the alerter's threads are measured again while it has no articles after
# the run (threads-idle.txt): what it spends per second whatever the rate.
set -euo pipefail
out=$(mkdir -p "$1" && cd "$1" && pwd); start="${2:-2500}"; seconds="${3:-40}"; shift $(( $# < 3 ? $# : 3 ))
args="${*:-10000 5000 log}"
jdk=$(ls -d /usr/lib/jvm/*25* | head -1)
here=$(cd "$(dirname "$0")" && pwd)
source "$here/alerter-kafka-start.sh"
start_alerter_bench "$out" "$args"
# fetch requests of the articles consumer so far (Kafka's client metrics)
fetches() { curl -s "localhost:$port/q/metrics" | awk '/^kafka_consumer_fetch_manager_fetch_total\{client_id="kafka-consumer-articles"/ {print int($2)}'; }
until [ "$(articles)" -ge "$start" ]; do kill -0 $bench 2>/dev/null || exit 1; sleep 1; done
n0=$(articles)
[ "${NO_JFR:-}" = 1 ] || "$jdk/bin/jcmd" "$pid" JFR.start name=perf settings=profile duration="${seconds}s" \
  filename="$out/alerter.jfr" > /dev/null
"$here/thread-cpu.py" "$pid" "$out/threads-0.json"
f0=$(fetches)
load0=$(cut -d' ' -f1 /proc/loadavg)
sleep "$seconds"
"$here/thread-cpu.py" "$pid" "$out/threads-1.json"
n1=$(articles)
{ echo "articles $((n1 - n0)) in ${seconds} s from article $n0, load $load0 to $(cut -d' ' -f1 /proc/loadavg); $(( $(fetches) - f0 )) fetches of articles"
  "$here/thread-cpu.py" "$out/threads-0.json" "$out/threads-1.json"; } > "$out/threads.txt"
idle=$(echo "$args" | awk '{print $7}')
if [ -n "$idle" ] && [ "$idle" -gt 3 ]; then
  until grep -q '^idle from' "$out/bench.txt"; do kill -0 $bench 2>/dev/null || break; sleep 1; done
  "$here/thread-cpu.py" "$pid" "$out/threads-idle-0.json"
  sleep $((idle - 3))
  "$here/thread-cpu.py" "$pid" "$out/threads-idle-1.json"
  { echo "idle, no articles: $((idle - 3)) s, load $(cut -d' ' -f1 /proc/loadavg)"
    "$here/thread-cpu.py" "$out/threads-idle-0.json" "$out/threads-idle-1.json"; } > "$out/threads-idle.txt"
fi
wait $bench
cat "$out/threads.txt" "$out/bench.txt"
[ ! -f "$out/threads-idle.txt" ] || cat "$out/threads-idle.txt"

#!/usr/bin/env bash
# The alerter alone through Kafka (services/alerter -Pbench-kafka) over time: every INTERVAL s, every thread's CPU
# (docs/perf/thread-cpu.py), the articles matched, the code cache and C2's queue (jcmd); the JIT's compilations and
# uncommon traps go to OUT-DIR/jit.log. Run from the repository root; then docs/perf/alerter-over-time.py OUT-DIR.
# Usage: docs/perf/alerter-over-time.sh OUT-DIR INTERVAL BENCH-ARGS...   (e.g. /tmp/run 30 10000 40000 log)
set -uo pipefail
out=$(mkdir -p "$1" && cd "$1" && pwd); interval=$2; shift 2
args="$*"
jdk=$(ls -d /usr/lib/jvm/*25* | head -1)
here=$(cd "$(dirname "$0")" && pwd)
rm -f .newswatch/run/alerter-bench-*.pid
BENCH_ALERTER_JAVA_TOOL_OPTIONS="${JTO:-} -Xlog:codecache=info,deoptimization=debug,jit+compilation=debug:file=$out/jit.log:uptime" \
  ./mvnw -q -o -pl services/alerter -Pbench-kafka test-compile exec:exec -Dbench.args="$args" > "$out/bench.txt" 2>&1 &
bench=$!
pid=""
until [ -n "$pid" ]; do
  kill -0 $bench 2>/dev/null || { cat "$out/bench.txt"; exit 1; }
  f=$(ls .newswatch/run/alerter-bench-*.pid 2>/dev/null | head -1 || true)
  [ -n "$f" ] && pid=$(cut -d' ' -f1 "$f")
  sleep 2
done
echo "pid $pid" > "$out/pid"
port=""
until [ -n "$port" ]; do
  port=$(ss -ltnpH 2>/dev/null | grep "pid=$pid," | awk '{print $4}' | sed 's/.*://' | sort -n | tail -1 || true)
  sleep 2
done
articles() { curl -s "localhost:$port/q/metrics" | awk '/^alerter_articles_total/ {n = int($2)} END {print n + 0}'; }
i=0
while kill -0 $pid 2>/dev/null; do
  n=$(articles); t=$(date +%s)
  python3 "$here/thread-cpu.py" "$pid" "$out/t-$i.json" 2>/dev/null || break
  echo "$i $t $n $(cut -d' ' -f1 /proc/loadavg)" >> "$out/samples.txt"
  "$jdk/bin/jcmd" "$pid" Compiler.codecache > "$out/cc-$i.txt" 2>&1
  "$jdk/bin/jcmd" "$pid" Compiler.queue > "$out/q-$i.txt" 2>&1
  i=$((i+1))
  sleep "$interval"
done
wait $bench
cat "$out/bench.txt"

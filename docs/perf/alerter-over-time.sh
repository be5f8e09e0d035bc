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
export BENCH_ALERTER_JAVA_TOOL_OPTIONS="${JTO:-} -Xlog:codecache=info,deoptimization=debug,jit+compilation=debug:file=$out/jit.log:uptime"
source "$here/alerter-kafka-start.sh"
start_alerter_bench "$out" "$args"
echo "pid $pid" > "$out/pid"
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

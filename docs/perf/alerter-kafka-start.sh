# Sourced by docs/perf/profile-alerter-kafka.sh and alerter-over-time.sh: starts the alerter alone through Kafka
# (services/alerter -Pbench-kafka) in the background and waits for its process and HTTP port.
# Usage: start_alerter_bench OUT-DIR BENCH-ARGS   (BENCH_ALERTER_JAVA_TOOL_OPTIONS, if set, goes to the alerter)
# Sets: bench (the Maven process), pid (the alerter's), port (its HTTP port); defines articles (matched so far).
start_alerter_bench() {
  local out=$1 args=$2 f
  rm -f .newswatch/run/alerter-bench-*.pid
  ./mvnw -q -o -pl services/alerter -Pbench-kafka test-compile exec:exec -Dbench.args="$args" > "$out/bench.txt" 2>&1 &
  bench=$!
  pid=""
  until [ -n "$pid" ]; do
    kill -0 $bench 2>/dev/null || { cat "$out/bench.txt"; exit 1; }
    f=$(ls .newswatch/run/alerter-bench-*.pid 2>/dev/null | head -1 || true)
    [ -n "$f" ] && pid=$(cut -d' ' -f1 "$f")
    sleep 2
  done
  port=""
  until [ -n "$port" ]; do
    port=$(ss -ltnpH 2>/dev/null | grep "pid=$pid," | awk '{print $4}' | sed 's/.*://' | sort -n | tail -1 || true)
    sleep 2
  done
}

articles() { curl -s "localhost:$port/q/metrics" | awk '/^alerter_articles_total/ {n = int($2)} END {print n + 0}'; }

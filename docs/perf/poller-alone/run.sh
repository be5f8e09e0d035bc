#!/usr/bin/env bash
# The packaged feed-poller alone against the local stack's Kafka, fed as ./newswatch bench feeds it (50 feeds on 6
# loopback hosts, 30 items each, article pages, polled every second), without the other stages (backpressure off):
# CPU of the poller process per article published. Two builds side by side in the same minutes, e.g. main's in a
# second worktree and yours: alternate them and compare.
# Usage (after ./mvnw install -DskipTests and ./newswatch stack up):
#   [POLL_INTERVAL=PT1S] docs/perf/poller-alone/run.sh QUARKUS-APP-DIR LABEL [WARMUP-S WINDOW-S RATE [JFR-FILE]]
set -euo pipefail
cd "$(dirname "$0")/../../.."
jdk=$(ls -d /usr/lib/jvm/*25* | head -1)
cp_file=$(mktemp)
./mvnw -q -o dependency:build-classpath -pl end-to-end -Dmdep.outputFile="$cp_file" >/dev/null
out=$(mktemp -d)
"$jdk/bin/javac" -d "$out" -cp "$(cat "$cp_file"):end-to-end/target/classes" docs/perf/poller-alone/PollerAlone.java
"$jdk/bin/java" -Xmx512m -Dnewswatch.home="$PWD" -cp "$out:$(cat "$cp_file"):end-to-end/target/classes" \
  io.newswatch.bench.PollerAlone "$1" "$2" "${3:-30}" "${4:-60}" "${5:-30}" ${6:+"$6"}

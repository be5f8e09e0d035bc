#!/usr/bin/env bash
# The packaged enricher alone against the local stack's Kafka, fed the bench corpus (seed 42) at a steady rate as the
# poller publishes it, without the other stages: CPU of the enricher process per article enriched over the window,
# by thread. Two builds side by side in the same minutes (main's quarkus-app copied aside, and yours): alternate them.
# Usage (after ./mvnw install -DskipTests and ./newswatch stack up):
#   docs/perf/enricher-alone/run.sh QUARKUS-APP-DIR LABEL [WARMUP-S WINDOW-S RATE [JFR-FILE]]
#   (ENRICHER_JAVA_OPTS: extra JVM options for the enricher; ENRICHER_ALONE_PORT: its HTTP port, default 18482)
set -euo pipefail
cd "$(dirname "$0")/../../.."
jdk=$(ls -d /usr/lib/jvm/*25* | head -1)
cp_file=$(mktemp)
./mvnw -q -o dependency:build-classpath -pl end-to-end -Dmdep.outputFile="$cp_file" >/dev/null
out=$(mktemp -d)
"$jdk/bin/javac" -d "$out" -cp "$(cat "$cp_file"):end-to-end/target/classes" docs/perf/enricher-alone/EnricherAlone.java
"$jdk/bin/java" -Xmx512m -Dnewswatch.home="$PWD" -cp "$out:$(cat "$cp_file"):end-to-end/target/classes" \
  io.newswatch.bench.EnricherAlone "$1" "$2" "${3:-30}" "${4:-60}" "${5:-100}" ${6:+"$6"}

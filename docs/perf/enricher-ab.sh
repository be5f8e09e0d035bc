#!/usr/bin/env bash
# A/B of libs/tagging builds in one JVM (see EnricherAB.java). Usage, from the repository root after
# `./mvnw -pl services/enricher test-compile`:
#   docs/perf/enricher-ab.sh BATCH ROUNDS DETECT(true|false) CLASSES-DIR-A CLASSES-DIR-B
#   (a DIR may be TAGGING-CLASSES,TEXT-FOLDING-CLASSES to swap libs/text-folding too)
# e.g. copy main's libs/tagging/target/classes to /tmp/a and yours to /tmp/b, then: docs/perf/enricher-ab.sh 300 20 false /tmp/a /tmp/b
set -euo pipefail
cp=$(mktemp)
./mvnw -q -B -o -pl services/enricher dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" > /dev/null
java=$(ls -d /usr/lib/jvm/*25* | head -1)/bin/java
echo "$(date -u +%T) $(uptime | sed 's/.*load/load/')"
"$java" -Xmx2g -XX:+UseParallelGC docs/perf/EnricherAB.java "$cp" services/enricher/target "$@"
echo "$(date -u +%T) $(uptime | sed 's/.*load/load/')"
rm -f "$cp"

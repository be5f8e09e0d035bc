#!/bin/bash
# The enricher's own story clustering (StoryClusterer, with its tagging and shipped knowledge base) over the first N
# articles of the bench corpus (seed 42): stories found against stories written. No Kafka, no ports.
# Needs a package build (./mvnw -q -B package -DskipTests: the enricher's quarkus-app, libs/tagging's test jar, the
# end-to-end classes). Usage: docs/perf/bench-stories/run.sh [N]   (default 3000)
# Or the clusterer's CPU per assignment against open stories (ClusterCost.java; tokenizing only, no tagging):
#        docs/perf/bench-stories/run.sh cost 1000,10000,20000,50000 1000 [churn]
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* | head -1)}
app=services/enricher/target/quarkus-app
cp="end-to-end/target/classes:$app/app/*:$app/lib/main/*:$(ls libs/tagging/target/newswatch-tagging-*-tests.jar)"
out=$(mktemp -d)
if [ "${1:-}" = cost ]; then
  shift
  "$JAVA_HOME/bin/javac" -d "$out" -cp "$cp" docs/perf/bench-stories/ClusterCost.java
  "$JAVA_HOME/bin/java" -Xmx2g -cp "$out:$cp" ClusterCost "$@"
else
  "$JAVA_HOME/bin/javac" -d "$out" -cp "$cp" docs/perf/bench-stories/RealClusters.java
  "$JAVA_HOME/bin/java" -cp "$out:$cp" RealClusters "${1:-3000}"
fi
rm -rf "$out"

#!/usr/bin/env bash
# ArticleExtractor alone, warm, one thread, thread CPU per page: 500 pages shaped as ./newswatch bench serves them
# (CorpusGenerator seed 42), each packaged poller given, alternated twice. Optional JFR of each run: JFR=DIR.
# Usage (after ./mvnw install -DskipTests): docs/perf/poller-session9/extract-bench.sh APP-DIR... [-- PAGES-DIR]
set -euo pipefail
cd "$(dirname "$0")/../../.."
jdk=$(ls -d /usr/lib/jvm/*25* | head -1)
work=$(mktemp -d)
./mvnw -q -o dependency:build-classpath -pl end-to-end -Dmdep.outputFile="$work/cp" >/dev/null
apps=(); pages=""
while [ $# -gt 0 ]; do if [ "$1" = "--" ]; then pages="$2"; break; fi; apps+=("$1"); shift; done
if [ -z "$pages" ]; then
  pages="$work/pages"; mkdir -p "$pages"
  "$jdk/bin/javac" -d "$work/gen" -cp "$(cat "$work/cp"):end-to-end/target/classes" docs/perf/poller-session9/bench/GenPages.java
  "$jdk/bin/java" -cp "$work/gen:$(cat "$work/cp"):end-to-end/target/classes" GenPages "$pages"
fi
for round in 1 2; do
  for app in "${apps[@]}"; do
    cp="$app/app/*:$app/lib/main/*:$app/lib/boot/*"
    mkdir -p "$work/eb"; "$jdk/bin/javac" -d "$work/eb" -cp "$cp" docs/perf/poller-session9/bench/ExtractBench.java
    "$jdk/bin/java" -Xmx512m -XX:+UseG1GC ${JFR:+-XX:StartFlightRecording=settings=profile,filename=$JFR/$(basename "$app")-$round.jfr} \
      -cp "$work/eb:$cp" ExtractBench "$pages" 20 | sed "s|^|$app |"
  done
done
uptime

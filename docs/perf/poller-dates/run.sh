#!/usr/bin/env bash
# Feed parsing before/after: main's FeedParser and ItemDates compiled over this build's classes (old) against this
# build (new), alternated; and the same ParsedFeed output on every feed under a folder (e.g. ../shared/corpora).
# Usage (after ./mvnw -pl services/feed-poller test-compile): docs/perf/poller-dates/run.sh FEED.xml FOLDER [REF]
set -euo pipefail
cd "$(dirname "$0")/../../.."
jdk=$(ls -d /usr/lib/jvm/*25* | head -1)
out=$(mktemp -d)
classes=services/feed-poller/target/classes
./mvnw -q -o dependency:build-classpath -pl services/feed-poller -Dmdep.outputFile="$out/cp" >/dev/null
cp="$classes:$(cat "$out/cp")"
mkdir -p "$out/old-src"
for f in FeedParser ItemDates; do git show "${3:-main}:services/feed-poller/src/main/java/io/newswatch/poller/parse/$f.java" > "$out/old-src/$f.java"; done
"$jdk/bin/javac" -nowarn -d "$out/old" -cp "$cp" "$out"/old-src/*.java
"$jdk/bin/javac" -d "$out/tools" -cp "$cp" docs/perf/poller-dates/*.java
for v in old new; do
  extra=$([ $v = old ] && echo "$out/old:" || true)
  "$jdk/bin/java" -cp "$extra$out/tools:$cp" io.newswatch.poller.parse.Dump "$2" 1 > "$out/$v.txt" 2>/dev/null
done
cmp "$out/old.txt" "$out/new.txt" && echo "same ParsedFeed on $(wc -l < "$out/new.txt") files"
for i in 1 2 3; do for v in old new; do
  extra=$([ $v = old ] && echo "$out/old:" || true)
  echo "$v: $("$jdk/bin/java" -cp "$extra$out/tools:$cp" io.newswatch.poller.parse.ParseBench "$1" 2000 6 | tail -1)"
done; done

#!/usr/bin/env bash
# The extraction of every page in the given directories, by a packaged poller (SameExtraction.java): run it with
# two builds and compare the lines (same SHA-256 = every ExtractedPage field the same).
# Usage: docs/perf/poller-session16/same-extraction.sh APP-DIR PAGES-DIR...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jdk=$(ls -d /usr/lib/jvm/*25* | head -1)
app="$1"; shift
cp="$app/app/*:$app/lib/main/*:$app/lib/boot/*"
out=$(mktemp -d)
"$jdk/bin/javac" -d "$out" -cp "$cp" "$here/SameExtraction.java"
"$jdk/bin/java" -Xmx512m -cp "$out:$cp" SameExtraction "$@"
rm -rf "$out"

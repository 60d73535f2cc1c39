#!/usr/bin/env bash
# The first thing a new user runs: installs what is missing, builds (Release), indexes corpus/
# into build-release/demo.db and runs a few example queries.
# Usage: scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build-release Release >/dev/null
bin=build-release
db=$bin/demo.db

run() {
  echo
  echo "\$ $*"
  "$@" || true   # exit status 1 just means "no hits"
}

echo "== Indexing corpus/ into $db"
# A fresh demo database each time: one left by an older version may have another schema.
rm -rf "$db"
run "$bin/indexer/newsidx-index" --db "$db" corpus
echo
echo "== Example queries"
run "$bin/query/newsidx-query" --db "$db" 'russia ukraine'
run "$bin/query/newsidx-query" --db "$db" '"state department"' --limit 3
run "$bin/query/newsidx-query" --db "$db" --count 'sanctions OR strike'
run "$bin/query/newsidx-query" --db "$db" --country UA --limit 3
run "$bin/query/newsidx-query" --db "$db" --speaker klobuchar --limit 3
run "$bin/query/newsidx-query" --db "$db" --json --limit 1 'blinken'
echo
echo "Try your own: $bin/query/newsidx-query --db $db 'QUERY'   (--help lists every option)"

#!/usr/bin/env bash
# Instructions each query of the benchmark's Reuters set costs newsidx-query, process start
# included, counted by callgrind: repeatable whatever else the machine runs, so two builds can be
# compared on a loaded machine. Indexes QB_CORPUS (default /tmp/reuters-sgm: the Reuters .sgm
# files unpacked) into DB_DIR first when DB_DIR does not exist.
# Usage: scripts/query-instructions.sh BUILD_DIR DB_DIR
set -euo pipefail
b=$1; db=$2
[ -d "$db" ] || "$b/indexer/newsidx-index" -q --db "$db" "${QB_CORPUS:-/tmp/reuters-sgm}" >/dev/null || [ $? -eq 1 ]
q="$b/query/newsidx-query"
run() {
  local name=$1; shift
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$q" --db "$db" "$@" >/dev/null 2>/tmp/cg.err || true
  ins=$(grep -o 'Collected : [0-9]*' /tmp/cg.err | awk '{print $3}')
  printf '%-40s %8.1fM\n' "$name" "$(echo "$ins/1000000" | bc -l)"
}
run "oil prices" "oil prices"
run "central bank interest rates" "central bank interest rates"
run '"interest rates"' '"interest rates"'
run "oil country:us" "oil country:us"
run "oil --facets person,country" oil --facets person,country
run "oil --timeline" oil --timeline
run "oil --count" oil --count

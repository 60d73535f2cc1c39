#!/usr/bin/env bash
# Near-duplicate copies (issue 20): pair recall and precision of the indexer's story clusters on
# a test archive of BBC stories and syndicated copies of them edited as outlets edit them, the
# 98 byte-identical groups of the BBC set, and the clusters of Reuters-21578 with a sample to
# check by hand. The corpora are unpacked to a temporary folder, never into the repository.
# Usage: scripts/eval-copies.sh [BUILD_DIR] [SEED]   (seed 1: the half used to set thresholds,
# seed 2: the other half, reported). `scripts/eval_copies.py tune EXTRACT.jsonl [TRUTH]` scores
# the copy test's thresholds on --extract-only fingerprints (how they were chosen; QUALITY.md).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-release}
seed=${2:-2}
corpora=../shared/corpora
[ -f "$corpora/bbc/bbc-fulltext.tar.gz" ] || { echo "eval-copies: $corpora/bbc is absent; nothing to measure" >&2; exit 0; }
[ -x "$build/indexer/newsidx-index" ] || scripts/build.sh "$build" Release >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
tar -xzf "$corpora/bbc/bbc-fulltext.tar.gz" -C "$tmp"
python3 scripts/eval_copies.py generate "$tmp/bbc" "$tmp/archive" "$seed" > "$tmp/truth.tsv"
labels() {  # every article's id and story label, through the query tool, relative to folder $2 if given
  "$build/query/newsidx-query" --db "$1" --no-collapse --json --limit 1000000 '' \
    | python3 -c 'import json,os,sys
root = os.path.realpath(sys.argv[1]) + "/" if sys.argv[1] else ""
rel = lambda i: i[len(root):] if root and i.startswith(root) else i
for l in sys.stdin:
    j = json.loads(l)
    if j["type"] == "article": print(rel(j["id"]), rel(j["cluster"]) if j["copies"] else "", j["title"], sep="\t")' "${2:-}"
}
"$build/indexer/newsidx-index" -q --db "$tmp/gen.db" "$tmp/archive" 2>/dev/null || true
labels "$tmp/gen.db" "$tmp/archive" > "$tmp/gen.tsv"
python3 scripts/eval_copies.py score "$tmp/truth.tsv" "$tmp/gen.tsv" "$tmp/archive"
"$build/indexer/newsidx-index" -q --db "$tmp/bbc.db" "$tmp/bbc" 2>/dev/null || true
labels "$tmp/bbc.db" "$tmp/bbc" > "$tmp/bbc.tsv"
python3 scripts/eval_copies.py identical "$corpora/bbc/DUPLICATES.txt" "$tmp/bbc.tsv"
if [ -d "$corpora/reuters21578" ]; then
  mkdir -p "$tmp/reuters"
  for f in "$corpora"/reuters21578/reut2-*.sgm*; do
    case $f in *.gz) gzip -dc "$f" > "$tmp/reuters/$(basename "${f%.gz}")" ;; *) cp "$f" "$tmp/reuters/" ;; esac
  done
  "$build/indexer/newsidx-index" -q --db "$tmp/reuters.db" "$tmp/reuters" 2>/dev/null || true
  labels "$tmp/reuters.db" > "$tmp/reuters.tsv"  # absolute ids: the sample asks --copies
  # Sample seed 0 was the first attempt's hand check; 1 is a fresh sample of this rule's clusters.
  python3 scripts/eval_copies.py sample "$tmp/reuters.tsv" "$tmp/reuters.db" "$build" 50 "${SAMPLE_SEED:-1}"
fi

#!/usr/bin/env bash
# Country facet quality against the editorial <PLACES> tags of Reuters-21578 (TRAIN split of the
# ModApte/Lewis split): document-level precision, recall and F1 of `facets.country` from
# `newsidx-index --extract-only`. Usage: scripts/eval-countries.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-release}
corpora=../shared/corpora/reuters21578
[ -d "$corpora" ] || { echo "eval-countries: $corpora is absent; nothing to measure" >&2; exit 0; }
[ -x "$build/indexer/newsidx-index" ] || scripts/build.sh "$build" Release >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in "$corpora"/reut2-*.sgm.gz; do gzip -dc "$f" > "$tmp/$(basename "${f%.gz}")"; done
"$build/indexer/newsidx-index" -q --extract-only "$tmp" > "$tmp/extract.jsonl" 2>/dev/null || true
"$build/tools/newsidx-reuters-places" "$tmp" > "$tmp/gold.tsv"
python3 scripts/eval_countries.py "$tmp/gold.tsv" "$tmp/extract.jsonl"

#!/usr/bin/env bash
# Entity extraction quality on CoNLL-2003 dev (eng.testa): rebuilds each document as text (one
# sentence a line, tokens joined by spaces) in a JSON Lines file, runs the real
# `newsidx-index --extract-only` on it, maps the mentions' byte offsets back to tokens and
# scores exact spans for PER, LOC and ORG. Usage: scripts/eval-ner.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-release}
data=../shared/corpora/conll2003/eng.testa.gz
[ -f "$data" ] || { echo "eval-ner: $data is absent; nothing to measure" >&2; exit 0; }
[ -x "$build/indexer/newsidx-index" ] || scripts/build.sh "$build" Release >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 scripts/eval_ner.py make "$data" "$tmp/docs.jsonl" "$tmp/gold.json"
"$build/indexer/newsidx-index" -q --extract-only "$tmp/docs.jsonl" > "$tmp/extract.jsonl"
python3 scripts/eval_ner.py score "$tmp/gold.json" "$tmp/extract.jsonl"

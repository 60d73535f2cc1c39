#!/usr/bin/env bash
# Main-content extraction and page metadata on the Readability test pages (130 saved pages with
# the main content and metadata Readability.js extracts): runs the real
# `newsidx-index --extract-only --text --no-entities` on the article pages and scores them with
# scripts/eval_html.py, beside the all-text baseline. Lists the pages it leaves out and why, and
# which of the real pages outside the count (no article in them) newsidx calls "not an article".
# scripts/eval_titles.py then checks how the title rule generalises (leave-one-site-out).
# Usage: scripts/eval-html.sh [BUILD_DIR] [-v|-vv]   (-v: one line per page, and the titles
# that differ on the odd half; -vv: on both halves)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-release}
data=../shared/corpora/html-readability/readability-test-pages.tar.gz
[ -f "$data" ] || { echo "eval-html: $data is absent; nothing to measure" >&2; exit 0; }
[ -x "$build/indexer/newsidx-index" ] || scripts/build.sh "$build" Release >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
tar -xzf "$data" -C "$tmp"
python3 scripts/eval_html.py prepare "$tmp/readability-test-pages" "$tmp/pages"
"$build/indexer/newsidx-index" -q --jobs 1 --extract-only --text --no-entities "$tmp/pages" > "$tmp/extract.jsonl" || true
python3 scripts/eval_html.py score "$tmp/readability-test-pages" "$tmp/extract.jsonl" ${2:-}
# How the title rule generalises: leave-one-site-out over its variants (a model checked against newsidx's titles).
python3 scripts/eval_titles.py "$tmp/readability-test-pages" "$tmp/extract.jsonl" ||
  echo "eval-html: scripts/eval_titles.py's model of the title rule no longer gives newsidx's titles" >&2
# The real pages outside the count (section fronts, product pages, ...): which newsidx refuses.
python3 scripts/eval_html.py prepare "$tmp/readability-test-pages" "$tmp/outside" outside
"$build/indexer/newsidx-index" -q --jobs 1 --extract-only --no-entities "$tmp/outside" > "$tmp/outside.jsonl" || true
python3 scripts/eval_html.py classes "$tmp/outside.jsonl"

#!/usr/bin/env bash
# Whether two builds of newsidx-index extract the same: runs `--extract-only` of OLD_BIN and
# NEW_BIN on Reuters-21578, BBC and PolNeAR dev and compares the outputs byte for byte (issue 14:
# a refactoring must not change what extraction finds).
# Usage: scripts/compare-extract.sh OLD_BIN NEW_BIN
# Environment: NEWSIDX_CORPORA (default ../shared/corpora), COMPARE_DIR (where the corpora are
# unpacked and the outputs kept; default a temporary folder removed at the end).
# Prints one line per corpus (identical, or how many lines differ and the first difference);
# exits 0 when all are identical, 1 when any differs, 2 on a usage error or a missing corpus.
set -euo pipefail

if [[ $# -ne 2 || ! -x "$1" || ! -x "$2" ]]; then
  echo "usage: scripts/compare-extract.sh OLD_BIN NEW_BIN (two newsidx-index executables)" >&2
  exit 2
fi
old="$(realpath "$1")" new="$(realpath "$2")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpora="${NEWSIDX_CORPORA:-$(cd "$here/../.." && pwd)/shared/corpora}"
for f in reuters21578/reut2-000.sgm.gz bbc/bbc-fulltext.tar.gz polnear/polnear-train-dev.tar.gz; do
  if [[ ! -f "$corpora/$f" ]]; then
    echo "compare-extract.sh: $corpora/$f not found (set NEWSIDX_CORPORA)" >&2
    exit 2
  fi
done

if [[ -n "${COMPARE_DIR:-}" ]]; then
  dir="$COMPARE_DIR"
  mkdir -p "$dir"
else
  dir="$(mktemp -d)"
  trap 'rm -rf "$dir"' EXIT
fi

# The corpora as a user would index them: .sgm files, BBC's text files, PolNeAR dev's texts.
if [[ ! -d "$dir/reuters" ]]; then
  mkdir -p "$dir/reuters.tmp"
  for gz in "$corpora"/reuters21578/*.sgm.gz; do
    gzip -dc "$gz" >"$dir/reuters.tmp/$(basename "$gz" .gz)"
  done
  mv "$dir/reuters.tmp" "$dir/reuters"
fi
if [[ ! -d "$dir/bbc" ]]; then
  mkdir -p "$dir/bbc.tmp"
  tar -xzf "$corpora/bbc/bbc-fulltext.tar.gz" -C "$dir/bbc.tmp"
  mv "$dir/bbc.tmp" "$dir/bbc"
fi
if [[ ! -d "$dir/polnear-dev" ]]; then
  mkdir -p "$dir/polnear.tmp"
  tar -xzf "$corpora/polnear/polnear-train-dev.tar.gz" -C "$dir/polnear.tmp" data/dev/text
  mv "$dir/polnear.tmp/data/dev/text" "$dir/polnear-dev"
  rm -rf "$dir/polnear.tmp"
fi

status=0
for corpus in reuters bbc polnear-dev; do
  declare -A code=()
  for side in old new; do
    bin="$old"
    [[ $side == new ]] && bin="$new"
    # Run from the corpus folder so that the paths in the output do not depend on $dir. A
    # skipped input makes the exit status 1 (Reuters has a story without text): both sides
    # must agree on it, as on the output.
    code[$side]=0
    (cd "$dir/$corpus" && "$bin" --config /dev/null --extract-only . >"$dir/$corpus.$side.jsonl" \
      2>"$dir/$corpus.$side.log") || code[$side]=$?
  done
  if [[ "${code[old]}" != "${code[new]}" ]]; then
    status=1
    echo "$corpus: DIFFERENT exit status (old ${code[old]}, new ${code[new]}); see $dir/$corpus.*.log"
  fi
  if cmp -s "$dir/$corpus.old.jsonl" "$dir/$corpus.new.jsonl"; then
    echo "$corpus: identical ($(wc -l <"$dir/$corpus.new.jsonl") articles, $(stat -c %s "$dir/$corpus.new.jsonl") bytes, exit ${code[new]})"
  else
    status=1
    lines="$(diff "$dir/$corpus.old.jsonl" "$dir/$corpus.new.jsonl" | grep -c '^[<>]' || true)"
    echo "$corpus: DIFFERENT ($lines lines differ); first difference:"
    # diff exits 1 on a difference: under pipefail that would end the script at the first corpus.
    { diff "$dir/$corpus.old.jsonl" "$dir/$corpus.new.jsonl" || true; } | head -4 | cut -c1-400
  fi
done
exit "$status"

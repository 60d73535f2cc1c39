#!/usr/bin/env bash
# Generates a benchmark archive of N articles in DIR from the real corpora (see make_archive.py):
# plain-text files DIR/YYYY/MM/DD/<id>.txt and JSON Lines feeds DIR/feeds/*.jsonl, deterministic
# for a given SEED (default 1). The corpora are research-only: DIR must not be inside the repo.
#   scripts/make-archive.sh 20000 /tmp/archive-20k [SEED]
# NEWSIDX_CORPORA overrides the corpora folder (default: <repo>/../shared/corpora).
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 N DIR [SEED]" >&2
  exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
dir="$(realpath -m "$2")"
case "$dir/" in
  "$repo"/build*) ;;  # build folders are ignored by git
  "$repo"/*) echo "make-archive.sh: refusing to write corpus text inside the repository ($dir)" >&2; exit 2 ;;
esac
mkdir -p "$dir"
if [[ -n "$(ls -A "$dir")" ]]; then
  echo "make-archive.sh: $dir is not empty; remove it first so that the archive is exactly N articles" >&2
  exit 2
fi
exec python3 "$here/make_archive.py" "$1" "$dir" "${3:-1}"

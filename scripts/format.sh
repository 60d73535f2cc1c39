#!/usr/bin/env bash
# Applies .clang-format to newsidx's C++ sources (STYLE.md point 11).
#
#   scripts/format.sh                  reformat every source and header in place
#   scripts/format.sh FILE...          reformat only these files
#   scripts/format.sh --check [FILE...]  change nothing; list the files that differ, exit 1 if any
#
# clang-format comes from Debian's clang-format package (not needed to build or test).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
check=0
if [[ "${1:-}" == --check ]]; then check=1; shift; fi
if ! command -v clang-format >/dev/null; then
  echo "format.sh: clang-format is not installed (apt-get install clang-format)" >&2
  exit 2
fi
files=("$@")
if ((${#files[@]} == 0)); then
  mapfile -t files < <(git ls-files -- '*.cpp' '*.hpp' '*.h' '*.cc')
fi
((${#files[@]})) || exit 0
if ((check)); then
  differ=0
  for f in "${files[@]}"; do
    if ! clang-format --style=file "$f" | cmp -s - "$f"; then
      echo "$f"
      differ=1
    fi
  done
  exit "$differ"
fi
clang-format --style=file -i "${files[@]}"

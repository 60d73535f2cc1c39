#!/usr/bin/env bash
# Issue 21's bound on two writers: indexes Reuters as files (one story per .txt, the set
# scripts/bench.sh prepares) whole, and as two halves written by two newsidx-index processes at
# once, beside omindex, the bare Xapian loop and extraction alone, alternated, ROUNDS times.
# Two independent processes are an upper bound on what two writers inside one newsidx-index can
# gain: no merge of the two databases, no story or link step across them.
# Usage: scripts/bench-two-halves.sh [BUILD_DIR] [ROUNDS]   (BUILD_DIR: build-bench, Release)
# Input: $BENCH_DIR/reuters-txt (default /tmp/newsidx-bench; run scripts/bench.sh once first).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build-bench}"
rounds="${2:-2}"
src="${BENCH_DIR:-/tmp/newsidx-bench}/reuters-txt"
index="$build/indexer/newsidx-index"
bare="$build/tools/newsidx-bare-loop"
for f in "$index" "$bare"; do [[ -x "$f" ]] || { echo "bench-two-halves.sh: $f not built" >&2; exit 1; }; done
[[ -d "$src" ]] || { echo "bench-two-halves.sh: $src not found (run scripts/bench.sh first)" >&2; exit 1; }
command -v omindex > /dev/null || { echo "bench-two-halves.sh: omindex not installed (xapian-omega)" >&2; exit 1; }

work="$(mktemp -d /tmp/newsidx-halves.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/a" "$work/b"
# Hard links (newsidx-index does not follow symbolic links): the first half of the
# sub-directories in name order to a, the rest to b.
mapfile -t dirs < <(find "$src" -mindepth 1 -maxdepth 1 -type d | sort)
half=$(((${#dirs[@]} + 1) / 2))
for i in "${!dirs[@]}"; do
  if ((i < half)); then cp -al "${dirs[$i]}" "$work/a/"; else cp -al "${dirs[$i]}" "$work/b/"; fi
done
echo "halves: $(find "$work/a" -type f | wc -l) and $(find "$work/b" -type f | wc -l) files; $(nproc) cores"

# timed NAME CMD...: one line "NAME wall s, CPU s (user+sys)".
timed() {
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S" -o "$work/t" "$@" > /dev/null 2>&1
  read -r wall user sys < "$work/t"
  printf '%-34s %6.2f s wall %6.2f CPU-s\n' "$name" "$wall" "$(echo "$user + $sys" | bc)"
}

for ((r = 1; r <= rounds; ++r)); do
  echo "round $r"
  rm -rf "$work/db"; timed "omindex, all" omindex --db "$work/db" --url / "$src"
  rm -rf "$work/db"; timed "bare Xapian loop, all" "$bare" --db "$work/db" "$src"
  timed "newsidx --extract-only --jobs 1" "$index" -q --extract-only --jobs 1 "$src"
  rm -rf "$work/db"; timed "newsidx-index, all" "$index" -q --db "$work/db" "$src"
  for jobs in 1 2; do
    rm -rf "$work/da" "$work/db"
    start=$(date +%s.%N)
    /usr/bin/time -f "%e %U %S" -o "$work/ta" "$index" -q --jobs "$jobs" --db "$work/da" "$work/a" > /dev/null 2>&1 &
    /usr/bin/time -f "%e %U %S" -o "$work/tb" "$index" -q --jobs "$jobs" --db "$work/db" "$work/b" > /dev/null 2>&1 &
    wait
    end=$(date +%s.%N)
    read -r _ ua sa < "$work/ta"; read -r _ ub sb < "$work/tb"
    printf '%-34s %6.2f s wall %6.2f CPU-s\n' "newsidx-index, two halves, jobs $jobs" "$(echo "$end - $start" | bc)" \
      "$(echo "$ua + $sa + $ub + $sb" | bc)"
  done
done

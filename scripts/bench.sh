#!/usr/bin/env bash
# One command for the benchmarks (issue 7): installs the peers if missing (omindex, quest, Sphinx,
# GNU time), builds Release, prepares the inputs under $BENCH_DIR (default /tmp/newsidx-bench:
# the BBC set, the Reuters SGML, generated archives of 20,000 and 200,000 articles) and runs
# scripts/bench.py, which times newsidx and the peers on the same stories and writes BENCHMARKS.md.
#
#   scripts/bench.sh                 full run (about an hour on 2 cores)
#   BENCH_QUICK=1 scripts/bench.sh   skips the 200,000-article archive
#   BENCH_PART=small scripts/bench.sh   Reuters, BBC, 20,000 articles: every peer, queries
#   BENCH_PART=large scripts/bench.sh   200,000 articles: scale against 20,000, queries, partitions
#                                       (1/4/16 and remote); peers there with BENCH_LARGE_PEERS=1
#   BENCH_LARGE_STAGE=index|query   the large part's builds alone, then its queries on them
#   BENCH_PART=adversarial scripts/bench.sh   only --extract-only on 0.4, 1 and 4 MB adversarial
#                                       articles (issue 15), printed; BENCHMARKS.md untouched
#   BENCHMARKS.md shows the latest report of each part (or of the full run), with its command.
# Environment: BENCH_RUNS (runs per indexing figure, default 3), BENCH_RUNS_GENERATED and
# BENCH_RUNS_FLUSH (the same for the generated archives and the flush-threshold table; default
# BENCH_RUNS), BENCH_QUERY_RUNS (default 11), BENCH_SIZES (default 20000,200000),
# BENCH_SEED (archive seed, default 1), BENCH_DIR, BENCH_BUILD_DIR (default build-bench),
# BENCH_OUT (default BENCHMARKS.md at the repo root), BENCH_REPORT_DIR (where part reports are kept), NEWSIDX_CORPORA (default ../shared/corpora),
# BENCH_REV (measure a commit instead of the working tree).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
build="${BENCH_BUILD_DIR:-$repo/build-bench}"
out="${BENCH_OUT:-$repo/BENCHMARKS.md}"
export NEWSIDX_CORPORA="${NEWSIDX_CORPORA:-$(cd "$repo/.." && pwd)/shared/corpora}"

if [[ ! -d "$NEWSIDX_CORPORA" ]]; then
  echo "bench.sh: corpora not found at $NEWSIDX_CORPORA (set NEWSIDX_CORPORA)" >&2
  exit 2
fi

# The peers and measuring tools, installed the way scripts/install-deps.sh installs packages.
need=()
command -v omindex >/dev/null || need+=(xapian-omega)
command -v quest >/dev/null || need+=(xapian-tools)
command -v indexer >/dev/null || need+=(sphinxsearch)
[[ -x /usr/bin/time ]] || need+=(time)
command -v python3 >/dev/null || need+=(python3)
if ((${#need[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "bench.sh: installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${need[@]}"
fi
if [[ -x "$here/install-deps.sh" ]]; then
  "$here/install-deps.sh"
fi

# BENCH_REV=<commit> measures that commit (exported with git archive into $BENCH_DIR/src, so
# uncommitted work in the tree cannot change or break the figures); default: the working tree.
src="$repo"
if [[ -n "${BENCH_REV:-}" ]]; then
  rev="$(git -C "$repo" rev-parse --verify "$BENCH_REV^{commit}")"
  src="${BENCH_DIR:-/tmp/newsidx-bench}/src-$rev"
  if [[ ! -d "$src" ]]; then
    mkdir -p "$src.tmp"
    git -C "$repo" archive "$rev" | tar -x -C "$src.tmp"
    mv "$src.tmp" "$src"
  fi
  build="${BENCH_BUILD_DIR:-$src/build-bench}"
  export BENCH_COMMIT="$rev"
else
  export BENCH_COMMIT="$(git -C "$repo" rev-parse HEAD 2>/dev/null || echo unknown)$(
    [[ -n "$(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null)" ]] && echo ' + uncommitted changes')"
fi
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DNEWSIDX_BUILD_TESTS=OFF -DNEWSIDX_WERROR=OFF >/dev/null
# newsidx-index and newsidx-query are built when the tree has them (the peers run regardless).
targets=(newsidx-bare-loop)
known="$(cmake --build "$build" --target help)"
for t in newsidx-index newsidx-query; do
  if grep -qx "\.\.\. $t" <<<"$known"; then targets+=("$t"); fi
done
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"

# BENCH_PART=adversarial: only issue 15's adversarial articles, 'John Smith Said ' repeated to
# 0.4, 1 and 4 MB (one article each): the --extract-only time and peak memory of each, which
# must grow at most linearly with the size. Printed as a table; BENCHMARKS.md is not touched.
if [[ "${BENCH_PART:-}" == adversarial ]]; then
  dir="${BENCH_DIR:-/tmp/newsidx-bench}/adversarial"
  mkdir -p "$dir"
  printf '| article | bytes | --extract-only s | peak MB |\n|---|---|---|---|\n'
  for spec in 0.4:25000 1:62500 4:250000; do
    size=${spec%%:*} n=${spec##*:}
    f="$dir/john-smith-said-${size}mb.txt"
    [[ -f "$f" ]] || python3 -c "import sys; sys.stdout.write('Adversarial\n\n' + 'John Smith Said ' * $n + '\n')" >"$f"
    /usr/bin/time -f '%e %M' -o "$dir/time" "$build/indexer/newsidx-index" --config /dev/null --extract-only "$f" >/dev/null
    read -r secs kb <"$dir/time"
    printf '| %s MB | %s | %s | %s |\n' "$size" "$(stat -c %s "$f")" "$secs" "$((kb / 1024))"
  done
  exit 0
fi

# The exact command, with the BENCH_* settings in force, goes into the report.
cmd="$(env | grep -E '^BENCH_(QUICK|PART|LARGE_STAGE|LARGE_PEERS|LARGE_ABOVE|RUNS|RUNS_GENERATED|RUNS_FLUSH|QUERY_RUNS|SEED|SIZES|REV)=' | sort | tr '\n' ' ')scripts/bench.sh"
exec python3 "$src/scripts/bench.py" "$build" "$out" "$cmd"

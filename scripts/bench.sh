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
#   BENCH_PART=files scripts/bench.sh   Reuters as files (issue 21): every story one .txt file, indexed
#                                       by newsidx-index, omindex, Sphinx and the bare loop in one run
#                                       (the small and full runs include this set too)
#   BENCH_LARGE_STAGE=index|query   the large part's builds alone, then its queries on them
#   BENCH_PART=queries BENCH_BASE=<commit> scripts/bench.sh   indexing and query figures of this tree and of
#                                       <commit> in one run, alternating (scripts/bench_queries.py)
#   BENCH_PART=adversarial scripts/bench.sh   only --extract-only on 0.4, 1 and 4 MB adversarial
#                                       articles (issue 15), printed; BENCHMARKS.md untouched
#   BENCH_PART=warc scripts/bench.sh   web pages (issue 17): the Readability pages as files and as a
#                                       WARC, omindex on the same files, a generated 1 GB WARC's
#                                       peak memory (scripts/bench_warc.py); printed, BENCHMARKS.md
#                                       untouched; BENCH_WARC_BYTES sets the generated WARC's size
#   BENCHMARKS.md shows the latest report of each part (or of the full run), with its command.
#   Every indexing table gives each tool's CPU use: CPU s (user + system) ÷ wall s.
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
export_rev() {  # the source of commit $1, exported once into $BENCH_DIR/src-<commit>; prints its folder
  local dir="${BENCH_DIR:-/tmp/newsidx-bench}/src-$1"
  if [[ ! -d "$dir" ]]; then
    mkdir -p "$dir.tmp"
    git -C "$repo" archive "$1" | tar -x -C "$dir.tmp"
    mv "$dir.tmp" "$dir"
  fi
  echo "$dir"
}
src="$repo"
if [[ -n "${BENCH_REV:-}" ]]; then
  rev="$(git -C "$repo" rev-parse --verify "$BENCH_REV^{commit}")"
  src="$(export_rev "$rev")"
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

# BENCH_PART=queries BENCH_BASE=<commit>: the query figures of this tree (or of BENCH_REV) and of
# BENCH_BASE in one run, each build on its own index of Reuters and BBC, the two alternating run by
# run (scripts/bench_queries.py). Printed and kept in $BENCH_DIR/report-queries.md; BENCHMARKS.md
# is not touched.
if [[ "${BENCH_PART:-}" == queries ]]; then
  base_rev="$(git -C "$repo" rev-parse --verify "${BENCH_BASE:?BENCH_PART=queries needs BENCH_BASE=<commit>}^{commit}")"
  base_build="$(export_rev "$base_rev")/build-bench"
  cmake -S "${base_build%/build-bench}" -B "$base_build" -DCMAKE_BUILD_TYPE=Release -DNEWSIDX_BUILD_TESTS=OFF \
    -DNEWSIDX_WERROR=OFF >/dev/null
  cmake --build "$base_build" -j"$(nproc)" --target newsidx-index newsidx-query
  head_label="${BENCH_COMMIT:0:7}"
  [[ "$BENCH_COMMIT" == *uncommitted* ]] && head_label+="+"
  mkdir -p "${BENCH_DIR:-/tmp/newsidx-bench}"
  exec python3 "$repo/scripts/bench_queries.py" "$base_build" "${base_rev:0:7}" "$build" "$head_label" \
    "${BENCH_DIR:-/tmp/newsidx-bench}/report-queries.md"
fi

# BENCH_PART=adversarial: only issue 15's adversarial articles of 0.4, 1 and 4 MB (one article
# each): 'John Smith Said ' repeated (name resolution), and paragraphs that each name a woman
# and quote her as "she" (pronoun resolution: every "she" has all earlier names as candidates),
# and lines each naming another senator followed by "the senator said" (descriptions).
# The --extract-only time and peak memory of each, which must grow at most linearly with the
# size. Printed as a table; BENCHMARKS.md is not touched.
if [[ "${BENCH_PART:-}" == adversarial ]]; then
  dir="${BENCH_DIR:-/tmp/newsidx-bench}/adversarial"
  mkdir -p "$dir"
  printf '| article | bytes | --extract-only s | peak MB |\n|---|---|---|---|\n'
  she_said='Mary Smith met the press on Monday. "It went well for all of us today," she said.\n\n'
  for spec in john-smith-said:0.4:25000 john-smith-said:1:62500 john-smith-said:4:250000 \
              she-said:0.4:4800 she-said:1:12000 she-said:4:48000 \
              senator-said:0.4:6400 senator-said:1:16000 senator-said:4:62000; do
    IFS=: read -r kind size n <<<"$spec"
    f="$dir/${kind}-${size}mb.txt"
    if [[ ! -f "$f" ]]; then
      case "$kind" in
        john-smith-said) python3 -c "import sys; sys.stdout.write('Adversarial\n\n' + 'John Smith Said ' * $n + '\n')" >"$f" ;;
        she-said) python3 -c "import sys; sys.stdout.write('Adversarial\n\n' + '$she_said' * $n)" >"$f" ;;
        # A different senator on every line, each followed by "the senator said" (descriptions).
        senator-said) python3 -c "import sys; sys.stdout.write('Adversarial\n\n' + ''.join(
          'Sen. John Smith%d met the board. \"We agree,\" the senator said.\n' % i for i in range($n)))" >"$f" ;;
      esac
    fi
    /usr/bin/time -f '%e %M' -o "$dir/time" "$build/indexer/newsidx-index" --config /dev/null --extract-only "$f" >/dev/null
    read -r secs kb <"$dir/time"
    printf '| %s %s MB | %s | %s | %s |\n' "$kind" "$size" "$(stat -c %s "$f")" "$secs" "$((kb / 1024))"
  done
  exit 0
fi

# BENCH_PART=warc: issue 17's web-archive figures, printed and kept in $BENCH_DIR/warc/report-warc.md.
if [[ "${BENCH_PART:-}" == warc ]]; then
  exec python3 "$src/scripts/bench_warc.py" "$build" "${BENCH_DIR:-/tmp/newsidx-bench}/warc" \
    "$NEWSIDX_CORPORA/html-readability/readability-test-pages.tar.gz" \
    "$(env | grep -E '^BENCH_(PART|RUNS|WARC_BYTES|REV)=' | sort | tr '\n' ' ')scripts/bench.sh"
fi

# The exact command, with the BENCH_* settings in force, goes into the report.
cmd="$(env | grep -E '^BENCH_(QUICK|PART|LARGE_STAGE|LARGE_PEERS|LARGE_ABOVE|RUNS|RUNS_GENERATED|RUNS_FLUSH|QUERY_RUNS|SEED|SIZES|REV)=' | sort | tr '\n' ' ')scripts/bench.sh"
exec python3 "$src/scripts/bench.py" "$build" "$out" "$cmd"

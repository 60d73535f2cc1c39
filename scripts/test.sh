#!/usr/bin/env bash
# Installs what is missing, builds (warnings are errors) and runs every test with CTest; then
# builds again with AddressSanitizer, LeakSanitizer and UBSan (NEWSIDX_SANITIZE=ON) in a folder
# of its own and runs the tests there too: unit, cli, fuzz and integration, except the two
# integration tests that index the whole Reuters and BBC corpora (2.5 minutes in the normal
# build, several times that under the sanitizers; the readers still read both corpora in the
# unit tests). Prints failures in full; exits non-zero on any failure.
# Usage: scripts/test.sh [BUILD_DIR [SANITIZER_BUILD_DIR]]   (default build-test/, build-asan/)
#        NEWSIDX_SANITIZE=0 scripts/test.sh                  (the normal build only)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc 2>/dev/null || echo 2)
dir=${1:-build-test}
asan_dir=${2:-build-asan}

scripts/build.sh "$dir" RelWithDebInfo
(cd "$dir" && ctest --output-on-failure -j "$jobs")

if [ "${NEWSIDX_SANITIZE:-1}" != 0 ]; then
  echo "test.sh: sanitizer build (AddressSanitizer, LeakSanitizer, UBSan) in $asan_dir" >&2
  # The developer tools (training, evaluation, benchmarks) are left out: no test runs them.
  scripts/build.sh "$asan_dir" RelWithDebInfo -DNEWSIDX_SANITIZE=ON -DNEWSIDX_BUILD_TOOLS=OFF
  # Leaks fail a test (LeakSanitizer, on with AddressSanitizer); so does any undefined behaviour.
  export ASAN_OPTIONS=detect_leaks=1
  # The one leak that is Xapian's own (its metadata-key iterator when a corrupt table throws),
  # named narrowly in tests/lsan.supp; every other leak fails its test.
  export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  (cd "$asan_dir" && ctest --output-on-failure -j "$jobs" -E '^integration:corpora: ')
fi

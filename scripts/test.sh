#!/usr/bin/env bash
# Installs what is missing, builds (warnings are errors), and runs every test with CTest.
# Prints failures in full; exits non-zero on any failure.
# Usage: scripts/test.sh [BUILD_DIR]   (default build-test/)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
dir=${1:-build-test}
scripts/build.sh "$dir" RelWithDebInfo
cd "$dir"
ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"

#!/usr/bin/env bash
# Configures and builds newsidx. Usage: scripts/build.sh [BUILD_DIR] [BUILD_TYPE]
# Defaults: build/ and RelWithDebInfo. Warnings are errors (NEWSIDX_WERROR=ON).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
type=${2:-RelWithDebInfo}
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE="$type" -DNEWSIDX_WERROR=ON >/dev/null
cmake --build "$dir" -j "$jobs"

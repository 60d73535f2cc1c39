#!/usr/bin/env bash
# Configures and builds newsidx. Usage: scripts/build.sh [BUILD_DIR] [BUILD_TYPE] [CMAKE_ARG...]
# Defaults: build/ and RelWithDebInfo. Warnings are errors (NEWSIDX_WERROR=ON). Extra arguments go
# to cmake, e.g. scripts/build.sh build-asan RelWithDebInfo -DNEWSIDX_SANITIZE=ON
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
type=${2:-RelWithDebInfo}
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE="$type" -DNEWSIDX_WERROR=ON "${@:3}" >/dev/null
cmake --build "$dir" -j "$jobs"

#!/usr/bin/env bash
# Installs the Debian 12 packages newsidx needs to build and test. Idempotent: does nothing when
# everything is present. Works as root, or through sudo for another user.
# Usage: scripts/install-deps.sh [EXTRA_PACKAGE...]
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libxapian-dev             # the search engine library
  libboost-program-options-dev
  libspdlog-dev libfmt-dev  # logging
  catch2                    # tests (Catch2 v2)
  nlohmann-json3-dev        # JSON Lines input and --json output
  xapian-tools              # xapian-tcpsrv, xapian-compact, quest (remote shards, checks)
  zlib1g-dev                # gzip: .gz files and WARC records
  libxml2-dev               # NITF, NewsML-G2, RSS/Atom (network and entities off)
  help2man                  # man pages generated from --help at build time (cmake/Install.cmake)
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Try without refreshing the lists first (works offline with a local mirror); refresh on failure.
if ! "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; then
  "${as_root[@]}" apt-get update -q >/dev/null
  "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

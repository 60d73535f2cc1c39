#!/usr/bin/env bash
# Regenerates the committed gazetteer tables (common/data/*.tsv, indexer/entities/data/*) from
# Debian and npm packages. A developer-time step: builds and CI never run it.
# Needs: apt-get, dpkg, npm, node, gcc, python3, gresource (libglib2.0-bin), network access to
# the Debian and npm registries. Usage: scripts/gen-gazetteers.sh [WORK_DIR]
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work/debs" "$work/deb" "$work/npm"
debs=(iso-codes libgeonames0 hunspell-en-us wordnet-base libtext-names-perl python3-nameparser)
# npm versions are pinned so that a rerun reproduces the committed tables byte for byte; Debian
# versions are whatever bookworm serves (recorded in VERSIONS.txt).
npms=(world-countries@5.1.0 i18n-nationality@1.4.0 compromise@14.17.0)

: >"$work/versions.txt"
(cd "$work/debs" && apt-get download "${debs[@]}")
for f in "$work"/debs/*.deb; do
  dpkg -x "$f" "$work/deb"
  echo "debian $(dpkg-deb -f "$f" Package) $(dpkg-deb -f "$f" Version)" >>"$work/versions.txt"
done
for spec in "${npms[@]}"; do
  p="${spec%@*}"
  tgz="$(cd "$work/npm" && npm pack --silent "$spec" | tail -n1)"
  mkdir -p "$work/npm/$p"
  tar -xzf "$work/npm/$tgz" -C "$work/npm/$p"
  echo "npm $p $(node -p "require('$work/npm/$p/package/package.json').version")" >>"$work/versions.txt"
done

# GeoNames cities15000 as compiled into libgeonames0: extract the GResource, parse it in C.
if ! command -v gresource >/dev/null; then
  (cd "$work/debs" && apt-get download libglib2.0-bin)
  dpkg -x "$work"/debs/libglib2.0-bin_*.deb "$work/glib"
  PATH="$work/glib/usr/bin:$PATH"
fi
gresource extract "$work"/deb/usr/lib/*/libgeonames.so.0 /com/lomiri/geonames/cities.compiled \
  >"$work/cities.compiled"
gcc -O2 -Wall -Wextra -o "$work/geonames_dump" "$repo/scripts/gazetteers/geonames_dump.c"
"$work/geonames_dump" "$work/cities.compiled" >"$work/geonames.tsv"

node "$repo/scripts/gazetteers/compromise_lexicon.mjs" "$work/npm/compromise/package" "$work"
python3 "$repo/scripts/gazetteers/generate.py" "$work" "$repo"
cat "$work/versions.txt"
cp "$work/versions.txt" "$repo/indexer/entities/data/VERSIONS.txt"
cp "$work/versions.txt" "$repo/common/data/VERSIONS.txt"

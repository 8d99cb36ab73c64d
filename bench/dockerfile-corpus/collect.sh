#!/usr/bin/env bash
# Gathers real Dockerfiles shipped inside Debian packages into bench/corpus/ (gitignored).
# The packages and paths found are written to bench/dockerfile-corpus/sources.txt (committed),
# so a later run can fetch the same files: `collect.sh --from-list` skips the apt-file search.
# Needs root (apt-get). Usage: bench/dockerfile-corpus/collect.sh [--from-list] [MAX_PACKAGES]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="$root/bench/corpus"
list="$here/sources.txt"
from_list=0
if [[ "${1:-}" == "--from-list" ]]; then from_list=1; shift; fi
max="${1:-120}"

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq

if [[ $from_list -eq 0 ]]; then
  command -v apt-file >/dev/null || apt-get install -y -qq apt-file >/dev/null
  apt-file update >/dev/null
  # "package: /path" lines for files named Dockerfile, Dockerfile.* or *.Dockerfile.
  apt-file search --regexp '/(Dockerfile[^/]*|[^/]+\.[Dd]ockerfile)$' \
    | grep -v -E '\.(gz|bz2|xz|html|md|rst|txt|py|go|rb|js|json|yaml|yml|vim|el|svg|png)$' \
    | sort -u > "$list.tmp"
  mv "$list.tmp" "$list"
fi

mkdir -p "$corpus"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The first MAX packages in name order keep the run short and repeatable.
cut -d: -f1 "$list" | sort -u | head -n "$max" > "$work/packages"
echo "packages with Dockerfiles: $(cut -d: -f1 "$list" | sort -u | wc -l); fetching $(wc -l < "$work/packages")"

count=0
while read -r pkg; do
  (cd "$work" && apt-get download -qq "$pkg" >/dev/null 2>&1) || { echo "skip $pkg (download failed)"; continue; }
  deb="$(ls "$work"/*.deb 2>/dev/null | head -n1)"
  [[ -n "$deb" ]] || continue
  mkdir -p "$work/x"
  dpkg-deb -x "$deb" "$work/x"
  grep -F "$pkg: " "$list" | sed "s/^[^:]*: //" | while read -r path; do
    src="$work/x$path"
    # Text files only: some matches are compiled artefacts (e.g. Haskell .hi files named Dockerfile*).
    if [[ -f "$src" && ! -L "$src" ]] && grep -Iq . "$src"; then
      dest="$corpus/$pkg/$(echo "${path#/}" | tr '/' '_')"
      mkdir -p "$(dirname "$dest")"
      cp "$src" "$dest"
    fi
  done
  rm -rf "$work/x" "$work"/*.deb
  count=$((count + 1))
done < "$work/packages"

echo "fetched $count packages; files in corpus: $(find "$corpus" -type f | wc -l)"

#!/usr/bin/env bash
# Gathers real Dockerfiles shipped inside Debian packages into bench/corpus/ (gitignored).
# The packages and paths found are written to bench/dockerfile-corpus/sources.txt (committed),
# so a later run can fetch the same files: `collect.sh --from-list` skips the search.
#
# Debian trixie (SUITE) is searched and downloaded through a private apt root (its own sources, lists and
# cache under APT_ROOT), so the machine's apt sources are never changed. Needs apt-get, apt-file, dpkg-deb, curl.
# Usage: bench/dockerfile-corpus/collect.sh [--from-list] [MAX_PACKAGES]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="$root/bench/corpus"
list="$here/sources.txt"
from_list=0
if [[ "${1:-}" == "--from-list" ]]; then from_list=1; shift; fi
max="${1:-1000}"
suite="${SUITE:-trixie}"
mirror="${MIRROR:-http://deb.debian.org/debian}"
apt_root="${APT_ROOT:-${TMPDIR:-/tmp}/berth-corpus-apt}"

# File names that are Dockerfiles: Dockerfile, Dockerfile.*, Dockerfile-*, *.Dockerfile / *.dockerfile, Containerfile(.*), *.Containerfile.
names='/(Dockerfile[^/]*|[^/]+\.[Dd]ockerfile|Containerfile[^/]*|[^/]+\.[Cc]ontainerfile)$'
# ... that are not documentation or code about Dockerfiles (man pages, syntax files, Go/Python sources).
not_names='\.(gz|bz2|xz|html|md|rst|txt|py|go|rb|js|json|yaml|yml|vim|el|svg|png)$'

# The private apt root: Packages and Contents of $suite only, nothing installed from it (status is /dev/null).
mkdir -p "$apt_root"/{sources,preferences,lists/partial,cache/archives/partial}
cat > "$apt_root/sources/corpus.sources" <<EOF
Types: deb
URIs: $mirror
Suites: $suite
Components: main contrib non-free
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
cat > "$apt_root/apt.conf" <<EOF
Dir::Etc::SourceList "/dev/null";
Dir::Etc::SourceParts "$apt_root/sources";
Dir::Etc::Preferences "/dev/null";
Dir::Etc::PreferencesParts "$apt_root/preferences";
Dir::State::Lists "$apt_root/lists";
Dir::State::status "/dev/null";
Dir::Cache "$apt_root/cache";
APT::Architecture "amd64";
EOF
export APT_CONFIG="$apt_root/apt.conf" DEBIAN_FRONTEND=noninteractive
have_packages() { ls "$apt_root"/lists/*_"$suite"_main_binary-amd64_Packages* >/dev/null 2>&1; }
# A Contents index can fail its hash check while a mirror syncs, and apt then drops the whole suite: retry without
# Contents (apt-file then finds nothing and the search below reads them directly). Downloads only need Packages.
apt-get update -qq 2>"$apt_root/update.log" || true
if ! have_packages; then
  apt-get update -qq -o Acquire::IndexTargets::deb::Contents-deb::DefaultEnabled=false \
    -o Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false 2>>"$apt_root/update.log" || true
fi
have_packages || { cat "$apt_root/update.log" >&2; echo "apt-get update failed for $suite" >&2; exit 1; }

if [[ $from_list -eq 0 ]]; then
  command -v apt-file >/dev/null || apt-get install -y -qq apt-file >/dev/null
  apt-file search --regexp "$names" 2>/dev/null > "$list.raw" || true
  if [[ ! -s "$list.raw" ]]; then
    # apt-file has no Contents (the mirror's Contents did not match its Release file): read them directly.
    # They only choose names; the packages themselves come through apt-get with verified hashes.
    echo "apt-file found nothing (Contents not indexed); reading $mirror/dists/$suite/*/Contents-{all,amd64}.gz" >&2
    for component in main contrib non-free; do
      for arch in all amd64; do
        curl -fsSL "$mirror/dists/$suite/$component/Contents-$arch.gz" | zcat || true
      done
    done | NAMES="$names" awk '{ path = "/" $1; if (path ~ ENVIRON["NAMES"]) { n = split($NF, pkgs, ","); for (i = 1; i <= n; i++) { p = pkgs[i]; sub(/.*\//, "", p); print p ": " path } } }' > "$list.raw"
  fi
  grep -E "$names" "$list.raw" | grep -v -E "$not_names" | sort -u > "$list"
  rm -f "$list.raw"
fi

rm -rf "$corpus"
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
    # Text files only: some matches are compiled artefacts (e.g. Haskell .hi files named Dockerfile*) or links.
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

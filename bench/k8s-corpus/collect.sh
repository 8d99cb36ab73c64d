#!/usr/bin/env bash
# bench/k8s-corpus/collect.sh — gathers a corpus of real Kubernetes inputs into bench/k8s-corpus/corpus/ (gitignored):
#   manifests/  plain manifest files: the test fixtures of kube-score, kube-linter and Polaris (their own suites' inputs)
#   charts/     Helm charts: the peers' test charts, and the chart `berth init` writes for each examples/* app
#   overlays/   Kustomize trees: the peers' test trees, and the k8s/ tree `berth init` writes for each examples/* app
# The peers come from local snapshots (bare git dirs or checkouts) given as KUBE_SCORE, KUBE_LINTER, POLARIS; the defaults
# are the mirrors `fetch` leaves under /work/.mirror. Each source and its commit is written to corpus/SOURCES.tsv, the list of
# what is taken from where is sources.txt next to this script. BERTH runs `berth init` (default: the Debug berth.dll).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
KUBE_SCORE=${KUBE_SCORE:-/work/.mirror/zegl+kube-score/repo}
KUBE_LINTER=${KUBE_LINTER:-/work/.mirror/stackrox+kube-linter/repo}
POLARIS=${POLARIS:-/work/.mirror/FairwindsOps+polaris/repo}
BERTH=${BERTH:-"dotnet $ROOT/src/Berth.Cli/bin/Debug/net10.0/berth.dll"}
OUT=${OUT:-$HERE/corpus}

rm -rf "$OUT" && mkdir -p "$OUT/manifests" "$OUT/charts" "$OUT/overlays"
printf 'source\tcommit\n' > "$OUT/SOURCES.tsv"

git_of() { if [ -d "$1/.git" ]; then echo git -C "$1"; else echo git --git-dir="$1"; fi; }

# extract REPO NAME: every path of sources.txt for NAME (a line "NAME manifests|chart|overlay PATTERN") into the corpus.
extract() {
  local repo=$1 name=$2 git tree
  git=$(git_of "$repo")
  printf '%s\t%s\n' "$name" "$($git rev-parse HEAD)" >> "$OUT/SOURCES.tsv"
  tree=$(mktemp -d)
  $git archive HEAD | tar -x -C "$tree"
  while read -r src kind pattern; do
    [ "$src" = "$name" ] || continue
    case $kind in
      manifests)
        # shellcheck disable=SC2086 # the pattern is a glob
        for f in $(cd "$tree" && ls -d $pattern 2>/dev/null); do
          cp "$tree/$f" "$OUT/manifests/$name--$(echo "$f" | tr / _)"
        done ;;
      chart|overlay)
        local dest=$OUT/${kind}s/$name--$(echo "$pattern" | tr / _)
        cp -r "$tree/$pattern" "$dest" ;;
    esac
  done < <(grep -v '^#' "$HERE/sources.txt")
  rm -rf "$tree"
}

extract "$KUBE_SCORE" kube-score
extract "$KUBE_LINTER" kube-linter
extract "$POLARIS" polaris

# Berth's own output for each example app: the Kustomize tree (k8s/) and the Helm chart (charts/<name>/).
printf 'berth-init\t%s\n' "$(git -C "$ROOT" rev-parse HEAD)" >> "$OUT/SOURCES.tsv"
for app in "$ROOT"/examples/*/; do
  name=$(basename "$app")
  gen=$(mktemp -d)
  $BERTH init "$app" --out "$gen" --no-compose --k8s all >/dev/null
  cp -r "$gen/k8s" "$OUT/overlays/berth-init--$name"
  for chart in "$gen"/charts/*/; do cp -r "$chart" "$OUT/charts/berth-init--$name"; done
  rm -rf "$gen"
done

echo "manifests: $(find "$OUT/manifests" -type f | wc -l) files, charts: $(find "$OUT/charts" -mindepth 1 -maxdepth 1 | wc -l), overlays: $(find "$OUT/overlays" -mindepth 1 -maxdepth 1 | wc -l)"

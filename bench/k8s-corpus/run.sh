#!/usr/bin/env bash
# bench/k8s-corpus/run.sh — berth lint (NativeAOT, whole process) on the corpus collect.sh gathers, beside helm template and
# kubectl kustomize of the same inputs, median wall time of RUNS runs each, in one run:
#   plain manifests: one `berth lint` over every file (files/second), and one process per file (the start-up cost);
#   charts:          one `berth lint` over every chart (it runs helm template per chart) vs `helm template` per chart,
#                    and berth lint with helm off PATH (Chart.yaml and values checks only);
#   overlays:        one `berth lint` over every Kustomize tree (it runs kubectl kustomize per kustomization folder) vs
#                    `kubectl kustomize` per kustomization folder.
# BERTH defaults to the NativeAOT binary published into .work/ (the command is printed); the corpus must exist (collect.sh).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CORPUS=${CORPUS:-$HERE/corpus}
RUNS=${RUNS:-5}
HELM=${HELM:-$(command -v helm || echo /var/lib/testbed/bin/helm)}
KUBECTL=${KUBECTL:-$(command -v kubectl || echo /var/lib/testbed/bin/kubectl)}
if [ -z "${BERTH:-}" ]; then
  if [ ! -x "$HERE/.work/berth" ]; then
    echo "publishing Berth NativeAOT into $HERE/.work" >&2
    dotnet publish "$ROOT/src/Berth.Cli/Berth.Cli.csproj" -c Release -r linux-x64 -p:PublishAot=true \
      --artifacts-path /tmp/art-k8s -o "$HERE/.work" >&2
  fi
  BERTH=$HERE/.work/berth
fi
[ -d "$CORPUS/manifests" ] || { echo "no corpus at $CORPUS: run bench/k8s-corpus/collect.sh first" >&2; exit 2; }

mapfile -t manifests < <(find "$CORPUS/manifests" -type f | LC_ALL=C sort)
mapfile -t charts < <(find "$CORPUS/charts" -mindepth 1 -maxdepth 1 -type d | LC_ALL=C sort)
mapfile -t trees < <(find "$CORPUS/overlays" -mindepth 1 -maxdepth 1 -type d | LC_ALL=C sort)
mapfile -t kustomizations < <(find "$CORPUS/overlays" -name kustomization.yaml -printf '%h\n' | LC_ALL=C sort)
TOOLS_PATH="$(dirname "$HELM"):$(dirname "$KUBECTL"):$PATH"
NOTOOLS=$(echo "$PATH" | tr : "\n" | grep -v -e "^$(dirname "$HELM")$" -e "^$(dirname "$KUBECTL")$" | paste -sd:)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# time_ms COMMAND...: the median wall time in ms of RUNS runs (exit codes ignored: lint exits 1 on findings).
time_ms() {
  for _ in $(seq "$RUNS"); do
    local start end; start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done | median
}
row() { # label, inputs, ms
  printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$(awk -v n="$2" -v ms="$3" 'BEGIN { printf "%.1f", n * 1000 / (ms > 0 ? ms : 1) }')"
}
per_file() { for f in "${manifests[@]}"; do "$BERTH" lint "$f"; done; }
helm_each() { for c in "${charts[@]}"; do "$HELM" template corpus "$c"; done; }
kustomize_each() { for k in "${kustomizations[@]}"; do "$KUBECTL" kustomize "$k"; done; }

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load: $(cut -d' ' -f1-3 /proc/loadavg); nproc: $(nproc); runs: $RUNS"
echo "berth: $BERTH; helm: $("$HELM" version --short 2>/dev/null); kubectl: $("$KUBECTL" version --client 2>/dev/null | head -1)"
echo "corpus: ${#manifests[@]} manifest files ($(cat "${manifests[@]}" | wc -c) bytes), ${#charts[@]} charts, ${#trees[@]} Kustomize trees (${#kustomizations[@]} kustomization folders)"
echo "findings on the manifests: $("$BERTH" lint --format json "${manifests[@]}" 2>/dev/null | grep -c '"rule"' || true)"
echo
echo "| command | inputs | wall ms (median of $RUNS) | inputs/second |"
echo "|---|---|---|---|"
row "berth lint, every manifest file in one process" "${#manifests[@]}" "$(time_ms "$BERTH" lint "${manifests[@]}")"
row "berth lint, one process per manifest file (median of ${PER_FILE_RUNS:-1})" "${#manifests[@]}" "$(RUNS=${PER_FILE_RUNS:-1} time_ms per_file)"
row "helm template, each chart" "${#charts[@]}" "$(time_ms helm_each)"
row "berth lint, every chart in one process (runs helm template)" "${#charts[@]}" "$(time_ms env PATH="$TOOLS_PATH" "$BERTH" lint "${charts[@]}")"
row "berth lint, every chart, helm not on PATH (Chart.yaml + values only)" "${#charts[@]}" "$(time_ms env PATH="$NOTOOLS" "$BERTH" lint "${charts[@]}")"
row "kubectl kustomize, each kustomization folder" "${#kustomizations[@]}" "$(time_ms kustomize_each)"
row "berth lint, every Kustomize tree in one process (runs kubectl kustomize)" "${#kustomizations[@]}" "$(time_ms env PATH="$TOOLS_PATH" "$BERTH" lint "${trees[@]}")"

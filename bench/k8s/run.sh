#!/usr/bin/env bash
# bench/k8s/run.sh — berth lint on a Helm chart (helm create's) and a Kustomize base+overlay, beside helm template and
# kubectl kustomize of the same inputs, whole process each, median of RUNS. BERTH defaults to the Debug build's berth.dll
# (JIT start-up included); set BERTH=dist/berth for the NativeAOT binary.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BERTH=${BERTH:-"dotnet $ROOT/src/Berth.Cli/bin/Debug/net10.0/berth.dll"}
RUNS=${RUNS:-5}
HELM=${HELM:-$(command -v helm || echo /var/lib/testbed/bin/helm)}
KUBECTL=${KUBECTL:-$(command -v kubectl || echo /var/lib/testbed/bin/kubectl)}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

mkdir -p "$work/charts" && (cd "$work/charts" && "$HELM" create web >/dev/null)
mkdir -p "$work/k8s/base" "$work/k8s/overlays/prod"
cat > "$work/k8s/base/app.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: ghcr.io/acme/web:1.0.0
          ports: [{name: http, containerPort: 8000}]
          readinessProbe: {httpGet: {path: /health, port: http}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{name: http, port: 80, targetPort: http}]}
YAML
printf 'resources: [app.yaml]\n' > "$work/k8s/base/kustomization.yaml"
printf 'resources: [../../base]\nnamePrefix: prod-\nimages: [{name: ghcr.io/acme/web, newTag: 1.0.1}]\n' > "$work/k8s/overlays/prod/kustomization.yaml"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # label, command...
  local label=$1; shift
  for _ in $(seq "$RUNS"); do
    local start end; start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done | median | xargs printf '| %s | %s |\n' "$label"
}

echo "| command | wall ms (median of $RUNS) |"
echo "|---|---|"
measure "helm template (helm create chart)" "$HELM" template berth "$work/charts/web"
measure "berth lint chart (runs helm template)" env PATH="$(dirname "$HELM"):$PATH" $BERTH lint "$work/charts/web"
NOTOOLS=$(echo "$PATH" | tr : "\n" | grep -v -e "^$(dirname "$HELM")$" -e "^$(dirname "$KUBECTL")$" | paste -sd:)
measure "berth lint chart (helm absent: Chart.yaml + values)" env PATH="$NOTOOLS" $BERTH lint "$work/charts/web"
measure "kubectl kustomize overlays/prod" "$KUBECTL" kustomize "$work/k8s/overlays/prod"
measure "berth lint k8s/ (kustomizes base and overlay)" env PATH="$(dirname "$KUBECTL"):$PATH" $BERTH lint "$work/k8s"
measure "berth lint k8s/base/app.yaml (plain file)" $BERTH lint "$work/k8s/base/app.yaml"

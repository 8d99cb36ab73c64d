#!/usr/bin/env bash
# Image size of the generated Python Dockerfiles against the floor, on the offline testbed.
#   bench/python-size/measure.sh [path/to/berth]      (after: . /run/testbed/env)
# own layers = image bytes - runtime base image bytes (the venv, the app, the user, the writable folders)
# floor      = the site-packages the app needs, byte-code included, plus the app's files (floor.py, run inside the image)
# "untrimmed" builds the same Dockerfile without Berth's last builder step (pip/setuptools/wheel removal + compileall), for comparison.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
berth=${1:-$root/src/Berth.Cli/bin/Debug/net10.0/berth}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

base_image() { [ "$1" = distroless ] && echo gcr.io/distroless/python3-debian12:nonroot || echo python:3.11-slim; }
bytes() { docker image inspect -f '{{.Size}}' "$1"; }

echo "| example | runtime | variant | own layers (MB) | floor (MB) | own / floor |"
echo "|---|---|---|---:|---:|---:|"
for case in notes-api:. inventory-service:. chat-platform:backend; do
  example=${case%%:*}; service=${case#*:}
  for runtime in slim distroless; do
    src="$work/$runtime/$example"
    mkdir -p "$src" && cp -r "$root/examples/$example/." "$src/"
    installer=auto; [ "$example" = inventory-service ] && installer=pip   # Poetry cannot resolve offline
    "$berth" init "$src" --runtime "$runtime" --installer "$installer" --k8s none --no-compose >/dev/null
    dockerfile="$src/$service/Dockerfile"
    # the untrimmed variant: the same file without the trim step (its comment lines and the RUN that follows them)
    awk '/only install packages: they stay out of the runtime|Byte-code is compiled here, once/ {skip=1; next}
         skip && /^RUN / {cont=1} skip && cont { if ($0 !~ /\\$/) {skip=0; cont=0}; next } {print}' "$dockerfile" > "$dockerfile.untrimmed"
    base=$(bytes "$(base_image "$runtime")")
    for variant in trimmed untrimmed; do
      file=$dockerfile; [ $variant = untrimmed ] && file=$dockerfile.untrimmed
      tag="berth-size/$example-$runtime-$variant"
      docker build --network host -q -f "$file" -t "$tag" "$src/$service" >/dev/null
      own=$(( $(bytes "$tag") - base ))
      if [ $variant = trimmed ]; then
        read -r floor _ < <(docker run --rm -i --entrypoint /opt/venv/bin/python "$tag" - < "$here/floor.py")
      fi
      awk -v e="$example" -v r="$runtime" -v v="$variant" -v o="$own" -v f="$floor" \
        'BEGIN { printf "| %s | %s | %s | %.2f | %.2f | %.3f× |\n", e, r, v, o/1e6, f/1e6, o/f }'
    done
  done
done

#!/bin/sh
# Build time of examples/next-web as berth init writes it: a cold build (--no-cache: no layer is reused; BuildKit's npm and
# .next/cache mounts are cleared first with `docker builder prune --filter type=exec.cachemount`), then a source-only edit
# (one line appended to app/page.js) rebuilt with the layer cache. The edit should re-run only `next build` and the copies
# after it: the dependency install is keyed on package.json + package-lock.json alone.
# Run from the repository root with a Docker engine (BuildKit) that can reach the npm registry: sh bench/node/next-rebuild.sh
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"; docker rmi -f berth-bench-next-rebuild >/dev/null 2>&1 || true' EXIT
cp -r examples/next-web "$work/app"
dotnet run --project src/Berth.Cli -- init "$work/app" --k8s none --no-compose >/dev/null
docker builder prune -f --filter type=exec.cachemount >/dev/null 2>&1 || true
now() { date +%s.%N; }
t0=$(now)
docker build --network host -q --no-cache -t berth-bench-next-rebuild "$work/app" >/dev/null
t1=$(now)
echo "// edited $(date +%s)" >> "$work/app/app/page.js"
docker build --network host -q -t berth-bench-next-rebuild "$work/app" >/dev/null
t2=$(now)
echo "cold build (no layer cache, cache mounts cleared)  $(echo "$t1 - $t0" | bc) s"
echo "source-only edit (app/page.js), layer cache        $(echo "$t2 - $t1" | bc) s"

#!/bin/sh
# Image size of examples/next-web as berth init writes it, against the seeds' three-stage template on the same base, and against
# the floor: the runtime base image plus the bytes of what a standalone server needs (.next/standalone, .next/static, public/).
# Run from the repository root with a Docker engine (BuildKit) that can reach the npm registry: sh bench/node/next-size.sh
set -eu
out=$(mktemp -d)
trap 'rm -rf "$out"; docker rmi -f berth-bench-next-berth berth-bench-next-seed >/dev/null 2>&1 || true' EXIT
dotnet run --project src/Berth.Cli -- init examples/next-web --out "$out" >/dev/null
docker build --network host -q -t berth-bench-next-berth -f "$out/Dockerfile" examples/next-web >/dev/null
docker build --network host -q -t berth-bench-next-seed -f bench/node/seed-next.Dockerfile examples/next-web >/dev/null
base=$(docker image inspect node:20-bookworm-slim --format '{{.Size}}')
berth=$(docker image inspect berth-bench-next-berth --format '{{.Size}}')
seed=$(docker image inspect berth-bench-next-seed --format '{{.Size}}')
app=$(docker run --rm --entrypoint du berth-bench-next-berth -sb --exclude=.next/cache /app | cut -f1)
floor=$((base + app))
echo "base node:20-bookworm-slim  $base bytes"
echo "standalone + static + public $app bytes"
echo "floor                        $floor bytes"
echo "berth init                   $berth bytes  ($(echo "scale=3; $berth / $floor" | bc)x floor)"
echo "seeds' template              $seed bytes  ($(echo "scale=3; $seed / $floor" | bc)x floor)"

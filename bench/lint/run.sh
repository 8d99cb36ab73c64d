#!/usr/bin/env bash
# Berth vs dockerfilelint vs dockerfile-utils, whole process each, side by side in one run:
#   bench/lint/run.sh            (needs the corpus: bench/dockerfile-corpus/collect.sh --from-list)
# Prints a markdown table: wall time over the corpus (median of RUNS), files/second, and single-file wall time.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5}
work=bench/lint/.work
mkdir -p "$work"

[ -d bench/corpus ] || bench/dockerfile-corpus/collect.sh --from-list
mapfile -t files < <(find bench/corpus -type f | LC_ALL=C sort)
single=${SINGLE:-tests/Berth.Tests/Golden/notes-api/slim/Dockerfile}

if [ ! -d "$work/node_modules/dockerfilelint" ]; then
  npm install --prefix "$work" --no-audit --no-fund dockerfilelint@1.8.0 dockerfile-utils@0.16.1 >/dev/null
fi
if [ ! -x "$work/berth/berth" ] || [ -n "${REBUILD:-}" ]; then
  dotnet publish src/Berth.Cli/Berth.Cli.csproj -c Release -r linux-x64 -p:PublishAot=true -o "$work/berth" >/dev/null
fi
berth="$work/berth/berth"

# median wall time in milliseconds of RUNS runs of a command (hyperfine when installed: apt-get install hyperfine)
median_ms() {
  if command -v hyperfine >/dev/null; then
    hyperfine -N -i -w 2 -r "$RUNS" --export-json "$work/hyperfine.json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1
    node -e 'const r = require(process.argv[1]).results[0]; console.log(Math.round(r.median * 1000))' "$PWD/$work/hyperfine.json"
    return
  fi
  local times=()
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "corpus: ${#files[@]} files; runs: $RUNS (median$(command -v hyperfine >/dev/null && echo ", hyperfine")); machine: $(nproc) cores, $(date -u +%F)"
echo
echo "| tool | rules | corpus wall (ms) | files/s | one file wall (ms) | summary |"
echo "|---|---|---|---|---|---|"
row() {
  local name=$1 rules=$2; shift 2
  local corpus one summary
  corpus=$(median_ms "$@" "${files[@]}")
  one=$(median_ms "$@" "$single")
  summary=$("$@" "${files[@]}" 2>/dev/null | tail -1 || true)
  echo "| $name | $rules | $corpus | $(awk -v n="${#files[@]}" -v ms="$corpus" 'BEGIN { printf "%.0f", (ms > 0 ? n * 1000 / ms : 0) }') | $one | $summary |"
}
berth_rules=$("$berth" rules | wc -l)
row "berth (NativeAOT)" "$berth_rules" "$berth" lint --fail-on info
row "dockerfilelint 1.8.0" 27 node bench/lint/peers.js dockerfilelint
row "dockerfile-utils 0.16.1" "~40" node bench/lint/peers.js dockerfile-utils

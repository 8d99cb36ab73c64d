#!/usr/bin/env bash
# berth verify's overhead over what a person does by hand before checking anything: `docker build` + `docker run` + poll the health
# route until it answers 200. Both on the same generated example (notes-api, slim runtime), side by side, warm and cold build cache.
#   RUNS=5 COLD_RUNS=3 bench/verify/run.sh        (needs a docker engine; on the offline testbed: . ../shared/testbed/up first)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5}
COLD_RUNS=${COLD_RUNS:-3}
work=$(mktemp -d /tmp/berth-bench-verify.XXXXXX)
trap 'docker rm -f berth-bench-plain >/dev/null 2>&1 || true; docker rmi -f berth-bench-plain:1 >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

dotnet build src/Berth.Cli -c Release --artifacts-path "$work/art" -v q -nologo >/dev/null
berth() { dotnet "$work/art/bin/Berth.Cli/release/berth.dll" "$@"; }
cp -r examples/notes-api "$work/app"
berth init "$work/app" >/dev/null

now() { date +%s.%N; }
plain() { # build, run, wait for GET /health = 200; returns seconds
  local start end
  start=$(now)
  docker build -q --network host -t berth-bench-plain:1 "$work/app" >/dev/null
  docker run -d --name berth-bench-plain --network host -e DATABASE_URL=postgresql://u:p@127.0.0.1/db -e API_KEY=k berth-bench-plain:1 >/dev/null
  until curl -fs -o /dev/null http://127.0.0.1:8000/health; do sleep 0.05; done
  end=$(now)
  docker rm -f berth-bench-plain >/dev/null
  echo "$end - $start" | bc
}
verify() {
  local start end
  start=$(now)
  berth verify "$work/app" --format json > "$work/report.json" || { echo "verify failed:" >&2; cat "$work/report.json" >&2; exit 1; }
  end=$(now)
  echo "$end - $start" | bc
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
cold() { docker builder prune -af >/dev/null 2>&1 || true; docker rmi -f berth-bench-plain:1 >/dev/null 2>&1 || true; }

plain >/dev/null; verify >/dev/null # warm the cache once
declare -a pw vw pc vc
for _ in $(seq "$RUNS"); do pw+=("$(plain)"); vw+=("$(verify)"); done
for _ in $(seq "$COLD_RUNS"); do cold; pc+=("$(plain)"); cold; vc+=("$(verify)"); done

pwm=$(printf '%s\n' "${pw[@]}" | median); vwm=$(printf '%s\n' "${vw[@]}" | median)
pcm=$(printf '%s\n' "${pc[@]}" | median); vcm=$(printf '%s\n' "${vc[@]}" | median)
echo "| cache | plain build + start-to-healthy (s) | berth verify, whole checklist (s) | ratio |"
echo "|---|---|---|---|"
printf '| warm (%d runs, median) | %.1f | %.1f | %.2f× |\n' "$RUNS" "$pwm" "$vwm" "$(echo "$vwm / $pwm" | bc -l)"
printf '| cold (%d runs, median) | %.1f | %.1f | %.2f× |\n' "$COLD_RUNS" "$pcm" "$vcm" "$(echo "$vcm / $pcm" | bc -l)"
echo
echo "warm plain: ${pw[*]}"; echo "warm verify: ${vw[*]}"; echo "cold plain: ${pc[*]}"; echo "cold verify: ${vc[*]}"

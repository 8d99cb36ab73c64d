#!/usr/bin/env bash
# berth verify's overhead over what a person does by hand before checking anything: `docker build` + `docker run` + poll the health
# route until it answers 200. The last column adds what any run must do after that — docker stop, rm, rmi — which the
# checklist's own steps (SIGTERM stop, removal) cannot avoid. Both on the same generated example (notes-api, slim runtime), side by side, warm and cold build cache.
#   RUNS=5 COLD_RUNS=3 bench/verify/run.sh        (needs a docker engine; on the offline testbed: . ../shared/testbed/up first)
# Set BERTH_VERIFY_LAYERS=save to measure verify reading the layers through `docker save` instead of the engine's storage.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5}
COLD_RUNS=${COLD_RUNS:-3}
work=$(mktemp -d /tmp/berth-bench-verify.XXXXXX)
trap 'docker rm -f berth-bench-plain >/dev/null 2>&1 || true; docker rmi -f berth-bench-plain:1 >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# Berth both ways it runs: the NativeAOT binary (as bench/lint publishes it) and the framework-dependent berth.dll (`dotnet run`, JIT).
dotnet publish src/Berth.Cli/Berth.Cli.csproj -c Release -r linux-x64 -p:PublishAot=true --artifacts-path "$work/aot-art" -o "$work/aot" -v q -nologo >/dev/null
dotnet build src/Berth.Cli -c Release --artifacts-path "$work/art" -v q -nologo >/dev/null
berth_aot() { "$work/aot/berth" "$@"; }
berth_jit() { dotnet "$work/art/bin/Berth.Cli/release/berth.dll" "$@"; }
cp -r examples/notes-api "$work/app"
berth_aot init "$work/app" >/dev/null

now() { date +%s.%N; }
plain() { # build, run, wait for GET /health = 200; returns seconds to healthy, and to stopped and removed (docker stop, rm, rmi) as "a b"
  local start healthy end
  start=$(now)
  docker build -q --network host -t berth-bench-plain:1 "$work/app" >/dev/null
  docker run -d --name berth-bench-plain --network host -e DATABASE_URL=postgresql://u:p@127.0.0.1/db -e API_KEY=k berth-bench-plain:1 >/dev/null
  until curl -fs -o /dev/null http://127.0.0.1:8000/health; do sleep 0.05; done
  healthy=$(now)
  docker stop berth-bench-plain >/dev/null
  docker rm berth-bench-plain >/dev/null
  docker rmi berth-bench-plain:1 >/dev/null
  end=$(now)
  echo "$(echo "$healthy - $start" | bc) $(echo "$end - $start" | bc)"
}
verify() { # $1: berth_aot or berth_jit
  local start end
  start=$(now)
  "$1" verify "$work/app" --format json > "$work/report.json" || { echo "verify failed:" >&2; cat "$work/report.json" >&2; exit 1; }
  end=$(now)
  echo "$end - $start" | bc
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
cold() { docker builder prune -af >/dev/null 2>&1 || true; docker rmi -f berth-bench-plain:1 >/dev/null 2>&1 || true; }

plain >/dev/null; verify berth_aot >/dev/null; verify berth_jit >/dev/null # warm the cache once
declare -a pw sw aw jw pc sc ac jc
for _ in $(seq "$RUNS"); do read -r a b <<<"$(plain)"; pw+=("$a"); sw+=("$b"); aw+=("$(verify berth_aot)"); jw+=("$(verify berth_jit)"); done
for _ in $(seq "$COLD_RUNS"); do cold; read -r a b <<<"$(plain)"; pc+=("$a"); sc+=("$b"); cold; ac+=("$(verify berth_aot)"); cold; jc+=("$(verify berth_jit)"); done

m() { printf '%s\n' "$@" | median; }
pwm=$(m "${pw[@]}"); swm=$(m "${sw[@]}"); awm=$(m "${aw[@]}"); jwm=$(m "${jw[@]}")
pcm=$(m "${pc[@]}"); scm=$(m "${sc[@]}"); acm=$(m "${ac[@]}"); jcm=$(m "${jc[@]}")
echo "layers: $(grep -o '"image layers[^"]*"' "$work/report.json")"
echo
echo "| cache | plain build + start-to-healthy (s) | berth verify, NativeAOT (s) | ratio | berth verify, dotnet berth.dll (s) | ratio | plain + docker stop, rm, rmi (s) |"
echo "|---|---|---|---|---|---|---|"
printf '| warm (%d runs, median) | %.2f | %.2f | %.2f× | %.2f | %.2f× | %.2f |\n' "$RUNS" "$pwm" "$awm" "$(echo "$awm / $pwm" | bc -l)" "$jwm" "$(echo "$jwm / $pwm" | bc -l)" "$swm"
printf '| cold (%d runs, median) | %.2f | %.2f | %.2f× | %.2f | %.2f× | %.2f |\n' "$COLD_RUNS" "$pcm" "$acm" "$(echo "$acm / $pcm" | bc -l)" "$jcm" "$(echo "$jcm / $pcm" | bc -l)" "$scm"
echo
echo "warm plain: ${pw[*]}"; echo "warm plain + stop and removal: ${sw[*]}"; echo "warm verify (AOT): ${aw[*]}"; echo "warm verify (JIT): ${jw[*]}"
echo "cold plain: ${pc[*]}"; echo "cold plain + stop and removal: ${sc[*]}"; echo "cold verify (AOT): ${ac[*]}"; echo "cold verify (JIT): ${jc[*]}"

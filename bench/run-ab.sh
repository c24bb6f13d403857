#!/usr/bin/env bash
# A/B of gateway builds or runtime settings in one sitting (docs/PERFORMANCE.md, "Wave 2's twentieth session").
#
#   bench/run-ab.sh [MODE] [SECONDS] [ROUNDS] NAME=ENV:TARGET ...
#
# MODE: stream (default) or nonstream. TARGET: a gateway dll, or "hop" for another reference hop. ENV: "-" or
# comma-separated NAME=value pairs for that process only. One mock and the reference hop are always started; every
# target gets its own port, config and SQLite file. Servers on cpu 0 and wrk (-t1 -c32) on cpu 1, as run-e2e.sh's
# saturation phases. Each round runs one wrk phase per target in turn (hop first), so a machine whose load drifts
# moves every target alike; per phase: req/s and the CPU-µs per request of the proxy and of the mock
# (/proc/PID/stat). Optional (environment):
#   AB_STAT=1   per phase, the proxy's sched_yield and futex calls and context switches per request (perf stat -p)
#   AB_SETTLE_MAX=S  before the rounds, each proxy is loaded in 2-second wrk slices until its tier-up compiler is idle
#               (two slices in a row with at most 2 ticks of its CPU), at most S seconds (60)
#   AB_LAT=N    after the rounds, N rounds of the unloaded client (nothing pinned, one keep-alive connection):
#               p50 of total time and of time to first chunk, direct to the mock and through each target
# Example: bench/run-ab.sh stream 5 8 gw=-:/tmp/gw/majordomo.dll spin0=DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0:/tmp/gw/majordomo.dll
# Needs a Release build of the bench (dotnet build bench/Majordomo.Bench -c Release), wrk, taskset; perf for AB_STAT.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${1:-stream}; SECS=${2:-5}; ROUNDS=${3:-6}
shift $(( $# < 3 ? $# : 3 ))
[[ $MODE == stream || $MODE == nonstream ]] || { echo "run-ab: MODE is stream or nonstream" >&2; exit 2; }
(( $# > 0 )) || { echo "run-ab: name at least one NAME=ENV:TARGET" >&2; exit 2; }
: "${AB_STAT:=0}" "${AB_LAT:=0}" "${AB_PORT:=18180}" "${AB_SETTLE_MAX:=60}"
SETTLED=()
BENCH=bench/Majordomo.Bench/bin/Release/net10.0/Majordomo.Bench.dll
[[ -f $BENCH ]] || { echo "run-ab: $BENCH not found" >&2; exit 2; }
WORK=$(mktemp -d /tmp/majordomo-ab.XXXXXX)
declare -A PID_OF PORT_OF
NAMES=(hop)
STARTED=()
cleanup() { for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

MOCK_PORT=$AB_PORT
start() { # name port command...
  local name=$1 port=$2; shift 2
  "$@" >"$WORK/$name.log" 2>&1 &
  PID_OF[$name]=$!; PORT_OF[$name]=$port; STARTED+=("$!")
}
start mock "$MOCK_PORT" taskset -c 0 dotnet "$BENCH" mock --port "$MOCK_PORT" --chunks 20
start hop $((AB_PORT + 1)) taskset -c 0 dotnet "$BENCH" hop --port $((AB_PORT + 1)) --upstream "http://127.0.0.1:$MOCK_PORT"
port=$((AB_PORT + 1))
for spec in "$@"; do
  name=${spec%%=*}; rest=${spec#*=}; envs=${rest%%:*}; target=${rest#*:}; port=$((port + 1))
  [[ $name != "$spec" && $rest != "$envs" && -n $name ]] || { echo "run-ab: '$spec' is not NAME=ENV:TARGET" >&2; exit 2; }
  vars=(); [[ $envs != - ]] && IFS=, read -ra vars <<<"$envs"
  if [[ $target == hop ]]; then
    start "$name" "$port" env "${vars[@]}" taskset -c 0 dotnet "$BENCH" hop --port "$port" --upstream "http://127.0.0.1:$MOCK_PORT"
  else
    cat >"$WORK/$name.json" <<EOF
{ "storage": { "sqlite": "$WORK/$name.db" },
  "providers": { "mock": { "api": "openai", "baseUrl": "http://127.0.0.1:$MOCK_PORT/v1", "locality": "local" } },
  "models": { "mock/bench-model": { "provider": "mock", "upstreamModel": "bench-model", "tier": 0, "quality": 50 } },
  "routes": { "default": { "chain": ["mock/bench-model"] } }, "defaultRoute": "default" }
EOF
    start "$name" "$port" env "${vars[@]}" taskset -c 0 dotnet "$target" serve --config "$WORK/$name.json" --urls "http://127.0.0.1:$port"
  fi
  NAMES+=("$name")
done
for name in mock "${NAMES[@]}"; do
  ready=0
  for _ in $(seq 300); do
    if curl -fsS -o /dev/null -m 1 "http://127.0.0.1:${PORT_OF[$name]}/health" 2>/dev/null; then ready=1; break; fi
    sleep 0.2
  done
  (( ready )) || { echo "run-ab: $name did not start; its log:" >&2; tail -20 "$WORK/$name.log" >&2; exit 2; }
done

FLAG=(); [[ $MODE == stream ]] && FLAG=(--stream)
BODY=$(dotnet "$BENCH" body --model mock/bench-model "${FLAG[@]}")
url() { echo "http://127.0.0.1:${PORT_OF[$1]}/v1/chat/completions"; }
wrk_phase() { # target seconds output
  WRK_BODY="$BODY" taskset -c 1 wrk -t1 -c32 -d"$2"s --timeout 10s -s bench/wrk/chat.lua "$(url "$1")" >"$3" 2>&1
}
jit_ticks() { # pid -> CPU ticks of its tiered-compilation threads (the tier-up compiler; the thread exits when idle)
  local t stat sum=0
  for t in /proc/"$1"/task/*; do
    [[ $(<"$t/comm") == ".NET Tiered Com"* ]] || continue
    stat=$(<"$t/stat") || continue
    stat=${stat##*) }; set -- $stat; sum=$(( sum + ${12} + ${13} ))
  done 2>/dev/null
  echo "$sum"
}
for name in "${NAMES[@]}"; do # tiered compilation settles, as run-e2e.sh's JIT warm-up and settling
  dotnet "$BENCH" latency --url "$(url "$name")" --model mock/bench-model "${FLAG[@]}" --warmup 20000 --requests 1 --target "$name" \
    --section warmup --out "$WORK/warmup.tsv" >/dev/null 2>&1
  # Then 2-second wrk slices until the tier-up compiler used at most 2 ticks in two slices in a row (AB_SETTLE_MAX s at most).
  elapsed=0; quiet=0
  while (( quiet < 2 && elapsed < AB_SETTLE_MAX )); do
    before=$(jit_ticks "${PID_OF[$name]}"); wrk_phase "$name" 2 "$WORK/warmup-$name.txt"; after=$(jit_ticks "${PID_OF[$name]}")
    elapsed=$((elapsed + 2)); if (( after - before <= 2 )); then quiet=$((quiet + 1)); else quiet=0; fi
  done
  SETTLED+=("$name ${elapsed}s$( (( quiet < 2 )) && echo ' (compiler not idle)' || true)")
done

ticks() { local s; s=$(<"/proc/$1/stat"); s=${s##*) }; set -- $s; echo $(( ${12} + ${13} )); }
HZ=$(getconf CLK_TCK)
echo "run-ab: $MODE, ${SECS}s wrk phases, $ROUNDS rounds, $(date -u '+%Y-%m-%d %H:%M UTC'), targets: ${NAMES[*]}"
echo "$@" | tr ' ' '\n' | sed 's/^/  /'
echo "  load before the rounds until each proxy's tier-up compiler was idle: ${SETTLED[*]/%/;}"
for ((round = 1; round <= ROUNDS; round++)); do
  line="round $round (load $(cut -d' ' -f1 /proc/loadavg)):"
  stats=""
  for name in "${NAMES[@]}"; do
    pid=${PID_OF[$name]}; proxy0=$(ticks "$pid"); mock0=$(ticks "${PID_OF[mock]}")
    if [[ $AB_STAT == 1 ]]; then
      perf stat -e syscalls:sys_enter_sched_yield,syscalls:sys_enter_futex,context-switches -p "$pid" -o "$WORK/stat-$name-$round.txt" -- sleep "$SECS" >/dev/null 2>&1 &
      statpid=$!
    fi
    wrk_phase "$name" "$SECS" "$WORK/wrk-$name-$round.txt"
    proxy1=$(ticks "$pid"); mock1=$(ticks "${PID_OF[mock]}")
    [[ $AB_STAT == 1 ]] && wait "$statpid"
    requests=$(awk '/requests in/ {print $1}' "$WORK/wrk-$name-$round.txt")
    line+=$(awk -v n="$name" -v q="${requests:-0}" -v p=$((proxy1 - proxy0)) -v m=$((mock1 - mock0)) -v s="$SECS" -v hz="$HZ" \
      'BEGIN { if (q > 0) printf "  %s %.0f req/s, proxy %.1f, mock %.1f CPU-µs/req;", n, q / s, p * 1e6 / hz / q, m * 1e6 / hz / q; else printf "  %s no requests;", n }')
    if [[ $AB_STAT == 1 && -n $requests ]]; then
      stats+=$(awk -v n="$name" -v q="$requests" '/sched_yield|futex|context-switches/ {gsub("syscalls:sys_enter_", "", $2); s = s sprintf(" %s %.2f", $2, $1 / q)} END {printf "\n    %s per request:%s", n, s}' "$WORK/stat-$name-$round.txt")
    fi
  done
  echo "$line$stats"
done

if (( AB_LAT > 0 )); then
  for name in mock "${NAMES[@]}"; do taskset -a -p -c "0-$(( $(nproc) - 1 ))" "${PID_OF[$name]}" >/dev/null; done
  for ((round = 1; round <= AB_LAT; round++)); do
    line="unloaded $round, p50 total / to first chunk µs:"
    for name in mock "${NAMES[@]}"; do
      dotnet "$BENCH" latency --url "$(url "$name")" --model mock/bench-model "${FLAG[@]}" --warmup 1000 --requests 2000 --target "$name" \
        --section "lat$round" --out "$WORK/latency.tsv" >/dev/null 2>&1
      line+=$(awk -F'\t' -v s="lat$round" -v n="$name" '$1 == s && $3 == n && $4 == "total_p50_us" {t = $5} $1 == s && $3 == n && $4 == "ttfc_p50_us" {f = $5}
        END {printf "  %s %.0f / %s;", (n == "mock" ? "direct" : n), t, (f == "" ? "-" : sprintf("%.0f", f))}' "$WORK/latency.tsv")
    done
    echo "$line"
  done
fi
echo "run-ab: logs and results in $WORK"

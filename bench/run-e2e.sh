#!/usr/bin/env bash
# End-to-end benchmark of Majordomo against the reference hop (SPEC §6), in one run:
#   direct to the mock upstream, through the reference hop, through Majordomo;
#   non-streaming and streaming (BENCH_CHUNKS chunks);
#   throughput and latency at saturation (wrk), unloaded sequential latency and time to first chunk,
#   a flush check (upstream pauses between chunks), and CPU-µs per request of each server.
# Prints a markdown report. Everything listens on 127.0.0.1 only; everything started here is
# stopped on exit. Hop and Majordomo phases alternate (BENCH_PAIRS pairs per mode); the report gives
# the median ratio, its spread and each side's CPU-µs per request, and is also written to
# BENCH_SUMMARY. With --scale it then runs the paced-stream and soak workloads of Majordomo.Bench
# against the gateway. Usage: bench/run-e2e.sh [--scale]   (settings below, from the environment)
set -euo pipefail

BENCH_SCALE=${BENCH_SCALE:-0}
for arg in "$@"; do
  case "$arg" in
    --scale) BENCH_SCALE=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "run-e2e: unknown argument '$arg' (see bench/README.md)" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# ---- settings -------------------------------------------------------------------------------
: "${BENCH_DURATION:=10}"          # seconds of each measured wrk phase
: "${BENCH_WARMUP:=3}"             # seconds of wrk warm-up before each measured phase
: "${BENCH_CONNECTIONS:=32}"       # wrk connections
: "${BENCH_THREADS:=1}"            # wrk threads
: "${BENCH_PAIRS:=5}"              # alternating hop / majordomo measured phases per mode (ABAB…)
: "${BENCH_SEQ_WARMUP:=1000}"      # sequential warm-up requests per target and mode
: "${BENCH_JIT_WARMUP:=20000}"     # sequential requests per target and mode before anything is measured (tiered JIT settles)
: "${BENCH_SETTLE_MAX:=60}"        # at most this many seconds of wrk load per target and mode until its tier-up compiler is idle (0: off)
: "${BENCH_SEQ_REQUESTS:=2000}"    # sequential measured requests per target and mode
: "${BENCH_CHUNKS:=20}"            # content chunks per streamed response
: "${BENCH_FLUSH_DELAY_MS:=2}"     # pause between chunks in the flush check
: "${BENCH_FLUSH_REQUESTS:=20}"    # measured requests per target in the flush check
: "${BENCH_PIN:=1}"                # 1: during saturation phases servers on cpu 0, wrk on cpu 1 (needs 2 cpus); 0: no pinning
: "${BENCH_BUILD:=1}"              # 0: use the existing Release builds
: "${BENCH_TARGETS:=direct hop majordomo}"
: "${BENCH_GATEWAY_DLL:=src/Majordomo/bin/Release/net10.0/majordomo.dll}"
: "${BENCH_GATEWAY_ENV:=}"         # extra environment for the gateway only (NAME=value words), e.g. "DOTNET_TieredPGO=0"
: "${BENCH_HOP_ENV:=}"             # the same for the reference hop (a control for a runtime setting tried on the gateway)
: "${BENCH_READY_TIMEOUT:=60}"     # seconds to wait for each server's readiness
: "${BENCH_KEEP:=0}"               # 1: keep the work dir (config, logs, results) even on success
: "${BENCH_STRICT:=0}"             # 1: exit 1 when a SPEC §6 bar fails
: "${MOCK_PORT:=18081}"
: "${HOP_PORT:=18082}"
: "${GATEWAY_PORT:=18083}"
: "${SLOW_MOCK_PORT:=18084}"
: "${PACED_MOCK_PORT:=18085}"       # --scale: the mock pacing its chunks (BENCH_PACED_CHUNKS every BENCH_PACED_DELAY_MS)
: "${BENCH_STREAMS:=5000}"          # --scale: concurrent paced streams
: "${BENCH_PACED_CHUNKS:=100}"
: "${BENCH_PACED_DELAY_MS:=20}"     # the paced mock's clock (must be ≥ 1)
: "${BENCH_SOAK_SECONDS:=600}"      # --scale: soak length
: "${BENCH_SUMMARY:=/tmp/majordomo-e2e-$(date -u +%Y%m%d-%H%M%S).md}"  # the Markdown summary (also printed)

die() { echo "run-e2e: $*" >&2; exit 2; }
log() { echo "run-e2e: $*" >&2; }

check_int() { # name value min max
  if ! [[ "$2" =~ ^[0-9]+$ ]] || (( $2 < $3 || $2 > $4 )); then die "$1=$2 is not an integer in [$3, $4]"; fi
}
check_int BENCH_DURATION "$BENCH_DURATION" 1 300
check_int BENCH_WARMUP "$BENCH_WARMUP" 0 120
check_int BENCH_CONNECTIONS "$BENCH_CONNECTIONS" 1 1000
check_int BENCH_THREADS "$BENCH_THREADS" 1 16
check_int BENCH_PAIRS "$BENCH_PAIRS" 1 50
check_int BENCH_SEQ_WARMUP "$BENCH_SEQ_WARMUP" 0 100000
check_int BENCH_JIT_WARMUP "$BENCH_JIT_WARMUP" 0 200000
check_int BENCH_SETTLE_MAX "$BENCH_SETTLE_MAX" 0 600
check_int BENCH_SEQ_REQUESTS "$BENCH_SEQ_REQUESTS" 1 100000
check_int BENCH_CHUNKS "$BENCH_CHUNKS" 2 10000
check_int BENCH_FLUSH_DELAY_MS "$BENCH_FLUSH_DELAY_MS" 1 1000
check_int BENCH_FLUSH_REQUESTS "$BENCH_FLUSH_REQUESTS" 1 1000
check_int BENCH_READY_TIMEOUT "$BENCH_READY_TIMEOUT" 1 600
check_int BENCH_STREAMS "$BENCH_STREAMS" 1 100000
check_int BENCH_PACED_CHUNKS "$BENCH_PACED_CHUNKS" 2 10000
check_int BENCH_PACED_DELAY_MS "$BENCH_PACED_DELAY_MS" 1 60000
check_int BENCH_SOAK_SECONDS "$BENCH_SOAK_SECONDS" 1 86400
for port in "$MOCK_PORT" "$HOP_PORT" "$GATEWAY_PORT" "$SLOW_MOCK_PORT" "$PACED_MOCK_PORT"; do check_int port "$port" 1024 65535; done
for target in $BENCH_TARGETS; do
  case "$target" in direct|hop|majordomo) ;; *) die "BENCH_TARGETS: unknown target '$target'";; esac
done

command -v dotnet >/dev/null || die "dotnet is not on PATH"
command -v curl >/dev/null || die "curl is needed"
if ! command -v wrk >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    log "installing wrk (apt-get)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; } >/dev/null 2>&1 || true
  fi
  command -v wrk >/dev/null || die "wrk is needed: apt-get install wrk"
fi

CPUS=$(nproc)
# With BENCH_PIN=1 the servers start on cpu 0 (each .NET runtime then sizes itself for one cpu)
# and wrk runs on cpu 1: the load generator cannot steal the servers' core, and throughput at
# saturation measures what proxy + mock cost per request on one core. For the unloaded phases (one
# request in flight, nothing competing) the servers get every cpu (taskset -a -p) and the client
# is unpinned. (Starting unpinned and confining the runtimes later was tried: it was noisier.)
PIN=0
SERVER_RUN=()
CLIENT_RUN=()
PLACEMENT="none: the scheduler places servers and load generators on $CPUS shared cpus"
if [[ "$BENCH_PIN" == 1 ]] && (( CPUS >= 2 )) && command -v taskset >/dev/null; then
  PIN=1
  SERVER_RUN=(taskset -c 0)
  CLIENT_RUN=(taskset -c 1)
  PLACEMENT="saturation: mock, hop and majordomo started on cpu 0, wrk on cpu 1 (taskset); unloaded and flush: nothing pinned"
fi
ALL_CPUS="0-$((CPUS - 1))"
pin_servers() { # cpu list: move every thread of every server
  local pid
  (( PIN == 1 )) || return 0
  for pid in "${STARTED[@]}"; do taskset -a -p -c "$1" "$pid" >/dev/null 2>&1 || true; done
}
CLK_TCK=$(getconf CLK_TCK)

WORK=$(mktemp -d /tmp/majordomo-bench.XXXXXX)
RESULTS="$WORK/results.tsv"
: >"$RESULTS"
declare -A PID_OF=()
STARTED=()
CLIENT_PID=""

# Runs a load generator in the background and waits for it, so INT/TERM reach the trap at once
# instead of after the current phase; cleanup stops it too.
client() {
  local rc=0
  "$@" &
  CLIENT_PID=$!
  wait "$CLIENT_PID" || rc=$?
  CLIENT_PID=""
  return "$rc"
}
KEEP_WORK="$BENCH_KEEP"

# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  local pid i
  # Only the processes this script started, by pid: SIGTERM, up to 5 s, then SIGKILL.
  if [[ -n "$CLIENT_PID" ]]; then kill "$CLIENT_PID" 2>/dev/null || true; fi
  for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STARTED[@]}"; do
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    wait "$pid" 2>/dev/null || true
  done
  if [[ "$KEEP_WORK" == 1 ]]; then
    log "work dir kept: $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

meta() { printf 'meta\t-\t-\t%s\t%s\n' "$1" "$2" >>"$RESULTS"; }
result() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >>"$RESULTS"; }
last_result() { # section mode target metric -> value or empty
  awk -F'\t' -v s="$1" -v m="$2" -v t="$3" -v k="$4" '$1==s && $2==m && $3==t && $4==k {v=$5} END {print v}' "$RESULTS"
}

# ---- build -------------------------------------------------------------------------------------
BENCH_DLL="bench/Majordomo.Bench/bin/Release/net10.0/Majordomo.Bench.dll"
GATEWAY_STATUS="not requested"
want() { [[ " $BENCH_TARGETS " == *" $1 "* ]]; }

if [[ "$BENCH_BUILD" == 1 ]]; then
  log "building bench (Release)"
  dotnet build bench/Majordomo.Bench -c Release -nologo -v q >"$WORK/build-bench.log" 2>&1 \
    || { tail -30 "$WORK/build-bench.log" >&2; die "bench build failed"; }
fi
[[ -f "$BENCH_DLL" ]] || die "$BENCH_DLL not found (build with BENCH_BUILD=1)"
bench() { dotnet "$BENCH_DLL" "$@"; }

if want majordomo; then
  GATEWAY_STATUS="ok"
  if [[ "$BENCH_BUILD" == 1 ]]; then
    log "building gateway (Release)"
    if ! dotnet build src/Majordomo -c Release -nologo -v q >"$WORK/build-gateway.log" 2>&1; then
      tail -30 "$WORK/build-gateway.log" >&2
      GATEWAY_STATUS="build failed"
    fi
  fi
  if [[ "$GATEWAY_STATUS" == ok && ! -f "$BENCH_GATEWAY_DLL" ]]; then GATEWAY_STATUS="$BENCH_GATEWAY_DLL not found"; fi
fi

# ---- start servers -----------------------------------------------------------------------------
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
SCALE_PORTS=(); [[ "$BENCH_SCALE" == 1 ]] && SCALE_PORTS=("$PACED_MOCK_PORT")
for port in "$MOCK_PORT" "$HOP_PORT" "$GATEWAY_PORT" "$SLOW_MOCK_PORT" "${SCALE_PORTS[@]}"; do
  port_free "$port" || die "port $port on 127.0.0.1 is already in use (set MOCK_PORT / HOP_PORT / GATEWAY_PORT / SLOW_MOCK_PORT)"
done

start() { # name command...
  local name=$1; shift
  "$@" >"$WORK/$name.log" 2>&1 &
  PID_OF[$name]=$!
  STARTED+=("$!")
}

wait_ready() { # name url
  local name=$1 url=$2 i
  for ((i = 0; i < BENCH_READY_TIMEOUT * 10; i++)); do
    if curl -fsS -o /dev/null -m 1 "$url" 2>/dev/null; then return 0; fi
    if ! kill -0 "${PID_OF[$name]}" 2>/dev/null; then
      log "$name exited before it was ready; last lines of its log:"
      tail -20 "$WORK/$name.log" >&2
      return 1
    fi
    sleep 0.1
  done
  log "$name not ready at $url after ${BENCH_READY_TIMEOUT}s; last lines of its log:"
  tail -20 "$WORK/$name.log" >&2
  return 1
}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
start mock "${SERVER_RUN[@]}" dotnet "$BENCH_DLL" mock --port "$MOCK_PORT" --chunks "$BENCH_CHUNKS"
start slowmock "${SERVER_RUN[@]}" dotnet "$BENCH_DLL" mock --port "$SLOW_MOCK_PORT" --chunks "$BENCH_CHUNKS" --delay-ms "$BENCH_FLUSH_DELAY_MS"
wait_ready mock "http://127.0.0.1:$MOCK_PORT/health" || die "mock did not start"
wait_ready slowmock "http://127.0.0.1:$SLOW_MOCK_PORT/health" || die "slow mock did not start"
PACED_PROVIDER=""
PACED_MODEL=""
if [[ "$BENCH_SCALE" == 1 ]]; then
  start pacedmock "${SERVER_RUN[@]}" dotnet "$BENCH_DLL" mock --port "$PACED_MOCK_PORT" --chunks "$BENCH_PACED_CHUNKS" --delay-ms "$BENCH_PACED_DELAY_MS" --paced
  wait_ready pacedmock "http://127.0.0.1:$PACED_MOCK_PORT/health" || die "paced mock did not start"
  PACED_PROVIDER=",
    \"mockpaced\": { \"api\": \"openai\", \"baseUrl\": \"http://127.0.0.1:$PACED_MOCK_PORT/v1\", \"locality\": \"local\" }"
  PACED_MODEL=",
    \"mockpaced/bench-model\": { \"provider\": \"mockpaced\", \"upstreamModel\": \"bench-model\", \"tier\": 0, \"quality\": 50 }"
fi
if want hop; then
  # shellcheck disable=SC2086  # BENCH_HOP_ENV is a list of NAME=value words
  start hop "${SERVER_RUN[@]}" env $BENCH_HOP_ENV dotnet "$BENCH_DLL" hop --port "$HOP_PORT" --upstream "http://127.0.0.1:$MOCK_PORT"
  wait_ready hop "http://127.0.0.1:$HOP_PORT/health" || die "hop did not start"
fi

if [[ "$GATEWAY_STATUS" == ok ]]; then
  cat >"$WORK/majordomo.json" <<EOF
// Written by bench/run-e2e.sh: one local mock upstream, one model, one route.
// "mockslow" is the same mock pausing ${BENCH_FLUSH_DELAY_MS} ms between chunks, for the flush check.
{
  "server": { "urls": ["http://127.0.0.1:$GATEWAY_PORT"] },
  "storage": { "sqlite": "$WORK/bench.db" },
  "providers": {
    "mock": { "api": "openai", "baseUrl": "http://127.0.0.1:$MOCK_PORT/v1", "locality": "local" },
    "mockslow": { "api": "openai", "baseUrl": "http://127.0.0.1:$SLOW_MOCK_PORT/v1", "locality": "local" }$PACED_PROVIDER
  },
  "models": {
    "mock/bench-model": { "provider": "mock", "upstreamModel": "bench-model", "tier": 0, "quality": 50 },
    "mockslow/bench-model": { "provider": "mockslow", "upstreamModel": "bench-model", "tier": 0, "quality": 50 }$PACED_MODEL
  },
  "routes": { "default": { "chain": ["mock/bench-model"] } },
  "defaultRoute": "default"
}
EOF
  # shellcheck disable=SC2086  # BENCH_GATEWAY_ENV is a list of NAME=value words
  start majordomo "${SERVER_RUN[@]}" env $BENCH_GATEWAY_ENV dotnet "$BENCH_GATEWAY_DLL" serve --config "$WORK/majordomo.json" --urls "http://127.0.0.1:$GATEWAY_PORT"
  if ! wait_ready majordomo "http://127.0.0.1:$GATEWAY_PORT/health"; then
    GATEWAY_STATUS="did not become ready (GET /health)"
    KEEP_WORK=1
  fi
fi

declare -A URL_OF=(
  [direct]="http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
  [hop]="http://127.0.0.1:$HOP_PORT/v1/chat/completions"
  [majordomo]="http://127.0.0.1:$GATEWAY_PORT/v1/chat/completions"
)
declare -A PROXY_OF=([direct]="" [hop]=hop [majordomo]=majordomo)
MODEL="mock/bench-model"
BODY_NONSTREAM=$(bench body --model "$MODEL")
BODY_STREAM=$(bench body --model "$MODEL" --stream)

# ---- smoke test: every target answers both modes with 200 before it is measured ---------------
declare -A SKIP=()
for target in $BENCH_TARGETS; do
  if [[ "$target" == majordomo && "$GATEWAY_STATUS" != ok ]]; then
    SKIP[$target]="gateway $GATEWAY_STATUS"
    continue
  fi
  for mode in nonstream stream; do
    body=$BODY_NONSTREAM; [[ $mode == stream ]] && body=$BODY_STREAM
    status=$(curl -sS -m 10 -o "$WORK/smoke-$target-$mode.txt" -D "$WORK/smoke-$target-$mode.headers" -w '%{http_code}' \
      -H 'Content-Type: application/json' -H 'Authorization: Bearer bench-key' --data-binary "$body" "${URL_OF[$target]}" 2>>"$WORK/smoke.log" || true)
    if [[ "$status" != 200 ]]; then
      SKIP[$target]="smoke test $mode: HTTP ${status:-none}: $(head -c 300 "$WORK/smoke-$target-$mode.txt" 2>/dev/null | tr '\t\n' '  ')"
      KEEP_WORK=1
      break
    fi
    if [[ $mode == stream ]] && ! grep -q '^data: \[DONE\]' "$WORK/smoke-$target-$mode.txt"; then
      SKIP[$target]="smoke test stream: no 'data: [DONE]' in the response"
      KEEP_WORK=1
      break
    fi
  done
  [[ -n "${SKIP[$target]:-}" ]] && log "$target skipped: ${SKIP[$target]}"
done

meta date "$(date -u '+%Y-%m-%d %H:%M UTC')"
meta commit "$(git rev-parse --short HEAD 2>/dev/null || echo none)$(git diff --quiet HEAD -- src bench 2>/dev/null || echo ' (+ uncommitted changes)')"
meta cpus "$CPUS"
meta loadavg_before "$(cut -d' ' -f1-3 /proc/loadavg)"
meta placement "$PLACEMENT"
meta wrk "wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d${BENCH_DURATION}s after ${BENCH_WARMUP}s warm-up (each proxy first loaded until its tier-up compiler is idle, at most ${BENCH_SETTLE_MAX}s); hop and majordomo alternate for $BENCH_PAIRS pairs per mode"
meta jit_warmup "$BENCH_JIT_WARMUP sequential requests per target and mode before any measurement"
meta sequential "$BENCH_SEQ_WARMUP warm-up + $BENCH_SEQ_REQUESTS measured requests on one keep-alive connection"
meta chunks "$BENCH_CHUNKS"
meta flush_delay_ms "$BENCH_FLUSH_DELAY_MS"
meta gateway "$BENCH_GATEWAY_DLL${BENCH_GATEWAY_ENV:+ (environment: $BENCH_GATEWAY_ENV)}: $GATEWAY_STATUS${BENCH_HOP_ENV:+; hop environment: $BENCH_HOP_ENV}"

cpu_ticks() { # pid -> utime+stime in clock ticks
  local stat
  stat=$(<"/proc/$1/stat")
  stat=${stat##*) }
  # shellcheck disable=SC2086
  set -- $stat
  echo $(( ${12} + ${13} ))
}

# ---- JIT warm-up --------------------------------------------------------------------------------
# Tiered compilation (tier 0 -> instrumented -> tier 1 with PGO) keeps recompiling for tens of
# thousands of requests; a proxy with more code settles later than the bare hop. Measure settled code.
if (( BENCH_JIT_WARMUP > 0 )); then
  for mode in nonstream stream; do
    stream_flag=(); [[ $mode == stream ]] && stream_flag=(--stream)
    for target in $BENCH_TARGETS; do
      if [[ -n "${SKIP[$target]:-}" ]]; then continue; fi
      log "JIT warm-up $mode $target ($BENCH_JIT_WARMUP sequential requests)"
      client dotnet "$BENCH_DLL" latency --url "${URL_OF[$target]}" --model "$MODEL" "${stream_flag[@]}" \
        --warmup "$BENCH_JIT_WARMUP" --requests 1 --target "$target" --section jitwarmup --out "$WORK/jit-warmup.tsv" >/dev/null 2>&1 || true
    done
  done
fi

# ---- saturation: wrk -------------------------------------------------------------------------
# direct is measured once per mode; hop and majordomo alternate (hop, majordomo, hop, majordomo, …)
# for BENCH_PAIRS pairs, so a machine whose speed drifts (other load, thermal, the VM's neighbours)
# moves both sides of a pair alike. Each phase's numbers go to section "pairN"; the report takes the
# median ratio over the pairs, its spread, and each side's CPU-µs per request.
run_wrk() { # mode target seconds phase section [results file]
  local mode=$1 target=$2 seconds=$3 phase=$4 section=$5 out=${6:-}
  local body=$BODY_NONSTREAM; [[ $mode == stream ]] && body=$BODY_STREAM
  WRK_BODY="$body" WRK_MODE="$mode" WRK_TARGET="$target" WRK_SECTION="$section" WRK_OUT="$out" \
    client "${CLIENT_RUN[@]}" wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"${seconds}s" --timeout 10s \
    -s bench/wrk/chat.lua "${URL_OF[$target]}" >"$WORK/wrk-$mode-$target-$phase.log" 2>&1
}

measure() { # mode target section: one measured wrk phase with the CPU time of the proxy and the mock
  local mode=$1 target=$2 section=$3 proxy mock_before mock_after proxy_before=0 proxy_after requests non2xx
  proxy=${PROXY_OF[$target]}
  mock_before=$(cpu_ticks "${PID_OF[mock]}")
  [[ -n "$proxy" ]] && proxy_before=$(cpu_ticks "${PID_OF[$proxy]}")
  result "$section" "$mode" "$target" loadavg "$(cut -d' ' -f1 /proc/loadavg)"
  log "wrk $mode $target $section (${BENCH_DURATION}s)"
  run_wrk "$mode" "$target" "$BENCH_DURATION" "$section" "$section" "$RESULTS" || log "wrk failed: $(tail -3 "$WORK/wrk-$mode-$target-$section.log")"
  mock_after=$(cpu_ticks "${PID_OF[mock]}")
  [[ -n "$proxy" ]] && proxy_after=$(cpu_ticks "${PID_OF[$proxy]}")
  requests=$(last_result "$section" "$mode" "$target" requests)
  if [[ -n "$requests" && "$requests" -gt 0 ]]; then
    result "$section" "$mode" "$target" mock_cpu_us "$(awk -v t=$((mock_after - mock_before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN {printf "%.2f", t * 1e6 / hz / n}')"
    if [[ -n "$proxy" ]]; then
      result "$section" "$mode" "$target" proxy_cpu_us "$(awk -v t=$((proxy_after - proxy_before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN {printf "%.2f", t * 1e6 / hz / n}')"
    fi
  fi
  non2xx=$(last_result "$section" "$mode" "$target" non2xx)
  if [[ -n "$non2xx" && "$non2xx" != 0 ]]; then KEEP_WORK=1; fi
}

jit_ticks() { # pid -> CPU ticks of its tiered-compilation threads (the tier-up compiler; the thread exits when idle)
  local t stat sum=0
  for t in /proc/"$1"/task/*; do
    [[ $(<"$t/comm") == ".NET Tiered Com"* ]] || continue
    stat=$(<"$t/stat") || continue
    stat=${stat##*) }
    # shellcheck disable=SC2086
    set -- $stat
    sum=$(( sum + ${12} + ${13} ))
  done 2>/dev/null
  echo "$sum"
}

# Under concurrent load a proxy keeps tiering up for ~20 s after the sequential JIT warm-up (with one cpu the runtime
# waits 1 s after the last new tier-0 method before counting calls, and its one background compiler shares the core):
# the gateway's compiler used ~11 % of its CPU over that time. Load each proxy in 2-second wrk slices until its
# tier-up compiler used at most 2 ticks (20 ms) in two slices in a row, or BENCH_SETTLE_MAX seconds passed.
settle() { # mode target
  local mode=$1 target=$2 proxy pid elapsed=0 quiet=0 before after
  proxy=${PROXY_OF[$target]}
  (( BENCH_SETTLE_MAX > 0 )) && [[ -n "$proxy" ]] || return 0
  pid=${PID_OF[$proxy]}
  while (( quiet < 2 && elapsed < BENCH_SETTLE_MAX )); do
    before=$(jit_ticks "$pid")
    run_wrk "$mode" "$target" 2 settle wrk || true
    after=$(jit_ticks "$pid")
    elapsed=$((elapsed + 2))
    if (( after - before <= 2 )); then quiet=$((quiet + 1)); else quiet=0; fi
  done
  log "$mode $target: tier-up compiler idle after ${elapsed}s of load$( (( quiet < 2 )) && echo ' (not idle: BENCH_SETTLE_MAX reached)' || true)"
  result settle "$mode" "$target" seconds "$elapsed"
  result settle "$mode" "$target" idle "$( (( quiet >= 2 )) && echo yes || echo no)"
}

measurable() { want "$1" && [[ -z "${SKIP[$1]:-}" ]]; }
for mode in nonstream stream; do
  for target in $BENCH_TARGETS; do
    if [[ -n "${SKIP[$target]:-}" ]]; then result wrk "$mode" "$target" skipped "${SKIP[$target]}"; continue; fi
    settle "$mode" "$target"
    if (( BENCH_WARMUP > 0 )); then run_wrk "$mode" "$target" "$BENCH_WARMUP" warmup wrk || true; fi
    [[ "$target" == direct ]] && measure "$mode" direct wrk
  done
  for ((pair = 1; pair <= BENCH_PAIRS; pair++)); do
    for target in hop majordomo; do
      if measurable "$target"; then measure "$mode" "$target" "pair$pair"; fi
    done
  done
done

# ---- unloaded: sequential client on one keep-alive connection ----------------------------------
pin_servers "$ALL_CPUS"
for mode in nonstream stream; do
  stream_flag=(); [[ $mode == stream ]] && stream_flag=(--stream)
  for target in $BENCH_TARGETS; do
    if [[ -n "${SKIP[$target]:-}" ]]; then continue; fi
    client dotnet "$BENCH_DLL" latency --url "${URL_OF[$target]}" --model "$MODEL" "${stream_flag[@]}" \
      --warmup "$BENCH_SEQ_WARMUP" --requests "$BENCH_SEQ_REQUESTS" --target "$target" --section latency --out "$RESULTS" >&2 \
      || KEEP_WORK=1
  done
done

# ---- flush check: the upstream pauses between chunks; every chunk should arrive on its own ------
declare -A FLUSH_URL_OF=(
  [direct]="http://127.0.0.1:$SLOW_MOCK_PORT/v1/chat/completions"
  [hop]="http://127.0.0.1:$HOP_PORT/v1/chat/completions?delay_ms=$BENCH_FLUSH_DELAY_MS"
  [majordomo]="http://127.0.0.1:$GATEWAY_PORT/v1/chat/completions"
)
declare -A FLUSH_MODEL_OF=([direct]="$MODEL" [hop]="$MODEL" [majordomo]="mockslow/bench-model")
for target in $BENCH_TARGETS; do
  if [[ -n "${SKIP[$target]:-}" ]]; then continue; fi
  client dotnet "$BENCH_DLL" latency --url "${FLUSH_URL_OF[$target]}" --model "${FLUSH_MODEL_OF[$target]}" --stream \
    --warmup 5 --requests "$BENCH_FLUSH_REQUESTS" --target "$target" --section flush --out "$RESULTS" >&2 \
    || KEEP_WORK=1
done

# ---- scale (--scale): paced streams and soak, from Majordomo.Bench, against the gateway ------------
# The workloads are Majordomo.Bench's `paced` and `soak` (bench/Majordomo.Bench/Load, owned there; see
# bench/README.md "Load modes"); each appends its own rows (sections paced / soak) to the results file,
# which the report lists. A build of the bench without them records the workload as skipped.
scale_workload() { # command args...
  local command=$1 rc=0
  if ! bench help 2>/dev/null | grep -qE "^ +$command "; then
    result "$command" - majordomo skipped "this Majordomo.Bench has no '$command' command"
    return 0
  fi
  log "Majordomo.Bench $*"
  client dotnet "$BENCH_DLL" "$@" --url "${URL_OF[majordomo]}" --pid "${PID_OF[majordomo]}" --out "$RESULTS" >&2 || rc=$?
  if (( rc != 0 )); then result "$command" - majordomo failed "exit code $rc"; KEEP_WORK=1; fi
}
if [[ "$BENCH_SCALE" == 1 ]]; then
  if measurable majordomo; then
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true # one socket pair per stream, client and gateway
    meta scale "$BENCH_STREAMS paced streams ($BENCH_PACED_CHUNKS chunks every $BENCH_PACED_DELAY_MS ms); soak ${BENCH_SOAK_SECONDS}s"
    scale_workload paced --model mockpaced/bench-model --streams "$BENCH_STREAMS" --chunks "$BENCH_PACED_CHUNKS" --target majordomo --section paced
    scale_workload soak --model "$MODEL" --paced-model mockpaced/bench-model --chunks "$BENCH_PACED_CHUNKS" --seconds "$BENCH_SOAK_SECONDS"
  else
    result paced - majordomo skipped "the gateway is not measured in this run"
  fi
fi

meta loadavg_after "$(cut -d' ' -f1-3 /proc/loadavg)"

# ---- report ------------------------------------------------------------------------------------
report_args=(report --in "$RESULTS")
[[ "$BENCH_STRICT" == 1 ]] && report_args+=(--strict)
report_rc=0
bench "${report_args[@]}" >"$BENCH_SUMMARY" || report_rc=$?

if [[ -n "${PID_OF[majordomo]:-}" ]]; then
  lines=$(wc -l <"$WORK/majordomo.log")
  problems=$(grep -ciE 'fail|error|exception|warn' "$WORK/majordomo.log" || true)
  echo "gateway log: $lines lines, $problems mentioning fail/error/exception/warn"
  if [[ "$problems" != 0 ]]; then
    KEEP_WORK=1
    grep -iE 'fail|error|exception|warn' "$WORK/majordomo.log" | sort | uniq -c | sort -rn | head -5
  fi
  [[ "$KEEP_WORK" == 1 ]] && echo "logs, config and results: $WORK"
fi >>"$BENCH_SUMMARY"
cat "$BENCH_SUMMARY"
log "summary written to $BENCH_SUMMARY"

if [[ "$GATEWAY_STATUS" != ok || -n "${SKIP[majordomo]:-}" ]] && want majordomo; then
  log "majordomo was not measured: ${SKIP[majordomo]:-$GATEWAY_STATUS}"
  exit 3
fi
exit "$report_rc"

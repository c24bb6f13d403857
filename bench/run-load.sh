#!/usr/bin/env bash
# Concurrency and soak workloads of issue 16 through the gateway (see bench/README.md, "Load modes"):
#   paced: LOAD_STREAMS concurrent streams (default 5,000), each LOAD_CHUNKS numbered chunks (100)
#          LOAD_INTERVAL_MS apart (20), from `mock --paced`; 0 errors, every chunk in order, gateway
#          RSS peak and GC heap (peak after a collection, live after the last gen-2), time to first chunk.
#   soak:  LOAD_SOAK_SECONDS (600) of a steady mixed load (LOAD_SOAK_RATE req/s non-stream + stream,
#          LOAD_SOAK_PACED paced streams held), gateway RSS / GC heap after the last collection / live heap
#          after the last gen-2 / handles / threads every LOAD_SAMPLE_SECONDS (10), slopes per minute.
#   startup: LOAD_STARTUP_RUNS (5) fresh gateways per runtime setting in LOAD_STARTUP_VARIANTS: `serve` to the
#          first answered request, and the first and second requests' latency.
# Usage: bench/run-load.sh [paced] [soak] [startup]   (default: paced). Prints markdown; results (tab-separated,
# the run-e2e.sh format) are appended to LOAD_OUT when set. Starts its own mocks and gateway on
# 127.0.0.1 and stops exactly those on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

: "${LOAD_STREAMS:=5000}"
: "${LOAD_CHUNKS:=100}"
: "${LOAD_INTERVAL_MS:=20}"
: "${LOAD_RAMP_SECONDS:=10}"
: "${LOAD_SECONDS:=30}"            # paced: slots keep streaming until this many seconds have passed
: "${LOAD_SOAK_SECONDS:=600}"
: "${LOAD_SOAK_RATE:=100}"
: "${LOAD_SOAK_PACED:=200}"
: "${LOAD_SAMPLE_SECONDS:=10}"
: "${LOAD_SOAK_INDUCE_GEN2_SECONDS:=60}"   # soak: ask the gateway for a full collection this often (0: never) to read its live heap
: "${LOAD_STARTUP_RUNS:=5}"
# startup: runtime settings to compare, ';'-separated; each a ','-separated NAME=VALUE list ("" = as shipped)
: "${LOAD_STARTUP_VARIANTS:=;DOTNET_TieredPGO=0;DOTNET_TC_QuickJitForLoops=0;DOTNET_TieredCompilation=0;DOTNET_ReadyToRun=0}"
: "${LOAD_WARMUP:=1}"             # 1: 200 paced streams for 5 s first (JIT, pools), not reported
: "${LOAD_BUILD:=1}"
: "${LOAD_GATEWAY_DLL:=src/Majordomo/bin/Release/net10.0/majordomo.dll}"
: "${LOAD_OUT:=}"
: "${LOAD_KEEP:=0}"
: "${LOAD_GATEWAY_ENV:=}"          # extra environment for the gateway only, e.g. "DOTNET_GCConserveMemory=5"
: "${PACED_MOCK_PORT:=18091}"
: "${FAST_MOCK_PORT:=18092}"
: "${LOAD_GATEWAY_PORT:=18093}"

MODES=("$@"); (( ${#MODES[@]} )) || MODES=(paced)
for mode in "${MODES[@]}"; do [[ $mode == paced || $mode == soak || $mode == startup ]] || { echo "run-load: unknown mode '$mode' (paced, soak, startup)" >&2; exit 2; }; done

# Every stream holds a socket at the client, two in the gateway and one at the mock.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
(( $(ulimit -n) >= 2 * LOAD_STREAMS + 1000 )) || { echo "run-load: ulimit -n $(ulimit -n) is too low for $LOAD_STREAMS streams" >&2; exit 2; }

BENCH_DLL="bench/Majordomo.Bench/bin/Release/net10.0/Majordomo.Bench.dll"
if [[ "$LOAD_BUILD" == 1 ]]; then
  dotnet build bench/Majordomo.Bench -c Release -nologo -v q >/dev/null || { echo "run-load: bench build failed" >&2; exit 2; }
  dotnet build src/Majordomo -c Release -nologo -v q >/dev/null || { echo "run-load: gateway build failed" >&2; exit 2; }
fi

WORK=$(mktemp -d /tmp/majordomo-load.XXXXXX)
STARTED=()
cleanup() {
  local pid i
  for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STARTED[@]}"; do
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [[ "$LOAD_KEEP" == 1 ]]; then echo "run-load: work dir kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start() { local name=$1; shift; "$@" >"$WORK/$name.log" 2>&1 & STARTED+=("$!"); eval "PID_$name=$!"; }
wait_ready() {
  local i
  for ((i = 0; i < 600; i++)); do curl -fsS -o /dev/null -m 1 "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "run-load: $1 not ready; logs in $WORK" >&2; LOAD_KEEP=1; exit 2
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$PACED_MOCK_PORT" "$FAST_MOCK_PORT" "$LOAD_GATEWAY_PORT"; do
  port_free "$port" || { echo "run-load: port $port on 127.0.0.1 is in use (set PACED_MOCK_PORT / FAST_MOCK_PORT / LOAD_GATEWAY_PORT)" >&2; exit 2; }
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
start pacedmock dotnet "$BENCH_DLL" mock --port "$PACED_MOCK_PORT" --paced --chunks "$LOAD_CHUNKS" --delay-ms "$LOAD_INTERVAL_MS"
start fastmock dotnet "$BENCH_DLL" mock --port "$FAST_MOCK_PORT" --chunks 20
cat >"$WORK/majordomo.json" <<JSON
// Written by bench/run-load.sh: a paced mock (numbered chunks every ${LOAD_INTERVAL_MS} ms) and a fast mock.
{
  "server": { "urls": ["http://127.0.0.1:$LOAD_GATEWAY_PORT"] },
  "storage": { "sqlite": "$WORK/load.db" },
  "providers": {
    "paced": { "api": "openai", "baseUrl": "http://127.0.0.1:$PACED_MOCK_PORT/v1", "locality": "local" },
    "mock": { "api": "openai", "baseUrl": "http://127.0.0.1:$FAST_MOCK_PORT/v1", "locality": "local" }
  },
  "models": {
    "paced/bench-model": { "provider": "paced", "upstreamModel": "bench-model", "tier": 0, "quality": 50 },
    "mock/bench-model": { "provider": "mock", "upstreamModel": "bench-model", "tier": 0, "quality": 50 }
  },
  "routes": { "default": { "chain": ["mock/bench-model"] } },
  "defaultRoute": "default"
}
JSON
wait_ready "http://127.0.0.1:$PACED_MOCK_PORT/health"
wait_ready "http://127.0.0.1:$FAST_MOCK_PORT/health"
# shellcheck disable=SC2086  # LOAD_GATEWAY_ENV is a list of NAME=value words
start gateway env $LOAD_GATEWAY_ENV dotnet "$LOAD_GATEWAY_DLL" serve --config "$WORK/majordomo.json" --urls "http://127.0.0.1:$LOAD_GATEWAY_PORT"
wait_ready "http://127.0.0.1:$LOAD_GATEWAY_PORT/health"
URL="http://127.0.0.1:$LOAD_GATEWAY_PORT/v1/chat/completions"
OUT_ARGS=(); [[ -n "$LOAD_OUT" ]] && OUT_ARGS=(--out "$LOAD_OUT")

echo "## Majordomo load run ($(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), $(nproc) cpus, load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo
if [[ "$LOAD_WARMUP" == 1 ]]; then
  dotnet "$BENCH_DLL" paced --url "$URL" --streams 200 --chunks "$LOAD_CHUNKS" --ramp-seconds 1 --seconds 5 >"$WORK/warmup.md" 2>&1 \
    || { echo "run-load: warm-up failed:" >&2; cat "$WORK/warmup.md" >&2; }
fi
[[ -n "$LOAD_GATEWAY_ENV" ]] && echo "gateway environment: $LOAD_GATEWAY_ENV" && echo
echo "$PID_gateway" >"$WORK/gateway.pid"
rc=0
for mode in "${MODES[@]}"; do
  case $mode in
    paced)
      dotnet "$BENCH_DLL" paced --url "$URL" --pid "$PID_gateway" --streams "$LOAD_STREAMS" --chunks "$LOAD_CHUNKS" \
        --ramp-seconds "$LOAD_RAMP_SECONDS" --seconds "$LOAD_SECONDS" "${OUT_ARGS[@]}" || rc=1 ;;
    startup)
      # A gateway of its own per run, on the next port, with its own database (created by the first run).
      STARTUP_PORT=$((LOAD_GATEWAY_PORT + 10))
      sed -e "s#127.0.0.1:$LOAD_GATEWAY_PORT#127.0.0.1:$STARTUP_PORT#" -e "s#load.db#startup.db#" "$WORK/majordomo.json" >"$WORK/startup.json"
      echo "### Startup: \`serve\` to the first answered request ($LOAD_STARTUP_RUNS runs each, median (min–max))"
      echo
      echo "| runtime settings | runs | serve → first answer | gateway CPU to it | first request | second request | load average before → after |"
      echo "|---|---:|---:|---:|---:|---:|---|"
      IFS=';' read -r -a variants <<<"$LOAD_STARTUP_VARIANTS"
      (( ${#variants[@]} )) || variants=("")
      for variant in "${variants[@]}"; do
        dotnet "$BENCH_DLL" startup --dll "$LOAD_GATEWAY_DLL" --config "$WORK/startup.json" --url "http://127.0.0.1:$STARTUP_PORT/v1/chat/completions" \
          --runs "$LOAD_STARTUP_RUNS" --env "$variant" --label "${variant:-as shipped}" "${OUT_ARGS[@]}" 2>>"$WORK/startup.log" || rc=1
      done ;;
    soak)
      dotnet "$BENCH_DLL" soak --url "$URL" --pid "$PID_gateway" --seconds "$LOAD_SOAK_SECONDS" --rate "$LOAD_SOAK_RATE" \
        --paced-streams "$LOAD_SOAK_PACED" --chunks "$LOAD_CHUNKS" --sample-seconds "$LOAD_SAMPLE_SECONDS" \
        --induce-gen2-seconds "$LOAD_SOAK_INDUCE_GEN2_SECONDS" "${OUT_ARGS[@]}" || rc=1 ;;
  esac
  echo
done
problems=$(grep -ciE 'fail|error|exception' "$WORK/gateway.log" || true)
echo "gateway log: $(wc -l <"$WORK/gateway.log") lines, $problems mentioning fail/error/exception"
if [[ "$problems" != 0 ]]; then grep -iE 'fail|error|exception' "$WORK/gateway.log" | sort | uniq -c | sort -rn | head -5; fi
exit "$rc"

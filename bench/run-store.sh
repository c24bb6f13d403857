#!/usr/bin/env bash
# Cost per request of the PostgreSQL store vs SQLite (issue 15): one gateway (Debug build: dotnet build first),
# one quota pool (each request makes one reservation, settled at the same amount: no second write), the
# bench mock upstream, wrk with 1 and 16 connections, 10 s each. Needs Debian's postgresql, wrk, root (the
# server runs as the postgres user). STORES="sqlite postgres", PGOPTS="-c synchronous_commit=off" optional.
set -euo pipefail
W=$(mktemp -d /tmp/majordomo-store-bench-XXXXXX); chmod 755 "$W"; cd "$(dirname "${BASH_SOURCE[0]}")/.."
BENCH=bench/Majordomo.Bench/bin/Debug/net10.0/Majordomo.Bench.dll
GW=src/Majordomo/bin/Debug/net10.0/majordomo.dll
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGPORT=18191; MOCK=18192; GWPORT=18193
rm -rf $W/pg; mkdir -p $W/pg; chown postgres: $W/pg
runuser -u postgres -- $PGBIN/initdb -D $W/pg/data -U majordomo --auth=trust -E UTF8 --no-sync >/dev/null
runuser -u postgres -- $PGBIN/pg_ctl -D $W/pg/data -l $W/pg/log -o "-p $PGPORT -k $W/pg -c listen_addresses=127.0.0.1 ${PGOPTS:-}" -w start >/dev/null
trap 'runuser -u postgres -- $PGBIN/pg_ctl -D $W/pg/data -m immediate -w stop >/dev/null; kill $(jobs -p) 2>/dev/null || true; rm -rf "$W"' EXIT
dotnet $BENCH mock --port $MOCK --chunks 20 >$W/mock.log 2>&1 &
sleep 3
BODY=$(dotnet $BENCH body --model mock/bench-model)
echo "$BODY" > $W/body.json
cat > $W/wrk.lua <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = io.open("$W/body.json"):read("*a")
LUA
for store in ${STORES:-sqlite postgres}; do
  if [[ $store == sqlite ]]; then S="\"sqlite\": \"$W/bench.db\""; rm -f $W/bench.db*; else S="\"postgres\": \"Host=127.0.0.1;Port=$PGPORT;Username=majordomo;Database=postgres\""; fi
  cat > $W/majordomo.json <<JSON
{ "storage": { $S },
  "providers": { "mock": { "api": "openai", "baseUrl": "http://127.0.0.1:$MOCK/v1", "locality": "cloud" } },
  "models": { "mock/bench-model": { "provider": "mock", "upstreamModel": "bench-model", "tier": 0, "quality": 50, "quota": "pool", "multiplier": 1 } },
  "routes": { "default": { "chain": ["mock/bench-model"] } }, "defaultRoute": "default",
  "budgets": { "quotas": { "pool": { "monthly": 100000000 } } } }
JSON
  dotnet $GW serve --config $W/majordomo.json --urls http://127.0.0.1:$GWPORT >$W/gw-$store.log 2>&1 &
  GWPID=$!
  for i in $(seq 1 60); do curl -sf http://127.0.0.1:$GWPORT/health >/dev/null && break; sleep 1; done
  wrk -t1 -c1 -d5s -s $W/wrk.lua http://127.0.0.1:$GWPORT/v1/chat/completions >/dev/null   # warm-up
  echo "== $store (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  wrk -t1 -c1 -d10s --latency -s $W/wrk.lua http://127.0.0.1:$GWPORT/v1/chat/completions | grep -E "Latency|50%|90%|99%|Requests/sec"
  wrk -t1 -c16 -d10s -s $W/wrk.lua http://127.0.0.1:$GWPORT/v1/chat/completions | grep -E "Requests/sec"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  kill $GWPID; wait $GWPID 2>/dev/null || true
done

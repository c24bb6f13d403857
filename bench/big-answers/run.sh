#!/bin/bash
# SECURITY.md finding 7: the gateway's RSS while 18 concurrent non-streamed answers of 20-70 MB pass
# through it (sizes 20 + 7n mod 51 MB; those over 64 MB are refused by Content-Length, as documented).
# usage: bench/big-answers/run.sh [path/to/majordomo.dll]   (default: a Release build of this tree)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); work=$(mktemp -d)
dll=${1:-}
if [ -z "$dll" ]; then
  dotnet build "$here/../../src/Majordomo" -c Release -o "$work/bin" >/dev/null
  dll="$work/bin/majordomo.dll"
fi
up_port=18230; gw_port=18231
cat > "$work/cfg.json" <<JSON
{ "server": { "urls": ["http://127.0.0.1:$gw_port"] },
  "providers": { "up": { "api": "openai", "baseUrl": "http://127.0.0.1:$up_port/v1", "retries": 0 } },
  "models": { "up/a": { "provider": "up", "upstreamModel": "a" } },
  "routes": { "r": { "chain": ["up/a"] } }, "defaultRoute": "r",
  "storage": { "sqlite": "$work/m.db" } }
JSON
python3 "$here/upstream.py" $up_port & up=$!
dotnet "$dll" serve --config "$work/cfg.json" >"$work/gw.log" 2>&1 & gw=$!
trap 'kill $gw $up 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$gw_port/health" && break; sleep 0.3; done
rss() { awk "/^$1:/ {print \$2}" /proc/$gw/status; }
before=$(rss VmRSS)
pids=()
for _ in $(seq 18); do
  curl -s -o /dev/null -w "%{http_code}\n" "http://127.0.0.1:$gw_port/v1/chat/completions" \
    -H 'Content-Type: application/json' -d '{"model":"r","messages":[{"role":"user","content":"hi"}]}' >>"$work/codes" &
  pids+=($!)
done
wait "${pids[@]}"
sleep 1; after=$(rss VmRSS); peak=$(rss VmHWM); sleep 10; later=$(rss VmRSS)
echo "statuses: $(sort "$work/codes" | uniq -c | tr -s ' \n' ' ')"
echo "RSS MB: before $((before / 1024)), peak $((peak / 1024)), after $((after / 1024)), 10 s later $((later / 1024))"

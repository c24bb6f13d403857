-- wrk script for the Majordomo end-to-end benchmark (driven by bench/run-e2e.sh).
-- Environment:
--   WRK_BODY   request body (JSON), required
--   WRK_OUT    results file to append to (tab-separated: section mode target metric value); optional
--   WRK_MODE   "nonstream" | "stream"     (label only)
--   WRK_TARGET "direct" | "hop" | "majordomo" (label only)
--   WRK_SECTION results section ("wrk", or "pairN" for the N-th alternating pair); default "wrk"
-- No response() hook on purpose: a per-response Lua call would slow wrk down; wrk counts
-- non-2xx/3xx responses itself (summary.errors.status).

local body = os.getenv("WRK_BODY")
if body == nil or body == "" then
  error("WRK_BODY is not set")
end

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer bench-key"

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  local rps = summary.requests / seconds
  local metrics = {
    { "requests", string.format("%d", summary.requests) },
    { "duration_s", string.format("%.3f", seconds) },
    { "rps", string.format("%.1f", rps) },
    { "p50_us", string.format("%.1f", latency:percentile(50)) },
    { "p90_us", string.format("%.1f", latency:percentile(90)) },
    { "p99_us", string.format("%.1f", latency:percentile(99)) },
    { "max_us", string.format("%.1f", latency.max) },
    { "non2xx", string.format("%d", errors.status) },
    { "socket_errors", string.format("%d", socket_errors) },
  }

  local mode = os.getenv("WRK_MODE") or "?"
  local target = os.getenv("WRK_TARGET") or "?"
  io.write(string.format("wrk %s %s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, non-2xx %d, socket errors %d\n",
    mode, target, rps, latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors.status, socket_errors))

  local section = os.getenv("WRK_SECTION") or "wrk"
  if section == "" then section = "wrk" end
  local out = os.getenv("WRK_OUT")
  if out ~= nil and out ~= "" then
    local file = assert(io.open(out, "a"))
    for _, metric in ipairs(metrics) do
      file:write(string.format("%s\t%s\t%s\t%s\t%s\n", section, mode, target, metric[1], metric[2]))
    end
    file:close()
  end
end

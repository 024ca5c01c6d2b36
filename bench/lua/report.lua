-- Shared by every wrk run of `npm run bench` (bench/wrk.ts puts it first).
-- Arguments after `--` are key=value pairs, read into `params` in each
-- thread; other pieces add to `inits` to read them. Each thread gets an id.
-- `done` prints one JSON line that bench/wrk.ts reads.
params = {}
inits = {}
-- Per-thread counters a piece may fill (copied back to `done` by wrk).
statuses = {}
ids = {}

local threads = {}
local nextId = 0

function setup(thread)
  thread:set("id", nextId)
  nextId = nextId + 1
  table.insert(threads, thread)
end

function init(args)
  for _, arg in ipairs(args) do
    local key, value = arg:match("^([^=]+)=(.*)$")
    if key then params[key] = value end
  end
  for _, f in ipairs(inits) do f(params) end
end

local function list(t)
  local out = {}
  for _, v in ipairs(t) do out[#out + 1] = tostring(v) end
  return "[" .. table.concat(out, ",") .. "]"
end

function done(summary, latency, requests)
  local counts, allIds = {}, {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses") or {}) do
      counts[status] = (counts[status] or 0) + n
    end
    for _, v in ipairs(thread:get("ids") or {}) do allIds[#allIds + 1] = v end
  end
  local statusJson = {}
  for status, n in pairs(counts) do
    statusJson[#statusJson + 1] = string.format('"%s":%d', status, n)
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"durationUs":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyUs":{"p50":%d,"p90":%d,"p99":%d,"max":%d},"statuses":{%s},"ids":%s}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    table.concat(statusJson, ","), list(allIds)))
end

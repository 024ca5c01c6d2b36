-- A fixed request rate (params.rate, requests/s over all threads): each
-- thread sends on its own schedule, the next free connection taking the next
-- slot. wrk measures latency from the moment a request is sent, so a stalled
-- server delays the schedule rather than showing every late request
-- (coordinated omission); bench/wrk.ts reports the rate reached.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local now = ffi.new("bench_timespec")
local function nowMs()
  ffi.C.clock_gettime(1, now) -- CLOCK_MONOTONIC
  return tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6
end

local interval, nextAt

table.insert(inits, function(p)
  interval = 1000 * tonumber(p.threads) / tonumber(p.rate)
end)

function delay()
  local t = nowMs()
  -- No catching up in bursts after a stall: the schedule restarts from now.
  nextAt = math.max((nextAt or t) + interval, t)
  return nextAt - t
end

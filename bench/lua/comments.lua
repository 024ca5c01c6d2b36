-- Comment POSTs, each from a new reader: its own address (X-Forwarded-For,
-- the last entry is what the app trusts), email, text and submission key, so
-- flood control and duplicate detection never refuse one. No proof of work:
-- solving it is the browser's cost. Records the status of every answer and
-- the id of every comment accepted (201).
local n, thread, article, token, run, name, octet = 0, 0, "", "", "", "", 10

table.insert(inits, function(p)
  thread, article, token, run, name = id, p.article, p.token, p.run, p.name
  octet = tonumber(p.octet) + id
end)

function request()
  n = n + 1
  -- The thread in the top bits and in the address's first octet (params.octet
  -- plus the thread's id, another per run), so no two requests share one.
  local seq = thread * 16777216 + n
  local body = string.format(
    '{"article":%s,"name":"%s","email":"bench-%s-%d@example.com",' ..
    '"body":"Benchmark comment %s-%d: a considered reply of ordinary length.",' ..
    '"token":"%s","key":"%08x-0000-4000-8000-%012x"}',
    article, name, run, seq, run, seq, token, tonumber(run), seq)
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = string.format("%d.%d.%d.%d", octet,
      math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256),
  }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 201 then
    local commentId = body:match('"id":(%d+)')
    if commentId then ids[#ids + 1] = tonumber(commentId) end
  end
end

-- A crawl: each request the next path from the file params.urls (one path a
-- line), each thread starting at its own place in the list.
local paths, i = {}, 0

table.insert(inits, function(p)
  for line in io.lines(p.urls) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  i = (id * 7) % #paths
end)

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

-- Cycles through a file of request paths, one a line, from a given line on, so that every request
-- is a different one. Arguments: the file, the line to start at, and optionally a file of
-- Authorization values to rotate through.
local paths, auths = {}, {}
local i = 0

function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  i = tonumber(args[2] or "0")
  if args[3] then
    for line in io.lines(args[3]) do auths[#auths + 1] = line end
  end
end

function request()
  i = i + 1
  local headers = nil
  if #auths > 0 then
    -- A table of our own replaces wrk's headers: keep those given with -H (the User-Agent).
    headers = {}
    for k, v in pairs(wrk.headers) do headers[k] = v end
    headers["Authorization"] = auths[(i % #auths) + 1]
  end
  return wrk.format("GET", paths[(i % #paths) + 1], headers)
end

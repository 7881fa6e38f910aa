-- A mix of addresses read from a file (one path a line, repeated by weight), picked at random;
-- prints one RESULT line: requests, seconds, latency p50/p95/p99 in µs, non-2xx/3xx answers.
local paths = {}

init = function(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  math.randomseed(os.time() + #tostring({}))
end

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end

done = function(summary, latency, requests)
  io.write(string.format(
    "RESULT %d %f %d %d %d %d %d\n",
    summary.requests,
    summary.duration / 1e6,
    latency:percentile(50),
    latency:percentile(95),
    latency:percentile(99),
    summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  ))
end

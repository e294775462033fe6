-- bench/proxy/post.lua: the request wrk sends, a bound on how many, and a one-line JSON summary.
--
-- Index
--   request    POST / GetCommandInvocation, as the AWS CLI sends it through the proxy (unsigned)
--   init       args[1] = requests per thread (wrk's -d bounds the time, this bounds the count)
--   response   counts answers; a thread stops at its bound
--   done       {"requests":..,"seconds":..,"rps":..,"p50_us":..,"p90_us":..,"p99_us":..,"max_us":..,
--              "non2xx":..,"errors":..} on one line, which run_bench.sh reads
--
-- wrk runs one Lua state per thread plus one for done(), so the per-thread bound lives in each
-- thread's state and the totals come from wrk's own summary.

wrk.method = "POST"
wrk.path = "/"
wrk.body = '{"CommandId":"1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7","InstanceId":"i-0802cc9316fe86d8a"}'
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.headers["X-Amz-Target"] = "AmazonSSM.GetCommandInvocation"

local limit = 0
local count = 0

function init(args)
  limit = tonumber(args[1] or "0") or 0
end

function response(status, headers, body)
  count = count + 1
  if limit > 0 and count >= limit then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"non2xx":%d,"errors":%d}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.status, e.connect + e.read + e.write + e.timeout))
end

-- SPDX-License-Identifier: EUPL-1.2
-- wrk script for `make bench` (bench/perf/run.py): after the run, one JSON line with the
-- figures run.py needs, written to the file named by BENCH_WRK_OUT (or to stdout).
-- wrk counts a response with status 400 or higher as a status error; run.py fails on any error.

done = function(summary, latency, requests)
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  local line = string.format(
    '{"requests": %d, "duration_us": %d, "throughput": %.2f, ' ..
    '"p50": %.3f, "p95": %.3f, "p99": %.3f, "max": %.3f, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}}\n',
    summary.requests, summary.duration, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    errors.connect, errors.read, errors.write, errors.timeout, errors.status)
  local path = os.getenv("BENCH_WRK_OUT")
  if path then
    local file = assert(io.open(path, "w"))
    file:write(line)
    file:close()
  else
    io.write(line)
  end
end

#!/usr/bin/env bash
# bench/proxy/run_bench.sh: what ssmview-proxy adds to a request, measured with wrk on loopback.
#
# Index
#   options      build dir, connections, wrk threads, seconds and requests per run, rounds
#   servers      the anchor (bench_proxy_upstream) and ssmview-proxy in front of it, on 127.0.0.1
#   rounds       for each connection count: wrk against the anchor directly, then through the proxy,
#                alternately, R times
#   report       per connection count, medians over the rounds: req/s, p50, p99; the latency the
#                proxy adds; the proxy's peak RSS
#
# Two connection counts by default. With 1 connection (one request at a time) the latencies are the
# cost of a request itself, which is what "the latency the proxy adds" means. With 8 connections
# both servers are kept saturated: that measures throughput, and the latencies then mostly say how
# long a request waits its turn (Little's law: 8 connections / req/s).
#
# Both servers start on ephemeral loopback ports and are stopped on exit (by their own pids). Every
# wrk run is bounded twice: -d SECONDS and a request count (post.lua stops each thread at its share).
# wrk measures its duration as the whole -d even when the threads stopped early, so req/s is only
# exact when the count was not reached: the count is a safety cap, set well above what -d allows,
# and the report says when a run hit it.
# The proxy signs each request (SigV4, dummy environment credentials), sends it to the anchor over
# a fresh connection, and writes its access log line (to a file here, as it would to a terminal
# or journal); so the figure includes all of that. Figures and the command: bench/README.md.
#
#   bench/proxy/run_bench.sh [BUILD_DIR] [--connections N[,N...]] [--threads T] [--seconds S]
#                            [--requests N] [--rounds R] [--quick]
#   BUILD_DIR defaults to build/native; it needs the targets ssmview-proxy and bench_proxy_upstream:
#   cmake --build BUILD_DIR --target ssmview-proxy bench_proxy_upstream
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$root/build/native"
connections=1,8
threads=2
seconds=10
requests=1000000
rounds=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --quick) seconds=2; rounds=1; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    -*) echo "run_bench.sh: unknown option $1" >&2; exit 2 ;;
    *) build="$(cd "$1" && pwd)"; shift ;;
  esac
done

proxy_bin="$build/proxy/ssmview-proxy"
upstream_bin="$build/bench/proxy/bench_proxy_upstream"
for f in "$proxy_bin" "$upstream_bin" /usr/bin/wrk; do
  [[ -x "$f" ]] || { echo "run_bench.sh: $f is missing (cmake --build $build --target ssmview-proxy bench_proxy_upstream; wrk: scripts/setup.sh)" >&2; exit 2; }
done

tmp="$(mktemp -d)"
upstream_pid=""
proxy_pid=""
cleanup() {
  [[ -n "$proxy_pid" ]] && kill "$proxy_pid" 2>/dev/null && wait "$proxy_pid" 2>/dev/null || true
  [[ -n "$upstream_pid" ]] && kill "$upstream_pid" 2>/dev/null && wait "$upstream_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

wait_for() {  # file, regex: the first match's group 1, within 10 s
  local i
  for i in $(seq 1 200); do
    if grep -qE "$2" "$1" 2>/dev/null; then sed -nE "s|.*$2.*|\1|p" "$1" | head -1; return 0; fi
    sleep 0.05
  done
  echo "run_bench.sh: timed out waiting for $2 in $1:" >&2
  cat "$1" >&2
  exit 1
}

# ---- servers ------------------------------------------------------------------------------------
max_connections="$(tr ',' '\n' <<<"$connections" | sort -n | tail -1)"
"$upstream_bin" --threads $((max_connections + 8)) >"$tmp/upstream.out" 2>&1 &
upstream_pid=$!
upstream_port="$(wait_for "$tmp/upstream.out" '^([0-9]+)$')"

env -i PATH=/usr/bin:/bin HOME="$tmp" LC_ALL=C.UTF-8 \
  AWS_ACCESS_KEY_ID=AKIABENCHMARK0000001 AWS_SECRET_ACCESS_KEY=bench/secret/0123456789abcdefghijklmnopq \
  AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
  "$proxy_bin" --listen 127.0.0.1:0 --endpoint-url "http://127.0.0.1:$upstream_port" --region us-east-1 \
  --max-connections $((max_connections + 8)) 2>"$tmp/proxy.log" &
proxy_pid=$!
proxy_port="$(wait_for "$tmp/proxy.log" 'listening on http://127\.0\.0\.1:([0-9]+)')"

direct="http://127.0.0.1:$upstream_port/"
proxied="http://127.0.0.1:$proxy_port/"

run_wrk() {  # url conns seconds requests -> the JSON line of post.lua's done()
  local per_thread=$(( ($4 + threads - 1) / threads ))
  local t=$threads
  (( $2 < t )) && t=$2
  /usr/bin/wrk -t"$t" -c"$2" -d"${3}s" -s "$here/post.lua" "$1" -- "$per_thread" | tail -1
}

# Both answer 200 before anything is timed.
for url in "$direct" "$proxied"; do
  line="$(run_wrk "$url" 1 2 20)"
  if ! python3 -c 'import json,sys; d=json.loads(sys.argv[1]); sys.exit(0 if d["requests"]>0 and d["non2xx"]==0 and d["errors"]==0 else 1)' "$line"; then
    echo "run_bench.sh: $url does not answer 200: $line" >&2
    tail -5 "$tmp/proxy.log" >&2
    exit 1
  fi
done

# ---- rounds -------------------------------------------------------------------------------------
echo "warm-up: 2 s each" >&2
run_wrk "$direct" "$max_connections" 2 "$requests" >/dev/null
run_wrk "$proxied" "$max_connections" 2 "$requests" >/dev/null
: >"$tmp/runs.jsonl"
for c in ${connections//,/ }; do
  for r in $(seq 1 "$rounds"); do
    for which in direct proxy; do
      url="$direct"; [[ $which == proxy ]] && url="$proxied"
      line="$(run_wrk "$url" "$c" "$seconds" "$requests")"
      echo "{\"connections\":$c,\"round\":$r,\"target\":\"$which\",\"wrk\":$line}" >>"$tmp/runs.jsonl"
      echo "connections $c, round $r, $which: $line" >&2
    done
  done
done

# ---- report -------------------------------------------------------------------------------------
peak_rss_kb="$(awk '/^VmHWM:/ {print $2}' "/proc/$proxy_pid/status")"
logged="$(grep -c ' status=200 ' "$tmp/proxy.log" || true)"
python3 - "$tmp/runs.jsonl" "$peak_rss_kb" "$logged" "$requests" <<'PY'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
peak_kb, logged, cap = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
bad = sum(r["wrk"]["non2xx"] + r["wrk"]["errors"] for r in runs)
for c in sorted({r["connections"] for r in runs}):
    def med(target, key):
        return statistics.median(r["wrk"][key] for r in runs if r["target"] == target and r["connections"] == c)
    print(f"\n{c} connection(s)           {'req/s':>10} {'p50':>10} {'p90':>10} {'p99':>10}")
    for t, name in (("direct", "fake SSM directly"), ("proxy", "through ssmview-proxy")):
        print(f"{name:24} {med(t,'rps'):>10,.0f} {med(t,'p50_us')/1000:>8.3f}ms {med(t,'p90_us')/1000:>8.3f}ms "
              f"{med(t,'p99_us')/1000:>8.3f}ms")
    a50 = (med("proxy", "p50_us") - med("direct", "p50_us")) / 1000
    a99 = (med("proxy", "p99_us") - med("direct", "p99_us")) / 1000
    rps = med("proxy", "rps")
    print(f"added by the proxy: p50 {a50:+.3f} ms (goal <= 1 ms: {'met' if a50 <= 1 else 'MISSED'}), "
          f"p99 {a99:+.3f} ms (goal <= 5 ms: {'met' if a99 <= 5 else 'MISSED'}); "
          f"proxy {rps:,.0f} req/s (goal >= 2,000: {'met' if rps >= 2000 else 'MISSED'})")
print(f"\nproxy peak RSS (VmHWM): {peak_kb/1024:.1f} MiB; access-log lines with status=200: {logged:,}; "
      f"non-2xx or socket errors in timed runs: {bad}")
capped = [r for r in runs if r["wrk"]["requests"] >= cap]
if capped:
    print(f"WARNING: {len(capped)} run(s) reached the request cap ({cap:,}): their req/s is too low; raise --requests")
print(f"medians of the rounds of each connection count")
PY
echo "command: bench/proxy/run_bench.sh $build --connections $connections --threads $threads --seconds $seconds --requests $requests --rounds $rounds"
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $(/usr/bin/wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"

#!/usr/bin/env bash
# bench/proxy/run_s3_bench.sh: a command's whole output (a 10 MB S3 object) through ssmview-proxy,
# against curl fetching the same object from the same server directly.
#
# Index
#   servers   bench_proxy_upstream (the anchor: serves the object at GET /<bucket>/<key>) and
#             ssmview-proxy in front of it (--endpoint-url: S3 requests go to the anchor)
#   rounds    curl directly, then curl through the proxy (GET /s3/<region>/<bucket>/<key>),
#             alternately, R times each; every answer's size is checked
#   report    median and best time_total of each, and the ratio (through the proxy / directly)
#
# What the proxy adds here: reading the request, checking the key against the agent's layout,
# signing (SigV4 with S3's rules), a fresh connection to the anchor, reading 10 MB into memory,
# then writing it back. The page's "Load the complete output" adds its own fetch and the view's
# work on top; that part is measured with the page (bench/README.md).
#
#   bench/proxy/run_s3_bench.sh [BUILD_DIR] [--rounds R] [--mb MB]
#   cmake --build BUILD_DIR --target ssmview-proxy bench_proxy_upstream
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$root/build/native"
rounds=15
mb=10
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift ;;
    --mb) mb="$2"; shift ;;
    -*) echo "usage: $0 [BUILD_DIR] [--rounds R] [--mb MB]" >&2; exit 2 ;;
    *) build="$1" ;;
  esac
  shift
done
upstream_bin="$build/bench/proxy/bench_proxy_upstream"
proxy_bin="$build/proxy/ssmview-proxy"
for b in "$upstream_bin" "$proxy_bin"; do
  [[ -x "$b" ]] || { echo "missing $b: cmake --build $build --target ssmview-proxy bench_proxy_upstream" >&2; exit 2; }
done
command -v curl >/dev/null || { echo "curl is needed (scripts/setup.sh installs it)" >&2; exit 2; }

tmp="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT

"$upstream_bin" --threads 2 --object-mb "$mb" > "$tmp/upstream.port" &
pids+=($!)
for _ in $(seq 100); do [[ -s "$tmp/upstream.port" ]] && break; sleep 0.05; done
up_port="$(cat "$tmp/upstream.port")"

AWS_ACCESS_KEY_ID=AKIDBENCHMARK0000000 AWS_SECRET_ACCESS_KEY=bench/secret/not/a/real/key/0000000000 \
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true \
  "$proxy_bin" --listen 127.0.0.1:0 --region us-east-1 --endpoint-url "http://127.0.0.1:$up_port" 2> "$tmp/proxy.log" &
pids+=($!)
proxy_port=""
for _ in $(seq 100); do
  proxy_port="$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$tmp/proxy.log" | head -n 1)"
  [[ -n "$proxy_port" ]] && break
  sleep 0.05
done
[[ -n "$proxy_port" ]] || { echo "ssmview-proxy did not start:" >&2; cat "$tmp/proxy.log" >&2; exit 1; }

key="out/0b8f52a2-3a4f-4bd0-9d3e-5f8a0c1d2e3f/i-0123456789abcdef0/awsrunShellScript/0.awsrunShellScript/stdout"
direct="http://127.0.0.1:$up_port/bench-bucket/$key"
proxied="http://127.0.0.1:$proxy_port/s3/us-east-1/bench-bucket/$key"
want=$((mb * 1024 * 1024))

measure() {  # url -> "seconds"; fails unless the whole object came back
  local out
  out="$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}' "$1")"
  read -r code size secs <<< "$out"
  [[ "$code" == 200 && "$size" == "$want" ]] || { echo "bad answer from $1: $out" >&2; exit 1; }
  echo "$secs"
}

measure "$direct" > /dev/null; measure "$proxied" > /dev/null  # warm both
: > "$tmp/direct"; : > "$tmp/proxied"
for _ in $(seq "$rounds"); do
  measure "$direct" >> "$tmp/direct"
  measure "$proxied" >> "$tmp/proxied"
done
median() { sort -g "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
best() { sort -g "$1" | head -n 1; }
d="$(median "$tmp/direct")"; p="$(median "$tmp/proxied")"
printf '%s MiB object, %s rounds each, alternating (seconds, curl time_total)\n' "$mb" "$rounds"
printf '  curl directly           median %.4f  best %.4f\n' "$d" "$(best "$tmp/direct")"
printf '  curl through the proxy  median %.4f  best %.4f\n' "$p" "$(best "$tmp/proxied")"
awk -v p="$p" -v d="$d" 'BEGIN { printf "  ratio (proxy / direct)  %.2f x\n", p / d }'

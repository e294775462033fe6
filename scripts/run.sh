#!/usr/bin/env bash
# scripts/run.sh: build, then serve the viewer on http://127.0.0.1:8080/ and a simulated SSM on
# http://127.0.0.1:8787 together (README's run command). Ctrl+C stops both.
#
#   1. scripts/setup.sh --no-npm   packages, Dear ImGui sources (skipped when present); no npm:
#                              nothing here runs the browser tests
#   2. wasm preset             em++ builds dist/ (the page: index.html, ssmview.js, ssmview.wasm, font)
#   3. native preset           g++ builds ssmview-proxy and the ssmview CLI into build/native
#   4. ssmview-proxy --simulate   on 127.0.0.1:8787: built-in commands that move over time
#                              (InvocationDoesNotExist, Pending, InProgress with output, an ending),
#                              answered in SSM's wire format; no AWS account, no credentials
#   5. a static server         python3's http.server on loopback only, serving dist/
#
# Both servers listen on 127.0.0.1 only. If either stops (or cannot start: a port in use), the
# other is stopped too and the script says which and why. The proxy's access log (one line per
# request, never a body or a secret) goes to this terminal.
#
# Environment:
#   PORT=9000             serve the page elsewhere (the proxy then allows that origin)
#   PROXY_PORT=9787       run the proxy elsewhere (the printed live link names it)
#   SSMVIEW_SKIP_BUILD=1  serve what is built already: SSMVIEW_SITE_DIR (default dist),
#                         SSMVIEW_PROXY_BIN and SSMVIEW_CLI_BIN (default build/native/...)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NODE_PATH=/usr/share/nodejs

port="${PORT:-8080}"
proxy_port="${PROXY_PORT:-8787}"
site_dir="${SSMVIEW_SITE_DIR:-dist}"
proxy_bin="${SSMVIEW_PROXY_BIN:-build/native/proxy/ssmview-proxy}"
cli_bin="${SSMVIEW_CLI_BIN:-build/native/cli/ssmview}"

say() { echo "ssmview: $*" >&2; }

if [[ "${SSMVIEW_SKIP_BUILD:-}" != 1 ]]; then
    bash scripts/setup.sh --no-npm
    cmake --preset wasm >/dev/null
    cmake --build --preset wasm --target site
    cmake --preset native >/dev/null
    cmake --build --preset native --target ssmview-proxy ssmview
fi
for f in "$site_dir/index.html" "$proxy_bin" "$cli_bin"; do
    if [[ ! -e "$f" ]]; then
        say "$f is missing: run without SSMVIEW_SKIP_BUILD to build it"
        exit 1
    fi
done

# ---- the two servers, stopped together ----------------------------------------------------
proxy_pid=""
page_pid=""
stop_all() {
    trap - EXIT INT TERM
    local pid
    for pid in $proxy_pid $page_pid; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in $proxy_pid $page_pid; do wait "$pid" 2>/dev/null || true; done
    say "stopped (page server and ssmview-proxy)"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

# Does 127.0.0.1:$1 answer within 10 s, and is process $2 (which should be answering) still
# alive a moment later? (Something else on the port answers too, while ours fails to bind and exits.)
wait_for_port() {
    local i
    for ((i = 0; i < 100; i++)); do
        kill -0 "$2" 2>/dev/null || return 1
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
            sleep 0.3
            kill -0 "$2" 2>/dev/null
            return
        fi
        sleep 0.1
    done
    return 1
}

# The page's origin must be allowed by the proxy (CORS). Its defaults are the 8080 page's origins;
# a page served elsewhere is named.
origin_args=()
if [[ "$port" != 8080 ]]; then
    origin_args=(--allow-origin "http://127.0.0.1:$port" --allow-origin "http://localhost:$port")
fi
"$proxy_bin" --simulate --listen "127.0.0.1:$proxy_port" "${origin_args[@]}" &
proxy_pid=$!
# It is up when its /healthz answers, naming the simulated commands (the live deploy leads), and
# it is still running then (a proxy that could not bind exits while something else holds the port).
proxy_url="http://127.0.0.1:$proxy_port"
deploy=""
if wait_for_port "$proxy_port" "$proxy_pid"; then
    deploy=$(/usr/bin/python3 -c '
import json, sys, urllib.request
c = json.load(urllib.request.urlopen(sys.argv[1] + "/healthz", timeout=5))["upstream"]["commands"][0]
print(c["CommandId"], c["InstanceIds"][0])' "$proxy_url" 2>/dev/null) || deploy=""
fi
if [[ -z "$deploy" ]] || ! kill -0 "$proxy_pid" 2>/dev/null; then
    say "ssmview-proxy did not start on 127.0.0.1:$proxy_port (its message is above)."
    say "Is something else listening there? PROXY_PORT=9787 $0 uses another port."
    exit 1
fi
read -r command_id instance_id <<<"$deploy"
# The largest simulated fleet (README "Simulated SSM"): the command with the most instances.
fleet_id=$(/usr/bin/python3 -c 'import json, sys, urllib.request
cs = json.load(urllib.request.urlopen(sys.argv[1] + "/healthz", timeout=5))["upstream"]["commands"]
print(max(cs, key=lambda c: c["InstanceCount"])["CommandId"])' "$proxy_url" 2>/dev/null) || fleet_id=""

/usr/bin/python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site_dir" 2>/dev/null &
page_pid=$!
if ! wait_for_port "$port" "$page_pid"; then
    say "the page server did not start on 127.0.0.1:$port. Is something else listening there?"
    say "PORT=9000 $0 serves the page elsewhere."
    exit 1
fi

proxy_arg=()
[[ "$proxy_port" != 8787 ]] && proxy_arg=(--proxy "$proxy_url")
live_link=$("$cli_bin" link --fetch --command-id "$command_id" --instance-id "$instance_id" "${proxy_arg[@]}" \
    --base "http://127.0.0.1:$port/")

cat >&2 <<EOF

ssmview is served on   http://127.0.0.1:$port/
simulated SSM on       $proxy_url   (ssmview-proxy --simulate: no AWS, no credentials)

  follow a simulated deploy live:   $live_link
  the same from a terminal:         $cli_bin follow --proxy $proxy_url --command-id $command_id --instance-id $instance_id
  a 2,000-node fleet, grouped:      $cli_bin follow --proxy $proxy_url --command-id $fleet_id --similar
  the AWS CLI sees the same SSM:    /usr/bin/aws --endpoint-url $proxy_url --no-sign-request --region us-east-1 ssm list-commands
  every simulated command:          $proxy_url/healthz
EOF
if [[ -e "$site_dir/ssmview-single.html" ]]; then
    echo "  single-file viewer (from disk):   $(pwd)/$site_dir/ssmview-single.html" >&2
fi
echo -e "\nCtrl+C stops both servers.\n" >&2

# Until Ctrl+C, or until one of the servers ends on its own.
set +e
wait -n "$proxy_pid" "$page_pid"
status=$?
set -e
if ! kill -0 "$proxy_pid" 2>/dev/null; then
    say "ssmview-proxy stopped (exit status $status); stopping the page server"
else
    say "the page server stopped (exit status $status); stopping ssmview-proxy"
fi
exit 1

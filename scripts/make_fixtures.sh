#!/usr/bin/env bash
# scripts/make_fixtures.sh: regenerate the test fixtures with the REAL AWS CLI v2 (/usr/bin/aws).
#
#   scripts/make_fixtures.sh               write into tests/fixtures/ (what is committed)
#   scripts/make_fixtures.sh --out DIR     write into DIR instead
#   scripts/make_fixtures.sh --check       regenerate into a temporary folder and diff -r it against
#                                          tests/fixtures/ (exit 1 on any difference)
#
# Steps
#   1. API bodies    tests/support/make_invocation_bodies.py -> invocations/*.json, sequences/*.json
#                    tests/support/make_fleet_bodies.py -> fleets/*.json
#   2. stub          tests/support/ssm_stub.py on 127.0.0.1, ephemeral port, serving those bodies
#   3. CLI output    /usr/bin/aws ssm get-command-invocation ... --output FMT for each state and
#                    FMT in json yaml yaml-stream text table -> aws-cli/<state>.<fmt>
#                    plus the CLI's stderr and exit status for an unknown command id
#   3b. fleets       list-command-invocations [--details], list-commands (also in another time
#                    zone), send-command -> aws-cli/fleet-<name>.<what>.<fmt>
#   4. pasted        pasted/*: the json output as pasted from a terminal (prompt, CRLF, BOM, UTF-16),
#                    and pages of list-command-invocations --max-items with the prompts between them
#
# Needs the Debian packages awscli (2.9.19) and python3-botocore (scripts/setup.sh installs both).
# Output is deterministic: no clock, no randomness, a clean environment for every CLI call.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AWS=/usr/bin/aws
PY=/usr/bin/python3
FORMATS=(json yaml yaml-stream text table)
GENERATED=(invocations sequences fleets aws-cli pasted)   # the folders this script owns

out="$here/tests/fixtures"
check=0
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --out=*) out="${1#--out=}"; shift ;;
    --check) check=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "make_fixtures.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
for tool in "$AWS" "$PY"; do
  [ -x "$tool" ] || { echo "make_fixtures.sh: $tool missing (run scripts/setup.sh)" >&2; exit 1; }
done

work="$(mktemp -d)"
stub_pid=""
cleanup() {
  if [ -n "$stub_pid" ]; then kill "$stub_pid" 2>/dev/null || true; wait "$stub_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if [ "$check" = 1 ]; then out="$work/fixtures"; fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"
log() { printf '[make_fixtures] %s\n' "$*" >&2; }

# ---- 1. API response bodies -------------------------------------------------------------------
for d in "${GENERATED[@]}"; do rm -rf "${out:?}/$d"; done
"$PY" "$here/tests/support/make_invocation_bodies.py" "$out"
"$PY" "$here/tests/support/make_fleet_bodies.py" "$out"
mkdir -p "$out/aws-cli" "$out/pasted"

# ---- 2. the stub ------------------------------------------------------------------------------
"$PY" "$here/tests/support/ssm_stub.py" --port 0 --bodies "$out/invocations" --bodies "$out/sequences" --fleets "$out/fleets" \
  >"$work/stub.out" 2>"$work/stub.err" &
stub_pid=$!
port=""
for _ in $(seq 100); do
  port="$(head -n 1 "$work/stub.out" 2>/dev/null || true)"
  [ -n "$port" ] && break
  kill -0 "$stub_pid" 2>/dev/null || { cat "$work/stub.err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { log "the stub did not report its port"; exit 1; }
endpoint="http://127.0.0.1:$port"
log "stub on $endpoint (pid $stub_pid)"

# ---- 3. real CLI output -----------------------------------------------------------------------
# A clean environment: nothing from the caller's AWS_* variables, profile, aliases or locale.
mkdir -p "$work/home"
aws_env=(env -i PATH=/usr/bin:/bin HOME="$work/home" LC_ALL=C.UTF-8
  AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
  AWS_EC2_METADATA_DISABLED=true AWS_PAGER= AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null)
cli() {  # cli COMMAND_ID INSTANCE_ID FORMAT  (stdout/stderr to the caller)
  "${aws_env[@]}" "$AWS" ssm get-command-invocation --command-id "$1" --instance-id "$2" \
    --endpoint-url "$endpoint" --region us-east-1 --output "$3"
}
run_one() {  # run_one STATE COMMAND_ID INSTANCE_ID FORMAT: expects success and an empty stderr
  local dest="$out/aws-cli/$1.$4" err="$work/$1.$4.err" rc=0
  cli "$2" "$3" "$4" >"$dest" 2>"$err" || rc=$?
  if [ "$rc" != 0 ] || [ -s "$err" ]; then
    log "FAILED ($rc): $1 --output $4"; cat "$err" >&2; return 1
  fi
}

# state command-id instance-id, one line per invocations/*.json
"$PY" - "$out/invocations" >"$work/states" <<'EOF'
import json, os, sys
d = sys.argv[1]
for name in sorted(os.listdir(d)):
    b = json.load(open(os.path.join(d, name), encoding="utf-8"))
    print(name[:-len(".json")], b["CommandId"], b["InstanceId"])
EOF

jobs_max="$(nproc 2>/dev/null || echo 2)"
pids=()
failed=0
while read -r state cmd inst; do
  for fmt in "${FORMATS[@]}"; do
    run_one "$state" "$cmd" "$inst" "$fmt" &
    pids+=("$!")
    if [ "${#pids[@]}" -ge "$jobs_max" ]; then
      wait "${pids[0]}" || failed=1
      pids=("${pids[@]:1}")
    fi
  done
done <"$work/states"
for p in "${pids[@]}"; do wait "$p" || failed=1; done
[ "$failed" = 0 ] || { log "some CLI calls failed"; exit 1; }

# Errors: an unknown (CommandId, InstanceId) -> the stub's InvocationDoesNotExist (no message,
# like the model's member-less shape); and the same error carrying a message (sequences/).
cli_error() {  # cli_error NAME COMMAND_ID INSTANCE_ID
  local rc=0
  cli "$2" "$3" json >"$work/$1.stdout" 2>"$out/aws-cli/$1.stderr" || rc=$?
  printf '%s\n' "$rc" >"$out/aws-cli/$1.exit"
  [ "$rc" != 0 ] && [ ! -s "$work/$1.stdout" ] || { log "$1: expected a failure and no stdout (rc $rc)"; exit 1; }
}
cli_error error-invocation-does-not-exist 05b2e53f-a7ea-45db-9cfc-ea17ed30ce04 i-0d7a8ef42c10a2646
cli_error error-invocation-does-not-exist-with-message eae0bb53-676e-4dbe-baea-f3be42c73249 i-0982013cacc9d189d

# `--query StandardOutputContent --output text`: the output alone, as people save it to a file. It is
# no CLI document: ssmview opens it as plain output (input.plain).
read -r _ rich_cmd rich_inst < <(grep '^success_rich ' "$work/states")
"${aws_env[@]}" "$AWS" ssm get-command-invocation --command-id "$rich_cmd" --instance-id "$rich_inst" \
  --endpoint-url "$endpoint" --region us-east-1 --query StandardOutputContent --output text \
  >"$out/aws-cli/success_rich.stdout.text" 2>"$work/query.err" || { log "FAILED: --query StandardOutputContent"; exit 1; }
[ ! -s "$work/query.err" ] || { log "FAILED: --query StandardOutputContent"; cat "$work/query.err" >&2; exit 1; }

# ---- 3b. fleets -------------------------------------------------------------------------------
ssm() {  # ssm ENV-ASSIGNMENT... -- SUBCOMMAND ARGS...: the clean environment, the stub, us-east-1
  local extra=()
  while [ "$1" != "--" ]; do extra+=("$1"); shift; done
  shift
  "${aws_env[@]}" "${extra[@]}" "$AWS" ssm "$@" --endpoint-url "$endpoint" --region us-east-1
}
fleet_one() {  # fleet_one DEST ENV... -- SUBCOMMAND ARGS...: expects success and an empty stderr
  local dest="$out/aws-cli/$1" err="$work/$1.err" rc=0
  shift
  ssm "$@" >"$dest" 2>"$err" || rc=$?
  if [ "$rc" != 0 ] || [ -s "$err" ]; then log "FAILED ($rc): $dest"; cat "$err" >&2; return 1; fi
}
fleet_id() { "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["Command"]["CommandId"])' "$out/fleets/$1.json"; }
deploy="$(fleet_id deploy)"
steps="$(fleet_id steps)"
# The CLI pages by itself (--page-size 5 makes it ask three times for 12 invocations). Not as a
# table: the CLI widens every column to the longest Output, 1.2 MB of it; list-commands shows the
# table format instead.
for fmt in json yaml yaml-stream text; do
  fleet_one "fleet-deploy.details.$fmt" -- list-command-invocations --command-id "$deploy" --details --page-size 5 --output "$fmt"
done
fleet_one fleet-deploy.list-commands.table -- list-commands --command-id "$deploy" --output table
fleet_one fleet-deploy.no-details.json -- list-command-invocations --command-id "$deploy" --output json
fleet_one fleet-steps.details.json -- list-command-invocations --command-id "$steps" --details --output json
fleet_one fleet-deploy.list-commands.json -- list-commands --command-id "$deploy" --output json
# Local time: the CLI prints the list APIs' times in the machine's zone.
fleet_one fleet-deploy.list-commands.new-york.json TZ=America/New_York -- list-commands --command-id "$deploy" --output json
fleet_one fleet-deploy.send-command.json -- send-command --document-name AWS-RunShellScript \
  --instance-ids $("$PY" -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))["Command"]["InstanceIds"]))' "$out/fleets/deploy.json") \
  --comment "deploy web 1.4.2" --parameters 'commands=["/opt/deploy/deploy.sh web 1.4.2"]' --output json

# ---- 4. "pasted from a terminal" --------------------------------------------------------------
# Pages as people paste them: --max-items 5, then --starting-token with the NextToken printed,
# each output after the prompt and the command line that printed it.
pages="$out/pasted/fleet-deploy-pages.txt"
token=""
: >"$pages"
for page in 1 2 3; do
  args=(list-command-invocations --command-id "$deploy" --details --max-items 5 --output json)
  [ -n "$token" ] && args+=(--starting-token "$token")
  printf 'user@host:~$ aws ssm %s\n' "${args[*]}" >>"$pages"
  ssm -- "${args[@]}" >"$work/page.json"
  cat "$work/page.json" >>"$pages"
  token="$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1])).get("NextToken", ""))' "$work/page.json")"
  [ -n "$token" ] || break
done
printf 'user@host:~$ ' >>"$pages"

"$PY" - "$out" <<'EOF'
import json, os, sys
out = sys.argv[1]
src = open(os.path.join(out, "aws-cli", "success.json"), "rb").read()
b = json.loads(src)
prompt = b"user@host:~$ "
typed = ("aws ssm get-command-invocation --command-id %s --instance-id %s\n"
         % (b["CommandId"], b["InstanceId"])).encode()
session = prompt + typed + src + prompt          # trailing prompt, no newline after it
def write(name, data):
    with open(os.path.join(out, "pasted", name), "wb") as f:
        f.write(data)
write("terminal-prompt.txt", session)
write("terminal-prompt-crlf.txt", session.replace(b"\n", b"\r\n"))
write("terminal-prompt-bom.txt", b"\xef\xbb\xbf" + session)
# Windows PowerShell 5.1 `aws ... > out.json`: UTF-16LE with BOM, CRLF line ends
write("powershell-redirect-utf16le.json",
      b"\xff\xfe" + src.decode("utf-8").replace("\n", "\r\n").encode("utf-16-le"))
EOF

log "wrote $(find "$out/aws-cli" "$out/pasted" "$out/invocations" "$out/sequences" "$out/fleets" -type f | wc -l) files into $out"

# ---- --check: compare with the committed fixtures ---------------------------------------------
if [ "$check" = 1 ]; then
  status=0
  for d in "${GENERATED[@]}"; do
    diff -r "$here/tests/fixtures/$d" "$out/$d" >&2 || status=1
  done
  if [ "$status" = 0 ]; then log "check: identical to tests/fixtures"; else log "check: DIFFERENT from tests/fixtures"; fi
  exit "$status"
fi

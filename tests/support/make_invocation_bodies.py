#!/usr/bin/python3
"""make_invocation_bodies.py: write the GetCommandInvocation API response bodies used as fixtures.

Usage: /usr/bin/python3 tests/support/make_invocation_bodies.py OUT_DIR
Writes OUT_DIR/invocations/<state>.json (one API response body per file, exactly the bytes the
stub serves) and OUT_DIR/sequences/*.json (scripted answers for tests/support/ssm_stub.py).
Deterministic: no clock, no randomness. Python 3 standard library only.

The bodies imitate what SSM returns: compact JSON, members in the API model's order
(shape GetCommandInvocationResult), raw UTF-8, empty strings (never null) for unset members,
ISO-8601 UTC times with milliseconds, ExecutionElapsedTime as a java.time.Duration string
(PT12.034S, PT3.04S, PT10M0.317S) equal to end - start. Each body is checked against the
constraints of botocore's SSM model when python3-botocore is installed.
"""

import datetime
import json
import os
import sys

MEMBERS = [
    "CommandId", "InstanceId", "Comment", "DocumentName", "DocumentVersion", "PluginName",
    "ResponseCode", "ExecutionStartDateTime", "ExecutionElapsedTime", "ExecutionEndDateTime",
    "Status", "StatusDetails", "StandardOutputContent", "StandardOutputUrl",
    "StandardErrorContent", "StandardErrorUrl", "CloudWatchOutputConfig",
]
STATUSES = {"Pending", "InProgress", "Delayed", "Success", "Cancelled", "TimedOut", "Failed", "Cancelling"}
CW_OFF = {"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": False}
TRUNCATED_MARKER = "\n---Output truncated---"  # the SSM agent's suffix (iohandler.TruncateOutput)
ESC = "\x1b"


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def java_duration(ms):
    """java.time.Duration.toString() for a whole number of milliseconds."""
    secs, millis = divmod(ms, 1000)
    h, rem = divmod(secs, 3600)
    m, s = divmod(rem, 60)
    out = "PT" + (f"{h}H" if h else "") + (f"{m}M" if m else "")
    if s or millis or out == "PT":
        out += str(s) + (("." + "%03d" % millis).rstrip("0") if millis else "") + "S"
    return out


def at(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%f")


def body(command_id, instance_id, status, details, *, comment="", document="AWS-RunShellScript",
         version="$DEFAULT", plugin="aws:runShellScript", code=-1, start=None, elapsed_ms=None,
         stdout="", stdout_url="", stderr="", stderr_url="", cloudwatch=None):
    """One GetCommandInvocationResult. start: 'YYYY-mm-ddTHH:MM:SS.fff' (UTC) or None;
    elapsed_ms: None while still running (elapsed and end stay empty)."""
    start_s = elapsed_s = end_s = ""
    if start is not None:
        t0 = at(start)
        start_s = iso(t0)
        if elapsed_ms is not None:
            elapsed_s = java_duration(elapsed_ms)
            end_s = iso(t0 + datetime.timedelta(milliseconds=elapsed_ms))
    values = {
        "CommandId": command_id, "InstanceId": instance_id, "Comment": comment,
        "DocumentName": document, "DocumentVersion": version, "PluginName": plugin,
        "ResponseCode": code, "ExecutionStartDateTime": start_s, "ExecutionElapsedTime": elapsed_s,
        "ExecutionEndDateTime": end_s, "Status": status, "StatusDetails": details,
        "StandardOutputContent": stdout, "StandardOutputUrl": stdout_url,
        "StandardErrorContent": stderr, "StandardErrorUrl": stderr_url,
        "CloudWatchOutputConfig": dict(cloudwatch or CW_OFF),
    }
    return {k: values[k] for k in MEMBERS}


def s3_url(bucket, prefix, command_id, instance_id, plugin, stream):
    # Run Command's S3 layout: prefix/command-id/instance-id/<plugin without ':'>/<n>.<plugin>/stdout
    p = plugin.replace(":", "")
    return f"https://s3.us-east-1.amazonaws.com/{bucket}/{prefix}/{command_id}/{instance_id}/{p}/0.{p}/{stream}"


# ---- the command sent to a small fleet: one invocation per node ------------------------------
FLEET = "1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7"
FLEET_COMMENT = "release 2026.11.3 pre-flight check"
FLEET_DF = (
    "Filesystem      Size  Used Avail Use% Mounted on\n"
    "/dev/nvme0n1p1   30G   11G   20G  35% /\n"
    "/dev/nvme1n1    100G   62G   39G  62% /var\n"
)


def bodies():
    b = {}
    b["success"] = body(
        FLEET, "i-0802cc9316fe86d8a", "Success", "Success", comment=FLEET_COMMENT, code=0,
        start="2026-11-20T14:03:07.512", elapsed_ms=12034,
        stdout="== ip-10-20-3-41.ec2.internal ==\n"
               " 14:03:08 up 41 days,  3:12,  0 users,  load average: 0.08, 0.11, 0.09\n"
               + FLEET_DF +
               "active\nactive\n"
               "VERSION\napp.jar\nconfig\n"
               "release 2026.11.3 ready\n")
    b["failed"] = body(
        FLEET, "i-04fa1e9cd64899d58", "Failed", "Failed", comment=FLEET_COMMENT, code=2,
        start="2026-11-20T14:03:07.604", elapsed_ms=525,
        stdout="== ip-10-20-5-17.ec2.internal ==\n"
               " 14:03:08 up 2 days, 22:47,  0 users,  load average: 1.93, 1.41, 1.22\n"
               + FLEET_DF +
               "active\nactive\n",
        stderr="ls: cannot access '/opt/app/releases/current': No such file or directory\n"
               "failed to run commands: exit status 2")
    # The node never answered (stopped / agent offline): nothing ran.
    b["undeliverable"] = body(
        FLEET, "i-0a68de32e0c65cda7", "Failed", "Undeliverable", comment=FLEET_COMMENT)
    # MaxErrors 0 was exceeded by the failure above: the system cancelled the remaining
    # invocations. The model's Status enum has no "Terminated"; Cancelled is assumed here.
    b["terminated"] = body(
        FLEET, "i-078cd11d1724ba8f6", "Cancelled", "Terminated", comment=FLEET_COMMENT)

    # ---- one command each --------------------------------------------------------------------
    b["pending"] = body(
        "6d5fe1d3-2be9-4eb1-b18b-e582de4d70cd", "i-00c6f2b2bcbd05f9a", "Pending", "Pending")
    b["in_progress"] = body(
        "85682b4a-9b78-4f99-8479-119b201ad1b1", "i-02cbec455c7c3f2b6", "InProgress", "InProgress",
        comment="dnf upgrade", start="2026-11-20T14:05:12.087")
    b["delayed"] = body(
        "0550e628-55ee-43cf-8258-b9e996673025", "i-02b78c0c1aaa26cf4", "Delayed", "Delayed",
        comment="rotate nginx logs")
    b["timed_out_delivery"] = body(
        "f0609b90-0b94-4c43-b8a7-8446cc41480b", "i-01ab06661a85c9f6c", "TimedOut", "DeliveryTimedOut",
        comment="rotate nginx logs")
    waits = "".join(
        "[13:%02d:%02d] waiting for http://127.0.0.1:8080/healthz (attempt %d/40)\n"
        % (10 + (2 + 15 * (n - 1)) // 60, (2 + 15 * (n - 1)) % 60, n) for n in range(1, 41))
    # executionTimeout 600 s: the agent killed the script (SIGKILL: 128 + 9).
    b["timed_out_execution"] = body(
        "32471ff9-410a-4e54-8de3-77730cc21dbd", "i-01adf1d8d484978cf", "TimedOut", "ExecutionTimedOut",
        comment="wait for app warm-up", code=137,
        start="2026-11-20T13:10:02.221", elapsed_ms=600317, stdout=waits,
        stderr="curl: (7) Failed to connect to 127.0.0.1 port 8080 after 0 ms: Couldn't connect to server\n" * 40)
    b["cancelled"] = body(
        "d9edea89-a400-4209-b837-1fd05f825c93", "i-0770e90fd073d9458", "Cancelled", "Cancelled",
        comment="nightly pg_dump (manual run)", code=137,
        start="2026-11-20T12:41:55.930", elapsed_ms=127472,
        stdout="pg_dump: dumping contents of table \"public.orders\"\n"
               "pg_dump: dumping contents of table \"public.order_items\"\n"
               "pg_dump: dumping contents of table \"public.audit_log\"\n")
    b["cancelling"] = body(
        "56b33c10-336c-4c17-b53c-291ac3ff25b1", "i-0e832c0bc55cdf67f", "Cancelling", "Cancelling",
        comment="reindex search cluster", start="2026-11-20T14:11:30.018")

    # ---- rich text: ANSI SGR (16, 256 and 24-bit colours), UTF-8, tabs, CRLF ------------------
    E = ESC
    rich_lines = [
        f"{E}[1;34m==>{E}[0m {E}[1mHealth report for ip-10-20-7-88.ec2.internal{E}[0m",
        f"{E}[32m✔{E}[0m disk      {E}[38;5;244m/dev/nvme0n1p1  35% used{E}[0m",
        f"{E}[33m⚠{E}[0m memory    {E}[38;2;255;135;0m87% used (13.9 GiB / 16 GiB){E}[0m",
        f"{E}[1;31m✘{E}[0m ntp       {E}[48;5;52m{E}[38;5;231m offset +2.417s {E}[0m",
        f"{E}[0;1;32m●{E}[0m nginx.service - A high performance web server and a reverse proxy server",
        f"     Active: {E}[0;1;32mactive (running){E}[0m since Fri 2026-11-20 09:12:44 UTC; 4h 55min ago",
        f"{E}[38;2;120;200;255mtruecolor{E}[39m / {E}[38;5;208m256-colour{E}[39m / {E}[94mbright{E}[39m"
        f" / {E}[7mreverse{E}[27m / {E}[4munderline{E}[24m / {E}[48;2;40;40;40m{E}[97mtruecolor bg{E}[m",
        f"tput sgr0: {E}[1mbold{E}(B{E}[m plain",
        "",
        "Ελληνικά: Καλημέρα κόσμε — όλοι οι έλεγχοι ολοκληρώθηκαν",
        "Русский: Проверка завершена, ошибок: 1 (ntp)",
        "日本語: 完了",
        "┌──────────┬──────────────┬────────┐",
        "│ service  │ описание     │ state  │",
        "├──────────┼──────────────┼────────┤",
        f"│ nginx    │ веб-сервер   │ {E}[32mactive{E}[0m │",
        f"│ chronyd  │ συγχρονισμός │ {E}[31mfailed{E}[0m │",
        "└──────────┴──────────────┴────────┘",
        "emoji: 🚀 deployed  ✅ ok  ⚠️ warn  👩‍💻 on-call  🇩🇪 region",
        "metric\tvalue\tunit",
        "uptime\t1724011\ts",
        "load\t0.08 0.11 0.09\t",
    ]
    rich = "\n".join(rich_lines) + "\n"
    rich += "CRLF lines follow:\r\nline 1 from a Windows file\r\nline 2 from a Windows file\r\n"
    rich += f"{E}[1;32mDone.{E}[0m\n"
    b["success_rich"] = body(
        "e351974d-9178-4858-8f27-d9150130c5b1", "i-036cdd9ecb6f1cd2e", "Success", "Success",
        comment="health report (colour)", version="1", code=0,
        start="2026-11-20T14:07:45.301", elapsed_ms=2659, stdout=rich,
        stderr=f"{E}[33mwarning:{E}[0m chronyd is not synchronised (offset +2.417s)\n")

    # ---- truncated: exactly 24,000 characters, ending with the agent's marker -----------------
    cmd_t, inst_t = "0c9f51f7-a774-4e7b-8649-c97ef6062077", "i-039e8c87c496b98cf"
    paths = ["orders", "orders/{}", "orders/{}/items", "customers/{}", "health", "inventory/sku-{}"]
    lines, n = [], 0
    while sum(len(x) + 1 for x in lines) < 24000:
        sec = 13 * 3600 + n * 7 // 3
        verb = "POST" if n % 5 == 3 else "GET"
        path = paths[n % len(paths)].format(100000 + n * 37)
        status = 500 if n % 97 == 41 else (201 if verb == "POST" else 200)
        lines.append("Nov 20 %02d:%02d:%02d ip-10-20-3-41 app[2417]: %s /api/v1/%s %d %dms"
                     % (sec // 3600, sec // 60 % 60, sec % 60, verb, path, status, 3 + n * 13 % 180))
        n += 1
    journal = "\n".join(lines) + "\n"
    truncated = journal[:24000 - len(TRUNCATED_MARKER)] + TRUNCATED_MARKER
    b["truncated"] = body(
        cmd_t, inst_t, "Success", "Success", comment="journalctl -u app --since 13:00", code=0,
        start="2026-11-20T14:15:00.114", elapsed_ms=3763, stdout=truncated,
        stdout_url=s3_url("acme-ssm-output", "journal", cmd_t, inst_t, "aws:runShellScript", "stdout"),
        stderr_url=s3_url("acme-ssm-output", "journal", cmd_t, inst_t, "aws:runShellScript", "stderr"),
        cloudwatch={"CloudWatchLogGroupName": "/ssm/run-command/journal", "CloudWatchOutputEnabled": True})

    # ---- Windows, hybrid-activated managed node (mi-), PowerShell output with CRLF ------------
    ps = ("EC2AMAZ-7Q1B3K9\r\n"
          "\r\n"
          "Status   Name               DisplayName                           \r\n"
          "------   ----               -----------                           \r\n"
          "Running  AmazonSSMAgent     Amazon SSM Agent                      \r\n"
          "Running  W3SVC              World Wide Web Publishing Service     \r\n"
          "Stopped  wuauserv           Windows Update                        \r\n"
          "\r\n"
          "\r\n")
    b["windows"] = body(
        "8b5ac78f-aacc-465f-9456-c49b3d919a55", "mi-0ff4037dc13aa6cdd", "Success", "Success",
        comment="Check IIS services", document="AWS-RunPowerShellScript", version="1",
        plugin="aws:runPowerShellScript", code=0,
        start="2026-11-20T14:30:18.660", elapsed_ms=3040, stdout=ps)
    return b


def sequences():
    """Scripted answers for ssm_stub.py (not API bodies themselves)."""
    cmd, inst = "f8b443e0-ec46-492c-8b0a-6428e7d07fe6", "i-0f6e9dfe67458e033"
    common = dict(comment="lifecycle demo: sleep 5; echo done")
    seq = [
        {"error": {"__type": "InvocationDoesNotExist"}},  # right after SendCommand
        body(cmd, inst, "Pending", "Pending", **common),
        body(cmd, inst, "InProgress", "InProgress", start="2026-11-20T14:40:01.250", **common),
        body(cmd, inst, "InProgress", "InProgress", start="2026-11-20T14:40:01.250", **common),
        body(cmd, inst, "Success", "Success", code=0, start="2026-11-20T14:40:01.250",
             elapsed_ms=5021, stdout="done\n", **common),
    ]
    return {
        "lifecycle": {"CommandId": cmd, "InstanceId": inst, "sequence": seq},
        # An InvocationDoesNotExist that carries a message, to compare with the stub's default.
        "not-found-with-message": {
            "CommandId": "eae0bb53-676e-4dbe-baea-f3be42c73249", "InstanceId": "i-0982013cacc9d189d",
            "sequence": [{"error": {"__type": "InvocationDoesNotExist",
                                    "message": "The command ID and managed node ID you specified "
                                               "didn't match any invocations."}}]},
    }


def check(name, b):
    """Model constraints (botocore SSM service-2.json) plus internal consistency."""
    import re
    assert list(b) == MEMBERS, name
    assert len(b["CommandId"]) == 36, name
    assert re.match(r"(^i-(\w{8}|\w{17})$)|(^mi-\w{17}$)", b["InstanceId"]), name
    assert len(b["Comment"]) <= 100, name
    assert b["Status"] in STATUSES, name
    assert len(b["StandardOutputContent"]) <= 24000 and len(b["StandardErrorContent"]) <= 8000, name
    if b["ExecutionEndDateTime"]:
        t0 = at(b["ExecutionStartDateTime"][:-1])
        t1 = at(b["ExecutionEndDateTime"][:-1])
        ms = round((t1 - t0).total_seconds() * 1000)
        assert java_duration(ms) == b["ExecutionElapsedTime"], name
    try:
        import botocore.session
    except ImportError:
        return
    model = botocore.session.get_session().get_service_model("ssm")
    shape = model.operation_model("GetCommandInvocation").output_shape
    assert list(shape.members) == MEMBERS, "model member order changed"
    assert set(shape.members["Status"].enum) == STATUSES


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: make_invocation_bodies.py OUT_DIR")
    out = argv[1]
    os.makedirs(os.path.join(out, "invocations"), exist_ok=True)
    os.makedirs(os.path.join(out, "sequences"), exist_ok=True)
    for name, b in bodies().items():
        check(name, b)
        # compact, as the service sends it; no trailing newline: the file is the exact body
        write(os.path.join(out, "invocations", name + ".json"),
              json.dumps(b, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    assert len(bodies()["truncated"]["StandardOutputContent"]) == 24000
    for name, s in sequences().items():
        for step in s["sequence"]:
            if "error" not in step:
                check(name, step)
        # sequences are test scripts, not wire bytes: pretty-printed for review
        write(os.path.join(out, "sequences", name + ".json"),
              (json.dumps(s, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


if __name__ == "__main__":
    main(sys.argv)

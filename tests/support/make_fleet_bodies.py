#!/usr/bin/python3
"""make_fleet_bodies.py: write the fleets the SSM stub serves to the real AWS CLI.

Usage: /usr/bin/python3 tests/support/make_fleet_bodies.py OUT_DIR
Writes OUT_DIR/fleets/<name>.json, one command each:
    {"Command": {...}, "CommandInvocations": [{... "CommandPlugins": [...]}, ...]}
in the wire form SSM's JSON protocol uses: timestamps as epoch seconds (numbers), which the CLI
prints as ISO-8601 in the local zone; members in the API model's order (shapes Command,
CommandInvocation, CommandPlugin of botocore's ssm/2014-11-06 service-2.json). The stub
(ssm_stub.py --fleets) answers ListCommands, ListCommandInvocations (paged, with and without
Details) and SendCommand from them. Deterministic: no clock, no randomness.

Fleets
    deploy   12 instances: 5 print the same thing, 3 print the same thing but for a time (the
             "similar" grouping joins them), 1 prints more than a plugin Output holds (cut by the
             agent at 2,500 characters), 2 fail with a stderr, 1 was never delivered.
    steps    3 instances of a schema 2.2 document with two steps; one fails in the second step.
"""

import datetime
import json
import os
import sys

ERROR_TITLE = "\n----------ERROR-------\n"       # the agent's line between stdout and stderr
OUT_MARKER = "\n---Output truncated---"         # the agent's marks of a cut stream
ERR_MARKER = "\n---Error truncated----"
PLUGIN_OUTPUT_CHARS = 2500                      # CommandPlugin.Output's model maximum

BASE = datetime.datetime(2026, 11, 20, 14, 3, 7, 512000, tzinfo=datetime.timezone.utc)


def epoch(offset_ms):
    """Epoch seconds of BASE + offset_ms, as SSM sends them (a number with milliseconds)."""
    t = BASE + datetime.timedelta(milliseconds=offset_ms)
    return round(t.timestamp(), 3)


def iso(offset_ms):
    t = BASE + datetime.timedelta(milliseconds=offset_ms)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def joined_output(out, err):
    """A plugin's Output as the agent joins it: stdout, then the ERROR title and stderr, in at
    most PLUGIN_OUTPUT_CHARS characters (stderr keeps its share, each cut stream marked)."""
    title = ERROR_TITLE if err else ""
    if len(out) + len(title) + len(err) <= PLUGIN_OUTPUT_CHARS:
        return out + title + err
    budget = PLUGIN_OUTPUT_CHARS - len(title)
    err_keep = min(len(err), max(budget // 2, budget - min(budget, len(out))))
    if err_keep < len(err):
        err = err[:err_keep - len(ERR_MARKER)] + ERR_MARKER
    room = budget - len(err)
    if len(out) > room:
        out = out[:room - len(OUT_MARKER)] + OUT_MARKER
    joined = out + title + err
    assert len(joined) <= PLUGIN_OUTPUT_CHARS
    return joined


def plugin(name, status, details, code, start_ms, end_ms, out="", err=""):
    return {
        "Name": name, "Status": status, "StatusDetails": details, "ResponseCode": code,
        **({"ResponseStartDateTime": epoch(start_ms)} if start_ms is not None else {}),
        **({"ResponseFinishDateTime": epoch(end_ms)} if end_ms is not None else {}),
        "Output": joined_output(out, err),
        "StandardOutputUrl": "", "StandardErrorUrl": "",
        "OutputS3Region": "us-east-1", "OutputS3BucketName": "", "OutputS3KeyPrefix": "",
    }


def invocation(command_id, instance_id, name, status, details, plugins, document, comment):
    return {
        "CommandId": command_id, "InstanceId": instance_id, "InstanceName": name, "Comment": comment,
        "DocumentName": document, "DocumentVersion": "$DEFAULT", "RequestedDateTime": epoch(0),
        "Status": status, "StatusDetails": details, "TraceOutput": "",
        "StandardOutputUrl": "", "StandardErrorUrl": "", "CommandPlugins": plugins,
        "ServiceRole": "", "NotificationConfig": {"NotificationArn": "", "NotificationEvents": [], "NotificationType": ""},
        "CloudWatchOutputConfig": {"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": False},
    }


def command(command_id, document, comment, instance_ids, status, details, counts, parameters):
    target, completed, errors, timed_out = counts
    return {
        "CommandId": command_id, "DocumentName": document, "DocumentVersion": "$DEFAULT", "Comment": comment,
        "ExpiresAfter": epoch(3600 * 1000 + 5000), "Parameters": parameters, "InstanceIds": instance_ids,
        "Targets": [], "RequestedDateTime": epoch(0), "Status": status, "StatusDetails": details,
        "OutputS3Region": "us-east-1", "OutputS3BucketName": "", "OutputS3KeyPrefix": "",
        "MaxConcurrency": "50", "MaxErrors": "0", "TargetCount": target, "CompletedCount": completed,
        "ErrorCount": errors, "DeliveryTimedOutCount": timed_out, "ServiceRole": "",
        "NotificationConfig": {"NotificationArn": "", "NotificationEvents": [], "NotificationType": ""},
        "CloudWatchOutputConfig": {"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": False},
        "TimeoutSeconds": 3600,
    }


def deploy():
    cid = "3f1c9a52-7d4e-4b8a-9c61-2e5f8d0b7a14"
    doc, comment = "AWS-RunShellScript", "deploy web 1.4.2"
    ids = ["i-0%016x" % (0x5a1e00000000 + n) for n in range(12)]
    same = "Fetching web-1.4.2.tar.gz\nUnpacking to /srv/web\nRestarting web.service\nweb is up\n"
    invs = []
    for n, iid in enumerate(ids):
        name = "web-%02d" % (n + 1)
        start, end = 900 + 40 * n, 5200 + 310 * n
        if n < 5:
            p = plugin("aws:runShellScript", "Success", "Success", 0, start, end, same)
            status, details = "Success", "Success"
        elif n < 8:  # the same, except for when it was checked
            out = "web 1.4.2 already deployed (checked %s)\nnothing to do\n" % iso(start + 17)
            p = plugin("aws:runShellScript", "Success", "Success", 0, start, end, out)
            status, details = "Success", "Success"
        elif n == 8:  # more than a plugin Output holds
            out = "".join("unpacked srv/web/static/asset-%04d.js\n" % k for k in range(90)) + "web is up\n"
            p = plugin("aws:runShellScript", "Success", "Success", 0, start, end + 2000, out)
            status, details = "Success", "Success"
        elif n < 11:  # failed, with a stderr
            err = "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process %d (apt-get)\n" % (4100 + n)
            p = plugin("aws:runShellScript", "Failed", "Failed", 100, start, end, "Fetching web-1.4.2.tar.gz\n", err)
            status, details = "Failed", "Failed"
        else:  # never delivered: the plugin never started
            p = plugin("aws:runShellScript", "TimedOut", "DeliveryTimedOut", -1, None, None)
            status, details = "TimedOut", "DeliveryTimedOut"
        invs.append(invocation(cid, iid, name, status, details, [p], doc, comment))
    cmd = command(cid, doc, comment, ids, "Failed", "Failed", (12, 12, 2, 1),
                  {"commands": ["/opt/deploy/deploy.sh web 1.4.2"]})
    return {"Command": cmd, "CommandInvocations": invs}


def steps():
    cid = "8b27e0d4-1c3f-4a95-b6e2-7f0a9d3c5e81"
    doc, comment = "Acme-BuildAndTest", "nightly build"
    ids = ["i-0%016x" % (0x7b0000000000 + n) for n in range(3)]
    invs = []
    for n, iid in enumerate(ids):
        deps = plugin("installDeps", "Success", "Success", 0, 1000, 9000, "installed 42 packages\n")
        if n < 2:
            tests = plugin("runTests", "Success", "Success", 0, 9100, 30000 + n, "128 passed\n")
            status, details = "Success", "Success"
        else:
            tests = plugin("runTests", "Failed", "Failed", 1, 9100, 21000, "126 passed, 2 failed\n",
                           "FAIL test_upload (timeout after 10 s)\nFAIL test_resize\n")
            status, details = "Failed", "Failed"
        invs.append(invocation(cid, iid, "build-%d" % (n + 1), status, details, [deps, tests], doc, comment))
    cmd = command(cid, doc, comment, ids, "Failed", "Failed", (3, 3, 1, 0), {})
    return {"Command": cmd, "CommandInvocations": invs}


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: make_fleet_bodies.py OUT_DIR\n")
        return 2
    out = os.path.join(argv[1], "fleets")
    os.makedirs(out, exist_ok=True)
    for name, fleet in (("deploy", deploy()), ("steps", steps())):
        with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(fleet, f, ensure_ascii=False, indent=1)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/python3
"""ssm_stub.py: a tiny local imitation of the AWS SSM JSON 1.1 endpoint (GetCommandInvocation, and
for fleets ListCommands, ListCommandInvocations and SendCommand).

Python 3 standard library only; binds 127.0.0.1 only. It lets the real AWS CLI v2 (or any SDK)
talk to "SSM" without network or credentials, so that test fixtures are genuine client output.

Index
    Entry, load_entries   the scripted answers of each (CommandId, InstanceId), from *.json files
    load_fleets           the commands of --fleets DIR (tests/support/make_fleet_bodies.py writes them)
    answer_fleet          ListCommands / ListCommandInvocations (paged, Details) / SendCommand
    answer_request        one POST of the SSM JSON protocol -> (status, body), recorded
    ScriptedInvocations   the entries, the requests seen, reset(): shared with fake_aws.SsmService
    SsmStub               ScriptedInvocations served by tests/support/loopback_server.py, unsigned
    _self_test, main      --self-test (ctest: ssm_stub_self_test), and the command line

Protocol (what the CLI sends; see botocore's SSM model, protocol "json", jsonVersion 1.1):
    POST /   X-Amz-Target: AmazonSSM.GetCommandInvocation
             Content-Type: application/x-amz-json-1.1
             {"CommandId": "...", "InstanceId": "...", ["PluginName": "..."]}
The request signature is not checked (any dummy credentials do).

Entries, loaded from every *.json file of each --bodies DIR (not recursive), keyed by
(CommandId, InstanceId) like the real service:
  * a plain API response body: an object with "CommandId" and "InstanceId" members. Its file's
    bytes are sent unchanged on every request for that key.
  * a scripted sequence: {"CommandId": ..., "InstanceId": ..., "sequence": [step, ...]}. Each
    request for that key answers the next step; once at the end, the last step repeats
    (e.g. Pending -> InProgress -> Success, then Success forever). A step is either a response
    body object, or an error {"error": {"__type": "...", ["message": "..."]}, ["status": 400]}
    (e.g. InvocationDoesNotExist first, as SSM answers right after SendCommand).
Fleets, loaded from every *.json of each --fleets DIR: {"Command": {...}, "CommandInvocations": [...]}
keyed by the command's id. ListCommandInvocations pages them (MaxResults, default 50 like the
service; NextToken "page-N"), without CommandPlugins unless Details is true; ListCommands answers
the Command; SendCommand answers the Command whose DocumentName and InstanceIds match, as sent
(Status Pending, counters 0).
Unknown keys answer HTTP 400 {"__type": "InvocationDoesNotExist"} (the model's
InvocationDoesNotExist shape has no members; pass not_found_message / --not-found-message to
add a "message"). A PluginName that does not match the body's answers InvalidPluginName.

Command line:
    /usr/bin/python3 tests/support/ssm_stub.py --port 0 --bodies tests/fixtures/invocations
prints the bound port alone on the first stdout line, then serves until SIGTERM/SIGINT.
    /usr/bin/python3 tests/support/ssm_stub.py --self-test      # quick check of this module

As a module:
    from ssm_stub import SsmStub
    with SsmStub(["tests/fixtures/invocations"]) as stub:   # ephemeral port, background thread
        url = stub.url                                       # http://127.0.0.1:PORT
        ...
        stub.requests                                        # [(target, request_json), ...]
        stub.reset()                                         # rewind every sequence
"""

import argparse
import json
import os
import signal
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from loopback_server import LoopbackServer  # noqa: E402

TARGET_PREFIX = "AmazonSSM."
JSON_CONTENT_TYPE = "application/x-amz-json-1.1"


def _compact(obj):
    """Serialize like a JSON service: compact, raw UTF-8, control characters escaped."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class Entry:
    """Responses for one (CommandId, InstanceId): a list of steps, advancing per request."""

    def __init__(self, steps, source):
        self.steps = steps  # list of (http_status, body_bytes, plugin_name_or_None)
        self.source = source
        self.index = 0

    def next(self):
        step = self.steps[min(self.index, len(self.steps) - 1)]
        self.index += 1
        return step


def _step_from_object(obj, source):
    if "error" in obj:
        err = obj["error"]
        if not isinstance(err, dict) or "__type" not in err:
            raise ValueError(f"{source}: an error step needs {{\"error\": {{\"__type\": ...}}}}")
        return (int(obj.get("status", 400)), _compact(err), None)
    return (200, _compact(obj), obj.get("PluginName"))


def load_entries(dirs):
    """Read every *.json of each directory, in sorted file-name order; return {(cmd, inst): Entry}."""
    entries = {}
    for d in dirs:
        for name in sorted(os.listdir(d)):
            if not name.endswith(".json"):
                continue
            path = os.path.join(d, name)
            with open(path, "rb") as f:
                raw = f.read()
            obj = json.loads(raw.decode("utf-8"))
            if not isinstance(obj, dict) or "CommandId" not in obj or "InstanceId" not in obj:
                raise ValueError(f"{path}: needs top-level CommandId and InstanceId")
            key = (obj["CommandId"], obj["InstanceId"])
            if "sequence" in obj:
                steps = [_step_from_object(s, path) for s in obj["sequence"]]
                if not steps:
                    raise ValueError(f"{path}: empty sequence")
            else:
                steps = [(200, raw, obj.get("PluginName"))]  # the file's bytes, unchanged
            if key in entries:
                raise ValueError(f"{path}: duplicate key {key} (also in {entries[key].source})")
            entries[key] = Entry(steps, path)
    return entries


def load_fleets(dirs):
    """Read every *.json of each directory; return {CommandId: {"Command": ..., "CommandInvocations": [...]}}."""
    fleets = {}
    for d in dirs:
        for name in sorted(os.listdir(d)):
            if name.endswith(".json"):
                with open(os.path.join(d, name), encoding="utf-8") as f:
                    fleet = json.load(f)
                fleets[fleet["Command"]["CommandId"]] = fleet
    return fleets


def answer_fleet(stub, action, req):
    """ListCommands, ListCommandInvocations or SendCommand -> (http_status, body_bytes)."""
    if action == "SendCommand":
        for fleet in stub.fleets.values():
            c = fleet["Command"]
            if c["DocumentName"] == req.get("DocumentName") and c["InstanceIds"] == req.get("InstanceIds"):
                sent = dict(c, Status="Pending", StatusDetails="Pending", CompletedCount=0, ErrorCount=0,
                            DeliveryTimedOutCount=0)
                return 200, _compact({"Command": sent})
        return _error("InvalidInstanceId", "Instances not found")
    fleet = stub.fleets.get(req.get("CommandId"))
    if fleet is None:
        return _error("InvalidCommandId")
    if action == "ListCommands":
        return 200, _compact({"Commands": [fleet["Command"]]})
    page_size = req.get("MaxResults", 50)
    if not isinstance(page_size, int) or not 1 <= page_size <= 50:
        return _error("ValidationException", "MaxResults must be between 1 and 50")
    token = req.get("NextToken", "page-0")
    if not isinstance(token, str) or not token.startswith("page-") or not token[5:].isdigit():
        return _error("InvalidNextToken")
    start = int(token[5:]) * page_size
    invs = fleet["CommandInvocations"][start:start + page_size]
    if not req.get("Details"):
        invs = [dict(i, CommandPlugins=[]) for i in invs]
    body = {"CommandInvocations": invs}
    if start + page_size < len(fleet["CommandInvocations"]):
        body["NextToken"] = "page-%d" % (int(token[5:]) + 1)
    return 200, _compact(body)


def _error(type_, message=None, status=400):
    err = {"__type": type_}
    if message is not None:
        err["message"] = message
    return status, _compact(err)


def answer_request(stub, target, payload):
    """One POST of the SSM JSON protocol -> (http_status, body_bytes), recorded in stub.requests.

    `stub` is a ScriptedInvocations: an SsmStub, or any other server that serves the same scripted
    entries (tests/support/fake_aws.py's SsmService does)."""
    try:
        req = json.loads(payload.decode("utf-8")) if payload else {}
    except ValueError:
        req = None
    with stub.lock:
        stub.requests.append((target, req))
    if req is None or not isinstance(req, dict):
        return _error("SerializationException", "Malformed JSON request body")
    action = target[len(TARGET_PREFIX):] if target.startswith(TARGET_PREFIX) else ""
    if action in ("ListCommands", "ListCommandInvocations", "SendCommand") and stub.fleets:
        return answer_fleet(stub, action, req)
    if action != "GetCommandInvocation":
        return _error("UnknownOperationException")
    cmd, inst = req.get("CommandId"), req.get("InstanceId")
    if not isinstance(cmd, str) or len(cmd) != 36:
        return _error("InvalidCommandId")
    if not isinstance(inst, str):
        return _error("InvalidInstanceId")
    with stub.lock:
        entry = stub.entries.get((cmd, inst))
        step = entry.next() if entry else None
    if step is None:
        return _error("InvocationDoesNotExist", stub.not_found_message)
    status, body, plugin = step
    wanted = req.get("PluginName")
    if status == 200 and wanted is not None and plugin is not None and wanted != plugin:
        return _error("InvalidPluginName")
    return status, body


class ScriptedInvocations:
    """The scripted entries and what was asked of them: what answer_request reads and records.
    SsmStub serves them alone; fake_aws.SsmService serves them behind a signature check."""

    def __init__(self, bodies_dirs=(), entries=None, not_found_message=None, fleets_dirs=()):
        self.entries = load_entries(bodies_dirs) if entries is None else entries
        self.fleets = load_fleets(fleets_dirs)
        self.not_found_message = not_found_message
        self.lock = threading.Lock()
        self.requests = []  # [(X-Amz-Target, request JSON or None)]

    def reset(self):
        """Rewind every sequence and forget the requests."""
        with self.lock:
            for e in self.entries.values():
                e.index = 0
            self.requests.clear()


class SsmStub(LoopbackServer, ScriptedInvocations):
    """The stub server (tests/support/loopback_server.py): start()/stop(), or use as a context
    manager (serves in a thread); serve_forever() serves in the calling thread."""

    server_version = "ssm-stub"

    def __init__(self, bodies_dirs=(), port=0, not_found_message=None, verbose=False, entries=None, fleets_dirs=()):
        ScriptedInvocations.__init__(self, bodies_dirs, entries, not_found_message, fleets_dirs)
        LoopbackServer.__init__(self, port)
        self.verbose = verbose
        self.request_counter = 0

    def log(self, line):
        if self.verbose:
            sys.stderr.write("ssm_stub: " + line + "\n")

    def handle(self, h):
        payload = self.read_body(h)
        if h.command == "POST":
            status, body = answer_request(self, h.headers.get("X-Amz-Target", ""), payload)
        else:
            status, body = _error("UnknownOperationException", status=404)
        with self.lock:
            self.request_counter += 1
            n = self.request_counter
        self.send(h, status, body, [("x-amzn-RequestId", "00000000-0000-4000-8000-%012d" % n),
                                    ("Content-Type", JSON_CONTENT_TYPE)])


def _self_test():
    import tempfile
    import urllib.error
    import urllib.request

    def call(url, cmd, inst, target="AmazonSSM.GetCommandInvocation"):
        data = json.dumps({"CommandId": cmd, "InstanceId": inst}).encode()
        req = urllib.request.Request(url + "/", data=data, method="POST", headers={
            "X-Amz-Target": target, "Content-Type": JSON_CONTENT_TYPE})
        try:
            with urllib.request.urlopen(req) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    cmd = "11111111-2222-4333-8444-555555555555"
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "a.json"), "w") as f:
            json.dump({"CommandId": cmd, "InstanceId": "i-0123456789abcdef0", "Status": "Success"}, f)
        with open(os.path.join(d, "seq.json"), "w") as f:
            json.dump({"CommandId": cmd, "InstanceId": "i-0fedcba9876543210", "sequence": [
                {"error": {"__type": "InvocationDoesNotExist"}},
                {"CommandId": cmd, "InstanceId": "i-0fedcba9876543210", "Status": "Pending"},
                {"CommandId": cmd, "InstanceId": "i-0fedcba9876543210", "Status": "Success"}]}, f)
        with SsmStub([d]) as stub:
            got = [call(stub.url, cmd, "i-0fedcba9876543210") for _ in range(4)]
            assert [g[0] for g in got] == [400, 200, 200, 200], got
            assert got[0][1] == {"__type": "InvocationDoesNotExist"}, got
            assert [g[1].get("Status") for g in got[1:]] == ["Pending", "Success", "Success"], got
            assert call(stub.url, cmd, "i-0123456789abcdef0")[1]["Status"] == "Success"
            assert call(stub.url, cmd, "i-0aaaaaaaaaaaaaaaa")[0] == 400
            assert call(stub.url, cmd, "i-0123456789abcdef0", "AmazonSSM.SendCommand")[1] == {
                "__type": "UnknownOperationException"}
            stub.reset()
            assert call(stub.url, cmd, "i-0fedcba9876543210")[0] == 400
    print("ssm_stub self-test: ok")


def main(argv=None):
    ap = argparse.ArgumentParser(description="Local imitation of SSM GetCommandInvocation (127.0.0.1 only).")
    ap.add_argument("--port", type=int, default=0, help="TCP port; 0 (default) picks a free one")
    ap.add_argument("--bodies", action="append", default=[], metavar="DIR",
                    help="directory of *.json entries (repeatable)")
    ap.add_argument("--fleets", action="append", default=[], metavar="DIR",
                    help="directory of fleet commands for ListCommands / ListCommandInvocations / SendCommand")
    ap.add_argument("--not-found-message", default=None,
                    help='add this "message" to InvocationDoesNotExist errors (default: none)')
    ap.add_argument("--verbose", action="store_true", help="log requests to stderr")
    ap.add_argument("--self-test", action="store_true", help="run a quick self-test and exit")
    args = ap.parse_args(argv)
    if args.self_test:
        _self_test()
        return 0
    if not args.bodies and not args.fleets:
        ap.error("--bodies DIR or --fleets DIR is required")
    stub = SsmStub(args.bodies, args.port, args.not_found_message, args.verbose, fleets_dirs=args.fleets)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(stub.port, flush=True)
    try:
        stub.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())

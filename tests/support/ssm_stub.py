#!/usr/bin/python3
"""ssm_stub.py: a tiny local imitation of the AWS SSM JSON 1.1 endpoint (GetCommandInvocation only).

Python 3 standard library only; binds 127.0.0.1 only. It lets the real AWS CLI v2 (or any SDK)
talk to "SSM" without network or credentials, so that test fixtures are genuine client output.

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
import http.server
import json
import os
import signal
import sys
import threading

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


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the SDKs expect; every answer has a length
    server_version = "ssm-stub"
    sys_version = ""

    def log_message(self, fmt, *args):  # quiet unless asked
        if self.server.stub.verbose:
            sys.stderr.write("ssm_stub: " + (fmt % args) + "\n")

    def _send(self, status, body, content_type=JSON_CONTENT_TYPE):
        stub = self.server.stub
        with stub.lock:
            stub.request_counter += 1
            n = stub.request_counter
        self.send_response(status)
        self.send_header("x-amzn-RequestId", "00000000-0000-4000-8000-%012d" % n)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self._send(404, _compact({"__type": "UnknownOperationException"}))

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        payload = self.rfile.read(length) if length else b""
        target = self.headers.get("X-Amz-Target", "")
        self._send(*answer_request(self.server.stub, target, payload))


def _error(type_, message=None, status=400):
    err = {"__type": type_}
    if message is not None:
        err["message"] = message
    return status, _compact(err)


def answer_request(stub, target, payload):
    """One POST of the SSM JSON protocol -> (http_status, body_bytes), recorded in stub.requests.

    `stub` needs `entries`, `lock`, `requests` and `not_found_message`: an SsmStub, or any other
    server that serves the same scripted entries (tests/support/fake_aws.py does)."""
    try:
        req = json.loads(payload.decode("utf-8")) if payload else {}
    except ValueError:
        req = None
    with stub.lock:
        stub.requests.append((target, req))
    if req is None or not isinstance(req, dict):
        return _error("SerializationException", "Malformed JSON request body")
    if target != TARGET_PREFIX + "GetCommandInvocation":
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


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class SsmStub:
    """The stub server. start()/stop(), or use as a context manager (serves in a thread)."""

    def __init__(self, bodies_dirs=(), port=0, not_found_message=None, verbose=False, entries=None):
        self.entries = load_entries(bodies_dirs) if entries is None else entries
        self.not_found_message = not_found_message
        self.verbose = verbose
        self.lock = threading.Lock()
        self.requests = []
        self.request_counter = 0
        self._httpd = _Server(("127.0.0.1", port), _Handler)
        self._httpd.stub = self
        self._thread = None

    @property
    def port(self):
        return self._httpd.server_address[1]

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def reset(self):
        with self.lock:
            for e in self.entries.values():
                e.index = 0
            self.requests.clear()

    def serve_forever(self):
        self._httpd.serve_forever()

    def start(self):
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread:
            self._thread.join()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


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
    ap.add_argument("--not-found-message", default=None,
                    help='add this "message" to InvocationDoesNotExist errors (default: none)')
    ap.add_argument("--verbose", action="store_true", help="log requests to stderr")
    ap.add_argument("--self-test", action="store_true", help="run a quick self-test and exit")
    args = ap.parse_args(argv)
    if args.self_test:
        _self_test()
        return 0
    if not args.bodies:
        ap.error("--bodies DIR is required")
    stub = SsmStub(args.bodies, args.port, args.not_found_message, args.verbose)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(stub.port, flush=True)
    try:
        stub.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())

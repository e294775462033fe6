#!/usr/bin/python3
"""fake_aws.py: AWS on loopback for the tests of ssmview-proxy (and anything else that signs).

Every request is checked with botocore's SigV4Auth, an independent signer: the fake rebuilds the
request it received (method, path, query, the headers the request says it signed, body),
recomputes the signature with the secret it knows for the access key, and compares. It also
checks the credential scope (region, service), the clock (X-Amz-Date within 5 minutes) and that a
session token is present and signed when the key is temporary. A request that fails gets AWS's
answer (400 InvalidSignatureException / MissingAuthenticationTokenException) and is recorded with
the reason, so a test can assert that EVERY request was signed right.

Index
    Recorded                what the fake saw of one request (and what it concluded)
    verify_sigv4            one request -> (ok, reason, access key id), with botocore
    SsmService              X-Amz-Target: AmazonSSM.*; GetCommandInvocation answers from the
                            scripted entries of tests/support/ssm_stub.py (answer_request), other
                            actions from what the test scripts (script())
    FakeAws                 the server: signature check -> the service whose request it is
    FakeContainerCredentials  the ECS/EKS container credentials endpoint (FULL_URI + token)
    FakeImds                IMDSv2: PUT the token, GET the role, GET its credentials
Adding CloudWatch Logs or S3: one more service class with `name`, `signing_name`, `matches(rec)` and
`answer(rec)`, passed in FakeAws(services=[...]); the signature check is shared.

Binds 127.0.0.1 on an ephemeral port; serves in a daemon thread (tests/support/loopback_server.py,
as ssm_stub does); `with FakeAws(...) as fake:`. Python 3 standard library + botocore
(python3-botocore) only.

    /usr/bin/python3 tests/support/fake_aws.py --self-test     # ctest: fake_aws_self_test
"""

import datetime
import hmac
import json
import os
import re
import sys
import threading
import time
import urllib.parse

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import loopback_server  # noqa: E402
import ssm_stub  # noqa: E402

JSON_CONTENT_TYPE = "application/x-amz-json-1.1"
MAX_CLOCK_SKEW_S = 300


def _compact(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class Recorded:
    """One request as the fake received it."""

    def __init__(self, method, path, query, headers, body):
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers  # [(name, value)] as received, in order
        self.body = body        # bytes
        self.service = None     # "ssm", ... (None: no service claimed it)
        self.action = None      # "GetCommandInvocation"
        self.access_key = None
        self.signature_ok = False
        self.signature_error = ""
        self.status = None      # the status the fake answered

    def header(self, name):
        for n, v in self.headers:
            if n.lower() == name.lower():
                return v
        return None

    def __repr__(self):
        return (f"<{self.method} {self.path} {self.service}:{self.action} key={self.access_key} "
                f"sig_ok={self.signature_ok} {self.signature_error!r} -> {self.status}>")


# ---- verify_sigv4 ---------------------------------------------------------------------------

_AUTH_RE = re.compile(
    r"^AWS4-HMAC-SHA256 Credential=([^/,\s]+)/(\d{8})/([^/]+)/([^/]+)/aws4_request,\s*"
    r"SignedHeaders=([a-z0-9;\-]+),\s*Signature=([0-9a-f]{64})$")


def verify_sigv4(rec, keys, region, service, required_signed=("host", "x-amz-date"), now=None):
    """Returns (ok, reason, access_key_id). `keys`: {access_key_id: (secret, session_token or None)}."""
    auth = rec.header("Authorization")
    if not auth:
        return False, "no Authorization header", None
    m = _AUTH_RE.match(auth)
    if not m:
        return False, "Authorization is not AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...", None
    akid, date, scope_region, scope_service, signed, signature = m.groups()
    if akid not in keys:
        return False, f"unknown access key {akid}", akid
    secret, token = keys[akid]
    if scope_region != region or scope_service != service:
        return False, f"credential scope {scope_region}/{scope_service}, expected {region}/{service}", akid
    amz_date = rec.header("X-Amz-Date")
    if not amz_date or not re.fullmatch(r"\d{8}T\d{6}Z", amz_date) or amz_date[:8] != date:
        return False, f"X-Amz-Date {amz_date!r} does not match the scope date {date}", akid
    signed_at = datetime.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
    now = now or datetime.datetime.now(datetime.timezone.utc)
    if abs((now - signed_at).total_seconds()) > MAX_CLOCK_SKEW_S:
        return False, "Signature expired: X-Amz-Date is more than 5 minutes from now", akid
    names = signed.split(";")
    if names != sorted(names):
        return False, "SignedHeaders is not sorted", akid
    for need in required_signed:
        if need not in names:
            return False, f"{need} is not signed", akid
    if token:
        if rec.header("X-Amz-Security-Token") != token:
            return False, "X-Amz-Security-Token is missing or not the session token of the key", akid
        if "x-amz-security-token" not in names:
            return False, "x-amz-security-token is not signed", akid
    # Rebuild the request with exactly the headers it says it signed, and let botocore sign it.
    headers = {}
    for name in names:
        values = [v for n, v in rec.headers if n.lower() == name]
        if not values:
            return False, f"signed header {name} is not in the request", akid
        headers[name] = ",".join(values)
    url = "http://" + headers["host"] + rec.path + ("?" + rec.query if rec.query else "")
    request = AWSRequest(method=rec.method, url=url, headers=headers, data=rec.body)
    request.context["timestamp"] = amz_date
    signer = SigV4Auth(Credentials(akid, secret, token), service, region)
    canonical = signer.canonical_request(request)
    if signer.signed_headers(signer.headers_to_sign(request)) != signed:
        return False, "botocore would sign other headers than SignedHeaders names", akid
    expected = signer.signature(signer.string_to_sign(request, canonical), request)
    if not hmac.compare_digest(expected, signature):
        return False, "The request signature we calculated does not match the signature you provided", akid
    return True, "", akid


# ---- SsmService -----------------------------------------------------------------------------

class SsmService(ssm_stub.ScriptedInvocations):
    """SSM's JSON protocol. GetCommandInvocation: ssm_stub's scripted entries (same files, same
    sequences; entries, requests and reset() are ssm_stub.ScriptedInvocations'); any other action:
    script(action, ...) answers, else UnknownOperationException."""

    name = "ssm"
    signing_name = "ssm"
    target_prefix = "AmazonSSM."
    required_signed = ("host", "x-amz-date", "content-type", "x-amz-target")

    def __init__(self, bodies_dirs=(), entries=None, not_found_message=None):
        super().__init__(bodies_dirs, entries, not_found_message)
        self.scripted = {}  # action -> (status, body bytes)

    def script(self, action, status, body):
        """Answer `action` with this status and body (an object, or bytes as they are)."""
        self.scripted[action] = (status, body if isinstance(body, bytes) else _compact(body))

    def matches(self, rec):
        target = rec.header("X-Amz-Target") or ""
        return target.startswith(self.target_prefix)

    def answer(self, rec):
        target = rec.header("X-Amz-Target")
        rec.action = target[len(self.target_prefix):]
        if rec.action in self.scripted:
            return self.scripted[rec.action]
        return ssm_stub.answer_request(self, target, rec.body)


# ---- FakeAws --------------------------------------------------------------------------------

class _LoopbackServer(loopback_server.LoopbackServer):
    """tests/support/loopback_server.py on an ephemeral port; handle(handler) per request."""

    server_version = "fake-aws"


class FakeAws(_LoopbackServer):
    """keys: {access_key_id: (secret_access_key, session_token or None)}."""

    def __init__(self, keys, region="us-east-1", services=None):
        super().__init__()
        self.keys = dict(keys)
        self.region = region
        self.services = services if services is not None else [SsmService()]
        self.lock = threading.Lock()
        self.recorded = []
        self.delay_s = 0.0  # answer this late (upstream timeouts)
        self._ids = 0

    def service(self, name):
        return next(s for s in self.services if s.name == name)

    @property
    def ssm(self):
        return self.service("ssm")

    def reset(self):
        with self.lock:
            self.recorded.clear()
        for s in self.services:
            s.reset()

    def handle(self, h):
        parts = urllib.parse.urlsplit(h.path)
        rec = Recorded(h.command, parts.path, parts.query, list(h.headers.items()), self.read_body(h))
        with self.lock:
            self.recorded.append(rec)
            self._ids += 1
            request_id = "fa4e0000-0000-4000-8000-%012d" % self._ids
        service = next((s for s in self.services if s.matches(rec)), None)
        if service is None:
            status, body = 400, _compact({"__type": "UnknownOperationException"})
        else:
            rec.service = service.name
            ok, why, akid = verify_sigv4(rec, self.keys, self.region, service.signing_name, service.required_signed)
            rec.signature_ok, rec.signature_error, rec.access_key = ok, why, akid
            if not ok and not rec.header("Authorization"):
                status, body = 400, _compact({"__type": "MissingAuthenticationTokenException",
                                              "message": "Missing Authentication Token"})
            elif not ok:
                status, body = 400, _compact({"__type": "InvalidSignatureException", "message": why})
            else:
                status, body = service.answer(rec)
        if self.delay_s:
            time.sleep(self.delay_s)
        rec.status = status
        headers = [("x-amzn-RequestId", request_id), ("Content-Type", JSON_CONTENT_TYPE)]
        if status >= 400:
            try:
                headers.append(("x-amzn-ErrorType", json.loads(body)["__type"]))
            except (ValueError, KeyError, TypeError):
                pass
        self.send(h, status, body, headers)


# ---- Credential endpoints -------------------------------------------------------------------

def _expiration(seconds_from_now=3600):
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=seconds_from_now)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


class FakeContainerCredentials(_LoopbackServer):
    """GET <path> with `Authorization: <token>` -> temporary credentials (ECS/EKS shape)."""

    def __init__(self, access_key, secret, session_token, auth_token, path="/v2/credentials/ssmview-test"):
        super().__init__()
        self.creds = (access_key, secret, session_token)
        self.auth_token = auth_token
        self.path = path
        self.requests = []  # [(method, path, authorization)]

    @property
    def full_uri(self):
        return self.url + self.path

    def handle(self, h):
        self.requests.append((h.command, h.path, h.headers.get("Authorization")))
        if h.command != "GET" or h.path != self.path:
            return self.send(h, 404, b'{"message":"not found"}')
        if h.headers.get("Authorization") != self.auth_token:
            return self.send(h, 403, b'{"message":"bad authorization token"}')
        akid, secret, token = self.creds
        self.send(h, 200, _compact({"AccessKeyId": akid, "SecretAccessKey": secret, "Token": token,
                                    "Expiration": _expiration(), "RoleArn": "arn:aws:iam::123456789012:role/test"}),
                  [("Content-Type", "application/json")])


class FakeImds(_LoopbackServer):
    """IMDSv2 only: every GET needs the token from PUT /latest/api/token (IMDSv1 gets 401)."""

    ROLE = "ssmview-test-role"

    def __init__(self, access_key, secret, session_token):
        super().__init__()
        self.creds = (access_key, secret, session_token)
        self.token = "imds-session-token-" + os.urandom(8).hex()
        self.requests = []  # [(method, path, had_valid_token)]

    def handle(self, h):
        base = "/latest/meta-data/iam/security-credentials/"
        if h.command == "PUT" and h.path == "/latest/api/token":
            self.read_body(h)
            self.requests.append((h.command, h.path, None))
            if not h.headers.get("X-aws-ec2-metadata-token-ttl-seconds"):
                return self.send(h, 400, b"")
            return self.send(h, 200, self.token.encode(), [("Content-Type", "text/plain")])
        valid = h.headers.get("X-aws-ec2-metadata-token") == self.token
        self.requests.append((h.command, h.path, valid))
        if not valid:
            return self.send(h, 401, b"")
        if h.command == "GET" and h.path == base:
            return self.send(h, 200, self.ROLE.encode(), [("Content-Type", "text/plain")])
        if h.command == "GET" and h.path == base + self.ROLE:
            akid, secret, token = self.creds
            return self.send(h, 200, _compact({
                "Code": "Success", "LastUpdated": _expiration(-60), "Type": "AWS-HMAC", "AccessKeyId": akid,
                "SecretAccessKey": secret, "Token": token, "Expiration": _expiration()}),
                [("Content-Type", "text/plain")])
        self.send(h, 404, b"")


# ---- self-test ------------------------------------------------------------------------------

def _self_test():
    """Requests signed by botocore itself pass; a changed byte fails; the token is enforced."""
    import urllib.request

    cmd = "11111111-2222-4333-8444-555555555555"
    entries = {(cmd, "i-0123456789abcdef0"): ssm_stub.Entry([(200, b'{"Status":"Success"}', None)], "self-test")}
    keys = {"AKIDSELFTEST": ("secret-self-test", None), "ASIASELFTEST": ("secret-2", "token-2")}

    def call(fake, akid, tamper=False, drop_token=False):
        secret, token = keys[akid]
        body = json.dumps({"CommandId": cmd, "InstanceId": "i-0123456789abcdef0"}).encode()
        req = AWSRequest(method="POST", url=fake.url + "/", data=body, headers={
            "X-Amz-Target": "AmazonSSM.GetCommandInvocation", "Content-Type": JSON_CONTENT_TYPE})
        SigV4Auth(Credentials(akid, secret, token), "ssm", "us-east-1").add_auth(req)
        headers = dict(req.headers.items())
        if drop_token:
            headers.pop("X-Amz-Security-Token")
        # One byte more: the same request to SSM (it would answer 200), so only the signature check
        # can refuse it.
        data = body + b" " if tamper else body
        r = urllib.request.Request(fake.url + "/", data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(r) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    with FakeAws(keys, services=[SsmService(entries=entries)]) as fake:
        assert call(fake, "AKIDSELFTEST") == (200, b'{"Status":"Success"}')
        assert call(fake, "ASIASELFTEST")[0] == 200
        status, answer = call(fake, "AKIDSELFTEST", tamper=True)
        assert (status, json.loads(answer).get("__type")) == (400, "InvalidSignatureException"), (status, answer)
        status, answer = call(fake, "ASIASELFTEST", drop_token=True)
        assert (status, json.loads(answer).get("__type")) == (400, "InvalidSignatureException"), (status, answer)
        oks = [r.signature_ok for r in fake.recorded]
        assert oks == [True, True, False, False], fake.recorded
        assert "does not match" in fake.recorded[2].signature_error
    print("fake_aws self-test: ok")


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        _self_test()
        sys.exit(0)
    print(__doc__)
    sys.exit(2)

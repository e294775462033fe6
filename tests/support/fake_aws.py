#!/usr/bin/python3
"""fake_aws.py: AWS on loopback for the tests of ssmview-proxy (and anything else that signs).

Every request is checked with botocore's signers, independent of ours: the fake rebuilds the
request it received (method, path, query, the headers the request says it signed, body),
recomputes the signature with the secret it knows for the access key, and compares. It also
checks the credential scope (region, service), the clock (X-Amz-Date within 5 minutes) and that a
session token is present and signed when the key is temporary. A request that fails gets AWS's
answer (the JSON services: 400 InvalidSignatureException / MissingAuthenticationTokenException;
S3: its XML error, 403 SignatureDoesNotMatch and kin) and is recorded with the reason, so a test
can assert that EVERY request was signed right.

Index
    Recorded                what the fake saw of one request (and what it concluded)
    Verdict, verify_sigv4   one request -> Verdict (ok, reason, access key id, which check failed),
                            with botocore's SigV4Auth, or its S3SigV4Auth plus S3's own rules
    SsmService              X-Amz-Target: AmazonSSM.*; GetCommandInvocation answers from the
                            scripted entries of tests/support/ssm_stub.py (answer_request), other
                            actions from what the test scripts (script())
    LogsService             X-Amz-Target: Logs_20140328.*; GetLogEvents and FilterLogEvents over
                            the events the test puts (put_events, create_group), paged with
                            tokens as AWS pages them; throttle_next(n)
    S3Service               path-style GET and HEAD /<bucket>/<key> over the objects the test puts
                            (put_object), each bucket in its own region; Range; S3's XML errors;
                            anything else is answered as refused and recorded as "Other"
    FakeAws                 the server: signature check -> the service whose request it is
    FakeContainerCredentials  the ECS/EKS container credentials endpoint (FULL_URI + token)
    FakeImds                IMDSv2: PUT the token, GET the role, GET its credentials
    _self_test              botocore-signed requests pass and are answered right; tampered ones
                            fail (Logs streams named by tests/support/ssm_output_layout.py)

Flow of one request (FakeAws.handle): Recorded -> the first service that matches -> action_of ->
verify_sigv4 (in region_for's region, with the service's signer) -> refuse() or answer() -> sent;
a request no service claims answers UnknownOperationException.

A service is a class with `name`, `signing_name`, `required_signed`, `matches(rec)`, `answer(rec)`
and `reset()`, passed in FakeAws(services=[...]); the first that matches serves (S3Service claims
any request without X-Amz-Target on a path other than "/": put it last). Optional members:
    action_of(rec)       rec.action before the signature check, so refused requests count too
    region_for(rec)      the region the credential scope must name (S3: the bucket's), when not
                         FakeAws's region
    signer               botocore's signer class (SigV4Auth when absent)
    refuse(rec, verdict) the service's own answer to a failed check (the JSON one when absent)
answer() and refuse() return (status, body): a JSON service's answer, sent with x-amzn-RequestId,
the JSON 1.1 content type and x-amzn-ErrorType; or (status, body, headers): sent with exactly
those headers (and Content-Length). An answer to HEAD never carries its body.

Binds 127.0.0.1 on an ephemeral port; serves in a daemon thread (tests/support/loopback_server.py,
as ssm_stub does); `with FakeAws(...) as fake:`. Python 3 standard library + botocore
(python3-botocore) only. tests/proxy/fake_aws_cli_test.py has the real AWS CLI v2 read Logs and
S3 from it.

    /usr/bin/python3 tests/support/fake_aws.py --self-test     # ctest: fake_aws_self_test
"""

import base64
import bisect
import datetime
import email.utils
import hashlib
import hmac
import json
import os
import re
import sys
import threading
import time
import urllib.parse
from xml.sax.saxutils import escape as _xml_escape

from botocore.auth import S3SigV4Auth, SigV4Auth
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
        self.path = path        # as received: still percent-encoded
        self.query = query
        self.headers = headers  # [(name, value)] as received, in order
        self.body = body        # bytes
        self.serial = None      # 1, 2, ... in arrival order (the request ids derive from it)
        self.service = None     # "ssm", "logs", "s3" (None: no service claimed it)
        self.action = None      # "GetCommandInvocation", "GetLogEvents", "GetObject", "Other"
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


# ---- Verdict, verify_sigv4 ------------------------------------------------------------------

_AUTH_RE = re.compile(
    r"^AWS4-HMAC-SHA256 Credential=([^/,\s]+)/(\d{8})/([^/]+)/([^/]+)/aws4_request,\s*"
    r"SignedHeaders=([a-z0-9;\-]+),\s*Signature=([0-9a-f]{64})$")

UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"


class Verdict:
    """What verify_sigv4 concluded. `code` names the check that failed, for a service that answers
    each failure in its own words (S3 does; the JSON services say InvalidSignatureException to all
    but "missing"):
        ""                  ok
        "missing"           no Authorization header
        "malformed"         Authorization is not AWS4-HMAC-SHA256 Credential=..., SignedHeaders=...
        "key"               unknown access key
        "region"            the credential scope names another region (scope_region, region)
        "service"           the credential scope names another service
        "date", "skew"      X-Amz-Date missing, not the scope's day, or more than 5 minutes off
        "headers"           SignedHeaders unsorted, or names a header the request lacks
        "unsigned"          a header that must be signed is not (unsigned: their names)
        "token"             a temporary key without its session token
        "content-sha256"    S3: x-amz-content-sha256 absent, or neither a SHA-256 nor UNSIGNED-PAYLOAD
        "content-mismatch"  S3: x-amz-content-sha256 is not the SHA-256 of the body
        "signature"         the signature differs"""

    def __init__(self, ok, reason="", access_key=None, code="", region=None, scope_region=None, unsigned=()):
        assert ok == (code == ""), (ok, code)
        self.ok = ok
        self.reason = reason
        self.access_key = access_key
        self.code = code
        self.region = region              # the region the scope had to name
        self.scope_region = scope_region  # the region it named
        self.unsigned = list(unsigned)

    def __repr__(self):
        return f"<Verdict {self.code or 'ok'} {self.reason!r}>"


def verify_sigv4(rec, keys, region, service, required_signed=("host", "x-amz-date"), now=None, signer=SigV4Auth):
    """One request -> Verdict. `keys`: {access_key_id: (secret, session_token or None)}. `signer`:
    SigV4Auth (the JSON services: the path is normalized and encoded once more), or S3SigV4Auth
    (S3: the path is signed exactly as sent, and S3's rules below apply)."""
    s3 = issubclass(signer, S3SigV4Auth)
    auth = rec.header("Authorization")
    if not auth:
        return Verdict(False, "no Authorization header", code="missing")
    m = _AUTH_RE.match(auth)
    if not m:
        return Verdict(False, "Authorization is not AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...",
                       code="malformed")
    akid, date, scope_region, scope_service, signed, signature = m.groups()

    def refused(code, reason, **kw):
        return Verdict(False, reason, akid, code, region, scope_region, **kw)

    if akid not in keys:
        return refused("key", f"unknown access key {akid}")
    secret, token = keys[akid]
    if scope_region != region or scope_service != service:
        return refused("region" if scope_region != region else "service",
                       f"credential scope {scope_region}/{scope_service}, expected {region}/{service}")
    amz_date = rec.header("X-Amz-Date")
    if not amz_date or not re.fullmatch(r"\d{8}T\d{6}Z", amz_date) or amz_date[:8] != date:
        return refused("date", f"X-Amz-Date {amz_date!r} does not match the scope date {date}")
    signed_at = datetime.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
    now = now or datetime.datetime.now(datetime.timezone.utc)
    if abs((now - signed_at).total_seconds()) > MAX_CLOCK_SKEW_S:
        return refused("skew", "Signature expired: X-Amz-Date is more than 5 minutes from now")
    names = signed.split(";")
    if names != sorted(names):
        return refused("headers", "SignedHeaders is not sorted")
    if s3:
        # The payload's hash is a header S3 requires, checks against the body (or waives, for
        # UNSIGNED-PAYLOAD) and wants signed; the canonical request below takes it from the
        # header, as S3 does.
        content_sha256 = rec.header("X-Amz-Content-SHA256")
        if content_sha256 != UNSIGNED_PAYLOAD and not re.fullmatch(r"[0-9a-f]{64}", content_sha256 or ""):
            return refused("content-sha256", f"x-amz-content-sha256 {content_sha256!r} is neither the "
                                             "hex SHA-256 of the body nor UNSIGNED-PAYLOAD")
    for need in required_signed:
        if need not in names:
            return refused("unsigned", f"{need} is not signed", unsigned=[need])
    if s3:
        # S3 wants every x-amz-* header it is sent signed ("There were headers present in the
        # request which were not signed"): a proxy passing one through unsigned is caught here.
        loose = sorted({n.lower() for n, _ in rec.headers if n.lower().startswith("x-amz-")} - set(names))
        if loose:
            return refused("unsigned", "not signed: " + ", ".join(loose), unsigned=loose)
    if token:
        if rec.header("X-Amz-Security-Token") != token:
            return refused("token", "X-Amz-Security-Token is missing or not the session token of the key")
        if "x-amz-security-token" not in names:
            return refused("unsigned", "x-amz-security-token is not signed", unsigned=["x-amz-security-token"])
    # Rebuild the request with exactly the headers it says it signed, and let botocore sign it.
    headers = {}
    for name in names:
        values = [v for n, v in rec.headers if n.lower() == name]
        if not values:
            return refused("headers", f"signed header {name} is not in the request")
        headers[name] = ",".join(values)
    # rec.path is the path as it arrived (percent-encoding kept): SigV4Auth normalizes and encodes
    # it again, as the JSON services expect; S3SigV4Auth signs it as it is, as S3 expects.
    url = "http://" + headers["host"] + rec.path + ("?" + rec.query if rec.query else "")
    request = AWSRequest(method=rec.method, url=url, headers=headers, data=rec.body)
    request.context["timestamp"] = amz_date
    botocore_signer = signer(Credentials(akid, secret, token), service, region)
    canonical = botocore_signer.canonical_request(request)
    if botocore_signer.signed_headers(botocore_signer.headers_to_sign(request)) != signed:
        return refused("headers", "botocore would sign other headers than SignedHeaders names")
    expected = botocore_signer.signature(botocore_signer.string_to_sign(request, canonical), request)
    if not hmac.compare_digest(expected, signature):
        return refused("signature", "The request signature we calculated does not match the signature you provided")
    # After the signature, as S3 does (it hashes the body as it reads it): a body changed on the
    # way keeps a valid signature over the hash it was sent with, and only this check sees it.
    if s3 and content_sha256 != UNSIGNED_PAYLOAD and content_sha256 != hashlib.sha256(rec.body).hexdigest():
        return refused("content-mismatch", "x-amz-content-sha256 is not the SHA-256 of the body")
    return Verdict(True, "", akid, region=region, scope_region=scope_region)


# ---- SsmService -----------------------------------------------------------------------------

class SsmService(ssm_stub.ScriptedInvocations):
    """SSM's JSON protocol. GetCommandInvocation: ssm_stub's scripted entries (same files, same
    sequences; entries, requests and reset() are ssm_stub.ScriptedInvocations'); ListCommands and
    ListCommandInvocations: ssm_stub's fleets (fleets_dirs); any other action: script(action, ...)
    answers, else UnknownOperationException."""

    name = "ssm"
    signing_name = "ssm"
    target_prefix = "AmazonSSM."
    required_signed = ("host", "x-amz-date", "content-type", "x-amz-target")

    def __init__(self, bodies_dirs=(), entries=None, not_found_message=None, fleets_dirs=()):
        super().__init__(bodies_dirs, entries, not_found_message, fleets_dirs)
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


# ---- LogsService ----------------------------------------------------------------------------

def _json_error(type_, message):
    return 400, _compact({"__type": type_, "message": message})


def _validation_error(member, value, constraint):
    """AWS's wording when a member breaks the model's constraints (CloudWatch Logs names it
    InvalidParameterException)."""
    shown = "null" if value is None else f"'{value}'"
    return _json_error("InvalidParameterException", f"1 validation error detected: Value {shown} at '{member}' "
                                                    f"failed to satisfy constraint: {constraint}")


def _wrong_types(req, types):
    """None when every member of `types` ({member: type}) that is present has its type; else the
    answer (a JSON type error never reaches the service's checks)."""
    for member, want in types.items():
        value = req.get(member)
        if value is None:
            continue
        ok = isinstance(value, bool) if want is bool else (isinstance(value, want) and not isinstance(value, bool))
        if ok and want is list:
            ok = all(isinstance(v, str) for v in value)
        if not ok:
            return _json_error("SerializationException", f"{member}: expected a {want.__name__}")
    return None


class _LogStream:
    def __init__(self, serial):
        self.serial = serial  # names the stream in the tokens
        self.events = []      # [(timestamp ms, message, ingestion time ms)], timestamps non-decreasing


class LogsService:
    """CloudWatch Logs' JSON protocol over the events the test puts.

    Data, scripted by the test at any time (a stream may grow while it is followed):
        put_events(group, stream, [(timestamp_ms, message), ...], ingestion_time=None)
                                appends; creates the group and the stream on first use (an empty
                                list creates an empty stream)
        create_group(group)     an existing group without streams
        throttle_next(n)        the next n requests answer ThrottlingException ("Rate exceeded")
    What was asked: `requests`, [(action, request JSON or None)] of the requests that passed the
    signature check (FakeAws.recorded has all of them, each with rec.action).

    GetLogEvents pages as AWS does: a token names a position in the stream; a forward read from
    the end answers no events and the nextForwardToken it was given (how a client knows it is at
    the end), and the same token later returns what was added since. Without a token,
    startFromHead=true reads from the first event, false (the default) the last page. A page
    holds at most `limit` events (default and maximum 10,000) and 1 MB of messages.
    FilterLogEvents reads a group's streams (all, logStreamNames or logStreamNamePrefix) merged in
    (timestamp, stream) order; nextToken only while more remains. startTime and endTime bound both
    (start included, end excluded). Not served: filterPattern, logGroupIdentifier."""

    name = "logs"
    signing_name = "logs"
    target_prefix = "Logs_20140328."
    required_signed = ("host", "x-amz-date", "content-type", "x-amz-target")
    MAX_LIMIT = 10000
    MAX_PAGE_BYTES = 1048576
    # PutLogEvents takes an event whose message plus 26 bytes fits in 256 KiB; a scripted event
    # larger than that could never be in CloudWatch.
    MAX_MESSAGE_BYTES = 262144 - 26
    _POSITIONS = 10 ** 12  # a GetLogEvents token's number: stream serial * _POSITIONS + position

    def __init__(self):
        self.lock = threading.Lock()
        self.groups = {}            # group -> {stream name: _LogStream}
        self.requests = []
        self._throttle = 0
        self._streams = 0           # the last stream serial handed out
        self._get_tokens = set()    # every nextForwardToken / nextBackwardToken handed out
        self._filter_tokens = {}    # FilterLogEvents nextToken -> (group, cursor)

    # -- the test's side --

    def create_group(self, group):
        with self.lock:
            self.groups.setdefault(group, {})

    def put_events(self, group, stream, events, ingestion_time=None):
        ingested = int(time.time() * 1000) if ingestion_time is None else ingestion_time
        with self.lock:
            streams = self.groups.setdefault(group, {})
            s = streams.get(stream)
            if s is None:
                self._streams += 1
                s = streams[stream] = _LogStream(self._streams)
            for timestamp, message in events:
                assert isinstance(timestamp, int) and timestamp >= 0, timestamp
                assert isinstance(message, str) and len(message.encode("utf-8")) <= self.MAX_MESSAGE_BYTES
                # The agent uploads a stream's output in order; keeping it ordered also keeps
                # every position a token names where it was.
                assert not s.events or timestamp >= s.events[-1][0], "events must not go back in time"
                s.events.append((timestamp, message, ingested))

    def throttle_next(self, n):
        with self.lock:
            self._throttle = n

    def reset(self):
        """Forget the requests and any pending throttling; the events and the tokens handed out
        stay (they are the test's data, and a client may still hold a token)."""
        with self.lock:
            self.requests.clear()
            self._throttle = 0

    # -- the service's side --

    def matches(self, rec):
        return (rec.header("X-Amz-Target") or "").startswith(self.target_prefix)

    def action_of(self, rec):
        return rec.header("X-Amz-Target")[len(self.target_prefix):]

    def answer(self, rec):
        try:
            req = json.loads(rec.body.decode("utf-8")) if rec.body else {}
        except ValueError:  # UnicodeDecodeError is one
            req = None
        with self.lock:
            self.requests.append((rec.action, req))
            throttled = self._throttle > 0
            if throttled:
                self._throttle -= 1
        if throttled:
            return _json_error("ThrottlingException", "Rate exceeded")
        serve = {"GetLogEvents": self._get_log_events, "FilterLogEvents": self._filter_log_events}.get(rec.action)
        if serve is None:
            return 400, _compact({"__type": "UnknownOperationException"})
        if not isinstance(req, dict):
            return _json_error("SerializationException", "Malformed JSON request body")
        return serve(req)

    @staticmethod
    def _window(req):
        start, end = req.get("startTime"), req.get("endTime")
        return lambda t: (start is None or t >= start) and (end is None or t < end)

    def _checked_limit(self, req):
        """(limit, None) or (None, the error)."""
        limit = req.get("limit", self.MAX_LIMIT)
        if limit < 1:
            return None, _validation_error("limit", limit, "Member must have value greater than or equal to 1")
        if limit > self.MAX_LIMIT:
            return None, _validation_error("limit", limit, f"Member must have value less than or equal to {self.MAX_LIMIT}")
        return limit, None

    def _get_token(self, direction, stream, position):
        token = "%s/%056d/s" % (direction, stream.serial * self._POSITIONS + position)
        self._get_tokens.add(token)
        return token

    def _read_get_token(self, token, stream):
        """(direction, position), or None for a token not handed out for this stream."""
        m = re.fullmatch(r"([fb])/(\d{56})/s", token)
        if token not in self._get_tokens or not m:
            return None
        serial, position = divmod(int(m.group(2)), self._POSITIONS)
        return (m.group(1), position) if serial == stream.serial and position <= len(stream.events) else None

    def _get_log_events(self, req):
        bad = _wrong_types(req, {"logGroupName": str, "logStreamName": str, "nextToken": str, "startTime": int,
                                 "endTime": int, "limit": int, "startFromHead": bool})
        if bad:
            return bad
        group, stream_name, token = req.get("logGroupName"), req.get("logStreamName"), req.get("nextToken")
        if stream_name is None:
            return _validation_error("logStreamName", None, "Member must not be null")
        if group is None:
            return _json_error("InvalidParameterException", "Should provide either logGroupName or logGroupIdentifier.")
        if token == "":
            return _validation_error("nextToken", "", "Member must have length greater than or equal to 1")
        limit, bad = self._checked_limit(req)
        if bad:
            return bad
        in_window = self._window(req)
        with self.lock:
            if group not in self.groups:
                return _json_error("ResourceNotFoundException", "The specified log group does not exist.")
            stream = self.groups[group].get(stream_name)
            if stream is None:
                return _json_error("ResourceNotFoundException", "The specified log stream does not exist.")
            if token is not None:
                read = self._read_get_token(token, stream)
                if read is None:
                    return _json_error("InvalidParameterException", "The specified nextToken is invalid.")
                direction, position = read
            else:
                direction, position = ("f", 0) if req.get("startFromHead", False) else ("b", len(stream.events))
            events = stream.events
            order = range(position, len(events)) if direction == "f" else range(position - 1, -1, -1)
            taken, size = [], 0
            for i in order:
                if len(taken) == limit:
                    break
                timestamp, message, _ = events[i]
                if not in_window(timestamp):
                    continue
                size += len(message.encode("utf-8"))
                if taken and size > self.MAX_PAGE_BYTES:
                    break
                taken.append(i)
            taken.sort()
            # Nothing read: both tokens stay where they were (the end-of-stream signal).
            first, after = (taken[0], taken[-1] + 1) if taken else (position, position)
            answer = {"events": [{"timestamp": events[i][0], "message": events[i][1], "ingestionTime": events[i][2]}
                                 for i in taken],
                      "nextForwardToken": self._get_token("f", stream, after),
                      "nextBackwardToken": self._get_token("b", stream, first)}
        return 200, _compact(answer)

    def _filter_log_events(self, req):
        bad = _wrong_types(req, {"logGroupName": str, "logStreamNames": list, "logStreamNamePrefix": str,
                                 "startTime": int, "endTime": int, "filterPattern": str, "nextToken": str,
                                 "limit": int, "interleaved": bool})
        if bad:
            return bad
        group, names, prefix, token = (req.get(k) for k in ("logGroupName", "logStreamNames", "logStreamNamePrefix",
                                                             "nextToken"))
        if group is None:
            return _json_error("InvalidParameterException", "Should provide either logGroupName or logGroupIdentifier.")
        if names is not None and not 1 <= len(names) <= 100:
            return _validation_error("logStreamNames", names, "Member must have length between 1 and 100")
        if names is not None and prefix is not None:
            return _json_error("InvalidParameterException", "logStreamNames and logStreamNamePrefix cannot both be given.")
        if req.get("filterPattern"):
            # Not AWS's answer: the fake matches no patterns, and must not pretend it did.
            return _json_error("InvalidParameterException", "fake_aws does not implement filterPattern.")
        if token == "":
            return _validation_error("nextToken", "", "Member must have length greater than or equal to 1")
        limit, bad = self._checked_limit(req)
        if bad:
            return bad
        in_window = self._window(req)
        with self.lock:
            streams = self.groups.get(group)
            if streams is None:
                return _json_error("ResourceNotFoundException", "The specified log group does not exist.")
            cursor = None
            if token is not None:
                issued = self._filter_tokens.get(token)
                if issued is None or issued[0] != group:
                    return _json_error("InvalidParameterException", "The specified nextToken is invalid.")
                cursor = issued[1]
            if names is not None:
                selected = [n for n in names if n in streams]  # a name without a stream reads nothing
            else:
                selected = [n for n in streams if n.startswith(prefix or "")]
            # (timestamp, stream, position): the order AWS interleaves streams in, and a cursor
            # that stays right when the streams grow between pages.
            merged = sorted((t, n, i) for n in selected for i, (t, _, _) in enumerate(streams[n].events) if in_window(t))
            start = bisect.bisect_right(merged, cursor) if cursor else 0
            taken, size = [], 0
            for key in merged[start:start + limit]:
                t, n, i = key
                size += len(streams[n].events[i][1].encode("utf-8"))
                if taken and size > self.MAX_PAGE_BYTES:
                    break
                taken.append(key)
            answer = {"events": [{"logStreamName": n, "timestamp": t, "message": streams[n].events[i][1],
                                  "ingestionTime": streams[n].events[i][2],
                                  "eventId": "%020d%012d%024d" % (t, streams[n].serial, i)} for t, n, i in taken],
                      # Deprecated, and still sent (empty) by AWS.
                      "searchedLogStreams": []}
            if start + len(taken) < len(merged):
                token = "fake-filter-token/%08d" % (len(self._filter_tokens) + 1)
                self._filter_tokens[token] = (group, taken[-1])
                answer["nextToken"] = token
        return 200, _compact(answer)


# ---- S3Service ------------------------------------------------------------------------------

class _S3Object:
    def __init__(self, data, content_type):
        self.data = data
        self.content_type = content_type
        self.etag = '"%s"' % hashlib.md5(data).hexdigest()  # a single-part upload's ETag
        self.last_modified = email.utils.formatdate(usegmt=True)


def _parse_range(value, size):
    """A Range header -> (first, last) inclusive, "unsatisfiable", or None for a header S3 ignores
    (answering the whole object with 200): several ranges, or one it cannot read."""
    m = re.fullmatch(r"bytes=(\d*)-(\d*)", value.strip())
    if not m or not (m.group(1) or m.group(2)):
        return None
    if m.group(1):
        first = int(m.group(1))
        last = int(m.group(2)) if m.group(2) else size - 1
        if m.group(2) and last < first:
            return None
        return "unsatisfiable" if first >= size else (first, min(last, size - 1))
    suffix = int(m.group(2))
    return "unsatisfiable" if suffix == 0 or size == 0 else (max(0, size - suffix), size - 1)


class S3Service:
    """S3's REST protocol, path-style as the proxy sends it: GET and HEAD /<bucket>/<key>.

    Data, scripted by the test:
        put_object(bucket, key, data, region="us-east-2", content_type="application/octet-stream")
                                creates the bucket in `region` on first use (a bucket has one region)
        create_bucket(bucket, region="us-east-2")   an empty bucket
        list_allowed            False (the default): a missing key answers 403 AccessDenied, as S3
                                does to a caller without s3:ListBucket; True: 404 NoSuchKey

    The signature is checked as S3 checks it (S3SigV4Auth: the path signed exactly as sent;
    x-amz-content-sha256 signed and equal to the body's SHA-256 unless UNSIGNED-PAYLOAD; every
    x-amz-* header signed), in the bucket's region: another region answers 400
    AuthorizationHeaderMalformed naming the right one, as S3 does. The key is the path after the
    bucket, percent-decoded. Answers: 200 with the bytes, Content-Type, ETag, Last-Modified,
    Accept-Ranges; Range bytes=a-b, a- or -n -> 206 with Content-Range, unsatisfiable -> 416
    InvalidRange, several ranges -> the whole object (S3 ignores them). HEAD: the same headers,
    no body. Errors are S3's XML with x-amz-request-id and x-amz-id-2.

    Anything else (a query string such as ?acl or ?list-type=2, no key, PUT, POST, DELETE) is
    recorded with rec.action "Other" and refused (405 MethodNotAllowed, 400 InvalidRequest), so a
    test can assert the proxy never sends one."""

    name = "s3"
    signing_name = "s3"
    signer = S3SigV4Auth
    required_signed = ("host", "x-amz-date", "x-amz-content-sha256")
    METHODS = ("GET", "HEAD", "PUT", "DELETE", "POST")

    def __init__(self, list_allowed=False):
        self.lock = threading.Lock()
        self.buckets = {}  # bucket -> (region, {key: _S3Object})
        self.list_allowed = list_allowed

    # -- the test's side --

    def create_bucket(self, bucket, region="us-east-2"):
        with self.lock:
            had = self.buckets.setdefault(bucket, (region, {}))
        assert had[0] == region, f"bucket {bucket} is in {had[0]}, not {region}"

    def put_object(self, bucket, key, data, region="us-east-2", content_type="application/octet-stream"):
        assert isinstance(data, bytes) and key
        self.create_bucket(bucket, region)
        with self.lock:
            self.buckets[bucket][1][key] = _S3Object(data, content_type)

    def reset(self):
        """Nothing to rewind: the objects are the test's data."""

    # -- the service's side --

    def matches(self, rec):
        return rec.header("X-Amz-Target") is None and rec.method in self.METHODS and rec.path not in ("", "/")

    @staticmethod
    def _location(rec):
        """(bucket, key) from the path as received, percent-decoded; None when it does not decode
        to UTF-8."""
        bucket, _, key = rec.path[1:].partition("/")
        try:
            return (urllib.parse.unquote_to_bytes(bucket).decode("utf-8"),
                    urllib.parse.unquote_to_bytes(key).decode("utf-8"))
        except UnicodeDecodeError:
            return None

    def action_of(self, rec):
        location = self._location(rec)
        if rec.query or location is None or not location[1]:
            return "Other"
        return {"GET": "GetObject", "HEAD": "HeadObject"}.get(rec.method, "Other")

    def region_for(self, rec):
        """The bucket's region; None (FakeAws's region) for a bucket that does not exist."""
        location = self._location(rec)
        with self.lock:
            bucket = self.buckets.get(location[0]) if location else None
        return bucket[0] if bucket else None

    @staticmethod
    def _ids(rec):
        # S3's request id is 16 upper-case hex digits; x-amz-id-2 an opaque base64 string.
        request_id = "FA4E%012X" % rec.serial
        return request_id, base64.b64encode(hashlib.sha256(request_id.encode()).digest()).decode()

    def _error(self, rec, status, code, message, headers=(), **details):
        """S3's XML error; the details go between Message and RequestId, as S3 writes them. A HEAD
        answer has no body, so the status (and any header) is all a HEAD caller learns."""
        request_id, host_id = self._ids(rec)
        fields = "".join(f"<{k}>{_xml_escape(str(v))}</{k}>" for k, v in details.items())
        body = (f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>{_xml_escape(message)}'
                f'</Message>{fields}<RequestId>{request_id}</RequestId><HostId>{host_id}</HostId></Error>').encode()
        return (status, b"" if rec.method == "HEAD" else body,
                [("x-amz-request-id", request_id), ("x-amz-id-2", host_id), ("Content-Type", "application/xml")]
                + list(headers))

    def refuse(self, rec, verdict):
        code = verdict.code
        if code == "missing":
            return self._error(rec, 403, "AccessDenied", "Access Denied")
        if code == "key" or (code == "token" and rec.header("X-Amz-Security-Token") is None):
            # A temporary key without its session token is a key S3 does not know.
            return self._error(rec, 403, "InvalidAccessKeyId",
                               "The AWS Access Key Id you provided does not exist in our records.",
                               AWSAccessKeyId=verdict.access_key)
        if code == "region":
            # botocore's S3 client reads the region from the XML (from x-amz-bucket-region for a
            # HEAD, which has no body) and signs again for it.
            return self._error(rec, 400, "AuthorizationHeaderMalformed",
                               f"The authorization header is malformed; the region '{verdict.scope_region}' is "
                               f"wrong; expecting '{verdict.region}'",
                               [("x-amz-bucket-region", verdict.region)] if rec.method == "HEAD" else (),
                               Region=verdict.region)
        if code == "unsigned":
            return self._error(rec, 403, "AccessDenied", "There were headers present in the request which were not signed",
                               HeadersNotSigned=", ".join(verdict.unsigned))
        if code == "content-sha256" and rec.header("X-Amz-Content-SHA256") is None:
            return self._error(rec, 400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256")
        if code == "content-sha256":
            return self._error(rec, 400, "InvalidArgument", "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, "
                               "STREAMING-AWS4-HMAC-SHA256-PAYLOAD, or a valid sha256 value.",
                               ArgumentName="x-amz-content-sha256", ArgumentValue=rec.header("X-Amz-Content-SHA256"))
        if code == "content-mismatch":
            return self._error(rec, 400, "XAmzContentSHA256Mismatch",
                               "The provided 'x-amz-content-sha256' header does not match what was computed.",
                               ClientComputedContentSHA256=rec.header("X-Amz-Content-SHA256"),
                               S3ComputedContentSHA256=hashlib.sha256(rec.body).hexdigest())
        if code == "token":
            return self._error(rec, 400, "InvalidToken", "The provided token is malformed or otherwise invalid.",
                               Token=rec.header("X-Amz-Security-Token"))
        if code == "skew":
            return self._error(rec, 403, "RequestTimeTooSkewed",
                               "The difference between the request time and the current time is too large.")
        if code == "malformed":
            return self._error(rec, 400, "AuthorizationHeaderMalformed", "The authorization header is malformed.")
        return self._error(rec, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match "
                           "the signature you provided. Check your key and signing method.")

    def answer(self, rec):
        action, location = self.action_of(rec), self._location(rec)
        if action == "Other":
            if rec.method not in ("GET", "HEAD"):
                return self._error(rec, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.",
                                   Method=rec.method, ResourceType="OBJECT")
            if location is None:
                return self._error(rec, 400, "InvalidURI", "Couldn't parse the specified URI.")
            # Not S3's answer (it would list, or read an ACL): the fake serves objects only.
            query = "?" + rec.query if rec.query else ""
            return self._error(rec, 400, "InvalidRequest", f"fake_aws serves GetObject and HeadObject only, without "
                                                           f"a query string; not {rec.method} {rec.path}{query}")
        bucket_name, key = location
        with self.lock:
            bucket = self.buckets.get(bucket_name)
            obj = bucket[1].get(key) if bucket else None
        if bucket is None:
            return self._error(rec, 404, "NoSuchBucket", "The specified bucket does not exist", BucketName=bucket_name)
        if obj is None:
            if self.list_allowed:
                return self._error(rec, 404, "NoSuchKey", "The specified key does not exist.", Key=key)
            return self._error(rec, 403, "AccessDenied", "Access Denied")
        size = len(obj.data)
        wanted = rec.header("Range")
        span = _parse_range(wanted, size) if wanted is not None else None
        if span == "unsatisfiable":
            return self._error(rec, 416, "InvalidRange", "The requested range is not satisfiable",
                               RangeRequested=wanted, ActualObjectSize=size)
        request_id, host_id = self._ids(rec)
        headers = [("x-amz-id-2", host_id), ("x-amz-request-id", request_id), ("Last-Modified", obj.last_modified),
                   ("ETag", obj.etag), ("Accept-Ranges", "bytes")]
        if span is None:
            status, body = 200, obj.data
        else:
            first, last = span
            status, body = 206, obj.data[first:last + 1]
            headers.append(("Content-Range", f"bytes {first}-{last}/{size}"))
        headers.append(("Content-Type", obj.content_type))
        # HEAD: the same headers, Content-Length included; loopback_server sends no body to a HEAD.
        return status, body, headers


# ---- FakeAws --------------------------------------------------------------------------------

class _LoopbackServer(loopback_server.LoopbackServer):
    """tests/support/loopback_server.py on an ephemeral port; handle(handler) per request."""

    server_version = "fake-aws"


class FakeAws(_LoopbackServer):
    """keys: {access_key_id: (secret_access_key, session_token or None)}. region: the one the JSON
    services sign for (S3Service names each bucket's own)."""

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

    @property
    def logs(self):
        return self.service("logs")

    @property
    def s3(self):
        return self.service("s3")

    def reset(self):
        with self.lock:
            self.recorded.clear()
        for s in self.services:
            s.reset()

    def _check(self, service, rec):
        """The signature check -> None, or the service's (or the JSON) answer to a failed one."""
        region = (service.region_for(rec) if hasattr(service, "region_for") else None) or self.region
        verdict = verify_sigv4(rec, self.keys, region, service.signing_name, service.required_signed,
                               signer=getattr(service, "signer", SigV4Auth))
        rec.signature_ok, rec.signature_error, rec.access_key = verdict.ok, verdict.reason, verdict.access_key
        if verdict.ok:
            return None
        if hasattr(service, "refuse"):
            return service.refuse(rec, verdict)
        if verdict.code == "missing":
            return 400, _compact({"__type": "MissingAuthenticationTokenException", "message": "Missing Authentication Token"})
        return 400, _compact({"__type": "InvalidSignatureException", "message": verdict.reason})

    def handle(self, h):
        parts = urllib.parse.urlsplit(h.path)
        rec = Recorded(h.command, parts.path, parts.query, list(h.headers.items()), self.read_body(h))
        with self.lock:
            self.recorded.append(rec)
            self._ids += 1
            rec.serial = self._ids
        service = next((s for s in self.services if s.matches(rec)), None)
        if service is None:
            answer = 400, _compact({"__type": "UnknownOperationException"})
        else:
            rec.service = service.name
            if hasattr(service, "action_of"):
                rec.action = service.action_of(rec)
            answer = self._check(service, rec) or service.answer(rec)
        if self.delay_s:
            time.sleep(self.delay_s)
        status, body = answer[0], answer[1]
        rec.status = status
        if len(answer) == 3:  # the service's own headers (S3)
            return self.send(h, status, body, answer[2])
        headers = [("x-amzn-RequestId", "fa4e0000-0000-4000-8000-%012d" % rec.serial), ("Content-Type", JSON_CONTENT_TYPE)]
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
# Every check below can fail: each answer is compared with what AWS would send, and each tampered
# request (wrong secret, region, service, body, an unsigned header) must be refused while the same
# request signed right passes.

_SELF_TEST_KEYS = {"AKIDSELFTEST": ("secret-self-test", None), "ASIASELFTEST": ("secret-2", "token-2")}
_CMD = "11111111-2222-4333-8444-555555555555"
_INSTANCE = "i-0123456789abcdef0"


class _NoPayloadSigning:
    """botocore's S3 client config with payload signing off: S3SigV4Auth then sends UNSIGNED-PAYLOAD."""
    s3 = {"payload_signing_enabled": False}


def _sign(fake, method, path, service, region, signer=SigV4Auth, akid="AKIDSELFTEST", secret=None, headers=None,
          body=b"", unsigned_payload=False, token=None):
    """The headers botocore's `signer` gives this request (with `secret` instead of the key's: a
    wrong one; `token` instead of the key's session token, "" for none)."""
    key_secret, key_token = _SELF_TEST_KEYS[akid]
    token = key_token if token is None else (token or None)
    req = AWSRequest(method=method, url=fake.url + path, data=body, headers=dict(headers or {}))
    if unsigned_payload:
        req.context["client_config"] = _NoPayloadSigning()
    signer(Credentials(akid, secret or key_secret, token), service, region).add_auth(req)
    return dict(req.headers.items())


def _http(fake, method, path, headers, body=b""):
    """The request as given (http.client adds Host, and Content-Length to a body) -> (status,
    {lower-case header name: value}, body)."""
    import http.client
    conn = http.client.HTTPConnection("127.0.0.1", fake.port, timeout=30)
    try:
        conn.request(method, path, body=body or None, headers=headers)
        r = conn.getresponse()
        return r.status, {n.lower(): v for n, v in r.getheaders()}, r.read()
    finally:
        conn.close()


def _self_test_ssm():
    """Requests signed by botocore itself pass; a changed byte fails; the token is enforced."""
    import urllib.request

    cmd = _CMD
    entries = {(cmd, _INSTANCE): ssm_stub.Entry([(200, b'{"Status":"Success"}', None)], "self-test")}
    keys = _SELF_TEST_KEYS

    def call(fake, akid, tamper=False, drop_token=False):
        secret, token = keys[akid]
        body = json.dumps({"CommandId": cmd, "InstanceId": _INSTANCE}).encode()
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


def _self_test_layout():
    """ssm_output_layout's names, on the examples the agent's rules are about."""
    import ssm_output_layout as layout
    assert layout.default_log_group("AWS-RunShellScript") == "/aws/ssm/AWS-RunShellScript"
    assert layout.default_log_group("My Doc:v2 (ü)#1") == "/aws/ssm/My.Doc.v2....#1"
    assert layout.log_group_name("AWS-RunShellScript", "my group:1") == "my group:1"  # configured: as given
    assert layout.log_group_name("AWS-RunShellScript", "") == "/aws/ssm/AWS-RunShellScript"
    assert (layout.log_stream_name(_CMD, _INSTANCE, "aws:runShellScript", "stdout")
            == f"{_CMD}/{_INSTANCE}/aws-runShellScript/stdout")
    assert layout.log_stream_name(_CMD, _INSTANCE, "step*1:a", "stderr") == f"{_CMD}/{_INSTANCE}/step-1-a/stderr"


def _self_test_logs():
    import ssm_output_layout as layout
    group = layout.default_log_group("AWS-RunShellScript")
    out = layout.log_stream_name(_CMD, _INSTANCE, "aws:runShellScript", "stdout")
    err = layout.log_stream_name(_CMD, _INSTANCE, "aws:runShellScript", "stderr")  # never created
    other = layout.log_stream_name(_CMD, "i-0fedcba9876543210", "aws:runShellScript", "stdout")
    logs = LogsService()
    logs.put_events(group, out, [(1000, "one\n"), (2000, "two\n"), (3000, "three\n")])
    logs.put_events(group, other, [(1500, "other instance\n")])
    logs.create_group("/aws/ssm/empty")

    with FakeAws(_SELF_TEST_KEYS, services=[SsmService(entries={}), logs, S3Service()]) as fake:
        def call(action, payload, service="logs", region="us-east-1", **sign):
            body = json.dumps(payload).encode()
            headers = _sign(fake, "POST", "/", service, region, headers={
                "X-Amz-Target": "Logs_20140328." + action, "Content-Type": JSON_CONTENT_TYPE}, body=body, **sign)
            status, hs, answer = _http(fake, "POST", "/", headers, body)
            assert hs["content-type"] == JSON_CONTENT_TYPE and "x-amzn-requestid" in hs, hs
            if status != 200:
                assert hs["x-amzn-errortype"] == json.loads(answer)["__type"], (hs, answer)
            return status, json.loads(answer)

        def get(**members):
            return call("GetLogEvents", dict({"logGroupName": group, "logStreamName": out}, **members))

        def messages(answer):
            return [e["message"] for e in answer["events"]]

        def refused(answer, type_, message=None):
            status, body = answer
            assert status == 400 and body["__type"] == type_, answer
            assert message is None or body["message"] == message, answer

        # Forward paging from the head; the end answers the token it was given, and the same token
        # returns what the stream gained since.
        status, a = get(startFromHead=True, limit=2)
        assert status == 200 and messages(a) == ["one\n", "two\n"], a
        assert a["events"][0] == {"timestamp": 1000, "message": "one\n", "ingestionTime": a["events"][0]["ingestionTime"]}
        assert re.fullmatch(r"f/\d{56}/s", a["nextForwardToken"]) and a["nextBackwardToken"].startswith("b/"), a
        b = get(startFromHead=True, nextToken=a["nextForwardToken"])[1]
        assert messages(b) == ["three\n"], b
        end = get(startFromHead=True, nextToken=b["nextForwardToken"])[1]
        assert messages(end) == [] and end["nextForwardToken"] == b["nextForwardToken"], end
        logs.put_events(group, out, [(4000, "four\n"), (4000, "five\n")])
        grown = get(startFromHead=True, nextToken=b["nextForwardToken"])[1]
        assert messages(grown) == ["four\n", "five\n"] and grown["nextForwardToken"] != b["nextForwardToken"], grown
        # Backward: the page before a position, then nothing and the same token at the head.
        back = get(nextToken=grown["nextBackwardToken"], limit=2)[1]
        assert messages(back) == ["two\n", "three\n"], back
        head = get(nextToken=get(nextToken=back["nextBackwardToken"])[1]["nextBackwardToken"])[1]
        assert messages(head) == [], head
        # No token, startFromHead false (the default): the last page. A time window: [start, end).
        assert messages(get(limit=2)[1]) == ["four\n", "five\n"]
        assert messages(get(startFromHead=True, startTime=2000, endTime=4000)[1]) == ["two\n", "three\n"]
        # A page holds at most 1 MB of messages: four of the largest events, then the fifth.
        big = "x" * LogsService.MAX_MESSAGE_BYTES
        logs.put_events(group, "big", [(t, big) for t in range(5)])
        first = call("GetLogEvents", {"logGroupName": group, "logStreamName": "big", "startFromHead": True})[1]
        assert len(first["events"]) == 4, len(first["events"])
        rest = call("GetLogEvents", {"logGroupName": group, "logStreamName": "big", "nextToken": first["nextForwardToken"]})[1]
        assert len(rest["events"]) == 1, len(rest["events"])

        # What AWS refuses.
        refused(get(nextToken="f/%056d/s" % 1), "InvalidParameterException", "The specified nextToken is invalid.")
        other_token = call("GetLogEvents", {"logGroupName": group, "logStreamName": other, "startFromHead": True})[1]
        refused(get(nextToken=other_token["nextForwardToken"]), "InvalidParameterException",
                "The specified nextToken is invalid.")
        refused(call("GetLogEvents", {"logGroupName": group, "logStreamName": err}), "ResourceNotFoundException",
                "The specified log stream does not exist.")
        refused(call("GetLogEvents", {"logGroupName": "/aws/ssm/none", "logStreamName": out}),
                "ResourceNotFoundException", "The specified log group does not exist.")
        refused(get(limit=10001), "InvalidParameterException", "1 validation error detected: Value '10001' at 'limit' "
                "failed to satisfy constraint: Member must have value less than or equal to 10000")
        refused(get(limit=0), "InvalidParameterException", "1 validation error detected: Value '0' at 'limit' "
                "failed to satisfy constraint: Member must have value greater than or equal to 1")
        refused(call("PutLogEvents", {"logGroupName": group}), "UnknownOperationException")

        # FilterLogEvents: the command's streams on every instance, by (timestamp, stream).
        f1 = call("FilterLogEvents", {"logGroupName": group, "logStreamNamePrefix": _CMD + "/", "limit": 2})[1]
        assert [(e["logStreamName"], e["message"]) for e in f1["events"]] == [(out, "one\n"), (other, "other instance\n")], f1
        assert set(f1["events"][0]) == {"logStreamName", "timestamp", "message", "ingestionTime", "eventId"}, f1
        f2 = call("FilterLogEvents", {"logGroupName": group, "logStreamNamePrefix": _CMD + "/", "limit": 2,
                                      "nextToken": f1["nextToken"]})[1]
        assert messages(f2) == ["two\n", "three\n"] and "nextToken" in f2, f2
        f3 = call("FilterLogEvents", {"logGroupName": group, "logStreamNamePrefix": _CMD + "/", "limit": 2,
                                      "nextToken": f2["nextToken"]})[1]
        assert messages(f3) == ["four\n", "five\n"] and "nextToken" not in f3, f3
        named = call("FilterLogEvents", {"logGroupName": group, "logStreamNames": [out, err], "startTime": 3000})[1]
        assert messages(named) == ["three\n", "four\n", "five\n"] and "nextToken" not in named, named
        assert call("FilterLogEvents", {"logGroupName": "/aws/ssm/empty"}) == (200, {"events": [], "searchedLogStreams": []})
        refused(call("FilterLogEvents", {"logGroupName": "/aws/ssm/none"}), "ResourceNotFoundException",
                "The specified log group does not exist.")
        refused(call("FilterLogEvents", {"logGroupName": group, "nextToken": "made-up"}), "InvalidParameterException",
                "The specified nextToken is invalid.")

        # Throttling: exactly the next n requests.
        logs.throttle_next(2)
        refused(get(), "ThrottlingException", "Rate exceeded")
        refused(call("FilterLogEvents", {"logGroupName": group}), "ThrottlingException", "Rate exceeded")
        assert get()[0] == 200
        assert call("GetLogEvents", dict(logGroupName=group, logStreamName=out), akid="ASIASELFTEST")[0] == 200

        # Tampered: each refused while the same request signed right passed above.
        signed_ok = len(fake.recorded)
        refused(call("GetLogEvents", {"logGroupName": group, "logStreamName": out}, secret="not-the-secret"),
                "InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided")
        refused(call("GetLogEvents", {"logGroupName": group, "logStreamName": out}, service="ssm"),
                "InvalidSignatureException", "credential scope us-east-1/ssm, expected us-east-1/logs")
        refused(call("GetLogEvents", {"logGroupName": group, "logStreamName": out}, region="us-west-2"),
                "InvalidSignatureException", "credential scope us-west-2/logs, expected us-east-1/logs")
        refused(call("GetLogEvents", {"logGroupName": group, "logStreamName": out}, akid="ASIASELFTEST", token=""),
                "InvalidSignatureException", "X-Amz-Security-Token is missing or not the session token of the key")
        status, hs, body = _http(fake, "POST", "/", {"X-Amz-Target": "Logs_20140328.GetLogEvents",
                                                     "Content-Type": JSON_CONTENT_TYPE}, b"{}")
        assert (status, json.loads(body)["__type"]) == (400, "MissingAuthenticationTokenException"), body

        recorded = fake.recorded
        assert all(r.service == "logs" for r in recorded), recorded
        assert [r.signature_ok for r in recorded] == [True] * signed_ok + [False] * 5, recorded
        assert [r.action for r in recorded[signed_ok:]] == ["GetLogEvents"] * 5, recorded
        gets = sum(1 for r in recorded if r.action == "GetLogEvents" and r.signature_ok)
        assert gets == sum(1 for action, _ in logs.requests if action == "GetLogEvents"), (gets, logs.requests)


def _self_test_s3():
    from xml.etree import ElementTree

    key = f"p/{_CMD}/{_INSTANCE}/awsrunShellScript/0.awsrunShellScript/stdout"
    data = bytes(range(100))
    odd = f"p/{_CMD}/{_INSTANCE}/aws:runShellScript/std out+é.txt"  # ':', ' ', '+' and UTF-8 are encoded
    s3 = S3Service()
    s3.put_object("bucket-1", key, data, region="us-east-2")
    s3.put_object("bucket-1", odd, b"odd key\n", region="us-east-2", content_type="text/plain")
    s3.put_object("west", "k", b"west\n", region="us-west-2")

    with FakeAws(_SELF_TEST_KEYS, services=[SsmService(entries={}), LogsService(), s3]) as fake:
        def request(method, key, bucket="bucket-1", region="us-east-2", headers=None, query="", service="s3",
                    signer=S3SigV4Auth, body=b"", sent_body=None, added=None, **sign):
            path = "/" + bucket + ("/" + urllib.parse.quote(key, safe="/~") if key else "") + ("?" + query if query else "")
            hs = _sign(fake, method, path, service, region, signer, headers=headers, body=body, **sign)
            hs.update(added or {})
            return _http(fake, method, path, hs, body if sent_body is None else sent_body)

        def s3_error(answer, status, code, **details):
            got_status, hs, body = answer
            assert got_status == status and hs["content-type"] == "application/xml", answer
            assert "x-amzn-requestid" not in hs and re.fullmatch(r"[0-9A-F]{16}", hs["x-amz-request-id"]), hs
            assert body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>'), body
            root = ElementTree.fromstring(body)
            names = [child.tag for child in root]
            assert names[:2] == ["Code", "Message"] and names[-2:] == ["RequestId", "HostId"], names
            assert root.findtext("Code") == code and root.findtext("RequestId") == hs["x-amz-request-id"], body
            assert root.findtext("HostId") == hs["x-amz-id-2"], body
            for name, value in details.items():
                assert root.findtext(name) == value, (name, body)
            return root

        # GET: the bytes and S3's headers.
        status, hs, body = request("GET", key)
        assert (status, body) == (200, data), (status, body)
        assert hs["content-length"] == "100" and hs["content-type"] == "application/octet-stream", hs
        assert hs["etag"] == '"%s"' % hashlib.md5(data).hexdigest() and hs["accept-ranges"] == "bytes", hs
        assert hs["last-modified"].endswith(" GMT") and "x-amz-request-id" in hs and "x-amz-id-2" in hs, hs
        assert "content-range" not in hs and "x-amzn-requestid" not in hs, hs
        # Range: 206 with the exact bytes; unsatisfiable: 416; several ranges: the whole object.
        for wanted, first, last in (("bytes=0-9", 0, 9), ("bytes=90-", 90, 99), ("bytes=-5", 95, 99),
                                    ("bytes=95-200", 95, 99), ("bytes=-500", 0, 99)):
            status, hs, body = request("GET", key, headers={"Range": wanted})
            assert (status, body) == (206, data[first:last + 1]), (wanted, status, body)
            assert hs["content-range"] == f"bytes {first}-{last}/100", (wanted, hs)
            assert hs["content-length"] == str(last + 1 - first), (wanted, hs)
        s3_error(request("GET", key, headers={"Range": "bytes=100-"}), 416, "InvalidRange",
                 RangeRequested="bytes=100-", ActualObjectSize="100")
        s3_error(request("GET", key, headers={"Range": "bytes=-0"}), 416, "InvalidRange")
        assert request("GET", key, headers={"Range": "bytes=0-1,5-6"})[::2] == (200, data)
        assert request("GET", key, headers={"Range": "bytes=9-3"})[::2] == (200, data)  # malformed: ignored
        # HEAD: the same headers, no body.
        status, hs, body = request("HEAD", key)
        assert (status, body, hs["content-length"], hs["accept-ranges"]) == (200, b"", "100", "bytes"), (status, hs)
        status, hs, body = request("HEAD", key, headers={"Range": "bytes=0-9"})
        assert (status, body, hs["content-length"], hs["content-range"]) == (206, b"", "10", "bytes 0-9/100"), hs
        # ... and nothing after its headers: on a kept-alive connection, what follows a HEAD answer
        # is the next answer (a body sent to the HEAD would be read as its start). A raw socket:
        # http.client drops whatever its reader had buffered past an answer, and cannot see it.
        import socket
        path = "/bucket-1/" + urllib.parse.quote(key, safe="/~")
        with socket.create_connection(("127.0.0.1", fake.port), timeout=30) as sock:
            def send(method):
                lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{fake.port}"]
                lines += [f"{n}: {v}" for n, v in _sign(fake, method, path, "s3", "us-east-2", S3SigV4Auth).items()]
                sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
            send("HEAD")
            received = b""
            while b"\r\n\r\n" not in received:
                received += sock.recv(65536)
            send("GET")
            after_head = received.split(b"\r\n\r\n", 1)[1]
            while len(after_head) < 12:
                after_head += sock.recv(65536)
        assert after_head.startswith(b"HTTP/1.1 200"), after_head[:120]
        # A key needing percent-encoding, signed over the path as sent; its own Content-Type.
        status, hs, body = request("GET", odd)
        assert (status, body, hs["content-type"]) == (200, b"odd key\n", "text/plain"), (status, body)
        # Each bucket in its region; UNSIGNED-PAYLOAD and a temporary key are fine.
        assert request("GET", "k", bucket="west", region="us-west-2")[::2] == (200, b"west\n")
        assert request("GET", key, unsigned_payload=True)[::2] == (200, data)
        assert fake.recorded[-1].header("X-Amz-Content-SHA256") == UNSIGNED_PAYLOAD
        assert request("GET", key, akid="ASIASELFTEST")[::2] == (200, data)
        # Missing: a key is 403 unless the caller may list the bucket; a bucket is 404.
        s3_error(request("GET", key + ".missing"), 403, "AccessDenied", Message="Access Denied")
        assert request("HEAD", key + ".missing")[::2] == (403, b"")
        s3.list_allowed = True
        s3_error(request("GET", key + ".missing"), 404, "NoSuchKey", Key=key + ".missing")
        s3.list_allowed = False
        s3_error(request("GET", "k", bucket="nobucket", region="us-east-1"), 404, "NoSuchBucket", BucketName="nobucket")
        signed_ok = len(fake.recorded)

        # Tampered: each refused while the same request signed right passed above.
        s3_error(request("GET", key, secret="not-the-secret"), 403, "SignatureDoesNotMatch")
        s3_error(request("GET", key, region="us-east-1"), 400, "AuthorizationHeaderMalformed", Region="us-east-2",
                 Message="The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'us-east-2'")
        s3_error(request("GET", key, sent_body=b"not what was signed"), 400, "XAmzContentSHA256Mismatch",
                 S3ComputedContentSHA256=hashlib.sha256(b"not what was signed").hexdigest())
        s3_error(request("GET", key, service="logs"), 403, "SignatureDoesNotMatch")
        # Signed as the JSON services sign (SigV4Auth: the path encoded once more), with the
        # payload hash S3 wants added: only S3's path rule tells it apart.
        empty = hashlib.sha256(b"").hexdigest()
        s3_error(request("GET", odd, signer=SigV4Auth, headers={"X-Amz-Content-SHA256": empty}), 403,
                 "SignatureDoesNotMatch")
        s3_error(request("GET", key, signer=SigV4Auth), 400, "InvalidRequest",
                 Message="Missing required header for this request: x-amz-content-sha256")
        s3_error(request("GET", key, akid="ASIASELFTEST", token=""), 403, "InvalidAccessKeyId",
                 AWSAccessKeyId="ASIASELFTEST")
        s3_error(request("GET", key, akid="ASIASELFTEST", token="another-token"), 400, "InvalidToken")
        s3_error(request("GET", key, added={"x-amz-meta-extra": "1"}), 403, "AccessDenied",
                 HeadersNotSigned="x-amz-meta-extra")
        s3_error(_http(fake, "GET", "/bucket-1/" + key, {}), 403, "AccessDenied")
        refused_count = len(fake.recorded) - signed_ok
        # Any other operation, signed right: refused, and recorded as "Other".
        s3_error(request("GET", key, query="acl"), 400, "InvalidRequest")
        s3_error(request("GET", "", query="list-type=2"), 400, "InvalidRequest")
        for method in ("PUT", "POST", "DELETE"):
            s3_error(request(method, key, body=b"x" if method != "DELETE" else b""), 405, "MethodNotAllowed",
                     Method=method)

        recorded = fake.recorded
        assert all(r.service == "s3" for r in recorded), recorded
        assert [r.signature_ok for r in recorded] == ([True] * signed_ok + [False] * refused_count + [True] * 5), recorded
        assert [r.action for r in recorded[-5:]] == ["Other"] * 5, recorded[-5:]
        assert {r.action for r in recorded[:-5]} == {"GetObject", "HeadObject"}, recorded


def _self_test():
    _self_test_ssm()
    _self_test_layout()
    _self_test_logs()
    _self_test_s3()
    print("fake_aws self-test: ok")


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        _self_test()
        sys.exit(0)
    print(__doc__)
    sys.exit(2)

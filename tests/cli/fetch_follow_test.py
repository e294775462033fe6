"""tests/cli/fetch_follow_test.py: `ssmview fetch`, `follow` and `link --fetch` against a local SSM.

Index
  helpers            a clean AWS environment, scripted SSM sequences on loopback, running the CLI
  FetchTest          fetch prints what inspect prints; the request AWS expects; errors and hints
  ConnectionTest     direct (SigV4, region, endpoint) vs through a proxy (unsigned, bearer token)
  FollowTest         the lifecycle, state-change lines, the cadence, back-off, Ctrl+C
  FollowExitTest     every row of the exit status table
  LiveLinkTest       link --fetch -> an independent parse -> follow --link
  UsageTest          usage errors exit 2 before anything is sent
  DocsTest           the README's exit status table is the one `ssmview --help` prints

The local SSM is tests/support/ssm_stub.py (scripted sequences: each request answers the next
step, the last repeats). Its requests are recorded here with their headers and arrival times, so
the tests can count polls, measure gaps and check how each request was authorized. The follow
cadence is compressed by the test hook SSMVIEW_FOLLOW_INTERVAL_MS (the real 5 s becomes
INTERVAL_MS); back-off and jitter scale with it.
"""
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse

BIN = os.environ["SSMVIEW_BIN"]
FIX = os.environ["SSMVIEW_FIXTURES"]
ROOT = os.path.dirname(os.path.dirname(FIX))
sys.path.insert(0, os.path.join(ROOT, "tests", "support"))
import ssm_stub  # noqa: E402

INTERVAL_MS = 40          # the test hook's 5 s
SCALE = INTERVAL_MS / 5000.0
ACCESS_KEY = "AKIDEXAMPLEFETCHTEST"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYFETCHSECRET"

# The exit status table (cli/exit_codes.h).
EXIT_INVALID, EXIT_USAGE = 1, 2
EXIT_DELIVERY_TIMED_OUT, EXIT_UNDELIVERABLE, EXIT_CANCELLED, EXIT_TERMINATED, EXIT_EXECUTION_TIMED_OUT = 200, 201, 202, 203, 204
EXIT_CREDENTIALS, EXIT_AWS_ERROR, EXIT_CANNOT_CONNECT = 210, 211, 212


# ---- helpers ------------------------------------------------------------------------------

_original_do_post = ssm_stub._Handler.do_POST


def _recording_do_post(self):
    """Keep each request's arrival time and headers next to what ssm_stub already records."""
    stub = self.server.stub
    with stub.lock:
        stub.seen.append((time.monotonic(), {k.lower(): v for k, v in self.headers.items()}))
    _original_do_post(self)


ssm_stub._Handler.do_POST = _recording_do_post


def body(state):
    with open(os.path.join(FIX, "invocations", state + ".json"), encoding="utf-8") as f:
        return json.load(f)


def ids(b):
    return b["CommandId"], b["InstanceId"]


def as_step(final, state):
    """`state`'s body, re-addressed to `final`'s invocation (a Pending before a Failed, say)."""
    b = body(state)
    for k in ("CommandId", "InstanceId", "Comment", "DocumentName", "PluginName"):
        b[k] = final[k]
    return b


def throttled():
    return {"error": {"__type": "ThrottlingException", "message": "Rate exceeded"}}


def not_yet():
    return {"error": {"__type": "InvocationDoesNotExist"}}


class Stub:
    """ssm_stub serving scripted sequences from a temporary folder; `seen` = [(time, headers)]."""

    def __init__(self, sequences):
        self.dir = tempfile.TemporaryDirectory()
        for n, (key, steps) in enumerate(sequences):
            with open(os.path.join(self.dir.name, "s%03d.json" % n), "w", encoding="utf-8") as f:
                json.dump({"CommandId": key[0], "InstanceId": key[1], "sequence": steps}, f)
        self.stub = ssm_stub.SsmStub([self.dir.name])
        self.stub.seen = []

    def __enter__(self):
        self.stub.start()
        return self

    def __exit__(self, *exc):
        self.stub.stop()
        self.dir.cleanup()

    @property
    def url(self):
        return self.stub.url

    @property
    def requests(self):
        return self.stub.requests

    @property
    def seen(self):
        return self.stub.seen


def clean_env(**extra):
    """No AWS settings of the machine: keys, region and files only from the test."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and k != "SSMVIEW_FOLLOW_INTERVAL_MS"}
    home = tempfile.mkdtemp(prefix="h7-home-")
    env.update(HOME=home, AWS_CONFIG_FILE=os.path.join(home, "config"),
               AWS_SHARED_CREDENTIALS_FILE=os.path.join(home, "credentials"), AWS_EC2_METADATA_DISABLED="true",
               AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=SECRET_KEY, AWS_REGION="us-east-1",
               SSMVIEW_FOLLOW_INTERVAL_MS=str(INTERVAL_MS), NO_COLOR="1")
    for k, v in extra.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return env


def run(*args, env=None, timeout=60, stdin=None):
    return subprocess.run([BIN, *args], env=env or clean_env(), capture_output=True, timeout=timeout, input=stdin)


def target(key, plugin=None):
    a = ["--command-id", key[0], "--instance-id", key[1]]
    return a + (["--plugin-name", plugin] if plugin else [])


def closed_port():
    """A loopback port nothing listens on (bound, then released)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def state_lines(stderr):
    """The follow lines: 'ssmview: <time> UTC  <label> <text>' -> [(label, text)]."""
    out = []
    for line in stderr.decode().splitlines():
        m = re.match(r"ssmview: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC  (\S+)\s+(.*)$", line)
        if m:
            out.append((m.group(1), m.group(2)))
    return out


# ---- fetch --------------------------------------------------------------------------------

class FetchTest(unittest.TestCase):
    STATES = ["pending", "in_progress", "success", "success_rich", "failed", "timed_out_delivery", "cancelled",
              "undeliverable", "windows", "truncated"]

    def test_fetch_prints_exactly_what_inspect_prints_for_the_same_body(self):
        with Stub([(ids(body(s)), [body(s)]) for s in self.STATES]) as stub:
            for s in self.STATES:
                with self.subTest(state=s):
                    raw = ssm_stub._compact(body(s))  # the bytes the stub answers with
                    for fmt in ([], ["--json"]):
                        fetched = run("fetch", *target(ids(body(s))), "--endpoint-url", stub.url, *fmt)
                        pasted = run("inspect", *fmt, stdin=raw)
                        self.assertEqual(fetched.returncode, 0, fetched.stderr)
                        self.assertEqual(fetched.stdout.replace(b"<GetCommandInvocation>", b"<stdin>"), pasted.stdout)

    def test_fetch_sends_what_the_aws_cli_sends(self):
        b = body("success")
        with Stub([(ids(b), [b])]) as stub:
            p = run("fetch", *target(ids(b), "aws:runShellScript"), "--endpoint-url", stub.url + "/")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(stub.requests, [("AmazonSSM.GetCommandInvocation",
                                              {"CommandId": b["CommandId"], "InstanceId": b["InstanceId"],
                                               "PluginName": "aws:runShellScript"})])
            headers = stub.seen[0][1]
            self.assertEqual(headers["content-type"], "application/x-amz-json-1.1")
            self.assertEqual(headers["x-amz-target"], "AmazonSSM.GetCommandInvocation")

    def test_an_answer_that_is_not_an_invocation_gets_diagnostics_and_exit_1(self):
        key = ids(body("success"))
        with Stub([(key, [{"CommandId": key[0], "InstanceId": key[1], "Status": 7}])]) as stub:
            p = run("fetch", *target(key), "--endpoint-url", stub.url, "--json")
            self.assertEqual(p.returncode, EXIT_INVALID, p.stderr)
            j = json.loads(p.stdout)
            self.assertFalse(j["valid"])
            self.assertIn("model.wrong_type", [d["code"] for d in j["diagnostics"]])

    def test_access_denied_prints_type_message_hint_and_exits_211(self):
        key = ids(body("success"))
        message = "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ssm:GetCommandInvocation"
        denied = {"error": {"__type": "AccessDeniedException", "message": message}}
        with Stub([(key, [denied])]) as stub:
            p = run("fetch", *target(key), "--endpoint-url", stub.url)
            self.assertEqual(p.returncode, EXIT_AWS_ERROR)
            self.assertEqual(p.stdout, b"")
            err = p.stderr.decode().splitlines()
            self.assertEqual(err[0], "ssmview: AccessDeniedException: " + message)
            self.assertEqual(err[1], "hint: The credentials are not allowed to call ssm:GetCommandInvocation: "
                                     "allow that action in their IAM policy.")
            self.assertEqual(err[2], "request id: 00000000-0000-4000-8000-000000000001")
            p = run("fetch", *target(key), "--endpoint-url", stub.url, "--json")
            self.assertEqual(p.returncode, EXIT_AWS_ERROR)
            self.assertEqual(json.loads(p.stdout), {"error": {
                "type": "AccessDeniedException", "message": message, "kind": "access_denied",
                "hint": "The credentials are not allowed to call ssm:GetCommandInvocation: allow that action in their "
                        "IAM policy.",
                "httpStatus": 400, "requestId": "00000000-0000-4000-8000-000000000002"}})

    def test_fetch_does_not_wait_for_an_invocation_that_does_not_exist_yet(self):
        key = ids(body("success"))
        with Stub([(key, [not_yet(), body("success")])]) as stub:
            p = run("fetch", *target(key), "--endpoint-url", stub.url, "--json")
            self.assertEqual(p.returncode, EXIT_AWS_ERROR)
            e = json.loads(p.stdout)["error"]
            self.assertEqual((e["type"], e["kind"]), ("InvocationDoesNotExist", "not_yet"))
            self.assertTrue(e["hint"].startswith("SSM has no such invocation yet."), e["hint"])
            self.assertEqual(len(stub.requests), 1)

    def test_cannot_connect_exits_212(self):
        url = "http://127.0.0.1:%d" % closed_port()
        p = run("fetch", *target(ids(body("success"))), "--endpoint-url", url, "--json")
        self.assertEqual(p.returncode, EXIT_CANNOT_CONNECT, p.stderr)
        e = json.loads(p.stdout)["error"]
        self.assertEqual((e["kind"], e["httpStatus"], e["type"]), ("unreachable", 0, ""))
        self.assertIn(url, e["message"])
        self.assertIn("ssmview: Cannot reach the proxy", p.stderr.decode())


# ---- connection ---------------------------------------------------------------------------

class ConnectionTest(unittest.TestCase):
    def test_direct_requests_are_signed_for_the_resolved_region(self):
        b = body("success")
        with Stub([(ids(b), [b])]) as stub:
            for region_args, env, region in (([], {}, "us-east-1"), (["--region", "eu-west-3"], {}, "eu-west-3"),
                                             ([], {"AWS_REGION": None, "AWS_DEFAULT_REGION": "ap-south-1"}, "ap-south-1")):
                with self.subTest(region=region):
                    p = run("fetch", *target(ids(b)), "--endpoint-url", stub.url, *region_args, env=clean_env(**env))
                    self.assertEqual(p.returncode, 0, p.stderr)
                    auth = stub.seen[-1][1]["authorization"]
                    self.assertRegex(auth, r"^AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + r"/\d{8}/" + region +
                                     r"/ssm/aws4_request, SignedHeaders=[a-z0-9;-]*x-amz-target[a-z0-9;-]*, Signature=[0-9a-f]{64}$")
                    self.assertNotIn(SECRET_KEY, json.dumps(stub.seen[-1][1]))

    def test_session_token_is_sent(self):
        b = body("success")
        with Stub([(ids(b), [b])]) as stub:
            p = run("fetch", *target(ids(b)), "--endpoint-url", stub.url, env=clean_env(AWS_SESSION_TOKEN="FQoGZXIvYXdzEXAMPLE"))
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(stub.seen[0][1]["x-amz-security-token"], "FQoGZXIvYXdzEXAMPLE")

    def test_endpoint_from_aws_endpoint_url_ssm(self):
        b = body("success")
        with Stub([(ids(b), [b])]) as stub:
            p = run("fetch", *target(ids(b)), env=clean_env(AWS_ENDPOINT_URL_SSM=stub.url))
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(len(stub.requests), 1)

    def test_through_a_proxy_nothing_is_signed_and_the_token_is_a_bearer(self):
        b = body("success")
        with Stub([(ids(b), [b])]) as stub, tempfile.NamedTemporaryFile("w", suffix=".token") as tf:
            tf.write("s3cr3t-token-from-file\n")
            tf.flush()
            for extra, bearer in (([], None), (["--token", "t0ken"], "Bearer t0ken"),
                                  (["--token-file", tf.name], "Bearer s3cr3t-token-from-file")):
                with self.subTest(extra=extra):
                    # No credentials at all: a proxy needs none here.
                    p = run("fetch", *target(ids(b)), "--proxy", stub.url, *extra,
                            env=clean_env(AWS_ACCESS_KEY_ID=None, AWS_SECRET_ACCESS_KEY=None, AWS_REGION=None))
                    self.assertEqual(p.returncode, 0, p.stderr)
                    h = stub.seen[-1][1]
                    self.assertEqual(h.get("authorization"), bearer)
                    self.assertNotIn("x-amz-date", h)
                    self.assertEqual(h["x-amz-target"], "AmazonSSM.GetCommandInvocation")

    def test_no_credentials_exits_210_and_names_the_sources(self):
        p = run("fetch", *target(ids(body("success"))), "--endpoint-url", "http://127.0.0.1:%d" % closed_port(),
                env=clean_env(AWS_ACCESS_KEY_ID=None, AWS_SECRET_ACCESS_KEY=None))
        self.assertEqual(p.returncode, EXIT_CREDENTIALS, p.stderr)
        err = p.stderr.decode()
        self.assertTrue(err.startswith("ssmview: no AWS credentials"), err)
        self.assertIn("environment", err)

    def test_no_region_exits_210(self):
        p = run("follow", *target(ids(body("success"))), env=clean_env(AWS_REGION=None))
        self.assertEqual(p.returncode, EXIT_CREDENTIALS, p.stderr)
        self.assertIn("region", p.stderr.decode())

    def test_a_missing_profile_exits_210_and_never_prints_the_secret(self):
        p = run("fetch", *target(ids(body("success"))), "--profile", "nosuch", "--region", "us-east-1")
        self.assertEqual(p.returncode, EXIT_CREDENTIALS, p.stderr)
        self.assertIn("nosuch", p.stderr.decode())
        self.assertNotIn(SECRET_KEY.encode(), p.stderr + p.stdout)


# ---- follow -------------------------------------------------------------------------------

class FollowTest(unittest.TestCase):
    def test_lifecycle_from_not_found_to_success(self):
        final = body("success")
        steps = [not_yet(), as_step(final, "pending"), as_step(final, "in_progress"), as_step(final, "in_progress"), final]
        with Stub([(ids(final), steps)]) as stub:
            p = run("follow", *target(ids(final)), "--endpoint-url", stub.url)
            self.assertEqual(p.returncode, 0, p.stderr)
            # One poll per step and none after the end.
            self.assertEqual(len(stub.requests), len(steps))
            lines = state_lines(p.stderr)
            self.assertEqual([label for label, _ in lines], ["not_yet", "pending", "in_progress", "success"])
            self.assertEqual(lines[0][1], "InvocationDoesNotExist; next poll in 5.000 s")
            self.assertEqual(lines[1][1], "Pending; next poll in 5.000 s")
            self.assertEqual(lines[3][1], "Success, ResponseCode 0")
            self.assertTrue(p.stderr.decode().startswith(
                "ssmview: following %s on %s through %s (region us-east-1 from AWS_REGION; endpoint from --endpoint-url; "
                "credentials from environment)\n" % (final["CommandId"], final["InstanceId"], stub.url)), p.stderr)
            # The report at the end is the one fetch (and so inspect) prints for the final answer.
            self.assertEqual(p.stdout.replace(b"<GetCommandInvocation>", b"<stdin>"),
                             run("inspect", stdin=ssm_stub._compact(final)).stdout)

    def test_polls_keep_the_cadence(self):
        final = body("success")
        steps = [as_step(final, "in_progress")] * 6 + [final]
        with Stub([(ids(final), steps)]) as stub:
            p = run("follow", *target(ids(final)), "--endpoint-url", stub.url, "--json")
            self.assertEqual(p.returncode, 0, p.stderr)
            times = [t for t, _ in stub.seen]
            self.assertEqual(len(times), 7)
            gaps = [b - a for a, b in zip(times, times[1:])]
            for g in gaps:
                self.assertGreaterEqual(g, INTERVAL_MS / 1000.0 * 0.95, gaps)

    def test_no_more_requests_than_the_cadence_allows(self):
        final = body("success")
        with Stub([(ids(final), [as_step(final, "in_progress")])]) as stub:  # InProgress forever
            proc = subprocess.Popen([BIN, "follow", *target(ids(final)), "--endpoint-url", stub.url],
                                    env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            start = time.monotonic()
            time.sleep(1.0)
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=30)
            elapsed = time.monotonic() - start
            polls = len(stub.requests)
            self.assertLessEqual(polls, elapsed / (INTERVAL_MS / 1000.0) + 1, (polls, elapsed))
            self.assertGreaterEqual(polls, 5, err)
            # Ctrl+C ends it cleanly: 128 + SIGINT, a sentence, and the last answer as a report.
            self.assertEqual(proc.returncode, 130, err)
            self.assertIn("ssmview: stopped by Ctrl+C (SIGINT) after %d poll(s); the last answer:" % polls, err.decode())
            self.assertIn(b"still running", out)

    def test_sigterm_ends_with_143_before_any_answer(self):
        final = body("success")
        with Stub([(ids(final), [not_yet()])]) as stub:
            proc = subprocess.Popen([BIN, "follow", *target(ids(final)), "--endpoint-url", stub.url],
                                    env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            time.sleep(0.3)
            proc.send_signal(signal.SIGTERM)
            out, err = proc.communicate(timeout=30)
            self.assertEqual(proc.returncode, 143, err)
            self.assertEqual(out, b"")
            self.assertIn("no invocation was received", err.decode())

    def test_throttling_backs_off_with_jitter(self):
        final = body("success")
        steps = [throttled(), throttled(), throttled(), final]
        with Stub([(ids(final), steps)]) as stub:
            p = run("follow", *target(ids(final)), "--endpoint-url", stub.url)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(len(stub.requests), 4)
            lines = state_lines(p.stderr)
            self.assertEqual([label for label, _ in lines], ["throttled"] * 3 + ["success"])
            # Back-off n waits between half and all of 5 s * 2^(n-1) (equal jitter), on the
            # compressed clock; the line says how long.
            times = [t for t, _ in stub.seen]
            for n in range(3):
                full = 5.0 * 2 ** n
                m = re.fullmatch(r"ThrottlingException: Rate exceeded; backing off, next poll in ([0-9.]+) s", lines[n][1])
                self.assertIsNotNone(m, lines[n])
                said = float(m.group(1))
                self.assertGreaterEqual(said, full / 2 - 0.01)
                self.assertLessEqual(said, full)
                self.assertGreaterEqual(times[n + 1] - times[n], said * SCALE * 0.95)

    def test_cancelling_is_followed_to_its_end(self):
        final = body("cancelled")
        steps = [as_step(final, "in_progress"), as_step(final, "cancelling"), as_step(final, "cancelling"), final]
        with Stub([(ids(final), steps)]) as stub:
            p = run("follow", *target(ids(final)), "--endpoint-url", stub.url)
            self.assertEqual(p.returncode, EXIT_CANCELLED, p.stderr)
            self.assertEqual(len(stub.requests), 4)
            self.assertEqual([label for label, _ in state_lines(p.stderr)], ["in_progress", "cancelling", "cancelled"])

    def test_a_lost_connection_after_answers_backs_off(self):
        final = body("success")
        with Stub([(ids(final), [as_step(final, "in_progress")])]) as stub:
            proc = subprocess.Popen([BIN, "follow", *target(ids(final)), "--endpoint-url", stub.url],
                                    env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            deadline = time.monotonic() + 10
            while not stub.requests and time.monotonic() < deadline:
                time.sleep(0.02)
        # The stub is gone: follow keeps trying, backing off, until stopped.
        time.sleep(0.6)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
        self.assertEqual(proc.returncode, 130, err)
        labels = [label for label, _ in state_lines(err)]
        self.assertEqual(labels[0], "in_progress")
        self.assertIn("unreachable", labels)
        self.assertIn("backing off", err.decode())

    def test_follow_through_a_proxy(self):
        final = body("failed")
        with Stub([(ids(final), [not_yet(), final])]) as stub:
            p = run("follow", *target(ids(final)), "--proxy", stub.url, "--token", "abc",
                    env=clean_env(AWS_ACCESS_KEY_ID=None, AWS_SECRET_ACCESS_KEY=None, AWS_REGION=None))
            self.assertEqual(p.returncode, 2, p.stderr)
            self.assertEqual([h.get("authorization") for _, h in stub.seen], ["Bearer abc"] * 2)
            self.assertIn("through %s (ssmview-proxy signs; bearer token sent)" % stub.url, p.stderr.decode())


class FollowExitTest(unittest.TestCase):
    """Each row of the exit status table that an invocation's ending decides."""

    def ending(self, state, **override):
        final = body(state)
        final.update(override)
        return final

    def test_exit_status_for_each_ending(self):
        cases = [
            ("success", {}, 0),
            ("failed", {}, 2),                                   # ResponseCode 2
            ("failed", {"ResponseCode": 1}, 1),
            ("failed", {"ResponseCode": 127}, 127),
            ("failed", {"ResponseCode": 300}, 300 & 255),        # what a shell sees
            ("failed", {"ResponseCode": -1}, 255),               # failed, never 0
            ("failed", {"ResponseCode": 0}, EXIT_INVALID),       # failed, never 0
            ("failed", {"ResponseCode": 256}, EXIT_INVALID),
            ("timed_out_delivery", {}, EXIT_DELIVERY_TIMED_OUT),
            ("undeliverable", {}, EXIT_UNDELIVERABLE),
            ("cancelled", {}, EXIT_CANCELLED),
            ("terminated", {}, EXIT_TERMINATED),
            ("timed_out_execution", {}, EXIT_EXECUTION_TIMED_OUT),
        ]
        finals = [self.ending(s, **o) for s, o, _ in cases]
        for n, f in enumerate(finals):  # one invocation per case
            f["InstanceId"] = "i-%017x" % (0xabc000 + n)
        with Stub([(ids(f), [as_step(f, "pending"), f]) for f in finals]) as stub:
            for (state, override, code), f in zip(cases, finals):
                with self.subTest(state=state, override=override):
                    p = run("follow", *target(ids(f)), "--endpoint-url", stub.url, "--json")
                    self.assertEqual(p.returncode, code, p.stderr)
                    self.assertEqual(json.loads(p.stdout)["invocation"], f)

    def test_access_denied_stops_at_once_with_211(self):
        key = ids(body("success"))
        with Stub([(key, [{"error": {"__type": "AccessDeniedException", "message": "no"}}])]) as stub:
            p = run("follow", *target(key), "--endpoint-url", stub.url, "--json")
            self.assertEqual(p.returncode, EXIT_AWS_ERROR, p.stderr)
            self.assertEqual(json.loads(p.stdout)["error"]["kind"], "access_denied")
            self.assertEqual(len(stub.requests), 1)

    def test_nothing_listening_exits_212_at_once(self):
        started = time.monotonic()
        p = run("follow", *target(ids(body("success"))), "--proxy", "http://127.0.0.1:%d" % closed_port())
        self.assertEqual(p.returncode, EXIT_CANNOT_CONNECT, p.stderr)
        self.assertLess(time.monotonic() - started, 10)
        self.assertIn("hint: Nothing answered.", p.stderr.decode())


# ---- live links ---------------------------------------------------------------------------

class LiveLinkTest(unittest.TestCase):
    def test_link_fetch_round_trip(self):
        final = body("success")
        with Stub([(ids(final), [not_yet(), final])]) as stub:
            p = run("link", "--fetch", *target(ids(final), "aws:runShellScript"), "--proxy", stub.url,
                    "--base", "https://viewer.example/ssmview/")
            self.assertEqual(p.returncode, 0, p.stderr)
            link = p.stdout.decode().strip()
            # An independent reader: Python's URL parser.
            base, fragment = link.split("#", 1)
            self.assertEqual(base, "https://viewer.example/ssmview/")
            self.assertTrue(fragment.startswith("fetch?"), fragment)
            q = urllib.parse.parse_qs(fragment[len("fetch?"):], strict_parsing=True)
            self.assertEqual(q, {"command": [final["CommandId"]], "instance": [final["InstanceId"]],
                                 "plugin": ["aws:runShellScript"], "proxy": [stub.url]})
            # follow --link reaches the same invocation through the link's proxy.
            f = run("follow", "--link", link, "--json", env=clean_env(AWS_ACCESS_KEY_ID=None, AWS_SECRET_ACCESS_KEY=None))
            self.assertEqual(f.returncode, 0, f.stderr)
            self.assertEqual(json.loads(f.stdout)["invocation"], final)
            self.assertEqual(stub.requests[-1][1]["PluginName"], "aws:runShellScript")

    def test_default_base_and_no_proxy(self):
        key = ids(body("pending"))
        p = run("link", "--fetch", *target(key), env=clean_env(SSMVIEW_BASE_URL=None))
        self.assertEqual(p.stdout.decode(), "http://127.0.0.1:8080/#fetch?command=%s&instance=%s\n" % key)

    def test_open_explains_a_live_link(self):
        p = run("open", "http://127.0.0.1:8080/#fetch?command=%s&instance=%s" % ids(body("pending")))
        self.assertEqual(p.returncode, 1)
        self.assertIn("this is a live link", p.stderr.decode())


# ---- usage --------------------------------------------------------------------------------

class UsageTest(unittest.TestCase):
    def test_usage_errors_exit_2_and_send_nothing(self):
        key = ids(body("success"))
        with Stub([(key, [body("success")])]) as stub:
            cases = [
                (["fetch"], "fetch needs --command-id"),
                (["follow", "--command-id", key[0]], "follow needs --instance-id"),
                (["fetch", *target(key), "--endpoint-url"], "--endpoint-url needs a value"),
                (["fetch", "--command-id", "abc", "--instance-id", key[1]], 'The command id "abc" is not a command id'),
                (["fetch", "--command-id", key[0], "--instance-id", "x-1"], 'The instance id "x-1" is neither'),
                (["fetch", *target(key), "--token", "t"], "--token and --token-file are for a proxy"),
                (["fetch", *target(key), "--proxy", stub.url, "--region", "us-east-1"], "--region has no effect through a proxy"),
                (["fetch", *target(key), "--proxy", "ftp://x"], "--proxy: The proxy URL must start with http:// or https://."),
                (["fetch", *target(key), "--proxy", stub.url, "--token", "a b"], "--token has characters"),
                (["fetch", *target(key), "--proxy", stub.url, "--token-file", "/nonexistent/t"], "cannot open --token-file"),
                (["fetch", *target(key), "--command-id", key[0]], "--command-id is given twice"),
                (["fetch", *target(key), "extra"], "fetch takes no positional arguments"),
                (["follow", "--link", "https://x/#v1.abc"], "--link: This is not a live link"),
                (["link", "--fetch", *target(key), "--region", "x"], "unknown option for link --fetch: --region"),
            ]
            for args, words in cases:
                with self.subTest(args=args):
                    p = run(*args)
                    self.assertEqual(p.returncode, EXIT_USAGE, p.stderr)
                    self.assertTrue(p.stderr.decode().startswith("ssmview: " + words), p.stderr)
            self.assertEqual(stub.requests, [])

    def test_the_interval_hook_is_checked(self):
        p = run("follow", *target(ids(body("success"))), env=clean_env(SSMVIEW_FOLLOW_INTERVAL_MS="fast"))
        self.assertEqual(p.returncode, EXIT_USAGE)
        self.assertIn("SSMVIEW_FOLLOW_INTERVAL_MS (a test hook) must be a whole number from 1 to 5000", p.stderr.decode())


# ---- docs ---------------------------------------------------------------------------------

class DocsTest(unittest.TestCase):
    def test_readme_exit_status_table_is_the_help_table(self):
        help_rows = []
        text = run("--help").stdout.decode()
        for line in text.split("Exit status:\n", 1)[1].splitlines():
            m = re.match(r"  (\S+)\s+(.*)$", line)
            help_rows.append((m.group(1), m.group(2)))
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        section = readme.split("## The CLI", 1)[1].split("\n## ", 1)[0]
        table = [l for l in section.splitlines() if l.startswith("| `")]
        readme_rows = []
        for l in table:
            cells = [c.strip() for c in l.strip("|").split("|")]
            readme_rows.append((cells[0].strip("`"), cells[1]))
        self.assertEqual(readme_rows, help_rows)


if __name__ == "__main__":
    unittest.main()

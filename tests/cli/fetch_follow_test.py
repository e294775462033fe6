"""tests/cli/fetch_follow_test.py: `ssmview fetch`, `follow` and `link --fetch` against SSM on loopback.

Index
  helpers            a clean AWS environment (tests/support/proxy_process.py's, plus the CLI's keys);
                     Ssm (the signature-checking fake); Proxy (proxy_process's ssmview-proxy in front
                     of it, or --simulate); running the CLI
  FetchTest          fetch prints what inspect prints; the request AWS expects; errors and hints
  ConnectionTest     direct (SigV4 checked by botocore, region, endpoint) vs through a proxy
  FollowTest         the lifecycle, state-change lines, the cadence, back-off, Ctrl+C
  FollowExitTest     every row of the exit status table
  ProxyTest          through a real ssmview-proxy: to the fake SSM, and to --simulate
  LiveLinkTest       link --fetch -> an independent parse -> follow --link
  UsageTest          usage errors exit 2 before anything is sent
  DocsTest           the README's exit status table is the one `ssmview --help` prints

SSM here is tests/support/fake_aws.py: it checks every request's signature with botocore (an
independent signer) and answers GetCommandInvocation from ssm_stub's scripted sequences (each
request answers the next step, the last repeats). The tests also note when each request arrived,
so they can count polls and measure the gaps. The follow cadence is compressed by the test hook
SSMVIEW_FOLLOW_INTERVAL_MS (the real 5 s becomes INTERVAL_MS); back-off and jitter scale with it.
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
import fake_aws  # noqa: E402
import proxy_process  # noqa: E402
import ssm_stub  # noqa: E402

INTERVAL_MS = 40          # the test hook's 5 s
SCALE = INTERVAL_MS / 5000.0
ACCESS_KEY = "AKIDEXAMPLEFETCHTEST"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYFETCHSECRET"
PROXY_KEY = "AKIDEXAMPLEPROXYONLY"
PROXY_SECRET = "proxy/Secret+Key/only/the/proxy/knows/it"
TOKEN = "h7-token-0123456789abcdef"

# The exit status table (cli/exit_codes.h).
EXIT_INVALID, EXIT_USAGE = 1, 2
EXIT_DELIVERY_TIMED_OUT, EXIT_UNDELIVERABLE, EXIT_CANCELLED, EXIT_TERMINATED, EXIT_EXECUTION_TIMED_OUT = 200, 201, 202, 203, 204
EXIT_CREDENTIALS, EXIT_AWS_ERROR, EXIT_CANNOT_CONNECT = 210, 211, 212


# ---- helpers ------------------------------------------------------------------------------

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


class _TimedFakeAws(fake_aws.FakeAws):
    """fake_aws.FakeAws that also notes when each request arrived."""

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.times = []

    def handle(self, h):
        with self.lock:
            self.times.append(time.monotonic())
        super().handle(h)


class Ssm:
    """The signature-checking fake SSM serving scripted sequences [((CommandId, InstanceId), steps)].
    It knows two keys: the CLI's (ACCESS_KEY) and the proxy's (PROXY_KEY)."""

    def __init__(self, sequences, region="us-east-1"):
        self.dir = tempfile.TemporaryDirectory()
        for n, (key, steps) in enumerate(sequences):
            with open(os.path.join(self.dir.name, "s%03d.json" % n), "w", encoding="utf-8") as f:
                json.dump({"CommandId": key[0], "InstanceId": key[1], "sequence": steps}, f)
        self.fake = _TimedFakeAws({ACCESS_KEY: (SECRET_KEY, None), PROXY_KEY: (PROXY_SECRET, None)}, region=region,
                                  services=[fake_aws.SsmService([self.dir.name])])

    def __enter__(self):
        self.fake.start()
        return self

    def __exit__(self, *exc):
        self.fake.stop()
        self.dir.cleanup()

    @property
    def url(self):
        return self.fake.url

    @property
    def requests(self):
        """[(X-Amz-Target, request JSON)] of the requests that passed the signature check."""
        return self.fake.ssm.requests

    @property
    def recorded(self):
        return self.fake.recorded

    @property
    def times(self):
        return self.fake.times

    def assert_all_signed(self, test, key=ACCESS_KEY):
        test.assertTrue(self.recorded)
        for r in self.recorded:
            test.assertTrue(r.signature_ok, r)
            test.assertEqual(r.access_key, key)


class Proxy:
    """ssmview-proxy (proxy_process.ProxyProcess) on 127.0.0.1:<free port>, in front of an Ssm (with
    PROXY_KEY) or --simulate."""

    def __init__(self, upstream=None, token_file=None):
        args = ["--endpoint-url", upstream.url, "--region", "us-east-1"] if upstream else ["--simulate"]
        if token_file:
            args += ["--token-file", token_file]
        self.process = proxy_process.ProxyProcess(
            args, clean_env(AWS_ACCESS_KEY_ID=PROXY_KEY, AWS_SECRET_ACCESS_KEY=PROXY_SECRET))
        if self.process.port is None:
            self.close()
            raise RuntimeError("ssmview-proxy did not start: " + self.process.log)
        self.url = self.process.url

    def close(self):
        self.process.stop()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


# Every environment gets a HOME of its own (a test may write a profile there), made inside this
# one directory, which is removed when the test run ends.
_HOMES = tempfile.TemporaryDirectory(prefix="h7-homes-")


def clean_env(**extra):
    """proxy_process.clean_env (no AWS settings of the machine) with the CLI's keys and region and
    the compressed follow cadence; a value of None removes that variable."""
    home = tempfile.mkdtemp(dir=_HOMES.name)
    env = dict(AWS_CONFIG_FILE=os.path.join(home, "config"), AWS_SHARED_CREDENTIALS_FILE=os.path.join(home, "credentials"),
               AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=SECRET_KEY, AWS_REGION="us-east-1",
               SSMVIEW_FOLLOW_INTERVAL_MS=str(INTERVAL_MS), NO_COLOR="1")
    env.update(extra)
    return proxy_process.clean_env(home, **env)


NO_CREDENTIALS = dict(AWS_ACCESS_KEY_ID=None, AWS_SECRET_ACCESS_KEY=None, AWS_REGION=None)


def run(*args, env=None, timeout=60, stdin=None):
    return subprocess.run([BIN, *args], env=env or clean_env(), capture_output=True, timeout=timeout, input=stdin)


def start(*args, env=None):
    return subprocess.Popen([BIN, *args], env=env or clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


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


def token_file():
    f = tempfile.NamedTemporaryFile("w", prefix="h7-", suffix=".token")
    f.write(TOKEN + "\n")
    f.flush()
    return f


def state_lines(stderr):
    """The follow lines: 'ssmview: <time> UTC  <label> <text>' -> [(label, text)]."""
    out = []
    for line in stderr.decode().splitlines():
        m = re.match(r"ssmview: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC  (\S+)\s+(.*)$", line)
        if m:
            out.append((m.group(1), m.group(2)))
    return out


def labels(stderr, collapse=False):
    """The labels in order; collapse=True drops the ones that only repeat (around a back-off)."""
    out = []
    for label, _ in state_lines(stderr):
        if not collapse or label not in out:
            out.append(label)
    return out


# ---- fetch --------------------------------------------------------------------------------

class FetchTest(unittest.TestCase):
    STATES = ["pending", "in_progress", "success", "success_rich", "failed", "timed_out_delivery", "cancelled",
              "undeliverable", "windows", "truncated"]

    def test_fetch_prints_exactly_what_inspect_prints_for_the_same_body(self):
        with Ssm([(ids(body(s)), [body(s)]) for s in self.STATES]) as ssm:
            for s in self.STATES:
                with self.subTest(state=s):
                    raw = ssm_stub._compact(body(s))  # the bytes the fake answers with
                    for fmt in ([], ["--json"]):
                        fetched = run("fetch", *target(ids(body(s))), "--endpoint-url", ssm.url, *fmt)
                        pasted = run("inspect", *fmt, stdin=raw)
                        self.assertEqual(fetched.returncode, 0, fetched.stderr)
                        self.assertEqual(fetched.stdout.replace(b"<GetCommandInvocation>", b"<stdin>"), pasted.stdout)
            ssm.assert_all_signed(self)

    def test_fetch_sends_what_the_aws_cli_sends(self):
        b = body("success")
        with Ssm([(ids(b), [b])]) as ssm:
            p = run("fetch", *target(ids(b), "aws:runShellScript"), "--endpoint-url", ssm.url + "/")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(ssm.requests, [("AmazonSSM.GetCommandInvocation",
                                             {"CommandId": b["CommandId"], "InstanceId": b["InstanceId"],
                                              "PluginName": "aws:runShellScript"})])
            r = ssm.recorded[0]
            self.assertEqual((r.method, r.path, r.query), ("POST", "/", ""))
            self.assertEqual(r.header("Content-Type"), "application/x-amz-json-1.1")
            self.assertEqual(r.header("X-Amz-Target"), "AmazonSSM.GetCommandInvocation")
            ssm.assert_all_signed(self)

    def test_an_answer_that_is_not_an_invocation_gets_diagnostics_and_exit_1(self):
        key = ids(body("success"))
        with Ssm([(key, [{"CommandId": key[0], "InstanceId": key[1], "Status": 7}])]) as ssm:
            p = run("fetch", *target(key), "--endpoint-url", ssm.url, "--json")
            self.assertEqual(p.returncode, EXIT_INVALID, p.stderr)
            j = json.loads(p.stdout)
            self.assertFalse(j["valid"])
            self.assertIn("model.wrong_type", [d["code"] for d in j["diagnostics"]])

    def test_access_denied_prints_type_message_hint_and_exits_211(self):
        key = ids(body("success"))
        message = "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ssm:GetCommandInvocation"
        hint = "The credentials are not allowed to call ssm:GetCommandInvocation: allow that action in their IAM policy."
        denied = {"error": {"__type": "AccessDeniedException", "message": message}}
        with Ssm([(key, [denied])]) as ssm:
            p = run("fetch", *target(key), "--endpoint-url", ssm.url)
            self.assertEqual(p.returncode, EXIT_AWS_ERROR)
            self.assertEqual(p.stdout, b"")
            self.assertEqual(p.stderr.decode().splitlines(), [
                "ssmview: AccessDeniedException: " + message, "hint: " + hint,
                "request id: fa4e0000-0000-4000-8000-000000000001"])
            p = run("fetch", *target(key), "--endpoint-url", ssm.url, "--json")
            self.assertEqual(p.returncode, EXIT_AWS_ERROR)
            self.assertEqual(json.loads(p.stdout), {"error": {
                "type": "AccessDeniedException", "message": message, "kind": "access_denied", "hint": hint,
                "httpStatus": 400, "requestId": "fa4e0000-0000-4000-8000-000000000002"}})

    def test_fetch_does_not_wait_for_an_invocation_that_does_not_exist_yet(self):
        key = ids(body("success"))
        with Ssm([(key, [not_yet(), body("success")])]) as ssm:
            p = run("fetch", *target(key), "--endpoint-url", ssm.url, "--json")
            self.assertEqual(p.returncode, EXIT_AWS_ERROR)
            e = json.loads(p.stdout)["error"]
            self.assertEqual((e["type"], e["kind"]), ("InvocationDoesNotExist", "not_yet"))
            self.assertTrue(e["hint"].startswith("SSM has no such invocation yet."), e["hint"])
            self.assertEqual(len(ssm.requests), 1)

    def test_cannot_connect_exits_212(self):
        url = "http://127.0.0.1:%d" % closed_port()
        p = run("fetch", *target(ids(body("success"))), "--endpoint-url", url, "--json")
        self.assertEqual(p.returncode, EXIT_CANNOT_CONNECT, p.stderr)
        e = json.loads(p.stdout)["error"]
        self.assertEqual((e["kind"], e["httpStatus"], e["type"]), ("unreachable", 0, ""))
        self.assertIn(url, e["message"])
        # A direct call has no proxy: the hint names the AWS endpoint and its settings.
        self.assertTrue(e["hint"].startswith("Nothing answered at the AWS endpoint."), e["hint"])


# ---- connection ---------------------------------------------------------------------------

class ConnectionTest(unittest.TestCase):
    def test_direct_requests_are_signed_for_the_resolved_region(self):
        b = body("success")
        for region_args, env, region in (([], {}, "us-east-1"), (["--region", "eu-west-3"], {}, "eu-west-3"),
                                         ([], {"AWS_REGION": None, "AWS_DEFAULT_REGION": "ap-south-1"}, "ap-south-1")):
            with self.subTest(region=region), Ssm([(ids(b), [b])], region=region) as ssm:
                p = run("fetch", *target(ids(b)), "--endpoint-url", ssm.url, *region_args, env=clean_env(**env))
                self.assertEqual(p.returncode, 0, p.stderr)
                ssm.assert_all_signed(self)  # botocore agrees, for this region's scope

    def test_a_wrong_secret_is_refused_by_aws_not_hidden(self):
        b = body("success")
        with Ssm([(ids(b), [b])]) as ssm:
            p = run("fetch", *target(ids(b)), "--endpoint-url", ssm.url, "--json",
                    env=clean_env(AWS_SECRET_ACCESS_KEY="not/the/right/secret"))
            self.assertEqual(p.returncode, EXIT_AWS_ERROR)
            e = json.loads(p.stdout)["error"]
            self.assertEqual((e["type"], e["kind"]), ("InvalidSignatureException", "bad_credentials"))
            self.assertNotIn(b"not/the/right/secret", p.stdout + p.stderr)

    def test_session_token_is_sent_and_signed(self):
        b = body("success")
        with Ssm([(ids(b), [b])]) as ssm:
            ssm.fake.keys[ACCESS_KEY] = (SECRET_KEY, "FQoGZXIvYXdzEXAMPLE")  # a temporary key: the fake requires it
            p = run("fetch", *target(ids(b)), "--endpoint-url", ssm.url, env=clean_env(AWS_SESSION_TOKEN="FQoGZXIvYXdzEXAMPLE"))
            self.assertEqual(p.returncode, 0, p.stderr)
            ssm.assert_all_signed(self)

    def test_credentials_from_a_profile_and_endpoint_from_aws_endpoint_url_ssm(self):
        b = body("success")
        with Ssm([(ids(b), [b])], region="eu-north-1") as ssm:
            env = clean_env(AWS_ACCESS_KEY_ID=None, AWS_SECRET_ACCESS_KEY=None, AWS_REGION=None,
                            AWS_ENDPOINT_URL_SSM=ssm.url)
            with open(env["AWS_SHARED_CREDENTIALS_FILE"], "w") as f:
                f.write("[ci]\naws_access_key_id = %s\naws_secret_access_key = %s\n" % (ACCESS_KEY, SECRET_KEY))
            with open(env["AWS_CONFIG_FILE"], "w") as f:
                f.write("[profile ci]\nregion = eu-north-1\n")
            p = run("follow", *target(ids(b)), "--profile", "ci", env=env)
            self.assertEqual(p.returncode, 0, p.stderr)
            first = p.stderr.decode().splitlines()[0]
            for said in ("(region eu-north-1 from ", "'ci'", "; endpoint from AWS_ENDPOINT_URL_SSM; credentials from profile ci"):
                self.assertIn(said, first)
            ssm.assert_all_signed(self)

    def test_through_a_proxy_nothing_is_signed_and_the_token_is_a_bearer(self):
        # Pointed straight at the fake, the CLI's proxy request shows as it is (and is refused).
        b = body("success")
        with Ssm([(ids(b), [b])]) as ssm, token_file() as tf:
            for extra, bearer in (([], None), (["--token", "t0ken"], "Bearer t0ken"), (["--token-file", tf.name], "Bearer " + TOKEN)):
                with self.subTest(extra=extra):
                    p = run("fetch", *target(ids(b)), "--proxy", ssm.url, *extra, env=clean_env(**NO_CREDENTIALS))
                    self.assertEqual(p.returncode, EXIT_AWS_ERROR, p.stderr)
                    r = ssm.recorded[-1]
                    self.assertEqual(r.header("Authorization"), bearer)
                    self.assertIsNone(r.header("X-Amz-Date"))
                    self.assertEqual(r.header("X-Amz-Target"), "AmazonSSM.GetCommandInvocation")
            self.assertEqual(ssm.requests, [])

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
        self.assertTrue(p.stderr.startswith(b"ssmview: no AWS region"), p.stderr)

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
        with Ssm([(ids(final), steps)]) as ssm:
            p = run("follow", *target(ids(final)), "--endpoint-url", ssm.url)
            self.assertEqual(p.returncode, 0, p.stderr)
            # One poll per step and none after the end, every one signed.
            self.assertEqual(len(ssm.requests), len(steps))
            ssm.assert_all_signed(self)
            lines = state_lines(p.stderr)
            self.assertEqual([label for label, _ in lines], ["not_yet", "pending", "in_progress", "success"])
            self.assertEqual(lines[0][1], "InvocationDoesNotExist; next poll in 5.000 s")
            self.assertEqual(lines[1][1], "Pending; next poll in 5.000 s")
            self.assertEqual(lines[3][1], "Success, ResponseCode 0")
            self.assertTrue(p.stderr.decode().startswith(
                "ssmview: following %s on %s through %s (region us-east-1 from AWS_REGION; endpoint from --endpoint-url; "
                "credentials from environment)\n" % (final["CommandId"], final["InstanceId"], ssm.url)), p.stderr)
            # The report at the end is the one fetch (and so inspect) prints for the final answer.
            self.assertEqual(p.stdout.replace(b"<GetCommandInvocation>", b"<stdin>"),
                             run("inspect", stdin=ssm_stub._compact(final)).stdout)

    def test_polls_keep_the_cadence(self):
        final = body("success")
        steps = [as_step(final, "in_progress")] * 6 + [final]
        with Ssm([(ids(final), steps)]) as ssm:
            p = run("follow", *target(ids(final)), "--endpoint-url", ssm.url, "--json")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(len(ssm.times), 7)
            gaps = [b - a for a, b in zip(ssm.times, ssm.times[1:])]
            for g in gaps:
                self.assertGreaterEqual(g, INTERVAL_MS / 1000.0 * 0.95, gaps)

    def test_no_more_requests_than_the_cadence_allows_and_ctrl_c_ends_cleanly(self):
        final = body("success")
        with Ssm([(ids(final), [as_step(final, "in_progress")])]) as ssm:  # InProgress forever
            proc = start("follow", *target(ids(final)), "--endpoint-url", ssm.url)
            started = time.monotonic()
            # At least 5 polls (about 1 s on the compressed clock; longer on a loaded machine: the
            # bound below is measured against the time that actually passed).
            deadline = started + 30
            while (len(ssm.requests) < 5 or time.monotonic() - started < 1.0) and time.monotonic() < deadline:
                time.sleep(0.02)
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=30)
            elapsed = time.monotonic() - started
            polls = len(ssm.requests)
            self.assertLessEqual(polls, elapsed / (INTERVAL_MS / 1000.0) + 1, (polls, elapsed))
            self.assertGreaterEqual(polls, 5, err)
            # 128 + SIGINT, a sentence, and the last answer as a report.
            self.assertEqual(proc.returncode, 130, err)
            self.assertIn("ssmview: stopped by Ctrl+C (SIGINT) after %d poll(s); the last answer:" % polls, err.decode())
            self.assertIn(b"still running", out)

    def test_sigterm_ends_with_143_before_any_answer(self):
        final = body("success")
        with Ssm([(ids(final), [not_yet()])]) as ssm:
            proc = start("follow", *target(ids(final)), "--endpoint-url", ssm.url)
            time.sleep(0.3)
            proc.send_signal(signal.SIGTERM)
            out, err = proc.communicate(timeout=30)
            self.assertEqual(proc.returncode, 143, err)
            self.assertEqual(out, b"")
            self.assertIn("no invocation was received", err.decode())

    def test_throttling_backs_off_with_jitter(self):
        final = body("success")
        steps = [throttled(), throttled(), throttled(), final]
        with Ssm([(ids(final), steps)]) as ssm:
            p = run("follow", *target(ids(final)), "--endpoint-url", ssm.url)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(len(ssm.requests), 4)
            lines = state_lines(p.stderr)
            self.assertEqual([label for label, _ in lines], ["throttled"] * 3 + ["success"])
            # Back-off n waits between half and all of 5 s * 2^(n-1) (equal jitter), on the
            # compressed clock; the line says how long.
            for n in range(3):
                full = 5.0 * 2 ** n
                m = re.fullmatch(r"ThrottlingException: Rate exceeded; backing off, next poll in ([0-9.]+) s", lines[n][1])
                self.assertIsNotNone(m, lines[n])
                said = float(m.group(1))
                self.assertGreaterEqual(said, full / 2 - 0.01)
                self.assertLessEqual(said, full)
                self.assertGreaterEqual(ssm.times[n + 1] - ssm.times[n], said * SCALE * 0.95)

    def test_cancelling_is_followed_to_its_end(self):
        final = body("cancelled")
        steps = [as_step(final, "in_progress"), as_step(final, "cancelling"), as_step(final, "cancelling"), final]
        with Ssm([(ids(final), steps)]) as ssm:
            p = run("follow", *target(ids(final)), "--endpoint-url", ssm.url)
            self.assertEqual(p.returncode, EXIT_CANCELLED, p.stderr)
            self.assertEqual(len(ssm.requests), 4)
            self.assertEqual(labels(p.stderr), ["in_progress", "cancelling", "cancelled"])

    def test_a_lost_connection_after_answers_backs_off(self):
        final = body("success")
        with Ssm([(ids(final), [as_step(final, "in_progress")])]) as ssm:
            proc = start("follow", *target(ids(final)), "--endpoint-url", ssm.url)
            deadline = time.monotonic() + 10
            while not ssm.requests and time.monotonic() < deadline:
                time.sleep(0.02)
        # The fake is gone: follow keeps trying, backing off, until stopped.
        time.sleep(0.6)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
        self.assertEqual(proc.returncode, 130, err)
        self.assertEqual(labels(err, collapse=True), ["in_progress", "unreachable"])
        self.assertIn("backing off", err.decode())


class FollowExitTest(unittest.TestCase):
    """Each row of the exit status table that an invocation's ending decides."""

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
        finals = []
        for n, (state, override, _) in enumerate(cases):  # one invocation per case
            f = body(state)
            f.update(override)
            f["InstanceId"] = "i-%017x" % (0xabc000 + n)
            finals.append(f)
        with Ssm([(ids(f), [as_step(f, "pending"), f]) for f in finals]) as ssm:
            for (state, override, code), f in zip(cases, finals):
                with self.subTest(state=state, override=override):
                    p = run("follow", *target(ids(f)), "--endpoint-url", ssm.url, "--json")
                    self.assertEqual(p.returncode, code, p.stderr)
                    self.assertEqual(json.loads(p.stdout)["invocation"], f)

    def test_access_denied_stops_at_once_with_211(self):
        key = ids(body("success"))
        with Ssm([(key, [{"error": {"__type": "AccessDeniedException", "message": "no"}}])]) as ssm:
            p = run("follow", *target(key), "--endpoint-url", ssm.url, "--json")
            self.assertEqual(p.returncode, EXIT_AWS_ERROR, p.stderr)
            self.assertEqual(json.loads(p.stdout)["error"]["kind"], "access_denied")
            self.assertEqual(len(ssm.requests), 1)

    def test_nothing_listening_exits_212_at_once(self):
        started = time.monotonic()
        p = run("follow", *target(ids(body("success"))), "--proxy", "http://127.0.0.1:%d" % closed_port())
        self.assertEqual(p.returncode, EXIT_CANNOT_CONNECT, p.stderr)
        self.assertLess(time.monotonic() - started, 10)
        self.assertIn("hint: Nothing answered.", p.stderr.decode())


# ---- through ssmview-proxy ----------------------------------------------------------------

class ProxyTest(unittest.TestCase):
    def test_follow_through_the_proxy_to_the_signature_checking_fake(self):
        final = body("failed")
        with Ssm([(ids(final), [not_yet(), as_step(final, "in_progress"), final])]) as ssm, token_file() as tf, \
                Proxy(ssm, token_file=tf.name) as proxy:
            # The CLI holds no credentials; the proxy signs with its own key.
            p = run("follow", *target(ids(final)), "--proxy", proxy.url, "--token-file", tf.name,
                    env=clean_env(**NO_CREDENTIALS))
            self.assertEqual(p.returncode, 2, p.stderr)
            self.assertEqual(labels(p.stderr), ["not_yet", "in_progress", "failed"])
            self.assertIn("through %s (ssmview-proxy signs; bearer token sent)" % proxy.url, p.stderr.decode())
            self.assertEqual(len(ssm.requests), 3)
            ssm.assert_all_signed(self, key=PROXY_KEY)
            # fetch through the proxy prints what fetch directly prints.
            direct = run("fetch", *target(ids(final)), "--endpoint-url", ssm.url, "--json")
            proxied = run("fetch", *target(ids(final)), "--proxy", proxy.url, "--token", TOKEN, "--json",
                          env=clean_env(**NO_CREDENTIALS))
            self.assertEqual((direct.returncode, proxied.returncode), (0, 0))
            self.assertEqual(direct.stdout, proxied.stdout)

    def test_a_wrong_token_is_refused_by_the_proxy_and_nothing_reaches_aws(self):
        final = body("success")
        with Ssm([(ids(final), [final])]) as ssm, token_file() as tf, Proxy(ssm, token_file=tf.name) as proxy:
            for extra in ([], ["--token", "wrong-token-wrong-token"]):
                with self.subTest(extra=extra):
                    p = run("follow", *target(ids(final)), "--proxy", proxy.url, *extra, "--json",
                            env=clean_env(**NO_CREDENTIALS))
                    self.assertEqual(p.returncode, EXIT_AWS_ERROR, p.stderr)
                    e = json.loads(p.stdout)["error"]
                    self.assertEqual((e["kind"], e["httpStatus"]), ("proxy_refused", 401))
            self.assertEqual(ssm.recorded, [])

    def test_follow_the_simulated_preflight_command(self):
        # proxy/simulate_catalog.cpp, "preflight": one command on three nodes, in real time
        # (about 15 s): Success on the first, Failed with exit status 2 on the second,
        # Undeliverable on the third; InvocationDoesNotExist first, occasional throttling.
        command = "3b8d6f21-90ae-4c57-a1e4-6f2c9d0b7a35"
        expected = {"i-04c7e1a9b3f28d650": 0, "i-0e92b6d4a1c37f058": 2, "i-07d15f3c8e2a9b461": EXIT_UNDELIVERABLE}
        with Proxy() as proxy:
            env = clean_env(SSMVIEW_FOLLOW_INTERVAL_MS="250", **NO_CREDENTIALS)
            procs = {i: start("follow", *target((command, i)), "--proxy", proxy.url, "--json", env=env) for i in expected}
            for instance, code in expected.items():
                with self.subTest(instance=instance):
                    out, err = procs[instance].communicate(timeout=120)
                    self.assertEqual(procs[instance].returncode, code, err)
                    seen = labels(err, collapse=True)
                    self.assertEqual(seen[0], "not_yet", err)
                    self.assertEqual(seen[-1], {0: "success", 2: "failed", EXIT_UNDELIVERABLE: "failed"}[code], err)
                    j = json.loads(out)
                    self.assertTrue(j["valid"], j["diagnostics"])
                    self.assertEqual(j["invocation"]["CommandId"], command)
                    self.assertEqual(j["invocation"]["InstanceId"], instance)


# ---- live links ---------------------------------------------------------------------------

class LiveLinkTest(unittest.TestCase):
    def test_link_fetch_round_trip(self):
        final = body("success")
        with Ssm([(ids(final), [not_yet(), final])]) as ssm, Proxy(ssm) as proxy:
            p = run("link", "--fetch", *target(ids(final), "aws:runShellScript"), "--proxy", proxy.url,
                    "--base", "https://viewer.example/ssmview/")
            self.assertEqual(p.returncode, 0, p.stderr)
            link = p.stdout.decode().strip()
            # An independent reader: Python's URL parser.
            base, fragment = link.split("#", 1)
            self.assertEqual(base, "https://viewer.example/ssmview/")
            self.assertTrue(fragment.startswith("fetch?"), fragment)
            q = urllib.parse.parse_qs(fragment[len("fetch?"):], strict_parsing=True)
            self.assertEqual(q, {"command": [final["CommandId"]], "instance": [final["InstanceId"]],
                                 "plugin": ["aws:runShellScript"], "proxy": [proxy.url]})
            # follow --link reaches the same invocation through the link's proxy.
            f = run("follow", "--link", link, "--json", env=clean_env(**NO_CREDENTIALS))
            self.assertEqual(f.returncode, 0, f.stderr)
            self.assertEqual(json.loads(f.stdout)["invocation"], final)
            self.assertEqual(ssm.requests[-1][1]["PluginName"], "aws:runShellScript")
            ssm.assert_all_signed(self, key=PROXY_KEY)

    def test_default_base_and_no_proxy(self):
        key = ids(body("pending"))
        p = run("link", "--fetch", *target(key), env=clean_env(SSMVIEW_BASE_URL=None))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.decode(), "http://127.0.0.1:8080/#fetch?command=%s&instance=%s\n" % key)

    def test_open_explains_a_live_link(self):
        p = run("open", "http://127.0.0.1:8080/#fetch?command=%s&instance=%s" % ids(body("pending")))
        self.assertEqual(p.returncode, 1)
        self.assertIn("this is a live link", p.stderr.decode())


# ---- usage --------------------------------------------------------------------------------

class UsageTest(unittest.TestCase):
    def test_usage_errors_exit_2_and_send_nothing(self):
        key = ids(body("success"))
        with Ssm([(key, [body("success")])]) as ssm:
            cases = [
                (["fetch"], "fetch needs --command-id"),
                (["fetch", "--command-id", key[0]], "fetch needs --instance-id"),
                (["follow", "--command-id", key[0], "--plugin-name", "aws:runShellScript"],
                 "--plugin-name names a step of one invocation: add --instance-id"),
                (["fetch", *target(key), "--endpoint-url"], "--endpoint-url needs a value"),
                (["fetch", "--command-id", "abc", "--instance-id", key[1]], 'The command id "abc" is not a command id'),
                (["fetch", "--command-id", key[0], "--instance-id", "x-1"], 'The instance id "x-1" is neither'),
                (["fetch", *target(key), "--token", "t"], "--token and --token-file are for a proxy"),
                (["fetch", *target(key), "--proxy", ssm.url, "--region", "us-east-1"], "--region has no effect through a proxy"),
                (["fetch", *target(key), "--proxy", "ftp://x"], "--proxy: The proxy URL must start with http:// or https://."),
                (["fetch", *target(key), "--proxy", ssm.url, "--token", "a b"], "--token has characters"),
                (["fetch", *target(key), "--proxy", ssm.url, "--token-file", "/nonexistent/t"], "cannot open --token-file"),
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
            self.assertEqual(ssm.recorded, [])

    def test_the_interval_hook_is_checked(self):
        p = run("follow", *target(ids(body("success"))), env=clean_env(SSMVIEW_FOLLOW_INTERVAL_MS="fast"))
        self.assertEqual(p.returncode, EXIT_USAGE)
        self.assertIn("SSMVIEW_FOLLOW_INTERVAL_MS (a test hook) must be a whole number from 1 to 5000", p.stderr.decode())


# ---- docs ---------------------------------------------------------------------------------

class DocsTest(unittest.TestCase):
    def test_readme_exit_status_table_is_the_help_table(self):
        text = run("--help").stdout.decode()
        help_rows = [tuple(re.match(r"  (\S+)\s+(.*)$", line).groups())
                     for line in text.split("Exit status:\n", 1)[1].splitlines()]
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            section = f.read().split("## The CLI", 1)[1].split("\n## ", 1)[0]
        readme_rows = []
        for line in section.splitlines():
            if line.startswith("| `"):
                cells = [c.strip() for c in line.strip("|").split("|")]
                readme_rows.append((cells[0].strip("`"), cells[1]))
        self.assertEqual(len(help_rows), 15)
        self.assertEqual(readme_rows, help_rows)


if __name__ == "__main__":
    unittest.main()

"""proxy_harness.py: what the proxy's Python tests share: the secrets, a clean environment, the proxy
process, raw HTTP calls, and the two checks every test ends with.

Index
    Secrets        distinctive test values; none may ever appear in an answer or a log line
    clean_env      an environment with nothing of the machine's AWS setup in it  } tests/support/
    ProxyProcess   ssmview-proxy on 127.0.0.1:0: waits for its "listening on" line, } proxy_process.py,
                   keeps its log, dies with the test runner                          } shared with tests/cli
    Answer, call   one raw HTTP request (http.client), every header kept as sent back
    ProxyTestCase  records every answer and proxy started; tearDown stops them and asserts that no
                   secret appears in any answer or any log line

Environment (set by tests/proxy/CMakeLists.txt): SSMVIEW_PROXY_BIN (the program), SSMVIEW_FIXTURES
(tests/fixtures). The real AWS CLI v2 is /usr/bin/aws.
"""

import http.client
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "support"))
from proxy_process import PROXY, ProxyProcess, clean_env  # noqa: E402,F401 (the tests import them from here)

FIXTURES = os.environ.get("SSMVIEW_FIXTURES", os.path.join(HERE, "..", "fixtures"))
AWS_CLI = "/usr/bin/aws"
REGION = "us-east-1"
JSON_CT = "application/x-amz-json-1.1"

# ---- Secrets ----------------------------------------------------------------------------------
# One set per credential source, so a test can tell which source signed a request. Secrets and
# session tokens are shaped like AWS's; each carries a marker the leak check greps for.

ENV_KEY = ("AKIAH5ENVIRONMENT001", "h5SECRET/environment+0123456789abcdefghijk", None)
PROFILE_KEY = ("AKIAH5PROFILESTATIC1", "h5SECRET/profile+static+0123456789abcdefgh", None)
PROCESS_KEY = ("ASIAH5CREDPROCESS001", "h5SECRET/credential+process+0123456789abc", "h5TOKEN-process-FwoGZXIvYXdzEJr")
CONTAINER_KEY = ("ASIAH5CONTAINER00001", "h5SECRET/container+0123456789abcdefghijk", "h5TOKEN-container-IQoJb3JpZ2lu")
IMDS_KEY = ("ASIAH5IMDSV2ROLE0001", "h5SECRET/imds+role+0123456789abcdefghijkl", "h5TOKEN-imds-AgoJb3JpZ2luX2VjE")
CONTAINER_AUTH_TOKEN = "h5CONTAINER-AUTH-not-for-logs-0123"
BEARER = "h5BEARER-0123456789abcdef-please-never-log"

ALL_KEYS = [ENV_KEY, PROFILE_KEY, PROCESS_KEY, CONTAINER_KEY, IMDS_KEY]
SECRETS = [k[1] for k in ALL_KEYS] + [k[2] for k in ALL_KEYS if k[2]] + [CONTAINER_AUTH_TOKEN, BEARER]


def fake_keys():
    """The keys FakeAws accepts: every source's key, with its session token."""
    return {k[0]: (k[1], k[2]) for k in ALL_KEYS}


# ---- Answer, call -------------------------------------------------------------------------

class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # [(name, value)]
        self.body = body        # bytes

    def header(self, name):
        for n, v in self.headers:
            if n.lower() == name.lower():
                return v
        return None

    def json(self):
        import json
        return json.loads(self.body)

    def raw(self):
        return "\n".join(f"{n}: {v}" for n, v in self.headers) + "\n\n" + self.body.decode("utf-8", "replace")


def run_aws_cli(home, url, args, signed, region=REGION):
    """/usr/bin/aws --endpoint-url URL ARGS: signed by the CLI with ENV_KEY (AWS directly, i.e. the
    fake), or --no-sign-request (through ssmview-proxy, which signs). -> (status, stdout, stderr)"""
    import subprocess
    extra = {"AWS_ACCESS_KEY_ID": ENV_KEY[0], "AWS_SECRET_ACCESS_KEY": ENV_KEY[1]} if signed else {}
    env = clean_env(home, TZ="UTC", **extra)
    argv = [AWS_CLI, "--endpoint-url", url, "--region", region] + ([] if signed else ["--no-sign-request"])
    r = subprocess.run(argv + list(args), env=env, capture_output=True, timeout=120)
    return r.returncode, r.stdout, r.stderr


def call(port, method, path, headers=None, body=b"", timeout=30):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        hs = dict(headers or {})
        conn.putrequest(method, path, skip_host="Host" in hs, skip_accept_encoding=True)
        if body or method == "POST":
            hs.setdefault("Content-Length", str(len(body)))
        for n, v in hs.items():
            conn.putheader(n, v)
        conn.endheaders(body if body else None)
        r = conn.getresponse()
        return Answer(r.status, r.getheaders(), r.read())
    finally:
        conn.close()


def ssm_headers(action, **extra):
    h = {"Content-Type": JSON_CT, "X-Amz-Target": "AmazonSSM." + action}
    h.update(extra)
    return h


# ---- ProxyTestCase --------------------------------------------------------------------------

class ProxyTestCase(unittest.TestCase):
    """Every answer the test got through `self.call` and every proxy it started through
    `self.start_proxy` is checked in tearDown: no secret in any answer, header or log line."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="ssmview-proxy-test-")
        self.home = self.tmp.name
        self.answers = []
        self.proxies = []

    def tearDown(self):
        for p in self.proxies:
            p.stop()
        self.tmp.cleanup()
        texts = [a.raw() for a in self.answers] + [p.log for p in self.proxies]
        for text in texts:
            for secret in SECRETS:
                self.assertNotIn(secret, text, "a secret leaked into an answer or a log line")

    def start_proxy(self, args, env, expect_listening=True, listen=True):
        p = ProxyProcess(args, env, listen=listen)
        self.proxies.append(p)
        if expect_listening:
            self.assertIsNotNone(p.port, "the proxy did not start:\n" + p.log)
        return p

    def assertLogged(self, proxy, text):
        self.assertTrue(proxy.wait_for_log(text), f"{text!r} not in the proxy's log:\n{proxy.log}")

    def call(self, proxy, method, path, headers=None, body=b"", timeout=30):
        a = call(proxy.port, method, path, headers, body, timeout)
        self.answers.append(a)
        return a

    def write(self, name, text, mode=0o600):
        path = os.path.join(self.home, name)
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, mode)
        return path

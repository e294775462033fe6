"""proxy_harness.py: what the proxy's Python tests share: the secrets, a clean environment, the proxy
process, raw HTTP calls, and the two checks every test ends with.

Index
    Secrets        distinctive test values; none may ever appear in an answer or a log line
    clean_env      an environment with nothing of the machine's AWS setup in it
    ProxyProcess   ssmview-proxy on 127.0.0.1:0: waits for its "listening on" line, keeps its log
    Answer, call   one raw HTTP request (http.client), every header kept as sent back
    ProxyTestCase  records every answer and proxy started; tearDown stops them and asserts that no
                   secret appears in any answer or any log line

Environment (set by tests/proxy/CMakeLists.txt): SSMVIEW_PROXY_BIN (the program), SSMVIEW_FIXTURES
(tests/fixtures). The real AWS CLI v2 is /usr/bin/aws.
"""

import ctypes
import http.client
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "support"))

PROXY = os.environ.get("SSMVIEW_PROXY_BIN", os.path.join(HERE, "..", "..", "build", "native", "proxy", "ssmview-proxy"))
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


# ---- clean_env ------------------------------------------------------------------------------

def clean_env(home, **extra):
    """No AWS_* from the machine, no ~/.aws, no IMDS: every source a test wants, it adds."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": home,
        "LC_ALL": "C.UTF-8",
        "AWS_CONFIG_FILE": os.path.join(home, "no-config"),
        "AWS_SHARED_CREDENTIALS_FILE": os.path.join(home, "no-credentials"),
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_PAGER": "",
    }
    env.update({k: v for k, v in extra.items() if v is not None})
    for k in [k for k, v in extra.items() if v is None]:
        env.pop(k, None)
    return env


# ---- ProxyProcess ---------------------------------------------------------------------------

def _die_with_parent():
    """In the child: SIGTERM when the test runner dies, so no proxy outlives a killed test."""
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


LISTENING = re.compile(r"ssmview-proxy: listening on http://127\.0\.0\.1:(\d+)")


class ProxyProcess:
    """ssmview-proxy with `args` (plus --listen 127.0.0.1:0 unless given) in `env`."""

    def __init__(self, args, env, listen=True, start_timeout=20):
        argv = [PROXY] + (["--listen", "127.0.0.1:0"] if listen else []) + list(args)
        self.proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, preexec_fn=_die_with_parent)
        self.lines = []  # stdout and stderr lines, as they came
        self._lock = threading.Lock()
        self._readers = [threading.Thread(target=self._read, args=(s,), daemon=True)
                         for s in (self.proc.stdout, self.proc.stderr)]
        for t in self._readers:
            t.start()
        self.port = None
        deadline = time.monotonic() + start_timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            m = LISTENING.search(self.log)
            if m:
                self.port = int(m.group(1))
                break
            time.sleep(0.02)

    def _read(self, stream):
        for raw in iter(stream.readline, b""):
            with self._lock:
                self.lines.append(raw.decode("utf-8", "replace"))

    @property
    def log(self):
        with self._lock:
            return "".join(self.lines)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def wait_for_log(self, text, timeout=10):
        """The access line is written after the answer went out: wait for it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.log:
                return True
            time.sleep(0.02)
        return text in self.log

    def wait_exit(self, timeout=20):
        rc = self.proc.wait(timeout)
        for t in self._readers:
            t.join(5)
        return rc

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for t in self._readers:
            t.join(5)
        self.proc.stdout.close()
        self.proc.stderr.close()
        return self.proc.returncode


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

"""proxy_process.py: ssmview-proxy as a process of a Python test, in an environment of the test's own.

Index
    PROXY          the program: $SSMVIEW_PROXY_BIN, else the native preset's build/native/proxy/ssmview-proxy
    clean_env      an environment with nothing of the machine's AWS setup in it
    ProxyProcess   ssmview-proxy on 127.0.0.1:0: waits for its "listening on" line, keeps its log,
                   dies with the test runner, stop() ends it (SIGTERM, then SIGKILL)

Used by tests/proxy/proxy_harness.py (the proxy's own tests) and tests/cli/fetch_follow_test.py
(the CLI through a proxy). Flow: clean_env(home, KEY=value...) -> ProxyProcess(args, env) -> .port /
.url / .log while it runs -> .stop() (returns the exit status; never leaves the process behind).
"""

import ctypes
import os
import re
import signal
import subprocess
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROXY = os.environ.get("SSMVIEW_PROXY_BIN", os.path.join(HERE, "..", "..", "build", "native", "proxy", "ssmview-proxy"))

# ---- clean_env ------------------------------------------------------------------------------

# Sanitizer settings pass through: scripts/test.sh sets them for the ASan build (halt_on_error makes
# undefined behaviour fail the test), and they carry no AWS setup.
_KEPT = ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS")


def clean_env(home, **extra):
    """No AWS_* from the machine, no ~/.aws (HOME is `home`, which the caller owns and removes), no
    IMDS: every source a test wants, it adds. A value of None removes that variable."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": home,
        "LC_ALL": "C.UTF-8",
        "AWS_CONFIG_FILE": os.path.join(home, "no-config"),
        "AWS_SHARED_CREDENTIALS_FILE": os.path.join(home, "no-credentials"),
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_PAGER": "",
    }
    env.update({k: os.environ[k] for k in _KEPT if k in os.environ})
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
    """ssmview-proxy with `args` (plus --listen 127.0.0.1:0 unless given) in `env`. `port` is None
    when it did not start listening within start_timeout (it exited, or never said so)."""

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

"""tests/proxy/run_script_test.py: scripts/run.sh starts the page and the simulated proxy together, and stops both.

Index
  RunScript        scripts/run.sh with SSMVIEW_SKIP_BUILD=1 (the binaries of this build, a stand-in
                   site folder), free ports, in its own process group like a terminal's job
  RunScriptTest    both answer (the page, the proxy with CORS for that page); the printed live link
                   names the simulated deploy; Ctrl+C stops both; a busy port or a server that ends
                   stops everything with a message

The script runs as the README's command does, except that it does not build: the build is this
test's own (SSMVIEW_PROXY_BIN, SSMVIEW_BIN), and the site is a one-file folder. Ports are free
ones picked here; everything binds 127.0.0.1 and is stopped by the test.
"""
import http.client
import json
import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
PROXY = os.environ["SSMVIEW_PROXY_BIN"]
CLI = os.environ["SSMVIEW_BIN"]
DEPLOY = ("7c1e2b9a-4f3d-4e8a-9b61-2d5f0c3a8e17", "i-0a3f5c9e71b2d4086")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def children_of(pid):
    """Processes whose parent is `pid` (read from /proc: no extra package needed)."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == pid:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                out.append((int(entry), f.read().replace(b"\0", b" ").decode()))
    return out


class RunScript:
    def __init__(self, page_port, proxy_port):
        self.site = tempfile.TemporaryDirectory(prefix="ssmview-run-test-")
        with open(os.path.join(self.site.name, "index.html"), "w") as f:
            f.write("<!doctype html><title>stand-in page</title>\n")
        env = dict(os.environ, SSMVIEW_SKIP_BUILD="1", SSMVIEW_SITE_DIR=self.site.name, SSMVIEW_PROXY_BIN=PROXY,
                   SSMVIEW_CLI_BIN=CLI, PORT=str(page_port), PROXY_PORT=str(proxy_port))
        self.proc = subprocess.Popen(["bash", os.path.join(ROOT, "scripts", "run.sh")], env=env,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self.lines = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for raw in iter(self.proc.stdout.readline, b""):
            self.lines.append(raw.decode("utf-8", "replace"))

    @property
    def text(self):
        return "".join(self.lines)

    def wait_for(self, needle, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.text:
                return True
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        return needle in self.text

    def ctrl_c(self):
        """What a terminal does on Ctrl+C: SIGINT to the whole foreground process group."""
        os.killpg(self.proc.pid, signal.SIGINT)

    def wait(self, timeout=20):
        code = self.proc.wait(timeout)
        self.reader.join(5)
        return code

    def close(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.reader.join(5)
        self.proc.stdout.close()
        self.site.cleanup()


class RunScriptTest(unittest.TestCase):
    def setUp(self):
        self.page_port, self.proxy_port = free_port(), free_port()
        self.run_script = None

    def tearDown(self):
        if self.run_script:
            self.run_script.close()

    def start(self):
        self.run_script = RunScript(self.page_port, self.proxy_port)
        return self.run_script

    def test_both_servers_answer_and_ctrl_c_stops_both(self):
        r = self.start()
        self.assertTrue(r.wait_for("Ctrl+C stops both servers."), r.text)
        script_children = children_of(r.proc.pid)
        self.assertEqual(len(script_children), 2, script_children)

        page = http.client.HTTPConnection("127.0.0.1", self.page_port, timeout=10)
        page.request("GET", "/")
        self.assertIn(b"stand-in page", page.getresponse().read())
        page.close()

        origin = f"http://127.0.0.1:{self.page_port}"
        proxy = http.client.HTTPConnection("127.0.0.1", self.proxy_port, timeout=10)
        proxy.request("POST", "/", body=b"{}", headers={
            "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonSSM.ListCommands", "Origin": origin})
        answer = proxy.getresponse()
        body = json.loads(answer.read())
        proxy.close()
        self.assertEqual(answer.status, 200)
        self.assertEqual(answer.getheader("Access-Control-Allow-Origin"), origin)  # the page on PORT may call it
        self.assertEqual(body["Commands"][0]["CommandId"], DEPLOY[0])

        self.assertIn(f"ssmview is served on   http://127.0.0.1:{self.page_port}/", r.text)
        self.assertIn(f"#fetch?command={DEPLOY[0]}&instance={DEPLOY[1]}&proxy=", r.text)
        self.assertIn(f"follow --proxy http://127.0.0.1:{self.proxy_port} --command-id {DEPLOY[0]}", r.text)
        self.assertIn("ssmview-proxy: listening on", r.text)  # the proxy's own log reaches the terminal

        r.ctrl_c()
        self.assertEqual(r.wait(), 130)
        self.assertIn("ssmview: stopped (page server and ssmview-proxy)", r.text)
        self.assertFalse(answers(self.page_port))
        self.assertFalse(answers(self.proxy_port))
        for pid, _ in script_children:
            self.assertFalse(os.path.exists(f"/proc/{pid}"), f"process {pid} outlived the script")

    def test_a_busy_proxy_port_is_reported_and_nothing_is_left_running(self):
        with socket.socket() as busy:
            busy.bind(("127.0.0.1", self.proxy_port))
            busy.listen(1)
            r = self.start()
            self.assertEqual(r.wait(), 1)
        self.assertIn(f"ssmview: ssmview-proxy did not start on 127.0.0.1:{self.proxy_port}", r.text)
        self.assertIn("PROXY_PORT=9787", r.text)
        self.assertFalse(answers(self.page_port))

    def test_when_the_page_server_ends_the_proxy_is_stopped_too(self):
        r = self.start()
        self.assertTrue(r.wait_for("Ctrl+C stops both servers."), r.text)
        page_server = [pid for pid, cmd in children_of(r.proc.pid) if "http.server" in cmd]
        self.assertEqual(len(page_server), 1)
        os.kill(page_server[0], signal.SIGTERM)
        self.assertEqual(r.wait(), 1)
        self.assertIn("the page server stopped", r.text)
        self.assertIn("stopping ssmview-proxy", r.text)
        self.assertFalse(answers(self.proxy_port))


if __name__ == "__main__":
    unittest.main()

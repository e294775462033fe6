#!/usr/bin/python3
"""ssmview-proxy's front as a page and an operator see it: /healthz, CORS for the allowed page
(with Private Network Access), what passes through from AWS, what happens when AWS is slow or
gone, and the access log's lines.
"""

import http.client
import json
import os
import re
import socket
import time
import unittest

from proxy_harness import (BEARER, ENV_KEY, FIXTURES, REGION, ProxyTestCase, clean_env, fake_keys, ssm_headers)
from fake_aws import FakeAws, SsmService

INVOCATIONS = os.path.join(FIXTURES, "invocations")
SUCCESS = ("1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7", "i-0802cc9316fe86d8a")
UNKNOWN = ("00000000-1111-4222-8333-444444444444", "i-0123456789abcdef0")
PAGE = "http://127.0.0.1:8080"
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z peer=127\.0\.0\.1 method=\S+ path=\S+ origin=\S+ "
                      r"action=\S+ status=\d{3} latency_ms=\d+\.\d{3}$")


def request(ids):
    return json.dumps({"CommandId": ids[0], "InstanceId": ids[1]}).encode()


class Front(ProxyTestCase):
    def setUp(self):
        super().setUp()
        self.fake = FakeAws(fake_keys(), REGION, [SsmService([INVOCATIONS])]).start()

    def tearDown(self):
        self.fake.stop()
        super().tearDown()

    def proxy(self, *args, endpoint=None):
        env = clean_env(self.home, AWS_ACCESS_KEY_ID=ENV_KEY[0], AWS_SECRET_ACCESS_KEY=ENV_KEY[1])
        return self.start_proxy(["--endpoint-url", endpoint or self.fake.url, "--region", REGION] + list(args), env)

    # ---- /healthz ---------------------------------------------------------------------------

    def test_healthz_says_what_the_proxy_would_do_without_touching_aws(self):
        p = self.proxy("--allow-origin", "https://ssmview.example.org/", "--max-body", "4096")
        a = self.call(p, "GET", "/healthz")
        self.assertEqual(a.status, 200)
        self.assertEqual(a.header("Content-Type"), "application/json")
        self.assertEqual(a.header("Cache-Control"), "no-store")
        h = a.json()
        self.assertEqual(list(h), ["status", "proxy", "version", "simulated", "listen", "token_required",
                                   "allowed_origins", "allowlist", "limits", "upstream"])
        self.assertEqual(h["status"], "ok")
        self.assertEqual(h["proxy"], "ssmview-proxy")
        self.assertIs(h["simulated"], False)
        self.assertEqual(h["listen"], f"127.0.0.1:{p.port}")
        self.assertIs(h["token_required"], False)
        self.assertEqual(h["allowed_origins"], ["https://ssmview.example.org"])
        self.assertEqual(h["allowlist"], {"ssm": ["GetCommandInvocation", "ListCommandInvocations", "ListCommands"],
                                          "logs": ["GetLogEvents", "FilterLogEvents"],
                                          "s3": ["GetObject", "HeadObject"]})
        self.assertEqual(h["limits"]["max_body_bytes"], 4096)
        up = h["upstream"]
        self.assertEqual(up["upstream"], "aws")
        self.assertEqual((up["region"], up["region_source"]), (REGION, "--region"))
        self.assertEqual(up["endpoints"], {"ssm": {"url": self.fake.url, "source": "--endpoint-url"},
                                           "logs": {"url": self.fake.url, "source": "--endpoint-url"},
                                           "s3": {"url": self.fake.url, "source": "--endpoint-url"}})
        self.assertEqual(up["credentials"]["source"], "environment")
        self.assertIs(up["credentials"]["resolved"], True)
        self.assertNotIn(ENV_KEY[0], a.body.decode())
        self.assertEqual(self.fake.recorded, [])  # health never asks AWS

    def test_healthz_of_the_simulator(self):
        p = self.start_proxy(["--simulate"], clean_env(self.home))
        h = self.call(p, "GET", "/healthz").json()
        self.assertIs(h["simulated"], True)
        self.assertEqual(h["upstream"]["upstream"], "simulated")

    def test_a_body_sent_with_healthz_is_never_read_as_the_next_request(self):
        # /healthz is answered without reading a body: the connection must close after it, or the
        # body's bytes would be parsed as a second request (a request smuggled past the front).
        p = self.proxy()
        smuggled = b"GET /smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        s = socket.create_connection(("127.0.0.1", p.port), timeout=10)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: %d\r\n\r\n" % len(smuggled) +
                  smuggled)
        reply = b""
        while True:
            data = s.recv(65536)
            if not data:
                break
            reply += data
        s.close()
        self.assertTrue(reply.startswith(b"HTTP/1.1 200 "), reply)
        self.assertEqual(reply.count(b"HTTP/1.1 "), 1, reply)
        head = reply.split(b"\r\n\r\n", 1)[0].lower()
        self.assertIn(b"\r\nconnection: close", head)
        self.assertLogged(p, "path=/healthz origin=- action=healthz status=200")
        self.assertNotIn("/smuggled", p.log)

    # ---- CORS -------------------------------------------------------------------------------

    def test_the_allowed_page_gets_its_preflight_with_private_network_access(self):
        p = self.proxy()
        for origin in (PAGE, "http://localhost:8080"):
            a = self.call(p, "OPTIONS", "/", {
                "Origin": origin, "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization, content-type, x-amz-target",
                "Access-Control-Request-Private-Network": "true"})
            self.assertEqual(a.status, 204, a.raw())
            self.assertEqual(a.header("Access-Control-Allow-Origin"), origin)
            self.assertEqual(a.header("Access-Control-Allow-Private-Network"), "true")
            self.assertEqual(a.header("Access-Control-Allow-Methods"), "GET, POST")
            allowed = [h.strip() for h in a.header("Access-Control-Allow-Headers").split(",")]
            for h in ("authorization", "content-type", "x-amz-target", "range"):
                self.assertIn(h, allowed)
            self.assertIn("Origin", a.header("Vary"))
            self.assertEqual(a.body, b"")
        # Without the PNA question there is no PNA grant.
        a = self.call(p, "OPTIONS", "/", {"Origin": PAGE, "Access-Control-Request-Method": "POST"})
        self.assertEqual(a.status, 204)
        self.assertIsNone(a.header("Access-Control-Allow-Private-Network"))
        # A header the proxy does not take is refused by name.
        a = self.call(p, "OPTIONS", "/", {"Origin": PAGE, "Access-Control-Request-Method": "POST",
                                          "Access-Control-Request-Headers": "content-type, x-evil"})
        self.assertEqual(a.status, 403)
        self.assertIn("x-evil", a.json()["message"])
        self.assertEqual(self.fake.recorded, [])  # preflights are never forwarded

    def test_the_allowed_page_reads_answers_and_errors(self):
        p = self.proxy()
        a = self.call(p, "POST", "/", ssm_headers("GetCommandInvocation", Origin=PAGE), request(SUCCESS))
        self.assertEqual(a.status, 200)
        self.assertEqual(a.header("Access-Control-Allow-Origin"), PAGE)
        self.assertEqual(a.header("Access-Control-Expose-Headers"), "x-amzn-requestid, x-amzn-errortype, content-range, etag, x-amz-request-id")
        self.assertEqual(a.header("Vary"), "Origin")
        a = self.call(p, "POST", "/", ssm_headers("GetCommandInvocation", Origin=PAGE), request(UNKNOWN))
        self.assertEqual(a.status, 400)
        self.assertEqual(a.header("Access-Control-Allow-Origin"), PAGE)
        # Without an Origin (the CLI, curl): no grant, still Vary.
        a = self.call(p, "POST", "/", ssm_headers("GetCommandInvocation"), request(SUCCESS))
        self.assertIsNone(a.header("Access-Control-Allow-Origin"))
        self.assertEqual(a.header("Vary"), "Origin")

    # ---- pass-through -----------------------------------------------------------------------

    def test_status_body_and_aws_headers_pass_through_unchanged(self):
        p = self.proxy()
        with open(os.path.join(INVOCATIONS, "success.json"), "rb") as f:
            fixture = f.read()
        a = self.call(p, "POST", "/", ssm_headers("GetCommandInvocation"), request(SUCCESS))
        self.assertEqual((a.status, a.body), (200, fixture))
        self.assertEqual(a.header("Content-Type"), "application/x-amz-json-1.1")
        self.assertRegex(a.header("x-amzn-RequestId"), r"^fa4e0000-0000-4000-8000-\d{12}$")
        a = self.call(p, "POST", "/", ssm_headers("GetCommandInvocation"), request(UNKNOWN))
        self.assertEqual((a.status, a.body), (400, b'{"__type":"InvocationDoesNotExist"}'))
        self.assertEqual(a.header("x-amzn-ErrorType"), "InvocationDoesNotExist")
        self.assertIsNotNone(a.header("x-amzn-RequestId"))
        # What reached AWS: the protocol's headers and the proxy's signature, nothing of the client's.
        self.fake.reset()
        self.call(p, "POST", "/", ssm_headers("GetCommandInvocation", Cookie="session=1", Origin=PAGE,
                                              **{"X-Forwarded-For": "10.0.0.1", "X-Amz-Security-Token": "client"}),
                  request(SUCCESS))
        rec = self.fake.recorded[0]
        self.assertTrue(rec.signature_ok, rec)
        names = {n.lower() for n, _ in rec.headers}
        for absent in ("cookie", "origin", "x-forwarded-for", "x-amz-security-token"):
            self.assertNotIn(absent, names)
        self.assertEqual(rec.header("Host"), f"127.0.0.1:{self.fake.port}")
        self.assertEqual(rec.body, request(SUCCESS))

    def test_a_connection_carries_many_requests(self):
        p = self.proxy()
        conn = http.client.HTTPConnection("127.0.0.1", p.port, timeout=10)
        for _ in range(5):
            conn.request("POST", "/", body=request(SUCCESS), headers=ssm_headers("GetCommandInvocation"))
            r = conn.getresponse()
            r.read()
            self.assertEqual(r.status, 200)
        conn.close()
        self.assertEqual(len(self.fake.recorded), 5)

    # ---- upstream failures ------------------------------------------------------------------

    def test_a_slow_upstream_gets_504(self):
        p = self.proxy("--upstream-timeout", "0.5")
        self.fake.delay_s = 3
        start = time.monotonic()
        a = self.call(p, "POST", "/", ssm_headers("GetCommandInvocation", Origin=PAGE), request(SUCCESS))
        took = time.monotonic() - start
        self.assertEqual(a.status, 504, a.raw())
        self.assertEqual(a.header("x-amzn-ErrorType"), "UpstreamTimeoutException")
        self.assertEqual(a.header("Access-Control-Allow-Origin"), PAGE)
        self.assertTrue(a.json()["message"].startswith("ssmview-proxy got no answer from upstream in time: "), a.json())
        self.assertIn(self.fake.url, a.json()["message"])
        self.assertLess(took, 2.5)

    def test_an_unreachable_upstream_gets_502(self):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
        s.close()  # nothing listens there now
        p = self.proxy(endpoint=f"http://127.0.0.1:{closed_port}")
        a = self.call(p, "POST", "/", ssm_headers("GetCommandInvocation"), request(SUCCESS))
        self.assertEqual(a.status, 502, a.raw())
        body = a.json()
        self.assertEqual(body["__type"], "UpstreamUnreachableException")
        self.assertTrue(body["message"].startswith("ssmview-proxy could not reach upstream: "), body)
        self.assertIn(f"127.0.0.1:{closed_port}", body["message"])

    def test_sigterm_stops_the_proxy_cleanly(self):
        p = self.proxy()
        self.assertEqual(self.call(p, "GET", "/healthz").status, 200)
        start = time.monotonic()
        self.assertEqual(p.stop(), 0)
        self.assertLess(time.monotonic() - start, 12)
        self.assertIn("ssmview-proxy: stopped", p.log)

    # ---- the access log ---------------------------------------------------------------------

    def test_one_line_per_request_and_nothing_secret_in_it(self):
        token = self.write("token", BEARER)
        p = self.proxy("--token-file", token)
        auth = {"Authorization": "Bearer " + BEARER}
        # A line is written once its answer went out, so the next request waits for it (lines of
        # overlapping requests may come in either order).
        self.call(p, "POST", "/", ssm_headers("GetCommandInvocation", Origin=PAGE, **auth), request(SUCCESS))
        self.assertLogged(p, "origin=http://127.0.0.1:8080 action=ssm:GetCommandInvocation status=200")
        self.call(p, "POST", "/", ssm_headers("SendCommand", **auth), b'{"secret":"body-never-logged"}')
        self.assertLogged(p, "action=AmazonSSM.SendCommand status=403")
        self.call(p, "GET", "/healthz", auth)
        self.assertLogged(p, "action=healthz status=200")
        self.call(p, "OPTIONS", "/", {"Origin": PAGE, "Access-Control-Request-Method": "POST"})
        self.assertLogged(p, "action=preflight status=204")
        self.call(p, "POST", "/", ssm_headers("GetCommandInvocation", Authorization="Bearer wrong-wrong-wrong-1"),
                  request(SUCCESS))
        self.assertLogged(p, "action=AmazonSSM.GetCommandInvocation status=401")
        # Paths that try to forge a log line or a terminal sequence: written escaped.
        self.call(p, "GET", "/x%0d%0aforged", auth)
        self.assertLogged(p, "path=/x%0d%0aforged ")
        s = socket.create_connection(("127.0.0.1", p.port), timeout=10)
        s.sendall(b"GET /y\x1b[31mred\x7f HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + BEARER.encode() +
                  b"\r\nConnection: close\r\n\r\n")
        while s.recv(65536):
            pass
        s.close()
        self.assertLogged(p, "path=/y\\x1B[31mred\\x7F ")
        lines = [l.rstrip("\n") for l in p.log.splitlines(True) if not l.startswith("ssmview-proxy:")]
        self.assertEqual(len(lines), 7, lines)
        for l in lines:
            self.assertRegex(l, LOG_LINE)
        self.assertNotIn("body-never-logged", p.log)
        self.assertNotIn("wrong-wrong-wrong", p.log)
        self.assertNotIn("CommandId", p.log)


if __name__ == "__main__":
    unittest.main()

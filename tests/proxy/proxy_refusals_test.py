#!/usr/bin/python3
"""What ssmview-proxy refuses, how, and that a refused request never reaches AWS.

Each refusal is an awsJson error ({"__type", "message"} + x-amzn-ErrorType) whose message names
ssmview-proxy (how core/service_error.cpp tells the proxy's refusals from AWS's), the fake AWS
behind the proxy records no request at all, and (ProxyTestCase) no secret shows in any answer or
log line. Refusals at start (a non-loopback address without a token, a weak token) exit 2 before
anything listens.
"""

import json
import os
import socket
import time
import unittest

from proxy_harness import (BEARER, ENV_KEY, FIXTURES, REGION, ProxyTestCase, clean_env, fake_keys,
                           ssm_headers)
from fake_aws import FakeAws, SsmService

INVOCATIONS = os.path.join(FIXTURES, "invocations")
SUCCESS = ("1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7", "i-0802cc9316fe86d8a")
REQUEST = json.dumps({"CommandId": SUCCESS[0], "InstanceId": SUCCESS[1]}).encode()
PAGE = "http://127.0.0.1:8080"


class Refusals(ProxyTestCase):
    def setUp(self):
        super().setUp()
        self.fake = FakeAws(fake_keys(), REGION, [SsmService([INVOCATIONS])]).start()

    def tearDown(self):
        try:
            # The one assertion every refusal shares: AWS never heard of it.
            self.assertEqual(self.fake.recorded, [], "a refused request reached upstream")
        finally:
            self.fake.stop()
            super().tearDown()

    def proxy(self, *args, **env):
        e = clean_env(self.home, AWS_ACCESS_KEY_ID=ENV_KEY[0], AWS_SECRET_ACCESS_KEY=ENV_KEY[1], **env)
        return self.start_proxy(["--endpoint-url", self.fake.url, "--region", REGION] + list(args), e)

    def assertRefused(self, answer, status, error_type, *words):
        self.assertEqual(answer.status, status, answer.raw())
        self.assertEqual(answer.header("x-amzn-ErrorType"), error_type)
        self.assertEqual(answer.header("Content-Type"), "application/x-amz-json-1.1")
        body = answer.json()
        self.assertEqual(set(body), {"__type", "message"})
        self.assertEqual(body["__type"], error_type)
        self.assertIn("ssmview-proxy", body["message"])
        for w in words:
            self.assertIn(w, body["message"])
        return body

    # ---- allowlist --------------------------------------------------------------------------

    def test_an_action_outside_the_allowlist_gets_403(self):
        p = self.proxy()
        for target in ("AmazonSSM.SendCommand", "AmazonSSM.GetParameter", "Logs_20140328.PutLogEvents",
                       "AmazonSSM.getcommandinvocation", "AmazonSSM.GetCommandInvocation.x", "AmazonSSM"):
            a = self.call(p, "POST", "/", {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target}, b"{}")
            self.assertRefused(a, 403, "AccessDeniedException", "is not allowed by ssmview-proxy",
                               "AmazonSSM.GetCommandInvocation, AmazonSSM.ListCommandInvocations, AmazonSSM.ListCommands, "
                               "Logs_20140328.GetLogEvents, Logs_20140328.FilterLogEvents")
        self.assertLogged(p, "action=Logs_20140328.PutLogEvents status=403")

    def test_allow_action_narrows_the_allowlist(self):
        p = self.proxy("--allow-action", "ssm:GetCommandInvocation")
        a = self.call(p, "POST", "/", ssm_headers("ListCommands"), b"{}")
        body = self.assertRefused(a, 403, "AccessDeniedException", "it forwards only AmazonSSM.GetCommandInvocation)")
        self.assertNotIn("ListCommandInvocations", body["message"])
        health = self.call(p, "GET", "/healthz").json()
        self.assertEqual(health["allowlist"], {"ssm": ["GetCommandInvocation"]})

    def test_allow_action_cannot_widen_the_allowlist(self):
        p = self.start_proxy(["--allow-action", "SendCommand"], clean_env(self.home), expect_listening=False)
        self.assertEqual(p.wait_exit(), 2)
        self.assertIn("--allow-action SendCommand: not one of the read-only actions ssmview-proxy can forward", p.log)

    def test_requests_outside_the_protocol_are_refused(self):
        p = self.proxy()
        self.assertRefused(self.call(p, "GET", "/"), 404, "UnknownOperationException", "not GET /")
        self.assertRefused(self.call(p, "POST", "/other", ssm_headers("ListCommands"), b"{}"), 404,
                           "UnknownOperationException")
        self.assertRefused(self.call(p, "POST", "/", {"Content-Type": "application/x-amz-json-1.1"}, b"{}"), 400,
                           "UnknownOperationException", "X-Amz-Target")
        self.assertRefused(self.call(p, "POST", "/", ssm_headers("ListCommands", **{"Content-Type": "text/plain"}),
                                     b"{}"), 400, "UnknownOperationException", "not text/plain")

    # ---- origin and host --------------------------------------------------------------------

    def test_a_page_from_another_origin_is_refused_without_cors_grants(self):
        p = self.proxy()
        evil = "https://evil.example"
        a = self.call(p, "POST", "/", ssm_headers("GetCommandInvocation", Origin=evil), REQUEST)
        self.assertRefused(a, 403, "AccessDeniedException", "the origin https://evil.example is not allowed",
                           "--allow-origin https://evil.example")
        self.assertIsNone(a.header("Access-Control-Allow-Origin"))
        pre = self.call(p, "OPTIONS", "/", {"Origin": evil, "Access-Control-Request-Method": "POST",
                                            "Access-Control-Request-Headers": "content-type,x-amz-target",
                                            "Access-Control-Request-Private-Network": "true"})
        self.assertRefused(pre, 403, "AccessDeniedException", "https://evil.example")
        for h in ("Access-Control-Allow-Origin", "Access-Control-Allow-Private-Network",
                  "Access-Control-Allow-Methods", "Access-Control-Allow-Headers"):
            self.assertIsNone(pre.header(h), h)
        # An allowed page's origin on another port is another origin.
        a = self.call(p, "POST", "/", ssm_headers("GetCommandInvocation", Origin="http://127.0.0.1:8081"), REQUEST)
        self.assertEqual(a.status, 403)
        self.assertLogged(p, "origin=https://evil.example action=preflight status=403")

    def test_a_host_that_is_not_loopback_is_refused(self):
        # DNS rebinding: evil.example re-resolved to 127.0.0.1 is "same origin" for its page.
        p = self.proxy()
        a = self.call(p, "GET", "/healthz", {"Host": f"evil.example:{p.port}"})
        self.assertRefused(a, 403, "AccessDeniedException", "Host: evil.example")
        a = self.call(p, "POST", "/", ssm_headers("GetCommandInvocation", Host="evil.example"), REQUEST)
        self.assertEqual(a.status, 403)

    # ---- size -------------------------------------------------------------------------------

    def test_an_oversized_body_gets_413(self):
        p = self.proxy("--max-body", "1024")
        a = self.call(p, "POST", "/", ssm_headers("GetCommandInvocation"), b"{" + b" " * 2048 + b"}")
        self.assertRefused(a, 413, "RequestEntityTooLargeException", "2050 bytes", "--max-body 1024")
        self.assertEqual(a.header("Connection"), "close")
        # Chunked: no length announced, the limit applies while reading.
        s = socket.create_connection(("127.0.0.1", p.port), timeout=10)
        chunk = b"x" * 1500
        s.sendall(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
                  b"X-Amz-Target: AmazonSSM.GetCommandInvocation\r\nTransfer-Encoding: chunked\r\n\r\n" +
                  b"%x\r\n" % len(chunk) + chunk + b"\r\n0\r\n\r\n")
        reply = read_all(s)
        self.assertTrue(reply.startswith(b"HTTP/1.1 413 "), reply)
        self.assertIn(b'"__type":"RequestEntityTooLargeException"', reply)

    # ---- slow clients -----------------------------------------------------------------------

    def trickle(self, port, head, every_s, limit_s):
        """Send `head` one byte every `every_s`; return (seconds until the proxy answered or closed, reply)."""
        s = socket.create_connection(("127.0.0.1", port), timeout=limit_s + 5)
        s.setblocking(True)
        start = time.monotonic()
        reply = b""
        for i in range(len(head)):
            try:
                s.sendall(head[i:i + 1])
            except OSError:
                break
            s.settimeout(every_s)
            try:
                data = s.recv(65536)
                reply += data
                if data == b"" or reply:
                    break
            except socket.timeout:
                pass
            if time.monotonic() - start > limit_s:
                break
        s.settimeout(5)
        try:
            reply += read_all(s)
        except OSError:
            pass
        return time.monotonic() - start, reply

    def test_a_slow_client_is_cut_off_within_the_request_timeout(self):
        p = self.proxy("--request-timeout", "1")
        head = (b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
                b"X-Amz-Target: AmazonSSM.GetCommandInvocation\r\nContent-Length: 2\r\n\r\n{}")
        # Headers trickling in, one byte every 100 ms: never idle, never complete.
        took, reply = self.trickle(p.port, head, 0.1, 6)
        self.assertLess(took, 2.5)
        self.assertGreater(took, 0.9)
        self.assertTrue(reply.startswith(b"HTTP/1.1 408 "), reply)
        self.assertIn(b'"__type":"RequestTimeoutException"', reply)
        self.assertIn(b"did not receive the whole request within 1 s (--request-timeout)", reply)
        # The request line itself trickling in.
        took, reply = self.trickle(p.port, b"POST /" + b"a" * 100 + b" HTTP/1.1\r\n", 0.1, 6)
        self.assertLess(took, 2.5)
        self.assertTrue(reply.startswith(b"HTTP/1.1 408 "), reply)
        # A body that stops halfway.
        s = socket.create_connection(("127.0.0.1", p.port), timeout=10)
        start = time.monotonic()
        s.sendall(head.replace(b"Content-Length: 2", b"Content-Length: 200"))
        reply = read_all(s)
        self.assertLess(time.monotonic() - start, 2.5)
        self.assertTrue(reply.startswith(b"HTTP/1.1 408 "), reply)
        self.assertLogged(p, "status=408")

    def test_an_idle_connection_is_closed(self):
        p = self.proxy("--request-timeout", "1")
        s = socket.create_connection(("127.0.0.1", p.port), timeout=10)
        start = time.monotonic()
        self.assertEqual(read_all(s), b"")  # closed without a word: nothing was asked
        self.assertLess(time.monotonic() - start, 2.5)

    # ---- token ------------------------------------------------------------------------------

    def test_with_a_token_every_request_but_preflights_needs_it(self):
        token_file = self.write("token", BEARER + "\n")
        p = self.proxy("--token-file", token_file)
        cases = [({}, "requires a bearer token"),
                 ({"Authorization": "Bearer wrong-token-0123456789"}, "does not match"),
                 ({"Authorization": "Basic " + BEARER}, "Authorization: Bearer <token>"),
                 ({"Authorization": "Bearer"}, "Authorization: Bearer <token>"),
                 ({"Authorization": "Bearer " + BEARER + "x"}, "does not match")]
        for extra, words in cases:
            a = self.call(p, "POST", "/", ssm_headers("GetCommandInvocation", **extra), REQUEST)
            self.assertRefused(a, 401, "UnauthorizedException", words)
            self.assertEqual(a.header("WWW-Authenticate"), 'Bearer realm="ssmview-proxy"')
        self.assertRefused(self.call(p, "GET", "/healthz"), 401, "UnauthorizedException")
        # An allowed page can read the refusal.
        a = self.call(p, "POST", "/", ssm_headers("GetCommandInvocation", Origin=PAGE), REQUEST)
        self.assertEqual(a.status, 401)
        self.assertEqual(a.header("Access-Control-Allow-Origin"), PAGE)
        # Preflights carry no credentials, and need none.
        pre = self.call(p, "OPTIONS", "/", {"Origin": PAGE, "Access-Control-Request-Method": "POST",
                                            "Access-Control-Request-Headers": "authorization,content-type,x-amz-target"})
        self.assertEqual(pre.status, 204)
        self.assertEqual(self.fake.recorded, [])
        # The right token goes through (case-insensitive scheme, as RFC 7235 says).
        a = self.call(p, "POST", "/", ssm_headers("GetCommandInvocation", Authorization="bearer " + BEARER), REQUEST)
        self.assertEqual(a.status, 200, a.raw())
        self.assertEqual(len(self.fake.recorded), 1)
        self.assertTrue(self.fake.recorded[0].signature_ok)
        self.assertIsNone(self.fake.recorded[0].header("Authorization").startswith("Bearer") or None)
        self.fake.recorded.clear()  # the one request that was meant to reach upstream
        self.assertTrue(self.call(p, "GET", "/healthz", {"Authorization": "Bearer " + BEARER}).json()["token_required"])

    def test_listening_off_loopback_without_a_token_is_refused_at_start(self):
        for listen in ("0.0.0.0:0", "[::]:0", "192.0.2.10:8787"):
            p = self.start_proxy(["--listen", listen], clean_env(self.home), expect_listening=False, listen=False)
            self.assertEqual(p.wait_exit(), 2, p.log)
            self.assertIn("refusing to listen on", p.log)
            self.assertIn("without a bearer token", p.log)
            self.assertNotIn("listening on", p.log)

    def test_a_weak_or_missing_token_is_refused_at_start(self):
        short = self.write("short", "abc\n")
        for args, words in ((["--token", "short"], "is shorter than 16 characters"),
                            (["--token-file", short], "is shorter than 16 characters"),
                            (["--token-file", os.path.join(self.home, "missing")], "no such file"),
                            (["--token", "has spaces in it, 1234"], "contains a space")):
            p = self.start_proxy(args, clean_env(self.home), expect_listening=False)
            self.assertEqual(p.wait_exit(), 2, p.log)
            self.assertIn(words, p.log)

    def test_a_wildcard_origin_is_refused_at_start(self):
        p = self.start_proxy(["--allow-origin", "*"], clean_env(self.home), expect_listening=False)
        self.assertEqual(p.wait_exit(), 2)
        self.assertIn("a wildcard would let every web site act with this proxy's AWS credentials", p.log)


def read_all(s):
    out = b""
    while True:
        try:
            data = s.recv(65536)
        except ConnectionResetError:
            break
        if not data:
            break
        out += data
    s.close()
    return out


if __name__ == "__main__":
    unittest.main()

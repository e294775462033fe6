#!/usr/bin/python3
"""ssmview-proxy signs with credentials from every source of the AWS chain, and AWS accepts them.

"AWS" is tests/support/fake_aws.py: it recomputes each signature with botocore and knows one key
per source (proxy_harness.py), so a request signed with the wrong source's key, or without the
session token of a temporary key, fails there. For each source the proxy starts with only that
source configured (clean_env), forwards one GetCommandInvocation, and must:
    get the fixture's exact bytes back (status 200),
    have signed with that source's key (and its session token, when temporary),
    name the source in /healthz (never the key),
and, like every test here, leak no secret into an answer or a log line (ProxyTestCase).
When no source is usable the request is refused with 503 CredentialsUnavailableException naming
the sources tried, and nothing reaches AWS.
"""

import json
import os
import sys
import unittest

from proxy_harness import (CONTAINER_AUTH_TOKEN, CONTAINER_KEY, ENV_KEY, FIXTURES, IMDS_KEY, PROCESS_KEY,
                           PROFILE_KEY, REGION, ProxyTestCase, clean_env, fake_keys, ssm_headers)
from fake_aws import FakeAws, FakeContainerCredentials, FakeImds, SsmService

INVOCATIONS = os.path.join(FIXTURES, "invocations")
SUCCESS = ("1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7", "i-0802cc9316fe86d8a")
REQUEST = json.dumps({"CommandId": SUCCESS[0], "InstanceId": SUCCESS[1]}).encode()


def fixture_bytes():
    with open(os.path.join(INVOCATIONS, "success.json"), "rb") as f:
        return f.read()


class CredentialSources(ProxyTestCase):
    def setUp(self):
        super().setUp()
        self.fake = FakeAws(fake_keys(), REGION, [SsmService([INVOCATIONS])]).start()

    def tearDown(self):
        self.fake.stop()
        super().tearDown()

    def proxy_with(self, **env):
        return self.start_proxy(["--endpoint-url", self.fake.url, "--region", REGION], clean_env(self.home, **env))

    def forward_one(self, proxy, key, source_words):
        a = self.call(proxy, "POST", "/", ssm_headers("GetCommandInvocation"), REQUEST)
        self.assertEqual(a.status, 200, a.raw())
        self.assertEqual(a.body, fixture_bytes())
        self.assertEqual(len(self.fake.recorded), 1)
        rec = self.fake.recorded[0]
        self.assertTrue(rec.signature_ok, rec)
        self.assertEqual(rec.access_key, key[0])
        self.assertEqual(rec.header("X-Amz-Security-Token"), key[2])
        health = self.call(proxy, "GET", "/healthz").json()
        creds = health["upstream"]["credentials"]
        self.assertTrue(creds["resolved"], creds)
        for w in source_words:
            self.assertIn(w, creds["source"])
        self.assertNotIn(key[0], json.dumps(health))  # not even the access key id
        self.assertLogged(proxy, "action=ssm:GetCommandInvocation status=200")

    def test_environment(self):
        p = self.proxy_with(AWS_ACCESS_KEY_ID=ENV_KEY[0], AWS_SECRET_ACCESS_KEY=ENV_KEY[1])
        self.forward_one(p, ENV_KEY, ["environment"])

    def test_profile_with_static_keys(self):
        creds = self.write("credentials", f"[h5static]\naws_access_key_id = {PROFILE_KEY[0]}\n"
                                          f"aws_secret_access_key = {PROFILE_KEY[1]}\n")
        p = self.proxy_with(AWS_SHARED_CREDENTIALS_FILE=creds, AWS_PROFILE="h5static")
        self.forward_one(p, PROFILE_KEY, ["h5static"])

    def test_profile_with_credential_process(self):
        helper = self.write("helper.py", "import json\nprint(json.dumps({'Version': 1, 'AccessKeyId': %r, "
                                         "'SecretAccessKey': %r, 'SessionToken': %r, "
                                         "'Expiration': '2099-01-01T00:00:00Z'}))\n" % PROCESS_KEY)
        config = self.write("config", f"[profile h5proc]\ncredential_process = {sys.executable} {helper}\n")
        p = self.proxy_with(AWS_CONFIG_FILE=config, AWS_PROFILE="h5proc")
        self.forward_one(p, PROCESS_KEY, ["h5proc", "credential_process"])

    def test_container_endpoint(self):
        with FakeContainerCredentials(*CONTAINER_KEY, CONTAINER_AUTH_TOKEN) as container:
            p = self.proxy_with(AWS_CONTAINER_CREDENTIALS_FULL_URI=container.full_uri,
                                AWS_CONTAINER_AUTHORIZATION_TOKEN=CONTAINER_AUTH_TOKEN)
            self.forward_one(p, CONTAINER_KEY, ["container"])
            self.assertTrue(container.requests)
            self.assertTrue(all(r[2] == CONTAINER_AUTH_TOKEN for r in container.requests), container.requests)

    def test_imdsv2(self):
        with FakeImds(*IMDS_KEY) as imds:
            p = self.proxy_with(AWS_EC2_METADATA_DISABLED=None, AWS_EC2_METADATA_SERVICE_ENDPOINT=imds.url)
            self.forward_one(p, IMDS_KEY, ["IMDSv2", FakeImds.ROLE])
            # The token flow: PUT first, then every GET with the token (IMDSv1 would get 401).
            self.assertEqual(imds.requests[0][:2], ("PUT", "/latest/api/token"))
            self.assertTrue(all(r[2] for r in imds.requests[1:]), imds.requests)

    def test_an_expired_token_answer_makes_the_next_request_resolve_the_credentials_again(self):
        with FakeContainerCredentials(*CONTAINER_KEY, CONTAINER_AUTH_TOKEN) as container:
            p = self.proxy_with(AWS_CONTAINER_CREDENTIALS_FULL_URI=container.full_uri,
                                AWS_CONTAINER_AUTHORIZATION_TOKEN=CONTAINER_AUTH_TOKEN)
            self.assertEqual(self.call(p, "POST", "/", ssm_headers("GetCommandInvocation"), REQUEST).status, 200)
            fetched = len(container.requests)
            self.assertGreaterEqual(fetched, 1)
            # Another error keeps the cached credentials (they expire in an hour).
            self.fake.ssm.script("GetCommandInvocation", 400, {"__type": "com.amazonaws.ssm#AccessDeniedException",
                                                               "message": "not authorized"})
            self.assertEqual(self.call(p, "POST", "/", ssm_headers("GetCommandInvocation"), REQUEST).status, 400)
            self.assertEqual(self.call(p, "POST", "/", ssm_headers("GetCommandInvocation"), REQUEST).status, 400)
            self.assertEqual(len(container.requests), fetched)
            # Revoked early, named with its namespace (the fake copies __type into x-amzn-ErrorType:
            # "com.amazonaws.coral.service#ExpiredTokenException", which a check for the bare word
            # missed). It passes through unchanged; the next request fetches fresh credentials first.
            expired = {"__type": "com.amazonaws.coral.service#ExpiredTokenException",
                       "message": "The security token included in the request is expired"}
            self.fake.ssm.script("GetCommandInvocation", 400, expired)
            a = self.call(p, "POST", "/", ssm_headers("GetCommandInvocation"), REQUEST)
            self.assertEqual((a.status, a.json()), (400, expired))
            del self.fake.ssm.scripted["GetCommandInvocation"]
            self.assertEqual(self.call(p, "POST", "/", ssm_headers("GetCommandInvocation"), REQUEST).status, 200)
            self.assertEqual(len(container.requests), fetched + 1, container.requests)

    def test_no_usable_credentials_refuses_and_nothing_reaches_aws(self):
        p = self.proxy_with()
        a = self.call(p, "POST", "/", ssm_headers("GetCommandInvocation"), REQUEST)
        self.assertEqual(a.status, 503, a.raw())
        self.assertEqual(a.header("x-amzn-ErrorType"), "CredentialsUnavailableException")
        body = a.json()
        self.assertEqual(body["__type"], "CredentialsUnavailableException")
        self.assertTrue(body["message"].startswith(
            "ssmview-proxy has no usable AWS credentials, so it did not send GetCommandInvocation: "), body)
        for source in ("environment", "profile", "container", "IMDS"):
            self.assertIn(source, body["message"])
        self.assertEqual(self.fake.recorded, [])
        health = self.call(p, "GET", "/healthz").json()
        self.assertFalse(health["upstream"]["credentials"]["resolved"])
        self.assertIn("environment", health["upstream"]["credentials"]["error"])
        self.assertLogged(p, "action=ssm:GetCommandInvocation status=503")
        self.assertIn("NO credentials yet", p.log)

    def test_a_failing_credential_process_is_named_and_its_output_never_quoted(self):
        # The helper prints the secret in broken JSON and on stderr, then fails.
        helper = self.write("bad.py", "import sys\nprint('{\"SecretAccessKey\": \"%s\", broken')\n"
                                      "sys.stderr.write('token %s\\n')\nsys.exit(3)\n" % (PROCESS_KEY[1], PROCESS_KEY[2]))
        config = self.write("config", f"[profile h5bad]\ncredential_process = {sys.executable} {helper}\n")
        p = self.proxy_with(AWS_CONFIG_FILE=config, AWS_PROFILE="h5bad")
        a = self.call(p, "POST", "/", ssm_headers("GetCommandInvocation"), REQUEST)
        self.assertEqual(a.status, 503, a.raw())
        self.assertIn("credential_process", a.json()["message"])
        self.assertIn("h5bad", a.json()["message"])
        self.assertEqual(self.fake.recorded, [])


if __name__ == "__main__":
    unittest.main()

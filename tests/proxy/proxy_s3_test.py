#!/usr/bin/python3
"""S3 object reads through ssmview-proxy: the agent's output objects, in the bucket's region.

"AWS" is tests/support/fake_aws.py's S3Service, which checks every signature with botocore's
S3SigV4Auth in the bucket's region. The real AWS CLI v2 is the client: directly (signed by the
CLI) and through the proxy (`--endpoint-url http://127.0.0.1:PROXY/s3/<region> --no-sign-request`,
signed by the proxy), and both must give the same bytes and the same printed metadata. Keys
outside the agent's layout, buckets outside --allow-bucket and other S3 APIs are refused by the
proxy and never reach the fake.

Index
    S3ThroughProxy.test_get_object_whole_and_by_range_the_same_way
    S3ThroughProxy.test_head_object_says_the_size_of_the_object
    S3ThroughProxy.test_a_missing_object_is_access_denied_from_s3
    S3ThroughProxy.test_keys_outside_the_layout_and_other_apis_never_reach_s3
    S3ThroughProxy.test_allow_bucket_narrows_the_buckets
"""

import json
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from proxy_harness import (ENV_KEY, REGION, ProxyTestCase, clean_env, fake_keys, run_aws_cli)  # noqa: E402
from fake_aws import FakeAws, S3Service, SsmService  # noqa: E402

BUCKET = "acme-ssm-output"
BUCKET_REGION = "us-east-2"  # not the proxy's region: the path names it
COMMAND = "0b8f52a2-3a4f-4bd0-9d3e-5f8a0c1d2e3f"
KEY = f"journal/{COMMAND}/i-0123456789abcdef0/awsrunShellScript/0.awsrunShellScript/stdout"
# 200,000 numbered lines, a multi-byte character at the 24,000-byte cut, ANSI kept.
OBJECT = ("x" * 23999 + "\u00e9\n" + "".join(f"\x1b[32mline {i}\x1b[0m\n" for i in range(200000))).encode()


class S3ThroughProxy(ProxyTestCase):
    def setUp(self):
        super().setUp()
        self.fake = FakeAws(fake_keys(), REGION, [SsmService(), S3Service()]).start()
        self.fake.s3.put_object(BUCKET, KEY, OBJECT, region=BUCKET_REGION, content_type="text/plain")
        self.fake.s3.put_object("other-bucket", KEY, b"other\n", region=BUCKET_REGION)
        self.fake.s3.put_object(BUCKET, "secrets/db.env", b"PASSWORD=x\n", region=BUCKET_REGION)
        self.env = clean_env(self.home, AWS_ACCESS_KEY_ID=ENV_KEY[0], AWS_SECRET_ACCESS_KEY=ENV_KEY[1])
        self.proxy = self.start_proxy(["--endpoint-url", self.fake.url, "--region", REGION], self.env)

    def tearDown(self):
        self.fake.stop()
        super().tearDown()

    def aws(self, url, args, signed):
        return run_aws_cli(self.home, url, ["s3api"] + args, signed, BUCKET_REGION)

    def proxied_url(self, proxy=None):
        return (proxy or self.proxy).url + "/s3/" + BUCKET_REGION

    def same_both_ways(self, args, out_file=None):
        self.fake.reset()
        direct = self.aws(self.fake.url, args + ([out_file + ".direct"] if out_file else []), signed=True)
        n_direct = len(self.fake.recorded)
        self.fake.reset()
        proxied = self.aws(self.proxied_url(), args + ([out_file + ".proxied"] if out_file else []), signed=False)
        self.assertEqual(direct, proxied, f"aws s3api {' '.join(args)}: the proxy changed what the CLI gets")
        self.assertEqual(len(self.fake.recorded), n_direct)
        for r in self.fake.recorded:
            self.assertTrue(r.signature_ok, r)
            self.assertEqual(r.access_key, ENV_KEY[0], r)
        if out_file and direct[0] == 0:
            with open(out_file + ".direct", "rb") as a, open(out_file + ".proxied", "rb") as b:
                self.assertEqual(a.read(), b.read())
        return direct

    def test_get_object_whole_and_by_range_the_same_way(self):
        out = os.path.join(self.home, "stdout")
        rc, meta, err = self.same_both_ways(["get-object", "--bucket", BUCKET, "--key", KEY], out)
        self.assertEqual(rc, 0, err)
        with open(out + ".proxied", "rb") as f:
            self.assertEqual(f.read(), OBJECT)
        self.assertEqual(json.loads(meta)["ContentLength"], len(OBJECT))
        rc, meta, err = self.same_both_ways(["get-object", "--bucket", BUCKET, "--key", KEY, "--range", "bytes=23990-24010"], out)
        self.assertEqual(rc, 0, err)
        self.assertEqual(json.loads(meta)["ContentRange"], f"bytes 23990-24010/{len(OBJECT)}")
        with open(out + ".proxied", "rb") as f:
            self.assertEqual(f.read(), OBJECT[23990:24011])

    def test_head_object_says_the_size_of_the_object(self):
        rc, meta, err = self.same_both_ways(["head-object", "--bucket", BUCKET, "--key", KEY])
        self.assertEqual(rc, 0, err)
        self.assertEqual(json.loads(meta)["ContentLength"], len(OBJECT))

    def test_a_missing_object_is_access_denied_from_s3(self):
        missing = KEY.replace("/stdout", "/stderr")
        rc, _, err = self.same_both_ways(["get-object", "--bucket", BUCKET, "--key", missing], os.path.join(self.home, "e"))
        self.assertEqual(rc, 254)
        self.assertIn(b"(AccessDenied) when calling the GetObject operation: Access Denied", err)

    def test_keys_outside_the_layout_and_other_apis_never_reach_s3(self):
        self.fake.reset()
        for args in (["get-object", "--bucket", BUCKET, "--key", "secrets/db.env", os.path.join(self.home, "x")],
                     ["get-object-acl", "--bucket", BUCKET, "--key", KEY],
                     ["list-objects-v2", "--bucket", BUCKET],
                     ["delete-object", "--bucket", BUCKET, "--key", KEY],
                     ["put-object", "--bucket", BUCKET, "--key", KEY]):
            rc, _, err = self.aws(self.proxied_url(), args, signed=False)
            self.assertEqual(rc, 254, args)
            self.assertIn(b"An error occurred", err, args)
        self.assertEqual(self.fake.recorded, [])
        a = self.call(self.proxy, "GET", f"/s3/{BUCKET_REGION}/{BUCKET}/secrets/db.env")
        self.assertEqual(a.status, 403)
        self.assertEqual(a.json()["message"],
                         "ssmview-proxy reads only S3 objects of the SSM agent's output (GET /s3/<region>/<bucket>/"
                         "<prefix>/<CommandId>/<InstanceId>/<plugin>/.../stdout|stderr): the key does not end in "
                         "/stdout or /stderr; the request did not reach AWS")
        self.assertEqual(self.fake.recorded, [])

    def test_allow_bucket_narrows_the_buckets(self):
        p = self.start_proxy(["--endpoint-url", self.fake.url, "--region", REGION, "--allow-bucket", BUCKET], self.env)
        self.fake.reset()
        self.assertEqual(self.call(p, "GET", f"/s3/{BUCKET_REGION}/{BUCKET}/{KEY}").body, OBJECT)
        a = self.call(p, "GET", f"/s3/{BUCKET_REGION}/other-bucket/{KEY}")
        self.assertEqual(a.status, 403)
        self.assertIn("the bucket is not one of --allow-bucket", a.json()["message"])
        self.assertEqual(len(self.fake.recorded), 1)
        self.assertEqual(self.call(p, "GET", "/healthz").json()["allowed_buckets"], [BUCKET])


if __name__ == "__main__":
    unittest.main()

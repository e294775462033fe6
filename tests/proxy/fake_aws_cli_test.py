#!/usr/bin/python3
"""fake_aws_cli_test.py: the real AWS CLI v2 reads CloudWatch Logs and S3 from tests/support/fake_aws.py.

fake_aws's self-test (ctest: fake_aws_self_test) signs with botocore's signers directly. Here a
whole client (the CLI's endpoint rules, serializers, parsers, paginator, retries and S3 region
redirect) talks to the fake as it would to AWS, signed with the test key; every request must pass
the fake's signature check (the one refused on purpose is named). What each case pins down:
    get-log-events --start-from-head   the events in order; at the end, the token it was given
    get-log-events, throttled once     the CLI takes the fake's ThrottlingException for AWS's,
                                       retries, and succeeds
    get-log-events, no stream          ResourceNotFoundException, as the CLI reports it
    filter-log-events --page-size 2    the CLI's paginator follows nextToken until there is none:
                                       every event once, in (timestamp, stream) order
    s3api get-object --range           the exact bytes and ContentRange, in the bucket's region
    s3api head-object                  ContentLength and ETag of the whole object
    s3api get-object, odd key          a key with ':', ' ', '+' and UTF-8, percent-encoded by the CLI
    s3api get-object, other region     the fake's AuthorizationHeaderMalformed names the bucket's
                                       region; the CLI signs again for it and gets the object
    s3api get-object, missing key      403 AccessDenied; 404 NoSuchKey when the caller may list
The CLI runs in an environment with nothing of the machine's AWS setup (clean_env); about a
second per run. Loopback only.
"""

import hashlib
import json
import os
import subprocess
import unittest

from proxy_harness import AWS_CLI, ENV_KEY, ProxyTestCase, clean_env, fake_keys
from fake_aws import FakeAws, LogsService, S3Service, SsmService
import ssm_output_layout as layout

COMMAND = "5c8b4f7e-2d1a-4e3b-9f60-7a1c2b3d4e5f"
INSTANCE = "i-0123456789abcdef0"
OTHER_INSTANCE = "i-0fedcba9876543210"
GROUP = layout.default_log_group("AWS-RunShellScript")
STDOUT = layout.log_stream_name(COMMAND, INSTANCE, "aws:runShellScript", "stdout")
OTHER_STDOUT = layout.log_stream_name(COMMAND, OTHER_INSTANCE, "aws:runShellScript", "stdout")
STDERR = layout.log_stream_name(COMMAND, INSTANCE, "aws:runShellScript", "stderr")
BUCKET, BUCKET_REGION = "ssmview-output", "us-east-2"
KEY = f"p/cmd/{COMMAND}/{INSTANCE}/awsrunShellScript/0.awsrunShellScript/stdout"
OBJECT = "".join("line %05d \u2713\n" % n for n in range(200)).encode("utf-8")  # multi-byte characters too


class AwsCliReadsFakeLogsAndS3(ProxyTestCase):
    def setUp(self):
        super().setUp()
        self.logs = LogsService()
        self.logs.put_events(GROUP, STDOUT, [(1000, "one\n"), (2000, "two\n"), (3000, "three\n")])
        self.logs.put_events(GROUP, OTHER_STDOUT, [(1500, "other one\n"), (3000, "other two\n")])
        self.s3 = S3Service()
        self.s3.put_object(BUCKET, KEY, OBJECT, region=BUCKET_REGION)
        # S3 last: it claims any request without X-Amz-Target.
        self.fake = FakeAws(fake_keys(), "us-east-1", [SsmService(entries={}), self.logs, self.s3]).start()

    def tearDown(self):
        self.fake.stop()
        super().tearDown()

    def aws(self, region, *args):
        env = clean_env(self.home, AWS_ACCESS_KEY_ID=ENV_KEY[0], AWS_SECRET_ACCESS_KEY=ENV_KEY[1], TZ="UTC")
        r = subprocess.run([AWS_CLI, "--endpoint-url", self.fake.url, "--region", region, "--output", "json"]
                           + list(args), env=env, cwd=self.home, capture_output=True, timeout=120)
        for secret in (ENV_KEY[1],):
            self.assertNotIn(secret.encode(), r.stdout + r.stderr)
        return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")

    def assert_signed(self, refused=0):
        """Every request carried a signature the fake accepted, with the CLI's key; the first
        `refused` excepted (refused on purpose)."""
        recorded = self.fake.recorded
        self.assertTrue(recorded)
        self.assertEqual([r.signature_ok for r in recorded], [False] * refused + [True] * (len(recorded) - refused),
                         recorded)
        for r in recorded:
            self.assertEqual(r.access_key, ENV_KEY[0])

    def actions(self):
        return [r.action for r in self.fake.recorded]

    # ---- CloudWatch Logs ----

    def get_log_events(self, *extra):
        rc, out, err = self.aws("us-east-1", "logs", "get-log-events", "--log-group-name", GROUP,
                                "--log-stream-name", STDOUT, "--start-from-head", *extra)
        self.assertEqual((rc, err), (0, ""))
        return json.loads(out)

    def test_get_log_events_reads_from_the_head_and_the_end_gives_back_its_token(self):
        first = self.get_log_events()
        self.assertEqual([(e["timestamp"], e["message"]) for e in first["events"]],
                         [(1000, "one\n"), (2000, "two\n"), (3000, "three\n")])
        end = self.get_log_events("--next-token", first["nextForwardToken"])
        self.assertEqual(end["events"], [])
        self.assertEqual(end["nextForwardToken"], first["nextForwardToken"])
        self.logs.put_events(GROUP, STDOUT, [(4000, "four\n")])
        grown = self.get_log_events("--next-token", first["nextForwardToken"])
        self.assertEqual([e["message"] for e in grown["events"]], ["four\n"])
        self.assertEqual(self.actions(), ["GetLogEvents"] * 3)
        self.assert_signed()

    def test_a_throttled_get_log_events_is_retried_by_the_cli(self):
        self.logs.throttle_next(1)
        self.assertEqual(len(self.get_log_events()["events"]), 3)
        self.assertEqual([(r.action, r.status) for r in self.fake.recorded], [("GetLogEvents", 400), ("GetLogEvents", 200)])
        self.assert_signed()

    def test_a_stream_that_does_not_exist_is_resource_not_found(self):
        rc, out, err = self.aws("us-east-1", "logs", "get-log-events", "--log-group-name", GROUP,
                                "--log-stream-name", STDERR, "--start-from-head")
        self.assertEqual((rc, out), (254, ""))
        self.assertEqual(err.strip(), "An error occurred (ResourceNotFoundException) when calling the GetLogEvents "
                                      "operation: The specified log stream does not exist.")
        self.assert_signed()

    def test_filter_log_events_pages_through_every_instance_of_the_command(self):
        rc, out, err = self.aws("us-east-1", "logs", "filter-log-events", "--log-group-name", GROUP,
                                "--log-stream-name-prefix", COMMAND + "/", "--page-size", "2")
        self.assertEqual((rc, err), (0, ""))
        events = json.loads(out)["events"]
        self.assertEqual([(e["logStreamName"], e["message"]) for e in events],
                         [(STDOUT, "one\n"), (OTHER_STDOUT, "other one\n"), (STDOUT, "two\n"),
                          (STDOUT, "three\n"), (OTHER_STDOUT, "other two\n")])
        self.assertEqual(len({e["eventId"] for e in events}), 5)
        # 5 events, 2 a page: 3 requests, the last one answered without nextToken.
        self.assertEqual(self.actions(), ["FilterLogEvents"] * 3)
        self.assertEqual([request.get("limit") for _, request in self.logs.requests], [2, 2, 2])
        self.assert_signed()

    # ---- S3 ----

    def test_get_object_reads_a_range_in_the_buckets_region(self):
        rc, out, err = self.aws(BUCKET_REGION, "s3api", "get-object", "--bucket", BUCKET, "--key", KEY,
                                "--range", "bytes=0-9", "part.bin")
        self.assertEqual((rc, err), (0, ""))
        answer = json.loads(out)
        self.assertEqual((answer["ContentRange"], answer["ContentLength"]), (f"bytes 0-9/{len(OBJECT)}", 10))
        with open(os.path.join(self.home, "part.bin"), "rb") as f:
            self.assertEqual(f.read(), OBJECT[:10])
        self.assertEqual(self.actions(), ["GetObject"])
        self.assert_signed()

    def test_head_object_says_the_size_and_etag(self):
        rc, out, err = self.aws(BUCKET_REGION, "s3api", "head-object", "--bucket", BUCKET, "--key", KEY)
        self.assertEqual((rc, err), (0, ""))
        answer = json.loads(out)
        self.assertEqual((answer["ContentLength"], answer["ETag"], answer["AcceptRanges"]),
                         (len(OBJECT), '"%s"' % hashlib.md5(OBJECT).hexdigest(), "bytes"))
        self.assertEqual(self.actions(), ["HeadObject"])
        self.assert_signed()

    def test_get_object_of_a_key_that_needs_percent_encoding(self):
        odd = f"p/cmd/{COMMAND}/{INSTANCE}/aws:runShellScript/std out+\u00e9.txt"
        self.s3.put_object(BUCKET, odd, b"odd\n", region=BUCKET_REGION, content_type="text/plain")
        rc, out, err = self.aws(BUCKET_REGION, "s3api", "get-object", "--bucket", BUCKET, "--key", odd, "odd.bin")
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(json.loads(out)["ContentType"], "text/plain")
        with open(os.path.join(self.home, "odd.bin"), "rb") as f:
            self.assertEqual(f.read(), b"odd\n")
        self.assertIn("%3A", self.fake.recorded[0].path)  # the CLI encoded it; the fake decoded it
        self.assert_signed()

    def test_the_cli_follows_the_region_the_wrong_region_error_names(self):
        rc, out, err = self.aws("us-east-1", "s3api", "get-object", "--bucket", BUCKET, "--key", KEY, "whole.bin")
        self.assertEqual((rc, err), (0, ""))
        with open(os.path.join(self.home, "whole.bin"), "rb") as f:
            self.assertEqual(f.read(), OBJECT)
        first, second = self.fake.recorded
        self.assertEqual((first.status, first.signature_error),
                         (400, f"credential scope us-east-1/s3, expected {BUCKET_REGION}/s3"))
        self.assertIn(f"/{BUCKET_REGION}/s3/aws4_request", second.header("Authorization"))
        self.assert_signed(refused=1)

    def test_a_missing_key_is_access_denied_unless_the_caller_may_list(self):
        argv = ["s3api", "get-object", "--bucket", BUCKET, "--key", KEY + ".missing", "missing.bin"]
        rc, out, err = self.aws(BUCKET_REGION, *argv)
        self.assertEqual((rc, out, err.strip()), (254, "", "An error occurred (AccessDenied) when calling the "
                                                            "GetObject operation: Access Denied"))
        self.s3.list_allowed = True
        rc, out, err = self.aws(BUCKET_REGION, *argv)
        self.assertEqual((rc, out, err.strip()), (254, "", "An error occurred (NoSuchKey) when calling the "
                                                            "GetObject operation: The specified key does not exist."))
        self.assertEqual([(r.action, r.status) for r in self.fake.recorded], [("GetObject", 403), ("GetObject", 404)])
        self.assert_signed()


if __name__ == "__main__":
    unittest.main()

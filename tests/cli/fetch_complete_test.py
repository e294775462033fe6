"""tests/cli/fetch_complete_test.py: `ssmview fetch --complete` prints the whole output.

Index
  helpers         FakeAws with SSM (scripted answers), CloudWatch Logs and S3, each checking every
                  signature with botocore; a 200,000-line output whose answer was cut at 24,000
  FromS3          byte for byte from the object, through ssmview-proxy and directly (the bucket in
                  another region than the CLI's)
  FromLogs        from the agent's stream, paged to the end token
  Cut             nowhere holds the rest, S3 denies, the invocation has not ended: exit 205 and why

A test fails if a byte differs, if any request to the fake was not signed right, or if the status
or the sentence on stderr is not the one documented (README "The CLI", exit status table).
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

BIN = os.environ["SSMVIEW_BIN"]
FIX = os.environ["SSMVIEW_FIXTURES"]
ROOT = os.path.dirname(os.path.dirname(FIX))
sys.path.insert(0, os.path.join(ROOT, "tests", "support"))
import fake_aws  # noqa: E402
import proxy_process  # noqa: E402
import ssm_output_layout  # noqa: E402

CLI_KEY = ("AKIDEXAMPLECOMPLETE1", "cli/Secret+Key/for/fetch/complete/tests0")
PROXY_KEY = ("AKIDEXAMPLEPROXYCOMP", "proxy/Secret+Key/only/the/proxy/knows/it")
COMMAND, INSTANCE = "0b8f52a2-3a4f-4bd0-9d3e-5f8a0c1d2e3f", "i-0123456789abcdef0"
BUCKET, BUCKET_REGION = "acme-ssm-output", "us-east-2"
KEY = f"journal/{COMMAND}/{INSTANCE}/awsrunShellScript/0.awsrunShellScript/stdout"
URL = f"https://s3.{BUCKET_REGION}.amazonaws.com/{BUCKET}/{KEY}"
MARKER = "\n---Output truncated---"
# 200,000 lines with colour and a multi-byte character right where the agent's byte count cuts.
FULL = "x" * 23990 + "\u65e5\u672c\n" + "".join(f"\x1b[32m{i:06d}\x1b[0m ok\n" for i in range(200000))
CUT = FULL.encode()[:24000 - len(MARKER)].decode("utf-8", "ignore") + MARKER


def invocation(status="Success", out=CUT, out_url=URL, err="warning: disk 91%\n", err_url="", cloudwatch=False):
    return {"CommandId": COMMAND, "InstanceId": INSTANCE, "Comment": "", "DocumentName": "AWS-RunShellScript",
            "DocumentVersion": "$DEFAULT", "PluginName": "aws:runShellScript",
            "ResponseCode": 0 if status == "Success" else -1,
            "ExecutionStartDateTime": "2026-12-01T10:00:00.000Z", "ExecutionElapsedTime": "PT61.2S",
            "ExecutionEndDateTime": "2026-12-01T10:01:01.200Z" if status == "Success" else "",
            "Status": status, "StatusDetails": status,
            "StandardOutputContent": out, "StandardOutputUrl": out_url,
            "StandardErrorContent": err, "StandardErrorUrl": err_url,
            "CloudWatchOutputConfig": {"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": cloudwatch}}


class Aws:
    """FakeAws: SSM answering one scripted invocation, Logs and S3; both keys known."""

    def __init__(self, body):
        self.dir = tempfile.TemporaryDirectory()
        with open(os.path.join(self.dir.name, "s.json"), "w", encoding="utf-8") as f:
            json.dump({"CommandId": COMMAND, "InstanceId": INSTANCE, "sequence": [body]}, f)
        self.fake = fake_aws.FakeAws({CLI_KEY[0]: (CLI_KEY[1], None), PROXY_KEY[0]: (PROXY_KEY[1], None)}, "us-east-1",
                                     [fake_aws.SsmService([self.dir.name]), fake_aws.LogsService(), fake_aws.S3Service()])
        self.fake.start()

    def close(self):
        self.fake.stop()
        self.dir.cleanup()

    def assert_all_signed(self, test, key):
        test.assertTrue(self.fake.recorded)
        for r in self.fake.recorded:
            test.assertTrue(r.signature_ok, r)
            test.assertEqual(r.access_key, key, r)


class Base(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="fetch-complete-")
        self.aws = None
        self.proxy = None

    def tearDown(self):
        if self.proxy:
            self.proxy.stop()
        if self.aws:
            self.aws.close()
        subprocess.run(["rm", "-rf", self.home])

    def env(self, key=CLI_KEY, **extra):
        return proxy_process.clean_env(self.home, AWS_ACCESS_KEY_ID=key[0], AWS_SECRET_ACCESS_KEY=key[1],
                                       AWS_REGION="us-east-1", NO_COLOR="1", **extra)

    def start(self, body):
        self.aws = Aws(body)
        return self.aws.fake

    def through_proxy(self):
        self.proxy = proxy_process.ProxyProcess(["--endpoint-url", self.aws.fake.url, "--region", "us-east-1"],
                                                self.env(PROXY_KEY))
        self.assertIsNotNone(self.proxy.port, self.proxy.log)
        return subprocess.run([BIN, "fetch", "--command-id", COMMAND, "--instance-id", INSTANCE, "--proxy",
                               self.proxy.url, "--complete"], env=self.env(), capture_output=True, timeout=120)

    def directly(self):
        # --endpoint-url names SSM's endpoint only; Logs and S3 find theirs in AWS_ENDPOINT_URL.
        return subprocess.run([BIN, "fetch", "--command-id", COMMAND, "--instance-id", INSTANCE, "--endpoint-url",
                               self.aws.fake.url, "--complete"], env=self.env(AWS_ENDPOINT_URL=self.aws.fake.url),
                              capture_output=True, timeout=120)


class FromS3(Base):
    def test_through_the_proxy_stdout_is_the_whole_object_and_stderr_the_answers_own(self):
        fake = self.start(invocation())
        fake.s3.put_object(BUCKET, KEY, FULL.encode(), region=BUCKET_REGION)
        r = self.through_proxy()
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        self.assertEqual(r.stdout, FULL.encode())
        self.assertEqual(r.stderr, b"warning: disk 91%\n")
        self.aws.assert_all_signed(self, PROXY_KEY[0])

    def test_directly_signed_for_the_buckets_region(self):
        fake = self.start(invocation())
        fake.s3.put_object(BUCKET, KEY, FULL.encode(), region=BUCKET_REGION)
        r = self.directly()
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        self.assertEqual(r.stdout, FULL.encode())
        self.aws.assert_all_signed(self, CLI_KEY[0])
        self.assertEqual([x.service for x in fake.recorded], ["ssm", "s3"])


class FromLogs(Base):
    def test_the_agents_stream_is_read_to_its_end(self):
        fake = self.start(invocation(out_url="", cloudwatch=True))
        group = ssm_output_layout.default_log_group("AWS-RunShellScript")
        stream = ssm_output_layout.log_stream_name(COMMAND, INSTANCE, "aws:runShellScript", "stdout")
        lines = FULL.splitlines(keepends=True)
        # One event holds many lines, as the agent uploads them: 25,000 events, over several pages.
        events = ["".join(lines[i:i + 8]) for i in range(0, len(lines), 8)]
        fake.logs.put_events(group, stream, [(1764583200000 + i, m) for i, m in enumerate(events)])
        r = self.through_proxy()
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        self.assertEqual(r.stdout, FULL.encode())
        self.assertEqual(r.stderr, b"warning: disk 91%\n")  # no stderr stream: the answer's own, whole
        pages = [x for x in fake.recorded if x.action == "GetLogEvents"]
        self.assertGreater(len(pages), 2)
        self.aws.assert_all_signed(self, PROXY_KEY[0])


class Cut(Base):
    def test_nowhere_holds_the_rest(self):
        self.start(invocation(out_url=""))
        r = self.through_proxy()
        self.assertEqual(r.returncode, 205)
        self.assertEqual(r.stdout, CUT.encode())
        self.assertEqual(r.stderr, b"warning: disk 91%\n"
                         b"ssmview: stdout is cut: GetCommandInvocation returns only the first 24,000 characters of "
                         b"standard output. The command sent its output to neither S3 nor CloudWatch Logs, so the "
                         b"rest is not kept.\n")

    def test_s3_denies_and_the_hint_names_both_permissions(self):
        fake = self.start(invocation())
        fake.s3.create_bucket(BUCKET, BUCKET_REGION)  # no object: 403 AccessDenied (the caller may not list)
        r = self.directly()
        self.assertEqual(r.returncode, 205)
        self.assertEqual(r.stdout, CUT.encode())
        self.assertIn(b"ssmview: stdout is cut: AccessDenied: Access Denied", r.stderr)
        self.assertIn(b"s3:GetObject", r.stderr)
        self.assertIn(b"s3:ListBucket", r.stderr)

    def test_an_invocation_that_has_not_ended(self):
        self.start(invocation(status="InProgress"))
        r = self.through_proxy()
        self.assertEqual(r.returncode, 205)
        self.assertEqual(r.stdout, b"")
        self.assertEqual(r.stderr, b"ssmview: the invocation has not ended (InProgress): its output is not complete "
                                   b"yet; `ssmview follow` waits for the end\n")


if __name__ == "__main__":
    unittest.main()

"""tests/cli/follow_stream_test.py: `ssmview follow --stream` prints the command's output as it arrives.

Index
  helpers       FakeAws (SSM sequences, CloudWatch Logs, S3; every signature checked with botocore)
                behind ssmview-proxy; a Logs fake whose batches land as the command runs
  LiveTest      events written while it runs; a batch that lands after the status turned terminal
                is still printed; Logs reads stay at the cadence
  CompleteTest  a 200,000-line output cut at 24,000 characters: the logs' part, then S3's rest,
                byte for byte, and the remote exit status
  PlainTest     no CloudWatch: the answer's text at the end; escapes stripped when piped

The follow clock runs compressed (SSMVIEW_FOLLOW_INTERVAL_MS); the settle window after the end
(kLogsSettleMs, one poll interval) compresses with it, so "a batch after the end" is placed by the
fake itself: it lands just after the first Logs read that follows the terminal answer.
"""
import json
import os
import subprocess
import sys
import tempfile
import threading
import unittest

BIN = os.environ["SSMVIEW_BIN"]
FIX = os.environ["SSMVIEW_FIXTURES"]
ROOT = os.path.dirname(os.path.dirname(FIX))
sys.path.insert(0, os.path.join(ROOT, "tests", "support"))
import fake_aws  # noqa: E402
import proxy_process  # noqa: E402
import ssm_output_layout  # noqa: E402

CLI_KEY = ("AKIDEXAMPLESTREAM001", "cli/Secret+Key/for/follow/stream/tests00")
PROXY_KEY = ("AKIDEXAMPLEPROXYSTRM", "proxy/Secret+Key/only/the/proxy/knows/it")
INTERVAL_MS = 100
COMMAND, INSTANCE = "7c1f0b8e-2d3a-4f5b-8c6d-9e0f1a2b3c4d", "i-0fedcba9876543210"
GROUP = ssm_output_layout.default_log_group("AWS-RunShellScript")
OUT_STREAM = ssm_output_layout.log_stream_name(COMMAND, INSTANCE, "aws:runShellScript", "stdout")
ERR_STREAM = ssm_output_layout.log_stream_name(COMMAND, INSTANCE, "aws:runShellScript", "stderr")
BUCKET, REGION = "acme-ssm-output", "eu-west-1"
KEY = f"out/{COMMAND}/{INSTANCE}/awsrunShellScript/0.awsrunShellScript/stdout"
URL = f"https://s3.{REGION}.amazonaws.com/{BUCKET}/{KEY}"
MARKER = "\n---Output truncated---"


def invocation(status, out="", err="", code=None, url="", cloudwatch=True):
    ended = status not in ("Pending", "InProgress")
    return {"CommandId": COMMAND, "InstanceId": INSTANCE, "Comment": "", "DocumentName": "AWS-RunShellScript",
            "DocumentVersion": "$DEFAULT", "PluginName": "aws:runShellScript",
            "ResponseCode": code if code is not None else -1,
            "ExecutionStartDateTime": "2026-12-01T10:00:00.000Z", "ExecutionElapsedTime": "PT9S" if ended else "",
            "ExecutionEndDateTime": "2026-12-01T10:00:09.000Z" if ended else "",
            "Status": status, "StatusDetails": status, "StandardOutputContent": out, "StandardOutputUrl": url,
            "StandardErrorContent": err, "StandardErrorUrl": "",
            "CloudWatchOutputConfig": {"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": cloudwatch}}


class LateLogs(fake_aws.LogsService):
    """LogsService whose batches land as the SSM answers advance: batch i before the answer to
    SSM request i+1 is read; `late` lands right after the first Logs read that follows the
    terminal answer (so that read cannot have it)."""

    def __init__(self, ssm, batches, late=None, terminal_request=None):
        super().__init__()
        self.ssm, self.batches, self.late, self.terminal_request = ssm, list(batches), late, terminal_request
        self.landed, self.t = 0, 1764583200000
        self.lock2 = threading.Lock()

    def land(self, stream, text):
        self.t += 1
        self.put_events(GROUP, stream, [(self.t, text)])

    def answer(self, rec):
        with self.lock2:
            n = len(self.ssm.requests)
            while self.landed < min(n, len(self.batches)):
                for stream, text in self.batches[self.landed]:
                    self.land(stream, text)
                self.landed += 1
        result = super().answer(rec)
        with self.lock2:
            if self.late and self.terminal_request and len(self.ssm.requests) >= self.terminal_request:
                for stream, text in self.late:
                    self.land(stream, text)
                self.late = None
        return result


class Base(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="follow-stream-")
        self.dir = tempfile.TemporaryDirectory()
        self.fake = self.proxy = None

    def tearDown(self):
        if self.proxy:
            self.proxy.stop()
        if self.fake:
            self.fake.stop()
        self.dir.cleanup()
        subprocess.run(["rm", "-rf", self.home])

    def env(self, key=CLI_KEY):
        return proxy_process.clean_env(self.home, AWS_ACCESS_KEY_ID=key[0], AWS_SECRET_ACCESS_KEY=key[1],
                                       AWS_REGION="us-east-1", SSMVIEW_FOLLOW_INTERVAL_MS=str(INTERVAL_MS))

    def start(self, sequence, logs_factory=None):
        with open(os.path.join(self.dir.name, "s.json"), "w", encoding="utf-8") as f:
            json.dump({"CommandId": COMMAND, "InstanceId": INSTANCE, "sequence": sequence}, f)
        ssm = fake_aws.SsmService([self.dir.name])
        logs = logs_factory(ssm) if logs_factory else fake_aws.LogsService()
        self.fake = fake_aws.FakeAws({PROXY_KEY[0]: (PROXY_KEY[1], None)}, "us-east-1", [ssm, logs, fake_aws.S3Service()])
        self.fake.start()
        self.proxy = proxy_process.ProxyProcess(["--endpoint-url", self.fake.url, "--region", "us-east-1"], self.env(PROXY_KEY))
        self.assertIsNotNone(self.proxy.port, self.proxy.log)
        return self.fake

    def follow(self, *extra):
        return subprocess.run([BIN, "follow", "--command-id", COMMAND, "--instance-id", INSTANCE, "--proxy",
                               self.proxy.url, "--stream", *extra], env=self.env(), capture_output=True, timeout=120)

    def assert_all_signed(self):
        for r in self.fake.recorded:
            self.assertTrue(r.signature_ok, r)


class LiveTest(Base):
    def test_output_arrives_while_running_and_a_batch_after_the_end_is_not_lost(self):
        running = invocation("InProgress")
        done = invocation("Failed", out="(cut in the answer)", err="", code=3)
        batches = [[(OUT_STREAM, "step 1\n")], [(OUT_STREAM, "\x1b[33mstep 2\x1b[0m\n"), (ERR_STREAM, "warning: late stderr\n")],
                   [(OUT_STREAM, "step 3\n")]]
        late = [(OUT_STREAM, "last batch, after the end\n")]
        fake = self.start([running, running, running, done],
                          lambda ssm: LateLogs(ssm, batches, late=late, terminal_request=4))
        r = self.follow("--color")
        self.assertEqual(r.stdout, b"step 1\n\x1b[33mstep 2\x1b[0m\nstep 3\nlast batch, after the end\n")
        self.assertEqual(r.stderr, b"warning: late stderr\n")
        self.assertEqual(r.returncode, 3)
        self.assert_all_signed()
        # The cadence: per poll one read per stream (a stream with no events yet answers
        # ResourceNotFound and costs the same); the settle polls after the end likewise.
        polls = len([x for x in fake.recorded if x.service == "ssm"])
        reads = len([x for x in fake.recorded if x.action == "GetLogEvents"])
        self.assertGreaterEqual(reads, 2 * polls)
        self.assertLessEqual(reads, 2 * polls + 2 * 4)


class CompleteTest(Base):
    def test_a_200000_line_output_the_logs_lacked_is_completed_from_s3(self):
        full = ("=" * 23995 + "\u00e9\n" + "".join(f"\x1b[32m{i:06d}\x1b[0m line\n" for i in range(200000))).encode()
        cut = full[:24000 - len(MARKER)].decode("utf-8", "ignore") + MARKER
        half = full[:len(full) // 2]
        # The logs got the first half (in one-line-per-event pieces of ~64 KiB), then nothing more.
        pieces, start = [], 0
        while start < len(half):
            end = half.rfind(b"\n", start, start + 65536) + 1 or len(half)
            pieces.append((OUT_STREAM, half[start:end].decode()))
            start = end
        running = invocation("InProgress")
        done = invocation("Failed", out=cut, code=7, url=URL)
        fake = self.start([running, running, done], lambda ssm: LateLogs(ssm, [pieces[:len(pieces) // 2], pieces[len(pieces) // 2:]]))
        fake.s3.put_object(BUCKET, KEY, full, region=REGION)
        r = self.follow("--color")
        self.assertEqual(r.returncode, 7, r.stderr[-500:])
        self.assertEqual(len(r.stdout), len(full))
        self.assertEqual(r.stdout, full)
        self.assertEqual(r.stderr, b"")
        ranges = [x.header("Range") for x in fake.recorded if x.service == "s3"]
        self.assertEqual(ranges, [f"bytes={len(half)}-"])
        self.assert_all_signed()


class PlainTest(Base):
    def test_without_cloudwatch_the_answer_is_printed_at_the_end_escapes_stripped_when_piped(self):
        running = invocation("InProgress", cloudwatch=False)
        done = invocation("Success", out="\x1b[1mbold\x1b[0m done\n", err="note\n", code=0, cloudwatch=False)
        fake = self.start([running, done])
        r = self.follow()
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout, b"bold done\n")
        self.assertEqual(r.stderr, b"note\n")
        self.assertEqual([x for x in fake.recorded if x.service == "logs"], [])

    def test_stream_and_json_are_refused_together(self):
        r = subprocess.run([BIN, "follow", "--command-id", COMMAND, "--instance-id", INSTANCE, "--stream", "--json"],
                           env=self.env(), capture_output=True, timeout=30)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"--stream prints the command's own output; --json prints a report: choose one", r.stderr)


if __name__ == "__main__":
    unittest.main()

"""tests/proxy/simulate_outputs_aws_cli_test.py: the real AWS CLI v2 reads the simulator's CloudWatch Logs and S3.

Index
  OutputsTestCase   `ssmview-proxy --simulate` on 127.0.0.1, a free port (proxy_harness.py);
                    aws(): proxy_harness.run_aws_cli, /usr/bin/aws --endpoint-url <proxy>[/s3/us-east-1]
                    --no-sign-request
  ExportStoryTest   the export (200,000 rows), followed in real time: S3 AccessDenied while it runs,
                    its stderr stream missing, then appearing late, its end token later returning
                    the next batch; the last batch of stdout landing after ExecutionEndDateTime;
                    at the end the logs, the S3 object (whole, by range, head) and
                    StandardOutputContent agree
  SplitCutTest      the translation dump: StandardOutputContent's cut splits a character (U+FFFD
                    before the marker) and the S3 object holds the character whole; stderr cut at
                    8,000; filter-log-events (paginated by the CLI) reads the whole command
  ErrorsTest        a missing group, a made-up token, a missing bucket, in the CLI's words; Logs
                    requests throttled with SSM's through the proxy's front

The AWS CLI validates what it reads against the API models (logs/2014-03-28, s3/2006-03-01), so a
body it prints is a body an SDK accepts. The clock is the real one: the export runs 27 s and its
last batch lands at 30 s, the translation dump ends at 18 s; every wait below is a bound from the
catalog (proxy/simulate_catalog_long.cpp), with the command's start taken before the request that
started it, so a slow machine only makes the waits longer, never the checks wrong. The exact
sequence at each instant (a token that comes back unchanged, the stream before and after the last
upload) is pinned with a manual clock in simulate_logs_test.cpp.
"""
import datetime
import json
import os
import sys
import time
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from proxy_harness import JSON_CT, ProxyTestCase, clean_env, run_aws_cli  # noqa: E402

REGION = "us-east-1"
BUCKET = "ssmview-sim-output"
EXPORT = ("c8b4e1f2-7a39-4d6e-b0c5-93f1a2d7e468", "i-0c3e9a7f15b2d8064")
EXPORT_GROUP = "/ssmview/simulated/exports"
EXPORT_OUT = f"{EXPORT[0]}/{EXPORT[1]}/aws-runShellScript/stdout"
EXPORT_ERR = f"{EXPORT[0]}/{EXPORT[1]}/aws-runShellScript/stderr"
EXPORT_KEY = f"exports/{EXPORT[0]}/{EXPORT[1]}/awsrunShellScript/0.awsrunShellScript/stdout"
I18N = ("4e7d2a90-b1c6-4f38-9a05-d6e8c3b1f729", "i-05a8d3c6e2f71b949")
DEFAULT_GROUP = "/aws/ssm/AWS-RunShellScript"

# Seconds after the command starts (proxy/simulate_catalog_long.cpp, proxy/simulate_uploads.h).
EXPORT_FIRST_UPLOAD = 7.03   # step start 5.03 + the first 2 s upload
EXPORT_STDERR_UPLOAD = 19.03  # its first stderr lines at 12.4 s into the step, uploaded at 14 s
EXPORT_STDERR_SECOND_UPLOAD = 23.03  # its last line at 17.95 s, uploaded at 18 s
EXPORT_END = 26.9
EXPORT_LAST_UPLOAD = 29.9     # 3 s after the end
I18N_END = 18.1
I18N_LAST_UPLOAD = 21.1      # 3 s after the end (kLastLogUploadAfterEndMs)

OUT_MARKER = "\n---Output truncated---"
ERR_MARKER = "\n---Error truncated----"


class OutputsTestCase(ProxyTestCase):
    def setUp(self):
        super().setUp()
        self.proxy = self.start_proxy(["--simulate"], clean_env(self.home))

    def aws(self, *args, s3=False):
        url = self.proxy.url + ("/s3/" + REGION if s3 else "")
        code, out, err = run_aws_cli(self.home, url, ["--output", "json", *args], signed=False, region=REGION)
        return code, out.decode("utf-8"), err.decode("utf-8")

    def aws_json(self, *args, s3=False):
        code, out, err = self.aws(*args, s3=s3)
        self.assertEqual(code, 0, err)
        return json.loads(out)

    def start_commands(self):
        """Starts every simulated command; returns their RequestedDateTime (epoch seconds), as the
        proxy's clock (this machine's) set it: every wait below counts from it exactly."""
        commands = self.aws_json("ssm", "list-commands")["Commands"]
        requested = {cli_time(c["RequestedDateTime"]) for c in commands}
        self.assertEqual(len(requested), 1)  # one request started them all
        return requested.pop()

    def wait_until(self, started, seconds):
        delay = started + seconds - time.time()
        if delay > 0:
            time.sleep(delay)

    def log_page(self, group, stream, token=None):
        args = ["logs", "get-log-events", "--log-group-name", group, "--log-stream-name", stream, "--start-from-head"]
        return self.aws_json(*args + (["--next-token", token] if token else []))

    def read_to_end(self, group, stream, token=None):
        """(events, the end token): pages until the token comes back unchanged."""
        events = []
        for _ in range(100):
            page = self.log_page(group, stream, token)
            events += page["events"]
            if page["nextForwardToken"] == token:
                return events, token
            token = page["nextForwardToken"]
        self.fail("get-log-events never reached the end of the stream")

    def get_object(self, key, *extra):
        out = os.path.join(self.home, "object")
        code, meta, err = self.aws("s3api", "get-object", "--bucket", BUCKET, "--key", key, *extra, out, s3=True)
        if code != 0:
            return code, err, None
        with open(out, "rb") as f:
            return code, json.loads(meta), f.read()

    def final_invocation(self, command):
        return self.aws_json("ssm", "get-command-invocation", "--command-id", command[0], "--instance-id", command[1])


def text_of(events):
    return "".join(e["message"] for e in events)


def cli_time(text):
    """A time as the CLI prints it ("2026-11-20T14:00:26.900000+00:00", or SSM's "...26.900Z"), in
    epoch seconds."""
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def epoch_ms(text):
    return round(cli_time(text) * 1000)


def key_of(url):
    """The key of a path-style StandardOutputUrl (https://s3.<region>.amazonaws.com/<bucket>/<key>)."""
    parsed = urllib.parse.urlsplit(url)
    bucket, _, key = parsed.path[1:].partition("/")
    assert parsed.netloc == f"s3.{REGION}.amazonaws.com" and bucket == BUCKET, url
    return urllib.parse.unquote(key)


class ExportStoryTest(OutputsTestCase):
    def test_live_logs_while_it_runs_then_the_whole_output_in_s3(self):
        started = self.start_commands()

        # While it runs, S3 has no object: AccessDenied, as S3 answers without s3:ListBucket.
        code, err, _ = self.get_object(EXPORT_KEY)
        self.assertEqual(code, 254)
        self.assertIn("An error occurred (AccessDenied) when calling the GetObject operation: Access Denied", err)

        # The first upload: stdout exists (one event holds many lines), stderr does not (yet).
        self.wait_until(started, EXPORT_FIRST_UPLOAD + 0.5)
        code, _, err = self.aws("logs", "get-log-events", "--log-group-name", EXPORT_GROUP, "--log-stream-name",
                                EXPORT_ERR, "--start-from-head")
        self.assertLess(time.time() - started, EXPORT_STDERR_UPLOAD, "too slow to see stderr missing")
        self.assertEqual(code, 254)
        self.assertIn("An error occurred (ResourceNotFoundException) when calling the GetLogEvents operation: "
                      "The specified log stream does not exist.", err)
        first = self.aws_json("logs", "get-log-events", "--log-group-name", EXPORT_GROUP, "--log-stream-name",
                              EXPORT_OUT, "--start-from-head", "--limit", "1")["events"]
        self.assertEqual(len(first), 1)
        self.assertGreater(first[0]["message"].count("\n"), 1000)
        self.assertTrue(first[0]["message"].startswith("\x1b[1mexport-orders 4.2.0\x1b[0m: 200,000 orders"))

        # stderr's stream appears with its first upload; its end token later returns the next one.
        self.wait_until(started, EXPORT_STDERR_UPLOAD + 0.5)
        page = self.log_page(EXPORT_GROUP, EXPORT_ERR)
        self.assertLess(time.time() - started, EXPORT_STDERR_SECOND_UPLOAD, "too slow to see stderr grow")
        self.assertEqual(text_of(page["events"]), "warning: order 104233: price missing, exported with total 0.00\n"
                                                  "warning: order 104871: price missing, exported with total 0.00\n")
        self.wait_until(started, EXPORT_STDERR_SECOND_UPLOAD + 0.5)
        grown = self.log_page(EXPORT_GROUP, EXPORT_ERR, page["nextForwardToken"])
        self.assertEqual(text_of(grown["events"]), "warning: order 151002: currency GBP converted at 1.1412\n")
        self.assertNotEqual(grown["nextForwardToken"], page["nextForwardToken"])

        # After the last batch: everything, and the end token comes back unchanged with no events.
        self.wait_until(started, EXPORT_LAST_UPLOAD + 0.5)
        final = self.final_invocation(EXPORT)
        self.assertEqual(final["Status"], "Success")
        events, end = self.read_to_end(EXPORT_GROUP, EXPORT_OUT)
        again = self.log_page(EXPORT_GROUP, EXPORT_OUT, end)
        self.assertEqual(again["events"], [])
        self.assertEqual(again["nextForwardToken"], end)
        # The last batch landed after the status turned terminal.
        ended = epoch_ms(final["ExecutionEndDateTime"])
        self.assertGreaterEqual(events[-1]["ingestionTime"], ended + 2500)
        self.assertIn(" bytes echoed;", events[-1]["message"])
        self.assertLess(events[-2]["ingestionTime"], ended)

        # S3 holds the same complete output; StandardOutputContent is its first 24,000 bytes.
        self.assertEqual(key_of(final["StandardOutputUrl"]), EXPORT_KEY)
        code, meta, body = self.get_object(EXPORT_KEY)
        self.assertEqual(code, 0, meta)
        whole = text_of(events)
        self.assertEqual(body, whole.encode("utf-8"))
        self.assertEqual(whole.count("\n"), 200003)
        self.assertEqual(meta["ContentLength"], len(body))
        self.assertEqual(meta["ContentType"], "binary/octet-stream")
        content = final["StandardOutputContent"]
        self.assertTrue(content.endswith(OUT_MARKER))
        self.assertEqual(len(content), 24000)
        self.assertTrue(body.startswith(content[:-len(OUT_MARKER)].encode("utf-8")))

        code, meta, part = self.get_object(EXPORT_KEY, "--range", "bytes=23990-24009")
        self.assertEqual(code, 0, meta)
        self.assertEqual(meta["ContentRange"], f"bytes 23990-24009/{len(body)}")
        self.assertEqual(part, body[23990:24010])
        head = self.aws_json("s3api", "head-object", "--bucket", BUCKET, "--key", EXPORT_KEY, s3=True)
        self.assertEqual(head["ContentLength"], len(body))
        self.assertEqual(head["ETag"], meta["ETag"])


class SplitCutTest(OutputsTestCase):
    def test_the_cut_splits_a_character_and_s3_holds_it_whole(self):
        started = self.start_commands()
        self.wait_until(started, I18N_END + 0.5)
        final = self.final_invocation(I18N)
        self.assertEqual(final["Status"], "Success")

        content = final["StandardOutputContent"]
        self.assertTrue(content.endswith("\ufffd" + OUT_MARKER), content[-40:])
        kept = content[:-len(OUT_MARKER)]
        replaced = len(kept) - len(kept.rstrip("\ufffd"))
        prefix = kept.rstrip("\ufffd").encode("utf-8")
        code, meta, body = self.get_object(key_of(final["StandardOutputUrl"]))
        self.assertEqual(code, 0, meta)
        # Byte for byte up to the broken character, which S3 has whole; the agent kept `replaced`
        # of its bytes (24,000 in all with the marker) and each became U+FFFD.
        self.assertTrue(body.startswith(prefix))
        self.assertEqual(len(prefix) + replaced + len(OUT_MARKER), 24000)
        self.assertGreaterEqual(body[len(prefix)], 0xC0)  # a multi-byte character starts there
        broken = body[len(prefix):len(prefix) + 4].decode("utf-8", "ignore")[:1]
        self.assertGreater(len(broken.encode("utf-8")), replaced)  # and the cut kept only part of it

        err = final["StandardErrorContent"]
        self.assertTrue(err.endswith(ERR_MARKER))
        self.assertEqual(len(err), 8000)
        code, meta, err_body = self.get_object(key_of(final["StandardErrorUrl"]))
        self.assertEqual(code, 0, meta)
        self.assertTrue(err_body.startswith(err[:-len(ERR_MARKER)].encode("utf-8")))
        self.assertGreater(len(err_body), 12000)

        # filter-log-events (the CLI follows nextToken itself) reads the whole command from the
        # default group: stdout's events are the S3 object, once the agent's last upload landed.
        # (Before, the test read the logs right after S3 and passed only when the CLI calls above
        # happened to take the 3 s the last upload needs.)
        self.wait_until(started, I18N_LAST_UPLOAD + 0.5)
        filtered = self.aws_json("logs", "filter-log-events", "--log-group-name", DEFAULT_GROUP,
                                 "--log-stream-name-prefix", I18N[0] + "/")
        by_stream = {}
        for e in filtered["events"]:
            by_stream[e["logStreamName"]] = by_stream.get(e["logStreamName"], "") + e["message"]
        self.assertEqual(sorted(by_stream), [f"{I18N[0]}/{I18N[1]}/aws-runShellScript/stderr",
                                             f"{I18N[0]}/{I18N[1]}/aws-runShellScript/stdout"])
        self.assertEqual(by_stream[f"{I18N[0]}/{I18N[1]}/aws-runShellScript/stdout"].encode("utf-8"), body)
        self.assertEqual(by_stream[f"{I18N[0]}/{I18N[1]}/aws-runShellScript/stderr"].encode("utf-8"), err_body)

        # A made-up token, in the CLI's words.
        code, _, cli_err = self.aws("logs", "get-log-events", "--log-group-name", DEFAULT_GROUP, "--log-stream-name",
                                    f"{I18N[0]}/{I18N[1]}/aws-runShellScript/stdout", "--next-token", "f/123/s")
        self.assertEqual(code, 254)
        self.assertIn("An error occurred (InvalidParameterException) when calling the GetLogEvents operation: "
                      "The specified nextToken is invalid.", cli_err)


class ErrorsTest(OutputsTestCase):
    def test_a_missing_group_and_a_missing_bucket_in_the_cli_words(self):
        code, _, err = self.aws("logs", "get-log-events", "--log-group-name", "/aws/ssm/AWS-RunPowerShellScript",
                                "--log-stream-name", EXPORT_OUT)
        self.assertEqual(code, 254)
        self.assertIn("An error occurred (ResourceNotFoundException) when calling the GetLogEvents operation: "
                      "The specified log group does not exist.", err)
        code, _, err = self.aws("s3api", "get-object", "--bucket", "ssmview-sim-nothing", "--key", EXPORT_KEY,
                                os.path.join(self.home, "x"), s3=True)
        self.assertEqual(code, 254)
        self.assertIn("An error occurred (NoSuchBucket) when calling the GetObject operation: "
                      "The specified bucket does not exist", err)

    def test_logs_requests_are_throttled_with_ssm_through_the_front(self):
        body = json.dumps({"logGroupName": EXPORT_GROUP, "logStreamName": EXPORT_OUT, "startFromHead": True}).encode()
        headers = {"Content-Type": JSON_CT, "X-Amz-Target": "Logs_20140328.GetLogEvents"}
        for n in range(1, 21):
            a = self.call(self.proxy, "POST", "/", headers, body)
            with self.subTest(request=n):
                self.assertEqual(a.status, 400)
                self.assertEqual(a.header("Content-Type"), JSON_CT)
                if n % 10 == 0:
                    self.assertEqual(a.body, b'{"__type":"ThrottlingException","message":"Rate exceeded"}')
                else:
                    self.assertEqual(a.header("x-amzn-ErrorType"), "ResourceNotFoundException")


if __name__ == "__main__":
    unittest.main()

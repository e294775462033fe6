#!/usr/bin/python3
"""CloudWatch Logs through ssmview-proxy: the agent's streams are read, nothing else is signed.

"AWS" is tests/support/fake_aws.py's LogsService, which checks every signature with botocore.
The real AWS CLI v2 is the client, once directly (signed by the CLI) and once through the proxy
(--no-sign-request, signed by the proxy); for reads of the agent's streams both must give the same
bytes. Reads outside the layout (another group's stream, a prefix without a command id, a member
ssmview does not send, any other Logs action) are refused by the proxy and never reach the fake.

Index
    LogsThroughProxy.test_get_log_events_pages_to_the_end_the_same_way
    LogsThroughProxy.test_filter_log_events_reads_every_instance_of_a_command
    LogsThroughProxy.test_a_missing_stream_is_resource_not_found_from_aws
    LogsThroughProxy.test_reads_outside_the_agent_layout_never_reach_aws
    LogsThroughProxy.test_other_logs_actions_are_refused
"""

import json
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from proxy_harness import (ENV_KEY, REGION, ProxyTestCase, clean_env, fake_keys, run_aws_cli)  # noqa: E402
from fake_aws import FakeAws, LogsService, SsmService  # noqa: E402
import ssm_output_layout  # noqa: E402

COMMAND = "0b8f52a2-3a4f-4bd0-9d3e-5f8a0c1d2e3f"
INSTANCES = ("i-0123456789abcdef0", "i-0fedcba9876543210")
GROUP = ssm_output_layout.default_log_group("AWS-RunShellScript")
STDOUT = ssm_output_layout.log_stream_name(COMMAND, INSTANCES[0], "aws:runShellScript", "stdout")
STDERR_OTHER = ssm_output_layout.log_stream_name(COMMAND, INSTANCES[1], "aws:runShellScript", "stderr")


class LogsThroughProxy(ProxyTestCase):
    def setUp(self):
        super().setUp()
        self.fake = FakeAws(fake_keys(), REGION, [SsmService(), LogsService()]).start()
        t = 1764000000000
        # One event holds many lines, as the agent uploads them; ANSI escapes and UTF-8 kept.
        self.fake.logs.put_events(GROUP, STDOUT, [(t, "line 1\nline 2\n"), (t + 10, "\x1b[32mok\x1b[0m caf\u00e9\n"),
                                                  (t + 20, "line 4\n")])
        self.fake.logs.put_events(GROUP, STDERR_OTHER, [(t + 5, "warning: disk 91%\n")])
        self.fake.logs.put_events("app", "web-1/access", [(t, "GET / 200\n")])
        env = clean_env(self.home, AWS_ACCESS_KEY_ID=ENV_KEY[0], AWS_SECRET_ACCESS_KEY=ENV_KEY[1])
        self.proxy = self.start_proxy(["--endpoint-url", self.fake.url, "--region", REGION], env)

    def tearDown(self):
        self.fake.stop()
        super().tearDown()

    def aws(self, url, args, signed):
        return run_aws_cli(self.home, url, ["logs"] + args, signed)

    def same_both_ways(self, args):
        self.fake.reset()
        direct = self.aws(self.fake.url, args, signed=True)
        n_direct = len(self.fake.recorded)
        self.fake.reset()
        proxied = self.aws(self.proxy.url, args, signed=False)
        self.assertEqual(direct, proxied, f"aws logs {' '.join(args)}: the proxy changed what the CLI gets")
        self.assertEqual(len(self.fake.recorded), n_direct)
        for r in self.fake.recorded:
            self.assertTrue(r.signature_ok, r)
            self.assertEqual(r.access_key, ENV_KEY[0], r)
        return direct

    def test_get_log_events_pages_to_the_end_the_same_way(self):
        rc, out, err = self.same_both_ways(["get-log-events", "--log-group-name", GROUP, "--log-stream-name", STDOUT,
                                            "--start-from-head", "--limit", "2"])
        self.assertEqual(rc, 0, err)
        page = json.loads(out)
        self.assertEqual([e["message"] for e in page["events"]], ["line 1\nline 2\n", "\x1b[32mok\x1b[0m caf\u00e9\n"])
        # The next page, then the end: the token comes back unchanged, through the proxy too.
        rc, out, _ = self.same_both_ways(["get-log-events", "--log-group-name", GROUP, "--log-stream-name", STDOUT,
                                          "--start-from-head", "--next-token", page["nextForwardToken"]])
        last = json.loads(out)
        self.assertEqual([e["message"] for e in last["events"]], ["line 4\n"])
        rc, out, _ = self.same_both_ways(["get-log-events", "--log-group-name", GROUP, "--log-stream-name", STDOUT,
                                          "--start-from-head", "--next-token", last["nextForwardToken"]])
        end = json.loads(out)
        self.assertEqual(end["events"], [])
        self.assertEqual(end["nextForwardToken"], last["nextForwardToken"])

    def test_filter_log_events_reads_every_instance_of_a_command(self):
        rc, out, err = self.same_both_ways(["filter-log-events", "--log-group-name", GROUP,
                                            "--log-stream-name-prefix", COMMAND + "/"])
        self.assertEqual(rc, 0, err)
        streams = [e["logStreamName"] for e in json.loads(out)["events"]]
        self.assertEqual(sorted(set(streams)), sorted([STDOUT, STDERR_OTHER]))

    def test_a_missing_stream_is_resource_not_found_from_aws(self):
        stderr = ssm_output_layout.log_stream_name(COMMAND, INSTANCES[0], "aws:runShellScript", "stderr")
        rc, _, err = self.same_both_ways(["get-log-events", "--log-group-name", GROUP, "--log-stream-name", stderr,
                                          "--start-from-head"])
        self.assertEqual(rc, 254)
        self.assertIn(b"(ResourceNotFoundException) when calling the GetLogEvents operation: "
                      b"The specified log stream does not exist.", err)

    def test_reads_outside_the_agent_layout_never_reach_aws(self):
        self.fake.reset()
        cases = [
            (["get-log-events", "--log-group-name", "app", "--log-stream-name", "web-1/access"],
             "logStreamName: the stream is not <CommandId>/<InstanceId>/<plugin>/stdout|stderr"),
            (["filter-log-events", "--log-group-name", GROUP, "--log-stream-name-prefix", "i-0123"],
             "logStreamNamePrefix: the prefix does not start with <CommandId>/"),
            (["filter-log-events", "--log-group-name", GROUP, "--log-stream-name-prefix", COMMAND + "/",
              "--filter-pattern", "ERROR"],
             "the body holds a member ssmview does not send with FilterLogEvents"),
            (["filter-log-events", "--log-group-name", GROUP],
             "FilterLogEvents needs logStreamNamePrefix or logStreamNames (one of them)"),
            (["get-log-events", "--log-group-identifier", "arn:aws:logs:us-east-1:123456789012:log-group:app",
              "--log-stream-name", STDOUT],
             "the body holds a member ssmview does not send with GetLogEvents"),
        ]
        for args, why in cases:
            rc, _, err = self.aws(self.proxy.url, args, signed=False)
            self.assertEqual(rc, 254, args)
            self.assertIn(b"(AccessDeniedException)", err, args)
            self.assertIn(b"ssmview-proxy signs only CloudWatch Logs reads of the SSM agent's output streams", err)
            self.assertIn(why.encode(), err, args)
        self.assertEqual(self.fake.recorded, [])
        self.assertLogged(self.proxy, "action=logs:GetLogEvents status=403")

    def test_other_logs_actions_are_refused(self):
        self.fake.reset()
        for args in (["describe-log-groups"], ["delete-log-group", "--log-group-name", GROUP],
                     ["put-retention-policy", "--log-group-name", GROUP, "--retention-in-days", "1"]):
            rc, _, err = self.aws(self.proxy.url, args, signed=False)
            self.assertEqual(rc, 254, args)
            self.assertIn(b"is not allowed by ssmview-proxy", err, args)
        self.assertEqual(self.fake.recorded, [])


if __name__ == "__main__":
    unittest.main()

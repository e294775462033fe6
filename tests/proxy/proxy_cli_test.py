#!/usr/bin/python3
"""The real AWS CLI v2 gets through ssmview-proxy exactly what it gets from AWS directly.

"AWS" is tests/support/fake_aws.py, which checks every signature with botocore. Each case runs
`/usr/bin/aws ... ssm <command>` twice against the same scripted answers (rewound in between):
    directly:          --endpoint-url http://127.0.0.1:FAKE, signed by the CLI with the test key
    through the proxy: --endpoint-url http://127.0.0.1:PROXY --no-sign-request, signed by the proxy
and compares exit status, stdout and stderr byte for byte. Both paths' requests must carry a
signature botocore accepts, the proxy's with the key of its credential source.
"""

import os
import unittest

from proxy_harness import (ENV_KEY, FIXTURES, REGION, ProxyTestCase, clean_env, fake_keys, run_aws_cli)
from fake_aws import FakeAws, SsmService

INVOCATIONS = os.path.join(FIXTURES, "invocations")
SEQUENCES = os.path.join(FIXTURES, "sequences")

SUCCESS = ("1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7", "i-0802cc9316fe86d8a")
FAILED = ("1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7", "i-04fa1e9cd64899d58")
RICH = ("e351974d-9178-4858-8f27-d9150130c5b1", "i-036cdd9ecb6f1cd2e")
WINDOWS = ("8b5ac78f-aacc-465f-9456-c49b3d919a55", "mi-0ff4037dc13aa6cdd")
LIFECYCLE = ("f8b443e0-ec46-492c-8b0a-6428e7d07fe6", "i-0f6e9dfe67458e033")
NOT_FOUND_WITH_MESSAGE = ("eae0bb53-676e-4dbe-baea-f3be42c73249", "i-0982013cacc9d189d")
UNKNOWN = ("00000000-1111-4222-8333-444444444444", "i-0123456789abcdef0")

# ListCommands / ListCommandInvocations answers in SSM's wire form (epoch-second floats).
LIST_COMMANDS = {"Commands": [{
    "CommandId": SUCCESS[0], "DocumentName": "AWS-RunShellScript", "DocumentVersion": "$DEFAULT",
    "Comment": "proxy pass-through", "ExpiresAfter": 1.7641e9, "Parameters": {"commands": ["echo hi"]},
    "InstanceIds": [SUCCESS[1]], "Targets": [], "RequestedDateTime": 1.7640012345E9, "Status": "Success",
    "StatusDetails": "Success", "OutputS3Region": "us-east-1", "MaxConcurrency": "50", "MaxErrors": "0",
    "TargetCount": 1, "CompletedCount": 1, "ErrorCount": 0, "DeliveryTimedOutCount": 0,
    "ServiceRole": "", "NotificationConfig": {"NotificationArn": "", "NotificationEvents": [],
                                              "NotificationType": ""},
    "CloudWatchOutputConfig": {"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": False},
    "TimeoutSeconds": 3600}]}
LIST_INVOCATIONS = {"CommandInvocations": [{
    "CommandId": SUCCESS[0], "InstanceId": SUCCESS[1], "InstanceName": "web-1", "Comment": "",
    "DocumentName": "AWS-RunShellScript", "DocumentVersion": "$DEFAULT", "RequestedDateTime": 1.7640012345E9,
    "Status": "Success", "StatusDetails": "Success", "StandardOutputUrl": "", "StandardErrorUrl": "",
    "CommandPlugins": [{"Name": "aws:runShellScript", "Status": "Success", "StatusDetails": "Success",
                        "ResponseCode": 0, "Output": "hi\n"}],
    "ServiceRole": "", "NotificationConfig": {"NotificationArn": "", "NotificationEvents": [],
                                              "NotificationType": ""},
    "CloudWatchOutputConfig": {"CloudWatchLogGroupName": "", "CloudWatchOutputEnabled": False}}]}


class AwsCliThroughProxy(ProxyTestCase):
    def setUp(self):
        super().setUp()
        self.fake = FakeAws(fake_keys(), REGION, [SsmService([INVOCATIONS, SEQUENCES])]).start()
        self.fake.ssm.script("ListCommands", 200, LIST_COMMANDS)
        self.fake.ssm.script("ListCommandInvocations", 200, LIST_INVOCATIONS)
        env = clean_env(self.home, AWS_ACCESS_KEY_ID=ENV_KEY[0], AWS_SECRET_ACCESS_KEY=ENV_KEY[1])
        self.proxy = self.start_proxy(["--endpoint-url", self.fake.url, "--region", REGION], env)

    def tearDown(self):
        self.fake.stop()
        super().tearDown()

    def aws(self, url, args, signed):
        return run_aws_cli(self.home, url, ["ssm"] + args, signed)

    def same_both_ways(self, *runs):
        """Each run is a list of CLI arguments; they run in order, directly then through the proxy."""
        self.fake.reset()
        direct = [self.aws(self.fake.url, a, signed=True) for a in runs]
        direct_requests = list(self.fake.recorded)
        self.fake.reset()
        proxied = [self.aws(self.proxy.url, a, signed=False) for a in runs]
        proxied_requests = list(self.fake.recorded)
        for a, d, p in zip(runs, direct, proxied):
            self.assertEqual(d, p, f"aws ssm {' '.join(a)}: the proxy changed what the CLI gets")
        self.assertEqual(len(direct_requests), len(runs))
        self.assertEqual(len(proxied_requests), len(runs))
        for r in direct_requests + proxied_requests:
            self.assertTrue(r.signature_ok, r)
            self.assertEqual(r.access_key, ENV_KEY[0], r)
        for r in proxied_requests:
            # The proxy forwards the protocol's headers and its own signature, nothing of the client's.
            self.assertNotIn("aws-cli", r.header("User-Agent") or "", r)
        return direct

    def test_get_command_invocation_success_is_byte_identical(self):
        rc, out, _ = self.same_both_ways(
            ["get-command-invocation", "--command-id", SUCCESS[0], "--instance-id", SUCCESS[1]])[0]
        self.assertEqual(rc, 0)
        self.assertIn(b'"Status": "Success"', out)

    def test_every_output_format_and_rich_text_pass_unchanged(self):
        runs = [["get-command-invocation", "--command-id", ids[0], "--instance-id", ids[1], "--output", fmt]
                for ids, fmt in ((RICH, "json"), (FAILED, "text"), (WINDOWS, "yaml"), (RICH, "table"))]
        results = self.same_both_ways(*runs)
        self.assertTrue(all(r[0] == 0 for r in results), results)
        self.assertIn(b"\\u001b[", results[0][1])  # RICH, json: ANSI escapes as the CLI writes them

    def test_a_sequence_advances_the_same_way(self):
        cmd = ["get-command-invocation", "--command-id", LIFECYCLE[0], "--instance-id", LIFECYCLE[1]]
        results = self.same_both_ways(cmd, cmd, cmd, cmd)
        self.assertEqual(results[0][0], 254)  # InvocationDoesNotExist first, as after send-command
        self.assertTrue(all(r[0] == 0 for r in results[1:]), results)

    def test_aws_errors_and_their_exit_status_pass_unchanged(self):
        results = self.same_both_ways(
            ["get-command-invocation", "--command-id", UNKNOWN[0], "--instance-id", UNKNOWN[1]],
            ["get-command-invocation", "--command-id", NOT_FOUND_WITH_MESSAGE[0], "--instance-id",
             NOT_FOUND_WITH_MESSAGE[1]],
            ["get-command-invocation", "--command-id", SUCCESS[0], "--instance-id", SUCCESS[1],
             "--plugin-name", "aws:noSuchPlugin"])
        self.assertEqual([r[0] for r in results], [254, 254, 254])
        self.assertIn(b"An error occurred (InvocationDoesNotExist) when calling the GetCommandInvocation operation",
                      results[0][2])
        self.assertIn(b"didn't match any invocations", results[1][2])
        self.assertIn(b"(InvalidPluginName)", results[2][2])

    def test_list_commands_and_list_command_invocations_pass_unchanged(self):
        results = self.same_both_ways(
            ["list-commands", "--command-id", SUCCESS[0]],
            ["list-command-invocations", "--command-id", SUCCESS[0], "--details"])
        self.assertEqual([r[0] for r in results], [0, 0])
        self.assertIn(b"proxy pass-through", results[0][1])
        self.assertIn(b"aws:runShellScript", results[1][1])

    def test_a_write_action_is_refused_and_never_reaches_aws(self):
        self.fake.reset()
        rc, out, err = self.aws(self.proxy.url, ["send-command", "--document-name", "AWS-RunShellScript",
                                                 "--instance-ids", SUCCESS[1], "--parameters", "commands=reboot"],
                                signed=False)
        self.assertEqual(rc, 254)
        self.assertIn(b"An error occurred (AccessDeniedException) when calling the SendCommand operation: "
                      b"AmazonSSM.SendCommand is not allowed by ssmview-proxy", err)
        self.assertEqual(self.fake.recorded, [])
        self.assertLogged(self.proxy, "action=AmazonSSM.SendCommand status=403")


if __name__ == "__main__":
    unittest.main()

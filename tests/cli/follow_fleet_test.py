"""tests/cli/follow_fleet_test.py: `ssmview follow --command-id ID` without --instance-id: every invocation.

Index
  helpers          the CLI's environment (fetch_follow_test's clean_env), a simulated proxy played
                   10 times faster with the follow clock compressed to match
  SimulatedTest    through ssmview-proxy --simulate: the 12-node fleet to its end (lines, the
                   grouped report, exit 206), --json, the 2,000-node fleet paged through
                   throttling with --similar, a one-node command that succeeds (exit 0), a
                   command that is not there (211)
  DirectTest       directly to SSM on loopback (tests/support/fake_aws.py checks every signature
                   with botocore): the requests are ListCommands then ListCommandInvocations with
                   Details and MaxResults 50, signed, and the report is the pasted fleet's
  UsageTest        what does not combine with following a whole command

The simulator plays its timelines 10 times faster (--simulate-speed 10) and the CLI's follow clock
runs 10 times faster (SSMVIEW_FOLLOW_INTERVAL_MS=500), so the pace is the real one, compressed.
"""
import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fetch_follow_test as ff  # noqa: E402  (helpers: clean_env, Ssm keys, proxy_process)
from fetch_follow_test import fake_aws, proxy_process  # noqa: E402

PATCH = "6f1d2c84-3a5b-4e97-8c20-b7e4a9d1f356"    # 12 nodes, 3 outputs, 2 failures
WEB = "d93a7e15-0c48-4b6f-a2e9-5f81c6b3d704"      # 2,000 nodes
DEPLOY = "7c1e2b9a-4f3d-4e8a-9b61-2d5f0c3a8e17"   # one node, Success
EXIT_FLEET_NOT_ALL_SUCCEEDED, EXIT_AWS_ERROR, EXIT_USAGE = 206, 211, 2


def env():
    return ff.clean_env(SSMVIEW_FOLLOW_INTERVAL_MS="500")


class SimulatedTest(unittest.TestCase):
    # A proxy per test: a simulated command starts when first asked about, so every test sees
    # its command from the start.
    def setUp(self):
        self.proxy = proxy_process.ProxyProcess(["--simulate", "--simulate-speed", "10"], ff.clean_env())
        if self.proxy.port is None:
            raise RuntimeError("ssmview-proxy did not start: " + self.proxy.log)

    def tearDown(self):
        self.proxy.stop()

    def follow(self, command_id, *extra, timeout=120):
        return subprocess.run([ff.BIN, "follow", "--proxy", self.proxy.url, "--command-id", command_id, *extra],
                              env=env(), capture_output=True, timeout=timeout)

    def test_the_12_node_fleet_is_followed_to_its_end_and_grouped(self):
        r = self.follow(PATCH)
        err = r.stderr.decode()
        out = r.stdout.decode()
        self.assertEqual(r.returncode, EXIT_FLEET_NOT_ALL_SUCCEEDED, err)
        lines = err.splitlines()
        self.assertEqual(lines[0], "ssmview: following every invocation of %s through %s (ssmview-proxy signs)"
                         % (PATCH, self.proxy.url))
        counts = [l for l in lines[1:] if "targets:" in l]
        self.assertGreaterEqual(len(counts), 2, err)       # it saw the fleet move, not only the end
        self.assertRegex(counts[-1], r"  failed +12 targets: 10 success, 2 failed$")
        self.assertIn("in_progress", err)
        self.assertEqual(len(counts), len(set(l.split("  ", 1)[1] for l in counts)))  # one line per change
        # The report: as `inspect` prints the same pages.
        self.assertIn("Not successful (2):", out)
        self.assertIn("stdout: 3 distinct outputs", out)
        self.assertIn("reboot required: the kernel was updated", out)
        self.assertIn("failed to run commands: exit status 1", out)

    def test_json_is_the_fleet_object(self):
        r = self.follow(PATCH, "--json")
        self.assertEqual(r.returncode, EXIT_FLEET_NOT_ALL_SUCCEEDED, r.stderr.decode())
        fleet = json.loads(r.stdout)
        self.assertEqual(fleet["kind"], "fleet")
        self.assertEqual(fleet["counts"], {"success": 10, "failed": 2})
        self.assertEqual(fleet["command"]["commandId"], PATCH)
        self.assertTrue(fleet["command"]["terminal"])
        self.assertEqual(len(fleet["invocations"]), 12)
        self.assertTrue(all(i["terminal"] for i in fleet["invocations"]))
        self.assertEqual(sorted(len(g["instances"]) for g in fleet["groups"] if g["stream"] == "stdout"), [2, 3, 7])

    def test_the_2000_node_fleet_pages_through_throttling_and_groups_by_likeness(self):
        r = self.follow(WEB, "--json", "--similar", timeout=180)
        err = r.stderr.decode()
        self.assertEqual(r.returncode, EXIT_FLEET_NOT_ALL_SUCCEEDED, err)
        fleet = json.loads(r.stdout)
        self.assertEqual(len(fleet["invocations"]), 2000)
        self.assertEqual(len({i["instanceId"] for i in fleet["invocations"]}), 2000)
        self.assertEqual(fleet["counts"], {"success": 1866, "failed": 84, "timed_out": 50})
        self.assertEqual(fleet["pages"], 41)  # ListCommands and 40 pages of 50
        # The simulator throttles every 10th request: the follow backed off and asked again.
        self.assertIn("ThrottlingException: Rate exceeded (ListCommandInvocations); backing off", err)
        stdout_groups = [g for g in fleet["groups"] if g["stream"] == "stdout"]
        self.assertEqual(len(stdout_groups), 5)
        self.assertGreater(stdout_groups[0]["variants"], 30)

    def test_a_command_on_one_node_that_succeeds_exits_0(self):
        r = self.follow(DEPLOY, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertRegex(r.stderr.decode().splitlines()[-1], r"  success +1 target: 1 success$")

    def test_a_command_that_is_not_listed_stops_with_211(self):
        r = self.follow("00000000-0000-4000-8000-000000000000")
        self.assertEqual(r.returncode, EXIT_AWS_ERROR)
        self.assertEqual(r.stderr.decode().splitlines()[-1],
                         "ssmview: ListCommands lists no command 00000000-0000-4000-8000-000000000000 here: check the "
                         "CommandId and the region (SSM lists commands for 30 days)")


class DirectTest(unittest.TestCase):
    def test_direct_requests_are_signed_list_calls_and_the_report_is_the_pasted_fleets(self):
        fake = fake_aws.FakeAws({ff.ACCESS_KEY: (ff.SECRET_KEY, None)}, region="us-east-1",
                                services=[fake_aws.SsmService(fleets_dirs=[os.path.join(ff.FIX, "fleets")])])
        fake.start()
        try:
            command = "3f1c9a52-7d4e-4b8a-9c61-2e5f8d0b7a14"
            r = subprocess.run([ff.BIN, "follow", "--endpoint-url", fake.url, "--command-id", command, "--json"],
                               env=env(), capture_output=True, timeout=60)
            self.assertEqual(r.returncode, EXIT_FLEET_NOT_ALL_SUCCEEDED, r.stderr.decode())
            self.assertTrue(fake.recorded)
            for rec in fake.recorded:
                self.assertTrue(rec.signature_ok, rec)
                self.assertEqual(rec.access_key, ff.ACCESS_KEY)
            targets = [rec.header("X-Amz-Target") for rec in fake.recorded]
            self.assertEqual(targets, ["AmazonSSM.ListCommands", "AmazonSSM.ListCommandInvocations"])
            self.assertEqual(json.loads(fake.recorded[1].body),
                             {"CommandId": command, "MaxResults": 50, "Details": True})
            followed = json.loads(r.stdout)
        finally:
            fake.stop()
        # The same fleet, pasted: the fixture's command and invocations.
        with open(os.path.join(ff.FIX, "fleets", "deploy.json"), encoding="utf-8") as f:
            fixture = json.load(f)
        self.assertEqual([i["instanceId"] for i in followed["invocations"]],
                         [i["InstanceId"] for i in fixture["CommandInvocations"]])
        self.assertEqual(followed["counts"], {"success": 9, "failed": 2, "timed_out": 1})


class UsageTest(unittest.TestCase):
    def test_what_does_not_combine_with_a_whole_command(self):
        for args, message in [
            (["--plugin-name", "aws:runShellScript"], "--plugin-name names a step of one invocation: add --instance-id"),
            (["--stream"], "--stream follows one invocation's output: add --instance-id (without it, follow reports "
                           "the whole fleet)"),
        ]:
            r = subprocess.run([ff.BIN, "follow", "--command-id", PATCH, *args], env=env(), capture_output=True, timeout=30)
            self.assertEqual(r.returncode, EXIT_USAGE)
            self.assertIn(message, r.stderr.decode())
        r = subprocess.run([ff.BIN, "follow", "--command-id", PATCH, "--instance-id", "i-0123456789abcdef0", "--similar"],
                           env=env(), capture_output=True, timeout=30)
        self.assertEqual(r.returncode, EXIT_USAGE)
        self.assertIn("--similar groups a fleet's outputs: leave out --instance-id", r.stderr.decode())


if __name__ == "__main__":
    unittest.main()

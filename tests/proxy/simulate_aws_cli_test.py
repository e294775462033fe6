"""tests/proxy/simulate_aws_cli_test.py: the real AWS CLI v2 reads `ssmview-proxy --simulate` like SSM.

Index
  SimulateTestCase      ssmview-proxy --simulate on 127.0.0.1, a free port (proxy_harness.py starts,
                        stops and checks it); aws(): /usr/bin/aws --endpoint-url ... --no-sign-request
  ListTest              list-commands (one page and --page-size 2), list-command-invocations --details
  FleetTest             the 2,000-node fleet paged by the CLI (throttled on the way), then inspected
  GetTest               get-command-invocation: InvocationDoesNotExist first, then Pending; the
                        CLI's output is valid for `ssmview inspect`; PluginName for two steps;
                        a ValidationException as the CLI prints it
  WaiterTest            `aws ssm wait command-executed` follows a simulated command to Success
  HttpTest              the throttling pattern, headers and /healthz through the proxy's front

The AWS CLI validates what it reads against the API model (shapes, types, timestamps), so a
body it prints is a body an SDK accepts. Each test starts its own proxy: a command starts when
first mentioned, so tests must not share that history. The clock is the real one: the tests wait
the few seconds an invocation takes to become visible (3.2 s at most).
"""
import datetime
import json
import os
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from proxy_harness import AWS_CLI, ProxyTestCase, clean_env, ssm_headers  # noqa: E402

SSMVIEW = os.environ["SSMVIEW_BIN"]

DEPLOY = ("7c1e2b9a-4f3d-4e8a-9b61-2d5f0c3a8e17", "i-0a3f5c9e71b2d4086")
TWO_STEPS = ("a6e3f0b9-15d4-4c8a-9f27-8b0d2e6c4a91", "i-0d5b9f1e3a7c2e864")
WINDOWS = ("2f9a4c61-d83e-4b05-a7c2-e15b9f8d3064", "mi-0c5e8f1a2b3d4e5f6")
ORDER = [  # newest first; all started by the same request, so in catalog order
    "7c1e2b9a-4f3d-4e8a-9b61-2d5f0c3a8e17", "3b8d6f21-90ae-4c57-a1e4-6f2c9d0b7a35",
    "e4a90c7d-2b16-4f8e-8d3a-51c7b0e9f624", "91f5d3b8-6c2a-4e07-b4d9-0a8e7f1c2d53",
    "5d2c8e46-a71b-4f93-8e05-c39b6a4d1f78", "a6e3f0b9-15d4-4c8a-9f27-8b0d2e6c4a91",
    "2f9a4c61-d83e-4b05-a7c2-e15b9f8d3064", "c8b4e1f2-7a39-4d6e-b0c5-93f1a2d7e468",
    "4e7d2a90-b1c6-4f38-9a05-d6e8c3b1f729", "6f1d2c84-3a5b-4e97-8c20-b7e4a9d1f356",
    "b2f8c6a1-4d73-4e09-9a5c-e16d0f7b2c83", "d93a7e15-0c48-4b6f-a2e9-5f81c6b3d704",
]
WEB_FLEET = "d93a7e15-0c48-4b6f-a2e9-5f81c6b3d704"  # 2,000 nodes, ended 38 s after it starts
STORY_INVOCATIONS = 11  # the nine single-node stories and the pre-flight's three: listed first
VISIBLE_AFTER_S = 3.5  # every simulated invocation is visible 3.2 s after its command starts


class SimulateTestCase(ProxyTestCase):
    def start_simulated(self, *flags):
        return self.start_proxy(["--simulate", *flags], clean_env(self.home))

    def aws(self, proxy, *args):
        env = clean_env(self.home, TZ="UTC")
        r = subprocess.run([AWS_CLI, "--endpoint-url", proxy.url, "--no-sign-request", "--region", "us-east-1",
                            "--output", "json", "ssm", *args], env=env, capture_output=True, timeout=120)
        return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")

    def aws_json(self, proxy, *args):
        code, out, err = self.aws(proxy, *args)
        self.assertEqual(code, 0, err)
        return json.loads(out)


def cli_time(text):
    return datetime.datetime.fromisoformat(text).timestamp()


class ListTest(SimulateTestCase):
    def test_list_commands_parses_and_lists_every_simulated_command(self):
        p = self.start_simulated()
        before = time.time()
        commands = self.aws_json(p, "list-commands")["Commands"]
        after = time.time()
        self.assertEqual([c["CommandId"] for c in commands], ORDER)
        for c in commands:
            # RequestedDateTime went over the wire as 1.7...E9 and the CLI printed it as a time.
            self.assertGreaterEqual(cli_time(c["RequestedDateTime"]), before - 1)
            self.assertLessEqual(cli_time(c["RequestedDateTime"]), after + 1)
            self.assertEqual(cli_time(c["ExpiresAfter"]) - cli_time(c["RequestedDateTime"]), c["TimeoutSeconds"])
            self.assertEqual(c["Status"], "Pending")
            if c["Targets"]:  # sent to a tag: the invocations name the instances
                self.assertEqual(c["InstanceIds"], [])
            else:
                self.assertEqual(c["TargetCount"], len(c["InstanceIds"]))
        self.assertEqual(commands[1]["Parameters"]["executionTimeout"], ["600"])

    def test_list_commands_page_by_page_gives_the_same_list(self):
        p = self.start_simulated()
        whole = self.aws_json(p, "list-commands")["Commands"]
        paged = self.aws_json(p, "list-commands", "--page-size", "2")["Commands"]
        first = self.aws_json(p, "list-commands", "--max-items", "3")
        self.assertEqual([c["CommandId"] for c in paged], [c["CommandId"] for c in whole])
        self.assertEqual([c["CommandId"] for c in first["Commands"]], ORDER[:3])
        self.assertIn("NextToken", first)

    def test_list_command_invocations_with_details_lists_instances_and_steps(self):
        p = self.start_simulated()
        self.assertEqual(self.aws_json(p, "list-command-invocations")["CommandInvocations"], [])
        time.sleep(VISIBLE_AFTER_S)
        # The stories' invocations come first (catalog order); the fleets' 2,018 after them.
        first = ("--max-items", str(STORY_INVOCATIONS))
        invocations = self.aws_json(p, "list-command-invocations", "--details", *first)["CommandInvocations"]
        paged = self.aws_json(p, "list-command-invocations", "--details", "--page-size", "4", *first)["CommandInvocations"]
        self.assertEqual(len(invocations), STORY_INVOCATIONS)
        self.assertEqual([i["InstanceId"] for i in paged], [i["InstanceId"] for i in invocations])
        steps = {i["InstanceId"]: [pl["Name"] for pl in i["CommandPlugins"]] for i in invocations}
        self.assertEqual(steps[TWO_STEPS[1]], ["installPackages", "verifyService"])
        self.assertEqual(steps[DEPLOY[1]], ["aws:runShellScript"])
        self.assertEqual(steps[WINDOWS[1]], ["aws:runPowerShellScript"])
        by_id = {i["InstanceId"]: i for i in invocations}
        self.assertEqual(by_id[DEPLOY[1]]["InstanceName"], "ip-10-20-7-88.ec2.internal")
        self.assertIn(by_id[DEPLOY[1]]["Status"], ("Pending", "InProgress"))


class FleetTest(SimulateTestCase):
    def test_the_cli_pages_the_2000_node_fleet_through_throttling_and_inspect_reads_it_whole(self):
        # Four times faster: the fleet ends 9.5 s after the first request. The CLI's own paginator
        # asks 40 pages of 50; every tenth request is throttled and the CLI's retry asks again.
        p = self.start_simulated("--simulate-speed", "4")
        self.aws_json(p, "list-commands", "--command-id", WEB_FLEET)
        time.sleep(38.5 / 4 + 1)
        code, commands, err = self.aws(p, "list-commands", "--command-id", WEB_FLEET)
        self.assertEqual(code, 0, err)
        code, pages, err = self.aws(p, "list-command-invocations", "--command-id", WEB_FLEET, "--details",
                                    "--page-size", "50")
        self.assertEqual(code, 0, err)
        listed = json.loads(pages)["CommandInvocations"]
        self.assertEqual(len(listed), 2000)
        self.assertEqual(len({i["InstanceId"] for i in listed}), 2000)
        # What a person pastes: both outputs, one after the other.
        r = subprocess.run([SSMVIEW, "inspect", "--json", "-"], input=(commands + pages).encode("utf-8"),
                           capture_output=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr.decode("utf-8"))
        fleet = json.loads(r.stdout)
        self.assertEqual(fleet["kind"], "fleet")
        self.assertEqual(len(fleet["invocations"]), 2000)
        self.assertEqual(sum(fleet["counts"].values()), 2000)
        self.assertGreater(fleet["counts"]["success"], 1800)
        self.assertGreater(fleet["counts"]["timed_out"], 10)
        self.assertEqual(fleet["command"]["targetCount"], 2000)
        self.assertEqual(fleet["command"]["completedCount"], 2000)
        self.assertEqual([d["severity"] for d in fleet["diagnostics"] if d["severity"] != "info"], [])


class GetTest(SimulateTestCase):
    def test_get_command_invocation_is_not_found_first_then_pending_and_inspect_reads_it(self):
        p = self.start_simulated()
        code, out, err = self.aws(p, "get-command-invocation", "--command-id", DEPLOY[0], "--instance-id", DEPLOY[1])
        self.assertEqual(code, 254)
        self.assertEqual(out, "")
        self.assertIn("An error occurred (InvocationDoesNotExist) when calling the GetCommandInvocation "
                      "operation: ", err)
        time.sleep(VISIBLE_AFTER_S)
        code, out, err = self.aws(p, "get-command-invocation", "--command-id", DEPLOY[0], "--instance-id", DEPLOY[1])
        self.assertEqual(code, 0, err)
        printed = json.loads(out)
        # Pending from 3.0 s, InProgress from 7.4 s: a slow machine may take that long per CLI call.
        self.assertIn(printed["Status"], ("Pending", "InProgress"))
        self.assertEqual(printed["CloudWatchOutputConfig"]["CloudWatchOutputEnabled"], True)
        # What the AWS CLI printed is what people paste: the viewer's core reads it.
        r = subprocess.run([SSMVIEW, "inspect", "--json", "-"], input=out.encode("utf-8"), capture_output=True,
                           timeout=60)
        report = json.loads(r.stdout)
        self.assertEqual(r.returncode, 0)
        self.assertTrue(report["valid"])
        self.assertEqual(report["state"]["phase"], {"Pending": "pending", "InProgress": "in_progress"}[printed["Status"]])

    def test_a_two_step_document_needs_plugin_name(self):
        p = self.start_simulated()
        self.aws_json(p, "list-commands")
        time.sleep(VISIBLE_AFTER_S)
        code, _, err = self.aws(p, "get-command-invocation", "--command-id", TWO_STEPS[0], "--instance-id",
                                TWO_STEPS[1])
        self.assertEqual(code, 254)
        self.assertIn("An error occurred (InvalidPluginName) when calling the GetCommandInvocation operation: ", err)
        step = self.aws_json(p, "get-command-invocation", "--command-id", TWO_STEPS[0], "--instance-id", TWO_STEPS[1],
                             "--plugin-name", "installPackages")
        self.assertEqual(step["PluginName"], "installPackages")
        self.assertEqual(step["DocumentName"], "ssmview-InstallAndVerify")

    def test_a_validation_error_reaches_the_cli_in_the_service_words(self):
        p = self.start_simulated()
        code, _, err = self.aws(p, "get-command-invocation", "--command-id", DEPLOY[0] + "0", "--instance-id",
                                DEPLOY[1])
        self.assertEqual(code, 254)
        self.assertIn("An error occurred (ValidationException) when calling the GetCommandInvocation operation: "
                      "1 validation error detected: Value '" + DEPLOY[0] + "0' at 'commandId' failed to satisfy "
                      "constraint: Member must have length less than or equal to 36", err)


class WaiterTest(SimulateTestCase):
    def test_the_cli_waiter_follows_a_simulated_command_to_success(self):
        # The Windows command succeeds 11.3 s after it starts; the waiter asks every 5 s and
        # retries InvocationDoesNotExist, so it returns after about 15 s.
        p = self.start_simulated()
        started = time.time()
        code, _, err = self.aws(p, "wait", "command-executed", "--command-id", WINDOWS[0], "--instance-id", WINDOWS[1])
        took = time.time() - started
        self.assertEqual(code, 0, err)
        self.assertGreater(took, 10)
        final = self.aws_json(p, "get-command-invocation", "--command-id", WINDOWS[0], "--instance-id", WINDOWS[1])
        self.assertEqual(final["Status"], "Success")
        self.assertIn("\r\nStatus   Name", final["StandardOutputContent"])


class HttpTest(SimulateTestCase):
    def test_every_tenth_request_is_throttled_through_the_front(self):
        p = self.start_simulated()
        for n in range(1, 21):
            a = self.call(p, "POST", "/", ssm_headers("ListCommands"), b"{}")
            with self.subTest(request=n):
                self.assertEqual(len(a.header("x-amzn-RequestId")), 36)
                if n % 10 == 0:
                    self.assertEqual(a.status, 400)
                    self.assertEqual(a.header("x-amzn-ErrorType"), "ThrottlingException")
                    self.assertEqual(a.body, b'{"__type":"ThrottlingException","message":"Rate exceeded"}')
                else:
                    self.assertEqual(a.status, 200)
                    self.assertEqual(a.header("Content-Type"), "application/x-amz-json-1.1")
                    self.assertEqual(len(a.json()["Commands"]), len(ORDER))

    def test_healthz_says_simulated_and_lists_the_commands(self):
        p = self.start_simulated()
        health = self.call(p, "GET", "/healthz").json()
        self.assertTrue(health["simulated"])
        self.assertEqual(health["upstream"]["upstream"], "simulated")
        self.assertEqual(health["upstream"]["throttling"], "requests 10, 20, 30, ... answer ThrottlingException")
        self.assertEqual([c["CommandId"] for c in health["upstream"]["commands"]], ORDER)


if __name__ == "__main__":
    unittest.main()

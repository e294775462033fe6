"""tests/proxy/simulate_inspect_test.py: every simulated answer is valid for `ssmview inspect --json` and classifies as meant.

Index
  timeline()            the simulator's distinct GetCommandInvocation answers (simulate_timeline)
  inspect()             one body through the CLI users run
  InspectSimulatedTest  valid, no warning, and the phases simulated_phases.json documents

The simulator's bodies come from simulate_timeline (a manual clock walks each invocation from its
first mention to after its end, 100 ms at a time); the expectations are the same file the Catch2
catalog test reads, so the core in-process and the CLI are held to one statement of intent.
"""
import json
import os
import subprocess
import unittest

BIN = os.environ["SSMVIEW_BIN"]
TIMELINE = os.environ["SSMVIEW_SIM_TIMELINE"]
HERE = os.path.dirname(os.path.abspath(__file__))


def timeline():
    out = subprocess.run([TIMELINE], capture_output=True, check=True, timeout=120).stdout
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


def inspect(body):
    r = subprocess.run([BIN, "inspect", "--json", "-"], input=body.encode("utf-8"), capture_output=True, timeout=60)
    return r.returncode, json.loads(r.stdout)


def label(report):
    state = report["state"]
    return state["phase"] + ("/" + state["detail"] if state["detail"] else "")


class InspectSimulatedTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.lines = timeline()
        with open(os.path.join(HERE, "simulated_phases.json"), encoding="utf-8") as f:
            cls.expected = json.load(f)["phases"]

    def test_every_answer_is_valid_with_no_warning_and_exit_status_0(self):
        checked = 0
        for line in self.lines:
            if line["status"] != 200:
                continue
            with self.subTest(key=line["key"], t=line["t"]):
                code, report = inspect(line["body"])
                self.assertEqual(code, 0)
                self.assertTrue(report["valid"])
                self.assertEqual(report["format"], "json")
                noisy = [d for d in report["diagnostics"] if d["severity"] != "info"]
                self.assertEqual(noisy, [])
                checked += 1
        self.assertGreater(checked, 60)

    def test_each_invocation_goes_through_the_documented_phases(self):
        seen = {}
        for line in self.lines:
            if line["status"] == 200:
                phase = label(inspect(line["body"])[1])
            else:
                self.assertEqual(line["error"], "InvocationDoesNotExist")
                self.assertEqual(line["body"], '{"__type":"InvocationDoesNotExist"}')
                phase = "not_yet"
            phases = seen.setdefault(line["key"], [])
            if not phases or phases[-1] != phase:
                phases.append(phase)
        self.assertEqual(seen, self.expected)

    def test_the_cli_reads_the_same_ids_and_status_the_simulator_sent(self):
        for line in self.lines:
            if line["status"] != 200:
                continue
            body = json.loads(line["body"])
            report = inspect(line["body"])[1]
            with self.subTest(key=line["key"], t=line["t"]):
                self.assertEqual(report["invocation"]["CommandId"], body["CommandId"])
                self.assertEqual(report["invocation"]["InstanceId"], body["InstanceId"])
                self.assertEqual(report["state"]["status"], body["Status"])
                self.assertEqual(report["state"]["terminal"],
                                 body["Status"] in ("Success", "Failed", "TimedOut", "Cancelled"))


if __name__ == "__main__":
    unittest.main()

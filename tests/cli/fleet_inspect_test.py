"""tests/cli/fleet_inspect_test.py: `ssmview inspect` on fleet outputs, as a person and a script use it.

Index
  helpers              run the binary; an independent reading of the fixture (Python's json)
  FleetTextTest        counts, failures first, each distinct output once headed by its instances
  FleetJsonTest        kind "fleet": invocations and groups equal Python's own grouping of the
                       same CLI output; --similar variants; pages pasted with prompts
  FleetExitTest        exit 0 for a readable fleet whatever its outcome, 1 for a broken page
  FleetTargetTest      --instance-id: one target as its own invocation report, its stdout and
                       stderr split back from the step's Output by Python; the wrong id or step
  FleetLinkTest        `link` on a fleet: Python decodes the link and finds every invocation of the
                       paste; `open` + `inspect` give the same report; a fleet too large keeps its
                       failures and says what it left out; --mask reaches the outputs
"""
import json
import os
import subprocess
import unittest

BIN = os.environ["SSMVIEW_BIN"]
FIX = os.environ["SSMVIEW_FIXTURES"]
ERROR_TITLE = "\n----------ERROR-------\n"


def run(*args, stdin=None):
    return subprocess.run([BIN, *args], input=stdin, capture_output=True, timeout=120)


def fixture_path(name):
    return os.path.join(FIX, name)


def python_groups(invocations, stream):
    """clubak -b by hand: instance ids per distinct text, largest group first (ties: first seen)."""
    groups = {}
    for inv in invocations:
        plugins = inv["CommandPlugins"]
        text = plugins[0]["Output"]
        out, _, err = text.partition(ERROR_TITLE)
        groups.setdefault(out if stream == "stdout" else err, []).append(inv["InstanceId"])
    ordered = sorted(groups.items(), key=lambda kv: -len(kv[1]))  # sorted() is stable
    return [{"stream": stream, "instances": ids, "text": text} for text, ids in ordered]


class FleetTextTest(unittest.TestCase):
    def test_counts_then_failures_then_each_output_once(self):
        p = run("inspect", "--no-color", fixture_path("aws-cli/fleet-deploy.details.json"))
        self.assertEqual(p.returncode, 0, p.stderr)
        out = p.stdout.decode()
        self.assertTrue(out.startswith("Fleet: list-command-invocations, 1 page, 12 invocations\n"), out[:200])
        self.assertIn("  Phases          success 9, failed 2, timed_out 1\n", out)
        self.assertIn("  Slowest         i-000005a1e00000008 (8.460 s)\n", out)
        failures = out.index("Not successful (3):\n")
        self.assertLess(failures, out.index("stdout: 7 distinct outputs\n"))
        self.assertIn("  i-000005a1e0000000b  timed_out (delivery_timed_out)  code -1  web-12\n", out)
        self.assertIn("---------------- i-000005a1e00000000, i-000005a1e00000001, i-000005a1e00000002, "
                      "i-000005a1e00000003, i-000005a1e00000004 (5)\n  | Fetching web-1.4.2.tar.gz\n", out)
        self.assertIn("---------------- i-000005a1e00000008 (1), cut by the agent\n", out)
        self.assertIn("  | ... 47 lines more (ssmview inspect --json has all)\n", out)
        self.assertIn("stderr: 3 distinct outputs\n", out)

    def test_similar_joins_outputs_that_differ_in_times(self):
        out = run("inspect", "--similar", fixture_path("aws-cli/fleet-deploy.details.json")).stdout.decode()
        self.assertIn("stdout: 5 distinct outputs (digits, hex ids and times ignored)\n", out)
        self.assertIn("i-000005a1e00000005, i-000005a1e00000006, i-000005a1e00000007 (3), 3 variants\n", out)

    def test_a_script_cannot_drive_the_terminal_through_an_output(self):
        page = {"CommandInvocations": [{"CommandId": "3f1c9a52-7d4e-4b8a-9c61-2e5f8d0b7a14", "InstanceId": "i-0123456789abcdef0",
                                        "Status": "Success", "CommandPlugins": [
                                            {"Name": "aws:runShellScript", "Status": "Success", "ResponseCode": 0,
                                             "Output": "\x1b]0;pwned\x07title\n\x1b[2Jclear\n"}]}]}
        out = run("inspect", "-", stdin=json.dumps(page).encode()).stdout.decode()
        self.assertNotIn("\x1b", out)
        self.assertIn("  | title\n  | clear\n", out)


class FleetJsonTest(unittest.TestCase):
    def test_groups_equal_an_independent_grouping_of_the_same_output(self):
        with open(fixture_path("aws-cli/fleet-deploy.details.json"), encoding="utf-8") as f:
            src = json.load(f)
        j = json.loads(run("inspect", "--json", fixture_path("aws-cli/fleet-deploy.details.json")).stdout)
        self.assertEqual(j["kind"], "fleet")
        self.assertTrue(j["valid"])
        got = [{k: g[k] for k in ("stream", "instances", "text")} for g in j["groups"]]
        self.assertEqual(got, python_groups(src["CommandInvocations"], "stdout") +
                         python_groups(src["CommandInvocations"], "stderr"))
        self.assertEqual([r["instanceId"] for r in j["invocations"]], [i["InstanceId"] for i in src["CommandInvocations"]])
        self.assertEqual([r["status"] for r in j["invocations"]], [i["Status"] for i in src["CommandInvocations"]])
        self.assertEqual(j["counts"], {"success": 9, "failed": 2, "timed_out": 1})

    def test_pages_pasted_with_prompts_give_the_same_report_as_the_clis_own_paging(self):
        whole = json.loads(run("inspect", "--json", fixture_path("aws-cli/fleet-deploy.details.json")).stdout)
        pages = json.loads(run("inspect", "--json", fixture_path("pasted/fleet-deploy-pages.txt")).stdout)
        self.assertEqual(pages["pages"], 3)
        for key in ("counts", "progress", "span", "invocations", "groups"):
            self.assertEqual(pages[key], whole[key], key)

    def test_similar_groups_carry_their_variant_count(self):
        j = json.loads(run("inspect", "--json", "--similar", fixture_path("aws-cli/fleet-deploy.details.json")).stdout)
        self.assertEqual([g["variants"] for g in j["groups"] if g["stream"] == "stdout"], [1, 3, 1, 1, 1])

    def test_list_commands_and_send_command_give_the_command(self):
        j = json.loads(run("inspect", "--json", fixture_path("aws-cli/fleet-deploy.list-commands.new-york.json")).stdout)
        self.assertEqual(j["command"]["commandId"], "3f1c9a52-7d4e-4b8a-9c61-2e5f8d0b7a14")
        self.assertEqual(j["command"]["requested"]["utc"], "2026-11-20T14:03:07.512Z")
        self.assertEqual(j["command"]["requested"]["offsetMinutes"], -300)
        self.assertEqual(j["progress"], {"done": 12, "total": 12, "from": "counters"})
        s = json.loads(run("inspect", "--json", fixture_path("aws-cli/fleet-deploy.send-command.json")).stdout)
        self.assertEqual(s["sources"], ["send-command"])
        self.assertEqual(s["command"]["phase"], "pending")


class FleetTargetTest(unittest.TestCase):
    def test_a_target_reads_as_its_own_invocation(self):
        path = fixture_path("aws-cli/fleet-deploy.details.json")
        p = run("inspect", "--json", "--instance-id", "i-000005a1e00000009", path)
        self.assertEqual(p.returncode, 0, p.stderr)
        report = json.loads(p.stdout)
        self.assertEqual(report["kind"], "invocation")
        self.assertEqual(report["state"]["phase"], "failed")
        with open(path, encoding="utf-8") as f:
            listed = next(i for i in json.load(f)["CommandInvocations"] if i["InstanceId"] == "i-000005a1e00000009")
        step = listed["CommandPlugins"][0]
        out, _, err = step["Output"].partition(ERROR_TITLE)
        inv = report["invocation"]
        self.assertEqual(inv["StandardOutputContent"], out)
        self.assertEqual(inv["StandardErrorContent"], err)
        self.assertEqual(inv["ResponseCode"], step["ResponseCode"])
        self.assertEqual(inv["PluginName"], step["Name"])
        self.assertEqual(p.stderr.decode(),
                         "ssmview: i-000005a1e00000009 \u00b7 aws:runShellScript: As list-command-invocations --details "
                         "gave it: the step's Output holds at most 2,500 characters of stdout and stderr together, split "
                         "back at the agent's ERROR line. GetCommandInvocation returns up to 24,000 and 8,000.\n")

    def test_a_step_is_picked_by_name(self):
        path = fixture_path("aws-cli/fleet-steps.details.json")
        with open(path, encoding="utf-8") as f:
            first = json.load(f)["CommandInvocations"][0]
        last = first["CommandPlugins"][-1]["Name"]
        p = run("inspect", "--json", "--instance-id", first["InstanceId"], "--plugin-name", last, path)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout)["invocation"]["PluginName"], last)

    def test_an_unknown_target_or_step_is_a_usage_error_with_the_reason(self):
        path = fixture_path("aws-cli/fleet-deploy.details.json")
        p = run("inspect", "--instance-id", "i-0123456789abcdef0", path)
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr.decode(),
                         "ssmview: no invocation on i-0123456789abcdef0 in %s (12 invocations listed)\n" % path)
        p = run("inspect", "--instance-id", "i-000005a1e00000009", "--plugin-name", "nope", path)
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr.decode(), "ssmview: i-000005a1e00000009 has no step nope (its steps: aws:runShellScript)\n")
        p = run("inspect", "--instance-id", "i-000005a1e00000009", fixture_path("aws-cli/failed.json"))
        self.assertEqual(p.returncode, 2)
        self.assertIn("is no fleet output", p.stderr.decode())


class FleetExitTest(unittest.TestCase):
    def test_a_fleet_with_failures_is_still_a_valid_input(self):
        self.assertEqual(run("inspect", fixture_path("aws-cli/fleet-deploy.details.json")).returncode, 0)

    def test_a_page_cut_off_is_an_error_and_shows_the_invocations_read_whole_before_the_cut(self):
        with open(fixture_path("aws-cli/fleet-deploy.details.json"), "rb") as f:
            text = f.read()
        half = text[: len(text) // 2]
        p = run("inspect", "-", stdin=half)
        self.assertEqual(p.returncode, 1)
        out = p.stdout.decode()
        whole = half.count(b'"CommandId"') - 1  # the last invocation started is the one cut
        self.assertGreater(whole, 0)
        self.assertIn(f"Fleet: list-command-invocations, 1 page, {whole} invocations\n", out)
        self.assertIn("[json.truncated]", out)
        self.assertIn(f"the {whole} invocations read whole before the break are shown", out)
        self.assertIn("[fleet.page_broken]", out)

    def test_a_second_page_cut_off_keeps_the_first_and_says_where_the_second_broke(self):
        with open(fixture_path("pasted/fleet-deploy-pages.txt"), "rb") as f:
            text = f.read()
        cut = text[: text.index(b"user@host:~$ aws", 10) + 600]
        p = run("inspect", "-", stdin=cut)
        self.assertEqual(p.returncode, 1)
        out = p.stdout.decode()
        self.assertIn("Fleet: list-command-invocations, 1 page, 5 invocations\n", out)
        self.assertIn("[json.truncated]", out)



def decode_link(url):
    """The link's pages, read by Python alone: base64url, raw inflate, then one JSON value after another."""
    import base64
    import zlib
    payload = url.split("#v1.", 1)[1]
    raw = zlib.decompress(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)), -15).decode()
    pages, pos, dec = [], 0, json.JSONDecoder()
    while pos < len(raw):
        if raw[pos].isspace():
            pos += 1
            continue
        page, pos = dec.raw_decode(raw, pos)
        pages.append(page)
    return payload, pages


class FleetLinkTest(unittest.TestCase):
    def test_a_fleets_link_carries_every_invocation_and_opens_as_the_same_report(self):
        src = fixture_path("pasted/fleet-deploy-pages.txt")
        p = run("link", src, "--base", "https://viewer.example/")
        self.assertEqual(p.returncode, 0, p.stderr)
        url = p.stdout.decode().strip()
        self.assertTrue(url.startswith("https://viewer.example/#v1."))
        _, pages = decode_link(url)
        listed = [inv for page in pages for inv in page.get("CommandInvocations", [])]
        with open(src, encoding="utf-8") as f:
            text = f.read()
        dec, expected, pos = json.JSONDecoder(), [], 0
        while True:
            pos = text.find("{", pos)
            if pos < 0:
                break
            page, pos = dec.raw_decode(text, pos)
            expected += page.get("CommandInvocations", [])
        self.assertEqual([(i["InstanceId"], i["CommandPlugins"][0]["Output"]) for i in listed],
                         [(i["InstanceId"], i["CommandPlugins"][0]["Output"]) for i in expected])
        self.assertFalse(any("SsmviewLink" in page for page in pages))

        opened = run("open", url)
        self.assertEqual(opened.returncode, 0, opened.stderr)
        again = run("inspect", "--json", "-", stdin=opened.stdout)
        first = run("inspect", "--json", src)
        a, b = json.loads(first.stdout), json.loads(again.stdout)
        for key in ("format", "sources", "pages", "diagnostics"):
            a.pop(key), b.pop(key)
        self.assertEqual(a, b)

    def test_a_fleet_too_large_for_a_link_keeps_failures_and_says_what_it_left_out(self):
        import random
        rnd = random.Random(7)
        letters = "abcdefghijklmnopqrstuvwxyz0123456789"
        cid = "5d0a8c2e-1b7f-4e39-9a64-0c3b2f8e7d11"
        invocations = []
        for i in range(3000):
            failed = i % 10 == 0
            status = "Failed" if failed else "Success"
            out = "".join(rnd.choice(letters) for _ in range(2400))  # compresses to about 5/8
            invocations.append({"CommandId": cid, "InstanceId": "i-%017x" % i, "Status": status, "StatusDetails": status,
                                "CommandPlugins": [{"Name": "aws:runShellScript", "Status": status, "StatusDetails": status,
                                                    "ResponseCode": 1 if failed else 0, "Output": out}]})
        text = json.dumps({"CommandInvocations": invocations}).encode()
        p = run("link", "-", stdin=text)
        self.assertEqual(p.returncode, 0, p.stderr)
        url = p.stdout.decode().strip()
        payload, pages = decode_link(url)
        self.assertLessEqual(len(payload), 2 * 1024 * 1024)
        listed = pages[-1]["CommandInvocations"]
        dropped = pages[-1]["SsmviewLink"]["DroppedInvocations"]
        self.assertEqual(set(dropped), {"Success"})
        self.assertEqual(len(listed) + dropped["Success"], 3000)
        self.assertEqual(sum(i["Status"] == "Failed" for i in listed), 300)
        self.assertIn(("ssmview: This link leaves out {:,} of the fleet's 3,000 invocations to fit in a link ({:,} Success); "
                       "those that did not succeed were kept first.").format(dropped["Success"], dropped["Success"]),
                      p.stderr.decode())
        opened = run("open", "-", stdin=url.encode())  # megabytes: past what a command line holds
        self.assertEqual(opened.returncode, 0, opened.stderr)
        self.assertIn(b"[fleet.link_dropped]", opened.stderr)

    def test_redact_masks_a_fleets_outputs(self):
        p = run("link", fixture_path("aws-cli/fleet-deploy.details.json"), "--mask", "web.service")
        self.assertEqual(p.returncode, 0, p.stderr)
        _, pages = decode_link(p.stdout.decode().strip())
        outputs = "".join(pl["Output"] for inv in pages[-1]["CommandInvocations"] for pl in inv["CommandPlugins"])
        self.assertNotIn("web.service", outputs)
        self.assertIn("[redacted]", outputs)
        self.assertIn(b"masked", p.stderr)


if __name__ == "__main__":
    unittest.main()

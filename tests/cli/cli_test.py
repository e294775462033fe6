"""tests/cli/cli_test.py: `ssmview inspect | link | open` as a script or a person uses them.

Index
  helpers                run the binary, read fixtures, decode a link independently
  InspectTest            exit codes, the --json contract, formats, stdin, size bound, cut outputs
  LinkTest               links round-trip byte for byte; Python's zlib reads them (independent)
  BadLinkTest            truncated, corrupted, foreign, zip-bomb links: clear errors, exit 1
  UsageTest              exit 2 and a usage text
"""
import base64
import json
import os
import subprocess
import unittest
import zlib

BIN = os.environ["SSMVIEW_BIN"]
FIX = os.environ["SSMVIEW_FIXTURES"]
STATES = {
    "pending": "pending", "in_progress": "in_progress", "delayed": "delayed", "success": "success",
    "success_rich": "success", "truncated": "success", "windows": "success", "failed": "failed",
    "timed_out_delivery": "timed_out", "timed_out_execution": "timed_out", "cancelled": "cancelled",
    "cancelling": "cancelling", "undeliverable": "failed", "terminated": "cancelled",
}


# ---- helpers ------------------------------------------------------------------------------

def run(*args, stdin=None):
    return subprocess.run([BIN, *args], input=stdin, capture_output=True, timeout=120)


def fixture(name):
    with open(os.path.join(FIX, name), "rb") as f:
        return f.read()


def decode_link(link):
    """An independent reader of the link format: base64url + raw deflate, by Python's stdlib."""
    fragment = link.split("#", 1)[1]
    assert fragment.startswith("v1."), fragment
    payload = fragment[3:]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    return zlib.decompress(raw, -15)


def make_link(data: bytes, base="https://example.test/ssmview/"):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = c.compress(data) + c.flush()
    return base + "#v1." + base64.urlsafe_b64encode(raw).decode().rstrip("=")


# ---- inspect ------------------------------------------------------------------------------

class InspectTest(unittest.TestCase):
    def test_json_contract_for_every_state(self):
        for state, phase in STATES.items():
            with self.subTest(state=state):
                p = run("inspect", os.path.join(FIX, "aws-cli", state + ".json"), "--json")
                self.assertEqual(p.returncode, 0, p.stderr)
                j = json.loads(p.stdout)
                self.assertEqual(set(j), {"kind", "valid", "format", "invocation", "state", "times", "diagnostics"})
                self.assertEqual(j["kind"], "invocation")
                self.assertTrue(j["valid"])
                self.assertEqual(j["format"], "json")
                self.assertEqual(j["state"]["phase"], phase)
                self.assertEqual(set(j["state"]), {"status", "statusDetails", "phase", "detail", "terminal", "waiter",
                                                   "explanation", "responseCodeMeaning"})
                # "invocation" holds the members as given: compare with the CLI's own JSON.
                self.assertEqual(j["invocation"], json.loads(fixture("aws-cli/" + state + ".json")))

    def test_diagnostics_have_severity_code_message_path_line_column(self):
        p = run("inspect", "--json", stdin=b'{\n  "Status": "SUCCESS",\n  "ResponseCode": "0"\n}')
        self.assertEqual(p.returncode, 1)
        j = json.loads(p.stdout)
        self.assertFalse(j["valid"])
        wrong = [d for d in j["diagnostics"] if d["code"] == "model.wrong_type"][0]
        self.assertEqual(wrong, {"severity": "error", "code": "model.wrong_type",
                                 "message": "ResponseCode must be an integer, not a string.",
                                 "path": "/ResponseCode", "line": 3, "column": 19})
        self.assertIn("status.case", [d["code"] for d in j["diagnostics"]])

    def test_yaml_and_yaml_stream_give_the_state_of_their_json_twin(self):
        for state in ("success_rich", "failed", "in_progress", "timed_out_delivery", "truncated"):
            want = json.loads(run("inspect", "--json", os.path.join(FIX, "aws-cli", state + ".json")).stdout)
            for fmt in ("yaml", "yaml-stream"):
                with self.subTest(state=state, fmt=fmt):
                    path = os.path.join(FIX, "aws-cli", state + "." + fmt)
                    p = run("inspect", "--json", path)
                    self.assertEqual(p.returncode, 0, p.stderr)
                    got = json.loads(p.stdout)
                    self.assertEqual(got["format"], fmt)
                    self.assertTrue(got["valid"])
                    self.assertEqual(got["state"], want["state"])
                    self.assertEqual(got["invocation"], want["invocation"])
                    # The human report too, and the share link is the JSON's, byte for byte.
                    self.assertEqual(run("inspect", path).returncode, 0)
                    self.assertEqual(run("link", path).stdout,
                                     run("link", os.path.join(FIX, "aws-cli", state + ".json")).stdout)

    def test_yaml_findings_are_placed_at_file_line_column(self):
        p = run("inspect", os.path.join(FIX, "aws-cli", "failed.yaml"))
        self.assertEqual(p.returncode, 0)
        self.assertIn("failed.yaml:19:24: warning: StandardOutputContent is a long line the AWS CLI folded: "
                      "YAML read 3 line breaks of it as spaces.", p.stdout.decode())

    def test_other_output_formats_exit_1_and_name_the_fix(self):
        for fmt in ("text", "table"):
            with self.subTest(fmt=fmt):
                p = run("inspect", os.path.join(FIX, "aws-cli", "failed." + fmt))
                self.assertEqual(p.returncode, 1)
                self.assertIn(b"--output json", p.stderr)
                j = json.loads(run("inspect", "--json", os.path.join(FIX, "aws-cli", "failed." + fmt)).stdout)
                self.assertEqual(j["format"], fmt)

    def test_plain_output_is_shown_with_no_status_and_exits_0(self):
        path = os.path.join(FIX, "aws-cli", "success_rich.stdout.text")  # --query StandardOutputContent --output text
        p = run("inspect", path)
        self.assertEqual(p.returncode, 0, p.stderr)
        out = p.stdout.decode()
        self.assertIn("PLAIN OUTPUT  no status: this is not AWS CLI JSON", out)
        self.assertIn("Health report for ip-10-20-7-88.ec2.internal", out)
        self.assertNotIn("\x1b", out)
        self.assertIn(b"input.plain", p.stderr)
        j = json.loads(run("inspect", "--json", path).stdout)
        self.assertEqual((j["kind"], j["format"], j["valid"], j["state"], j["invocation"]), ("plain", "plain", True, None, None))
        with open(path, encoding="utf-8", newline="") as f:
            self.assertEqual(j["output"], f.read())
        # A link carries the text; opened, it is the same text.
        link = run("link", path).stdout.decode().strip()
        back = run("open", link)
        self.assertEqual(back.returncode, 0)
        with open(path, "rb") as f:
            self.assertEqual(back.stdout, f.read())

    def test_summary_reads_for_a_person_and_strips_terminal_escapes(self):
        p = run("inspect", os.path.join(FIX, "aws-cli", "success_rich.json"))
        self.assertEqual(p.returncode, 0)
        out = p.stdout.decode()
        self.assertIn("success  finished", out)
        self.assertIn("would succeed", out)
        self.assertNotIn("\x1b", out)  # not a terminal, and untrusted output never drives one
        p = run("inspect", os.path.join(FIX, "aws-cli", "in_progress.json"))
        self.assertIn("still running", p.stdout.decode())

    def test_summary_drops_what_the_page_drops_dcs_payloads_and_c1_controls_included(self):
        # A device-control string's payload and a C1 CSI are invisible on the page (core/ansi.h);
        # the summary drops them the same way, with the same parser.
        doc = {"CommandId": "1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7", "InstanceId": "i-0802cc9316fe86d8a",
               "Status": "Success", "StatusDetails": "Success", "ResponseCode": 0,
               "StandardOutputContent": "before \x1bPq#0;2;0;0;0payload\x1b\\after \u009b31mred\n",
               "StandardErrorContent": ""}
        p = run("inspect", "-", stdin=json.dumps(doc).encode())
        out = p.stdout.decode()
        self.assertIn("before after red", out)
        self.assertNotIn("payload", out)
        self.assertNotIn("31m", out)

    def test_stdin_and_dash_read_the_same(self):
        data = fixture("pasted/terminal-prompt-crlf.txt")
        a = run("inspect", "--json", stdin=data)
        b = run("inspect", "-", "--json", stdin=data)
        self.assertEqual(a.returncode, 0)
        self.assertEqual(a.stdout, b.stdout)

    def test_utf16_file_from_powershell_is_converted(self):
        p = run("inspect", "--json", os.path.join(FIX, "pasted", "powershell-redirect-utf16le.json"))
        self.assertEqual(p.returncode, 0, p.stdout)
        self.assertEqual(json.loads(p.stdout)["state"]["phase"], "success")

    @unittest.skipIf(os.environ.get("SSMVIEW_SANITIZED"), "sanitizers reserve more address space than ulimit -v allows")
    def test_100_mb_on_stdin_is_refused_in_bounded_memory(self):
        # Under a 100 MB address-space limit: holding the input would fail the allocation.
        p = subprocess.run(["bash", "-c", 'ulimit -v 100000; exec "$0" inspect --json', BIN],
                           input=b"{" * (100 * 1000 * 1000), capture_output=True, timeout=120)
        self.assertEqual(p.returncode, 1, p.stderr)
        j = json.loads(p.stdout)
        self.assertEqual([d["code"] for d in j["diagnostics"]], ["input.too_large"])
        self.assertIn("100.0 MB", j["diagnostics"][0]["message"])

    def test_stderr_ending_in_the_agents_stderr_marker_is_reported_at_standard_error_content(self):
        # The real CLI's output for a failed invocation, its stderr cut the way the agent cuts it
        # ("\n---Error truncated----", four dashes at the end), written back as the AWS CLI writes.
        inv = json.loads(fixture("aws-cli/failed.json"))
        inv["StandardErrorContent"] += "\n---Error truncated----"
        text = (json.dumps(inv, indent=4, ensure_ascii=False) + "\n").encode()
        p = run("inspect", "--json", stdin=text)
        self.assertEqual(p.returncode, 0, p.stderr)
        cut = [d for d in json.loads(p.stdout)["diagnostics"] if d["code"] in ("output.truncated", "output.at_limit")]
        line = next(n for n, l in enumerate(text.decode().splitlines(), 1) if l.startswith('    "StandardErrorContent"'))
        self.assertEqual(cut, [{
            "severity": "info", "code": "output.truncated",
            "message": "StandardErrorContent ends in the agent's \"---Error truncated----\" marker: the service kept "
                       "only the first part. The full text was not sent to S3 (no URL is set).",
            "path": "/StandardErrorContent", "line": line, "column": 29}])
        # The summary for people says it too.
        self.assertIn("output.truncated", run("inspect", stdin=text).stdout.decode())

    def test_stdout_ending_in_the_agents_stdout_marker_is_reported_at_standard_output_content(self):
        p = run("inspect", os.path.join(FIX, "aws-cli", "truncated.json"), "--json")
        cut = [(d["code"], d["path"]) for d in json.loads(p.stdout)["diagnostics"]
               if d["code"] in ("output.truncated", "output.at_limit")]
        self.assertEqual(cut, [("output.truncated", "/StandardOutputContent")])

    def test_empty_and_binary_inputs(self):
        self.assertEqual(json.loads(run("inspect", "--json", stdin=b"").stdout)["diagnostics"][0]["code"], "input.empty")
        p = run("inspect", "--json", stdin=bytes(range(256)) * 10)
        self.assertEqual(p.returncode, 1)
        self.assertEqual(json.loads(p.stdout)["diagnostics"][0]["code"], "input.binary")


# ---- link / open --------------------------------------------------------------------------

class LinkTest(unittest.TestCase):
    def test_link_then_open_gives_back_the_cli_output_byte_for_byte(self):
        for state in STATES:
            with self.subTest(state=state):
                link = run("link", os.path.join(FIX, "aws-cli", state + ".json"))
                self.assertEqual(link.returncode, 0, link.stderr)
                url = link.stdout.decode().strip()
                self.assertTrue(url.startswith("http://127.0.0.1:8080/#v1."))
                back = run("open", url)
                self.assertEqual(back.returncode, 0, back.stderr)
                self.assertEqual(back.stdout, fixture("aws-cli/" + state + ".json"))

    def test_python_zlib_reads_our_links_and_we_read_pythons(self):
        url = run("link", "--base", "https://example.test/v/", os.path.join(FIX, "aws-cli", "failed.json")).stdout.decode().strip()
        self.assertTrue(url.startswith("https://example.test/v/#v1."))
        decoded = json.loads(decode_link(url))
        self.assertEqual(decoded, json.loads(fixture("aws-cli/failed.json")))
        ours = make_link(json.dumps(decoded, separators=(",", ":")).encode())
        self.assertEqual(run("open", ours).stdout, fixture("aws-cli/failed.json"))

    def test_base_url_from_the_environment(self):
        env = dict(os.environ, SSMVIEW_BASE_URL="https://viewer.example/")
        p = subprocess.run([BIN, "link", os.path.join(FIX, "aws-cli", "pending.json")], env=env, capture_output=True)
        self.assertTrue(p.stdout.startswith(b"https://viewer.example/#v1."))

    def test_redact_and_mask(self):
        body = json.loads(fixture("aws-cli/success.json"))
        body["StandardOutputContent"] = "key AKIAIOSFODNN7EXAMPLE for acme-prod\n"
        p = run("link", "--redact", "--mask", "acme-prod", stdin=json.dumps(body).encode())
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(b"masked 2 value(s)", p.stderr)
        out = json.loads(decode_link(p.stdout.decode().strip()))
        self.assertEqual(out["StandardOutputContent"], "key [redacted] for [redacted]\n")

    def test_link_refuses_a_report_past_the_links_limits_and_says_why(self):
        # Over 16 MiB of JSON (core's kMaxLinkDecodedBytes): refused before compressing.
        inv = json.loads(fixture(os.path.join("aws-cli", "success.json")))
        inv["StandardOutputContent"] = "x" * (17 * 1024 * 1024)
        p = run("link", "-", stdin=json.dumps(inv).encode())
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout, b"")
        self.assertIn("ssmview: The report is too large for a link: ", p.stderr.decode())
        self.assertIn("a link carries at most 16384 KiB", p.stderr.decode())
        # Under that, but more than 2 MiB once compressed (random text does not compress).
        inv["StandardOutputContent"] = base64.b64encode(os.urandom(3 * 1024 * 1024)).decode()
        p = run("link", "-", stdin=json.dumps(inv).encode())
        self.assertEqual(p.returncode, 1)
        self.assertIn("KiB after compression; a link carries at most 2048 KiB", p.stderr.decode())

    def test_link_of_input_without_an_invocation_fails(self):
        p = run("link", os.path.join(FIX, "aws-cli", "success.text"))
        self.assertEqual(p.returncode, 1)
        self.assertIn(b"--output json", p.stderr)


class BadLinkTest(unittest.TestCase):
    def setUp(self):
        self.url = run("link", os.path.join(FIX, "aws-cli", "success_rich.json")).stdout.decode().strip()

    def assertRefused(self, link, words):
        p = run("open", link)
        self.assertEqual(p.returncode, 1, p.stdout)
        self.assertEqual(p.stdout, b"")
        self.assertIn(words, p.stderr.decode())

    def test_truncated_link(self):
        self.assertRefused(self.url[: len(self.url) // 2], "cut off")

    def test_corrupted_link(self):
        i = len(self.url) // 2
        self.assertRefused(self.url[:i] + ("A" if self.url[i] != "A" else "B") * 8 + self.url[i + 8:], "damaged")

    def test_foreign_characters(self):
        self.assertRefused(self.url + "!!", "base64url")

    def test_not_a_link(self):
        self.assertRefused("https://example.test/", "not an ssmview link")
        self.assertRefused("https://example.test/#v9.AAAA", "v9")

    def test_zip_bomb_stops_at_the_documented_bound(self):
        bomb = make_link(b'{"StandardOutputContent":"' + b"A" * (64 * 1024 * 1024) + b'"}')
        self.assertLess(len(bomb), 200_000)
        self.assertRefused(bomb, "more than 16 MiB")

    def test_link_carrying_non_json_opens_as_plain_output(self):
        p = run("open", make_link(b"hello"))
        self.assertEqual(p.returncode, 0)
        self.assertEqual(p.stdout, b"hello")
        self.assertIn(b"input.plain", p.stderr)

    def test_link_carrying_a_fragment_of_json_gets_diagnostics(self):
        p = run("open", make_link(b'see:\n"Status": "Success"'))
        self.assertEqual(p.returncode, 1)
        self.assertIn(b"input.no_json", p.stderr)


# ---- usage --------------------------------------------------------------------------------

class UsageTest(unittest.TestCase):
    def test_usage_errors_exit_2(self):
        for args in ([], ["frobnicate"], ["inspect", "--bogus"], ["inspect", "a", "b"], ["open"], ["link", "--base"],
                     ["inspect", "/nonexistent/file.json"]):
            with self.subTest(args=args):
                p = run(*args)
                self.assertEqual(p.returncode, 2)
                self.assertTrue(p.stderr.startswith(b"ssmview: "))

    def test_help_exits_0(self):
        p = run("--help")
        self.assertEqual(p.returncode, 0)
        self.assertIn(b"usage: ssmview inspect", p.stdout)


if __name__ == "__main__":
    unittest.main()

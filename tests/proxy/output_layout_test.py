#!/usr/bin/python3
"""The core's CloudWatch Logs names (core/output_location.h) and the tests' Python copy
(tests/support/ssm_output_layout.py) agree, name for name.

The fakes are scripted with the Python copy; the proxy, the CLI and the page use the core. If the
two drifted, a test could pass against a fake with names the product never asks for.

    output_layout_test.py PATH/TO/output_layout_tool
"""

import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import ssm_output_layout  # noqa: E402

TOOL = None
CASES = [
    ("AWS-RunShellScript", "0b8f52a2-3a4f-4bd0-9d3e-5f8a0c1d2e3f", "i-0123456789abcdef0", "aws:runShellScript"),
    ("AWS-RunPowerShellScript", "0b8f52a2-3a4f-4bd0-9d3e-5f8a0c1d2e3f", "mi-0123456789abcdef0", "aws:runPowerShellScript"),
    ("arn:aws:ssm:us-east-1:123456789012:document/My-Doc", "c", "i-01234567", "Install*Step:1"),
    ("My Doc (v2)", "c", "i", "step with spaces"),
    ("caf\u00e9-\u65e5\u672c", "c", "i", "\u00e9tape"),
    ("a#b.c_d-e/f", "c", "i", "x"),
]


class Layout(unittest.TestCase):
    def test_the_core_and_the_python_copy_name_the_same_group_and_streams(self):
        for doc, cmd, inst, plugin in CASES:
            out = subprocess.run([TOOL, doc, cmd, inst, plugin], capture_output=True, check=True).stdout
            group, stdout, stderr = out.decode("utf-8").split("\n")[:3]
            self.assertEqual(group, ssm_output_layout.default_log_group(doc), doc)
            self.assertEqual(stdout, ssm_output_layout.log_stream_name(cmd, inst, plugin, "stdout"), plugin)
            self.assertEqual(stderr, ssm_output_layout.log_stream_name(cmd, inst, plugin, "stderr"), plugin)


if __name__ == "__main__":
    TOOL = sys.argv.pop(1)
    unittest.main()

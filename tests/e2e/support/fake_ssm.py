#!/usr/bin/python3
"""fake_ssm.py: the signature-checking fake SSM (tests/support/fake_aws.py) as a process, for the
browser tests: page -> ssmview-proxy -> this.

Index
    KEYS            the one access key the proxy is given (its environment), and its secret: the
                    key's one home; the first stdout line hands it to tests/e2e/support/proxy.js
    serve           FakeAws with SsmService: GetCommandInvocation answers the scripted sequences
                    of tests/fixtures/sequences (lifecycle.json: InvocationDoesNotExist, Pending,
                    InProgress, InProgress, Success); ListCommands and ListCommandInvocations name
                    that command, so a page can discover and pick it
    GET /__recorded every request seen so far, for the test's assertions (answered without a
                    signature: it is this harness's own door, not an AWS API)

Prints one JSON object on the first stdout line, {"url": the fake's URL, "access_key_id": ...,
"secret_access_key": ...}, then serves until stdin closes or SIGTERM (the test process owns it:
when it dies, stdin closes and this ends too). Loopback only.

    /usr/bin/python3 tests/e2e/support/fake_ssm.py
"""

import json
import os
import signal
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "support"))
import fake_aws  # noqa: E402

# A key of the AWS documentation's example shape; it opens nothing anywhere.
KEYS = {"AKIAIOSFODNN7E2ETEST": ("wJalrXUtnFEMI/K7MDENG/bPxRfiCYE2ETESTKEY", None)}
SEQUENCES = os.path.join(ROOT, "tests", "fixtures", "sequences")


class Harness(fake_aws.FakeAws):
    def handle(self, h):
        if h.command == "GET" and h.path == "/__recorded":
            with self.lock:
                seen = [{"action": getattr(r, "action", None), "signature_ok": getattr(r, "signature_ok", None),
                         "signature_error": getattr(r, "signature_error", None), "status": getattr(r, "status", None),
                         "authorization": bool(r.header("Authorization"))} for r in self.recorded]
            self.send(h, 200, json.dumps(seen).encode("utf-8"), [("Content-Type", "application/json")])
            return
        super().handle(h)


def main():
    with open(os.path.join(SEQUENCES, "lifecycle.json"), encoding="utf-8") as f:
        lifecycle = json.load(f)
    command, instance = lifecycle["CommandId"], lifecycle["InstanceId"]
    ssm = fake_aws.SsmService(bodies_dirs=[SEQUENCES])
    ssm.script("ListCommands", 200, {"Commands": [{
        "CommandId": command, "DocumentName": "AWS-RunShellScript", "Comment": "lifecycle demo: sleep 5; echo done",
        "Status": "InProgress", "RequestedDateTime": 1795687100.0, "InstanceIds": [instance], "TargetCount": 1}]})
    ssm.script("ListCommandInvocations", 200, {"CommandInvocations": [{
        "CommandId": command, "InstanceId": instance, "InstanceName": "lifecycle-demo", "Status": "InProgress",
        "CommandPlugins": [{"Name": "aws:runShellScript", "Status": "InProgress"}]}]})
    fake = Harness(KEYS, region="us-east-1", services=[ssm])
    fake.start()
    (key_id, (secret, _token)), = KEYS.items()
    print(json.dumps({"url": fake.url, "access_key_id": key_id, "secret_access_key": secret}), flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    done.wait()
    fake.stop()


if __name__ == "__main__":
    main()

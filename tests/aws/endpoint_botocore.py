#!/usr/bin/python3
"""tests/aws/endpoint_botocore.py: our regional endpoints against botocore's resolver.

For every region of every partition in botocore's endpoints.json (listed regions, the regions
the ssm/logs/s3 services list, and one made-up region per partition but us-gov to exercise the
partition defaults), for ssm, logs and s3, FIPS off and on: endpoint_tool's URL must equal
https://<botocore hostname>. Usage: endpoint_botocore.py path/to/endpoint_tool
"""
import json
import os
import re
import subprocess
import sys

import botocore
from botocore.regions import EndpointResolver

SERVICES = ["ssm", "logs", "s3"]


def main():
    data = json.load(open(os.path.join(os.path.dirname(botocore.__file__), "data", "endpoints.json")))
    resolver = EndpointResolver(data)
    regions = set()
    for partition in data["partitions"]:
        regions.update(partition["regions"])
        for service in SERVICES:
            regions.update(r for r in partition["services"].get(service, {}).get("endpoints", {})
                           if not r.startswith("fips-") and not r.endswith("-fips") and re.match(partition["regionRegex"], r))
        # A region botocore does not list yet: the partition's defaults must apply. (Not for
        # us-gov: there the FIPS hostnames are per listed region, and botocore's guess for an
        # unknown one differs between services.)
        prefix = {"aws": "ap", "aws-cn": "cn", "aws-iso": "us-iso", "aws-iso-b": "us-isob"}
        if partition["partition"] in prefix:
            regions.add(prefix[partition["partition"]] + "-newregion-9")
    cases = [(s, r, f) for s in SERVICES for r in sorted(regions) for f in (0, 1)]
    run = subprocess.run([sys.argv[1]], input="".join(f"{s} {r} {f}\n" for s, r, f in cases),
                         capture_output=True, text=True, check=True, timeout=60)
    ours = run.stdout.splitlines()
    assert len(ours) == len(cases)
    different = 0
    for (service, region, fips), url in zip(cases, ours):
        expected = resolver.construct_endpoint(service, region, use_fips_endpoint=bool(fips))
        want = "https://" + expected["hostname"] if expected else None
        if url != want:
            different += 1
            if different <= 10:
                print(f"DIFFERENT {service} {region} fips={fips}: ours {url}, botocore {want}")
    print(f"endpoints vs botocore {botocore.__version__}: {len(cases)} cases "
          f"({len(regions)} regions x {len(SERVICES)} services x FIPS off/on), {len(cases) - different} identical, "
          f"{different} different")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())

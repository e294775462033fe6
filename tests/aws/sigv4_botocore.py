#!/usr/bin/python3
"""tests/aws/sigv4_botocore.py: our SigV4 signatures against botocore's, on generated requests.

Index
  random_request   one request: method, endpoint (host, port, base path), an encoded path with
                   odd characters, dot and empty segments, a query in canonical encoding (with
                   repeated keys and empty values), headers with mixed case, runs of spaces and
                   tabs, repeated names and the never-signed ones, a body of random bytes, a
                   session token or not, SSM-style or S3 rules
  botocore_sign    the same request through botocore's SigV4Auth or S3SigV4Auth, clock pinned
  main             N requests (seed fixed) through sigv4_sign_tool in one pipe, compare the
                   canonical request, the signature and the Authorization header; print counts

Usage: sigv4_botocore.py path/to/sigv4_sign_tool [count] [seed]
Queries are generated in canonical encoding because botocore signs the query exactly as written
while we normalize it (sigv4_test.cpp pins the normalization); on such queries both must agree.
"""
import datetime
import json
import random
import subprocess
import sys
from unittest import mock
from urllib.parse import quote

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ODD = "-._~!$&'()*+,;=:@ %/?#[]\"<>^`{|}\\é日\x7f"
TOKEN_CHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
VALUE_CHARS = "".join(chr(c) for c in range(0x21, 0x7F))
RESERVED_HEADERS = {"host", "authorization", "x-amz-date", "date", "x-amz-security-token",
                    "x-amz-content-sha256", "content-md5"}


def rand_text(rng, alphabet, lo, hi):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


def random_path(rng):
    segments = []
    for _ in range(rng.randint(0, 6)):
        kind = rng.random()
        if kind < 0.1:
            segments.append(".")
        elif kind < 0.2:
            segments.append("..")
        elif kind < 0.3:
            segments.append("")
        else:
            segments.append(quote(rand_text(rng, ODD + "abcXYZ019", 1, 8), safe="-._~!$&'()*+,;=:@"))
    path = "/" + "/".join(segments)
    if rng.random() < 0.3:
        path += "/"
    return path


def random_query(rng):
    if rng.random() < 0.4:
        return ""
    pairs = []
    for _ in range(rng.randint(1, 5)):
        key = quote(rand_text(rng, ODD + "abc", 1, 6), safe="-_.~")
        if pairs and rng.random() < 0.2:
            key = pairs[-1][0]  # repeated key: sorted by value
        value = quote(rand_text(rng, ODD + "xyz", 0, 6), safe="-_.~")
        pairs.append((key, value))
    return "&".join(k if (v == "" and rng.random() < 0.3) else f"{k}={v}" for k, v in pairs)


def random_value(rng):
    words = [rand_text(rng, VALUE_CHARS, 1, 6) for _ in range(rng.randint(0, 4))]
    out = ""
    for w in words:
        out += rng.choice([" ", "  ", "\t", " \t ", ""]) if out else rng.choice(["", " ", "\t"])
        out += w
    return out + rng.choice(["", " ", "  "])


def random_headers(rng):
    headers = []
    for _ in range(rng.randint(0, 6)):
        name = rand_text(rng, TOKEN_CHARS, 1, 12)
        if name.lower() in RESERVED_HEADERS:
            continue
        headers.append([name, random_value(rng)])
        if rng.random() < 0.2:  # the same name again, in another case
            headers.append([name.swapcase(), random_value(rng)])
    for special in ["User-Agent", "Expect", "X-Amzn-Trace-Id", "Content-Type", "X-Amz-Target"]:
        if rng.random() < 0.3:
            headers.append([special, random_value(rng)])
    rng.shuffle(headers)
    return headers


def random_request(rng):
    s3 = rng.random() < 0.3
    scheme = rng.choice(["https", "http"])
    port = rng.choice([443 if scheme == "https" else 80, 8443, 8787])
    return {
        "method": rng.choice(["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH"]),
        "scheme": scheme,
        "host": rng.choice(["ssm.us-east-1.amazonaws.com", "s3.eu-west-1.amazonaws.com", "127.0.0.1",
                            "bucket.s3.amazonaws.com", "vpce-1.ssm.us-west-2.vpce.amazonaws.com"]),
        "port": port,
        "base_path": rng.choice(["", "", "", "/proxy", "/a%20b/c"]),
        "path": random_path(rng),
        "query": random_query(rng),
        "headers": random_headers(rng),
        "body_hex": bytes(rng.randrange(256) for _ in range(rng.choice([0, 0, 2, 17, 300]))).hex(),
        "access_key": rand_text(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 16, 20),
        "secret_key": rand_text(rng, VALUE_CHARS, 20, 40),
        "token": rand_text(rng, VALUE_CHARS, 20, 200) if rng.random() < 0.5 else "",
        "region": rng.choice(["us-east-1", "eu-west-1", "cn-north-1", "us-gov-west-1"]),
        "service": "s3" if s3 else rng.choice(["ssm", "logs", "service"]),
        "now_ms": rng.randrange(946684800, 4102444800) * 1000 + rng.randrange(1000),
        "s3": s3,
    }


def url_of(req):
    default = 443 if req["scheme"] == "https" else 80
    host = req["host"] if req["port"] == default else f'{req["host"]}:{req["port"]}'
    base = req["base_path"].rstrip("/")
    url = f'{req["scheme"]}://{host}{base}{req["path"]}'
    if req["query"]:
        url += "?" + req["query"]
    return url


def botocore_sign(req):
    request = AWSRequest(method=req["method"], url=url_of(req), data=bytes.fromhex(req["body_hex"]))
    for name, value in req["headers"]:
        request.headers[name] = value  # HTTPHeaders appends: repeated names stay repeated
    credentials = Credentials(req["access_key"], req["secret_key"], req["token"] or None)
    signer_class = botocore.auth.S3SigV4Auth if req["s3"] else botocore.auth.SigV4Auth
    signer = signer_class(credentials, req["service"], req["region"])
    captured = []  # the canonical request add_auth computes (later calls would see Authorization)
    compute = signer.canonical_request
    signer.canonical_request = lambda r: captured.append(compute(r)) or captured[-1]
    now = datetime.datetime.utcfromtimestamp(req["now_ms"] // 1000)
    with mock.patch("botocore.auth.datetime") as fake:
        fake.datetime.utcnow.return_value = now
        signer.add_auth(request)
    return captured[0], request.headers["Authorization"]


def main():
    tool = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20150830
    rng = random.Random(seed)
    requests = [random_request(rng) for _ in range(count)]
    run = subprocess.run([tool], input="".join(json.dumps(r) + "\n" for r in requests),
                         capture_output=True, text=True, check=True, timeout=240)
    answers = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(answers) == count, f"{len(answers)} answers for {count} requests"

    mismatches = 0
    stats = {"s3": 0, "token": 0, "query": 0, "repeated header": 0, "body": 0, "base path": 0, "dot segments": 0}
    for req, ours in zip(requests, answers):
        canonical, authorization = botocore_sign(req)
        stats["s3"] += req["s3"]
        stats["token"] += bool(req["token"])
        stats["query"] += bool(req["query"])
        stats["body"] += bool(req["body_hex"])
        stats["base path"] += bool(req["base_path"])
        stats["dot segments"] += "/." in req["path"]
        names = [n.lower() for n, _ in req["headers"]]
        stats["repeated header"] += len(names) != len(set(names))
        if ours["authorization"] != authorization or ours["canonical_request"] != canonical:
            mismatches += 1
            if mismatches <= 3:
                print("MISMATCH for", json.dumps(req))
                print("--- botocore canonical request\n" + canonical)
                print("--- ours\n" + ours["canonical_request"])
    print(f"sigv4 vs botocore {botocore.__version__}: {count} requests (seed {seed}), "
          f"{count - mismatches} identical, {mismatches} different")
    print("covered: " + ", ".join(f"{k} {v}" for k, v in stats.items()))
    return 1 if mismatches else 0


if __name__ == "__main__":
    import botocore
    sys.exit(main())

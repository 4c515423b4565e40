#!/usr/bin/env python3
"""The emulator's own time per request, measured by a minimal client.

Signs a few representative requests once (botocore's signer, outside the timing), then sends them
one after another over plain sockets (http.client) and times each round trip. Prints
{"requests": N, "median_ms": M, "mean_ms": A}. Only talks to an emulator on loopback.

    floor_client.py ENDPOINT ACCESS_KEY_ID SECRET [COUNT]
"""
import http.client
import json
import statistics
import sys
import time
from urllib.parse import urlsplit

from botocore.auth import S3SigV4Auth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

REQUESTS = [
    ("sts", "POST", "/", {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
     "Action=GetCallerIdentity&Version=2011-06-15"),
    ("iam", "POST", "/", {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
     "Action=GetUser&UserName=s3x-admin&Version=2010-05-08"),
    ("iam", "POST", "/", {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
     "Action=ListUserPolicies&UserName=s3x-admin&Version=2010-05-08"),
    ("cloudtrail", "POST", "/", {"Content-Type": "application/x-amz-json-1.1",
     "X-Amz-Target": "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails"},
     '{}'),
    ("s3", "GET", "/", {}, ""),
]


def main():
    endpoint, key_id, secret = sys.argv[1:4]
    total = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    parts = urlsplit(endpoint)
    if parts.hostname not in ("127.0.0.1", "localhost"):
        raise SystemExit("floor_client.py only talks to an emulator on loopback")
    credentials = Credentials(key_id, secret)
    signed = []
    for service, method, path, headers, body in REQUESTS:
        request = AWSRequest(method=method, url=endpoint + path, headers=dict(headers), data=body.encode())
        (S3SigV4Auth if service == "s3" else SigV4Auth)(credentials, service, "us-east-1").add_auth(request)
        signed.append((method, path, dict(request.headers.items()), body.encode()))
    times = []
    for index in range(total):
        method, path, headers, body = signed[index % len(signed)]
        started = time.perf_counter()
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        connection.request(method, path, body=body, headers=headers)
        reply = connection.getresponse()
        reply.read()
        connection.close()
        times.append((time.perf_counter() - started) * 1000)
        if reply.status >= 400:
            raise SystemExit(f"floor_client.py: {method} {path} answered {reply.status}")
    print(json.dumps({"requests": total, "median_ms": statistics.median(times),
                      "mean_ms": statistics.fmean(times)}))


if __name__ == "__main__":
    main()

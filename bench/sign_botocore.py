#!/usr/bin/env python3
"""Signs the benchmark's requests (sign_requests.json) with botocore's SigV4 signer for a given
number of seconds and prints {"signatures": N, "seconds": S, "per_second": R}.

    sign_botocore.py REQUESTS_JSON [SECONDS]
"""
import json
import sys
import time

from botocore.auth import S3SigV4Auth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def main():
    specs = json.load(open(sys.argv[1]))
    duration = float(sys.argv[2]) if len(sys.argv) > 2 else 2.0
    credentials = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "token")
    work = []
    for spec in specs:
        auth = (S3SigV4Auth if spec["service"] == "s3" else SigV4Auth)(credentials, spec["service"], "us-east-1")
        query = "&".join(f"{name}={value}" for name, value in spec["query"])
        url = f"http://127.0.0.1:5000{spec['path']}" + (f"?{query}" if query else "")
        work.append((auth, spec["method"], url, dict(spec["headers"]), spec["body"].encode()))
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < duration:
        for auth, method, url, headers, body in work:
            # A fresh request each time: signing adds headers to the one it is given.
            auth.add_auth(AWSRequest(method=method, url=url, headers=dict(headers), data=body))
            count += 1
    seconds = time.perf_counter() - start
    print(json.dumps({"signatures": count, "seconds": seconds, "per_second": count / seconds}))


if __name__ == "__main__":
    main()

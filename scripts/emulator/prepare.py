#!/usr/bin/env python3
"""Prepares moto's accounts for s3x's tests, demo and benchmarks.

With request authentication off, it creates what an organisation's administrator starts from:
an admin user with an access key in the primary account (123456789012, moto's default), and in
each secondary account an admin role `OrganizationAccountAccessRole` trusted by the primary.
Then it turns authentication on, so every later request must be signed correctly, and writes
AWS config and credentials files (profile `primary-admin`) plus `accounts.json` into --out.

The emulator is reached only on the loopback address given with --endpoint.
"""
import argparse
import json
import os
import urllib.request

import boto3

PRIMARY = "123456789012"
ADMIN_POLICY = json.dumps({"Version": "2012-10-17",
                           "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})
REGION = "us-east-1"


def secondary_ids(count):
    fixed = ["111111111111", "222222222222", "333333333333"]
    return (fixed + [str(400000000000 + i) for i in range(count)])[:count]


def moto_api(endpoint, path, body=b"", content_type="text/plain"):
    request = urllib.request.Request(endpoint + path, data=body, method="POST",
                                     headers={"Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=30) as reply:
        reply.read()


def client(service, endpoint, **credentials):
    if not credentials:
        credentials = {"aws_access_key_id": "AKIAPREPARE0000000000", "aws_secret_access_key": "prepare"}
    return boto3.client(service, endpoint_url=endpoint, region_name=REGION, **credentials)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--secondaries", type=int, default=3)
    parser.add_argument("--role-name", default="OrganizationAccountAccessRole")
    args = parser.parse_args()
    if not args.endpoint.startswith(("http://127.", "http://localhost")):
        raise SystemExit("prepare.py only talks to an emulator on loopback")

    moto_api(args.endpoint, "/moto-api/reset-auth", b"inf")
    moto_api(args.endpoint, "/moto-api/reset")

    iam = client("iam", args.endpoint)
    iam.create_user(UserName="s3x-admin")
    iam.put_user_policy(UserName="s3x-admin", PolicyName="admin", PolicyDocument=ADMIN_POLICY)
    key = iam.create_access_key(UserName="s3x-admin")["AccessKey"]

    trust = json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{PRIMARY}:root"}, "Action": "sts:AssumeRole"}]})
    sts = client("sts", args.endpoint)
    secondaries = secondary_ids(args.secondaries)
    for account in secondaries:
        assumed = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/{args.role_name}",
                                  RoleSessionName="prepare")["Credentials"]
        secondary_iam = client("iam", args.endpoint, aws_access_key_id=assumed["AccessKeyId"],
                               aws_secret_access_key=assumed["SecretAccessKey"],
                               aws_session_token=assumed["SessionToken"])
        secondary_iam.create_role(RoleName=args.role_name, AssumeRolePolicyDocument=trust)
        secondary_iam.put_role_policy(RoleName=args.role_name, PolicyName="admin", PolicyDocument=ADMIN_POLICY)

    moto_api(args.endpoint, "/moto-api/reset-auth", b"0")

    os.makedirs(args.out, mode=0o700, exist_ok=True)
    def write(name, text):
        path = os.path.join(args.out, name)
        with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as handle:
            handle.write(text)
    write("config", f"[profile primary-admin]\nregion = {REGION}\nendpoint_url = {args.endpoint}\n\n"
                    f"[default]\nregion = {REGION}\nendpoint_url = {args.endpoint}\n")
    write("credentials", f"[primary-admin]\naws_access_key_id = {key['AccessKeyId']}\n"
                         f"aws_secret_access_key = {key['SecretAccessKey']}\n")
    write("accounts.json", json.dumps({
        "endpoint": args.endpoint, "region": REGION, "primary": PRIMARY, "secondaries": secondaries,
        "adminRole": args.role_name, "profile": "primary-admin",
        "accessKeyId": key["AccessKeyId"], "secretAccessKey": key["SecretAccessKey"]}, indent=2))
    print(f"prepared primary {PRIMARY} and {len(secondaries)} secondaries; authentication is on")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The cross-account setup with boto3, sequentially, in one Python process: the benchmark's peer.

It makes the same API calls as `s3x` replaying examples/generate-setup.sh's script on a fresh
emulator (read first, then create), in the same order, one after another. It prints one line
`SCANNER_KEY <id> <secret>` so that the benchmark can run `s3x check` with the scanner's key.

    peer_boto3.py ACCOUNTS_JSON     # written by scripts/emulator/prepare.py
"""
import json
import sys

import boto3
from botocore.exceptions import ClientError

import policies

ROLE = "prisma-saas-s3-cross-account-access-role"
USER = "prisma-saas-s3-user"
PRIMARY_POLICY = "prisma-saas-s3-primary-policy"
SECONDARY_POLICY = "prisma-saas-s3-secondary-policy"
PRIMARY_TRAIL = "prisma-saas-s3-primary-trail"
SECONDARY_TRAIL = "prisma-saas-s3-secondary-trail"
SELECTORS = [{"IncludeManagementEvents": True, "ReadWriteType": "All",
              "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}]


def missing(call, *codes):
    """Runs a read; True when it answers one of `codes` (the thing does not exist)."""
    try:
        call()
        return False
    except ClientError as error:
        if error.response["Error"]["Code"] in codes:
            return True
        raise


def ensure_trail(cloudtrail, name, bucket):
    if missing(lambda: cloudtrail.get_trail(Name=name), "TrailNotFoundException"):
        cloudtrail.create_trail(Name=name, S3BucketName=bucket, IsMultiRegionTrail=True,
                                IncludeGlobalServiceEvents=True)
        # A trail created just now has no data events and is not logging: nothing to read back.
        cloudtrail.put_event_selectors(TrailName=name, EventSelectors=SELECTORS)
        cloudtrail.start_logging(Name=name)
        return
    cloudtrail.get_event_selectors(TrailName=name)
    cloudtrail.put_event_selectors(TrailName=name, EventSelectors=SELECTORS)
    if not cloudtrail.get_trail_status(Name=name)["IsLogging"]:
        cloudtrail.start_logging(Name=name)


def setup_primary(session, primary, secondaries, bucket):
    s3, iam, cloudtrail = (session.client(name) for name in ("s3", "iam", "cloudtrail"))
    s3.list_buckets()
    if missing(lambda: s3.head_bucket(Bucket=bucket), "404", "NoSuchBucket"):
        s3.create_bucket(Bucket=bucket)
    s3.put_bucket_policy(Bucket=bucket, Policy=policies.bucket_policy(bucket, [primary]))
    ensure_trail(cloudtrail, PRIMARY_TRAIL, bucket)

    if missing(lambda: iam.get_user(UserName=USER), "NoSuchEntity"):
        iam.create_user(UserName=USER)
    iam.list_access_keys(UserName=USER)
    key = iam.create_access_key(UserName=USER)["AccessKey"]
    iam.list_access_keys(UserName=USER)

    iam.list_attached_user_policies(UserName=USER)
    iam.get_account_summary()
    for name, document in policies.primary_policies(PRIMARY_POLICY, ROLE, secondaries):
        arn = f"arn:aws:iam::{primary}:policy/{name}"
        if missing(lambda: iam.get_policy(PolicyArn=arn), "NoSuchEntity"):
            iam.create_policy(PolicyName=name, PolicyDocument=document)
        iam.attach_user_policy(UserName=USER, PolicyArn=arn)

    s3.get_bucket_policy(Bucket=bucket)
    s3.put_bucket_policy(Bucket=bucket, Policy=policies.bucket_policy(bucket, [primary] + secondaries))
    return key


def setup_secondary(clients, account, primary, bucket):
    iam, cloudtrail = clients["iam"], clients["cloudtrail"]
    arn = f"arn:aws:iam::{account}:policy/{SECONDARY_POLICY}"
    if missing(lambda: iam.get_policy(PolicyArn=arn), "NoSuchEntity"):
        iam.create_policy(PolicyName=SECONDARY_POLICY, PolicyDocument=policies.secondary_policy())
    if missing(lambda: iam.get_role(RoleName=ROLE), "NoSuchEntity"):
        iam.create_role(RoleName=ROLE, AssumeRolePolicyDocument=policies.trust_policy(primary))
    else:
        iam.list_attached_role_policies(RoleName=ROLE)
    iam.attach_role_policy(RoleName=ROLE, PolicyArn=arn)
    iam.get_role(RoleName=ROLE)
    iam.list_attached_role_policies(RoleName=ROLE)
    ensure_trail(cloudtrail, SECONDARY_TRAIL, bucket)


def main():
    accounts = json.load(open(sys.argv[1]))
    # One session for every client, so that each service's model is loaded once, as a careful
    # boto3 program would do.
    primary_session = boto3.session.Session(profile_name=accounts["profile"])
    primary = primary_session.client("sts").get_caller_identity()["Account"]
    sts = primary_session.client("sts")
    sessions = {}
    for account in accounts["secondaries"]:
        role = f"arn:aws:iam::{account}:role/{accounts['adminRole']}"
        credentials = sts.assume_role(RoleArn=role, RoleSessionName="bench-boto3",
                                      DurationSeconds=3600)["Credentials"]
        sessions[account] = {service: primary_session.client(
            service, aws_access_key_id=credentials["AccessKeyId"], aws_secret_access_key=credentials["SecretAccessKey"],
            aws_session_token=credentials["SessionToken"]) for service in ("iam", "cloudtrail")}
    bucket = f"prisma-saas-s3-{primary}"
    key = setup_primary(primary_session, primary, accounts["secondaries"], bucket)
    for account in accounts["secondaries"]:
        setup_secondary(sessions[account], account, primary, bucket)
    print(f"SCANNER_KEY {key['AccessKeyId']} {key['SecretAccessKey']}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Records the emulator's raw replies to the calls s3x makes, as seeds for the fuzz harnesses.

Run once against a moto started by scripts/lib.sh (authentication off):
    .venv/bin/python Fuzz/Corpus/record-replies.py --endpoint "$S3X_MOTO_URL" --out Fuzz/Corpus
XML bodies go to OUT/xml, JSON bodies (CloudTrail replies, bucket policies) to OUT/json. The
credentials in them are the emulator's made-up values.
"""
import argparse
import json
import os

import boto3
import botocore.exceptions

REGION = "us-east-1"
BUCKET = "prisma-saas-s3-123456789012"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    seen = {}

    def record(http_response, model, **_):
        body = http_response.content or b""
        if not body.strip():
            return
        kind = "json" if body.lstrip()[:1] in (b"{", b"[") else "xml"
        name = f"{model.service_model.endpoint_prefix}-{model.name}-{http_response.status_code}"
        seen[name] = seen.get(name, 0) + 1
        suffix = "" if seen[name] == 1 else f"-{seen[name]}"
        os.makedirs(os.path.join(args.out, kind), exist_ok=True)
        with open(os.path.join(args.out, kind, f"moto-{name}{suffix}.{kind}"), "wb") as f:
            f.write(body)

    session = boto3.session.Session(
        aws_access_key_id="AKIARECORD0000000000", aws_secret_access_key="record", region_name=REGION)
    session.events.register("after-call", record)

    def client(service):
        return session.client(service, endpoint_url=args.endpoint)

    def attempt(call, **kwargs):
        try:
            call(**kwargs)
        except botocore.exceptions.ClientError:
            pass

    sts, iam, s3, trail = client("sts"), client("iam"), client("s3"), client("cloudtrail")
    attempt(sts.get_caller_identity)
    attempt(sts.assume_role, RoleArn="arn:aws:iam::111111111111:role/OrganizationAccountAccessRole",
            RoleSessionName="s3x-seed", ExternalId="seed")
    attempt(iam.get_user, UserName="prisma-saas-s3-user")
    attempt(iam.create_user, UserName="prisma-saas-s3-user", Tags=[{"Key": "owner", "Value": "s3x"}])
    attempt(iam.create_user, UserName="prisma-saas-s3-user")
    attempt(iam.get_user, UserName="prisma-saas-s3-user")
    attempt(iam.create_access_key, UserName="prisma-saas-s3-user")
    attempt(iam.list_access_keys, UserName="prisma-saas-s3-user")
    document = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Sid": "Assume", "Effect": "Allow", "Action": "sts:AssumeRole",
         "Resource": ["arn:aws:iam::111111111111:role/prisma-saas-s3-role"]}]})
    attempt(iam.create_policy, PolicyName="prisma-saas-s3-primary-policy", PolicyDocument=document)
    arn = "arn:aws:iam::123456789012:policy/prisma-saas-s3-primary-policy"
    attempt(iam.create_policy_version, PolicyArn=arn, PolicyDocument=document, SetAsDefault=True)
    attempt(iam.list_policy_versions, PolicyArn=arn)
    attempt(iam.get_policy, PolicyArn=arn)
    attempt(iam.get_policy_version, PolicyArn=arn, VersionId="v2")
    attempt(iam.attach_user_policy, UserName="prisma-saas-s3-user", PolicyArn=arn)
    attempt(iam.list_attached_user_policies, UserName="prisma-saas-s3-user")
    trust = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole",
         "Condition": {"StringEquals": {"sts:ExternalId": "seed"}}}]})
    attempt(iam.create_role, RoleName="prisma-saas-s3-role", AssumeRolePolicyDocument=trust)
    attempt(iam.get_role, RoleName="prisma-saas-s3-role")
    attempt(iam.get_role, RoleName="missing-role")
    attempt(s3.get_bucket_policy, Bucket=BUCKET)
    attempt(s3.create_bucket, Bucket=BUCKET)
    attempt(s3.list_buckets)
    attempt(s3.get_bucket_location, Bucket=BUCKET)
    attempt(s3.get_bucket_policy, Bucket=BUCKET)
    policy = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Sid": "AWSCloudTrailAclCheck", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
         "Action": "s3:GetBucketAcl", "Resource": f"arn:aws:s3:::{BUCKET}"},
        {"Sid": "AWSCloudTrailWrite", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
         "Action": "s3:PutObject",
         "Resource": [f"arn:aws:s3:::{BUCKET}/AWSLogs/123456789012/*", f"arn:aws:s3:::{BUCKET}/AWSLogs/111111111111/*"],
         "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}}]})
    attempt(s3.put_bucket_policy, Bucket=BUCKET, Policy=policy)
    attempt(s3.get_bucket_policy, Bucket=BUCKET)
    attempt(trail.get_trail, Name="prisma-saas-s3-primary-trail")
    attempt(trail.create_trail, Name="prisma-saas-s3-primary-trail", S3BucketName=BUCKET, IsMultiRegionTrail=True)
    attempt(trail.describe_trails, trailNameList=["prisma-saas-s3-primary-trail"])
    attempt(trail.get_trail, Name="prisma-saas-s3-primary-trail")
    attempt(trail.put_event_selectors, TrailName="prisma-saas-s3-primary-trail", EventSelectors=[
        {"ReadWriteType": "All", "IncludeManagementEvents": True,
         "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}])
    attempt(trail.get_event_selectors, TrailName="prisma-saas-s3-primary-trail")
    attempt(trail.start_logging, Name="prisma-saas-s3-primary-trail")
    attempt(trail.get_trail_status, Name="prisma-saas-s3-primary-trail")


if __name__ == "__main__":
    main()

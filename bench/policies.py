"""The policy documents of the procedure, byte for byte as s3x writes them (compact JSON, keys sorted).

Used by the boto3 peer and, through `python3 policies.py KIND ...`, by the AWS CLI peer.
"""
import json
import sys

ACTIONS = [
    "s3:Get*", "s3:List*", "s3:Put*", "s3:Delete*", "s3:CreateBucket",
    "iam:GetUser", "iam:GetRole", "iam:GetUserPolicy", "iam:ListUsers",
    "cloudtrail:GetTrailStatus", "cloudtrail:DescribeTrails", "cloudtrail:LookupEvents",
    "cloudtrail:ListTags", "cloudtrail:ListPublicKeys", "cloudtrail:GetEventSelectors",
    "ec2:DescribeVpcEndpoints", "ec2:DescribeVpcs",
    "config:Get*", "config:Describe*", "config:Deliver*", "config:List*",
]
# IAM's limit on a managed policy, whitespace not counted (IAM User Guide, "IAM and AWS STS quotas").
MANAGED_POLICY_LIMIT = 6144


def compact(document):
    return json.dumps(document, separators=(",", ":"), sort_keys=True)


def actions_statement():
    return {"Action": ACTIONS, "Effect": "Allow", "Resource": "*"}


def secondary_policy():
    return compact({"Statement": [actions_statement()], "Version": "2012-10-17"})


def primary_document(with_actions, role, accounts):
    statements = [actions_statement()] if with_actions else []
    if accounts:
        resources = [f"arn:aws:iam::{account}:role/{role}" for account in accounts]
        statements.append({"Action": "sts:AssumeRole", "Effect": "Allow",
                           "Resource": resources[0] if len(resources) == 1 else resources})
    return compact({"Statement": statements, "Version": "2012-10-17"})


def primary_policies(base, role, accounts):
    """[(name, document)]: the grants split over `base`, `base-2`, ... so that each fits the limit."""
    chunks = [[]]
    for account in accounts:
        candidate = chunks[-1] + [account]
        if len(primary_document(len(chunks) == 1, role, candidate)) <= MANAGED_POLICY_LIMIT:
            chunks[-1] = candidate
        else:
            chunks.append([account])
    return [(base if index == 0 else f"{base}-{index + 1}", primary_document(index == 0, role, chunk))
            for index, chunk in enumerate(chunks)]


def trust_policy(primary):
    return compact({"Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
                                   "Principal": {"AWS": f"arn:aws:iam::{primary}:root"}}],
                    "Version": "2012-10-17"})


def bucket_policy(bucket, accounts):
    prefixes = [f"arn:aws:s3:::{bucket}/AWSLogs/{account}/*" for account in accounts]
    return compact({"Statement": [
        {"Action": "s3:GetBucketAcl", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
         "Resource": f"arn:aws:s3:::{bucket}", "Sid": "AWSCloudTrailAclCheck"},
        {"Action": "s3:PutObject", "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}},
         "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
         "Resource": prefixes[0] if len(prefixes) == 1 else prefixes, "Sid": "AWSCloudTrailWrite"}],
        "Version": "2012-10-17"})


if __name__ == "__main__":
    kind, arguments = sys.argv[1], sys.argv[2:]
    if kind == "primary":       # primary ROLE ACCOUNT...: one line per policy, "NAME<TAB>DOCUMENT"
        for name, document in primary_policies("prisma-saas-s3-primary-policy", arguments[0], arguments[1:]):
            print(f"{name}\t{document}")
    elif kind == "secondary":
        print(secondary_policy())
    elif kind == "trust":
        print(trust_policy(arguments[0]))
    elif kind == "bucket":      # bucket BUCKET ACCOUNT...
        print(bucket_policy(arguments[0], arguments[1:]))
    else:
        raise SystemExit(f"policies.py: unknown kind {kind}")

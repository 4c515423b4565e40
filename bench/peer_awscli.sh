#!/usr/bin/env bash
# The cross-account setup with the AWS CLI, one `aws` command per API call: the benchmark's peer.
#
# It makes the same API calls as `s3x` replaying examples/generate-setup.sh's script on a fresh
# emulator (read first, then create), in the same order, one after another, as a careful
# hand-written script would. It prints one line `SCANNER_KEY <id> <secret>` so that the
# benchmark can run `s3x check` with the scanner's key.
#
#   AWS=path/to/aws peer_awscli.sh ACCOUNTS_JSON     # written by scripts/emulator/prepare.py
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
accounts_json=$1
aws=${AWS:-aws}
python=${PYTHON:-python3}

field() {
    "$python" -c 'import json,sys; v=json.load(open(sys.argv[1]))[sys.argv[2]]; print(" ".join(v) if isinstance(v, list) else v)' \
        "$accounts_json" "$1"
}
profile=$(field profile)
admin_role=$(field adminRole)
read -r -a secondaries <<<"$(field secondaries)"
role=prisma-saas-s3-cross-account-access-role
user=prisma-saas-s3-user
selectors='[{"IncludeManagementEvents":true,"ReadWriteType":"All",'
selectors+='"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3"]}]}]'

# Runs a read; succeeds when the thing is missing (the read failed), fails when it exists.
missing() { ! "$@" >/dev/null 2>&1; }

ensure_trail() {  # NAME BUCKET, with the account's credentials in the environment
    # A trail created just now has no data events and is not logging: nothing to read back.
    if missing $aws cloudtrail get-trail --name "$1"; then
        $aws cloudtrail create-trail --name "$1" --s3-bucket-name "$2" --is-multi-region-trail \
            --include-global-service-events >/dev/null
        $aws cloudtrail put-event-selectors --trail-name "$1" --event-selectors "$selectors" >/dev/null
        $aws cloudtrail start-logging --name "$1" >/dev/null
        return
    fi
    $aws cloudtrail get-event-selectors --trail-name "$1" >/dev/null
    $aws cloudtrail put-event-selectors --trail-name "$1" --event-selectors "$selectors" >/dev/null
    if [ "$($aws cloudtrail get-trail-status --name "$1" --query IsLogging --output text)" != "True" ]; then
        $aws cloudtrail start-logging --name "$1" >/dev/null
    fi
}

export AWS_PROFILE=$profile
primary=$($aws sts get-caller-identity --query Account --output text)
declare -A credentials
for account in "${secondaries[@]}"; do
    credentials[$account]=$($aws sts assume-role --role-arn "arn:aws:iam::$account:role/$admin_role" \
        --role-session-name bench-awscli --duration-seconds 3600 \
        --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)
done
bucket=prisma-saas-s3-$primary

# The primary.
$aws s3api list-buckets >/dev/null
if missing $aws s3api head-bucket --bucket "$bucket"; then
    $aws s3api create-bucket --bucket "$bucket" >/dev/null
fi
$aws s3api put-bucket-policy --bucket "$bucket" --policy "$("$python" "$here/policies.py" bucket "$bucket" "$primary")"
ensure_trail prisma-saas-s3-primary-trail "$bucket"

if missing $aws iam get-user --user-name $user; then
    $aws iam create-user --user-name $user >/dev/null
fi
$aws iam list-access-keys --user-name $user >/dev/null
key=$($aws iam create-access-key --user-name $user --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text)
$aws iam list-access-keys --user-name $user >/dev/null

$aws iam list-attached-user-policies --user-name $user >/dev/null
$aws iam get-account-summary >/dev/null
while IFS=$'\t' read -r name document; do
    arn="arn:aws:iam::$primary:policy/$name"
    if missing $aws iam get-policy --policy-arn "$arn"; then
        $aws iam create-policy --policy-name "$name" --policy-document "$document" >/dev/null
    fi
    $aws iam attach-user-policy --user-name $user --policy-arn "$arn"
done < <("$python" "$here/policies.py" primary $role "${secondaries[@]}")

$aws s3api get-bucket-policy --bucket "$bucket" >/dev/null
$aws s3api put-bucket-policy --bucket "$bucket" \
    --policy "$("$python" "$here/policies.py" bucket "$bucket" "$primary" "${secondaries[@]}")"

# Each secondary, with its admin role's credentials.
secondary_policy=$("$python" "$here/policies.py" secondary)
trust=$("$python" "$here/policies.py" trust "$primary")
unset AWS_PROFILE
export AWS_DEFAULT_REGION=$(field region)
for account in "${secondaries[@]}"; do
    read -r AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN <<<"${credentials[$account]}"
    export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
    arn="arn:aws:iam::$account:policy/prisma-saas-s3-secondary-policy"
    if missing $aws iam get-policy --policy-arn "$arn"; then
        $aws iam create-policy --policy-name prisma-saas-s3-secondary-policy \
            --policy-document "$secondary_policy" >/dev/null
    fi
    if missing $aws iam get-role --role-name $role; then
        $aws iam create-role --role-name $role --assume-role-policy-document "$trust" >/dev/null
    else
        $aws iam list-attached-role-policies --role-name $role >/dev/null
    fi
    $aws iam attach-role-policy --role-name $role --policy-arn "$arn"
    $aws iam get-role --role-name $role >/dev/null
    $aws iam list-attached-role-policies --role-name $role >/dev/null
    ensure_trail prisma-saas-s3-secondary-trail "$bucket"
done
echo "SCANNER_KEY $key" | tr '\t' ' '

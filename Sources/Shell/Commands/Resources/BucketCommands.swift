import CrossAccount

/// `bucket create|allow-prefix|revoke-prefix|policy`.
enum BucketCommands {
    static let all: [CommandSpec] = [create, allowPrefix, revokePrefix, policy]

    static let create = CommandSpec(
        path: ["bucket", "create"], summary: "create a bucket (with the bucket policy CloudTrail needs)",
        arguments: [ArgumentSpec(name: "NAME", kind: .text, summary: "the bucket name")],
        options: [
            OptionSpec(
                name: "cloudtrail",
                summary: "also ensure the CloudTrail statements (GetBucketAcl, PutObject to AWSLogs/<owner id>/*)")
        ],
        details: """
            Creates the bucket in the account's region (us-east-1 takes no location constraint). An existing \
            bucket of the same account is accepted; one owned by another account is an error.
            """,
        examples: ["bucket create prisma-saas-s3-${primary.id} --cloudtrail"], actsInAccount: true
    ) { invocation, context in
        try await BucketActions.ensureBucket(
            name: invocation.argument(0) ?? "", cloudTrail: invocation.flag("cloudtrail"),
            context: context.actionContext(for: invocation))
    }

    static let allowPrefix = CommandSpec(
        path: ["bucket", "allow-prefix"], summary: "let accounts' CloudTrail logs into the bucket (AWSLogs/<id>/*)",
        arguments: [
            ArgumentSpec(name: "BUCKET", kind: .text, summary: "the CloudTrail bucket"),
            ArgumentSpec(name: "ACCOUNT", kind: .account, isVariadic: true, summary: "aliases or 12-digit ids"),
        ],
        options: [],
        details: """
            Adds arn:aws:s3:::BUCKET/AWSLogs/<id>/* for each account to the statement that allows CloudTrail \
            s3:PutObject, keeping every other statement and field. Refuses, before writing, a policy over \
            S3's 20 KB limit.
            """,
        examples: ["bucket allow-prefix ${bucket} sec1 sec2 sec3"], actsInAccount: true
    ) { invocation, context in
        try await BucketActions.allowPrefixes(
            bucket: invocation.argument(0) ?? "",
            accounts: context.accountIDs(invocation.arguments(from: 1), invocation: invocation),
            context: context.actionContext(for: invocation))
    }

    static let revokePrefix = CommandSpec(
        path: ["bucket", "revoke-prefix"], summary: "remove accounts' AWSLogs/<id>/* from the bucket policy",
        arguments: [
            ArgumentSpec(name: "BUCKET", kind: .text, summary: "the CloudTrail bucket"),
            ArgumentSpec(name: "ACCOUNT", kind: .account, isVariadic: true, summary: "aliases or 12-digit ids"),
        ],
        options: [], details: "The reverse of allow-prefix; everything else in the policy is kept.",
        examples: ["bucket revoke-prefix ${bucket} sec3"], actsInAccount: true
    ) { invocation, context in
        try await BucketActions.revokePrefixes(
            bucket: invocation.argument(0) ?? "",
            accounts: context.accountIDs(invocation.arguments(from: 1), invocation: invocation),
            context: context.actionContext(for: invocation))
    }

    static let policy = CommandSpec(
        path: ["bucket", "policy"], summary: "print a bucket's policy",
        arguments: [ArgumentSpec(name: "BUCKET", kind: .text, summary: "the bucket")], options: [], details: "",
        examples: ["bucket policy ${bucket}"], actsInAccount: true, recordsHistory: false
    ) { invocation, context in
        try await BucketActions.showBucketPolicy(
            bucket: invocation.argument(0) ?? "", context: context.actionContext(for: invocation))
    }
}

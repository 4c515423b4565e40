/// The API calls each command makes, by command name, for `explain` (and the reference docs).
///
/// Reads come first: every resource command reads the current state, then writes only what
/// differs. Kept next to the command table; a test checks that every call a dry-run plan lists
/// appears here.
enum ExplainCatalog {
    /// The steps of the command named `name`; empty for commands that make no AWS call.
    static func steps(of name: String) -> [ExplainStep] {
        identities[name] ?? buckets[name] ?? trails[name] ?? iam[name] ?? checks[name] ?? []
    }

    private static let policyARN = "arn:<PARTITION>:iam::<ACCOUNT_ID>:policy"

    private static let identities: [String: [ExplainStep]] = [
        "account add": [
            .read(
                "sts:AssumeRole", "aws sts assume-role --role-arn ROLE_ARN --role-session-name SESSION",
                when: "for a profile with role_arn"),
            .read(
                "sts:GetSessionToken", "aws sts get-session-token --serial-number <ARN> --token-code CODE",
                when: "with --mfa-serial or a profile's mfa_serial"),
            .read("sts:GetCallerIdentity", "aws sts get-caller-identity --profile <NAME>"),
        ],
        "role assume": [
            .read("sts:AssumeRole <ROLE_ARN>", "aws sts assume-role --role-arn <ROLE_ARN> --role-session-name <NAME>")
        ],
        "whoami": [.read("sts:GetCallerIdentity", "aws sts get-caller-identity")],
    ]

    private static let buckets: [String: [ExplainStep]] = [
        "bucket create": [
            .read("s3:ListBuckets", "aws s3api list-buckets"),
            .read("s3:HeadBucket <NAME>", "aws s3api head-bucket --bucket <NAME>", when: "when not listed"),
            .read(
                "s3:GetBucketPolicy <NAME>", "aws s3api get-bucket-policy --bucket <NAME>", when: "with --cloudtrail",
                option: "cloudtrail"),
            .write("s3:CreateBucket <NAME>", "aws s3api create-bucket --bucket <NAME>"),
            .write(
                "s3:PutBucketPolicy <NAME>", "aws s3api put-bucket-policy --bucket <NAME> --policy file://policy.json",
                when: "with --cloudtrail", option: "cloudtrail"),
        ],
        "bucket allow-prefix": bucketPolicyEdit,
        "bucket revoke-prefix": bucketPolicyEdit,
        "bucket policy": [.read("s3:GetBucketPolicy <BUCKET>", "aws s3api get-bucket-policy --bucket <BUCKET>")],
    ]

    private static let bucketPolicyEdit: [ExplainStep] = [
        .read("s3:GetBucketPolicy <BUCKET>", "aws s3api get-bucket-policy --bucket <BUCKET>"),
        .write(
            "s3:PutBucketPolicy <BUCKET>", "aws s3api put-bucket-policy --bucket <BUCKET> --policy file://policy.json"),
    ]

    private static let trails: [String: [ExplainStep]] = [
        "trail create": [
            .read("cloudtrail:GetTrail <NAME>", "aws cloudtrail get-trail --name <NAME>"),
            .read("cloudtrail:GetEventSelectors <NAME>", "aws cloudtrail get-event-selectors --trail-name <NAME>"),
            .read("cloudtrail:GetTrailStatus <NAME>", "aws cloudtrail get-trail-status --name <NAME>"),
            .write(
                "cloudtrail:CreateTrail <NAME>", "aws cloudtrail create-trail --name <NAME> --s3-bucket-name <BUCKET>"),
            .write(
                "cloudtrail:UpdateTrail <NAME>", "aws cloudtrail update-trail --name <NAME> --s3-bucket-name <BUCKET>"),
            .write(
                "cloudtrail:PutEventSelectors <NAME>",
                "aws cloudtrail put-event-selectors --trail-name <NAME> --event-selectors file://selectors.json"),
            .write("cloudtrail:StartLogging <NAME>", "aws cloudtrail start-logging --name <NAME>"),
        ],
        "trail show": [
            .read("cloudtrail:GetTrail <NAME>", "aws cloudtrail get-trail --name <NAME>"),
            .read("cloudtrail:GetEventSelectors <NAME>", "aws cloudtrail get-event-selectors --trail-name <NAME>"),
            .read("cloudtrail:GetTrailStatus <NAME>", "aws cloudtrail get-trail-status --name <NAME>"),
        ],
        "trail status": [.read("cloudtrail:GetTrailStatus <NAME>", "aws cloudtrail get-trail-status --name <NAME>")],
    ]

    private static let iam: [String: [ExplainStep]] = [
        "user create": [
            .read("iam:GetUser <NAME>", "aws iam get-user --user-name <NAME>"),
            .read(
                "iam:ListAccessKeys <NAME>", "aws iam list-access-keys --user-name <NAME>", when: "with --access-key",
                option: "access-key"),
            .write("iam:CreateUser <NAME>", "aws iam create-user --user-name <NAME>"),
            .write(
                "iam:CreateAccessKey <NAME>", "aws iam create-access-key --user-name <NAME>",
                when: "with --access-key, when the user has no active key", option: "access-key"),
        ],
        "policy create": [
            .read("iam:GetPolicy <NAME>", "aws iam get-policy --policy-arn \(policyARN)/<NAME>"),
            .read(
                "iam:GetPolicyVersion <NAME>",
                "aws iam get-policy-version --policy-arn \(policyARN)/<NAME> --version-id DEFAULT_VERSION"),
            .read(
                "iam:ListPolicyVersions <NAME>", "aws iam list-policy-versions --policy-arn \(policyARN)/<NAME>",
                when: "when the document differs"),
            .read(
                "iam:ListAttachedUserPolicies <USER>", "aws iam list-attached-user-policies --user-name <USER>",
                when: "with --user", option: "user"),
            .read("iam:GetAccountSummary", "aws iam get-account-summary", when: "with --user", option: "user"),
            .write(
                "iam:CreatePolicy <NAME>",
                "aws iam create-policy --policy-name <NAME> --policy-document file://<NAME>.json"),
            .write(
                "iam:DeletePolicyVersion <NAME>",
                "aws iam delete-policy-version --policy-arn \(policyARN)/<NAME> --version-id OLDEST",
                when: "when five versions exist"),
            .write(
                "iam:CreatePolicyVersion <NAME>",
                "aws iam create-policy-version --policy-arn \(policyARN)/<NAME> --policy-document file://<NAME>.json "
                    + "--set-as-default"),
            .write(
                "iam:AttachUserPolicy <NAME>",
                "aws iam attach-user-policy --user-name <USER> --policy-arn \(policyARN)/<NAME>", when: "with --user",
                option: "user"),
        ],
        "policy show": [
            .read("iam:GetPolicy <NAME>", "aws iam get-policy --policy-arn \(policyARN)/<NAME>"),
            .read(
                "iam:GetPolicyVersion <NAME>",
                "aws iam get-policy-version --policy-arn \(policyARN)/<NAME> --version-id DEFAULT_VERSION"),
        ],
        "policy attach": [
            .read(
                "iam:ListAttachedUserPolicies <USER>", "aws iam list-attached-user-policies --user-name <USER>",
                when: "with --user", option: "user"),
            .read(
                "iam:ListAttachedRolePolicies <ROLE>", "aws iam list-attached-role-policies --role-name <ROLE>",
                when: "with --role", option: "role"),
            .write(
                "iam:AttachUserPolicy <NAME>",
                "aws iam attach-user-policy --user-name <USER> --policy-arn \(policyARN)/<NAME>", when: "with --user",
                option: "user"),
            .write(
                "iam:AttachRolePolicy <NAME>",
                "aws iam attach-role-policy --role-name <ROLE> --policy-arn \(policyARN)/<NAME>", when: "with --role",
                option: "role"),
        ],
        "role create": [
            .read("iam:GetRole <NAME>", "aws iam get-role --role-name <NAME>"),
            .read(
                "iam:ListAttachedRolePolicies <NAME>", "aws iam list-attached-role-policies --role-name <NAME>",
                when: "with --policy", option: "policy"),
            .write(
                "iam:CreateRole <NAME>",
                "aws iam create-role --role-name <NAME> --assume-role-policy-document file://trust.json"),
            .write(
                "iam:UpdateAssumeRolePolicy <NAME>",
                "aws iam update-assume-role-policy --role-name <NAME> --policy-document file://trust.json"),
            .write(
                "iam:AttachRolePolicy <POLICY>",
                "aws iam attach-role-policy --role-name <NAME> --policy-arn \(policyARN)/<POLICY>",
                when: "with --policy", option: "policy"),
        ],
        "role show": [
            .read("iam:GetRole <NAME>", "aws iam get-role --role-name <NAME>"),
            .read("iam:ListAttachedRolePolicies <NAME>", "aws iam list-attached-role-policies --role-name <NAME>"),
        ],
    ]

    private static let checks: [String: [ExplainStep]] = [
        "check": [
            .read("s3:ListBuckets", "aws s3api list-buckets"),
            .read("s3:GetBucketPolicy BUCKET", "aws s3api get-bucket-policy --bucket BUCKET"),
            .read("cloudtrail:GetTrail TRAIL", "aws cloudtrail get-trail --name TRAIL", when: "in every account"),
            .read("cloudtrail:GetEventSelectors TRAIL", "aws cloudtrail get-event-selectors --trail-name TRAIL"),
            .read("cloudtrail:GetTrailStatus TRAIL", "aws cloudtrail get-trail-status --name TRAIL"),
            .read("iam:GetUser USER", "aws iam get-user --user-name USER"),
            .read("iam:ListAccessKeys USER", "aws iam list-access-keys --user-name USER"),
            .read("iam:ListAttachedUserPolicies USER", "aws iam list-attached-user-policies --user-name USER"),
            .read("iam:GetPolicy POLICY", "aws iam get-policy --policy-arn POLICY_ARN"),
            .read(
                "iam:GetPolicyVersion POLICY", "aws iam get-policy-version --policy-arn POLICY_ARN --version-id VERSION"
            ),
            .read("iam:GetRole ROLE", "aws iam get-role --role-name ROLE", when: "in every secondary"),
            .read("iam:ListAttachedRolePolicies ROLE", "aws iam list-attached-role-policies --role-name ROLE"),
            .read(
                "iam:SimulatePrincipalPolicy USER",
                "aws iam simulate-principal-policy --policy-source-arn USER_ARN --action-names sts:AssumeRole",
                when: "without the scanner's key"),
            .read(
                "sts:AssumeRole ROLE_ARN", "aws sts assume-role --role-arn ROLE_ARN --role-session-name s3x-check",
                when: "signed with the scanner's key, into every secondary"),
        ]
    ]
}

import AWS
import CrossAccount

/// Turns whatever a command threw into a `ShellError.failed` that names the command, the
/// account (alias and id), the AWS code and message, and the next step where one is known.
enum FailureTranslator {
    /// The failure for `error` raised by `command` in `account`.
    @inline(never)
    static func translate(_ error: any Error, command: String, account: Account?) -> ShellError {
        let label = account?.label
        switch error {
        case let error as ShellError:
            return error
        case let error as AWSError:
            return .failed(
                command: command, account: label, message: error.description, hint: hint(for: error, account))
        case let error as ActionError:
            return .failed(command: command, account: label, message: detail(of: error), hint: error.hint)
        case let error as CredentialError:
            return .failed(command: command, account: label, message: error.description, hint: hint(for: error))
        default:
            let hinted = error as? any HintedError
            return .failed(command: command, account: label, message: "\(error)", hint: hinted?.hint)
        }
    }

    /// An action error's message without the action and account it already names (the
    /// diagnostic adds those).
    static func detail(of error: ActionError) -> String {
        switch error {
        case .aws(_, _, let aws, _): aws.description
        case .policy(_, _, let policy): policy.description
        case .identifier(_, _, let identifier): identifier.description
        case .verificationFailed(_, _, let reason): "verification failed: \(reason)"
        default: error.description
        }
    }

    /// The next step for well-known AWS errors (docs/troubleshooting.md explains each).
    static func hint(for error: AWSError, _ account: Account?) -> String? {
        let id = account.map { $0.id.description } ?? "ACCOUNT_ID"
        switch error.code {
        case "InsufficientS3BucketPolicyException":
            return "the bucket policy must admit this account's logs first: bucket allow-prefix BUCKET \(id)"
        case "SignatureDoesNotMatch":
            return "the secret access key does not belong to the access key id; check the profile or environment"
        case "InvalidClientTokenId", "UnrecognizedClientException":
            if error.serviceError?.service == .iam, let kind = account?.source.kind, mayHoldPlainSession(kind) {
                // IAM answers this (not AccessDenied) to GetSessionToken credentials obtained
                // without MFA (STS API Reference, GetSessionToken), as aws-vault sessions are.
                return "IAM refuses session credentials obtained without MFA (as from GetSessionToken, aws-vault "
                    + "or a credential_process): add the account with --mfa-serial ARN, a profile with mfa_serial, "
                    + "or long-term keys"
            }
            return "AWS does not know this access key (deleted, inactive, or of another partition)"
        case "ExpiredToken", "ExpiredTokenException", "RequestExpired":
            return "the session expired; run 'account add' again (or 'aws sso login' for SSO profiles)"
        case "AccessDenied", "AccessDeniedException":
            if error.serviceError?.message.contains("MultiFactorAuth") == true {
                return "a policy requires MFA for this call: add the account with --mfa-serial ARN"
            }
            return "the identity lacks permission for this call"
        case "TrailAlreadyExistsException":
            return "a trail of this name exists in another region or account; choose another name"
        case "MaximumNumberOfTrailsExceededException":
            return "the region holds its maximum number of trails; remove one or reuse an existing trail"
        case "LimitExceeded":
            return "an IAM quota is reached (e.g. 5 policy versions, 2 access keys, 10 attached policies)"
        case "BucketAlreadyExists":
            return "bucket names are global; another account owns this name: choose another bucket name"
        default:
            return nil
        }
    }

    /// Whether credentials of this source kind can be a session obtained without MFA: keys from
    /// the environment, a profile's `aws_session_token` or a `credential_process` can; assumed
    /// roles, MFA sessions and IAM Identity Center credentials cannot.
    private static func mayHoldPlainSession(_ kind: String) -> Bool {
        kind == "env" || kind == "profile" || kind == "process"
    }

    private static func hint(for error: CredentialError) -> String? {
        switch error {
        case .noneFound: "use 'account add ALIAS --profile NAME', or set AWS_PROFILE or AWS_ACCESS_KEY_ID"
        case .profileNotFound: "list your profiles with: aws configure list-profiles"
        default: nil
        }
    }
}

/// An error that knows the next step a person should take.
public protocol HintedError: Error {
    /// The next step, or nil.
    var hint: String? { get }
}

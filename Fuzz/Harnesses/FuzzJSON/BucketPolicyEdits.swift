import CrossAccount
import FuzzSupport

/// Runs the bucket-policy editor over a policy a bucket might already hold.
enum BucketPolicyEdits {
    /// Grants and revokes two accounts' prefixes in `existing`, and checks a second grant changes nothing.
    static func check(existing: String) {
        guard let bucket = try? BucketName("fuzz-trail-logs"),
            let first = try? AccountID("111111111111"), let second = try? AccountID("222222222222")
        else {
            require(false, "the harness's own identifiers are refused")
            return
        }
        let editor = BucketPolicyEditor(bucket: bucket)
        _ = try? editor.revoke([first], in: existing)
        guard let granted = try? editor.grant([first, second], in: existing) else { return }
        guard let again = try? editor.grant([first, second], in: granted.text) else {
            require(false, "a granted policy cannot be edited again: \(granted.text.debugDescription)")
            return
        }
        require(again.added.isEmpty, "a second grant adds \(again.added) to \(granted.text.debugDescription)")
        _ = try? editor.revoke([second], in: granted.text)
    }
}

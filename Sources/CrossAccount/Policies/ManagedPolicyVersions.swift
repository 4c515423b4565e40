import Foundation

/// The rule for making room before a new version of a managed policy is created.
public enum ManagedPolicyVersions {
    /// IAM keeps at most five versions of a managed policy (IAM User Guide, "Versioning IAM policies").
    public static let maximumCount = 5

    /// The version to delete before creating another, or `nil` when there is still room.
    ///
    /// When `maximumCount` versions exist, this is the oldest one that is not the default; versions
    /// created at the same instant are ordered by their number (`v2` before `v10`).
    @inline(never)
    public static func versionToPrune(versions: [(id: String, isDefault: Bool, created: Date)]) -> String? {
        guard versions.count >= maximumCount else { return nil }
        let candidates = versions.filter { !$0.isDefault }
        let oldest = candidates.min { lhs, rhs in
            if lhs.created != rhs.created { return lhs.created < rhs.created }
            return (number(lhs.id), lhs.id) < (number(rhs.id), rhs.id)
        }
        return oldest?.id
    }

    /// The number in a version ID such as `v12`; IDs of another shape sort last.
    private static func number(_ id: String) -> Int {
        guard id.first == "v", let value = Int(id.dropFirst()) else { return Int.max }
        return value
    }
}

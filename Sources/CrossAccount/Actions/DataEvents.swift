import Services

/// Which S3 data events a trail records: every bucket, current and future, or an allow list.
public enum DataEvents: Sendable, Equatable {
    /// Every bucket (data resource `arn:<partition>:s3`).
    case all
    /// Only the named buckets (`arn:<partition>:s3:::NAME/` each).
    case buckets([String])

    /// The data resource type of S3 object events.
    public static let objectType = "AWS::S3::Object"

    /// The ARNs or ARN prefixes CloudTrail is given.
    public func values(partition: String = "aws") -> [String] {
        switch self {
        case .all: ["arn:\(partition):s3"]
        case .buckets(let names): names.map { "arn:\(partition):s3:::\($0)/" }
        }
    }

    /// The one classic event selector s3x writes: management events and these S3 data events.
    public func selectors(partition: String = "aws") -> [EventSelector] {
        [EventSelector(dataResources: [DataResource(type: Self.objectType, values: values(partition: partition))])]
    }

    /// A short description for reports.
    public var summary: String {
        switch self {
        case .all: "all S3 buckets"
        case .buckets(let names): "buckets " + names.joined(separator: ", ")
        }
    }

    /// Whether two selector lists record the same events, regardless of the order of selectors,
    /// resources and values; absent fields take CloudTrail's defaults (`All`, management events on).
    public static func sameEvents(_ lhs: [EventSelector], _ rhs: [EventSelector]) -> Bool {
        canonical(lhs) == canonical(rhs)
    }

    /// A comparable form of selectors.
    private static func canonical(_ selectors: [EventSelector]) -> Set<CanonicalSelector> {
        Set(
            selectors.map { selector in
                CanonicalSelector(
                    readWriteType: selector.readWriteType ?? "All",
                    includesManagement: selector.includeManagementEvents ?? true,
                    resources: Set(
                        (selector.dataResources ?? []).map { Resource(type: $0.type, values: Set($0.values ?? [])) }))
            })
    }

    private struct CanonicalSelector: Hashable {
        var readWriteType: String
        var includesManagement: Bool
        var resources: Set<Resource>
    }

    private struct Resource: Hashable {
        var type: String
        var values: Set<String>
    }
}

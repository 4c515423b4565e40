import Foundation

/// The settings `CreateTrail` and `UpdateTrail` take.
public struct TrailSettings: Sendable, Encodable, Equatable {
    /// The trail name.
    public var name: String
    /// The bucket logs go to.
    public var bucket: String
    /// Whether the trail applies to all regions.
    public var isMultiRegion: Bool
    /// Whether it records global services' events (IAM, STS); required for multi-region trails.
    public var includeGlobalServiceEvents: Bool

    /// Creates settings.
    public init(name: String, bucket: String, isMultiRegion: Bool) {
        self.name = name
        self.bucket = bucket
        self.isMultiRegion = isMultiRegion
        self.includeGlobalServiceEvents = true
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", bucket = "S3BucketName", isMultiRegion = "IsMultiRegionTrail"
        case includeGlobalServiceEvents = "IncludeGlobalServiceEvents"
    }
}

/// A trail as CloudTrail describes it.
public struct Trail: Sendable, Decodable, Equatable {
    /// The trail name.
    public var name: String
    /// The bucket it logs to.
    public var bucket: String?
    /// Whether it applies to all regions.
    public var isMultiRegion: Bool?
    /// Its home region.
    public var homeRegion: String?
    /// Its ARN.
    public var arn: String?
    /// Whether it has custom event selectors.
    public var hasCustomEventSelectors: Bool?
    /// Whether it records global services' events.
    public var includeGlobalServiceEvents: Bool?

    enum CodingKeys: String, CodingKey {
        case name = "Name", bucket = "S3BucketName", isMultiRegion = "IsMultiRegionTrail", homeRegion = "HomeRegion"
        case arn = "TrailARN", hasCustomEventSelectors = "HasCustomEventSelectors"
        case includeGlobalServiceEvents = "IncludeGlobalServiceEvents"
    }
}

/// A classic event selector: management events and data resources.
public struct EventSelector: Sendable, Codable, Equatable {
    /// `All`, `ReadOnly` or `WriteOnly`.
    public var readWriteType: String?
    /// Whether management events are recorded.
    public var includeManagementEvents: Bool?
    /// The data resources recorded.
    public var dataResources: [DataResource]?

    /// Creates a selector.
    public init(readWriteType: String = "All", includeManagementEvents: Bool = true, dataResources: [DataResource]) {
        self.readWriteType = readWriteType
        self.includeManagementEvents = includeManagementEvents
        self.dataResources = dataResources
    }

    enum CodingKeys: String, CodingKey {
        case readWriteType = "ReadWriteType", includeManagementEvents = "IncludeManagementEvents"
        case dataResources = "DataResources"
    }
}

/// Data resources of one type, e.g. S3 objects of every bucket (`arn:aws:s3`).
public struct DataResource: Sendable, Codable, Equatable {
    /// e.g. `AWS::S3::Object`.
    public var type: String
    /// ARNs or ARN prefixes.
    public var values: [String]?

    /// Creates a data resource.
    public init(type: String, values: [String]) {
        self.type = type
        self.values = values
    }

    enum CodingKeys: String, CodingKey {
        case type = "Type", values = "Values"
    }
}

/// What `GetEventSelectors` answers.
public struct EventSelectorsReply: Sendable, Decodable, Equatable {
    /// The trail's ARN.
    public var trailARN: String?
    /// Classic selectors.
    public var eventSelectors: [EventSelector]?
    /// Advanced selectors (s3x reads but does not write them).
    public var advancedEventSelectors: [AdvancedEventSelector]?

    enum CodingKeys: String, CodingKey {
        case trailARN = "TrailARN", eventSelectors = "EventSelectors", advancedEventSelectors = "AdvancedEventSelectors"
    }
}

/// An advanced event selector, enough to recognise S3 data events.
public struct AdvancedEventSelector: Sendable, Decodable, Equatable {
    /// The selector's name.
    public var name: String?
    /// Its field conditions.
    public var fieldSelectors: [FieldSelector]?

    enum CodingKeys: String, CodingKey {
        case name = "Name", fieldSelectors = "FieldSelectors"
    }
}

/// One field condition of an advanced event selector.
public struct FieldSelector: Sendable, Decodable, Equatable {
    /// e.g. `eventCategory`, `resources.type`, `resources.ARN`.
    public var field: String
    /// Values that match exactly.
    public var equals: [String]?
    /// Values matched as prefixes.
    public var startsWith: [String]?

    enum CodingKeys: String, CodingKey {
        case field = "Field", equals = "Equals", startsWith = "StartsWith"
    }
}

/// What `GetTrailStatus` answers (the fields s3x reads).
public struct TrailStatus: Sendable, Decodable, Equatable {
    /// Whether the trail is logging.
    public var isLogging: Bool
    /// The last delivery error, if any.
    public var latestDeliveryError: String?
    /// When logging last started.
    public var startLoggingTime: Date?

    enum CodingKeys: String, CodingKey {
        case isLogging = "IsLogging", latestDeliveryError = "LatestDeliveryError", startLoggingTime = "StartLoggingTime"
    }
}

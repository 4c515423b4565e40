import Services

extension DataEvents {
    /// What a trail must record, for check rows.
    var requirement: String {
        switch self {
        case .all: "S3 data events of all buckets"
        case .buckets(let names): "S3 data events of exactly \(names.joined(separator: ", "))"
        }
    }

    /// Whether a trail's selectors record exactly the configured S3 data events; returns a detail.
    ///
    /// Classic selectors name buckets as `arn:aws:s3:::NAME/` (all buckets: `arn:aws:s3` or
    /// `arn:aws:s3:::`); advanced selectors use `resources.type` and `resources.ARN` startsWith.
    /// - Throws: `CheckProblem.trailSetting` with what was found.
    func require(in reply: EventSelectorsReply, trail: String, partition: String) throws(CheckProblem) -> String {
        let classic = (reply.eventSelectors ?? []).flatMap { $0.dataResources ?? [] }
            .filter { $0.type == Self.objectType }.map { $0.values ?? [] }
        let advanced = (reply.advancedEventSelectors ?? []).compactMap(Self.advancedS3Values)
        let recorded = classic + advanced
        let wanted: Set<String>
        switch self {
        case .all:
            let everything: Set = ["arn:\(partition):s3", "arn:\(partition):s3:::"]
            if recorded.contains(where: { $0.isEmpty || !everything.isDisjoint(with: $0) }) {
                return requirement
            }
            wanted = everything
        case .buckets(let names):
            wanted = Set(names.map { Self.bucketPrefix($0, partition: partition) })
            if !recorded.isEmpty && Set(recorded.flatMap { $0 }.map(Self.normalised)) == wanted {
                return requirement
            }
        }
        let found = recorded.isEmpty ? "none" : recorded.flatMap { $0.isEmpty ? ["all"] : $0 }.joined(separator: ", ")
        throw .trailSetting(
            trail: trail, setting: "S3 data events", expected: wanted.sorted().joined(separator: " or "), found: found)
    }

    /// `arn:aws:s3:::NAME/`, the data resource of one bucket's objects.
    static func bucketPrefix(_ name: String, partition: String) -> String {
        "arn:\(partition):s3:::\(normalisedName(name))/"
    }

    /// A bucket given as a name, an ARN or a prefix, reduced to its name.
    private static func normalisedName(_ text: String) -> String {
        var name = text
        if let range = name.range(of: ":s3:::") { name = String(name[range.upperBound...]) }
        while name.hasSuffix("/") { name.removeLast() }
        return name
    }

    /// A recorded value with exactly one trailing slash.
    private static func normalised(_ value: String) -> String {
        value.hasSuffix("/") ? value : value + "/"
    }

    /// The ARN prefixes of an advanced selector for S3 object data events (empty: every bucket).
    private static func advancedS3Values(_ selector: AdvancedEventSelector) -> [String]? {
        let fields = selector.fieldSelectors ?? []
        let isData = fields.contains { $0.field == "eventCategory" && $0.equals == ["Data"] }
        let isS3 = fields.contains { $0.field == "resources.type" && $0.equals == [objectType] }
        guard isData && isS3 else { return nil }
        return fields.filter { $0.field == "resources.ARN" }.flatMap { $0.startsWith ?? [] }
    }
}

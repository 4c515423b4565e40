import AWS
import Services

/// Ensure actions for a trail: its bucket and regions, its S3 data events, and logging.
public enum TrailActions {
    /// Makes sure trail `name` logs into `bucket`, in all regions when `allRegions`, records
    /// `dataEvents`, and is logging.
    ///
    /// The trail is read first: CloudTrail on AWS refuses `CreateTrail` for an existing name, and a
    /// `TrailAlreadyExistsException` after a lost reply is read back and treated as done.
    /// - Throws: `ActionError.aws` with hints (bucket policy missing, trail quota, name taken).
    public static func ensureTrail(
        name: String, bucket: String, allRegions: Bool, dataEvents: DataEvents, context: ActionContext
    ) async throws(ActionError) -> Report {
        let command = "trail create"
        _ = try context.validate(command) { () throws(IdentifierError) in try TrailName(name) }
        let cloudTrail = try context.client(command) { account throws(AWSError) in try account.cloudTrail() }
        let hint = { @Sendable (error: AWSError) in hintFor(error, trail: name, bucket: bucket, context: context) }
        var report = Report(command: command, account: context.account.alias, resource: name, outcome: .unchanged)
        let settings = TrailSettings(name: name, bucket: bucket, isMultiRegion: allRegions)
        var trail = try await context.call(command, hint: hint) { () async throws(AWSError) in
            try await cloudTrail.getTrail(name: name)
        }
        // A trail created just now has no data events and is not logging: there is nothing to read.
        let isNew = trail == nil
        if isNew {
            report.outcome = context.isPlanning ? .wouldCreate : .created
            report.calls.append("cloudtrail:CreateTrail \(name)")
            if !context.isPlanning {
                trail = try await create(settings, cloudTrail: cloudTrail, command: command, context: context)
            }
            report.changes.append("created trail \(name) logging into \(bucket)")
        }
        if let existing = trail, existing.bucket != bucket || (existing.isMultiRegion ?? false) != allRegions {
            report.changes.append(
                "trail settings: bucket \(existing.bucket ?? "none") -> \(bucket), all regions "
                    + "\(existing.isMultiRegion ?? false) -> \(allRegions)")
            try await send("cloudtrail:UpdateTrail \(name)", &report, context) { () async throws(AWSError) in
                _ = try await cloudTrail.updateTrail(settings)
            }
        }
        // The data events and logging: both read at once (a new trail has no data events and is not
        // logging), then whatever differs is written, both at once.
        let wanted = dataEvents.selectors(partition: context.account.partition)
        let (current, isLogging) =
            isNew
            ? ([], false)
            : try await context.concurrentCalls(
                command, hint: hint,
                { () async throws(AWSError) in
                    try await cloudTrail.getEventSelectors(trailName: name).eventSelectors ?? []
                },
                { () async throws(AWSError) in try await cloudTrail.getTrailStatus(name: name).isLogging })
        let putsSelectors = !DataEvents.sameEvents(current, wanted)
        if putsSelectors {
            report.changes.append("data events: \(dataEvents.summary)")
            report.calls.append("cloudtrail:PutEventSelectors \(name)")
        }
        if !isLogging {
            report.changes.append("started logging")
            report.calls.append("cloudtrail:StartLogging \(name)")
        }
        if (putsSelectors || !isLogging) && report.outcome == .unchanged {
            report.outcome = context.isPlanning ? .wouldUpdate : .updated
        }
        if !context.isPlanning {
            _ = try await context.concurrentCalls(
                command, hint: hint,
                { () async throws(AWSError) in
                    if putsSelectors { try await cloudTrail.putEventSelectors(trailName: name, selectors: wanted) }
                },
                { () async throws(AWSError) in
                    if !isLogging { try await cloudTrail.startLogging(name: name) }
                })
        }
        report.fields = [
            .init("trail", trail?.arn ?? name), .init("bucket", bucket),
            .init("all regions", allRegions ? "yes" : "no"),
            .init("data events", dataEvents.summary),
        ]
        return report
    }

    /// `CreateTrail`, reading the trail back when it already exists (a lost reply's retry).
    /// - Throws: `ActionError.aws`.
    private static func create(
        _ settings: TrailSettings, cloudTrail: CloudTrail, command: String, context: ActionContext
    ) async throws(ActionError) -> Trail? {
        let hint = { (error: AWSError) in
            hintFor(error, trail: settings.name, bucket: settings.bucket, context: context)
        }
        return try await context.call(command, hint: hint) { () async throws(AWSError) -> Trail? in
            do throws(AWSError) {
                return try await cloudTrail.createTrail(settings)
            } catch let error where error.code == "TrailAlreadyExistsException" {
                guard let trail = try await cloudTrail.getTrail(name: settings.name) else { throw error }
                return trail
            }
        }
    }

    /// Records `call` and, unless planning, sends it, with CloudTrail's hints.
    /// - Throws: `ActionError.aws`.
    private static func send(
        _ call: String, _ report: inout Report, _ context: ActionContext, _ body: () async throws(AWSError) -> Void
    ) async throws(ActionError) {
        let trail = report.resource ?? ""
        try await context.send(call, &report, hint: { hintFor($0, trail: trail, bucket: nil, context: context) }, body)
    }

    /// The next step for CloudTrail's refusals.
    static func hintFor(_ error: AWSError, trail: String, bucket: String?, context: ActionContext) -> String? {
        let bucketName = bucket ?? "BUCKET"
        switch error.code {
        case "InsufficientS3BucketPolicyException":
            return "run: bucket allow-prefix \(bucketName) \(context.account.id)"
        case "S3BucketDoesNotExistException":
            return "run: bucket create \(bucketName)"
        case "TrailAlreadyExistsException":
            return "a trail named \(trail) already exists (perhaps in another region): use another name or delete it"
        case "MaximumNumberOfTrailsExceededException":
            return "the account has the most trails a region allows; delete one before creating \(trail)"
        case "TrailNotFoundException":
            return "no trail named \(trail): run: trail create \(trail)"
        default:
            return nil
        }
    }
}

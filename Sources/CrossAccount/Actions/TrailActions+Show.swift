import AWS
import Services

/// Reading a trail back: its settings and selectors, and its logging status.
extension TrailActions {
    /// The trail's bucket, regions, home region and S3 data events.
    /// - Throws: `ActionError.aws`; a missing trail is `TrailNotFoundException` with a hint.
    public static func showTrail(name: String, context: ActionContext) async throws(ActionError) -> Report {
        let command = "trail show"
        let cloudTrail = try context.client(command) { account throws(AWSError) in try account.cloudTrail() }
        let hint = { (error: AWSError) in hintFor(error, trail: name, bucket: nil, context: context) }
        let found = try await context.call(command, hint: hint) { () async throws(AWSError) in
            try await cloudTrail.getTrail(name: name)
        }
        guard let trail = found else {
            throw .aws(
                action: command, account: context.account.label,
                error: .service(
                    ServiceError(
                        service: .cloudtrail, operation: "GetTrail", status: 400, code: "TrailNotFoundException",
                        message: "Unknown trail: \(name)")),
                hint: "run: trail create \(name)")
        }
        let reply = try await context.call(command, hint: hint) { () async throws(AWSError) in
            try await cloudTrail.getEventSelectors(trailName: name)
        }
        var fields: [Report.Field] = [
            .init("trail", trail.arn ?? name), .init("bucket", trail.bucket ?? "none"),
            .init("all regions", trail.isMultiRegion == true ? "yes" : "no"),
            .init("home region", trail.homeRegion ?? context.account.region),
        ]
        for resource in (reply.eventSelectors ?? []).flatMap({ $0.dataResources ?? [] }) {
            fields.append(.init("data events", "\(resource.type) \((resource.values ?? []).joined(separator: " "))"))
        }
        if reply.advancedEventSelectors?.isEmpty == false {
            fields.append(.init("advanced selectors", String(reply.advancedEventSelectors?.count ?? 0)))
        }
        return Report(command: command, account: context.account.alias, resource: name, fields: fields)
    }

    /// Whether the trail is logging, since when, and its last delivery error.
    /// - Throws: `ActionError.aws`.
    public static func trailStatus(name: String, context: ActionContext) async throws(ActionError) -> Report {
        let command = "trail status"
        let cloudTrail = try context.client(command) { account throws(AWSError) in try account.cloudTrail() }
        let status = try await context.call(
            command, hint: { hintFor($0, trail: name, bucket: nil, context: context) }
        ) { () async throws(AWSError) in
            try await cloudTrail.getTrailStatus(name: name)
        }
        var fields: [Report.Field] = [.init("logging", status.isLogging ? "yes" : "no")]
        if let started = status.startLoggingTime {
            fields.append(.init("logging since", ISO8601.format(started)))
        }
        if let error = status.latestDeliveryError, !error.isEmpty {
            fields.append(.init("latest delivery error", error))
        }
        return Report(
            command: command, account: context.account.alias, resource: name, fields: fields,
            succeeded: status.isLogging)
    }
}

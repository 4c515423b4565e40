import AWS
import Services

extension SetupCheck {
    /// Rows for one trail: it exists, covers all regions, logs to the primary's bucket, records
    /// the configured S3 data events and is logging.
    func checkTrail(_ name: String, in account: Account, into findings: inout CheckFindings) async {
        let alias = account.alias
        let settings = ["trail: all regions", "trail: bucket", "trail: S3 data events", "trail: logging"]
        var loaded: (client: CloudTrail, trail: Trail)?
        await findings.check(alias, "trail") { () async throws(CheckProblem) -> String in
            let client = try await read { () throws(AWSError) in try account.cloudTrail() }
            let found = try await read { () async throws(AWSError) in try await client.getTrail(name: name) }
            guard let found else {
                throw .notFound(kind: "trail", name: name)
            }
            loaded = (client, found)
            return "\(name) (\(found.arn ?? "no ARN"), home region \(found.homeRegion ?? account.region))"
        }
        guard let (trails, trail) = loaded else {
            for item in settings {
                findings.skip(alias, item, because: "not checked: the trail \(name) is not readable")
            }
            return
        }
        await findings.check(alias, settings[0]) { () throws(CheckProblem) -> String in
            guard trail.isMultiRegion == true else {
                throw .trailSetting(trail: name, setting: "multi-region", expected: "true", found: "false")
            }
            return "multi-region"
        }
        await findings.check(alias, settings[1]) { () throws(CheckProblem) -> String in
            guard trail.bucket == bucket else {
                throw .trailSetting(trail: name, setting: "bucket", expected: bucket, found: trail.bucket ?? "none")
            }
            return "logs to \(bucket)"
        }
        await findings.check(alias, settings[2]) { () async throws(CheckProblem) -> String in
            let reply = try await read { () async throws(AWSError) in
                try await trails.getEventSelectors(trailName: name)
            }
            return try dataEvents.require(in: reply, trail: name, partition: account.partition)
        }
        await findings.check(alias, settings[3]) { () async throws(CheckProblem) -> String in
            let status = try await read { () async throws(AWSError) in try await trails.getTrailStatus(name: name) }
            guard status.isLogging else {
                throw .trailSetting(trail: name, setting: "logging", expected: "on", found: "off")
            }
            return "logging"
        }
    }
}

import CrossAccount

/// `trail create|show|status`.
enum TrailCommands {
    static let all: [CommandSpec] = [create, show, status]

    static let create = CommandSpec(
        path: ["trail", "create"], summary: "create or update a trail with S3 data events, and start logging",
        arguments: [ArgumentSpec(name: "NAME", kind: .text, summary: "the trail name")],
        options: [
            OptionSpec(name: "bucket", value: .text, isRequired: true, placeholder: "BUCKET", summary: "where logs go"),
            OptionSpec(name: "all-regions", summary: "apply the trail to all regions (multi-region)"),
            OptionSpec(
                name: "data-events", value: .text, placeholder: "all|B1,B2",
                summary: "S3 data events: all buckets, or a comma-separated allow list"),
        ],
        details: """
            Reads the trail first: creates it, or updates its bucket and regions when they differ; sets the S3 \
            data event selectors when they differ; starts logging when it is off. CloudTrail refuses a bucket \
            whose policy does not admit this account: run bucket allow-prefix first.
            """,
        examples: ["trail create prisma-saas-s3-primary-trail --bucket ${bucket} --all-regions --data-events all"],
        actsInAccount: true
    ) { invocation, context in
        try await TrailActions.ensureTrail(
            name: invocation.argument(0) ?? "", bucket: invocation.value("bucket") ?? "",
            allRegions: invocation.flag("all-regions"), dataEvents: dataEvents(invocation.value("data-events")),
            context: context.actionContext(for: invocation))
    }

    static let show = CommandSpec(
        path: ["trail", "show"], summary: "show a trail's settings and event selectors",
        arguments: [ArgumentSpec(name: "NAME", kind: .text, summary: "the trail name")], options: [], details: "",
        examples: ["trail show prisma-saas-s3-primary-trail"], actsInAccount: true, recordsHistory: false
    ) { invocation, context in
        try await TrailActions.showTrail(
            name: invocation.argument(0) ?? "", context: context.actionContext(for: invocation))
    }

    static let status = CommandSpec(
        path: ["trail", "status"], summary: "show whether a trail is logging",
        arguments: [ArgumentSpec(name: "NAME", kind: .text, summary: "the trail name")], options: [], details: "",
        examples: ["trail status prisma-saas-s3-primary-trail"], actsInAccount: true, recordsHistory: false
    ) { invocation, context in
        try await TrailActions.trailStatus(
            name: invocation.argument(0) ?? "", context: context.actionContext(for: invocation))
    }

    /// `all` or a comma-separated bucket list (`nil` means all).
    static func dataEvents(_ text: String?) -> DataEvents {
        guard let text, text != "all" else { return .all }
        return .buckets(text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
    }
}

import Script

/// Walks parsed statements for the locations and commands they hold.
enum ScriptLocations {
    /// Every command, word, variable and block-end location in `statements`.
    static func all(in statements: [Statement]) -> [SourceLocation] {
        statements.flatMap { statement -> [SourceLocation] in
            switch statement {
            case .command(let command):
                locations(of: command)
            case .block(let header, let body, let end):
                locations(of: header) + all(in: body) + [end]
            }
        }
    }

    /// Every command, block headers included, in source order.
    static func commands(in statements: [Statement]) -> [Command] {
        statements.flatMap { statement -> [Command] in
            switch statement {
            case .command(let command): [command]
            case .block(let header, let body, _): [header] + commands(in: body)
            }
        }
    }

    /// True when `location` names an existing line of `source` and a character on it.
    static func points(_ location: SourceLocation, into source: Source) -> Bool {
        guard location.file == source.name, let line = source.line(location.line) else { return false }
        return location.column >= 1 && location.column <= line.count
    }

    private static func locations(of command: Command) -> [SourceLocation] {
        let words = command.words.flatMap { word in
            [word.location]
                + word.parts.compactMap { part -> SourceLocation? in
                    guard case .variable(_, let location) = part else { return nil }
                    return location
                }
        }
        return [command.location] + words
    }
}

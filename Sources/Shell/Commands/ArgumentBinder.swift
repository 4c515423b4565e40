import Script

/// Binds a command's expanded words to its spec, refusing anything malformed before it runs.
struct ArgumentBinder {
    /// The command table.
    var table: CommandTable
    /// Aliases known at this point (for checking `.alias` values); nil skips the check.
    var knownAliases: Set<String>?

    /// Finds the command `words` name and binds the rest.
    /// - Throws: `ShellError.usage` pointing at the offending word.
    func bind(_ words: [BoundValue], command: Command) throws(ShellError) -> Invocation {
        guard let first = words.first else {
            throw .usage(message: "empty command", location: command.location)
        }
        guard let spec = table.lookup(words.map(\.text)) else {
            throw unknownCommand(words)
        }
        var invocation = Invocation(spec: spec, command: command, arguments: [], options: [:])
        var index = spec.path.count
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if !optionsEnded && word.text == "--" {
                optionsEnded = true
            } else if !optionsEnded && word.text.hasPrefix("--") && word.text.count > 2 {
                try bindOption(word, words: words, index: &index, into: &invocation)
            } else {
                invocation.arguments.append(word)
                // `explain bucket create B --cloudtrail`: the rest belongs to the explained command.
                optionsEnded = optionsEnded || spec.takesCommandLine
            }
        }
        _ = first
        try checkArguments(invocation)
        for option in spec.allOptions where option.isRequired && invocation.options[option.name] == nil {
            throw .usage(
                message: "\(spec.name) needs \(option.usage)", location: command.location, hint: "usage: \(spec.usage)")
        }
        return invocation
    }

    private func bindOption(
        _ word: BoundValue, words: [BoundValue], index: inout Int, into invocation: inout Invocation
    ) throws(ShellError) {
        let body = word.text.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        let inlineValue = body.contains(Character("=")) ? String(body.drop { $0 != "=" }.dropFirst()) : nil
        let spec = invocation.spec
        guard let option = spec.option(named: name) else {
            let names = spec.allOptions.map(\.name)
            let hint =
                Suggestion.closest(to: name, among: names).map { "did you mean --\($0)?" }
                ?? "usage: \(spec.usage)"
            throw .usage(message: "\(spec.name) has no option --\(name)", location: word.location, hint: hint)
        }
        guard let kind = option.value else {
            guard inlineValue == nil else {
                throw .usage(message: "--\(name) takes no value", location: word.location)
            }
            invocation.options[name] = []
            return
        }
        var values: [BoundValue] = []
        if let inlineValue {
            values.append(BoundValue(text: inlineValue, location: word.location))
        }
        if option.isList || inlineValue == nil {
            while index < words.count, !words[index].text.hasPrefix("--") {
                values.append(words[index])
                index += 1
                if !option.isList { break }
            }
        }
        guard !values.isEmpty else {
            throw .usage(message: "--\(name) needs a value (\(option.placeholder))", location: word.location)
        }
        for value in values { try check(value, kind: kind, what: "--\(name)") }
        invocation.options[name, default: []] += values
    }

    private func checkArguments(_ invocation: Invocation) throws(ShellError) {
        let spec = invocation.spec
        var remaining = invocation.arguments[...]
        for argument in spec.arguments {
            if argument.isVariadic {
                if remaining.isEmpty && !argument.isOptional {
                    throw missing(argument, invocation)
                }
                for value in remaining { try check(value, kind: argument.kind, what: argument.name) }
                remaining = []
            } else if let value = remaining.first {
                try check(value, kind: argument.kind, what: argument.name)
                remaining = remaining.dropFirst()
            } else if !argument.isOptional {
                throw missing(argument, invocation)
            }
        }
        if let extra = remaining.first {
            throw .usage(
                message: "\(spec.name) takes no further argument '\(extra.text)'", location: extra.location,
                hint: "usage: \(spec.usage)")
        }
    }

    private func missing(_ argument: ArgumentSpec, _ invocation: Invocation) -> ShellError {
        .usage(
            message: "\(invocation.spec.name) needs \(argument.name) (\(argument.summary))",
            location: invocation.command.location, hint: "usage: \(invocation.spec.usage)")
    }

    /// Checks one value against its kind.
    private func check(_ value: BoundValue, kind: ValueKind, what: String) throws(ShellError) {
        if !Validator.isKnown(value.text) { return }  // known only at run time
        switch kind {
        case .integer:
            guard Int(value.text) != nil else {
                throw .usage(message: "\(what) must be a whole number, not '\(value.text)'", location: value.location)
            }
        case .duration:
            guard DurationValue.seconds(value.text) != nil else {
                throw .usage(
                    message: "\(what) must be a duration such as 1h, 45m or 900s, not '\(value.text)'",
                    location: value.location)
            }
        case .choice(let choices):
            guard choices.contains(value.text) else {
                throw .usage(
                    message: "\(what) must be one of \(choices.joined(separator: ", ")), not '\(value.text)'",
                    location: value.location)
            }
        case .alias:
            try checkAlias(value, what: what)
        case .account:
            let isID = value.text.count == 12 && value.text.allSatisfy(\.isASCIIDigit)
            if !isID { try checkAlias(value, what: what) }
        case .text, .newAlias, .path, .command, .variable:
            return
        }
    }

    private func checkAlias(_ value: BoundValue, what: String) throws(ShellError) {
        guard let knownAliases, !knownAliases.contains(value.text) else { return }
        let looksLikeID = value.text.allSatisfy(\.isASCIIDigit)
        let message =
            looksLikeID
            ? "'\(value.text)' is not an account id (12 digits) nor a known alias"
            : "unknown account alias '\(value.text)'"
        let hint =
            Suggestion.closest(to: value.text, among: Array(knownAliases)).map { "did you mean \($0)?" }
            ?? (knownAliases.isEmpty
                ? "add one first: account add ALIAS" : "known: \(knownAliases.sorted().joined(separator: ", "))")
        throw .usage(message: message, location: value.location, hint: hint)
    }

    private func unknownCommand(_ words: [BoundValue]) -> ShellError {
        let first = words[0]
        if table.nouns.contains(first.text) {
            let verbs = table.verbs(of: first.text)
            if words.count > 1 {
                let hint =
                    Suggestion.closest(to: words[1].text, among: verbs).map { "did you mean \(first.text) \($0)?" }
                    ?? "\(first.text) takes: \(verbs.joined(separator: ", "))"
                return .usage(
                    message: "unknown command '\(first.text) \(words[1].text)'", location: words[1].location, hint: hint
                )
            }
            return .usage(
                message: "'\(first.text)' needs a verb: \(verbs.joined(separator: ", "))", location: first.location)
        }
        let hint =
            Suggestion.closest(to: first.text, among: table.firstWords).map { "did you mean \($0)?" }
            ?? "type 'help' for the list of commands"
        return .usage(message: "unknown command '\(first.text)'", location: first.location, hint: hint)
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0-9.
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// Durations written `1h`, `45m`, `900s` or plain seconds.
enum DurationValue {
    /// The number of seconds `text` means, or nil.
    static func seconds(_ text: String) -> Int? {
        guard let last = text.last else { return nil }
        let multiplier: Int
        switch last {
        case "h": multiplier = 3600
        case "m": multiplier = 60
        case "s": multiplier = 1
        default: return Int(text).flatMap { $0 > 0 ? $0 : nil }
        }
        return Int(text.dropLast()).flatMap { $0 > 0 ? $0 * multiplier : nil }
    }
}

/// "Did you mean" suggestions by edit distance.
enum Suggestion {
    /// The candidate closest to `word`, when close enough to be a likely typo.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word, $0)) }.filter { $0.1 <= max(2, word.count / 3) }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}

import Foundation
import Script

/// `source FILE [ARGS...]`: runs another script in this session, with cycle detection.
enum ScriptInclusion {
    /// Runs the file `invocation` names.
    /// - Throws: `ShellError` from the file (syntax, usage, failure) or a cycle.
    static func run(_ invocation: Invocation, context: CommandContext) async throws(ShellError) {
        guard let path = invocation.argument(0) else { return }
        let location = invocation.arguments.first?.location
        let resolved = SourceFiles.resolve(path, relativeTo: context.scope.directory)
        if context.scope.includeStack.contains(resolved) {
            throw SourceFiles.cycle(context.scope.includeStack, closedBy: resolved, at: location)
        }
        let source = try SourceFiles.load(resolved, at: location)
        var scope = context.scope
        scope.directory = (resolved as NSString).deletingLastPathComponent
        scope.includeStack.append(resolved)
        scope.isInteractive = false
        let arguments = invocation.arguments(from: 1)
        for (index, value) in arguments.enumerated() { scope.locals["\(index + 1)"] = value }
        scope.locals["args"] = arguments.joined(separator: " ")
        let statements: [Statement]
        do {
            statements = try Parser.parse(source)
        } catch {
            throw .syntax(error)
        }
        try context.interpreter.validate(statements, source: source, scope: scope)
        let failures = try await context.interpreter.run(statements, source: source, scope: scope)
        if failures > 0 {
            throw .failed(command: "source", account: nil, message: "\(failures) command(s) of \(path) failed")
        }
    }
}

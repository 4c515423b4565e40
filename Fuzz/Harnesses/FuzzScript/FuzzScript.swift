import FuzzSupport
import Script

/// Feeds random text to the script lexer and parser, the expander and the REPL's completeness test.
///
/// Properties checked beyond "no crash, no hang": every location the parser reports names a real
/// character of the source; an error quotes the line it points into; the completeness test agrees
/// with the parser; expansion fails only on a variable the resolver does not know.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScript(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: fuzzInput(data, size), as: UTF8.self)
    let source = Source(name: "fuzz.s3x", text: text)
    do throws(ScriptError) {
        let statements = try Parser.parse(source)
        for location in ScriptLocations.all(in: statements) {
            require(ScriptLocations.points(location, into: source), "\(location) outside \(text.debugDescription)")
        }
        guard case .complete = Parser.completeness(of: text, name: "fuzz.s3x") else {
            require(false, "completeness disagrees with parse for \(text.debugDescription)")
            return 0
        }
        expandAll(statements, source: source)
    } catch {
        require(ScriptLocations.points(error.location, into: source), "\(error.kind) at \(error.location)")
        require(error.sourceLine == source.line(error.location.line), "\(error.kind) quotes another line")
        _ = error.diagnostic.render(color: true)
        require(error.description.hasPrefix("\(error.location): error: "), "unexpected rendering")
    }
    checkLinePrefixes(of: text)
    return 0
}

/// Expands every command with a resolver that knows the names of even length.
private func expandAll(_ statements: [Statement], source: Source) {
    let expander = Expander { name in name.count.isMultiple(of: 2) ? "<\(name)>" : nil }
    for command in ScriptLocations.commands(in: statements) {
        do throws(ScriptError) {
            _ = try expander.expand(command)
        } catch {
            guard case .unknownVariable(let name) = error.kind else {
                require(false, "expansion failed with \(error.kind)")
                return
            }
            require(!name.count.isMultiple(of: 2), "a known variable \(name) was refused")
            _ = error.attachingLine(from: source).description
        }
    }
}

/// Asks for the completeness of each prefix of whole lines, as the REPL does while a person types.
///
/// Only short inputs: the work grows with the square of the length, and long ones gain nothing new.
private func checkLinePrefixes(of text: String) {
    guard text.utf8.count <= 512 else { return }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(12)
    var typed = ""
    for (index, line) in lines.enumerated() {
        typed += (index == 0 ? "" : "\n") + line
        _ = Parser.completeness(of: typed)
    }
}

@_cdecl("FuzzScript_main")
func fuzzerMain(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, target: fuzzScript)
}

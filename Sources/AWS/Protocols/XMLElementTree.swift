import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A parsed XML element: its name (namespace prefix dropped), attributes, text and children.
///
/// Built with Foundation's `XMLParser`; the AWS replies s3x reads are small, so a tree is simpler
/// than streaming.
public struct XMLElementTree: Sendable, Equatable {
    /// The local name, e.g. `AccessKeyId`.
    public var name: String
    /// Attributes by name.
    public var attributes: [String: String]
    /// The concatenated character data directly inside this element, without surrounding ASCII
    /// whitespace.
    public var text: String
    /// Child elements in document order.
    public var children: [XMLElementTree]

    /// Parses `data`.
    /// - Throws: `XMLDecodingError` with the parser's line and column when the document is malformed.
    public static func parse(_ data: [UInt8]) throws(XMLDecodingError) -> XMLElementTree {
        // Foundation's XMLParser on Linux traps on a name that is not UTF-8 (found by Fuzz/FuzzXML),
        // and AWS replies are UTF-8: refuse anything else before the parser sees it.
        if let invalid = firstNonUTF8Position(in: data) {
            throw XMLDecodingError(line: invalid.line, column: invalid.column, reason: "the reply is not UTF-8 text")
        }
        // It also crashes on a processing instruction without data (`<?name?>`: it takes the C
        // string's length of a null pointer; found by Fuzz/FuzzXML). AWS replies hold none but the
        // XML declaration at the very start.
        if let instruction = firstProcessingInstruction(in: data) {
            throw XMLDecodingError(
                line: instruction.line, column: instruction.column,
                reason: "the reply holds a processing instruction, which no AWS reply has")
        }
        let delegate = TreeBuilder()
        let parser = XMLParser(data: Data(data))
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        let ok = parser.parse()
        guard ok, let root = delegate.root else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "no root element"
            throw XMLDecodingError(line: parser.lineNumber, column: parser.columnNumber, reason: reason)
        }
        return root
    }

    /// The line and column (1-based, in bytes) of the first `<?` other than a leading XML
    /// declaration, if any.
    static func firstProcessingInstruction(in data: [UInt8]) -> (line: Int, column: Int)? {
        let declaration = Array("<?xml".utf8)
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let start = data.starts(with: bom) ? bom.count : 0
        var (line, column) = (1, 1)
        for index in data.indices.dropLast() {
            if data[index] == UInt8(ascii: "<") && data[index + 1] == UInt8(ascii: "?") {
                let isDeclaration =
                    index == start && data[index...].starts(with: declaration)
                    && (index + declaration.count < data.count && [0x20, 0x09, 0x0A, 0x0D].contains(data[index + 5]))
                if !isDeclaration { return (line, column) }
            }
            (line, column) = data[index] == UInt8(ascii: "\n") ? (line + 1, 1) : (line, column + 1)
        }
        return nil
    }

    /// The line and column (1-based, in Unicode scalars) of the first byte that is not UTF-8, if any.
    static func firstNonUTF8Position(in data: [UInt8]) -> (line: Int, column: Int)? {
        // Nearly every reply is ASCII, or valid UTF-8: the standard library checks that fast, and
        // the decoding below then only runs to find where a bad byte is.
        if !data.contains(where: { $0 >= 0x80 }) || String(validating: data, as: UTF8.self) != nil { return nil }
        var decoder = UTF8()
        var bytes = data.makeIterator()
        var (line, column) = (1, 1)
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar):
                (line, column) = scalar == "\n" ? (line + 1, 1) : (line, column + 1)
            case .emptyInput:
                return nil
            case .error:
                return (line, column)
            }
        }
    }

    /// The first direct child named `name`.
    public func child(_ name: String) -> XMLElementTree? {
        children.first { $0.name == name }
    }

    /// Every direct child named `name`.
    public func children(_ name: String) -> [XMLElementTree] {
        children.filter { $0.name == name }
    }

    /// Follows a path of child names, e.g. `element(at: "User", "Arn")`.
    public func element(at path: String...) -> XMLElementTree? {
        element(atPath: path)
    }

    /// Follows a path of child names given as an array.
    public func element(atPath path: [String]) -> XMLElementTree? {
        var current = self
        for name in path {
            guard let next = current.child(name) else { return nil }
            current = next
        }
        return current
    }

    /// The text at a path of child names, or nil when the path is absent.
    public func text(at path: String...) -> String? {
        element(atPath: path)?.text
    }

    /// The first element named `name` anywhere below (depth first), or self.
    public func first(named name: String) -> XMLElementTree? {
        if self.name == name { return self }
        for child in children {
            if let found = child.first(named: name) { return found }
        }
        return nil
    }
}

/// Malformed XML in a reply.
public struct XMLDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the parser stopped.
    public var line: Int
    /// The column there.
    public var column: Int
    /// The parser's explanation.
    public var reason: String

    public var description: String {
        "malformed XML at line \(line), column \(column): \(reason)"
    }
}

/// Collects `XMLParser` events into a tree.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLElementTree?
    private var stack: [XMLElementTree] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        // The name after any `prefix:`, found as a byte: a backward Character search here cost more
        // than the rest of the tree building.
        let bytes = elementName.utf8
        let local =
            bytes.lastIndex(of: UInt8(ascii: ":")).map { String(elementName[bytes.index(after: $0)...]) } ?? elementName
        stack.append(XMLElementTree(name: local, attributes: attributeDict, text: "", children: []))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        guard var element = stack.popLast() else { return }
        element.text = element.text.trimmingASCIIWhitespace()
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }
}

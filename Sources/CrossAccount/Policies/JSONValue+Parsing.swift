import Foundation

/// Parsing JSON text with Foundation into a `JSONValue`, with the position of any syntax error.
extension JSONValue {
    /// Parses `text` as one JSON value (an object, an array or a scalar).
    ///
    /// `JSONSerialization` checks the syntax first because its errors carry the byte offset of the
    /// fault; `JSONDecoder` then builds the tree because it tells `true` apart from `1`.
    /// - Throws: `PolicyError.malformedJSON` with the line, column and reason of the first fault.
    public init(parsing text: String) throws(PolicyError) {
        let data = Data(text.utf8)
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw Self.syntaxError(error, in: text)
        }
        do {
            self = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw .malformedJSON(JSONSyntaxError(reason: "not a JSON value Foundation can decode", text: text))
        }
    }

    /// Turns a `JSONSerialization` error into a positioned syntax error.
    private static func syntaxError(_ error: any Error, in text: String) -> PolicyError {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        if description.hasPrefix("Unexpected end of file") {
            return .malformedJSON(
                JSONSyntaxError(reason: "unexpected end of input", text: text, byteOffset: text.utf8.count))
        }
        // Foundation words its faults as "Invalid value around character 17.", 17 being a byte offset.
        let marker = " around character "
        guard let range = description.range(of: marker) else {
            return .malformedJSON(JSONSyntaxError(reason: trimmed(description), text: text))
        }
        let digits = description[range.upperBound...].prefix { $0.isNumber }
        let reason = trimmed(String(description[..<range.lowerBound]))
        return .malformedJSON(JSONSyntaxError(reason: reason, text: text, byteOffset: Int(digits)))
    }

    /// Lowercases the first letter and drops the final period, to fit inside our own sentence.
    private static func trimmed(_ sentence: String) -> String {
        var text = sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
        if let first = text.first {
            text = first.lowercased() + text.dropFirst()
        }
        return text
    }
}

extension JSONValue: Decodable {
    /// Decodes any JSON value; used only after `JSONSerialization` has accepted the text.
    /// - Throws: `DecodingError` when the decoder meets something that is not JSON.
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: MemberKey.self) {
            var members: [String: JSONValue] = [:]
            for key in container.allKeys {
                members[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
            }
            self = .object(members)
        } else if var container = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !container.isAtEnd {
                elements.append(try container.decode(JSONValue.self))
            }
            self = .array(elements)
        } else {
            self = try Self.scalar(from: decoder.singleValueContainer())
        }
    }

    private static func scalar(from container: any SingleValueDecodingContainer) throws -> JSONValue {
        if container.decodeNil() {
            return .null
        }
        if let flag = try? container.decode(Bool.self) {
            return .bool(flag)
        }
        if let number = try? container.decode(Double.self) {
            return .number(number)
        }
        return .string(try container.decode(String.self))
    }

    /// A coding key for arbitrary object member names.
    private struct MemberKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }

        init(stringValue: String) {
            self.stringValue = stringValue
        }

        init?(intValue: Int) {
            nil
        }
    }
}

extension JSONValue: Encodable {
    /// Encodes the value as itself, so a `JSONValue` can sit inside other `Encodable` types.
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .object(let members): try container.encode(members)
        case .array(let elements): try container.encode(elements)
        case .string(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .bool(let flag): try container.encode(flag)
        case .null: try container.encodeNil()
        }
    }
}

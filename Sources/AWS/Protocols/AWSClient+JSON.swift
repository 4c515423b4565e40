import Foundation
import SigV4

extension AWSClient {
    /// Calls an operation of a JSON 1.1 service (CloudTrail): `POST /` with `X-Amz-Target`.
    /// - Throws: `AWSError`; a reply whose JSON does not match `Output` is `.malformedResponse`
    ///   naming the field.
    // Not inlined, so its locals live in a frame of its own while it runs instead of in each
    // caller's async frame, which every account's branch holds for the whole action.
    @inline(never)
    public func json<Input: Encodable, Output: Decodable>(
        target: String, operation: String, input: Input, output: Output.Type, isMutating: Bool
    ) async throws(AWSError) -> Output {
        let body: Data
        do {
            body = try JSONEncoder().encode(input)
        } catch {
            throw .signing("could not encode the \(operation) request: \(error)")
        }
        let request = AWSRequest(
            operation: operation, isMutating: isMutating, method: "POST", path: "/",
            headers: [
                Header(name: "Content-Type", value: "application/x-amz-json-1.1"),
                Header(name: "X-Amz-Target", value: "\(target).\(operation)"),
            ],
            body: Array(body))
        let response = try await send(request)
        if ErrorDecoder.isHTML(response.body) {
            throw .malformedResponse(
                service: service, operation: operation, status: response.status, reason: ErrorDecoder.htmlReply)
        }
        let data = response.body.isEmpty ? Data("{}".utf8) : Data(response.body)
        do {
            return try JSONProtocol.decoder.decode(Output.self, from: data)
        } catch let error as DecodingError {
            throw .malformedResponse(
                service: service, operation: operation, status: response.status,
                reason: JSONProtocol.describe(error))
        } catch {
            throw .malformedResponse(
                service: service, operation: operation, status: response.status, reason: "\(error)")
        }
    }
}

/// Decoding rules of the AWS JSON 1.1 protocol.
public enum JSONProtocol {
    /// A decoder whose dates accept epoch seconds (numbers, possibly fractional) and ISO 8601 strings.
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let seconds = try? container.decode(Double.self) { return Date(timeIntervalSince1970: seconds) }
            let text = try container.decode(String.self)
            guard let date = ISO8601.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a timestamp")
            }
            return date
        }
        return decoder
    }

    /// A one-line explanation of a decoding failure naming the JSON path.
    public static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let rendered = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return rendered.isEmpty ? "the top level" : String(rendered.drop { $0 == "." })
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) is not of type \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) is null where a \(type) is expected"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

import AWS
import Foundation
import HTTP
import Services

/// Decodes a body as each CloudTrail reply s3x reads, and as a JSON error reply.
enum CloudTrailReplies {
    /// `DescribeTrails`' reply shape.
    private struct TrailList: Decodable {
        var trailList: [Trail]?
    }

    /// `GetTrail`'s reply shape.
    private struct GetTrailReply: Decodable {
        var trail: Trail?

        enum CodingKeys: String, CodingKey {
            case trail = "Trail"
        }
    }

    /// Runs every decoder over `data`; failures are expected, crashes and hangs are not.
    static func decodeAll(_ data: Data) {
        decode(Trail.self, data)
        decode(TrailList.self, data)
        decode(GetTrailReply.self, data)
        decode(EventSelectorsReply.self, data)
        decode(TrailStatus.self, data)
        let response = HTTPResponse(status: 400, body: Array(data))
        _ = ErrorDecoder.decode(response, service: .cloudtrail, operation: "Fuzz").description
    }

    private static func decode<Output: Decodable>(_ type: Output.Type, _ data: Data) {
        do {
            _ = try JSONProtocol.decoder.decode(type, from: data)
        } catch let error as DecodingError {
            _ = JSONProtocol.describe(error)
        } catch {
            _ = "\(error)"
        }
    }
}

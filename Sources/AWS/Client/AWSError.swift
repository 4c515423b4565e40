import Foundation
import HTTP

/// An error answered by an AWS service: status, code, message and request id.
public struct ServiceError: Error, Sendable, Equatable {
    /// The service that answered.
    public var service: ServiceID
    /// The operation called, e.g. `CreateTrail`.
    public var operation: String
    /// The HTTP status.
    public var status: Int
    /// The AWS error code, e.g. `EntityAlreadyExists`.
    public var code: String
    /// The service's message (may be empty).
    public var message: String
    /// The request id, when the service sent one.
    public var requestID: String?
    /// The server's `Date` header, used to report clock skew.
    public var serverDate: Date?

    /// Creates a service error.
    public init(
        service: ServiceID, operation: String, status: Int, code: String, message: String,
        requestID: String? = nil, serverDate: Date? = nil
    ) {
        self.service = service
        self.operation = operation
        self.status = status
        self.code = code
        self.message = message
        self.requestID = requestID
        self.serverDate = serverDate
    }
}

/// Everything that can go wrong calling AWS, with the operation it happened in.
public enum AWSError: Error, Sendable, CustomStringConvertible {
    /// The service answered with an error.
    case service(ServiceError)
    /// The request did not complete on the wire.
    case transport(service: ServiceID, operation: String, HTTPError)
    /// The reply could not be understood.
    case malformedResponse(service: ServiceID, operation: String, status: Int, reason: String)
    /// No usable credentials.
    case credentials(CredentialError)
    /// No usable endpoint or region.
    case endpoint(EndpointError)
    /// The request could not be signed.
    case signing(String)
    /// The local clock is far from the server's.
    case clockSkew(ServiceError, offset: TimeInterval)
    /// The run was interrupted before this request was sent.
    case cancelled(service: ServiceID, operation: String)

    /// The AWS error code, when the service gave one.
    public var code: String? {
        switch self {
        case .service(let error), .clockSkew(let error, _): error.code
        default: nil
        }
    }

    /// The underlying service error, when there is one.
    public var serviceError: ServiceError? {
        switch self {
        case .service(let error), .clockSkew(let error, _): error
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .service(let error):
            let request = error.requestID.map { " (request id \($0))" } ?? ""
            let message = error.message.isEmpty ? "" : ": \(error.message)"
            return "\(error.service.rawValue) \(error.operation) failed with \(error.code) "
                + "(HTTP \(error.status))\(message)\(request)"
        case .transport(let service, let operation, let error):
            return "\(service.rawValue) \(operation) did not complete: \(error)"
        case .malformedResponse(let service, let operation, let status, let reason):
            return "\(service.rawValue) \(operation) answered something s3x cannot read (HTTP \(status)): \(reason)"
        case .credentials(let error):
            return error.description
        case .endpoint(let error):
            return error.description
        case .signing(let reason):
            return "the request could not be signed: \(reason)"
        case .clockSkew(let error, let offset):
            let direction = offset > 0 ? "behind" : "ahead of"
            let seconds = Int(abs(offset).rounded())
            return "\(error.service.rawValue) \(error.operation) was refused (RequestTimeTooSkewed): this machine's "
                + "clock is \(seconds) s \(direction) the server's; set the clock right (NTP) and retry"
        case .cancelled(let service, let operation):
            return "\(service.rawValue) \(operation) was not sent: interrupted"
        }
    }
}

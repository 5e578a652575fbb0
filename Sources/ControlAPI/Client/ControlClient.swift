package import Foundation

/// A small blocking HTTP/1.1 client for the daemon's control socket: one connection per request
/// (`Connection: close`), JSON in and out, the daemon's error body relayed as a
/// ``ControlClientError`` with code `.daemon`. See ``UnixSocket`` for why it is not AsyncHTTPClient.
package struct ControlClient: Sendable {
    package let socketPath: String
    /// Seconds to wait for the connection and for each read or write.
    package var timeout: Double

    package init(socketPath: String, timeout: Double = 30) {
        self.socketPath = socketPath
        self.timeout = timeout
    }

    // MARK: - The API

    package func status() throws(ControlClientError) -> StatusResponse {
        try call("GET", "/status")
    }

    /// Jobs in `states` (all when empty), newest first, at most `limit`.
    package func jobs(states: [String] = [], limit: Int? = nil) throws(ControlClientError) -> [JobSummary] {
        var query: [String] = []
        if !states.isEmpty { query.append("state=" + states.joined(separator: ",")) }
        if let limit { query.append("limit=\(limit)") }
        return try call("GET", "/jobs" + (query.isEmpty ? "" : "?" + query.joined(separator: "&")))
    }

    package func job(_ id: Int64) throws(ControlClientError) -> JobDetail {
        try call("GET", "/jobs/\(id)")
    }

    package func enqueue(_ request: EnqueueRequest) throws(ControlClientError) -> EnqueueResponse {
        try call("POST", "/jobs", body: request)
    }

    package func cancel(_ id: Int64) throws(ControlClientError) -> JobSummary {
        try call("POST", "/jobs/\(id)/cancel")
    }

    package func retry(_ id: Int64) throws(ControlClientError) -> JobSummary {
        try call("POST", "/jobs/\(id)/retry")
    }

    package func trigger(_ name: String) throws(ControlClientError) -> TriggerResponse {
        let escaped = name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? name
        return try call("POST", "/triggers/\(escaped)")
    }

    /// The Prometheus text exposition of `GET /metrics`.
    package func metrics() throws(ControlClientError) -> String {
        let reply = try send("GET", "/metrics")
        try check(reply)
        return String(decoding: reply.body, as: UTF8.self)
    }

    // MARK: - Requests

    /// `method` on `/v1` + `path`, decoding the reply as `T`.
    package func call<T: Decodable>(_ method: String, _ path: String) throws(ControlClientError) -> T {
        try decode(try send(method, ControlAPIVersion.pathPrefix + path))
    }

    package func call<T: Decodable>(_ method: String, _ path: String, body: some Encodable) throws(ControlClientError) -> T {
        let data: Data
        do {
            data = try ControlJSON.encoder().encode(body)
        } catch {
            throw ControlClientError(.badResponse, "cannot encode the request: \(error)", socketPath: socketPath)
        }
        return try decode(try send(method, ControlAPIVersion.pathPrefix + path, body: data))
    }

    /// Sends one request and reads the whole reply; any status is returned, not thrown.
    package func send(_ method: String, _ target: String, body: Data? = nil) throws(ControlClientError) -> HTTPReply {
        let socket = try UnixSocket(connectingTo: socketPath, timeout: timeout)
        var head = "\(method) \(target) HTTP/1.1\r\nHost: sparkd\r\nConnection: close\r\nAccept: application/json\r\n"
        if let body {
            head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n"
        } else if method != "GET" {
            head += "Content-Length: 0\r\n"
        }
        head += "\r\n"
        try socket.writeAll(Array(head.utf8) + (body.map(Array.init) ?? []))
        let bytes = try socket.readAll { HTTPReply.isComplete($0) }
        guard let reply = HTTPReply.parse(bytes) else {
            throw ControlClientError(
                .badResponse, "'\(socketPath)' did not answer with HTTP (\(bytes.count) bytes)", socketPath: socketPath,
                hint: "check that --socket names sparkd's control socket")
        }
        return reply
    }

    /// Writes `bytes` exactly as given and returns what comes back until the daemon closes the
    /// connection (or the timeout): for probing the wire in tests and diagnostics.
    package func exchange(raw bytes: [UInt8]) throws(ControlClientError) -> [UInt8] {
        let socket = try UnixSocket(connectingTo: socketPath, timeout: timeout)
        try socket.writeAll(bytes)
        return try socket.readAll { HTTPReply.isComplete($0) }
    }

    private func check(_ reply: HTTPReply) throws(ControlClientError) {
        guard !(200..<300).contains(reply.status) else { return }
        if let envelope = try? ControlJSON.decoder().decode(ControlErrorBody.Envelope.self, from: reply.body) {
            throw ControlClientError(
                .daemon, envelope.error.message, socketPath: socketPath, hint: envelope.error.hint, status: reply.status,
                daemonCode: envelope.error.code)
        }
        let text = String(decoding: reply.body.prefix(200), as: UTF8.self)
        throw ControlClientError(
            .daemon, "sparkd answered HTTP \(reply.status)\(text.isEmpty ? "" : ": \(text)")", socketPath: socketPath,
            status: reply.status)
    }

    private func decode<T: Decodable>(_ reply: HTTPReply) throws(ControlClientError) -> T {
        try check(reply)
        do {
            return try ControlJSON.decoder().decode(T.self, from: reply.body)
        } catch {
            throw ControlClientError(
                .badResponse, "sparkd's reply is not the \(T.self) expected: \(error)", socketPath: socketPath,
                hint: "sparkctl and sparkd may be different versions")
        }
    }
}

extension HTTPReply {
    /// Whether `bytes` hold a whole response with a `Content-Length` body, so the client need not
    /// wait for the server to close the connection.
    static func isComplete(_ bytes: [UInt8]) -> Bool {
        guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { return false }
        let head = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).lowercased()
        for line in head.components(separatedBy: "\r\n") where line.hasPrefix("content-length:") {
            guard let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else {
                return false
            }
            return bytes.count - end.upperBound >= length
        }
        return false
    }
}

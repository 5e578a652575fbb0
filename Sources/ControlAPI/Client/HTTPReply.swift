package import Foundation

/// One HTTP/1.1 response as read from the socket: status, headers (names lowercased), body.
package struct HTTPReply: Sendable {
    package var status: Int
    package var headers: [String: String]
    package var body: Data

    /// Parses a whole response (the connection was closed after it). Understands `Content-Length`
    /// and `Transfer-Encoding: chunked`; returns nil for anything that is not an HTTP/1.x response.
    static func parse(_ bytes: [UInt8]) -> HTTPReply? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = bytes.firstRange(of: separator) else { return nil }
        let head = String(decoding: bytes[..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2)
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[end.upperBound...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            guard let decoded = dechunk(body) else { return nil }
            body = decoded
        } else if let length = headers["content-length"].flatMap(Int.init) {
            guard body.count >= length else { return nil }
            body = Array(body.prefix(length))
        }
        return HTTPReply(status: status, headers: headers, body: Data(body))
    }

    private static func dechunk(_ bytes: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var index = 0
        while true {
            guard let lineEnd = bytes[index...].firstRange(of: Array("\r\n".utf8)) else { return nil }
            let sizeText = String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { return nil }
            index = lineEnd.upperBound
            if size == 0 { return output }
            guard index + size <= bytes.count else { return nil }
            output += bytes[index..<index + size]
            index += size + 2
        }
    }
}

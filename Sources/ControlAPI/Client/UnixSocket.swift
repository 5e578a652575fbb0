#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Musl)
    internal import Musl
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// One blocking connection to a Unix domain socket, owning its file descriptor.
///
/// Why POSIX sockets and not AsyncHTTPClient: every `sparkctl` start (the pre-commit hook
/// included) would pay for a NIO event loop, and the package minutes more build time, to send
/// one small request over a local socket. Blocking calls with kernel timeouts
/// (`SO_RCVTIMEO`/`SO_SNDTIMEO`) are all a one-request client needs.
final class UnixSocket {
    private let fd: Int32
    let path: String

    /// Connects to `path`; errors say whether a daemon is missing or just not ours to talk to.
    init(connectingTo path: String, timeout: Double) throws(ControlClientError) {
        self.path = path
        #if canImport(Darwin)
            fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #else
            fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else {
            throw ControlClientError(.badResponse, "cannot create a socket: \(Self.errorText(errno))", socketPath: path)
        }
        var time = timeval(tv_sec: Int(timeout), tv_usec: .init((timeout - Double(Int(timeout))) * 1_000_000))
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
            var one: Int32 = 1
            _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif

        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else {
            close(fd)
            throw ControlClientError(
                .invalidSocket, "the socket path '\(path)' is too long (\(bytes.count) bytes; at most \(capacity - 1))",
                socketPath: path, hint: "use a shorter path: set `socket:` in sparkd.yml and pass the same --socket")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if result != 0 {
            let code = errno
            close(fd)
            throw Self.connectError(code, path: path)
        }
    }

    deinit { close(fd) }

    func writeAll(_ bytes: [UInt8]) throws(ControlClientError) {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Darwin)
                let flags: Int32 = 0
            #else
                let flags = Int32(MSG_NOSIGNAL)
            #endif
            let written = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, flags) }
            if written < 0 {
                if errno == EINTR { continue }
                throw ioError(errno, doing: "send the request")
            }
            offset += written
        }
    }

    /// Reads until the peer closes the connection (the request said `Connection: close`), or
    /// until `complete` says the bytes so far are a whole response.
    func readAll(until complete: ([UInt8]) -> Bool) throws(ControlClientError) -> [UInt8] {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { return received }
            if count < 0 {
                if errno == EINTR { continue }
                throw ioError(errno, doing: "read the reply")
            }
            received += chunk[..<count]
            if complete(received) { return received }
        }
    }

    private func ioError(_ code: Int32, doing what: String) -> ControlClientError {
        if code == EAGAIN || code == EWOULDBLOCK {
            return ControlClientError(
                .timeout, "sparkd did not answer on '\(path)' in time", socketPath: path,
                hint: "the daemon may be overloaded or stuck; check its log (journalctl -u sparkd)")
        }
        return ControlClientError(
            .badResponse, "cannot \(what) on '\(path)': \(Self.errorText(code))", socketPath: path,
            hint: "the daemon may have stopped; check its log (journalctl -u sparkd)")
    }

    private static func connectError(_ code: Int32, path: String) -> ControlClientError {
        switch code {
        case ENOENT, ECONNREFUSED:
            let what = code == ENOENT ? "there is no socket at '\(path)'" : "nothing is listening on '\(path)' (a stale socket)"
            return ControlClientError(
                .noDaemon, "cannot reach sparkd: \(what); is sparkd running?", socketPath: path,
                hint: "start it with `sparkd --config FILE`, or pass --socket PATH (or set SPARKD_SOCKET) for a daemon elsewhere")
        case EACCES, EPERM:
            return ControlClientError(
                .permissionDenied, "permission denied connecting to '\(path)'", socketPath: path,
                hint: "the socket is mode 0600: run sparkctl as the user sparkd runs as (e.g. sudo -u sparkd sparkctl …)")
        case ENOTSOCK, ENOTDIR:
            return ControlClientError(
                .invalidSocket, "'\(path)' is not a socket", socketPath: path,
                hint: "pass the daemon's socket with --socket PATH (default <state_dir>/sparkd.sock)")
        case EAGAIN, ETIMEDOUT:
            return ControlClientError(
                .timeout, "sparkd did not accept a connection on '\(path)' in time", socketPath: path,
                hint: "the daemon may be overloaded or stuck; check its log (journalctl -u sparkd)")
        default:
            return ControlClientError(.badResponse, "cannot connect to '\(path)': \(errorText(code))", socketPath: path)
        }
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

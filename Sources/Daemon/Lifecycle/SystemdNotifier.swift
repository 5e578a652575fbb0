#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Tells systemd how the daemon is doing, through the sd_notify(3) protocol: one datagram of
/// `KEY=VALUE` lines sent to the `AF_UNIX` socket named by `$NOTIFY_SOCKET`. `sparkd.service` is
/// `Type=notify`, so systemd considers the daemon started only when it sends `READY=1` — after
/// the configuration is loaded, the queue is open and the control socket listens.
///
/// Written by hand rather than linking libsystemd: the protocol is one `sendto(2)` of a few
/// bytes, and libsystemd would be a C dependency (and a second C boundary) for that alone.
///
/// When `$NOTIFY_SOCKET` is unset (the daemon run from a shell, in tests, under another
/// supervisor) every call is a no-op. Addresses starting with `@` are in the abstract
/// namespace; `vsock:` addresses (systemd 254+, for virtual machines) are not supported.
package struct SystemdNotifier: Sendable {
    /// The socket from `$NOTIFY_SOCKET`, or nil when the daemon is not run by systemd.
    package let socketPath: String?
    /// The watchdog interval systemd expects pings at (`WatchdogSec=`), from `$WATCHDOG_USEC` when
    /// `$WATCHDOG_PID` is unset or this process. Ping (``Message/watchdog``) at half of it.
    package let watchdogInterval: Duration?

    /// Reads `NOTIFY_SOCKET`, `WATCHDOG_USEC` and `WATCHDOG_PID` from `environment`.
    package init(environment: [String: String]) {
        let path = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        var interval: Duration?
        if let usec = environment["WATCHDOG_USEC"].flatMap(UInt64.init), usec > 0,
            environment["WATCHDOG_PID"].map({ Int32($0) == getpid() }) ?? true
        {
            interval = .microseconds(Int64(clamping: usec))
        }
        self.init(socketPath: path, watchdogInterval: interval)
    }

    /// Reads this process's environment.
    package init() {
        self.init(environment: Self.processEnvironment())
    }

    package init(socketPath: String?, watchdogInterval: Duration? = nil) {
        self.socketPath = socketPath
        self.watchdogInterval = watchdogInterval
    }

    /// Whether notifications go anywhere.
    package var isEnabled: Bool { socketPath != nil }

    /// One assignment of the protocol (see sd_notify(3)).
    package enum Message: Sendable, Hashable {
        /// Start-up (or a reload) is finished.
        case ready
        /// The daemon is draining and will exit.
        case stopping
        /// The daemon is reloading its configuration (SIGHUP); send ``ready`` when done.
        /// Carries `MONOTONIC_USEC`, which systemd 253+ wants with it.
        case reloading
        /// A one-line status shown by `systemctl status sparkd`.
        case status(String)
        /// The watchdog ping (`WatchdogSec=`).
        case watchdog
        /// Why the daemon failed, as an errno number, shown by systemd on failure.
        case errno(Int32)

        var lines: [String] {
            switch self {
            case .ready: ["READY=1"]
            case .stopping: ["STOPPING=1"]
            case .reloading: ["RELOADING=1", "MONOTONIC_USEC=\(SystemdNotifier.monotonicMicroseconds())"]
            // A status is one line: a newline would start a new assignment.
            case .status(let text): ["STATUS=" + text.map { $0.isNewline ? " " : String($0) }.joined()]
            case .watchdog: ["WATCHDOG=1"]
            case .errno(let number): ["ERRNO=\(number)"]
            }
        }
    }

    /// The datagram for `messages`: their assignments, one per line.
    package static func datagram(_ messages: [Message]) -> String {
        messages.flatMap(\.lines).joined(separator: "\n") + "\n"
    }

    /// Sends `messages` as one datagram. Returns false when there is no `$NOTIFY_SOCKET`.
    /// Failures throw: the caller logs them and carries on — a lost notification must not stop
    /// the daemon (systemd then reports a start-up timeout, which names the problem).
    @discardableResult
    package func notify(_ messages: Message...) throws(SystemdNotifierError) -> Bool {
        try notify(messages)
    }

    @discardableResult
    package func notify(_ messages: [Message]) throws(SystemdNotifierError) -> Bool {
        guard let socketPath else { return false }
        try Self.send(Array(Self.datagram(messages).utf8), to: socketPath)
        return true
    }

    // MARK: - The datagram

    static func send(_ bytes: [UInt8], to path: String) throws(SystemdNotifierError) {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(path.utf8)
        let abstract = pathBytes.first == UInt8(ascii: "@")
        guard abstract || pathBytes.first == UInt8(ascii: "/") else {
            throw SystemdNotifierError(
                path: path, errno: EAFNOSUPPORT,
                message: "NOTIFY_SOCKET is neither an absolute path nor an abstract name ('@…')")
        }
        // An abstract name starts with a NUL byte instead of '@' and has no terminating NUL.
        if abstract { pathBytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity else {
            throw SystemdNotifierError(path: path, errno: ENAMETOOLONG, message: "NOTIFY_SOCKET is longer than \(capacity - 1) bytes")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { sunPath in
            sunPath.copyBytes(from: pathBytes)
        }
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \.sun_path)!
        let length = socklen_t(pathOffset + pathBytes.count + (abstract ? 0 : 1))

        #if canImport(Glibc)
            let type = Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        #else
            let type = SOCK_DGRAM | SOCK_CLOEXEC
        #endif
        let fd = socket(AF_UNIX, type, 0)
        guard fd >= 0 else { throw SystemdNotifierError(path: path, errno: errno, message: "socket(AF_UNIX, SOCK_DGRAM) failed") }
        defer { close(fd) }
        var sent: Int
        repeat {
            sent = bytes.withUnsafeBytes { buffer in
                withUnsafePointer(to: &address) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                        sendto(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL), socketAddress, length)
                    }
                }
            }
        } while sent < 0 && errno == EINTR
        guard sent == bytes.count else {
            throw SystemdNotifierError(path: path, errno: sent < 0 ? errno : EMSGSIZE, message: "sending the notification failed")
        }
    }

    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }

    static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"] {
            if let value = getenv(key) { result[key] = String(cString: value) }
        }
        return result
    }
}

/// A notification that could not be sent: the socket, the errno and what was being done.
package struct SystemdNotifierError: Error, CustomStringConvertible, Sendable {
    package let path: String
    package let errno: Int32
    package let message: String

    package var description: String {
        "\(message) (NOTIFY_SOCKET=\(path)): \(String(cString: strerror(errno)))"
    }
}

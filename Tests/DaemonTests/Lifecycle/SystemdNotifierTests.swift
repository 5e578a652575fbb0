import Daemon
import Foundation
import Glibc
import TestSupport
import Testing

/// A datagram socket bound where systemd's would be, to read what the notifier sends.
final class DatagramListener {
    let fd: Int32
    let name: String

    /// Binds `name`: a path, or an abstract name starting with `@`.
    init(_ name: String) throws {
        self.name = name
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(name.utf8)
        let abstract = bytes.first == UInt8(ascii: "@")
        if abstract { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count + (abstract ? 0 : 1))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard fd >= 0, result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EINVAL) }
        // Never hang a test: a missing datagram fails after two seconds.
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }
}

@Suite struct SystemdNotifierTests {
    @Test("READY, STATUS, STOPPING and WATCHDOG reach a socket bound at a path, one datagram per call")
    func pathSocket() throws {
        let directory = try TemporaryDirectory()
        let listener = try DatagramListener(directory.path + "/notify")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.name])
        #expect(notifier.isEnabled)
        #expect(try notifier.notify(.ready, .status("watching 3 repositories")))
        #expect(listener.receive() == "READY=1\nSTATUS=watching 3 repositories\n")
        try notifier.notify(.stopping, .status("draining 2 jobs"))
        #expect(listener.receive() == "STOPPING=1\nSTATUS=draining 2 jobs\n")
        try notifier.notify(.watchdog)
        #expect(listener.receive() == "WATCHDOG=1\n")
    }

    @Test("an abstract-namespace socket (@name)")
    func abstractSocket() throws {
        let listener = try DatagramListener("@sparkd-test-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.name])
        try notifier.notify(.ready)
        #expect(listener.receive() == "READY=1\n")
    }

    @Test("RELOADING carries MONOTONIC_USEC; a status stays on one line")
    func reloading() throws {
        let directory = try TemporaryDirectory()
        let listener = try DatagramListener(directory.path + "/notify")
        let notifier = SystemdNotifier(socketPath: listener.name)
        try notifier.notify(.reloading, .status("reloading\n/etc/sparkd/sparkd.yml"))
        let lines = try #require(listener.receive()).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "RELOADING=1")
        #expect(lines[1].hasPrefix("MONOTONIC_USEC="))
        #expect(UInt64(lines[1].dropFirst("MONOTONIC_USEC=".count)).map { $0 > 0 } == true)
        #expect(lines[2] == "STATUS=reloading /etc/sparkd/sparkd.yml")
    }

    @Test("without NOTIFY_SOCKET every call is a no-op")
    func unset() throws {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isEnabled)
        #expect(try notifier.notify(.ready) == false)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": ""]).isEnabled == false)
    }

    @Test("a socket nobody listens on is an error naming it, not a crash")
    func missingSocket() throws {
        let directory = try TemporaryDirectory()
        let notifier = SystemdNotifier(socketPath: directory.path + "/nobody")
        let error = #expect(throws: SystemdNotifierError.self) { try notifier.notify(.ready) }
        #expect(error?.errno == ENOENT)
        #expect(error?.description.contains(directory.path + "/nobody") == true)
        #expect(throws: SystemdNotifierError.self) { try SystemdNotifier(socketPath: "relative").notify(.ready) }
        #expect(throws: SystemdNotifierError.self) {
            try SystemdNotifier(socketPath: "/" + String(repeating: "x", count: 200)).notify(.ready)
        }
    }

    @Test("the watchdog interval comes from WATCHDOG_USEC, for this process only")
    func watchdogInterval() {
        let mine = SystemdNotifier(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "\(getpid())"])
        #expect(mine.watchdogInterval == .seconds(30))
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "5000000"]).watchdogInterval == .seconds(5))
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "5000000", "WATCHDOG_PID": "1"]).watchdogInterval == nil)
        #expect(SystemdNotifier(environment: [:]).watchdogInterval == nil)
    }
}

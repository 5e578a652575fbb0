import CDispatch
import Daemon
import Foundation
import Glibc
import Logging
import Testing

/// Collects everything written to a pipe until its write end closes.
private final class PipeReader: @unchecked Sendable {
    let fd: Int32
    private(set) var bytes: [UInt8] = []
    init(_ fd: Int32) { self.fd = fd }

    func readToEnd() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
            bytes += buffer[..<count]
        }
    }
}

@Suite struct JournalLogHandlerTests {
    @Test("priority prefix, label, message, then sorted dotted metadata")
    func format() {
        let metadata: Logger.Metadata = [
            "repo": ["path": "/srv/git/app", "branch": "main"],
            "job.id": "42",
            "recipes": ["fixup/a", "fixup/b"],
            "attempt": .stringConvertible(3),
        ]
        let line = JournalLogHandler.format(
            level: .info, label: "sparkd.worker", message: "job finished",
            metadata: metadata, timestamp: nil)
        #expect(line == "<6>sparkd.worker: job finished attempt=3 job.id=42 recipes=[fixup/a,fixup/b] repo.branch=main repo.path=/srv/git/app\n")
    }

    @Test(
        "syslog priorities, as sd-daemon(3) defines them",
        arguments: [
            (Logger.Level.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
        ])
    func priorities(level: Logger.Level, expected: Int) {
        #expect(JournalLogHandler.priority(level) == expected)
        #expect(JournalLogHandler.format(level: level, label: "l", message: "m", metadata: [:], timestamp: nil) == "<\(expected)>l: m\n")
    }

    @Test("values with spaces, quotes or newlines are quoted; messages stay on one line")
    func quoting() {
        #expect(JournalLogHandler.quoted("plain") == "plain")
        #expect(JournalLogHandler.quoted("two words") == "\"two words\"")
        #expect(JournalLogHandler.quoted("") == "\"\"")
        #expect(JournalLogHandler.quoted("say \"hi\"") == "\"say \\\"hi\\\"\"")
        #expect(JournalLogHandler.quoted("a=b") == "\"a=b\"")
        #expect(JournalLogHandler.quoted("line\nbreak") == "\"line\\nbreak\"")
        let line = JournalLogHandler.format(
            level: .error, label: "sparkd", message: "first\nsecond",
            metadata: ["error.message": "cannot read /etc/sparkd/sparkd.yml"], timestamp: nil)
        #expect(line == "<3>sparkd: first\\nsecond error.message=\"cannot read /etc/sparkd/sparkd.yml\"\n")
    }

    @Test("an ISO 8601 UTC timestamp after the priority when not writing to the journal")
    func timestamp() throws {
        let stamp = JournalLogHandler.timestamp()
        #expect(stamp.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/) != nil, "\(stamp)")
        let line = JournalLogHandler.format(level: .warning, label: "sparkd", message: "m", metadata: [:], timestamp: stamp)
        #expect(line == "<4>\(stamp) sparkd: m\n")
    }

    @Test("records written through a Logger into a pipe: one line each, levels filtered, errors as metadata")
    func pipe() throws {
        var fds: [Int32] = [0, 0]
        #expect(Glibc.pipe(&fds) == 0)
        defer { close(fds[0]) }
        struct Failure: Error, CustomStringConvertible { var description: String { "disk full" } }
        // Read while writing: 2 MB does not fit in a pipe's buffer.
        let received = PipeReader(fds[0])
        let reader = Thread { received.readToEnd() }
        reader.start()
        do {
            var handler = JournalLogHandler(label: "sparkd.test", fileDescriptor: fds[1], timestamps: false)
            handler.logLevel = .debug
            handler[metadataKey: "daemon"] = ["pid": "7"]
            let logger = Logger(label: "sparkd.test") { _ in handler }
            logger.trace("not written")
            logger.debug("debugging", metadata: ["repo.path": "/srv/git/app"])
            logger.info("ready", metadata: ["daemon": ["pid": "8"]])
            logger.error("commit failed", error: Failure())
            let threads = (0..<8).map { index in
                Thread { for n in 0..<50 { logger.info("line \(index)-\(n)", metadata: ["pad": "\(String(repeating: "x", count: 5000))"]) } }
            }
            threads.forEach { $0.start() }
            while threads.contains(where: { !$0.isFinished }) { usleep(1000) }
            close(fds[1])
        }
        while !reader.isFinished { usleep(1000) }
        let bytes = received.bytes
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "<7>sparkd.test: debugging daemon.pid=7 repo.path=/srv/git/app")
        #expect(lines[1] == "<6>sparkd.test: ready daemon.pid=8")
        #expect(lines[2].hasPrefix("<3>sparkd.test: commit failed daemon.pid=7 error.message=\"disk full\" error.type="))
        // 400 concurrent lines longer than PIPE_BUF (which the kernel may split) arrive whole.
        let concurrent = lines[3...].filter { !$0.isEmpty }
        #expect(concurrent.count == 400)
        #expect(concurrent.allSatisfy { $0.hasPrefix("<6>sparkd.test: line ") && $0.hasSuffix(String(repeating: "x", count: 5000)) })
    }

    @Test("the journal is recognised by JOURNAL_STREAM's device:inode")
    func journalDetection() throws {
        var fds: [Int32] = [0, 0]
        #expect(Glibc.pipe(&fds) == 0)
        defer {
            close(fds[0])
            close(fds[1])
        }
        var status = stat()
        #expect(fstat(fds[1], &status) == 0)
        #expect(JournalLogHandler.isJournalStream(fds[1], journalStream: "\(status.st_dev):\(status.st_ino)"))
        #expect(!JournalLogHandler.isJournalStream(fds[1], journalStream: "\(status.st_dev):\(status.st_ino + 1)"))
        #expect(!JournalLogHandler.isJournalStream(fds[1], journalStream: nil))
        #expect(!JournalLogHandler.isJournalStream(fds[1], journalStream: "garbage"))
    }
}

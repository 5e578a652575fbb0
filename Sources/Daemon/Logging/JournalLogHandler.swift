internal import CDispatch
package import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A swift-log handler that writes one line per record to standard error, in the form journald
/// reads when systemd connects a service's stderr to the journal:
///
///     <6>sparkd.watcher: new commit job.id=42 repo.path=/srv/git/app
///
/// - `<N>` is the syslog priority (the sd-daemon(3) convention): journald strips it and files
///   the line at that priority, so `journalctl -p warning -u sparkd` works.
/// - Then the logger's label, the message, and the metadata as `key=value` pairs sorted by key;
///   nested dictionaries become dotted keys (`repo` → `["path": …]` is `repo.path=…`).
///   Values containing spaces, quotes, `=` or control characters are double-quoted with `\`
///   escapes; newlines in the message are written as `\n`, so one record is always one line.
/// - No timestamp when stderr is the journal (it stamps every entry itself); detected as
///   systemd documents it: `$JOURNAL_STREAM` is `device:inode` of the stream, compared with
///   fstat(2) of the descriptor. Otherwise each line starts with an ISO 8601 UTC timestamp
///   after the priority: `<6>2026-04-03T02:30:00.123Z sparkd: …`.
///
/// Thread-safe: a line is formatted in full, then written with one write(2) under a lock (a
/// second call only if the kernel took part of a long line), so concurrent records never mix.
package struct JournalLogHandler: LogHandler {
    package var logLevel: Logger.Level = .info
    package var metadata: Logger.Metadata = [:]
    package var metadataProvider: Logger.MetadataProvider?
    package let label: String
    let output: Output

    /// A handler for `label` writing to `fileDescriptor` (standard error by default). Timestamps
    /// are written unless the descriptor is the journal's stream (see the type's comment);
    /// `timestamps` overrides that detection.
    package init(
        label: String,
        fileDescriptor: Int32 = 2,
        timestamps: Bool? = nil,
        metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.label = label
        self.metadataProvider = metadataProvider
        let journal = Self.isJournalStream(fileDescriptor, journalStream: getenv("JOURNAL_STREAM").map { String(cString: $0) })
        output = Output.shared(fileDescriptor: fileDescriptor, timestamps: timestamps ?? !journal)
    }

    /// Makes every `Logger` of the process write through this handler to standard error, at
    /// `level` and above. Call once, first thing in `sparkd` (swift-log allows one bootstrap).
    package static func bootstrap(level: Logger.Level = .info, metadataProvider: Logger.MetadataProvider? = nil) {
        LoggingSystem.bootstrap(
            { label, provider in
                var handler = JournalLogHandler(label: label, metadataProvider: provider)
                handler.logLevel = level
                return handler
            }, metadataProvider: metadataProvider)
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let explicit = event.metadata { merged.merge(explicit) { _, new in new } }
        if let error = event.error {
            merged["error.message"] = "\(error)"
            merged["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        let line = Self.format(
            level: event.level, label: label, message: event.message.description, metadata: merged,
            timestamp: output.timestamps ? Self.timestamp() : nil)
        output.write(line)
    }

    // MARK: - Format

    /// The syslog priority journald files a record at.
    package static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// One record as a line, with its trailing newline.
    package static func format(
        level: Logger.Level, label: String, message: String, metadata: Logger.Metadata, timestamp: String?
    ) -> String {
        var line = "<\(priority(level))>"
        if let timestamp { line += timestamp + " " }
        line += label + ": " + escaped(message)
        for (key, value) in flatten(metadata).sorted(by: { $0.key < $1.key }) {
            line += " " + key + "=" + quoted(value)
        }
        return line + "\n"
    }

    /// Metadata as dotted `key=value` pairs: dictionaries nest into `outer.inner`, arrays are
    /// written `[a,b]`.
    package static func flatten(_ metadata: Logger.Metadata, prefix: String = "") -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = []
        for (key, value) in metadata {
            let name = prefix.isEmpty ? key : prefix + "." + key
            if case .dictionary(let nested) = value, !nested.isEmpty {
                pairs += flatten(nested, prefix: name)
            } else {
                pairs.append((name, render(value)))
            }
        }
        return pairs
    }

    static func render(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        case .array(let values): "[" + values.map(render).joined(separator: ",") + "]"
        case .dictionary(let entries):
            "{" + entries.sorted { $0.key < $1.key }.map { "\($0.key)=\(render($0.value))" }.joined(separator: ",") + "}"
        }
    }

    /// `value` as is when it is one plain word, else in double quotes with `\"`, `\\` and
    /// control characters escaped.
    package static func quoted(_ value: String) -> String {
        let plain =
            !value.isEmpty
            && value.unicodeScalars.allSatisfy { scalar in
                scalar.value > 0x20 && scalar.value != 0x7F && scalar != "\"" && scalar != "=" && scalar != "\\"
                    && !scalar.properties.isWhitespace
            }
        if plain { return value }
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default: result += escapedControl(scalar)
            }
        }
        return result + "\""
    }

    /// The message with control characters escaped, so a record stays on one line.
    static func escaped(_ message: String) -> String {
        guard message.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return message }
        return message.unicodeScalars.map(escapedControl).joined()
    }

    static func escapedControl(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            } else {
                String(scalar)
            }
        }
    }

    /// Now, in UTC, to the millisecond: `2026-04-03T02:30:00.123Z`.
    package static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let millis = Int(now.tv_nsec) / 1_000_000
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
            + "T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(fraction)Z"
    }

    /// Whether `fileDescriptor` is the stream `$JOURNAL_STREAM` names (`device:inode`, decimal).
    package static func isJournalStream(_ fileDescriptor: Int32, journalStream: String?) -> Bool {
        guard let journalStream else { return false }
        let fields = journalStream.split(separator: ":")
        guard fields.count == 2, let device = UInt64(fields[0]), let inode = UInt64(fields[1]) else { return false }
        var status = stat()
        guard fstat(fileDescriptor, &status) == 0 else { return false }
        return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode
    }

    // MARK: - Output

    /// A descriptor and its lock, shared by every handler writing to it.
    final class Output: Sendable {
        let fileDescriptor: Int32
        let timestamps: Bool
        private let lock = Mutex(())

        init(fileDescriptor: Int32, timestamps: Bool) {
            (self.fileDescriptor, self.timestamps) = (fileDescriptor, timestamps)
        }

        private static let registry = Mutex([Int32: [Bool: Output]]())

        /// One `Output` per descriptor (and timestamp choice), so all loggers share its lock.
        static func shared(fileDescriptor: Int32, timestamps: Bool) -> Output {
            registry.withLock { outputs in
                if let output = outputs[fileDescriptor]?[timestamps] { return output }
                let output = Output(fileDescriptor: fileDescriptor, timestamps: timestamps)
                outputs[fileDescriptor, default: [:]][timestamps] = output
                return output
            }
        }

        /// Writes all of `line`; errors (a closed stderr) are ignored, as logging cannot report them.
        func write(_ line: String) {
            var bytes = Array(line.utf8)
            lock.withLock { _ in
                bytes.withUnsafeMutableBytes { buffer in
                    var offset = 0
                    while offset < buffer.count {
                        let written = systemWrite(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                        if written < 0 {
                            if errno == EINTR { continue }
                            return
                        }
                        offset += written
                    }
                }
            }
        }
    }
}

/// write(2); a name of its own because `Output.write(_:)` hides the C function.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
    #else
        Musl.write(fd, buffer, count)
    #endif
}
